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

    /// The reconciliation rules run on every report whose files are structurally valid: a report with a
    /// malformed number would only produce follow-on noise.
    static func reconcile(_ tree: ContentTree, structural: [Diagnostic]) -> [Diagnostic] {
        let sound = tree.reports.filter { structural.errors(inFolder: $0.folder).isEmpty }
        return ReconciliationRules.check(ContentTree(site: tree.site, units: tree.units, reports: sound))
    }

    /// Checks the content tree, or only the given unit folders (with site.yaml) for an incremental build.
    public static func check(content: URL, displayRoot: String? = nil, units: Set<String>? = nil) -> Result {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: content.path, isDirectory: &isDir) && isDir.boolValue
        var load = ContentLoader(root: content, displayRoot: displayRoot, units: units).load()
        if let tree = load.tree {
            load.diagnostics += reconcile(tree, structural: load.diagnostics)
        }
        return Result(load: load, ioFailure: !exists)
    }
}
