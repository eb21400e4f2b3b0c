import Foundation

/// The intermediate file between the `neardup` stage's map and merge steps, one JSON object per line:
///
///     {"format":"winnow.minhash-signatures","version":1,"shingle_words":5,"permutations":112,"bands":14,"rows":8,"seed":1,"keep":"longest"}
///     {"id":"a17","rank":"fffffffffffffe2a…","shingles":412,"signature":"9c01ab77…","bands":["3f0e…",…]}
///
/// The header names the parameters the signatures depend on; `merge` refuses files made with others.
/// Per document: its id, its keep rank (hex bytes; bytewise smaller is kept first, ties broken by id),
/// its number of shingles, its MinHash signature (8 hex digits per slot) and its LSH band keys (16 hex digits each, band 0
/// first: `LSHBanding.key`). An engine can explode the band keys, group by (band, key) in its shuffle
/// to find candidate pairs, and verify them with the signatures; `winnow dedup merge` does all of it.
public enum SignaturesFile {
    public static let format = "winnow.minhash-signatures"
    public static let version = 1

    static func header(_ options: NearDupOptions) -> [(String, JSONValue)] {
        [("format", .string(format)), ("version", .int(version)), ("shingle_words", .int(options.shingleWords)),
         ("permutations", .int(options.permutations)), ("bands", .int(options.bands)), ("rows", .int(options.rows)),
         ("seed", .string(String(options.seed))), ("keep", .string(options.keep.description))]
    }

    public static func write(_ tally: SignatureTally, options: NearDupOptions, to path: String) throws(WinnowError) {
        let file = try OutputFile(path: path)
        var buffer: [UInt8] = []
        JSONValue.object(header(options)).encode(into: &buffer)
        buffer.append(0x0A)
        let banding = options.banding
        for index in 0..<tally.count {
            let signature = tally.signature(index, permutations: options.permutations)
            buffer += Array("{\"id\":".utf8)
            JSONString.append(tally.ids[index], to: &buffer)
            buffer += Array(",\"rank\":\"".utf8)
            for byte in tally.ranks[index] { appendHex(UInt64(byte), digits: 2, to: &buffer) }
            buffer += Array("\",\"shingles\":\(tally.shingleCounts[index]),\"signature\":\"".utf8)
            for slot in signature { appendHex(UInt64(slot), digits: 8, to: &buffer) }
            buffer += Array("\",\"bands\":[".utf8)
            for band in 0..<banding.bands {
                if band > 0 { buffer.append(UInt8(ascii: ",")) }
                buffer.append(UInt8(ascii: "\""))
                appendHex(banding.key(band: band, of: signature), digits: 16, to: &buffer)
                buffer.append(UInt8(ascii: "\""))
            }
            buffer += Array("]}\n".utf8)
            try file.drain(&buffer)
        }
        try file.drain(&buffer, atLeast: 0)
        try file.commit()
    }

    /// Reads a signatures file made with the same parameters as `options` and adds it to `tally`.
    public static func read(_ path: String, options: NearDupOptions, into tally: inout SignatureTally) throws(WinnowError) {
        let banding = options.banding
        try IntermediateFile.readRecords(path, kind: "signatures", header: JSONValue.object(header(options)).encoded(),
                                         mismatch: "signatures were made with other parameters") {
            record throws(WinnowError) in
            guard let id = record.string("id"), let rankHex = record.plainString("rank"),
                  let signatureHex = record.plainString("signature"), let shingles = record.count("shingles"),
                  let rank = parseHex(rankHex, digits: 2), signatureHex.count == options.permutations * 8,
                  signatureHex.allSatisfy({ JSONString.hexValue($0) != nil }) else {
                throw .configuration("a signature line needs 'id', hex 'rank', 'shingles' and a hex 'signature' of "
                    + "\(options.permutations) slots of 8 digits", path: record.location)
            }
            tally.add(id: id, rank: rank.map { UInt8($0) }, shingles: shingles, banding: banding) { signatures in
                appendSlots(signatureHex, to: &signatures)
            }
        }
    }

    /// Appends the slots of a signature checked to be hex digits, 8 per slot.
    private static func appendSlots(_ hex: ArraySlice<UInt8>, to signatures: inout [UInt32]) {
        var value: UInt32 = 0
        for (offset, byte) in hex.enumerated() {
            value = value << 4 | UInt32(JSONString.hexValue(byte) ?? 0)
            if offset % 8 == 7 {
                signatures.append(value)
                value = 0
            }
        }
    }

    /// Appends the lowest `digits` hex digits of `value` (at most 16), most significant first.
    static func appendHex(_ value: UInt64, digits: Int, to buffer: inout [UInt8]) {
        precondition(digits >= 0 && digits <= 16, "at most 16 hex digits")
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { text in
            for position in 0..<digits {
                let digit = UInt8(truncatingIfNeeded: (value >> UInt64(4 * (digits - 1 - position))) & 0xF)
                text[position] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") - 10 + digit
            }
            buffer.append(contentsOf: UnsafeBufferPointer(rebasing: text[0..<digits]))
        }
    }

    static func parseHex(_ bytes: ArraySlice<UInt8>, digits: Int) -> [UInt64]? {
        guard bytes.count % digits == 0 else { return nil }
        var values: [UInt64] = []
        values.reserveCapacity(bytes.count / digits)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            var value: UInt64 = 0
            for byte in bytes[index..<(index + digits)] {
                guard let digit = JSONString.hexValue(byte) else { return nil }
                value = value << 4 | UInt64(digit)
            }
            values.append(value)
            index += digits
        }
        return values
    }
}
