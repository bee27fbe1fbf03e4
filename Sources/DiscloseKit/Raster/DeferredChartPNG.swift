import Foundation

extension ChartPNG {
    /// PNG renditions drawn when they are needed rather than at every build: the preview renders a site
    /// without them (`SiteBuilder.Options.chartPNGs` off), then draws a PNG when a browser asks for it
    /// and all of them before it writes the site to the output folder. Each is drawn from the chart's
    /// SVG as the site holds it, exactly as a build draws it, and kept until that SVG changes, so a
    /// rebuild after an edit redraws only the charts the edit changed.
    public final class Deferred: @unchecked Sendable {
        private let lock = NSLock()
        /// PNG path → the fingerprint of the SVG it was drawn from, and the PNG.
        private var drawn: [String: (svg: UInt64, png: Data)] = [:]

        public init() {}

        /// The chart SVG a PNG path is drawn from, and at what scale: `<folder>/charts/<id>.png` (1×) and
        /// `<folder>/charts/<id>@2x.png` from `<folder>/charts/<id>.svg`. Nil for any other path.
        public static func source(ofPNG path: String) -> (svg: String, scale: Int)? {
            guard path.hasSuffix(".png") else { return nil }
            let folder = (path as NSString).deletingLastPathComponent
            guard (folder as NSString).lastPathComponent == "charts" else { return nil }
            var name = String((path as NSString).lastPathComponent.dropLast(4))
            var scale = 1
            for s in ChartPNG.scales where s != 1 && name.hasSuffix("@\(s)x") {
                scale = s
                name = String(name.dropLast("@\(s)x".count))
            }
            guard !name.isEmpty else { return nil }
            return ("\(folder)/\(name).svg", scale)
        }

        /// The PNG paths a built site links to: each chart (an SVG with its embed page beside it) at every scale.
        public static func pngPaths(in files: [String: Data]) -> [String] {
            files.keys.filter { $0.hasSuffix(".svg") && Self.source(ofPNG: String($0.dropLast(4)) + ".png") != nil }
                .filter { files[String($0.dropLast(4)) + ".html"] != nil }
                .flatMap { svg -> [String] in
                    let id = ((svg as NSString).lastPathComponent as NSString).deletingPathExtension
                    let folder = (svg as NSString).deletingLastPathComponent
                    return ChartPNG.scales.map { "\(folder)/\(ChartPNG.fileName(id, scale: $0))" }
                }
                .sorted()
        }

        /// The PNG at `path`, drawn from the site's SVG (or taken from those drawn before from the same
        /// SVG); nil when `path` is no chart PNG of the site or librsvg cannot draw it.
        public func png(at path: String, in files: [String: Data]) -> Data? {
            if let built = files[path] { return built }
            guard let (svgPath, scale) = Self.source(ofPNG: path), let svg = files[svgPath],
                  files[String(svgPath.dropLast(4)) + ".html"] != nil else { return nil }
            var hash = FNV1a()
            hash.add(svg)
            let fingerprint = hash.value
            lock.lock()
            let earlier = drawn[path]
            lock.unlock()
            if let earlier, earlier.svg == fingerprint { return earlier.png }
            let text = String(decoding: svg, as: UTF8.self)
            guard let size = Self.size(ofSVG: text), let png = try? ChartPNG.png(svg: text, width: size.width, height: size.height, scale: scale) else {
                return nil
            }
            lock.lock()
            drawn[path] = (fingerprint, png)
            lock.unlock()
            return png
        }

        /// Every chart PNG the site links to and does not hold, drawn (in parallel) or taken from earlier drawings.
        public func missing(in files: [String: Data]) -> [String: Data] {
            let paths = Self.pngPaths(in: files).filter { files[$0] == nil }
            var results = [Data?](repeating: nil, count: paths.count)
            results.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let slots = buffer
                DispatchQueue.concurrentPerform(iterations: paths.count) { slots[$0] = png(at: paths[$0], in: files) }
            }
            var out: [String: Data] = [:]
            for (path, png) in zip(paths, results) { if let png { out[path] = png } }
            return out
        }

        /// The width and height attributes of the SVG's root element (CSS pixels).
        static func size(ofSVG svg: String) -> (width: Int, height: Int)? {
            guard let start = svg.range(of: "<svg"), let end = svg[start.upperBound...].firstIndex(of: ">") else { return nil }
            let tag = svg[start.upperBound..<end]
            func attribute(_ name: String) -> Int? {
                guard let r = tag.range(of: " \(name)=\"") else { return nil }
                let value = tag[r.upperBound...].prefix { $0 != "\"" }
                return Int(value)
            }
            guard let width = attribute("width"), let height = attribute("height"), width > 0, height > 0 else { return nil }
            return (width, height)
        }
    }
}
