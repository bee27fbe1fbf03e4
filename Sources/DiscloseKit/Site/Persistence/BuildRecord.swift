import DiscloseCore
import Foundation

/// What the last successful `disclose build` read and wrote, kept beside the output folder
/// (`.disclose-cache/`), so that the next build re-reads, re-checks, re-renders and re-writes only the
/// units whose files changed. Stamps (size, time, inode) say what changed, as in make; a build with
/// `--full`, other templates, another disclose binary or other options starts afresh.
struct BuildRecord {
    /// 4: locations keep their file as data (content root, unit, year, file), not as the shown path.
    /// 5: meta.json lists the units with diagnostics and each unit's report count, so that a rebuild
    /// reads a unit's share only when it needs it (`unit(_:)`).
    /// 6: the stamps are one flat file checked in place (`StampFile`), with the content folders' own.
    /// 7: a rebuild's stamps go to an overlay beside that file (`StampFile.record`); home-page entries
    /// are kept as their one string (`SiteEntry.encoded`).
    static let version = 7

    /// A unit's share of the last build: its diagnostics as data (with the source lines they point
    /// at, so they can be rendered in either language without reading the files again), its home-page
    /// entries and its URLs.
    struct Unit {
        var diagnostics: [Diagnostic]
        /// Source lines by file and line number.
        var lines: [String: [Int: String]]
        var home: [SiteEntry]
        var urls: [String]

        static let empty = Unit(diagnostics: [], lines: [:], home: [], urls: [])

        /// The unit's diagnostics (from `grouped`) with its home-page entries and URLs from a render.
        static func from(_ grouped: [String: Unit], _ id: String, _ output: SitePages.UnitOutput) -> Unit {
            var unit = grouped[id] ?? .empty
            unit.home = output.home
            unit.urls = output.urls
            return unit
        }
    }

    /// Options, templates folder and binary the record was made with; another key means a full build.
    var key: String
    var templates: FileStamps
    /// Diagnostics of site.yaml and the top of the content folder.
    var site: Unit
    /// Every unit of the build.
    var unitIDs: Set<String>
    /// The units whose share is at hand: all of them for a record just made, none for one just loaded
    /// (`unit(_:)` reads a share from disk), the changed ones for a rebuild's update.
    var units: [String: Unit]
    /// The units that had diagnostics (their shares are read to print them again).
    var noted: Set<String>
    /// Reports per unit.
    var reportCounts: [String: Int]
    /// Where a loaded record lives (nil for one made in memory).
    var folder: URL?

    init(key: String, templates: FileStamps, site: Unit, units: [String: Unit]) {
        self.key = key
        self.templates = templates
        self.site = site
        self.units = units
        unitIDs = Set(units.keys)
        noted = Set(units.filter { !$0.value.diagnostics.isEmpty }.keys)
        reportCounts = units.mapValues(\.home.count)
    }

