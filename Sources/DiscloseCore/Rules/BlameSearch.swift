/// “应为” names the figure whose change would fix the most rules.
///
/// Every data figure (a YAML value) that a failing error names is a candidate, at the value that would
/// mend that failure: for a sum (`Diagnostic.sum`), the total at Σ parts or a part at what closes the
/// difference; for any other finding at a data figure, its “应为” (`expected`). Each candidate is tried
/// in memory — the report is rebuilt from its documents with that one value changed
/// (`ReportSources.rebuilt`) and every rule runs again. The candidate that makes the most of the report's
/// errors go away while no new one appears is the likely cause: reported once, at that figure, with the
/// errors it mends attached as notes instead of standing on their own. Ties go to a leaf (a figure that is
/// no sum's total: a total usually repeats its parts), then to a printed non-zero figure over a zero, then
/// to the change of fewer digits (a keyboard slip: 220.24 for 202.24), then to the smaller change, then to
/// the first place in the files. No candidate turns a printed amount negative. The search repeats on
/// what is left, so two independent mistakes give two causes where each explains failures of its own; a
/// value that a sentence stating that very figure contradicts is never named (two mistakes in one sum
/// cannot be told from one by the sum alone: they stay separate findings).
///
/// Cost: the data rules run once per candidate (at most `maximumCandidates`), every rule for the best
/// `finalists`; only for a report with two or more errors of which one is a data rule's.
enum BlameSearch {
    /// How many candidates one report's search tries at most: each costs one run of the rules.
    static let maximumCandidates = 16
    /// A report with more errors than this is broken in many places, not by one figure: not searched.
    static let maximumFailures = 40
    /// How many causes one report's search names at most.
    static let maximumCauses = 4

    struct Candidate: Hashable {
        let location: SourceLocation
        let path: String
        let current: DecimalNumber
        let value: DecimalNumber
    }

    /// A finding as the re-check sees it: the same rule at the same place is the same finding, whatever
    /// its numbers now say.
    struct Identity: Hashable {
        let rule: RuleID
        let location: SourceLocation
        let path: String
        init(_ d: Diagnostic) {
            rule = d.rule
            location = d.location
            path = d.path
        }
    }

    /// A figure the report's data states (a YAML value with a path): what a correction changes. Derived
    /// figures (no path) and the narrative's numbers are not candidates: the text repeats the data.
    static func isData(_ figure: Figure) -> Bool { isData(figure.location, figure.path) }

    static func isData(_ location: SourceLocation, _ path: String) -> Bool {
        !path.isEmpty && location.file.hasSuffix(".yaml") && location.line > 0
    }

    /// The findings that can be mended and folded: errors other than unit slips (folded already by
    /// `LikelyCause.unitSlips`).
    static func isFoldable(_ d: Diagnostic) -> Bool {
        d.severity == .error && !LikelyCause.causes.contains(d.rule)
    }

    /// - Parameters:
    ///   - findings: the report's findings, after the other foldings of `LikelyCause`.
    ///   - raw: the report's findings before any folding (what a re-check is compared with).
    ///   - recheck: runs every rule on a rebuilt report, without folding.
    /// Which rules a re-check runs: the data rules only (cheap: the first round, which ranks every
    /// candidate) or all of them, the text rules too (the second round, for the best few).
    enum Areas { case data, all }

    /// How many of the best-ranked candidates the second round re-checks with every rule.
    static let finalists = 3

    static func isTextRule(_ rule: RuleID) -> Bool {
        ReconciliationRules.rule(rule)?.area == .text
    }

