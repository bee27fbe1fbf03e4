/// The documents a report was built from. `rebuilt(changing:)` gives the same report with some figures
/// set to other values, as if the YAML had said so: what the likely-cause search re-checks.
public struct ReportSources: Sendable {
    let report: Node
    let accounts: Node
    let performance: Node?
    let glossary: Node?

    /// The report as built from these documents with the scalars at the given places replaced.
    func rebuilt(_ original: Report, changing changes: [SourceLocation: String]) -> Report {
        var rebuilt = ModelBuilder.report(unitID: original.unitID, folder: original.folder,
                                          report: report.replacingScalars(changes), accounts: accounts.replacingScalars(changes),
                                          performance: performance?.replacingScalars(changes), glossary: glossary?.replacingScalars(changes),
                                          narrative: original.narrative)
        // The profile unit.yaml or site.yaml chose is not in these documents: keep it.
        rebuilt.chosenProfile = original.chosenProfile
        return rebuilt
    }
}

extension Node {
    /// The same tree with the plain scalars at `changes`' locations replaced by the given text.
    func replacingScalars(_ changes: [SourceLocation: String]) -> Node {
        guard !changes.isEmpty, changes.keys.contains(where: { $0.file == location.file }) else { return self }
        switch kind {
        case .scalar(let s):
            guard let text = changes[location] else { return self }
            return Node(.scalar(Scalar(text, style: s.style)), at: location)
        case .mapping(let entries):
            return Node(.mapping(entries.map { Entry(key: $0.key, keyLocation: $0.keyLocation, value: $0.value.replacingScalars(changes)) }), at: location)
        case .sequence(let items):
            return Node(.sequence(items.map { $0.replacingScalars(changes) }), at: location)
        }
    }
}
