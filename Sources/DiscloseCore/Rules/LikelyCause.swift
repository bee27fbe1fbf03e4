/// One wrong figure breaks every rule that uses it. Cascades are folded into one finding, the likely
/// cause, with the others attached as notes instead of being errors of their own. Failing sums and
/// errors go to `BlameSearch` (the data figure whose change, re-checked in memory, mends the most); besides:
/// - a figure named as a unit slip (UNIT-MAGNITUDE): other errors that involve that figure;
/// - one wrong amount copied to several places (the 整体绩效报告 text echoing a wrong figure of the
///   attached table): errors whose actual and expected amounts are the same. The cause is the one in
///   the data (YAML) — the text repeats it — so that correcting it, and its copies, fixes them all.
enum LikelyCause {
    static let causes: Set<RuleID> = ["UNIT-MAGNITUDE"]

    static func key(_ location: SourceLocation) -> String { "\(location.file):\(location.line)" }

    static func consolidate(_ findings: [Diagnostic], report: Report? = nil, recheck: ((Report, BlameSearch.Areas) -> [Diagnostic])? = nil) -> [Diagnostic] {
        let folded = sameStatement(sameWrongAmount(unitSlips(findings)))
        guard let report, let recheck else { return sharedTails(folded) }
        return sharedTails(BlameSearch.consolidate(folded, raw: findings, report: report, recheck: recheck))
    }

    /// One wrong number in one place found by two rules (TEXT-AMOUNT against the data, TEXT-RESTATED
    /// against another sentence): one error, the other attached as a note.
    static func sameStatement(_ findings: [Diagnostic]) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var notes: [Int: [Diagnostic]] = [:]
        var folded: Set<Int> = []
        for (index, d) in findings.enumerated() where d.severity == .error {
            guard let actual = d.actual, amountKey(d) != nil else { continue }
            let key = "\(d.location.file):\(d.location.line):\(d.location.column)|\(actual)"
            if let kept = first[key] {
                notes[kept, default: []].append(d)
                folded.insert(index)
            } else {
                first[key] = index
            }
        }
        return attach(notes, folded: folded, to: findings, zh: "同一处还被以下规则发现", en: "Also found at this place by")
    }

    /// Two rounding tails that one figure explains: the figure is the total of one sum and a part of the
    /// other, and the two differences cancel (Σ parts of the first is off by d, the second total by −d).
    /// Adjusting that figure by d closes both, where each tail alone would name a different row; one
    /// ROUNDING-TAIL at the shared figure replaces the pair (e.g. 公用经费 10.23 printed over items that
    /// add to 10.22, and 人员经费 + 公用经费 one cent over 基本支出).
    static func sharedTails(_ findings: [Diagnostic]) -> [Diagnostic] {
        let tails = findings.indices.filter { findings[$0].rule == .roundingTail && findings[$0].sum != nil }
        guard tails.count > 1 else { return findings }
        var replaced: [Int: Diagnostic] = [:]
        var dropped: Set<Int> = []
        for a in tails where replaced[a] == nil && !dropped.contains(a) {
            for b in tails where b != a && replaced[b] == nil && !dropped.contains(b) {
                guard let sa = findings[a].sum, let sb = findings[b].sum,
                      let shared = sa.parts.first(where: { $0.location == sb.total.location && !$0.path.isEmpty }),
                      sa.difference == sb.difference.negated else { continue }
                let adjusted = shared.value + sa.difference
                let (ra, rb) = (ruleName(findings[a]), ruleName(findings[b]))
                replaced[a] = Diagnostic(.warning, .roundingTail, at: shared.location, path: shared.path, Message(
                    zh: "尾差（\(ra)、\(rb)）：第 \(shared.location.line) 行 \(shared.path) 为 \(Finding.money(shared.value))，它既是\(rb)的合计，又是\(ra)的分项，两处尾差（\(Finding.money(sa.difference))、\(Finding.money(sb.difference))）正好相反。尾差调整：把它由 \(Finding.money(shared.value)) 调为 \(Finding.money(adjusted))，两处同时一致（`disclose check --fix-tails` 可自动调整）。",
                    en: "rounding tail (\(ra), \(rb)): line \(shared.location.line) \(shared.path) (\(Finding.money(shared.value))) is the total of \(rb) and a part of \(ra), and the two tails cancel. Adjust it from \(Finding.money(shared.value)) to \(Finding.money(adjusted)): both add up."),
                    expected: Finding.money(adjusted), actual: Finding.money(shared.value),
                    related: [sa.total.location] + sb.parts.map(\.location))
                dropped.insert(b)
                break
            }
        }
        return findings.indices.compactMap { index in
            if dropped.contains(index) { return nil }
            return replaced[index] ?? findings[index]
        }
    }

    /// The rule a tail came from, as its message names it (“尾差（BASIC-SPLIT）”).
    static func ruleName(_ d: Diagnostic) -> String {
        guard let open = d.message.en.range(of: "rounding tail ("), let close = d.message.en[open.upperBound...].firstIndex(of: ")") else { return "ROUNDING-TAIL" }
        return String(d.message.en[open.upperBound..<close])
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
        // Only a wrong amount that stands in the data and is echoed elsewhere: two sentences that happen to
        // state the same wrong number for two items with equal values stay two findings.
        for members in groups.values where members.count > 1 && members.contains(where: { findings[$0].location.file.hasSuffix(".yaml") }) {
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
                expected: d.expected, actual: d.actual, related: d.related + attached.map(\.location), sum: d.sum)
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
                expected: d.expected, actual: d.actual, related: d.related + attached.map(\.location), sum: d.sum)
        }
    }
}
