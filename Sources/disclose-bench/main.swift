import ArgumentParser
import DiscloseCore
import DiscloseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `disclose-bench`: generate large, consistent content trees and time builds of them.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclose-bench",
        abstract: "Generate large content trees and time disclose builds (see docs/performance.md).",
        subcommands: [Generate.self, Run.self, Compare.self, Poll.self, HugoSiteCommand.self, HugoCheck.self, Fuzz.self, FuzzWorker.self]
    )
}

struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a valid, consistent content tree (seeded, deterministic).")

    @Option(help: "Number of units.") var units = 100
    @Option(help: "Years per unit (ending with --last-year).") var years = 10
    @Option(help: "The newest year.") var lastYear = 2024
    @Option(help: "Random seed.") var seed: UInt64 = 1
    @Option(help: "Output content directory.") var out: String

    func run() throws {
        if FileManager.default.fileExists(atPath: out) {
            throw ValidationError("\(out) already exists; choose an empty path.")
        }
        let count = try Corpus.generate(units: units, years: years, lastYear: lastYear, seed: seed, into: out)
        print("generated \(units) units × \(years) years = \(units * years) reports, \(count) files in \(out)")
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time a full build, a no-op rebuild and a rebuild after one report changed.")

    @Option(help: "Content directory (default: a generated tree of --units × --years reports under .build/bench-corpus/).") var content: String?
    @Option(help: "Units of the generated tree (without --content).") var units = 100
    @Option(help: "Years per unit of the generated tree (without --content).") var years = 10
    @Option(help: "Templates directory.") var templates = "Templates"
    @Option(help: "Output directory (replaced).") var output = ".build/bench-output"
    @Flag(help: "Empty the chart PNG cache before the full build (the cost of a site's first build).") var coldPNG = false
    @Flag(name: .customLong("no-png"), help: "Build without chart PNGs, as the preview does (province-scale runs: see docs/performance.md).") var noPNG = false
    @Flag(help: "Skip the full build: time the rebuilds of an output this binary built before, with the same options (a province's full build takes most of an hour).") var rebuildsOnly = false

    func peakMemoryMB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    func time(_ label: String, _ body: () -> SiteBuilder.Result) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        let result = body()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        print(String(format: "%-28@ %8.3f s   %5d reports rendered   %6d files   %d errors", label as NSString, seconds, result.rendered, result.files, errors))
        return seconds
    }

    /// The first line a shell command prints (`find | wc`, `du`).
    static func shell(_ command: String) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardOutput = pipe
        try? process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func run() throws {
        let content = try content ?? Corpus.ensure(units: units, years: years)
        var options = SiteBuilder.Options(content: URL(fileURLWithPath: content), contentDisplay: content,
                                          templates: URL(fileURLWithPath: templates), templatesDisplay: templates,
                                          output: URL(fileURLWithPath: output))
        options.chartPNGs = !noPNG
        print("cores: \(ProcessInfo.processInfo.activeProcessorCount)")
        if rebuildsOnly {
            guard SiteBuilder(options: options).lastBuildApplies else {
                throw ValidationError("no build record of this binary with these options beside \(output): run without --rebuilds-only first")
            }
            // The last run put the changed report back: this rebuild catches up with it.
            _ = time("rebuild after the last run") { SiteBuilder(options: options).buildIncrementally() }
        } else {
            try? FileManager.default.removeItem(atPath: output)
            // What `disclose build` does from the command line: each build a new builder, the record of the
            // last build (.disclose-cache/ beside the output) the only thing carried from one to the next.
            SiteBuilder(options: options).forgetLastBuild()
            if coldPNG { SiteBuilder(options: options).forgetChartPNGs() }
            _ = time("full build") { SiteBuilder(options: options).buildIncrementally() }
            print(String(format: "peak memory after the full build: %.0f MB", peakMemoryMB()))
            print("output: \(Self.shell("find '\(output)' -type f | wc -l")) files, \(Self.shell("du -s --block-size=1M '\(output)' | cut -f1")) MB on disk")
        }
        _ = time("no-op rebuild") { SiteBuilder(options: options).buildIncrementally() }
        // Change one report's narrative and rebuild.
        let fm = FileManager.default
        let unit = try fm.contentsOfDirectory(atPath: content).filter { !$0.hasSuffix(".yaml") && !$0.hasPrefix(".") }.sorted().first ?? ""
        let year = try fm.contentsOfDirectory(atPath: "\(content)/\(unit)").filter { Int($0) != nil }.sorted().last ?? ""
        let duties = URL(fileURLWithPath: "\(content)/\(unit)/\(year)/duties.md")
        let original = try Data(contentsOf: duties)
        try (original + Data("\n3. 基准测试修改的一行（\(UUID().uuidString)）。\n".utf8)).write(to: duties)
        defer { try? original.write(to: duties) }
        _ = time("one report changed") { SiteBuilder(options: options).buildIncrementally() }
        print(String(format: "peak memory: %.0f MB", peakMemoryMB()))
    }
}

struct Poll: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Time the preview's poll of a content tree (what it does every interval to notice a save).")

    @Option(help: "Content directory (default: a generated tree of --units × --years reports under .build/bench-corpus/).") var content: String?
    @Option(help: "Units of the generated tree (without --content).") var units = 100
    @Option(help: "Years per unit of the generated tree (without --content).") var years = 10
    @Option(help: "Polls to time.") var runs = 3

    func run() throws {
        let folder = URL(fileURLWithPath: try content ?? Corpus.ensure(units: units, years: years))
        for run in 1...runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let files = WatchedFiles.snapshot([folder]).count
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(String(format: "poll %d: %d files in %.3f s", run, files, seconds))
        }
    }
}

// Top-level entry (not @main): the module has more than one file.
Bench.main()
