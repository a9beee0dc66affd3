/// `"\(count: 3, "file")"` is "3 files", `"\(count: 1, "person", "people")"` is "1 person":
/// the one way relmap writes a count with its noun, in the CLI's messages and the core's
/// sentences alike.
extension String.StringInterpolation {
    /// `n` and `one` when `n` is 1, else `n` and `many` (by default `one` + "s").
    public mutating func appendInterpolation(count n: Int, _ one: String, _ many: String? = nil) {
        appendLiteral("\(n) " + (n == 1 ? one : many ?? one + "s"))
    }
}
