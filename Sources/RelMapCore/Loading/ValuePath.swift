/// A value's place in an account file as messages name it: `account.as_of`,
/// `people[3].reports_to`, `people[3].roles[1]`.
///
/// Kept in parts and written out only when a message needs it: almost every value is
/// read without a finding, and formatting a path for each cost more than reading the
/// value. The parts are names from the format (string literals, which cost nothing to
/// copy) and item numbers. Paths deeper than `list[i].key[j]` (inside notes or `x-`
/// values, only ever needed for a message) are formatted as they are made.
struct ValuePath: CustomStringConvertible, Sendable {
    private var base: String
    private var index = -1
    private var key: String?
    private var keyIndex = -1
    private var isTopLevel = false

    /// The document's top-level mapping; its keys are named alone (`relmap`, `people`).
    static let topLevel: ValuePath = {
        var path = ValuePath("(top level)")
        path.isTopLevel = true
        return path
    }()

    init(_ base: String) { self.base = base }

    var description: String {
        guard index >= 0 || key != nil else { return base }
        var text = base
        if index >= 0 { text += "[\(index)]" }
        if let key { text += "." + key }
        if keyIndex >= 0 { text += "[\(keyIndex)]" }
        return text
    }

    /// The path of an item of the list at this path: `people` -> `people[3]`.
    func item(_ i: Int) -> ValuePath {
        var path = self
        path.isTopLevel = false
        if key == nil, index < 0 {
            path.index = i
        } else if key != nil, keyIndex < 0 {
            path.keyIndex = i
        } else {
            path = ValuePath(description)
            path.index = i
        }
        return path
    }

    /// The path of the value under `name` in the mapping at this path.
    func key(_ name: String) -> ValuePath {
        if isTopLevel { return ValuePath(name) }
        var path = key == nil ? self : ValuePath(description)
        path.key = name
        return path
    }
}
