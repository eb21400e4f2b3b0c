// The templates counts file reader (`TemplateCountsFile.read`). Settings byte: site grouping by host
// or by a field. Invariants: a file that reads gives counts where no site has fewer than 0 pages and
// no line is on more pages than its site has, and that write back to a file reading to the same counts
// and input lines.
import FuzzSupport
import Winnow

FuzzDriver.run { start, count in
    var input = FuzzInput(start, count)
    var options = TemplateOptions()
    options.site = input.byte() & 1 == 0 ? .host : .field
    let path = ScratchFile.write(input.rest)
    let counts: TemplateCounts
    do {
        counts = try TemplateCountsFile.read(path, options: options)
    } catch {
        return 0
    }
    for (name, site) in counts.sites {
        require(site.pages >= 0, "site '\(name)' has \(site.pages) pages")
        require(site.lines.allSatisfy { Int($0.pages) <= site.pages }, "site '\(name)' has a line on more pages than it has")
    }
    do {
        try TemplateCountsFile.write(counts, options: options, to: ScratchFile.companion)
        let again = try TemplateCountsFile.read(ScratchFile.companion, options: options)
        require(again == counts && again.covered == counts.covered, "a counts file written from counts reads back different")
    } catch {
        require(false, "a counts file written from counts does not read back: \(error)")
    }
    return 0
}
