import ArgumentParser
import RelMapCore

/// The command line's side of a plan or what-if request: which flag each part of it is
/// given with, and the grammar of whatif's changes. The core reads the words (a stance,
/// a strength) and checks the ids; this file turns its errors into flags.
extension RequestPart {
    /// The flag that gives this part of a request.
    var flag: String {
        switch self {
        case .member: "--member"
        case .excluded: "--exclude"
        case .capacity: "--capacity"
        case .leave: "--leave"
        case .stance: "--stance"
        case .contact: "--contact"
        }
    }
}

extension CommandFailure {
    /// An id the accounts do not have where the flag needs it, found after loading:
    /// `--exclude zhoa: no person or team member with id 'zhoa'; did you mean 'zhao'?`, exit 64.
    init(_ error: PlanningError) {
        let place = error.misplacedId.map { "\($0.part.flag) \($0.id): " } ?? ""
        self.init(.validationFailure, place + error.description)
    }
}

/// whatif's changes, each read once by ArgumentParser (`transform:`); a value that does
/// not parse is a usage error naming the flag.
enum WhatIfArgument {
    /// `--leave ID`: a person leaves the account, or a member our team.
    static func leave(_ id: String) -> WhatIfChange { .leave(id) }

    /// `--stance ID=STANCE`.
    static func stance(_ argument: String) throws -> WhatIfChange {
        let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("expected ID=STANCE, e.g. zhao=supporter")
        }
        return .stance(person: parts[0], stance: try WhatIfChange.stance(word: parts[1]))
    }

    /// `--contact MEMBER:ID[:STRENGTH]`, dated as_of; medium when the strength is left out.
    static func contact(_ argument: String) throws -> WhatIfChange {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("expected MEMBER:ID or MEMBER:ID:STRENGTH, e.g. wang:zheng:medium")
        }
        let strength = parts.count == 3 ? try WhatIfChange.strength(word: parts[2]) : .medium
        return .contact(member: parts[0], person: parts[1], strength: strength)
    }
}
