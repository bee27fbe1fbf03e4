/// One wrong figure breaks every rule that uses it. When a finding names a figure as the likely cause
/// (a unit slip, UNIT-MAGNITUDE), the other errors that involve that same figure are its consequences:
/// they are attached to the cause as notes instead of being reported as errors of their own, each
/// pointing elsewhere.
enum LikelyCause {
    static let causes: Set<RuleID> = ["UNIT-MAGNITUDE"]

    static func key(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }

    static func consolidate(_ findings: [Diagnostic]) -> [Diagnostic] {
        // The same cause found by two routes (a sum and last year's figure) is reported once.
        var seen: Set<String> = []
        var unique: [Diagnostic] = []
        for d in findings {
            let id = "\(d.rule)|\(key(d.location))"
            if causes.contains(d.rule), seen.contains(id) { continue }
            seen.insert(id)
            unique.append(d)
        }
        let causeIndex = Dictionary(unique.enumerated().filter { causes.contains($0.element.rule) && $0.element.severity == .error }
            .map { (key($0.element.location), $0.offset) }, uniquingKeysWith: { a, _ in a })
        guard !causeIndex.isEmpty else { return unique }
        var notes: [Int: [Diagnostic]] = [:]
        var folded: Set<Int> = []
        for (index, d) in unique.enumerated() where d.severity == .error && !causes.contains(d.rule) {
            guard let cause = ([d.location] + d.related).lazy.compactMap({ causeIndex[key($0)] }).first else { continue }
            notes[cause, default: []].append(d)
            folded.insert(index)
        }
        return unique.enumerated().compactMap { index, d in
            if folded.contains(index) { return nil }
            guard let attached = notes[index], !attached.isEmpty else { return d }
            let list = attached.map { "\($0.rule)（第 \($0.location.line) 行）" }.joined(separator: "、")
            let listEn = attached.map { "\($0.rule) (line \($0.location.line))" }.joined(separator: ", ")
            return Diagnostic(d.severity, d.rule, at: d.location, path: d.path, Message(
                zh: d.message.zh + "由此引起的其他不一致（改正此数后应一并消失）：\(list)。",
                en: d.message.en + " Other findings this causes (they should go once it is corrected): \(listEn)."),
                expected: d.expected, actual: d.actual, related: d.related + attached.map(\.location))
        }
    }
}
