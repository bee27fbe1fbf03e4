@testable import DisclosePreview
import DiscloseKit
import Foundation
import XCTest

/// The preview's poll: a saved, added, removed or replaced file changes the snapshot; an editor's
/// hidden swap file and an untouched tree do not.
final class FolderWatcherTests: XCTestCase {
    func testEveryKindOfSaveChangesTheSnapshotAndHiddenFilesDoNot() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let content = root.appendingPathComponent("Content")
        let templates = root.appendingPathComponent("Templates")
        func write(_ folder: URL, _ path: String, _ text: String) throws {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        try write(content, "site.yaml", "title: 测试\n")
        try write(content, "u1/2024/duties.md", "职责\n")
        try write(templates, "page.mustache", "{{title}}\n")
        let watcher = FolderWatcher(folders: [content, templates])

        let first = watcher.snapshot()
        XCTAssertEqual(Set(first.keys), [content.path + "/site.yaml", content.path + "/u1/2024/duties.md", templates.path + "/page.mustache"])
        XCTAssertEqual(watcher.snapshot(), first, "nothing changed")

        try write(content, "u1/2024/.duties.md.swp", "swap\n")
        XCTAssertEqual(watcher.snapshot(), first, "a hidden file is not content")

        // The same size, a later time: an edit in place.
        try write(content, "u1/2024/duties.md", "职能\n")
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(5)],
                                              ofItemAtPath: content.appendingPathComponent("u1/2024/duties.md").path)
        let edited = watcher.snapshot()
        XCTAssertNotEqual(edited[content.path + "/u1/2024/duties.md"], first[content.path + "/u1/2024/duties.md"])

        try write(content, "u1/2023/duties.md", "上一年\n")
        let added = watcher.snapshot()
        XCTAssertEqual(added.count, 4)

        try FileManager.default.removeItem(at: templates.appendingPathComponent("page.mustache"))
        XCTAssertEqual(watcher.snapshot().count, 3, "a removed template")
        XCTAssertNil(watcher.snapshot()[templates.path + "/page.mustache"])
    }
}
