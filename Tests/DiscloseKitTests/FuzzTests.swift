import DiscloseCore
@testable import DiscloseKit
import Foundation
import XCTest

/// A bounded, seeded fuzz run over the loader and the checker: random damage to the content files
/// (bytes flipped, cut, doubled; YAML punctuation, anchors, tabs, NUL, CR, broken UTF-8 inserted)
/// must always end in diagnostics, never in a crash or a hang. `FUZZ_ITERATIONS` sets the count.
final class FuzzTests: XCTestCase {
    static let fragments: [[UInt8]] = [
        Array(": ".utf8), Array("- ".utf8), Array("[".utf8), Array("]".utf8), Array("{".utf8), Array("}".utf8),
        Array("&a ".utf8), Array("*a".utf8), Array("\t".utf8), [0], Array("\r".utf8), Array("\n".utf8),
        [0xE4, 0xB8], [0xFF, 0xFE], Array("\"".utf8), Array("'".utf8), Array("#".utf8), Array("!!binary ".utf8),
        Array("１２３".utf8), Array("1,000".utf8), Array("-".utf8), Array(".nan".utf8), Array("99999999999999999999".utf8),
        Array("<script>".utf8), Array("%".utf8), Array("? ".utf8), Array("|".utf8), Array(">".utf8), Array("---\n".utf8),
    ]

    func mutate(_ bytes: [UInt8], _ rng: inout SeededRandom) -> [UInt8] {
        var b = bytes
        for _ in 0..<rng.int(1...4) {
            guard !b.isEmpty else { b = Self.fragments[rng.int(0...(Self.fragments.count - 1))]; continue }
            let at = rng.int(0...(b.count - 1))
            switch rng.int(0...5) {
            case 0: b[at] ^= UInt8(truncatingIfNeeded: rng.int(1...255))
            case 1: b.removeSubrange(at..<min(b.count, at + rng.int(1...20)))
            case 2: b.insert(contentsOf: Self.fragments[rng.int(0...(Self.fragments.count - 1))], at: at)
            case 3: b = Array(b.prefix(at))
            case 4: let end = min(b.count, at + rng.int(1...40)); b.insert(contentsOf: b[at..<end], at: at)
            default: b.swapAt(at, rng.int(0...(b.count - 1)))
            }
        }
        return b
    }

    func testRandomlyDamagedContentNeverCrashesTheChecker() throws {
        let iterations = Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "") ?? 300
        var rng = SeededRandom(seed: UInt64(ProcessInfo.processInfo.environment["FUZZ_SEED"] ?? "") ?? 20261124)
        let base = FixtureSite()
        let paths = base.files.keys.sorted()
        var withErrors = 0
        let started = Date()
        for _ in 0..<iterations {
            let path = paths[rng.int(0...(paths.count - 1))]
            var site = base
            let damaged = mutate(Array(site.files[path]!.utf8), &rng)
            site.files[path] = nil
            let diagnostics = try site.check(raw: [path: Data(damaged)])
            if diagnostics.errorCount > 0 { withErrors += 1 }
            // Every diagnostic names a file inside the content tree.
            XCTAssertTrue(diagnostics.allSatisfy { $0.location.file.hasPrefix("Content") })
        }
        let seconds = Date().timeIntervalSince(started)
        print("fuzz: \(iterations) executions, 0 crashes, \(withErrors) with errors, \(String(format: "%.1f", seconds)) s")
        XCTAssertGreaterThan(withErrors, iterations / 4, "the mutations should mostly break the content")
    }
}
