@testable import DiscloseKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import XCTest

/// The build record's stamps are checked in place, line by line: every kind of change to the content
/// is found without listing folders whose stamp is as recorded, and the file rewritten after a
/// rebuild checks clean.
final class StampFileTests: XCTestCase {
    private var root: URL!
    private var content: URL { root.appendingPathComponent("Content") }
    private var output: URL { root.appendingPathComponent("Output") }
    private var stamps: URL { root.appendingPathComponent("stamps.tsv") }

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-stamps-\(UUID().uuidString)")
        for path in ["site.yaml", "u1/unit.yaml", "u1/2023/duties.md", "u1/2023/accounts.yaml", "u2/unit.yaml", "u2/2024/duties.md"] {
            try write(path, "内容 \(path)\n")
        }
        for folder in ["u1/2023/charts", "u2/2024", "compare"] {
            try FileManager.default.createDirectory(at: output.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try record()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Stamps taken as a full build takes them.
    private func record() throws {
        let writer = try XCTUnwrap(StampFile.Writer(path: stamps.path))
        writer.scan(content.path, fileKind: StampFile.contentFile, folderKind: StampFile.contentFolder, hidden: false)
        writer.scan(output.path, fileKind: nil, folderKind: StampFile.outputFolder, hidden: true)
        XCTAssertTrue(writer.finish())
    }

    private func check() throws -> StampCheck {
        try XCTUnwrap(StampCheck(stamps: stamps.path, content: content, output: output))
    }

    /// Later than the recorded stamps, whatever the file system's time resolution.
    private func later(_ path: String) throws {
        let url = content.appendingPathComponent(path)
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)], ofItemAtPath: url.path)
    }

    func testAnUntouchedTreeHasNoChanges() throws {
        let result = try check()
        XCTAssertEqual(result.changedContent, [])
        XCTAssertFalse(result.outputTouched)
        let lines = String(decoding: try Data(contentsOf: stamps), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasPrefix("c\t") }.count, 6, "every content file, with its hash")
        XCTAssertEqual(lines.filter { $0.hasPrefix("C\t") }.count, 5, "the content folder and its 4 folders")
        XCTAssertEqual(lines.filter { $0.hasPrefix("o\t") }.count, 7, "the output folder and its 6 folders")
    }

    /// The file is read a block of whole lines at a time: lines cut by a block boundary, one longer
    /// than a block and a last line without its newline all arrive whole.
    func testTheStampsFileIsReadInBlocksOfWholeLines() throws {
        let lines = ["c\t1\t2\t3\t4\t5\tshort", "c\t1\t2\t3\t4\t5\t" + String(repeating: "长", count: 40), "o\t1\t2\t3\t4\t0\tlast"]
        let file = root.appendingPathComponent("blocks.tsv")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        var seen: [String] = []
        XCTAssertTrue(StampFile.forEachBlock(of: file.path, blockSize: 16) { block in
            XCTAssertTrue(block.last == 10 || seen.count == 2, "a block ends at a line's end (or the file's)")
            StampFile.forEachLine(block) { _, _, _, _, line in seen.append(String(decoding: line, as: UTF8.self)) }
        })
        XCTAssertEqual(seen, [lines[0] + "\n", lines[1] + "\n", lines[2]])
        XCTAssertFalse(StampFile.forEachBlock(of: root.appendingPathComponent("missing.tsv").path) { _ in })
    }

    func testAFileEditedInPlaceIsFoundByItsStampAndBytes() throws {
        let handle = try FileHandle(forWritingTo: content.appendingPathComponent("u1/2023/duties.md"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("又一句。\n".utf8))
        try handle.close()
        try later("u1/2023/duties.md")
        XCTAssertEqual(try check().changedContent, ["u1/2023/duties.md"])
    }

    /// Same size, same time (edited within the clock tick in which it was stamped): the record is
    /// younger than two seconds, so the file is hashed anyway.
    func testAFileChangedWithoutChangingItsStampIsFoundWhileTheRecordIsFresh() throws {
        let url = content.appendingPathComponent("u1/unit.yaml")
        var before = stat()
        XCTAssertEqual(lstat(url.path, &before), 0)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data("内容 u1/unit.yamL\n".utf8))
        try handle.close()
        let times = [before.st_atim, before.st_mtim]
        XCTAssertEqual(utimensat(AT_FDCWD, url.path, times, 0), 0)
        XCTAssertEqual(FileStamps.stamp(url.path), FileStamps.Stamp(before), "the stamp is as recorded")
        XCTAssertEqual(try check().changedContent, ["u1/unit.yaml"])
        // An old record (its file written long after the stamps) trusts the stamp.
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: stamps.path)
        XCTAssertEqual(try check().changedContent, [])
    }

    func testAFileSavedWithTheSameBytesIsNotAChange() throws {
        try write("u2/2024/duties.md", "内容 u2/2024/duties.md\n")
        try later("u2/2024/duties.md")
        XCTAssertEqual(try check().changedContent, [])
    }

    func testAddedRemovedAndNestedFilesAreFoundButHiddenOnesAreNot() throws {
        try write("u1/2023/project-reports/a.md", "新的\n")
        try write("u2/2025/unit-extra.yaml", "新的\n")
        try write("u2/.duties.md.swp", "编辑器的\n")
        try FileManager.default.removeItem(at: content.appendingPathComponent("u1/2023/accounts.yaml"))
        XCTAssertEqual(try check().changedContent,
                       ["u1/2023/project-reports/a.md", "u2/2025/unit-extra.yaml", "u1/2023/accounts.yaml"])
    }

    func testANewUnitAndAFileTurnedIntoAFolderAreFound() throws {
        try write("u3/unit.yaml", "新单位\n")
        try FileManager.default.removeItem(at: content.appendingPathComponent("u2/2024/duties.md"))
        try write("u2/2024/duties.md/inside.md", "文件夹里\n")
        XCTAssertEqual(try check().changedContent, ["u3/unit.yaml", "u2/2024/duties.md", "u2/2024/duties.md/inside.md"])
    }

    func testAFileAddedToTheOutputIsATouchedOutput() throws {
        try Data("x".utf8).write(to: output.appendingPathComponent("u2/2024/extra.html"))
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)],
                                              ofItemAtPath: output.appendingPathComponent("u2/2024").path)
        XCTAssertTrue(try check().outputTouched)
    }

    /// The lines a check reads: the stamps file's but those the overlay replaces, then the overlay's.
    private func recordedLines() throws -> [String] {
        let overlay = StampFile.overlay(of: stamps.path)
        var skipping: Superseded.Matcher?
        var lines: [String] = []
        if FileManager.default.fileExists(atPath: overlay) {
            let read = try XCTUnwrap(StampFile.Overlay(path: overlay))
            skipping = read.superseded.matcher
            read.lines.withUnsafeBytes { all in StampFile.forEachLine(all) { _, _, _, _, line in lines.append(String(decoding: line, as: UTF8.self)) } }
        }
        var base: [String] = []
        XCTAssertTrue(StampFile.forEachBlock(of: stamps.path) { all in
            StampFile.forEachLine(all) { kind, _, _, path, line in
                if skipping?.drops(kind: kind, path: path) != true { base.append(String(decoding: line, as: UTF8.self)) }
            }
        })
        return (base + lines).map { $0.trimmingCharacters(in: .newlines) }
    }

    /// What a rebuild of `unit` takes again: its content lines and the content folder's own, its output
    /// folders and the site folders named.
    private func rebuilt(_ unit: String, folders: [String]) throws -> (Superseded, [UInt8], OutputRestamp) {
        var contentLines: [UInt8] = []
        let rootInfo = try XCTUnwrap(FileStamps.stamp(content.path))
        StampFile.append(StampFile.contentFolder, rootInfo, hash: 0, path: "", to: &contentLines)
        for (name, info) in StampFile.entries(of: content.path, hidden: false) {
            if name == unit || (info.st_mode & S_IFMT) != S_IFDIR {
                StampFile.collect(content.path + "/" + name, path: name, info: info, into: &contentLines)
            }
        }
        var restamp = OutputRestamp()
        restamp.unit(unit, in: output)
        for folder in folders { restamp.folder(folder, in: output) }
        return (Superseded(units: [unit], output: restamp), contentLines, restamp)
    }

    /// After a rebuild of u1, the record keeps u2's lines and the output's other folders, replaces u1's
    /// and the folders taken again, and checks clean against the tree as it now is: first through the
    /// overlay (the stamps file itself untouched), then merged into a new stamps file.
    func testTheRecordAfterARebuildReplacesOnlyWhatWasTakenAgain() throws {
        try write("u1/2024/duties.md", "新的一年\n")
        XCTAssertEqual(try check().changedContent, ["u1/2024/duties.md"])
        // What the rebuild writes: u1's new report, and a site folder that is no longer made.
        try FileManager.default.createDirectory(at: output.appendingPathComponent("u1/2024/charts"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: output.appendingPathComponent("compare"))
        XCTAssertTrue(try check().outputTouched)

        let before = try Data(contentsOf: stamps)
        let (superseded, contentLines, restamp) = try rebuilt("u1", folders: ["compare", ""])
        XCTAssertTrue(StampFile.record(stamps.path, superseded: superseded, content: contentLines, output: restamp))
        XCTAssertEqual(try Data(contentsOf: stamps), before, "a small rebuild leaves the stamps file as it was")
        XCTAssertTrue(FileManager.default.fileExists(atPath: StampFile.overlay(of: stamps.path)))

        func assertRecordIsTheTreeNow(_ context: String) throws {
            let result = try check()
            XCTAssertEqual(result.changedContent, [], context)
            XCTAssertFalse(result.outputTouched, context)
            let lines = try recordedLines()
            XCTAssertEqual(lines.filter { $0.hasSuffix("\tu2/2024/duties.md") }.count, 1, "u2's lines kept once: \(context)")
            XCTAssertEqual(lines.filter { $0.hasSuffix("\tu1/2024/duties.md") }.count, 1, "u1's taken again: \(context)")
            XCTAssertEqual(lines.filter { $0.hasSuffix("\tsite.yaml") }.count, 1, "top-level files once: \(context)")
            XCTAssertFalse(lines.contains { $0.hasSuffix("\tcompare") }, "a folder that is gone leaves the record: \(context)")
            XCTAssertEqual(lines.filter { $0.hasPrefix("o\t") }.count, 8,
                           "output, u1, u1/2023, charts, u1/2024, charts, u2, u2/2024 but compare: \(context)")
        }
        try assertRecordIsTheTreeNow("through the overlay")

        // A second rebuild, of u2: the overlay keeps u1's lines and replaces the site level's.
        try write("u2/2024/extra.md", "补充\n")
        XCTAssertEqual(try check().changedContent, ["u2/2024/extra.md"])
        let (second, secondLines, secondRestamp) = try rebuilt("u2", folders: [""])
        XCTAssertTrue(StampFile.record(stamps.path, superseded: second, content: secondLines, output: secondRestamp))
        XCTAssertEqual(try Data(contentsOf: stamps), before)
        XCTAssertEqual(try XCTUnwrap(StampFile.Overlay(path: StampFile.overlay(of: stamps.path))).superseded,
                       Superseded(content: ["", "u1", "u2"], units: ["u1", "u2"], folders: ["", "compare"]))
        try assertRecordIsTheTreeNow("after a second rebuild")

        // Merged: one stamps file again, read the same.
        let overlay = try XCTUnwrap(StampFile.Overlay(path: StampFile.overlay(of: stamps.path)))
        XCTAssertTrue(StampFile.merge(stamps.path, superseded: overlay.superseded, lines: overlay.lines))
        XCTAssertFalse(FileManager.default.fileExists(atPath: StampFile.overlay(of: stamps.path)))
        XCTAssertNotEqual(try Data(contentsOf: stamps), before)
        try assertRecordIsTheTreeNow("merged")
    }

    /// The lines of an owner whose name another's starts with (u1, u10), or whose hash might collide,
    /// are not taken for it.
    func testAnOverlayReplacesItsOwnersLinesOnly() throws {
        let matcher = Superseded(content: ["u1"], units: ["u1"], folders: ["compare"], bundles: ["data"]).matcher
        func drops(_ kind: UInt8, _ path: String) -> Bool { Array(path.utf8).withUnsafeBytes { matcher.drops(kind: kind, path: $0) } }
        XCTAssertTrue(drops(StampFile.contentFile, "u1/2023/duties.md"))
        XCTAssertTrue(drops(StampFile.contentFolder, "u1"))
        XCTAssertFalse(drops(StampFile.contentFile, "u10/2023/duties.md"))
        XCTAssertFalse(drops(StampFile.contentFile, "site.yaml"), "top-level files belong to the owner \"\"")
        XCTAssertTrue(drops(StampFile.outputFolder, "u1/2023/charts"))
        XCTAssertFalse(drops(StampFile.outputFolder, "u10"))
        XCTAssertTrue(drops(StampFile.outputFolder, "compare"))
        XCTAssertFalse(drops(StampFile.outputFolder, "compare/2024"), "a folder named is that folder only")
        XCTAssertTrue(drops(StampFile.outputFolder, "data/2024"))
        XCTAssertFalse(drops(StampFile.outputFolder, "database"))
        XCTAssertFalse(drops(StampFile.templateFile, "u1"))
    }
}
