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
            let paths = files.keys.sorted()
            // Folders first (sequential), then the files in parallel. A file whose bytes equal the published
            // one is hard-linked from the current output instead of written: unchanged outputs keep their
            // modification time, and a no-op rebuild writes next to nothing.
            var folders = Set<String>()
            for path in paths { folders.insert((path as NSString).deletingLastPathComponent) }
            for folder in folders.sorted() where !folder.isEmpty {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let failure = FailureBox()
            let current = output
            // One folder per task: threads creating files in the same folder wait on its lock.
            var byFolder: [String: [String]] = [:]
            for path in paths { byFolder[(path as NSString).deletingLastPathComponent, default: []].append(path) }
            let groups = byFolder.keys.sorted().map { byFolder[$0]! }
            DispatchQueue.concurrentPerform(iterations: groups.count) { index in
                for path in groups[index] {
                    let data = files[path]!
                    let target = staging.appendingPathComponent(path)
                    let published = current.appendingPathComponent(path)
                    var info = stat()
                    if lstat(published.path, &info) == 0, Int(info.st_size) == data.count,
                       let old = FileManager.default.contents(atPath: published.path), old == data,
                       link(published.path, target.path) == 0 {
                        continue
                    }
                    do { try FileWriting.write(data, to: target.path) } catch { failure.set(error) }
                }
            }
            if let error = failure.error { throw error }
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

/// The first error of a parallel loop.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?

    func set(_ error: Error) {
        lock.lock()
        defer { lock.unlock() }
        if self.error == nil { self.error = error }
    }
}
