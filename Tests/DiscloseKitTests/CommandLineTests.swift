import Foundation
import XCTest

/// `disclose check` as finance staff run it: exit status and output.
final class CommandLineTests: XCTestCase {
    var binary: URL { repositoryRoot.appendingPathComponent(".build/debug/disclose") }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try XCTSkipUnless(FileManager.default.isExecutableFile(atPath: binary.path), "build the executable first (swift build)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    func testCheckPassesOnTheSampleContent() throws {
        let result = try run(["check", "--content", "Content"])
        XCTAssertEqual(result.status, 0, result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("检查通过：没有发现问题。\n") || result.stdout.contains("0 个错误"), result.stdout)
    }

    func testErrorsExitWithOneAndJSONOnRequest() throws {
        var site = FixtureSite()
        site.edit("test-zzb/2023/accounts.yaml", replacing: "  general_budget: 100.00", with: "  general_budget: 1OO")
        let root = try site.write()
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let text = try run(["check", "--content", root.path, "--lang", "en"])
        XCTAssertEqual(text.status, 1)
        XCTAssertTrue(text.stdout.contains("accounts.yaml:2:19: error[SCHEMA-NUMBER]: '1OO' is not a valid number."), text.stdout)
        let json = try run(["check", "--content", root.path, "--format", "json"])
        XCTAssertEqual(json.status, 1)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["errors"] as? Int, 1)
    }

    func testUsageAndMissingContentExitWithTwo() throws {
        XCTAssertEqual(try run(["check", "--no-such-option"]).status, 2)
        XCTAssertEqual(try run(["check", "--format", "xml"]).status, 2)
        let missing = try run(["check", "--content", "/nonexistent/Content"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stdout.contains("找不到内容目录"), missing.stdout)
    }

    func testNewWritesASkeletonAndRefusesToOverwrite() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("disclose-cli-new-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let content = dir.appendingPathComponent("Content").path
        let first = try run(["new", "demo", "2024", "--content", content])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("\(content)/demo/2024/accounts.yaml"), first.stdout)
        let check = try run(["check", "--content", content])
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("demo/2024/accounts.yaml:7:3: error[SCHEMA-REQUIRED]: “一般公共预算财政拨款收入”（general_budget）未填写。"), check.stdout)
        let again = try run(["new", "demo", "2024", "--content", content, "--lang", "en"])
        XCTAssertEqual(again.status, 1)
        XCTAssertEqual(again.stderr, "disclose new: demo/2024 already exists and is not overwritten; move it away first.\n")
        XCTAssertEqual(try run(["new", "demo", "2025", "--kind", "局"]).status, 2)
        XCTAssertEqual(try run(["new", "demo", "2025", "--blank", "--from", "2024"]).status, 2)
        let carry = try run(["new", "demo", "2025", "--content", content])
        XCTAssertEqual(carry.status, 1)
        XCTAssertTrue(carry.stderr.hasPrefix("disclose new: \(content)/demo/2024 有 "), carry.stderr)
    }
}
