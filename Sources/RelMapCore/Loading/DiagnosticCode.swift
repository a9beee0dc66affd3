/// The rule behind a finding, printed in brackets (`error: [duplicate-id] ...`). The words
/// of a message may be improved; a code stays, so a person can look the rule up in
/// docs/format.md (account files) or docs/import.md (CRM exports) and a script can
/// match on it. Warning kinds that `relmap check` counts (`WarningKind`) are codes too:
/// each kind is spelled by its code.
public enum DiagnosticCode: String, Sendable, Hashable, Codable, CaseIterable {
    // The file as text.
    case encoding = "encoding"
    case emptyFile = "empty-file"
    case syntax = "syntax"
    case mergeKey = "merge-key"
    case overLimit = "over-limit"
    // One value at a time.
    case unknownKey = "unknown-key"
    case missingKey = "missing-key"
    case repeatedKey = "repeated-key"
    case wrongType = "wrong-type"
    case unsupportedVersion = "unsupported-version"
    case notInList = "not-in-list"
    case listedTwice = "listed-twice"
    case outOfRange = "out-of-range"
    case badDate = "bad-date"
    case badId = "bad-id"
    case emptyList = "empty-list"
    // The whole account, or a folder of them.
    case duplicateId = "duplicate-id"
    case unknownReference = "unknown-reference"
    case wrongKindOfReference = "wrong-kind-of-reference"
    case reportingCycle = "reporting-cycle"
    case selfTie = "self-tie"
    case duplicateRelation = "duplicate-relation"
    case duplicateContact = "duplicate-contact"
    case duplicateAccount = "duplicate-account"
    // Warnings (`WarningKind`).
    case personNotReached = "person-not-reached"
    case noDepartment = "no-department"
    case contactAfterAsOf = "contact-after-as-of"
    case interactionAfterAsOf = "interaction-after-as-of"
    case oldMap = "old-map"
    // Imports from CRM exports.
    case csvSyntax = "csv-syntax"
    case cannotImport = "cannot-import"
    case badRow = "bad-row"
    case importAdjusted = "import-adjusted"
    case readBack = "read-back"
}
