/// The byte stream's events (member starts, damage) that the record reader has not passed yet, in stream
/// order: their positions never go back. Passing one costs constant time and finding those at or after
/// a position logarithmic time, so that an archive of many tiny gzip members reads in linear time (a
/// scan of every pending event for each record, and an array shifted at each one passed, made it quadratic).
struct ArchiveEventQueue {
    typealias Event = ArchiveByteStream.Event

    /// A gzip member: where it starts in the output and in the file, and what is wrong with it when it
    /// was found damaged before any of its bytes were handed out (`untrusted`).
    struct Member: Equatable {
        let decompressed: Int
        let compressed: Int
        var damage: String?
    }

    private var events: [Event] = []
    /// Index in `events` of the first event not passed.
    private var head = 0
    /// The last member start passed: where the bytes before the first pending event come from.
    private var passedMember: Member?

    var first: Event? { head < events.count ? events[head] : nil }

    /// How many events are pending.
    var count: Int { events.count - head }

    mutating func append(contentsOf new: [Event]) {
        guard !new.isEmpty else { return }
        if head > 4096 && head * 2 > events.count {
            events.removeFirst(head)
            head = 0
        }
        events.append(contentsOf: new)
    }

    /// Passes the first event.
    mutating func removeFirst() {
        precondition(head < events.count, "no event to pass")
        switch events[head] {
        case .memberStart(let decompressed, let compressed): passedMember = Member(decompressed: decompressed, compressed: compressed)
        case .untrusted(_, let compressed, let message) where passedMember?.compressed == compressed: passedMember?.damage = message
        case .untrusted, .damage: break
        }
        head += 1
    }

    /// The gzip member the byte at `position` comes from (not before the first pending event). Nil in a
    /// plain archive.
    func member(at position: Int) -> Member? {
        var untrusted: (member: Int, message: String)?
        func damage(of member: Int) -> String? { untrusted?.member == member ? untrusted?.message : nil }
        for event in events[head..<index { $0 > position }].reversed() {
            switch event {
            case .memberStart(let decompressed, let compressed):
                return Member(decompressed: decompressed, compressed: compressed, damage: damage(of: compressed))
            case .untrusted(_, let compressed, let message): untrusted = (compressed, message)
            case .damage: break
            }
        }
        guard var member = passedMember else { return nil }
        if let damage = damage(of: member.compressed) { member.damage = damage }
        return member
    }

    /// The events past `position`, in order.
    func after(_ position: Int) -> ArraySlice<Event> { events[index { $0 > position }...] }

    /// The events at or past `position`, in order.
    func from(_ position: Int) -> ArraySlice<Event> { events[index { $0 >= position }...] }

    /// The events at `position`, in order.
    func at(_ position: Int) -> ArraySlice<Event> { events[index { $0 >= position }..<index { $0 > position }] }

    /// Whether damage is reported at `position`.
    func hasDamage(at position: Int) -> Bool { at(position).contains { $0.isDamage } }

    /// Passes the events before `position` and the damage at it; member starts at it stay, for the offset
    /// of the record that starts there.
    mutating func pass(to position: Int) {
        let passed = index { $0 >= position }
        if let member = member(at: position - 1), passed > head { passedMember = member }
        head = passed
        let end = index { $0 > position }
        let kept = events[head..<end].filter { !$0.isDamage }
        let keptStart = end - kept.count
        for (offset, event) in kept.enumerated() { events[keptStart + offset] = event }
        head = keptStart
    }

    /// Drops each member start in `(start, end)` that another member start follows in that range: a record
    /// streamed past needs only the last (where its next bytes come from), and one event per member would
    /// grow with the members, not with the size limit. Damage, and the member start it follows, stay.
    mutating func dropMemberStarts(after start: Int, before end: Int) {
        let low = index { $0 > start }
        let high = index { $0 >= end }
        guard low < high else { return }
        var kept = low
        for current in low..<high {
            if case .memberStart = events[current], current + 1 < high, case .memberStart = events[current + 1] { continue }
            events[kept] = events[current]
            kept += 1
        }
        events.removeSubrange(kept..<high)
    }

    /// The index of the first pending event whose position satisfies `isPast` (a test that, once true
    /// for a position, stays true for every later one), or the end.
    private func index(_ isPast: (Int) -> Bool) -> Int {
        var low = head
        var high = events.count
        while low < high {
            let middle = (low + high) / 2
            if isPast(events[middle].decompressed) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
