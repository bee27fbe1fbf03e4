/// "Did you mean" suggestions for misspelt keys and values.
public enum Suggestions {
    /// Edit distance counted in Characters, so one wrong Chinese character counts as one edit.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// The closest candidate within a tolerance that grows with the word's length.
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let tolerance = Swift.max(2, word.count / 3)
        let ranked = candidates
            .map { ($0, distance(word.lowercased(), $0.lowercased())) }
            .filter { $0.1 <= tolerance }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return ranked.first?.0
    }

    /// For an unknown key: a field with a close name, or the field whose Chinese label was typed.
    public static func field(for key: String, in schema: ObjectSchema) -> Field? {
        if let byLabel = schema.fields.first(where: { $0.label == key || $0.label.hasPrefix(key) && key.count >= 2 }) {
            return byLabel
        }
        if let name = closest(to: key, in: schema.fields.map(\.name)) {
            return schema.field(named: name)
        }
        if let label = closest(to: key, in: schema.fields.map(\.label)) {
            return schema.fields.first { $0.label == label }
        }
        return nil
    }
}
