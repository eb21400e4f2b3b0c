/// The map side of the templates stage: per site, how many pages were seen, on how many pages
/// each folded line appears, and how many pages are copies of each other. Counts of any shards merge by addition, so the merged counts are the
/// same however the corpus was split.
public struct TemplateCounts: CorpusTally, Equatable {
    public struct Site: Sendable, Equatable {
        public var pages = 0
        /// Folded line key → number of pages with that line.
        public var lines = LineCounts()
        /// Page fingerprint (`PageLines.fingerprint`) → number of pages with those lines in that order:
        /// copies of one page, whose shared lines are the page's own, not the site's template.
        public var copies = LineCounts()
    }

    /// Per site, by its name compared bytewise.
    public var sites: [ByteString: Site] = [:]
    /// The input lines of the documents counted (pages taken back included): what a counts file covers.
    public var covered = CoveredLines()

    public init() {}

    /// Counts one page: `keys` must be distinct (a line counts once per page).
    public mutating func addPage(site: String, distinctKeys keys: [UInt64], fingerprint: UInt64) {
        Self.add(keys, fingerprint, to: &sites[ByteString(site), default: Site()])
    }

    /// Counts one page into its site, found once for all its lines.
    private static func add(_ keys: [UInt64], _ fingerprint: UInt64, to site: inout Site) {
        site.pages += 1
        for key in keys { site.lines.add(key, 1) }
        site.copies.add(fingerprint, 1)
    }

    /// Takes back a page `addPage` counted with the same keys; false (and the counts left partly
    /// changed) when they never held it. A line or a site whose count falls to 0 is dropped, so the
    /// counts equal those of the other pages alone.
    public mutating func removePage(site name: String, distinctKeys keys: [UInt64], fingerprint: UInt64) -> Bool {
        // Taken out while it changes, so that its counts are changed in place, not copied.
        let name = ByteString(name)
        guard var site = sites.removeValue(forKey: name), site.pages > 0 else { return false }
        site.pages -= 1
        let taken = keys.allSatisfy { site.lines.subtract($0, 1) } && site.copies.subtract(fingerprint, 1)
        guard site.pages == 0 else {
            sites[name] = site
            return taken
        }
        return taken && site.lines.isEmpty && site.copies.isEmpty
    }

    public mutating func merge(_ other: TemplateCounts) {
        covered.merge(other.covered)
        for (name, theirs) in other.sites {
            guard sites[name] != nil else {
                sites[name] = theirs
                continue
            }
            Self.add(theirs, to: &sites[name, default: Site()])
        }
    }

    /// Adds another tally's counts of a site into this one's.
    private static func add(_ theirs: Site, to site: inout Site) {
        // Pages in a file are at most `IntermediateFile.maxCount`: only thousands of crafted files add past Int.
        let (pages, overflow) = site.pages.addingReportingOverflow(theirs.pages)
        site.pages = overflow ? .max : pages
        // A line's count is at most its site's pages, so counts can pass 2^32 - 1 only when pages do.
        if site.pages <= Int(UInt32.max) {
            for (key, count) in theirs.lines { site.lines.add(key, count) }
            for (fingerprint, count) in theirs.copies { site.copies.add(fingerprint, count) }
        } else {
            for (key, count) in theirs.lines { site.lines.addSaturating(key, count) }
            for (fingerprint, count) in theirs.copies { site.copies.addSaturating(fingerprint, count) }
        }
    }

    /// The counts alone: which input lines they cover is bookkeeping, and differs with the sharding.
    public static func == (lhs: TemplateCounts, rhs: TemplateCounts) -> Bool {
        lhs.sites == rhs.sites
    }

    /// Pages counted over all sites.
    public var pageCount: Int { sites.values.reduce(0) { $0 + $1.pages } }

    /// What one page added to the counts, as a shared map spools it to take the page back out
    /// (`TemplatesStage.retract`): the site's length and UTF-8, the page's fingerprint in 8 bytes, the
    /// number of keys, each key in 8 bytes.
    public struct PageEntry: Sendable, Equatable {
        public var site: String
        public var distinctKeys: [UInt64]
        public var fingerprint: UInt64

        public init(site: String, distinctKeys: [UInt64], fingerprint: UInt64) {
            self.site = site
            self.distinctKeys = distinctKeys
            self.fingerprint = fingerprint
        }

        /// The entry `encode` wrote; nil when the bytes are not one.
        public init?(decoding bytes: ArraySlice<UInt8>) {
            var index = bytes.startIndex
            guard let siteBytes = Varint.readCounted(bytes, &index),
                let site = String(validating: bytes[siteBytes], as: UTF8.self),
                bytes.endIndex - index >= FixedWidth.byteCount
            else { return nil }
            let fingerprint: UInt64 = FixedWidth.read(bytes, at: index)
            index += FixedWidth.byteCount
            guard let count = Varint.read(bytes, &index), count == UInt64(bytes.endIndex - index) / 8,
                (bytes.endIndex - index) % 8 == 0
            else { return nil }
            var keys: [UInt64] = []
            keys.reserveCapacity(Int(count))
            for start in stride(from: index, to: bytes.endIndex, by: FixedWidth.byteCount) {
                keys.append(FixedWidth.read(bytes, at: start))
            }
            self.init(site: site, distinctKeys: keys, fingerprint: fingerprint)
        }

        public func encode(to output: inout [UInt8]) {
            Varint.appendCounted(site.utf8, to: &output)
            FixedWidth.append(fingerprint, to: &output)
            Varint.append(UInt64(distinctKeys.count), to: &output)
            // The keys' room zeroed at once, then each key stored in it, not appended a call at a time.
            let start = output.count
            output.append(contentsOf: repeatElement(0, count: distinctKeys.count * FixedWidth.byteCount))
            output.withUnsafeMutableBytes { bytes in
                for (index, key) in distinctKeys.enumerated() {
                    bytes.storeBytes(of: key.littleEndian, toByteOffset: start + index * FixedWidth.byteCount, as: UInt64.self)
                }
            }
        }
    }
}
