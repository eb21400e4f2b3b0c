/// The style sheet and the script of `report.html` (`Resources/report.css` and `report.js`),
/// embedded in the binary by SwiftPM so that neither the page nor the binary needs a file beside it.
/// The script builds every element with `createElement` and puts document text into text nodes only.
enum ReportPageAssets {
    static let css = contents(PackageResources.report_css)
    static let script = contents(PackageResources.report_js)

    /// A file's bytes less its final line end, which the page does not carry.
    private static func contents(_ file: [UInt8]) -> [UInt8] {
        file.last == 0x0A ? Array(file.dropLast()) : file
    }
}
