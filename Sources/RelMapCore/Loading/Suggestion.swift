/// "Did you mean ...?" for a misspelt word or id.
enum Suggestion {
    /// The candidate closest to `word` by edit distance, if it is close enough to be a
    /// plausible typo: about a third of the word's length, never more than 3 edits.
    /// Ties go to the candidate listed first, so the answer is deterministic.
    static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(1, min(3, (word.count + 2) / 3))
        var best: (String, Int)?
        for candidate in candidates where candidate != word {
            let d = editDistance(word.lowercased(), candidate.lowercased(), limit: limit)
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// "; did you mean 'x'?" or the empty string.
    static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        nearest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Edit distance counting an insertion, deletion, substitution or swap of two
    /// neighbouring characters as one edit (optimal string alignment), so 'qain' is one
    /// edit from 'qian'. Stops early once every path exceeds `limit`.
    /// O(|a|·|b|) time, O(|b|) memory.
    static func editDistance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var d = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d = Swift.min(d, beforePrevious[j - 2] + 1)
                }
                current[j] = d
                rowMin = Swift.min(rowMin, d)
            }
            if rowMin > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
