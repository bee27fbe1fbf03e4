/// Which amounts of a report's texts the checker compared, and which it could not tie to any item.
/// An amount the scanner cannot link is listed here ("not checked"), never dropped silently.
public struct NarrativeAmount: Sendable, Hashable {
    public enum Status: String, Sendable {
        /// No item in the sentence or paragraph the amount could belong to.
        case unlinked
        /// "约575万元", "10万元以上": an approximation or a bound, not compared.
        case approximate
        /// An item only the texts name ("132937名党员共捐款1246.65万元"): compared with the other places that state it (TEXT-RESTATED).
        case textOnly = "text_only"
        /// No item holds it, but it is a stated total or one of its listed parts: compared only with those (TEXT-PARTS).
        case summed
    }

    public let status: Status
    public let location: SourceLocation
    /// The amount as written, with its unit ("12.42万元"); `unitWritten` is false where the unit was inferred.
    public let value: DecimalNumber
    public let unit: MoneyUnit
    public let unitWritten: Bool
    /// The sentence, normalised (spaces removed), for the listing.
    public let sentence: String
}

enum NarrativeCoverage {
    /// Every Markdown document of a report, in a fixed order: Part 2 paragraphs, then Part 1 and Part 4 texts.
    static func documents(_ narrative: Narrative) -> [Narrative.Document] {
        ParagraphSlot.allCases.compactMap { narrative.paragraphs[$0] }
            + [narrative.duties, narrative.organization, narrative.achievements, narrative.performanceReport].compactMap { $0 }
            + narrative.projectReports
    }

    static func amounts(_ c: RuleContext) -> [NarrativeAmount] {
        var out: [NarrativeAmount] = []
        for (text, result) in TextRules.scans(c) {
            func at(_ a: NarrativeScanner.StatedAmount) -> SourceLocation {
                text.lineOffset > 0 ? SourceLocation(file: text.file, line: text.lineOffset, column: 1)
                    : SourceLocation(file: text.file, line: a.line, column: a.column)
            }
            for a in result.unlinked {
                out.append(NarrativeAmount(status: .unlinked, location: at(a), value: a.value, unit: a.unit, unitWritten: a.unitWritten, sentence: a.sentence))
            }
            for a in result.textOnly {
                out.append(NarrativeAmount(status: .textOnly, location: at(a), value: a.value, unit: a.unit, unitWritten: a.unitWritten, sentence: a.sentence))
            }
            for a in result.summed {
                out.append(NarrativeAmount(status: .summed, location: at(a), value: a.value, unit: a.unit, unitWritten: a.unitWritten, sentence: a.sentence))
            }
            for a in result.approximate {
                out.append(NarrativeAmount(status: .approximate, location: at(a), value: a.value, unit: a.unit, unitWritten: a.unitWritten, sentence: a.sentence))
            }
        }
        return out
    }
}

extension ReconciliationRules {
    /// The amounts of every report's texts that no rule compared (unlinked or approximate), by report.
    public static func uncheckedNarrativeAmounts(_ tree: ContentTree, codes: CodeLists = .bundled) -> [NarrativeAmount] {
        let units = Dictionary(tree.units.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let byKey = Dictionary(tree.reports.map { ("\($0.unitID)/\($0.year)", $0) }, uniquingKeysWith: { a, _ in a })
        return tree.reports.flatMap { report -> [NarrativeAmount] in
            let unit = units[report.unitID]
            let context = RuleContext(report: report, previousReport: byKey["\(report.unitID)/\(report.year - 1)"],
                                      functionalCodes: codes.list(.functional, year: report.year),
                                      unitNames: unit.map { [$0.name, $0.shortName] + $0.otherNames } ?? [])
            return NarrativeCoverage.amounts(context)
        }.sorted { ($0.location.file, $0.location.line, $0.location.column) < ($1.location.file, $1.location.line, $1.location.column) }
    }
}
