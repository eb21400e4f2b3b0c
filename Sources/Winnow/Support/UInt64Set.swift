/// A set of 64-bit integers in an open-addressed table placed by a multiplicative hash: a lookup is a
/// multiply and a probe or two, where `Set<UInt64>` runs SipHash (the clustering asks per pair and band).
struct UInt64Set: Sendable {
    /// The members, 0 in an empty slot; 0 itself is kept in `hasZero`.
    private var slots: [UInt64]
    private var hasZero = false
    /// Slots are `1 << (64 - shift)`: the hash's top bits place a value.
    private var shift: Int
    /// How many values the set holds.
    private(set) var count = 0

    init(minimumCapacity: Int = 0) {
        var bits = 4
        while (1 << bits) < minimumCapacity * 2 { bits += 1 }
        slots = [UInt64](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    var isEmpty: Bool { count == 0 }

    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return hasZero }
        return slots.withUnsafeBufferPointer { slots in
            var slot = home(of: value)
            let mask = slots.count - 1
            while true {
                let held = slots[slot]
                if held == value { return true }
                if held == 0 { return false }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Adds `value`; false when the set held it already.
    @discardableResult
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            guard !hasZero else { return false }
            hasZero = true
            count += 1
            return true
        }
        // At most half full, so that a miss ends within a probe or two.
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var slot = home(of: value)
        while slots[slot] != 0 {
            if slots[slot] == value { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = value
        count += 1
        return true
    }

    /// The members in ascending order.
    func sorted() -> [UInt64] {
        var values = slots.filter { $0 != 0 }
        if hasZero { values.append(0) }
        values.sort()
        return values
    }

    @inline(__always)
    private func home(of value: UInt64) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for value in old where value != 0 {
            var slot = home(of: value)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = value
        }
    }
}
