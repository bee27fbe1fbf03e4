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
    /// Holds the output's lock (`OutputLock`) and refuses a folder that is not ours (`OutputOwnership`).
    public func replace(with files: [String: Data]) throws {
        try OutputLock.holding(output) { try replaceHoldingLock(with: files) }
    }

    func replaceHoldingLock(with files: [String: Data]) throws {
        if let problem = OutputOwnership.problem(output) { throw OutputRefused(diagnostic: problem) }
        let staged = try Staged(self)
        do {
            // One folder per task: threads creating files in the same folder wait on its lock.
            var byFolder: [String: [String: Data]] = [:]
            for (path, data) in files { byFolder[(path as NSString).deletingLastPathComponent, default: [:]][path] = data }
            let groups = byFolder.keys.sorted().map { byFolder[$0]! }
            let failure = FailureBox()
            DispatchQueue.concurrentPerform(iterations: groups.count) { index in
                do { try staged.write(groups[index]) } catch { failure.set(error) }
            }
            if let error = failure.error { throw error }
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    /// A staging folder being filled, possibly from several threads while pages are still being
    /// rendered (so that a large site never sits in memory whole), then swapped in by `commit`.
    public final class Staged: @unchecked Sendable {
        let writer: OutputWriter
        let staging: URL
        private let lock = NSLock()
        /// The folders made so far, by their top folder (`forget` drops a finished unit's).
        private var made: [String: Set<String>] = ["": [""]]

        public init(_ writer: OutputWriter) throws {
            self.writer = writer
            let fm = FileManager.default
            writer.cleanLeftovers()
            try fm.createDirectory(at: writer.parent, withIntermediateDirectories: true)
            let token = "\(getpid())-\(UInt64(Date().timeIntervalSince1970 * 1000))"
            staging = writer.parent.appendingPathComponent(writer.stagingPrefix + token)
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        }

        /// Writes files into the staging folder. A file whose bytes equal the published one is
        /// hard-linked from the current output instead: unchanged outputs keep their modification time.
        public func write(_ files: [String: Data]) throws {
            let stagingPath = staging.path, currentPath = writer.output.path
            for path in files.keys.sorted() {
                try folder((path as NSString).deletingLastPathComponent)
                let data = files[path]!
                let target = stagingPath + "/" + path
                let published = currentPath + "/" + path
                var info = stat()
                if lstat(published, &info) == 0, Int(info.st_size) == data.count,
                   let old = FileManager.default.contents(atPath: published), old == data,
                   link(published, target) == 0 {
                    continue
                }
                try FileWriting.write(data, to: target)
            }
        }

        /// Creates a folder and its missing parents with plain mkdir, once.
        private func folder(_ relative: String) throws {
            lock.lock()
            defer { lock.unlock() }
            var chain: [String] = []
            var f = relative
            let top = LinkChecker.top(relative)
            while !f.isEmpty && !(made[top]?.contains(f) ?? false) {
                chain.append(f)
                f = (f as NSString).deletingLastPathComponent
            }
            for f in chain.reversed() {
                let path = staging.path + "/" + f
                if mkdir(path, 0o755) != 0 && errno != EEXIST { throw FileWriting.Failure(path: path, code: errno) }
                made[top, default: []].insert(f)
            }
        }

        /// Forgets the folders made under a top folder whose files are all written (a streamed unit):
        /// what the writer keeps does not grow with the site. A later write there still works (mkdir
        /// of an existing folder is no error).
        func forget(_ top: String) {
            lock.lock()
            defer { lock.unlock() }
            made[top] = nil
        }

        public func commit() throws {
            // The output is generated; only a .gitkeep (which keeps the folder in version control) carries over.
            let fm = FileManager.default
            if fm.fileExists(atPath: writer.output.appendingPathComponent(".gitkeep").path) {
                fm.createFile(atPath: staging.appendingPathComponent(".gitkeep").path, contents: Data())
            }
            try OutputOwnership.mark(staging)
            // Checked again just before the swap: the folder may have changed since the build began.
            if let problem = OutputOwnership.problem(writer.output) { throw OutputRefused(diagnostic: problem) }
            try writer.swap(staging)
        }

        public func discard() {
            try? FileManager.default.removeItem(at: staging)
        }
    }

    func swap(_ staging: URL) throws {
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

/// An output folder that is not ours, found while writing.
public struct OutputRefused: Error, LocalizedError {
    public let diagnostic: Diagnostic
    public var errorDescription: String? { diagnostic.message.text(.zh) }
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
