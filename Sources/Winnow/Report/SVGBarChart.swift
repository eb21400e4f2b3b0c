import Foundation

/// A horizontal bar chart drawn as inline SVG (the report loads nothing): one row per item, each
/// bar made of stacked segments, one per series, with the total written after it.
struct SVGBarChart {
    struct Series {
        var name: String
        var color: String
    }

    struct Row {
        var label: String
        /// One value per series, in series order.
        var values: [Double]
    }

    var title: String
    var series: [Series]
    var rows: [Row]
    /// How a row's total is written after its bar.
    var format: (Double) -> String

    static let width = 560.0
    static let labelWidth = 170.0
    static let valueWidth = 80.0
    static let rowHeight = 22.0

    func render() -> String {
        let legend = series.count > 1 && !rows.isEmpty
        let top = legend ? 26.0 : 6.0
        let height = top + Double(max(rows.count, 1)) * Self.rowHeight + 6
        let barSpace = Self.width - Self.labelWidth - Self.valueWidth
        let largest = rows.map { $0.values.reduce(0, +) }.max() ?? 0
        var svg = "<figure class=\"chart\"><figcaption>\(HTMLEscape.text(title))</figcaption>"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(Self.width))\" height=\"\(Int(height))\" "
        svg += "viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\"><title>\(HTMLEscape.text(title))</title>"
        if rows.isEmpty {
            svg += "<text x=\"0\" y=\"18\" class=\"empty\">nothing to show</text>"
        }
        if legend {
            var x = Self.labelWidth
            for entry in series {
                svg += "<rect x=\"\(x)\" y=\"4\" width=\"12\" height=\"12\" fill=\"\(entry.color)\"/>"
                svg += "<text x=\"\(x + 16)\" y=\"14\">\(HTMLEscape.text(entry.name))</text>"
                x += 24 + Double(entry.name.count) * 7
            }
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * Self.rowHeight
            let total = row.values.reduce(0, +)
            let label = row.label.count > 26 ? String(row.label.prefix(25)) + "…" : row.label
            svg += "<g><title>\(HTMLEscape.text(row.label)): \(HTMLEscape.text(format(total)))</title>"
            svg += "<text x=\"\(Self.labelWidth - 8)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTMLEscape.text(label))</text>"
            var x = Self.labelWidth
            for (position, value) in row.values.enumerated() where value > 0 && largest > 0 {
                let width = max(1, barSpace * value / largest)
                svg +=
                    "<rect x=\"\(Self.coordinate(x))\" y=\"\(y + 3)\" width=\"\(Self.coordinate(width))\" height=\"\(Self.rowHeight - 6)\" "
                svg += "fill=\"\(series[min(position, series.count - 1)].color)\"/>"
                x += width
            }
            svg += "<text x=\"\(Self.coordinate(x + 6))\" y=\"\(y + 15)\">\(HTMLEscape.text(format(total)))</text></g>"
        }
        return svg + "</svg></figure>"
    }

    private static func coordinate(_ value: Double) -> String { String(format: "%.1f", value) }
}
