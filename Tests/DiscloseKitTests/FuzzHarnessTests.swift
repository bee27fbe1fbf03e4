import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// The short seeded run of the fuzz harness (`disclose-bench fuzz` runs the long ones): sample
/// content damaged structure-aware and byte-level, then check and, when it passes, build. A trap
/// would end this test process; a hang would stop it. `FUZZ_INPUTS` and `FUZZ_SEED` change the run.
final class FuzzHarnessTests: XCTestCase {
    func testAThousandSeededInputsEndInDiagnosticsOrASite() throws {
        let environment = ProcessInfo.processInfo.environment
        let count = Int(environment["FUZZ_INPUTS"] ?? "") ?? 1000
        var runner = try FuzzRunner(content: repositoryRoot.appendingPathComponent("Content"),
                                    templates: repositoryRoot.appendingPathComponent("Templates"),
                                    seed: UInt64(environment["FUZZ_SEED"] ?? "") ?? 20261129)
        runner.large = false  // the long runs of tens of thousands of characters are in HostileInputTests
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-fuzz-\(UUID().uuidString)/Content")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        var withErrors = 0, built = 0
        let started = Date()
        for index in 0..<count {
            let (files, _) = runner.input(index)
            try FuzzRunner.write(files, to: folder)
            let outcome = runner.run(content: folder)
            if outcome.errors > 0 { withErrors += 1 }
            if outcome.built { built += 1 }
            // Passing content that still fails to build would be a fault of its own.
            XCTAssertTrue(outcome.errors > 0 || outcome.built, "input \(index) passed the check but did not build")
        }
        print("fuzz: \(count) inputs, 0 crashes, 0 hangs, \(withErrors) with errors, \(built) built, "
              + "\(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        XCTAssertGreaterThan(withErrors, count / 4, "the mutations should mostly break the content")
        XCTAssertGreaterThan(built, 0, "some damage (Markdown, optional values) still builds")
    }

    func testTheSameSeedGivesTheSameInputs() throws {
        let content = repositoryRoot.appendingPathComponent("Content")
        let a = try FuzzRunner(content: content, templates: content, seed: 5)
        let b = try FuzzRunner(content: content, templates: content, seed: 5)
        for index in [0, 1, 99, 12_345] {
            XCTAssertEqual(a.input(index).files, b.input(index).files)
        }
        XCTAssertNotEqual(a.input(1).files, a.input(2).files)
    }

    func testStructureAwareMutationsRewriteMappingsIntoOtherShapes() {
        var rng = SeededRandom(seed: 3)
        let text = Array("income:\n  general_budget: 100.00\n  other: 0\nexpenditure:\n  basic: 1\n".utf8)
        var shapes = Set<String>()
        for _ in 0..<300 {
            let out = String(decoding: ContentMutator.yamlStructure(text, &rng), as: UTF8.self)
            if out.contains("{") { shapes.insert("flow mapping") }
            if out.contains("[") { shapes.insert("flow sequence") }
            if out.contains("- ") { shapes.insert("block sequence") }
            if out.contains("&anchor") { shapes.insert("anchor") }
            if ContentMutator.hostileNumbers.contains(where: out.contains) { shapes.insert("hostile number") }
        }
        XCTAssertEqual(shapes, ["flow mapping", "flow sequence", "block sequence", "anchor", "hostile number"])
    }
}
