import CDiscloseSupport
import DiscloseCore
import Foundation

/// Writes the site into a staging directory beside the output and swaps it in, so readers never see a
/// half-written site and a failed build leaves the published one as it was.
public struct OutputWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    var parent: URL { output.deletingLastPathComponent() }
    var name: String { output.lastPathComponent }
    var stagingPrefix: String { ".\(name).staging-" }
    var retiredPrefix: String { ".\(name).old-" }

    /// Leftovers of interrupted builds (staging and retired folders), removed before a new build.
    public func cleanLeftovers() {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for n in names where n.hasPrefix(stagingPrefix) || n.hasPrefix(retiredPrefix) {
            try? fm.removeItem(at: parent.appendingPathComponent(n))
        }
    }

    /// Writes every file into a fresh staging folder, then swaps it with the output folder.
    public func replace(with files: [String: Data]) throws {
        let fm = FileManager.default
        cleanLeftovers()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let token = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
        let staging = parent.appendingPathComponent(stagingPrefix + token)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            for path in files.keys.sorted() {
                let url = staging.appendingPathComponent(path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try files[path]!.write(to: url)
            }
            // The output is generated; only a .gitkeep (which keeps the folder in version control) carries over.
            if fm.fileExists(atPath: output.appendingPathComponent(".gitkeep").path) {
                fm.createFile(atPath: staging.appendingPathComponent(".gitkeep").path, contents: Data())
            }
            try swap(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    private func swap(_ staging: URL) throws {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: output.path, isDirectory: &isDir) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        // One atomic exchange of the two directory entries where the system can (Linux renameat2).
        if disclose_exchange_paths(staging.path, output.path) == 0 {
            try? fm.removeItem(at: staging)
            return
        }
        let retired = parent.appendingPathComponent(retiredPrefix + UUID().uuidString)
        try fm.moveItem(at: output, to: retired)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: retired, to: output)
            throw error
        }
        try? fm.removeItem(at: retired)
    }
}
