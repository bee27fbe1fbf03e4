import ArgumentParser
import DiscloseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `disclose-bench compare`: disclose's full build against the floor — the `cmark` CLI over the same
/// Markdown plus copying the same output tree — measured in one run, interleaved, as a ratio.
/// (Hugo, when installed, is not compared yet: a generated Hugo site of the same pages is still to do.)
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time disclose's full build against the floor (cmark over the same Markdown + copying the same output), interleaved.")

    @Option(help: "Content directory (default: a generated tree of --units × --years reports under .build/bench-corpus/).") var content: String?
    @Option(help: "Units of the generated tree (without --content).") var units = 100
    @Option(help: "Years per unit of the generated tree (without --content).") var years = 10
    @Option(help: "Templates directory.") var templates = "Templates"
    @Option(help: "Interleaved runs of each.") var runs = 5
    @Option(help: "Run this disclose binary (`disclose build --full`) instead of building in this process as it does.") var disclose: String?
    @Option(help: "The cmark binary (Debian: apt-get install cmark).") var cmark = "/usr/bin/cmark"
    @Flag(help: "Empty the chart PNG cache (.disclose-cache/png) before each disclose build: the cost of a first build.")
    var coldPNG = false

    func run() throws {
        let content = try content ?? Corpus.ensure(units: units, years: years)
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: cmark) else {
            throw ValidationError("\(cmark) not found: the floor needs the cmark CLI (Debian: apt-get install cmark).")
        }
        if let disclose, !fm.isExecutableFile(atPath: disclose) { throw ValidationError("no disclose binary at \(disclose).") }
        // Outputs beside the content, as a site keeps them: the chart PNG cache is the site's
        // (.disclose-cache/png, shared by its outputs); each output's build record is removed afterwards.
        let site = URL(fileURLWithPath: content).standardizedFileURL.deletingLastPathComponent().path
        let work = "\(site)/compare-\(getpid())"
        var outputs: [String] = []
        defer {
            for output in outputs {
                try? fm.removeItem(atPath: output)
                Self.builder(content: content, templates: templates, output: output).forgetLastBuild()
            }
        }
        let markdown = Self.markdownByFolder(content)
        print("cores: \(ProcessInfo.processInfo.activeProcessorCount); corpus: \(content), \(markdown.values.map(\.count).reduce(0, +)) Markdown files in \(markdown.count) folders")

        // A first build: the tree the floor copies (and a warm file cache for both).
        let reference = "\(work)-reference"
        outputs.append(reference)
        try build(content: content, output: reference)
        let builder = Self.builder(content: content, templates: templates, output: reference)

        var discloseTimes: [Double] = []
        var floorTimes: [Double] = []
        for run in 0..<runs {
            // Alternate which goes first, so that neither always runs on a machine the other just warmed.
            let order = run % 2 == 0 ? [true, false] : [false, true]
            for isDisclose in order {
                if isDisclose {
                    if coldPNG { builder.forgetChartPNGs() }
                    let output = "\(work)-disclose-\(run)"
                    outputs.append(output)
                    let seconds = try Self.timed { try build(content: content, output: output) }
                    discloseTimes.append(seconds)
                    print(String(format: "run %d  disclose build --full   %7.3f s", run + 1, seconds))
                } else {
                    let output = "\(work)-floor-\(run)"
                    outputs.append(output)
                    let seconds = try Self.timed { try Self.floor(markdown: markdown, content: content, copy: reference, into: output, cmark: cmark) }
                    floorTimes.append(seconds)
                    print(String(format: "run %d  floor (cmark + copy)    %7.3f s", run + 1, seconds))
                }
            }
        }
        let d = Self.median(discloseTimes), f = Self.median(floorTimes)
        print(String(format: "median: disclose %.3f s, floor %.3f s, ratio %.2f×", d, f, d / f))
        print(String(format: "min:    disclose %.3f s, floor %.3f s, ratio %.2f×", discloseTimes.min()!, floorTimes.min()!,
                     discloseTimes.min()! / floorTimes.min()!))
        if let hugo = ["/usr/bin/hugo", "/usr/local/bin/hugo"].first(where: fm.isExecutableFile(atPath:)) {
            print("hugo found at \(hugo), but a Hugo site of the same pages is not generated yet: not compared.")
        } else {
            print("hugo: not installed, not compared.")
        }
    }

    static func builder(content: String, templates: String, output: String) -> SiteBuilder {
        SiteBuilder(options: .init(content: URL(fileURLWithPath: content), contentDisplay: content,
                                   templates: URL(fileURLWithPath: templates), templatesDisplay: templates,
                                   output: URL(fileURLWithPath: output)))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    static func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// `disclose build --full` into a new folder: what the command does (the record of the last build
    /// forgotten, then a build that leaves a new one), in this process or by running `--disclose`.
    func build(content: String, output: String) throws {
        if let disclose {
            let status = try Self.spawn(disclose, ["build", "--content", content, "--templates", templates, "--output", output, "--full"], stdout: "/dev/null")
            if status != 0 { throw ValidationError("disclose build exited with \(status)") }
            return
        }
        let builder = Self.builder(content: content, templates: templates, output: output)
        builder.forgetLastBuild()
        let result = builder.buildIncrementally()
        if !result.written { throw ValidationError("the build wrote nothing:\n\(result.diagnosticsText(.en))") }
    }

    /// Every Markdown file of the content, by folder (relative to the content root).
    static func markdownByFolder(_ content: String) -> [String: [String]] {
        var folders: [String: [String]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: content)
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".md") else { continue }
            folders[(path as NSString).deletingLastPathComponent, default: []].append(path)
        }
        return folders.mapValues { $0.sorted() }
    }

    /// The floor: each folder's Markdown through one `cmark` process (both cores busy), written as
    /// `<folder>/narrative.html`, and the whole reference output copied with `cp -r`.
    static func floor(markdown: [String: [String]], content: String, copy reference: String, into output: String, cmark: String) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: output, withIntermediateDirectories: true)
        let folders = markdown.keys.sorted()
        let failures = Counter()
        DispatchQueue.concurrentPerform(iterations: ProcessInfo.processInfo.activeProcessorCount) { worker in
            var index = worker
            while index < folders.count {
                let folder = folders[index]
                let target = "\(output)/narrative/\(folder)"
                try? FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
                let status = (try? spawn(cmark, markdown[folder]!.map { "\(content)/\($0)" }, stdout: "\(target)/narrative.html")) ?? -1
                if status != 0 { failures.add() }
                index += ProcessInfo.processInfo.activeProcessorCount
            }
        }
        if failures.value > 0 { throw ValidationError("cmark failed \(failures.value) times") }
        let status = try spawn("/bin/cp", ["-r", reference, "\(output)/site"], stdout: "/dev/null")
        if status != 0 { throw ValidationError("cp exited with \(status)") }
    }

    /// Runs a program with its standard output to a file; returns its exit status.
    static func spawn(_ program: String, _ arguments: [String], stdout: String) throws -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ValidationError("cannot run \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
    }
}

/// A thread-safe count of failures.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
