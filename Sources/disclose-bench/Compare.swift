import ArgumentParser
import DiscloseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `disclose-bench compare`: disclose's full build against the floor — the `cmark` CLI over the same
/// Markdown plus copying the same output tree — and, when Hugo is installed, against Hugo building a
/// generated site of the same pages (`HugoSite`); measured in one run, interleaved, as ratios.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Time disclose's full build against the floor (cmark over the same Markdown + copying the same output) and Hugo (same pages), interleaved.")

    @Option(help: "Content directory (default: a generated tree of --units × --years reports under .build/bench-corpus/).") var content: String?
    @Option(help: "Units of the generated tree (without --content).") var units = 100
    @Option(help: "Years per unit of the generated tree (without --content).") var years = 10
    @Option(help: "Templates directory.") var templates = "Templates"
    @Option(help: "Interleaved runs of each.") var runs = 5
    @Option(help: "Run this disclose binary (`disclose build --full`) instead of building in this process as it does.") var disclose: String?
    @Option(help: "The cmark binary (Debian: apt-get install cmark).") var cmark = "/usr/bin/cmark"
    @Flag(help: "Empty the chart PNG cache (.disclose-cache/png) before each disclose build: the cost of a first build.")
    var coldPNG = false
    @Option(help: "The hugo binary (default: `hugo` on PATH; without one, Hugo is skipped).") var hugo: String?
    @Flag(help: "Do not measure Hugo even when it is installed.") var noHugo = false

    enum Side: CaseIterable { case disclose, floor, hugo }

    func run() throws {
        let content = try content ?? Corpus.ensure(units: units, years: years)
        let fm = FileManager.default
        guard fm.isExecutableFile(atPath: cmark) else {
            throw ValidationError("\(cmark) not found: the floor needs the cmark CLI (Debian: apt-get install cmark).")
        }
        if let disclose, !fm.isExecutableFile(atPath: disclose) { throw ValidationError("no disclose binary at \(disclose).") }
        let hugoBinary: String?
        if noHugo {
            hugoBinary = nil
            print("hugo: --no-hugo given, not compared.")
        } else if let hugo {
            guard fm.isExecutableFile(atPath: hugo) else { throw ValidationError("no hugo binary at \(hugo).") }
            hugoBinary = hugo
        } else {
            hugoBinary = HugoRunner.onPath()
            if hugoBinary == nil { print("hugo: not found on PATH (Debian: apt-get install hugo; or --hugo <path>), not compared.") }
        }
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
        print("load average at start: \(Self.loadAverage())")

        // A first build: the tree the floor copies (and a warm file cache for both).
        let reference = "\(work)-reference"
        outputs.append(reference)
        var peakKB: [Side: Int] = [:]
        peakKB[.disclose] = try build(content: content, output: reference)
        let builder = Self.builder(content: content, templates: templates, output: reference)

        // Hugo's side: a Hugo site of the same pages, written from the content and the reference output
        // (not timed), built once untimed (the equivalence is checked on that build), then timed.
        var sides: [Side] = [.disclose, .floor]
        if let hugoBinary {
            let hugoSite = "\(work)-hugo-site"
            outputs.append(hugoSite)
            let summary = try HugoSite(content: content, output: reference).write(to: hugoSite)
            print("hugo: \(HugoRunner.version(hugoBinary)); site \(hugoSite): \(summary.pages) pages (\(summary.reports) reports, \(summary.units) units, \(summary.otherPages) other, home, 404), \(summary.markdownFiles) Markdown files\(summary.reportsWithoutNarrative > 0 ? " (\(summary.reportsWithoutNarrative) report pages with no Markdown in their content folder)" : ""), \(summary.resources) page resources, \(summary.staticFiles) static files")
            let first = "\(work)-hugo-reference"
            outputs.append(first)
            let result = try HugoRunner.build(hugoBinary, site: hugoSite, destination: first)
            guard result.status == 0 else { throw ValidationError("hugo failed (exit \(result.status)); its log: \(result.log)") }
            peakKB[.hugo] = result.peakKB
            let equivalence = try HugoEquivalence.compare(disclose: reference, hugo: first)
            print("hugo: its site has \(equivalence.htmlPages) HTML pages (\(equivalence.tables) tables, \(equivalence.rows) rows, \(equivalence.drawings) inline SVGs) and \(equivalence.otherFiles) other files at disclose's addresses; " +
                  (equivalence.differences.isEmpty ? "no differences." : "\(equivalence.differences.count) differences, first: \(equivalence.differences.prefix(5).joined(separator: "; "))"))
            sides.append(.hugo)
        }

        fflush(nil)
        var times: [Side: [Double]] = [:]
        for run in 0..<runs {
            // Rotate which goes first, so that none always runs on a machine another just warmed.
            let order = Array(sides[(run % sides.count)...] + sides[..<(run % sides.count)])
            for side in order {
                let output = "\(work)-\(side)-\(run)"
                outputs.append(output)
                var peak = 0
                let seconds: Double
                switch side {
                case .disclose:
                    if coldPNG { builder.forgetChartPNGs() }
                    seconds = try Self.timed { peak = try build(content: content, output: output) }
                case .floor:
                    seconds = try Self.timed { peak = try Self.floor(markdown: markdown, content: content, copy: reference, into: output, cmark: cmark) }
                case .hugo:
                    let result = try HugoRunner.build(hugoBinary!, site: "\(work)-hugo-site", destination: output)
                    guard result.status == 0 else { throw ValidationError("hugo failed (exit \(result.status)); its log: \(result.log)") }
                    seconds = result.seconds
                    peak = result.peakKB
                }
                peakKB[side] = max(peakKB[side] ?? 0, peak)
                times[side, default: []].append(seconds)
                print(String(format: "run %d  %@ %7.3f s", run + 1, Self.label(side).padding(toLength: 26, withPad: " ", startingAt: 0), seconds))
                fflush(nil) // each line as it is measured, also when the output goes to a file
            }
        }
        if disclose == nil { peakKB[.disclose] = Self.peakKBOfThisProcess() }
        let d = Self.median(times[.disclose]!), f = Self.median(times[.floor]!)
        print(String(format: "median: disclose %.3f s, floor %.3f s, ratio %.2f×", d, f, d / f))
        print(String(format: "min:    disclose %.3f s, floor %.3f s, ratio %.2f×", times[.disclose]!.min()!, times[.floor]!.min()!,
                     times[.disclose]!.min()! / times[.floor]!.min()!))
        if let hugoTimes = times[.hugo] {
            let h = Self.median(hugoTimes)
            print(String(format: "median: hugo %.3f s; hugo/disclose %.2f×, hugo/floor %.2f×", h, h / d, h / f))
            print(String(format: "min:    hugo %.3f s; hugo/disclose %.2f×", hugoTimes.min()!, hugoTimes.min()! / times[.disclose]!.min()!))
        }
        let discloseMemory = disclose == nil ? "this process, reference build included" : "largest disclose process"
        print(String(format: "peak memory: disclose %.0f MB (%@), floor %.0f MB (cp)",
                     Double(peakKB[.disclose] ?? 0) / 1024, discloseMemory, Double(peakKB[.floor] ?? 0) / 1024)
              + (peakKB[.hugo].map { String(format: ", hugo %.0f MB (largest hugo process)", Double($0) / 1024) } ?? "")
              + (Self.peakIsUpperBound ? " — no /usr/bin/time: peaks of other processes include this one's memory (upper bounds)" : ""))
        print("load average at end: \(Self.loadAverage())")
    }

    static func label(_ side: Side) -> String {
        switch side {
        case .disclose: "disclose build --full"
        case .floor: "floor (cmark + copy)"
        case .hugo: "hugo (same pages)"
        }
    }

    static func peakKBOfThisProcess() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss
    }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
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
    /// Returns the peak memory (KB) of the disclose process it ran, or 0 when it built in this process.
    @discardableResult
    func build(content: String, output: String) throws -> Int {
        if let disclose {
            let result = try Self.spawn(disclose, ["build", "--content", content, "--templates", templates, "--output", output, "--full"],
                                        stdout: "/dev/null", measured: true)
            if result.status != 0 { throw ValidationError("disclose build exited with \(result.status)") }
            return result.peakKB
        }
        let builder = Self.builder(content: content, templates: templates, output: output)
        builder.forgetLastBuild()
        let result = builder.buildIncrementally()
        if !result.written { throw ValidationError("the build wrote nothing:\n\(result.diagnosticsText(.en))") }
        return 0
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
    /// `<folder>/narrative.html`, and the whole reference output copied with `cp -r`. Returns the peak
    /// memory (KB) of `cp` (the cmark processes, one per folder, are not measured: running each under
    /// /usr/bin/time would add a process per folder to the floor's time).
    static func floor(markdown: [String: [String]], content: String, copy reference: String, into output: String, cmark: String) throws -> Int {
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
                let result = try? spawn(cmark, markdown[folder]!.map { "\(content)/\($0)" }, stdout: "\(target)/narrative.html")
                if result?.status != 0 { failures.add() }
                index += ProcessInfo.processInfo.activeProcessorCount
            }
        }
        if failures.value > 0 { throw ValidationError("cmark failed \(failures.value) times") }
        let copy = try spawn("/bin/cp", ["-r", reference, "\(output)/site"], stdout: "/dev/null", measured: true)
        if copy.status != 0 { throw ValidationError("cp exited with \(copy.status)") }
        return copy.peakKB
    }

    /// Runs a program with its standard output (and, if given, its standard error) to a file; returns
    /// its exit status and, when `measured`, its peak resident memory in KB, else 0.
    ///
    /// The peak is GNU time's `%M` (`/usr/bin/time` runs the program): a child's `ru_maxrss` from
    /// `wait4` starts from the memory of the process it was forked from — this one, with its builds —
    /// so it says nothing about a small program. Without /usr/bin/time, `wait4`'s figure is returned,
    /// an upper bound (see `peakIsUpperBound`).
    static func spawn(_ program: String, _ arguments: [String], stdout: String, stderr: String? = nil,
                      measured: Bool = false) throws -> (status: Int32, peakKB: Int) {
        guard measured, !peakIsUpperBound else { return try spawnDirectly(program, arguments, stdout: stdout, stderr: stderr) }
        let report = NSTemporaryDirectory() + "disclose-bench-time-\(getpid())-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: report) }
        let result = try spawnDirectly(GNUTime.path, ["-f", "%M", "-o", report, program] + arguments, stdout: stdout, stderr: stderr)
        let text = (try? String(contentsOfFile: report, encoding: .utf8)) ?? ""
        // GNU time writes "Command exited with non-zero status N" before the figure when the program failed.
        let peak = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        return (result.status, peak)
    }

    enum GNUTime { static let path = "/usr/bin/time" }

    /// True when peaks come from `wait4` (no /usr/bin/time): they include this process's memory.
    static let peakIsUpperBound = !FileManager.default.isExecutableFile(atPath: GNUTime.path)

    static func spawnDirectly(_ program: String, _ arguments: [String], stdout: String, stderr: String?) throws -> (status: Int32, peakKB: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if let stderr { posix_spawn_file_actions_addopen(&actions, 2, stderr, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard spawned == 0 else { throw ValidationError("cannot run \(program): \(String(cString: strerror(spawned)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, usage.ru_maxrss)
    }
}

/// A thread-safe count of failures.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
