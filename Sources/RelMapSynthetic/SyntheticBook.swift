import Foundation

/// A book of accounts of varied shape, for benchmarks that must hold for any realistic
/// book and not one shape (docs/performance.md, "A varied book"): 5 to 500 people (most
/// accounts small, one in seven large), sparse to dense informal ties (0.2 to 8 a
/// person), 1 to 12 departments with none to 60% of people reporting across them, 1 to
/// 8 team members and 5% to 60% of people met. Deterministic: the same seed and index
/// give the same account.
public struct SyntheticBook: Sendable {
    /// Picks the book; each account's own seed is drawn from it and its index.
    public var seed: UInt64

    /// Seed 1, the default, is the book the benchmarks generate (PipelineBench), so their
    /// figures compare from one run to the next.
    public init(seed: UInt64 = 1) { self.seed = seed }

    /// The shape of account `k` (call `make()` on it for the account).
    public func account(_ k: Int) -> SyntheticAccount {
        var rng = SplitMix64(seed: (seed &* 0x9E37_79B9) ^ (UInt64(k) &* 0xD1B5_4A32_D192_ED03))
        // Log-uniform within each band, so small accounts are as common as in a real book.
        let large = Int.random(in: 0..<100, using: &rng) < 15
        let (low, high) = large ? (120.0, 500.0) : (5.0, 120.0)
        let people = Int(exp(Double.random(in: log(low)...log(high), using: &rng)).rounded())
        let tiesPerPerson = [0.2, 0.5, 1, 2, 4, 8][Int.random(in: 0..<6, using: &rng)]
        var account = SyntheticAccount(
            seed: seed &* 1_000_003 &+ UInt64(k), people: people,
            ties: Int((Double(people) * tiesPerPerson).rounded()),
            team: Int.random(in: 1...8, using: &rng),
            contactShare: Double(Int.random(in: 1...12, using: &rng)) / 20,
            names: Int.random(in: 0..<2, using: &rng) == 0 ? .ascii : .chinese)
        account.departments = Int.random(in: 1...12, using: &rng)
        account.crossDepartment = [0, 0.1, 0.3, 0.6][Int.random(in: 0..<4, using: &rng)]
        return account
    }
}