    /// - Parameters:
    ///   - findings: the report's findings, after the other foldings of `LikelyCause`.
    ///   - raw: the report's findings before any folding (what a re-check is compared with).
    ///   - recheck: runs the rules on a rebuilt report, without folding.
    static func consolidate(_ findings: [Diagnostic], raw: [Diagnostic], report: Report,
                            recheck: (Report, Areas) -> [Diagnostic]) -> [Diagnostic] {
        guard let sources = report.sources else { return findings }
        var failing = findings.indices.filter { isFoldable(findings[$0]) }
        // Only a cascade in the data is searched: text findings alone are folded by `LikelyCause`.
        guard failing.count > 1, failing.count <= maximumFailures, failing.contains(where: { !isTextRule(findings[$0].rule) }) else { return findings }
        let known = Set(raw.filter { $0.severity == .error }.map(Identity.init))
        let knownData = Set(known.filter { !isTextRule($0.rule) })
        let totals = Set(raw.compactMap(\.sum).map { Identity.place($0.total) })
        var changes: [SourceLocation: String] = [:]
        var replaced: [Int: Diagnostic] = [:]
        var dropped: Set<Int> = []
        var causes = 0
        while failing.count > 1, causes < maximumCauses {
            typealias Ranked = (candidate: Candidate, mends: [Int], isLeaf: Bool)
            func trial(_ candidate: Candidate) -> [SourceLocation: String] {
                var trial = changes
                trial[candidate.location] = candidate.value.description
                return trial
            }
            // Round one: the data rules only, for every candidate.
            var ranked: [Ranked] = []
            for candidate in candidates(failing.map { findings[$0] }).prefix(maximumCandidates) where changes[candidate.location] == nil {
                let after = Set(recheck(sources.rebuilt(report, changing: trial(candidate)), .data).filter { $0.severity == .error }.map(Identity.init))
                guard after.isSubset(of: knownData) else { continue }
                let mends = failing.filter { !isTextRule(findings[$0].rule) && !after.contains(Identity(findings[$0])) }
                guard !mends.isEmpty else { continue }
                ranked.append((candidate, mends, !totals.contains(Identity.Place(location: candidate.location, path: candidate.path))))
            }
            ranked.sort { better($0.candidate, $0.mends.count, $0.isLeaf, than: $1) }
            // Round two: every rule, for the best few; nothing new may appear.
            var best: Ranked?
            for finalist in ranked.prefix(finalists) {
                let after = Set(recheck(sources.rebuilt(report, changing: trial(finalist.candidate)), .all).filter { $0.severity == .error }.map(Identity.init))
                guard after.isSubset(of: known) else { continue }
                // The published text that states this very figure must agree with the corrected value:
                // a value no sentence supports (two mistakes absorbed into one row) is not the cause.
                let statements = raw.filter { $0.severity == .error && isTextRule($0.rule) && $0.related.contains(finalist.candidate.location) }
                guard !statements.contains(where: { after.contains(Identity($0)) }) else { continue }
                let mends = failing.filter { !after.contains(Identity(findings[$0])) }
                guard mends.count > 1 else { continue }
                let ranked: Ranked = (finalist.candidate, mends, finalist.isLeaf)
                if let current = best, !better(ranked.candidate, mends.count, ranked.isLeaf, than: current) { continue }
                best = ranked
            }
            guard let (cause, mends, isLeaf) = best else { break }
            // Others that mend the same data findings just as well: the sums alone cannot tell them
            // apart, so the message names them for the reader to check.
            let dataMends = Set(ranked.first { $0.candidate == cause }?.mends ?? [])
            let alternatives = ranked.filter { $0.candidate != cause && $0.isLeaf == isLeaf && Set($0.mends) == dataMends }.map(\.candidate)
            changes[cause.location] = cause.value.description
            let anchor = mends.first { findings[$0].location == cause.location } ?? mends[0]
            replaced[anchor] = diagnostic(cause, mended: mends.map { findings[$0] }, alternatives: alternatives, rule: findings[anchor].rule)
            for index in mends where index != anchor { dropped.insert(index) }
            failing.removeAll { mends.contains($0) }
            causes += 1
        }
        guard !replaced.isEmpty else { return findings }
        return findings.indices.compactMap { index in
            if dropped.contains(index) { return nil }
            return replaced[index] ?? findings[index]
        }
    }

    static func better(_ a: Candidate, _ mends: Int, _ isLeaf: Bool, than b: (candidate: Candidate, mends: [Int], isLeaf: Bool)) -> Bool {
        if mends != b.mends.count { return mends > b.mends.count }
        if isLeaf != b.isLeaf { return isLeaf }
        // A printed figure mistyped, not a blank filled in: a zero that would have to become something
        // is a weaker explanation than a printed amount.
        if a.current.isZero != b.candidate.current.isZero { return !a.current.isZero }
        // A slip of the keyboard changes a digit or two (220.24 for 202.24).
        let (da, db) = (digitsChanged(a), digitsChanged(b.candidate))
        if da != db { return da < db }
        let (ca, cb) = ((a.value - a.current).magnitude, (b.candidate.value - b.candidate.current).magnitude)
        if ca != cb { return ca < cb }
        return (a.location, a.path) < (b.candidate.location, b.candidate.path)
    }

