/// A long stretch of one short pattern over and over ("*a*a*a…", "[[[[…", "> a⏎> a⏎…",
/// "财政拨款财政拨款…"): what a broken Word export or a stuck key leaves in a narrative, never text a
/// person wrote. Found in one pass with a counter per pattern length, so the scan stays linear.
enum RepeatedRun {
    /// Longest pattern looked for, in UTF-8 bytes: four Chinese characters, or six ASCII ones.
    static let maxPatternBytes = 12

    struct Run: Equatable {
        /// Byte offsets of the run in the text (start on a character boundary).
        let start: Int
        let end: Int
        /// The repeated pattern's length in bytes.
        let pattern: Int
        /// The run's length in characters (Unicode scalars).
        let characters: Int
    }

    /// The first run of at least `minimumCharacters` characters, if any.
    static func first(in bytes: [UInt8], minimumCharacters: Int) -> Run? {
        bytes.withUnsafeBufferPointer { b -> Run? in
            let count = b.count
            // matched[p]: how many bytes in a row have equalled the byte p before them.
            var matched = [Int](repeating: 0, count: maxPatternBytes + 1)
            func run(endingAt end: Int, period p: Int) -> Run? {
                let length = matched[p] + p
                guard length >= minimumCharacters else { return nil }
                var start = end - length
                while start < end && b[start] & 0xC0 == 0x80 { start += 1 }
                // A run of lines ("> a⏎> a⏎…") is said to start on its first line, not at the end of the one before.
                if start + 1 < end && b[start] == UInt8(ascii: "\n") { start += 1 }
                var characters = 0
                for i in start..<end where b[i] & 0xC0 != 0x80 { characters += 1 }
                return characters >= minimumCharacters ? Run(start: start, end: end, pattern: p, characters: characters) : nil
            }
            for i in 0..<count {
                for p in 1...maxPatternBytes where p <= i {
                    if b[i] == b[i - p] {
                        matched[p] += 1
                    } else {
                        if matched[p] > 0, let found = run(endingAt: i, period: p) { return found }
                        matched[p] = 0
                    }
                }
            }
            for p in 1...maxPatternBytes where matched[p] > 0 {
                if let found = run(endingAt: count, period: p) { return found }
            }
            return nil
        }
    }
}
