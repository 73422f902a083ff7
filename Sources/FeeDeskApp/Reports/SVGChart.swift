import Foundation

/// A small bar-and-line chart drawn as inline SVG, with no script and no library: axes, grid lines,
/// category labels, bars for some series, lines with dots for others, and a legend.
///
/// Values are plain numbers on one shared axis from 0 to `maximum`; a nil value leaves a gap (no bar,
/// a break in the line). Every text is escaped; the markup is XML, so it can sit inside XHTML.
public struct SVGChart: Sendable {
    /// How a series is drawn.
    public enum Style: Sendable {
        /// One bar per category (several bar series stand side by side).
        case bar
        /// A polyline through the values, with a dot on each.
        case line
    }

    /// One named series of values, one per category.
    public struct Series: Sendable {
        /// The name in the legend.
        public var name: String
        /// One value per category; nil for none.
        public var values: [Double?]
        /// Bar or line.
        public var style: Style
        /// A CSS colour such as `#0b4f8a`.
        public var color: String

        /// A series drawn in `style` and `color`.
        public init(name: String, values: [Double?], style: Style, color: String) {
            self.name = name
            self.values = values
            self.style = style
            self.color = color
        }
    }

    /// The accessible title.
    public var title: String
    /// The x-axis labels, one per category.
    public var categories: [String]
    /// The series, bars first in drawing order.
    public var series: [Series]
    /// The top of the value axis (at least the largest value).
    public var maximum: Double
    /// How a value reads on the axis and above bars, e.g. `2,1%`.
    public var format: @Sendable (Double) -> String
    /// Width and height in SVG units (the page scales it).
    public var width: Double = 680
    /// Height in SVG units.
    public var height: Double = 260
    /// Whether to print each bar's value above it (when there are few categories).
    public var labelBars = true

    /// A chart of `series` over `categories` on an axis from 0 to `maximum`.
    public init(title: String, categories: [String], series: [Series], maximum: Double, format: @escaping @Sendable (Double) -> String) {
        self.title = title
        self.categories = categories
        self.series = series
        self.maximum = maximum
        self.format = format
    }

    /// A "nice" axis top for `value`: 1, 2, 2.5 or 5 times a power of ten, at least `floor`.
    public static func niceMaximum(_ value: Double, floor: Double) -> Double {
        let target = max(value, floor)
        let power = pow(10, (log10(target)).rounded(.down))
        for step in [1.0, 2.0, 2.5, 5.0, 10.0] where step * power >= target { return step * power }
        return 10 * power
    }

    /// The `<svg>` element.
    public var svg: String {
        let left = 52.0, right = 12.0, top = 14.0, bottom = 58.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let count = max(categories.count, 1)
        let slot = plotWidth / Double(count)
        let top0 = maximum > 0 ? maximum : 1
        func y(_ value: Double) -> Double { top + plotHeight * (1 - min(max(value / top0, 0), 1)) }
        func n(_ value: Double) -> String { String(format: "%.1f", value) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" class=\"chart\">\n"
        out += "<title>\(HTML.escape(title))</title>\n"
        out += "<g font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"10\" fill=\"#333\">\n"
        for tick in 0...4 {
            let value = top0 * Double(tick) / 4, yy = y(value)
            out += "<line x1=\"\(n(left))\" y1=\"\(n(yy))\" x2=\"\(n(left + plotWidth))\" y2=\"\(n(yy))\" stroke=\"\(tick == 0 ? "#444" : "#ddd")\" stroke-width=\"\(tick == 0 ? "1" : "0.6")\"/>\n"
            out += "<text x=\"\(n(left - 5))\" y=\"\(n(yy + 3.5))\" text-anchor=\"end\">\(HTML.escape(format(value)))</text>\n"
        }
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + plotHeight))\" stroke=\"#444\" stroke-width=\"1\"/>\n"
        let every = max(1, Int((Double(count) / 16).rounded(.up)))
        for (index, label) in categories.enumerated() where index % every == 0 {
            let x = left + slot * (Double(index) + 0.5), yy = top + plotHeight + 12
            out += "<text x=\"\(n(x))\" y=\"\(n(yy))\" text-anchor=\"end\" transform=\"rotate(-40 \(n(x)) \(n(yy)))\">\(HTML.escape(label))</text>\n"
        }
        let bars = series.filter { $0.style == .bar }
        let barWidth = slot * 0.7 / Double(max(bars.count, 1))
        for (barIndex, bar) in bars.enumerated() {
            for (index, value) in bar.values.enumerated() {
                guard let value, index < count else { continue }
                let x = left + slot * Double(index) + slot * 0.15 + barWidth * Double(barIndex)
                let yy = y(value)
                out += "<rect x=\"\(n(x))\" y=\"\(n(yy))\" width=\"\(n(max(barWidth, 0.5)))\" height=\"\(n(top + plotHeight - yy))\" fill=\"\(HTML.escape(bar.color))\"/>\n"
                if labelBars && count <= 16 {
                    out += "<text x=\"\(n(x + barWidth / 2))\" y=\"\(n(yy - 3))\" text-anchor=\"middle\" font-size=\"8.5\">\(HTML.escape(format(value)))</text>\n"
                }
            }
        }
        for line in series where line.style == .line {
            var segments: [[(Double, Double)]] = [[]]
            for (index, value) in line.values.enumerated() where index < count {
                guard let value else {
                    if !(segments.last?.isEmpty ?? true) { segments.append([]) }
                    continue
                }
                segments[segments.count - 1].append((left + slot * (Double(index) + 0.5), y(value)))
            }
            for segment in segments where !segment.isEmpty {
                let points = segment.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
                out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(HTML.escape(line.color))\" stroke-width=\"1.8\"/>\n"
                for point in segment where count <= 62 {
                    out += "<circle cx=\"\(n(point.0))\" cy=\"\(n(point.1))\" r=\"2.2\" fill=\"\(HTML.escape(line.color))\"/>\n"
                }
            }
        }
        var legendX = left
        let legendY = height - 8
        for entry in series {
            out += entry.style == .bar
                ? "<rect x=\"\(n(legendX))\" y=\"\(n(legendY - 8))\" width=\"10\" height=\"10\" fill=\"\(HTML.escape(entry.color))\"/>\n"
                : "<line x1=\"\(n(legendX))\" y1=\"\(n(legendY - 3))\" x2=\"\(n(legendX + 10))\" y2=\"\(n(legendY - 3))\" stroke=\"\(HTML.escape(entry.color))\" stroke-width=\"2\"/>\n"
            out += "<text x=\"\(n(legendX + 14))\" y=\"\(n(legendY))\">\(HTML.escape(entry.name))</text>\n"
            legendX += 24 + Double(entry.name.count) * 5.6
        }
        return out + "</g>\n</svg>"
    }
}
