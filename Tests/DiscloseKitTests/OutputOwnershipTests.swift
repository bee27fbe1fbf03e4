import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// A build touches only what is its own: a foreign folder is refused and left as it was, parallel
/// builds into one output wait for each other, and folder links inside Content are never followed.
final class OutputOwnershipTests: XCTestCase {
    var templates: URL { repositoryRoot.appendingPathComponent("Templates") }

    func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("disclose-own-\(UUID().uuidString)")
    }

    func builder(content: URL, output: URL) -> SiteBuilder {
        SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: templates, templatesDisplay: "Templates", output: output))
    }

    /// Every file under a folder, path → bytes.
    func snapshot(_ folder: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        guard let walk = FileManager.default.enumerator(atPath: folder.path) else { return out }
        for case let path as String in walk {
            var isDir: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue {
                out[path] = FileManager.default.contents(atPath: url.path)
            }
        }
        return out
    }

    func testAForeignOutputFolderIsRefusedAndLeftIntact() throws {
        let root = temporary()
        defer { try? FileManager.default.removeItem(at: root) }
        let documents = root.appendingPathComponent("Documents")
        try FileManager.default.createDirectory(at: documents.appendingPathComponent("letters"), withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: documents.appendingPathComponent("precious.txt"))
        try Data("draft".utf8).write(to: documents.appendingPathComponent("letters/draft.txt"))
        let before = snapshot(documents)
        let content = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }

        for build in [{ self.builder(content: content, output: documents).build() },
                      { self.builder(content: content, output: documents).buildIncrementally() }] {
            let result = build()
            XCTAssertFalse(result.written)
            XCTAssertTrue(result.ioFailure, "exit status 2")
            let refusal = try XCTUnwrap(result.diagnostics.first { $0.rule == "OUTPUT-UNSAFE" })
            XCTAssertTrue(refusal.message.zh.contains("不是 disclose 生成的"), refusal.message.zh)
            XCTAssertEqual(snapshot(documents), before)
        }
        // The preview's writer refuses too.
        XCTAssertThrowsError(try OutputWriter(output: documents).replace(with: ["index.html": Data("x".utf8)]))
        XCTAssertEqual(snapshot(documents), before)
        // Nothing is left beside it either.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["Documents"])

        // A file where the folder should be is refused as well.
        let file = root.appendingPathComponent("notes.txt")
        try Data("keep".utf8).write(to: file)
        XCTAssertFalse(builder(content: content, output: file).build().written)
        XCTAssertEqual(try Data(contentsOf: file), Data("keep".utf8))
    }

    func testAnEmptyFolderAndAnEarlierOutputAreReplacedAndCarryTheMarker() throws {
        let root = temporary()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data().write(to: output.appendingPathComponent(".gitkeep"))
        let content = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        XCTAssertTrue(builder(content: content, output: output).build().written)
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(OutputOwnership.markerName).path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent(".gitkeep").path))
        // The second build replaces its own output.
        XCTAssertTrue(builder(content: content, output: output).build().written)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted(), ["site"], "no lock or staging left")
    }

    /// Three builds at once into one output, a hundred times: each ends with the whole site.
    func testParallelBuildsIntoOneOutputLoseNothing() throws {
        let root = temporary()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output")
        let content = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        let expected = Set(try XCTUnwrap(builder(content: content, output: output).render().files).keys).union([OutputOwnership.markerName])
        let rounds = Int(ProcessInfo.processInfo.environment["PARALLEL_BUILD_ROUNDS"] ?? "") ?? 100
        for round in 0..<rounds {
            let written = FailureCount()
            let templates = self.templates
            DispatchQueue.concurrentPerform(iterations: 3) { i in
                // Full builds and incremental ones, as `disclose build` and `build --full` do.
                let b = SiteBuilder(options: .init(content: content, contentDisplay: "Content", templates: templates,
                                                   templatesDisplay: "Templates", output: output))
                let result = i == 0 ? b.build() : b.buildIncrementally()
                if !result.written { written.add() }
            }
            XCTAssertEqual(written.count, 0, "round \(round): a build failed")
            XCTAssertEqual(Set(snapshot(output).keys), expected, "round \(round)")
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "Output" && $0 != ".disclose-cache" }
            XCTAssertEqual(leftovers, [], "round \(round)")
        }
    }

    // MARK: Folder links

    func testAFolderLinkInContentIsRefusedByEveryCommand() throws {
        let root = temporary()
        defer { try? FileManager.default.removeItem(at: root) }
        let outside = root.appendingPathComponent("elsewhere")
        let content = try FixtureSite().write()
        defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
        // A whole unit elsewhere, linked in as a unit folder; and a year folder linked in.
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: content.appendingPathComponent("test-zzb"), to: outside.appendingPathComponent("unit"))
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("linked-zzb"), withDestinationURL: outside.appendingPathComponent("unit"))
        try FileManager.default.createSymbolicLink(at: content.appendingPathComponent("test-zzb/2022"), withDestinationURL: outside.appendingPathComponent("unit/2023"))
        let before = snapshot(outside)

        let check = Checker.check(content: content, displayRoot: "Content")
        let links = check.diagnostics.filter { $0.rule == "FILE-SYMLINK" }.map(\.location.file).sorted()
        XCTAssertEqual(links, ["Content/linked-zzb", "Content/test-zzb/2022"])
        XCTAssertTrue(check.hasErrors)

        let output = root.appendingPathComponent("Output")
        let build = builder(content: content, output: output).build()
        XCTAssertFalse(build.written)
        XCTAssertFalse(FileManager.default.fileExists(atPath: output.appendingPathComponent("linked-zzb").path))

        // new and import would write through the link: refused, nothing written there.
        for year in [2024, 2022] {
            let unit = year == 2024 ? "linked-zzb" : "test-zzb"
            guard case .failure(let failure) = ReportCreator.create(content: content, unitID: unit, year: year, blank: true, displayRoot: "Content") else {
                return XCTFail("new \(unit)/\(year) should be refused")
            }
            XCTAssertTrue(failure.message(.zh).contains("符号链接"), failure.message(.zh))
        }
        let csv = root.appendingPathComponent("table.csv")
        try Data("收入支出决算总表\n".utf8).write(to: csv)
        XCTAssertThrowsError(try ReportImport.run(input: csv, content: content, displayRoot: "Content", unitID: "linked-zzb", year: 2024)) { error in
            XCTAssertTrue((error as? ReportImport.Failure)?.message(.zh).contains("符号链接") ?? false, "\(error)")
        }
        XCTAssertEqual(snapshot(outside), before)
    }

    // MARK: Terminal

    func testControlCharactersInNamesAreEscapedInMessages() throws {
        var site = FixtureSite()
        site.files["bad\u{1B}[2J\nfake: error[X]: y/unit.yaml"] = FixtureSite.unit
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let check = Checker.check(content: root, displayRoot: "Content")
        let text = DiagnosticRenderer.text(check.diagnostics, sources: check.load.sources, language: .zh)
        XCTAssertFalse(text.contains("\u{1B}"), text)
        XCTAssertTrue(text.contains("bad\\u{1B}[2J\\u{A}fake"), text)
        XCTAssertEqual(text.split(separator: "\n").filter { $0.hasPrefix("fake") }.count, 0)
        XCTAssertEqual(TerminalText.escaped("a\u{7}b\u{202E}c\u{9B}"), "a\\u{7}b\\u{202E}c\\u{9B}")
        XCTAssertEqual(TerminalText.sourceLine("a\tb\u{1B}c"), "a\tb\u{FFFD}c")
    }
}

final class FailureCount: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
}
