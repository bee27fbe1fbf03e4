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

    public static func check(content: URL, displayRoot: String? = nil) -> Result {
        var isDir: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: content.path, isDirectory: &isDir) && isDir.boolValue
        let load = ContentLoader(root: content, displayRoot: displayRoot).load()
        return Result(load: load, ioFailure: !exists)
    }
}
