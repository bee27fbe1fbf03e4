import DiscloseCore

/// Which reconciliation findings a structural error makes unreliable.
///
/// The rules run on every report that could be read, even one with structural errors: a single
/// unknown code must not hide every other inconsistency of the report. What a structural error does
/// spoil is the figures it is about — a malformed or missing number is read as zero, so a rule that
/// involves that figure would only repeat the error in other words. Such findings are dropped; every
/// other finding of the report stands.
struct StructuralTaint {
    /// Errors about a figure's classification or wording, not its value: the figure still counts.
    static let harmless: Set<RuleID> = [
        .unknownCode, .misnamedCode, .codeLevel, .narrativePlaceholder, .unknownFile, .precision,
        .unknownTableSet, .yearMismatch, .notAllowed,
    ]

    private var wholeFiles: Set<String> = []
    private var lines: Set<String> = []
    private var paths: [String: [String]] = [:]

    init(_ structural: [Diagnostic]) {
        for d in structural where d.severity == .error && !Self.harmless.contains(d.rule) {
            let file = d.location.file
            if d.location.line == 0 || d.path.isEmpty {
                wholeFiles.insert(file)
            } else {
                lines.insert("\(file):\(d.location.line)")
                paths[file, default: []].append(Self.scope(of: d.path))
            }
        }
    }

    var isEmpty: Bool { wholeFiles.isEmpty && lines.isEmpty }

    /// Whether a finding involves a figure that a structural error already reported as unreadable.
    func spoils(_ finding: Diagnostic) -> Bool {
        let places = [finding.location] + finding.related
        for place in places {
            if wholeFiles.contains(place.file) || lines.contains("\(place.file):\(place.line)") { return true }
        }
        guard !finding.path.isEmpty, let bad = paths[finding.location.file] else { return false }
        return bad.contains { Self.overlaps($0, finding.path) }
    }

    /// The figures an unreadable value may hide in: its siblings (a sum over `expenditure.basic`,
    /// `expenditure.project`… is stated at `expenditure.total`), or the whole list for a list row.
    static func scope(of path: String) -> String {
        if let bracket = path.firstIndex(of: "[") { return String(path[..<bracket]) }
        guard let dot = path.lastIndex(of: ".") else { return path }
        return String(path[..<dot])
    }

    /// `income` covers `income.total`; `functional[3].amount` covers `functional[3]`'s sums.
    static func overlaps(_ a: String, _ b: String) -> Bool {
        func within(_ inner: String, _ outer: String) -> Bool {
            inner == outer || inner.hasPrefix(outer + ".") || inner.hasPrefix(outer + "[")
        }
        return within(a, b) || within(b, a)
    }
}
