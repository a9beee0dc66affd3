/// One thing an edit did, for the "what changed" lines: `changed contact wang -> zhao:
/// last 2026-10-30 -> 2026-12-05`.
public struct EditChange: Sendable, Hashable, CustomStringConvertible {
    /// Whether an item or value appeared, changed or went.
    public enum Action: String, Sendable, Hashable {
        case added, changed, removed
    }

    /// Whether it was added, changed or removed.
    public var action: Action
    /// What it happened to: `person zhao`, `contact wang -> zhao`, `account.as_of`.
    public var subject: String
    /// The values, or why: `stance neutral -> supporter`, `(qian was removed)`.
    public var detail: String

    /// A change as the engine reports it; tests and callers compare whole values.
    public init(_ action: Action, _ subject: String, _ detail: String = "") {
        self.action = action
        self.subject = subject
        self.detail = detail
    }

    /// `changed person zhao: stance neutral -> supporter`.
    public var description: String { "\(action.rawValue) \(subject)" + (detail.isEmpty ? "" : ": \(detail)") }
}

/// What applying edits gave: the new text, what changed, and the account it loads to.
public struct EditResult: Sendable {
    /// The whole new file.
    public var text: String
    /// In the order the edits made them; empty when nothing needed to change.
    public var changes: [EditChange]
    /// The account the new text loads to (validated).
    public var account: Account
    /// Warnings the loader gives for the new text (errors refuse the edit).
    public var warnings: [Diagnostic]
}
