import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `disclose-bench fuzz`: runs seeded fuzz inputs (`FuzzRunner`) in a worker process and watches it.
/// A worker that dies (a trap, a signal) or takes longer than `--timeout` on one input leaves that
/// input behind: it is written out, minimised line by line (each candidate replayed in a fresh
/// process), and kept under `<out>/crashes/` or `<out>/hangs/`; the run goes on with the next input.
struct Fuzz: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Fuzz check and build with mutated sample content; keep crashing and hanging inputs, minimised.")

    @Option(help: "Sample content to mutate.") var content = "Content"
    @Option(help: "Templates.") var templates = "Templates"
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Number of inputs.") var count = 1000
    @Option(help: "First input index.") var start = 0
    @Option(help: "Seconds one input may take before it counts as a hang.") var timeout = 20.0
    @Option(help: "Where crashing and hanging inputs are kept.") var out = ".build/fuzz"

    func run() throws {
        let outURL = URL(fileURLWithPath: out)
        let work = outURL.appendingPathComponent("work-\(getpid())")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let started = Date()
        var next = start
        let end = start + count
        var crashes: [Int] = [], hangs: [Int] = []
        var withErrors = 0, built = 0
        while next < end {
            let worker = WorkerProcess(arguments: ["fuzz-worker", "--content", content, "--templates", templates, "--seed", String(seed),
                                                   "--from", String(next), "--to", String(end), "--work", work.path])
            let ending = worker.wait(timeout: timeout)
            withErrors += worker.errors
            built += worker.built
            let failed = worker.lastDone + 1
            switch ending {
            case .finished:
                next = end
            case .died(let status), .hung(let status):
                let hung: Bool
                if case .hung = ending { hung = true } else { hung = false }
                if hung { hangs.append(failed) } else { crashes.append(failed) }
                FileHandle.standardError.write(Data("fuzz: input \(failed) \(hung ? "hung" : "crashed (status \(status))"); minimising…\n".utf8))
                try keep(index: failed, hung: hung, under: outURL)
                next = failed + 1
            }
        }
        let seconds = Date().timeIntervalSince(started)
        print("fuzz: seed \(seed), inputs \(start)..<\(end): \(count) executions, \(crashes.count) crashes, \(hangs.count) hangs, "
              + "\(withErrors) with errors, \(built) built, \(String(format: "%.0f", seconds)) s")
        if !crashes.isEmpty { print("crashes: \(crashes.map(String.init).joined(separator: " ")) (kept in \(out)/crashes)") }
        if !hangs.isEmpty { print("hangs: \(hangs.map(String.init).joined(separator: " ")) (kept in \(out)/hangs)") }
        if !(crashes.isEmpty && hangs.isEmpty) { throw ExitCode(1) }
    }

    /// Writes the input, minimises its damaged files (dropping lines, then halving long lines while
    /// the failure stays), and keeps it.
    func keep(index: Int, hung: Bool, under out: URL) throws {
        let runner = try FuzzRunner(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates), seed: seed)
        var (files, damaged) = runner.input(index)
        let folder = out.appendingPathComponent(hung ? "hangs" : "crashes").appendingPathComponent("seed\(seed)-input\(index)")
        let trial = out.appendingPathComponent("minimise-\(getpid())")
        defer { try? FileManager.default.removeItem(at: trial) }
        func fails(_ candidate: [String: Data]) -> Bool {
            guard (try? FuzzRunner.write(candidate, to: trial)) != nil else { return false }
            let replay = WorkerProcess(arguments: ["fuzz-worker", "--templates", templates, "--replay", trial.path])
            switch replay.wait(timeout: timeout) {
            case .finished: return false
            case .died: return !hung
            case .hung: return hung
            }
        }
        if fails(files) {
            for path in damaged {
                var lines = String(decoding: files[path]!, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                var chunk = max(1, lines.count / 2)
                while chunk >= 1 {
                    var i = 0
                    while i < lines.count {
                        var candidate = lines
                        candidate.removeSubrange(i..<min(lines.count, i + chunk))
                        files[path] = Data(candidate.joined(separator: "\n").utf8)
                        if fails(files) { lines = candidate } else { i += chunk }
                    }
                    chunk /= 2
                }
                files[path] = Data(lines.joined(separator: "\n").utf8)
            }
        }
        try FuzzRunner.write(files, to: folder.appendingPathComponent("Content"))
        try Data("seed \(seed) input \(index): \(hung ? "hang" : "crash"); damaged: \(damaged.joined(separator: ", "))\nreplay: disclose check --content \(folder.path)/Content (and disclose build --content … --output <new folder>)\n".utf8)
            .write(to: folder.appendingPathComponent("README.txt"))
    }
}

