import Foundation

/// The report's clusters by kind and label (compared bytewise, as ids are), each with the serial it
/// was entered with. One flat table of labels' bytes: a `[ByteString: Int]` hashed, compared and
/// retained a String on every clustered line of the first pass, and again as it grew.
struct ClusterIndex {
    /// Per slot, 0 when empty, else an entered serial plus one in the low 32 bits and the top bits of
    /// its hash above (most other labels met on the way are told apart without reading them); a power
    /// of two of them, at most half used.
    private var slots = [UInt64](repeating: 0, count: 1024)
    /// Per serial, where its key ends in `keys`.
    private var ends: [Int] = []
    /// Every cluster's key, one after the other in serial order: its kind's byte, then its label's UTF-8 bytes.
    private var keys: [UInt8] = []

    /// How many clusters were entered: the serial the next one gets.
    var count: Int { ends.count }

    /// The serial of the cluster of `kind` labelled `label`, entered with the next serial when it was not.
    mutating func serial(_ kind: RunReport.ClusterKind, _ label: String) -> Int {
        var label = label
        return label.withUTF8 { bytes in
            let hash = Self.hash(kind, bytes)
            let (slot, found) = find(kind, bytes, hash: hash)
            if let found { return found }
            let serial = count
            precondition(serial < Int(UInt32.max), "more clusters than the report's index holds")
            slots[slot] = Self.tag(hash) | UInt64(serial + 1)
            keys.append(Self.byte(kind))
            keys.append(contentsOf: bytes)
            ends.append(keys.count)
            if 2 * count > slots.count { grow() }
            return serial
        }
    }

    /// The serial of the cluster of `kind` labelled `label`; nil when it was not entered.
    func existing(_ kind: RunReport.ClusterKind, _ label: String) -> Int? {
        var label = label
        return label.withUTF8 { bytes in find(kind, bytes, hash: Self.hash(kind, bytes)).serial }
    }

    private static func byte(_ kind: RunReport.ClusterKind) -> UInt8 {
        kind == .nearDuplicate ? UInt8(ascii: "n") : UInt8(ascii: "e")
    }

    private static func hash(_ kind: RunReport.ClusterKind, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        hash(byte(kind), bytes)
    }

    private static func hash(_ kind: UInt8, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(kind)
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    private static func tag(_ hash: UInt64) -> UInt64 { hash & 0xFFFF_FFFF_0000_0000 }

    /// The slot that holds the cluster, or the empty one where it would go.
    private func find(_ kind: RunReport.ClusterKind, _ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (slot: Int, serial: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let serial = Int(slots[slot] & 0xFFFF_FFFF) - 1
            if slots[slot] & 0xFFFF_FFFF_0000_0000 == Self.tag(hash), isKey(serial, kind, bytes) { return (slot, serial) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private func isKey(_ serial: Int, _ kind: RunReport.ClusterKind, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = serial == 0 ? 0 : ends[serial - 1]
        guard ends[serial] - start == bytes.count + 1, keys[start] == Self.byte(kind) else { return false }
        guard let label = bytes.baseAddress else { return true }
        return keys.withUnsafeBufferPointer { keys in memcmp(keys.baseAddress! + start + 1, label, bytes.count) == 0 }
    }

    /// Twice the slots, every serial entered again where its hash puts it.
    private mutating func grow() {
        var grown = [UInt64](repeating: 0, count: 2 * slots.count)
        let mask = grown.count - 1
        for entry in slots where entry != 0 {
            let serial = Int(entry & 0xFFFF_FFFF) - 1
            let start = serial == 0 ? 0 : ends[serial - 1]
            let hash = keys.withUnsafeBufferPointer { keys in
                Self.hash(keys[start], UnsafeBufferPointer(rebasing: keys[(start + 1)..<ends[serial]]))
            }
            var slot = Int(truncatingIfNeeded: hash) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = entry
        }
        slots = grown
    }
}
