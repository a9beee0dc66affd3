/// An account as decoded, with where each item and the values later checks point at
/// were written, so that `AccountValidator` can name `people[3].reports_to` and give its
/// line and column.
struct DecodedAccount {
    /// False when the version or the account header is unusable: then `account` holds
    /// stand-ins and only serves the cross-reference checks.
    var versionOK: Bool
    var account: Account
    /// The mark of `account.as_of`'s value, when one is written.
    var asOfMark: YAMLMark?
    /// One per item of `account.team`, `account.people`... in the same order.
    var members: [MemberSource]
    var people: [PersonSource]
    var relations: [RelationSource]
    var contacts: [ContactSource]
    var interactions: [InteractionSource]
}

// Each source holds the item's path (`people[3]`, numbered as in the file, so items
// dropped for a broken field leave gaps) and the marks of the values that the checks
// of the whole account may report on. A mark is nil where the key is not written.

struct MemberSource {
    var path: ValuePath
    var id: YAMLMark?
}

struct PersonSource {
    var path: ValuePath
    var id: YAMLMark?
    var reportsTo: YAMLMark?
}

struct RelationSource {
    var path: ValuePath
    var from: YAMLMark?
    var to: YAMLMark?
}

struct ContactSource {
    var path: ValuePath
    var member: YAMLMark?
    var person: YAMLMark?
    var last: YAMLMark?
}

struct InteractionSource {
    var path: ValuePath
    var date: YAMLMark?
    var member: YAMLMark?
    /// The marks of the items of `people` as written, valid ones or not. The checks
    /// number the valid ids 0, 1, 2... and point at the item with that number, as they
    /// always have.
    var people: [YAMLMark]
}