/// The worker: runs inputs `from..<to` in-process and prints each finished index (the supervisor
/// reads them to know which input was running when it died), or replays one tree.
struct FuzzWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fuzz-worker", abstract: "(internal) run fuzz inputs in this process.", shouldDisplay: false)

    @Option var content = "Content"
    @Option var templates = "Templates"
    @Option var seed: UInt64 = 1
    @Option var from = 0
    @Option var to = 0
    @Option var work = ".build/fuzz/work"
    @Option var replay: String?

    func run() throws {
        if let replay {
            let runner = try FuzzRunner(content: URL(fileURLWithPath: replay), templates: URL(fileURLWithPath: templates), seed: 0)
            try selfTest(URL(fileURLWithPath: replay))
            _ = runner.run(content: URL(fileURLWithPath: replay))
            return
        }
        let runner = try FuzzRunner(content: URL(fileURLWithPath: content), templates: URL(fileURLWithPath: templates), seed: seed)
        let tree = URL(fileURLWithPath: work).appendingPathComponent("Content")
        for index in from..<to {
            let (files, _) = runner.input(index)
            try FuzzRunner.write(files, to: tree)
            try selfTest(tree)
            let outcome = runner.run(content: tree)
            // Unbuffered: the supervisor must see each finished input at once.
            FileHandle.standardOutput.write(Data("\(index) \(outcome.errors > 0 ? "e" : "-")\(outcome.built ? "b" : "-")\n".utf8))
        }
    }
}

extension FuzzWorker {
    /// The harness's own test (`DISCLOSE_FUZZ_SELFTEST_TRAP` / `_HANG` = a marker): a tree whose files
    /// hold the marker traps or hangs, so that keeping and minimising can be seen to work.
    func selfTest(_ tree: URL) throws {
        let environment = ProcessInfo.processInfo.environment
        for (key, hang) in [("DISCLOSE_FUZZ_SELFTEST_TRAP", false), ("DISCLOSE_FUZZ_SELFTEST_HANG", true)] {
            guard let marker = environment[key], !marker.isEmpty else { continue }
            for case let path as String in FileManager.default.enumerator(atPath: tree.path) ?? FileManager.DirectoryEnumerator() {
                guard let data = FileManager.default.contents(atPath: tree.appendingPathComponent(path).path),
                      String(decoding: data, as: UTF8.self).contains(marker) else { continue }
                if hang { while true { sleep(60) } }
                fatalError("self-test trap: \(path) holds \(marker)")
            }
        }
    }
}

/// A child `disclose-bench` process whose output lines are counted as they come.
final class WorkerProcess: @unchecked Sendable {
    enum Ending { case finished, died(Int32), hung(Int32) }

    private let process = Process()
    private let lock = NSLock()
    private var buffer = Data()
    private var lastLine = Date()
    private(set) var lastDone = -1
    private(set) var errors = 0
    private(set) var built = 0

    init(arguments: [String]) {
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath()
        if !FileManager.default.isExecutableFile(atPath: process.executableURL!.path) {
            process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        }
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            self.take(data)
        }
        try? process.run()
    }

    private func take(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        buffer.append(data)
        while let newline = buffer.firstIndex(of: 10) {
            let line = String(decoding: buffer[buffer.startIndex..<newline], as: UTF8.self)
            buffer.removeSubrange(buffer.startIndex...newline)
            let parts = line.split(separator: " ")
            if let index = parts.first.flatMap({ Int($0) }) {
                lastDone = index
                if parts.count > 1, parts[1].hasPrefix("e") { errors += 1 }
                if parts.count > 1, parts[1].hasSuffix("b") { built += 1 }
            }
            lastLine = Date()
        }
    }

    /// Waits until the process ends, or kills it when no input finished for `timeout` seconds.
    /// Every thousandth finished input is reported on standard error.
    func wait(timeout: Double) -> Ending {
        lock.lock(); lastLine = Date(); lock.unlock()
        var reported = -1
        while process.isRunning {
            usleep(100_000)
            lock.lock()
            let quiet = Date().timeIntervalSince(lastLine)
            let done = lastDone
            lock.unlock()
            if done / 1000 > reported / 1000 && done >= 0 {
                reported = done
                FileHandle.standardError.write(Data("fuzz: input \(done) done (\(Date()))\n".utf8))
            }
            if quiet > timeout {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return .hung(-1)
            }
        }
        process.waitUntilExit()
        usleep(50_000)  // the last lines
        let status = process.terminationStatus
        return process.terminationReason == .exit && status == 0 ? .finished : .died(status)
    }
}
