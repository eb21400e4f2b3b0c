import Foundation

/// The report's clusters by kind and label (compared bytewise, as ids are), each with the serial it
/// was entered with. One flat table of labels' bytes: a `[ByteString: Int]` hashed, compared and
/// retained a String on every clustered line of the first pass, and again as it grew.
struct ClusterIndex {
    /// Two words a slot: 0 when empty, else an entered serial plus one in the low 32 bits and the top
    /// bits of its hash above (most other keys met on the way are told apart without reading them);
    /// then where its key starts in `keys`. A power of two of slots, at most half used.
    private var slots = [UInt64](repeating: 0, count: 2 * 1024)
    /// Every cluster's key, one after the other: its kind's byte, its label's length (8 bytes, little
    /// endian) and its label's UTF-8 bytes, so that a lookup reads one place besides its slot.
    private var keys: [UInt8] = []

    /// How many clusters were entered: the serial the next one gets.
    private(set) var count = 0

    /// The serial of the cluster of `kind` labelled `label`, entered with the next serial when it was not.
    mutating func serial(_ kind: RunReport.ClusterKind, _ label: String) -> Int {
        var label = label
        return label.withUTF8 { bytes in
            let hash = Self.hash(Self.byte(kind), bytes)
            let (slot, found) = find(kind, bytes, hash: hash)
            if let found { return found }
            let serial = count
            precondition(serial < Int(UInt32.max) - 1, "more clusters than the report's index holds")
            slots[2 * slot] = Self.tag(hash) | UInt64(serial + 1)
            slots[2 * slot + 1] = UInt64(keys.count)
            keys.append(Self.byte(kind))
            withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { keys += $0 }
            keys.append(contentsOf: bytes)
            count += 1
            if 4 * count > slots.count { grow() }
            return serial
        }
    }

    /// The serial of the cluster of `kind` labelled `label`; nil when it was not entered.
    func existing(_ kind: RunReport.ClusterKind, _ label: String) -> Int? {
        var label = label
        return label.withUTF8 { bytes in find(kind, bytes, hash: Self.hash(Self.byte(kind), bytes)).serial }
    }

    private static func byte(_ kind: RunReport.ClusterKind) -> UInt8 {
        kind == .nearDuplicate ? UInt8(ascii: "n") : UInt8(ascii: "e")
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
        let mask = slots.count / 2 - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[2 * slot] != 0 {
            let entry = slots[2 * slot]
            if entry & 0xFFFF_FFFF_0000_0000 == Self.tag(hash), isKey(Int(slots[2 * slot + 1]), kind, bytes) {
                return (slot, Int(entry & 0xFFFF_FFFF) - 1)
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// Whether the key at `start` is `kind` and `bytes`.
    private func isKey(_ start: Int, _ kind: RunReport.ClusterKind, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        keys.withUnsafeBufferPointer { keys in
            guard keys[start] == Self.byte(kind), Self.length(keys, start) == bytes.count else { return false }
            guard let label = bytes.baseAddress else { return true }
            return memcmp(keys.baseAddress! + start + 9, label, bytes.count) == 0
        }
    }

    private static func length(_ keys: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        Int(UInt64(littleEndian: UnsafeRawPointer(keys.baseAddress! + start + 1).loadUnaligned(as: UInt64.self)))
    }

    /// Twice the slots, every key entered again where its hash puts it.
    private mutating func grow() {
        var grown = [UInt64](repeating: 0, count: 2 * slots.count)
        let mask = grown.count / 2 - 1
        keys.withUnsafeBufferPointer { keys in
            for slot in 0..<(slots.count / 2) where slots[2 * slot] != 0 {
                let start = Int(slots[2 * slot + 1])
                let label = UnsafeBufferPointer(rebasing: keys[(start + 9)..<(start + 9 + Self.length(keys, start))])
                var moved = Int(truncatingIfNeeded: Self.hash(keys[start], label)) & mask
                while grown[2 * moved] != 0 { moved = (moved + 1) & mask }
                grown[2 * moved] = slots[2 * slot]
                grown[2 * moved + 1] = slots[2 * slot + 1]
            }
        }
        slots = grown
    }
}