    /// How many digits differ between the printed figure and the candidate value, aligned at the
    /// decimal point (a transposition counts two).
    static func digitsChanged(_ c: Candidate) -> Int {
        func digits(_ d: DecimalNumber) -> [Character] {
            let text = d.magnitude.formatted(decimals: 2).filter(\.isNumber)
            return Array(String(repeating: "0", count: max(0, 16 - text.count)) + text)
        }
        let (a, b) = (digits(c.current), digits(c.value))
        return zip(a, b).filter { $0 != $1 }.count + (c.current.isNegative != c.value.isNegative ? 1 : 0)
    }

    /// The data figures the failing findings name, each at the value that mends its finding, in a fixed
    /// order: figures named by more findings first (they are likelier to explain several), then by place.
    static func candidates(_ failing: [Diagnostic]) -> [Candidate] {
        var found: [Candidate: Int] = [:]
        for d in failing {
            if let sum = d.sum {
                let difference = sum.difference
                if isData(sum.total) {
                    found[Candidate(location: sum.total.location, path: sum.total.path, current: sum.total.value,
                                    value: sum.total.value - difference), default: 0] += 1
                }
                for part in sum.parts where isData(part) {
                    found[Candidate(location: part.location, path: part.path, current: part.value, value: part.value + difference), default: 0] += 1
                }
            }
            if isData(d.location, d.path), let expected = d.expected.flatMap(DecimalNumber.init), let actual = d.actual.flatMap(DecimalNumber.init),
               expected != actual {
                found[Candidate(location: d.location, path: d.path, current: actual, value: expected), default: 0] += 1
            }
        }
        // A correction does not turn a printed amount negative (balances that are negative already may move).
        return found.filter { $0.key.value != $0.key.current && !($0.key.value.isNegative && !$0.key.current.isNegative) }.sorted { a, b in
            if a.value != b.value { return a.value > b.value }
            return (a.key.location, a.key.path, a.key.value) < (b.key.location, b.key.path, b.key.value)
        }.map(\.key)
    }

    static func diagnostic(_ cause: Candidate, mended: [Diagnostic], alternatives: [Candidate], rule: RuleID) -> Diagnostic {
        let others = alternatives.prefix(3).map { "第 \($0.location.line) 行 \($0.path)（改为 \(Finding.money($0.value))）" }
        let othersEn = alternatives.prefix(3).map { "line \($0.location.line) \($0.path) (as \(Finding.money($0.value)))" }
        let alsoZh = others.isEmpty ? "" : "求和本身也可由\(others.joined(separator: "、"))\(alternatives.count > 3 ? "等" : "")改正而成立；按改动的数字位数和幅度选了这一个，请一并核对。"
        let alsoEn = othersEn.isEmpty ? "" : " The sums alone would also hold with \(othersEn.joined(separator: ", "))\(alternatives.count > 3 ? " and others" : ""); this one was chosen by the digits and size of the change: check them too."
        let notes = mended.map { "\($0.rule)（\($0.location.source.name) 第 \($0.location.line) 行）" }
        let notesEn = mended.map { "\($0.rule) (\($0.location.source.name) line \($0.location.line))" }
        let line = cause.location.line
        return Diagnostic(.error, rule, at: cause.location, path: cause.path, Message(
            zh: "第 \(line) 行 \(cause.path) 为 \(Finding.money(cause.current))，最可能是这个数错了：应为 \(Finding.money(cause.value))。只改这一个数，以下 \(mended.count) 处不一致同时消失，也不产生新的不一致：\(notes.joined(separator: "、"))。\(alsoZh)",
            en: "line \(line) \(cause.path) is \(Finding.money(cause.current)) and is most likely the wrong figure: it should be \(Finding.money(cause.value)). Correcting this one figure resolves \(mended.count) findings and raises no new one: \(notesEn.joined(separator: ", ")).\(alsoEn)"),
            expected: Finding.money(cause.value), actual: Finding.money(cause.current),
            related: unique(mended.flatMap { [$0.location] + $0.related }.filter { $0 != cause.location }))
    }

    static func unique(_ locations: [SourceLocation]) -> [SourceLocation] {
        var seen: Set<SourceLocation> = []
        return locations.filter { seen.insert($0).inserted }
    }
}

extension BlameSearch.Identity {
    struct Place: Hashable {
        let location: SourceLocation
        let path: String
    }

    static func place(_ figure: Figure) -> Place { Place(location: figure.location, path: figure.path) }
}
