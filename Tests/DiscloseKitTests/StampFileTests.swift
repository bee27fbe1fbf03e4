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
        try XCTUnwrap(StampCheck(stamps: stamps.path, written: try XCTUnwrap(FileStamps.stamp(stamps.path)).seconds,
                                 content: content, output: output))
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

    /// After a rebuild of u1, the file keeps u2's lines and the output's other folders, replaces u1's
    /// and the folders taken again, and checks clean against the tree as it now is.
    func testTheRewrittenFileReplacesOnlyWhatWasTakenAgain() throws {
        try write("u1/2024/duties.md", "新的一年\n")
        XCTAssertEqual(try check().changedContent, ["u1/2024/duties.md"])
        // What the rebuild writes: u1's new report, and a site folder that is no longer made.
        try FileManager.default.createDirectory(at: output.appendingPathComponent("u1/2024/charts"), withIntermediateDirectories: true)
        try FileManager.default.removeItem(at: output.appendingPathComponent("compare"))
        XCTAssertTrue(try check().outputTouched)

        var contentLines: [UInt8] = []
        let rootInfo = try XCTUnwrap(FileStamps.stamp(content.path))
        StampFile.append(StampFile.contentFolder, rootInfo, hash: 0, path: "", to: &contentLines)
        for (name, info) in StampFile.entries(of: content.path, hidden: false) {
            if name == "u1" || (info.st_mode & S_IFMT) != S_IFDIR {
                StampFile.collect(content.path + "/" + name, path: name, info: info, into: &contentLines)
            }
        }
        var restamp = OutputRestamp()
        restamp.unit("u1", in: output)
        restamp.folder("compare", in: output)
        restamp.folder("", in: output)
        XCTAssertTrue(StampFile.rewrite(stamps.path, contentOwners: ["u1", ""], content: contentLines, output: restamp))

        let result = try check()
        XCTAssertEqual(result.changedContent, [])
        XCTAssertFalse(result.outputTouched)
        let lines = String(decoding: try Data(contentsOf: stamps), as: UTF8.self).split(separator: "\n")
        XCTAssertEqual(lines.filter { $0.hasSuffix("\tu2/2024/duties.md") }.count, 1, "u2's lines kept once")
        XCTAssertEqual(lines.filter { $0.hasSuffix("\tu1/2024/duties.md") }.count, 1, "u1's taken again")
        XCTAssertFalse(lines.contains { $0.hasSuffix("\tcompare") }, "a folder that is gone leaves the record")
        XCTAssertEqual(lines.filter { $0.hasPrefix("o\t") }.count, 8, "output, u1, u1/2023, charts, u1/2024, charts, u2, u2/2024 but compare")
    }
}
