/// One wrong figure breaks every rule that uses it. Two kinds of cascade are folded into one finding,
/// the likely cause, with the others attached as notes instead of being errors of their own:
/// - a figure named as a unit slip (UNIT-MAGNITUDE): other errors that involve that figure;
/// - one wrong amount copied to several places (the 整体绩效报告 text echoing a wrong figure of the
///   attached table): errors whose actual and expected amounts are the same. The cause is the one in
///   the data (YAML) — the text repeats it — so that correcting it, and its copies, fixes them all.
enum LikelyCause {
    static let causes: Set<RuleID> = ["UNIT-MAGNITUDE"]

    static func key(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }

    static func consolidate(_ findings: [Diagnostic]) -> [Diagnostic] {
        sameWrongAmount(unitSlips(findings))
    }

    /// An amount worth grouping on: money as the rules print it (two decimals), not a small count or
    /// a percentage that could repeat by chance.
    static func amountKey(_ d: Diagnostic) -> String? {
        guard d.severity == .error, let actual = d.actual, let expected = d.expected, actual != expected,
              actual.contains("."), expected.contains("."), let value = DecimalNumber(actual), value.magnitude >= DecimalNumber(1),
              !causes.contains(d.rule) else { return nil }
        return "\(actual)|\(expected)"
    }

    static func sameWrongAmount(_ findings: [Diagnostic]) -> [Diagnostic] {
        var groups: [String: [Int]] = [:]
        for (index, d) in findings.enumerated() {
            if let key = amountKey(d) { groups[key, default: []].append(index) }
        }
        var notes: [Int: [Diagnostic]] = [:]
        var folded: Set<Int> = []
        for members in groups.values where members.count > 1 {
            // The data figure is the cause; the text repeats it.
            let cause = members.min { a, b in
                let (da, db) = (findings[a], findings[b])
                let (ya, yb) = (da.location.file.hasSuffix(".yaml"), db.location.file.hasSuffix(".yaml"))
                if ya != yb { return ya }
                return da.location < db.location
            }!
            for member in members where member != cause {
                notes[cause, default: []].append(findings[member])
                folded.insert(member)
            }
        }
        return attach(notes, folded: folded, to: findings, zh: "同一个错误的数还出现在", en: "The same wrong figure also appears at")
    }

    static func attach(_ notes: [Int: [Diagnostic]], folded: Set<Int>, to findings: [Diagnostic], zh: String, en: String) -> [Diagnostic] {
        findings.enumerated().compactMap { index, d in
            if folded.contains(index) { return nil }
            guard let attached = notes[index], !attached.isEmpty else { return d }
            let list = attached.map { "\($0.rule)（\($0.location)）" }.joined(separator: "、")
            let listEn = attached.map { "\($0.rule) (\($0.location))" }.joined(separator: ", ")
            return Diagnostic(d.severity, d.rule, at: d.location, path: d.path, Message(
                zh: d.message.zh + "\(zh)：\(list)，改正此数时一并改正。",
                en: d.message.en + " \(en): \(listEn); correct them together."),
                expected: d.expected, actual: d.actual, related: d.related + attached.map(\.location))
        }
    }

    static func unitSlips(_ findings: [Diagnostic]) -> [Diagnostic] {
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
