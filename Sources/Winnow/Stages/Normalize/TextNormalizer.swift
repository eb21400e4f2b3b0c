import Foundation

/// Rewrites text in one pass over its Unicode scalars according to `NormalizeOptions`.
public struct TextNormalizer: Sendable {
    public let options: NormalizeOptions

    public init(options: NormalizeOptions = NormalizeOptions()) {
        self.options = options
    }

    /// The normalised text.
    public func normalize(_ text: String) -> String {
        normalizeIfChanged(text) ?? text
    }

    /// The normalised text, or nil when normalisation leaves `text` as it is.
    public func normalizeIfChanged(_ text: String) -> String? {
        let composed = applyUnicodeForm(text)
        var output: [UInt8] = []
        output.reserveCapacity(composed.utf8.count)
        fold(composed, into: &output)
        let unchanged = composed.utf8.count == output.count && composed.utf8.elementsEqual(output)
        if unchanged { return composed == text ? nil : composed }
        return String(decoding: output, as: UTF8.self)
    }

    private func applyUnicodeForm(_ text: String) -> String {
        switch options.unicode {
        case .none:
            return text
        case .nfc:
            // Text with no scalar at or above U+0300 (lead byte 0xCC) is already in NFC: nothing below
            // U+0300 decomposes or combines. That covers ASCII and most Latin text without a library call.
            if !text.utf8.contains(where: { $0 >= 0xCC }) { return text }
            return text.precomposedStringWithCanonicalMapping
        case .nfkc:
            if !text.utf8.contains(where: { $0 >= 0x80 }) { return text }
            return text.precomposedStringWithCompatibilityMapping
        }
    }

    private enum Class {
        case content, space, lineBreak, carriageReturn, drop
    }

    private func classify(_ scalar: Unicode.Scalar) -> Class {
        let value = scalar.value
        switch value {
        case 0x0A, 0x0B, 0x0C, 0x85, 0x2028, 0x2029: return .lineBreak
        case 0x0D: return .carriageReturn
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
            return .space
        case 0x00...0x1F, 0x7F...0x9F:
            return options.removeControl ? .drop : .content
        case 0x200B, 0x2060...0x2064, 0xFEFF, 0xAD, 0x180E, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
            return options.removeInvisible ? .drop : .content
        default:
            return .content
        }
    }

    /// Whitespace is held back until content follows, so that line ends and runs can be trimmed.
    private func fold(_ text: String, into output: inout [UInt8]) {
        var pendingSpace: [UInt8] = []
        var pendingBreaks = 0
        var lineHasContent = false
        var afterCarriageReturn = false
        let maxBreaks = options.maxBlankLines + 1

        func endLine(_ output: inout [UInt8]) {
            if !options.trimLines && lineHasContent { output.append(contentsOf: pendingSpace) }
            pendingSpace.removeAll(keepingCapacity: true)
            pendingBreaks += 1
            lineHasContent = false
        }

        for scalar in text.unicodeScalars {
            let kind = classify(scalar)
            if afterCarriageReturn {
                afterCarriageReturn = false
                if scalar == "\n" { continue }
            }
            switch kind {
            case .drop:
                continue
            case .carriageReturn:
                afterCarriageReturn = true
                endLine(&output)
            case .lineBreak:
                endLine(&output)
            case .space:
                if options.foldSpaces {
                    if pendingSpace.isEmpty { pendingSpace.append(0x20) }
                } else {
                    pendingSpace.append(contentsOf: UTF8.encode(scalar)!)
                }
            case .content:
                if pendingBreaks > 0 {
                    if !output.isEmpty {
                        output.append(contentsOf: repeatElement(0x0A, count: min(pendingBreaks, maxBreaks)))
                    }
                    pendingBreaks = 0
                }
                if !pendingSpace.isEmpty {
                    if lineHasContent || !options.trimLines { output.append(contentsOf: pendingSpace) }
                    pendingSpace.removeAll(keepingCapacity: true)
                }
                if scalar.isASCII {
                    output.append(UInt8(scalar.value))
                } else {
                    output.append(contentsOf: UTF8.encode(scalar)!)
                }
                lineHasContent = true
            }
        }
        if !options.trimLines && lineHasContent { output.append(contentsOf: pendingSpace) }
    }
}