    /// A unit's share: at hand, or read from the record's folder; nil when it is not in the record.
    func unit(_ id: String) -> Unit? {
        if let unit = units[id] { return unit }
        guard unitIDs.contains(id), let folder,
              let data = try? Data(contentsOf: folder.appendingPathComponent("units/\(id).json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return Self.unit(object)
    }

    /// Replaces the shares of `changed` units: with `fresh`, or removed when `fresh` has none.
    mutating func update(_ changed: Set<String>, with fresh: [String: Unit]) {
        for id in changed {
            if let unit = fresh[id] {
                units[id] = unit
                unitIDs.insert(id)
                reportCounts[id] = unit.home.count
                if unit.diagnostics.isEmpty { noted.remove(id) } else { noted.insert(id) }
            } else {
                units[id] = nil
                unitIDs.remove(id)
                reportCounts[id] = nil
                noted.remove(id)
            }
        }
    }

    /// Reports in the whole build.
    var reportCount: Int { reportCounts.values.reduce(0, +) }

    // MARK: Where and how it is kept

    static func folder(for options: SiteBuilder.Options) -> URL {
        var hash = FNV1a()
        for url in [options.content, options.templates, options.output] { hash.add(url.standardizedFileURL.path) }
        return home(for: options).appendingPathComponent(".disclose-cache").appendingPathComponent(String(hash.value, radix: 16))
    }

    /// The chart PNGs kept between builds (`ChartPNGCache`), shared by every output of the site.
    static func pngFolder(for options: SiteBuilder.Options) -> URL {
        home(for: options).appendingPathComponent(".disclose-cache").appendingPathComponent("png")
    }

    /// Where `.disclose-cache/` lives: beside the output when the output is inside the site folder (the
    /// folder holding Content/), else in the site folder — never somewhere outside the site, such as the
    /// parent of `--output ../pub`.
    static func home(for options: SiteBuilder.Options) -> URL {
        let site = options.content.standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent()
        let besideOutput = options.output.standardizedFileURL.resolvingSymlinksInPath().deletingLastPathComponent()
        let sitePath = site.path.hasSuffix("/") ? site.path : site.path + "/"
        return besideOutput.path == site.path || besideOutput.path.hasPrefix(sitePath) ? besideOutput : site
    }

    /// The options and the running binary (a new disclose may render differently).
    static func key(for options: SiteBuilder.Options) -> String {
        var parts = ["v\(version)", options.baseURL ?? "-", options.workbooks ? "xlsx" : "-", options.search ? "search" : "-",
                     options.portal ? "portal" : "-", options.quality ? "quality" : "-", options.contentDisplay,
                     options.pdf ? "pdf:\(options.pdfEngine?.version ?? "none")" : "-"]
        if !options.chartPNGs { parts.append("no-png") }
        let binary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        if let attributes = try? FileManager.default.attributesOfItem(atPath: binary) {
            parts.append("\(binary)|\(attributes[.size] ?? 0)|\((attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)")
        }
        // The site's own profiles (Profiles/ beside Content) decide the layout of every page: any change is a full build.
        parts.append("profiles:\(SiteProfiles.fingerprint(content: options.content))")
        return parts.joined(separator: "\u{1F}")
    }

    // Kept as one small file per unit (its stamps and its share of the build) and a site file, so that
    // a build that changed one unit rewrites two files, not the whole record. meta.json goes last.

    /// The content, content folders' and output folders' stamps (`StampFile`), beside meta.json.
    static func stampsFile(in folder: URL) -> URL { folder.appendingPathComponent("stamps.tsv") }

    /// Reads the record's index and the templates' stamps; the content and output stamps are checked
    /// in place (`StampCheck`) and units' shares read when asked for (`unit(_:)`), so that a rebuild of
    /// one unit parses neither every unit's stamps nor every unit's share.
    static func load(from folder: URL) -> BuildRecord? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("meta.json")),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              json["version"] as? Int == version, let key = json["key"] as? String,
              let site = (json["site"] as? [String: Any]).flatMap(unit), let ids = json["units"] as? [String],
              let noted = json["noted"] as? [String], let counts = json["reports"] as? [Int], counts.count == ids.count,
              let templateStamps = try? Data(contentsOf: folder.appendingPathComponent("templates.tsv")),
              FileManager.default.fileExists(atPath: stampsFile(in: folder).path) else { return nil }
        var record = BuildRecord(key: key, templates: FileStamps.parse([UInt8](templateStamps), kind: StampFile.templateFile), site: site, units: [:])
        record.unitIDs = Set(ids)
        record.noted = Set(noted)
        record.reportCounts = Dictionary(zip(ids, counts), uniquingKeysWith: { first, _ in first })
        record.folder = folder
        // The diagnostics a rebuild prints again must be there to read.
        let unitsFolder = folder.appendingPathComponent("units")
        for id in noted where !FileManager.default.fileExists(atPath: unitsFolder.appendingPathComponent("\(id).json").path) { return nil }
        return record
    }

    private static func unit(_ object: [String: Any]) -> Unit? {
        guard let items = object["diagnostics"] as? [[String: Any]], let lines = object["lines"] as? [String: [String: String]],
              let home = object["home"] as? [String], let urls = object["urls"] as? [String] else { return nil }
        var diagnostics: [Diagnostic] = []
        for item in items {
            guard let d = diagnostic(item) else { return nil }
            diagnostics.append(d)
        }
        return Unit(diagnostics: diagnostics,
                    lines: lines.mapValues { Dictionary(uniqueKeysWithValues: $0.compactMap { k, v in Int(k).map { ($0, v) } }) },
                    home: home.map(SiteEntry.init(encoded:)), urls: urls)
    }

    private static func json(_ unit: Unit) -> [String: Any] {
        ["diagnostics": unit.diagnostics.map(json), "lines": unit.lines.mapValues { Dictionary(uniqueKeysWithValues: $0.map { (String($0.key), $0.value) }) },
         "home": unit.home.map(\.encoded), "urls": unit.urls]
    }

    // MARK: A diagnostic as data

