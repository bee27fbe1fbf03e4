import Foundation

/// Part 3 名词解释: the standard glossary bundled with the tool, filtered by what the report uses,
/// plus the report's own additions and overrides (glossary.yaml).
public struct Glossary: Sendable {
    public struct Entry: Sendable, Decodable, Equatable {
        public let term: String
        public let definition: String
        /// "always", or a figure key that must be non-zero for the entry to appear.
        public let when: String?
    }

    struct File: Decodable {
        let entries: [Entry]
    }

    public let entries: [Entry]

    public static let standard: Glossary = {
        guard let url = ResourceFiles.directory("glossary")?.appendingPathComponent("standard.json"),
              let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else {
            return Glossary(entries: [])
        }
        return Glossary(entries: file.entries)
    }()

    /// The entries a report prints, in order: standard ones that apply (overridden where the report
    /// redefines them), minus omitted ones, then the report's new terms.
    public func entries(for report: Report) -> [(term: String, definition: String)] {
        let a = report.accounts
        func nonZero(_ key: String) -> Bool {
            let parts = key.split(separator: ".").map(String.init)
            guard parts.count == 2 else { return true }
            switch parts[0] {
            case "income":
                if let s = IncomeStatement.Source(rawValue: parts[1]) { return !a.income.amount(s).value.isZero }
                if parts[1] == "non_appropriation_balance_used" { return !a.income.nonAppropriationBalanceUsed.value.isZero }
                if parts[1] == "carryover_beginning" { return !a.income.carryoverBeginning.value.isZero }
            case "expenditure":
                if let k = ExpenditureStatement.Kind(rawValue: parts[1]) { return !a.expenditure.amount(k).value.isZero }
                if parts[1] == "balance_distribution" { return !a.expenditure.balanceDistribution.value.isZero }
                if parts[1] == "carryover_ending" { return !a.expenditure.carryoverEnding.value.isZero }
            default: break
            }
            return true
        }
        let changes = report.glossary
        let overrides = Dictionary(changes.entries.map { ($0.term, $0.definition) }, uniquingKeysWith: { a, _ in a })
        var out: [(String, String)] = []
        var used: Set<String> = []
        for entry in entries where !changes.omit.contains(entry.term) {
            guard entry.when == nil || entry.when == "always" || nonZero(entry.when!) || overrides[entry.term] != nil else { continue }
            out.append((entry.term, overrides[entry.term] ?? entry.definition))
            used.insert(entry.term)
        }
        for entry in changes.entries where !used.contains(entry.term) && !changes.omit.contains(entry.term) {
            out.append((entry.term, entry.definition))
            used.insert(entry.term)
        }
        return out.map { (term: $0.0, definition: $0.1) }
    }
}
