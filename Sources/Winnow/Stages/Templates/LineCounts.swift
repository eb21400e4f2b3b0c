/// Page counts of folded lines by key: an open-addressed table indexed by the keys' own low bits.
/// Line keys are already well-mixed hashes, so a lookup skips the SipHash a `Dictionary` runs.
public struct LineCounts: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    private var keys: [UInt64]
    /// The count at each slot; 0 marks an empty slot (a counted line is on one page at least).
    private var counts: [UInt32]
    /// How many lines are counted.
    public private(set) var count = 0

    public init(minimumCapacity: Int = 0) {
        var slots = 8
        while slots * 3 < minimumCapacity * 4 { slots *= 2 }
        keys = [UInt64](repeating: 0, count: slots)
        counts = [UInt32](repeating: 0, count: slots)
    }

    public init(dictionaryLiteral elements: (UInt64, UInt32)...) {
        self.init(minimumCapacity: elements.count)
        for (key, pages) in elements { set(key, pages) }
    }

    public var isEmpty: Bool { count == 0 }

    /// The count of `key`, nil when the line was not counted.
    public subscript(key: UInt64) -> UInt32? {
        let slot = self.slot(of: key)
        return counts[slot] == 0 ? nil : counts[slot]
    }

    /// Adds `amount` (at least 1) to the count of `key`.
    public mutating func add(_ key: UInt64, _ amount: UInt32) {
        precondition(amount > 0, "a line count is at least 1")
        var slot = self.slot(of: key)
        if counts[slot] == 0 {
            if (count + 1) * 4 > counts.count * 3 {
                grow()
                slot = self.slot(of: key)
            }
            keys[slot] = key
            count += 1
        }
        counts[slot] += amount
    }

    /// Adds as `add` does, a count that would pass 2^32 - 1 staying there: for the counts of sites
    /// of more pages than that, which only crafted counts files hold.
    public mutating func addSaturating(_ key: UInt64, _ amount: UInt32) {
        let room = UInt32.max - (self[key] ?? 0)
        guard room > 0 else { return }
        add(key, Swift.min(amount, room))
    }

    /// Takes `amount` from the count of `key`, dropping the line when it falls to 0; false when the
    /// line was not counted that often.
    public mutating func subtract(_ key: UInt64, _ amount: UInt32) -> Bool {
        precondition(amount > 0, "a line count is at least 1")
        var slot = self.slot(of: key)
        // An empty slot (count 0) is a line never counted.
        guard counts[slot] >= amount else { return false }
        counts[slot] -= amount
        guard counts[slot] == 0 else { return true }
        count -= 1
        // Backward-shift deletion: each later key of the run moves into the hole unless its home
        // slot lies cyclically after the hole, so that every lookup still finds its key.
        let mask = counts.count - 1
        var next = (slot + 1) & mask
        while counts[next] != 0 {
            let home = Int(truncatingIfNeeded: keys[next]) & mask
            if (next - home) & mask >= (next - slot) & mask {
                keys[slot] = keys[next]
                counts[slot] = counts[next]
                counts[next] = 0
                slot = next
            }
            next = (next + 1) & mask
        }
        return true
    }

    /// Sets the count of `key` (at least 1), as a counts file gives it.
    public mutating func set(_ key: UInt64, _ pages: UInt32) {
        precondition(pages > 0, "a line count is at least 1")
        let slot = self.slot(of: key)
        if counts[slot] != 0 {
            counts[slot] = pages
        } else {
            add(key, pages)
        }
    }

    /// The slot that holds `key`, or the empty slot where it would go.
    @inline(__always) private func slot(of key: UInt64) -> Int {
        let mask = counts.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while counts[slot] != 0 && keys[slot] != key { slot = (slot + 1) & mask }
        return slot
    }

    /// Four times the slots while the table is small, so that a site's first lines are moved less
    /// often; twice after that, to spare memory.
    private mutating func grow() {
        var larger = LineCounts(minimumCapacity: counts.count < 4096 ? counts.count * 3 : counts.count)
        for (key, pages) in self { larger.add(key, pages) }
        self = larger
    }

    public static func == (lhs: LineCounts, rhs: LineCounts) -> Bool {
        lhs.count == rhs.count && lhs.allSatisfy { rhs[$0.key] == $0.pages }
    }

    public func makeIterator() -> Iterator {
        Iterator(table: self)
    }

    /// The counted lines as (key, pages), in no particular order.
    public struct Iterator: IteratorProtocol {
        let table: LineCounts
        var slot = 0

        public mutating func next() -> (key: UInt64, pages: UInt32)? {
            while slot < table.counts.count {
                defer { slot += 1 }
                if table.counts[slot] != 0 { return (table.keys[slot], table.counts[slot]) }
            }
            return nil
        }
    }
}
