/// SplitMix64: a small deterministic generator, so generated content is the same for the same seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A random amount with two decimals in [low, high] (given in whole units).
    public mutating func amount(_ low: Int, _ high: Int) -> DecimalNumber {
        DecimalNumber(mantissa: Int64.random(in: Int64(low) * 100...Int64(high) * 100, using: &self), scale: 2)
    }

    public mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }

    public mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    /// Splits `total` into `count` non-negative two-decimal parts that add up exactly.
    public mutating func split(_ total: DecimalNumber, into count: Int) -> [DecimalNumber] {
        let cents = total.rescaled(to: 2).mantissa
        guard count > 1, cents > 0 else { return [total.rescaled(to: 2)] + Array(repeating: DecimalNumber(mantissa: 0, scale: 2), count: max(0, count - 1)) }
        var cuts = (0..<(count - 1)).map { _ in Int64.random(in: 0...cents, using: &self) }.sorted()
        cuts.insert(0, at: 0)
        cuts.append(cents)
        return zip(cuts.dropFirst(), cuts).map { DecimalNumber(mantissa: $0 - $1, scale: 2) }
    }
}