    /// `[file, line, column]` with the file as `{"root", "unit", "year", "file"}` inside the content
    /// folder, or `{"file"}` outside it.
    private static func json(_ location: SourceLocation) -> [Any] {
        let path = location.source
        var file: [String: Any] = ["file": path.file]
        if let root = path.root { file["root"] = root }
        if let unit = path.unit { file["unit"] = unit }
        if let year = path.year { file["year"] = year }
        return [file, location.line, location.column]
    }

    private static func location(_ value: Any?) -> SourceLocation? {
        guard let parts = value as? [Any], parts.count == 3, let file = parts[0] as? [String: Any], let name = file["file"] as? String,
              let line = parts[1] as? Int, let column = parts[2] as? Int else { return nil }
        let path = (file["root"] as? String).map { ContentPath(root: $0, unit: file["unit"] as? String, year: file["year"] as? Int, file: name) }
        return SourceLocation(file: path ?? ContentPath(outside: name), line: line, column: column)
    }

    private static func json(_ d: Diagnostic) -> [String: Any] {
        var out: [String: Any] = ["severity": d.severity.rawValue, "rule": d.rule.rawValue, "at": json(d.location), "path": d.path,
                                  "zh": d.message.zh, "en": d.message.en, "related": d.related.map(json)]
        if let expected = d.expected { out["expected"] = expected }
        if let actual = d.actual { out["actual"] = actual }
        return out
    }

    private static func diagnostic(_ object: [String: Any]) -> Diagnostic? {
        guard let severity = (object["severity"] as? String).flatMap(Severity.init), let rule = object["rule"] as? String,
              let at = location(object["at"]), let path = object["path"] as? String, let zh = object["zh"] as? String,
              let en = object["en"] as? String, let related = object["related"] as? [Any] else { return nil }
        return Diagnostic(severity, RuleID(rawValue: rule), at: at, path: path, Message(zh: zh, en: en),
                          expected: object["expected"] as? String, actual: object["actual"] as? String, related: related.compactMap(location))
    }

    /// Writes the record; with `changed`, only those units' shares (and the site's) are rewritten.
    /// `stamps` writes the stamps file (`stampsFile(in:)`) once meta.json is gone, so that a record
    /// left half-written is never read.
    func save(to folder: URL, changed: Set<String>? = nil, stamps: () throws -> Void) throws {
        let fm = FileManager.default
        let unitsFolder = folder.appendingPathComponent("units")
        let meta = folder.appendingPathComponent("meta.json")
        try? fm.removeItem(at: meta)
        if changed == nil { try? fm.removeItem(at: unitsFolder) }
        try fm.createDirectory(at: unitsFolder, withIntermediateDirectories: true)
        try stamps()
        for id in units.keys where unitIDs.contains(id) && changed?.contains(id) ?? true {
            let data = try JSONSerialization.data(withJSONObject: Self.json(units[id]!), options: [.sortedKeys])
            try data.write(to: unitsFolder.appendingPathComponent("\(id).json"), options: .atomic)
        }
        for id in changed ?? [] where !unitIDs.contains(id) {
            try? fm.removeItem(at: unitsFolder.appendingPathComponent("\(id).json"))
        }
        var templateLines: [UInt8] = []
        templates.append(kind: StampFile.templateFile, to: &templateLines)
        try Data(templateLines).write(to: folder.appendingPathComponent("templates.tsv"), options: .atomic)
        let object: [String: Any] = ["version": Self.version, "key": key, "site": Self.json(site), "units": unitIDs.sorted(),
                                     "noted": noted.sorted(),
                                     // Each unit's report count in the order of "units": a dictionary of 10,000 keys took
                                     // JSONSerialization a fifth of a second to sort on every rebuild.
                                     "reports": unitIDs.sorted().map { reportCounts[$0] ?? 0 }]
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: meta, options: .atomic)
    }

    // MARK: Diagnostics by unit

    /// Diagnostics grouped by the unit folder their file is in ("" for the site level: site.yaml, the
    /// top of the content folder, templates, output), each with the source line it points at.
    static func units(of diagnostics: [Diagnostic], sources: SourceStore) -> [String: Unit] {
        var groups: [String: [Diagnostic]] = [:]
        for d in diagnostics { groups[d.location.source.unit ?? "", default: []].append(d) }
        return groups.mapValues { list in
            var lines: [String: [Int: String]] = [:]
            for d in list where d.location.line > 0 {
                if let text = sources.line(d.location.line, of: d.location.file) { lines[d.location.file, default: [:]][d.location.line] = text }
            }
            return Unit(diagnostics: list, lines: lines, home: [], urls: [])
        }
    }
}
