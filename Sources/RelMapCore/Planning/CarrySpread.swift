/// What one contact passes on through the account's carriers: the layered dynamic
/// programme of `Reach.routes` from a single source (docs/plan.md, "The model").
///
/// The planner asks this for every person in every round, so the search works on two
/// dense buffers kept between calls and a list of the people it touched, instead of
/// dictionaries: a call costs O(hopLimit · ties near the source), not O(people), and
/// allocates only its result. The products are taken in the same order as
/// `Reach.routes`, so the values agree with it to the last bit.
struct CarrySpread: Sendable {
    private let carryStart: [Int]
    private let carryTarget: [Int]
    private let carryStrength: [Double]
    private let carrier: [Bool]
    private let factor: Double
    private let hopLimit: Int
    /// The best value so far for each person (0: none) and the layer being built.
    private var current: [Double]
    private var next: [Double]
    private var touched: [Int] = []
    private var isTouched: [Bool]

    init(_ analysis: AccountAnalysis, carrier: [Bool]) {
        let g = analysis.graph
        carryStart = g.carryStart
        carryTarget = g.carryTarget
        carryStrength = g.carryStrength
        self.carrier = carrier
        factor = analysis.parameters.carryFactor
        hopLimit = max(0, analysis.parameters.hopLimit)
        current = [Double](repeating: 0, count: g.count)
        next = current
        isTouched = [Bool](repeating: false, count: g.count)
    }

    /// Each person the contact reaches with what it gives them, in increasing person
    /// order; the source itself comes with `strength`.
    mutating func from(_ p: Int, strength: Double) -> [(person: Int, value: Double)] {
        guard current.indices.contains(p) else { return [] }
        touched.removeAll(keepingCapacity: true)
        touched.append(p)
        isTouched[p] = true
        current[p] = strength
        next[p] = strength
        for _ in 0..<hopLimit {
            var changed = false
            // Every person reached so far passes on what they had at the start of this
            // layer (`current`); improvements land in `next`, as in `Reach.routes`.
            let layer = touched.count
            for k in 0..<layer {
                let u = touched[k]
                guard carrier[u] else { continue }
                let value = current[u]
                for e in carryStart[u]..<carryStart[u + 1] {
                    let q = carryTarget[e]
                    let v = value * (factor * carryStrength[e])
                    if v > next[q] {
                        next[q] = v
                        changed = true
                        if !isTouched[q] {
                            isTouched[q] = true
                            touched.append(q)
                        }
                    }
                }
            }
            for u in touched { current[u] = next[u] }
            if !changed { break }
        }
        touched.sort()
        let result = touched.map { (person: $0, value: current[$0]) }
        for u in touched {
            current[u] = 0
            next[u] = 0
            isTouched[u] = false
        }
        return result
    }
}
