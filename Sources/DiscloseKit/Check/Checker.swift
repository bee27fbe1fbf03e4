import DiscloseCore
import Foundation

/// `disclose check`: load and validate the content tree.
public enum Checker {
    public struct Result: Sendable {
        public var load: LoadResult
        /// The content directory itself could not be read (exit status 2, not 1).
        public var ioFailure: Bool

        public var diagnostics: [Diagnostic] { load.diagnostics.sortedForOutput() }
        public var hasErrors: Bool { load.diagnostics.errorCount > 0 }
    }

    /// The reconciliation rules run on every report that could be read, also on one with structural
    /// errors: an unknown code is an error on its line, and every rule still runs on the figures it can
    /// place. Only findings about a figure that a structural error made unreadable are dropped (they
    /// would repeat that error as follow-on noise); see `StructuralTaint`.
    static func reconcile(_ tree: ContentTree, structural: [Diagnostic]) -> [Diagnostic] {
        let findings = ReconciliationRules.check(tree)
        let taint = StructuralTaint(structural)
        guard !taint.isEmpty else { return findings }
        return findings.filter { !taint.spoils($0) }
    }

    /// Each readable report's rules as passed, failed or not checked (with the reason), from the
    /// findings the check reported. A report that could not be read has no entry: its errors say why.
    public static func coverage(_ result: Result) -> [ReportCoverage] {
        guard let tree = result.load.tree else { return [] }
        let byKey = Dictionary(tree.reports.map { ("\($0.unitID)/\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
        let units = Dictionary(tree.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let diagnostics = result.load.diagnostics
        return tree.reports.map { report in
            let unit = units[report.unitID]
            return RuleCoverage.outcomes(report, previous: byKey["\(report.unitID)/\(report.year - 1)"],
                                         unitNames: unit.map { [$0.name, $0.shortName] + $0.otherNames } ?? [],
                                         findings: diagnostics.inReport(unit: report.unitID, year: report.year))
        }
    }

    /// Checks the content tree, or only the given unit folders (with site.yaml) for an incremental build.
    /// `publishing` (for `disclose build`) turns the draft markers of `disclose new` into errors: a draft
    /// can be checked, but not published.
    public static func check(content: URL, displayRoot: String? = nil, units: Set<String>? = nil, publishing: Bool = false) -> Result {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: content.path, isDirectory: &isDir) && isDir.boolValue
        var load = ContentLoader(root: content, displayRoot: displayRoot, units: units).load()
        if publishing { load.diagnostics = load.diagnostics.map(blockingPublication) }
        if let tree = load.tree {
            load.diagnostics += reconcile(tree, structural: load.diagnostics)
        }
        return Result(load: load, ioFailure: !exists)
    }

    /// The check of a content tree one unit at a time, so that a build never holds more than the
    /// units it is working on (`SiteBuilder` streams the tree through it). Each unit's diagnostics are
    /// those `check` finds for that unit: the rules see one report and its predecessor, never another unit.
    public struct Units: Sendable {
        let loader: ContentLoader
        let publishing: Bool
        /// site.yaml, the profiles and the unit folders, with their diagnostics.
        public let site: ContentLoader.SiteLoad
        /// The content directory itself could not be read.
        public var ioFailure: Bool { site.missing }
        /// The site-level diagnostics, as `check` reports them.
        public var siteDiagnostics: [Diagnostic] { publishing ? site.diagnostics.map(blockingPublication) : site.diagnostics }

        public init(content: URL, displayRoot: String? = nil, publishing: Bool = false) {
            loader = ContentLoader(root: content, displayRoot: displayRoot)
            self.publishing = publishing
            site = loader.loadSite()
        }

        /// Loads and checks one unit folder: its tree (site and that unit), diagnostics and source lines.
        public func unit(_ id: String) -> Result {
            var load = loader.loadUnit(id, in: site)
            if publishing { load.diagnostics = load.diagnostics.map(blockingPublication) }
            if let tree = load.tree {
                load.diagnostics += reconcile(tree, structural: siteDiagnostics + load.diagnostics)
            }
            return Result(load: load, ioFailure: false)
        }

        /// The error of a content folder without any unit, when nothing else explains it.
        public var noUnits: Diagnostic { loader.noUnits }
    }

    /// A "（待填写：" marker is a warning for `check` and an error for `build`.
    static func blockingPublication(_ d: Diagnostic) -> Diagnostic {
        guard d.rule == .narrativePlaceholder, d.severity == .warning else { return d }
        return Diagnostic(.error, d.rule, at: d.location, path: d.path, Message(
            zh: "这一行是“待填写”提示，不能发布：按本年度情况写好（或核对好）这部分文字后删除这一行，再生成网站（disclose check 只作警告，disclose build 作为错误）。",
            en: "this line is a to-do marker and cannot be published: write (or review) the text, delete the line, then build (a warning for check, an error for build)."),
            expected: d.expected, actual: d.actual, related: d.related)
    }

    /// The amounts of every readable report's texts that no rule compared with the data (unlinked,
    /// approximate, or compared only with other statements), for the coverage listing.
    public static func uncheckedNarrativeAmounts(_ result: Result) -> [NarrativeAmount] {
        guard let tree = result.load.tree else { return [] }
        return ReconciliationRules.uncheckedNarrativeAmounts(tree)
    }
}
