import Foundation

/// Writes an `Account` as a readable, commented account file (format v1, docs/format.md)
/// that `AccountLoader` reads back to the same model.
///
/// The emitter is written by hand rather than through libyaml's emitter so that the
/// file looks like one a person wrote: people as blocks grouped by department, one
/// contact or tie per line in flow style, and comments that say what each section is.
/// Every text value goes through `YAMLScalar`, which writes it plain only when YAML
/// cannot read it as anything else, and double-quoted with escapes otherwise.
public struct AccountFileWriter: Sendable {
    /// Comment lines put before `relmap: 1` (each gets "# "); line breaks become spaces.
    public var headerComment: [String]
    /// Adds a comment beside every value the team still has to fill in (`stance:
    /// unknown`, a missing influence or department), and writes those keys even when empty.
    public var hints: Bool

    /// A writer; with `hints`, the file invites the team to fill in what it lacks.
    public init(headerComment: [String] = [], hints: Bool = false) {
        self.headerComment = headerComment
        self.hints = hints
    }

    /// The file's text, ending with a line break.
    public func yaml(_ account: Account) -> String {
        var out = YAMLLines()
        for line in headerComment { out.add(line.isEmpty ? "#" : "# " + YAMLScalar.comment(line)) }
        out.add("relmap: 1", "format version")
        out.add("account:")
        out.add("  id: \(YAMLScalar.text(account.id))", "unique in a folder; letters, digits, - and _")
        out.add("  name: \(YAMLScalar.text(account.name))")
        out.add(
            account.tier.map { "  tier: \($0.rawValue)" } ?? (hints ? "  tier: null" : nil),
            hints ? "strategic | key | growth | maintain" : nil)
        if let value = account.value { out.add("  value: \(YAMLScalar.number(value))", "yearly sales or potential") }
        if let currency = account.currency { out.add("  currency: \(YAMLScalar.text(currency))") }
        out.add(
            account.stage.map { "  stage: \($0.rawValue)" } ?? (hints ? "  stage: null" : nil),
            hints ? "establishing | stabilizing | strengthening" : nil)
        out.add("  as_of: \(account.asOf.iso)", "the day the map describes")
        if let notes = account.notes { out.add("  notes: \(YAMLScalar.text(notes))") }

        out.section("team", account.team.isEmpty, "our side", example: "- {id: wang, name: 王磊, role: account manager}")
        for m in account.team {
            out.add(
                "  - "
                    + YAMLScalar.flow([
                        ("id", YAMLScalar.text(m.id)), ("name", YAMLScalar.text(m.name)),
                        ("role", m.role.map(YAMLScalar.text)),
                    ]))
        }
        out.section("people", account.people.isEmpty, "their side")
        var department: String??
        for (i, p) in account.people.enumerated() {
            if let d = p.department, department != .some(d) { out.add("  # " + YAMLScalar.comment(d)) }
            department = .some(p.department)
            // The list of roles is shown once; the fill-in hints on every value still open.
            person(p, listRoles: i == 0, into: &out)
        }
        out.section(
            "relations", account.relations.isEmpty, "informal ties: influences (from -> to) | ally | rival",
            example: "- {from: xu, to: zhao, type: influences, strength: 0.8}")
        for r in account.relations {
            out.add(
                "  - "
                    + YAMLScalar.flow([
                        ("from", YAMLScalar.text(r.from)), ("to", YAMLScalar.text(r.to)), ("type", r.type.rawValue),
                        ("strength", r.strength == 1 ? nil : YAMLScalar.number(r.strength)),
                    ]))
        }
        out.section(
            "contacts", account.contacts.isEmpty, "who on our team reaches whom: weak | medium | strong",
            example: "- {member: wang, person: zhao, strength: medium, last: 2026-10-30}")
        for c in account.contacts {
            out.add(
                "  - "
                    + YAMLScalar.flow([
                        ("member", YAMLScalar.text(c.member)), ("person", YAMLScalar.text(c.person)),
                        ("strength", Self.strength(c.strength)), ("last", c.last?.iso),
                    ]))
        }
        if !account.interactions.isEmpty || hints {
            out.section(
                "interactions", account.interactions.isEmpty, "dated log; keeps contacts' last date current",
                example: "- {date: 2026-10-30, member: wang, people: [zhao], kind: visit, note: 技术交流}")
        }
        for i in account.interactions {
            out.add(
                "  - "
                    + YAMLScalar.flow([
                        ("date", i.date.iso), ("member", YAMLScalar.text(i.member)),
                        ("people", "[" + i.people.map(YAMLScalar.text).joined(separator: ", ") + "]"),
                        ("kind", i.kind.map(YAMLScalar.text)), ("note", i.note.map(YAMLScalar.text)),
                    ]))
        }
        return out.text
    }

    private func person(_ p: Person, listRoles: Bool, into out: inout YAMLLines) {
        out.add("  - id: \(YAMLScalar.text(p.id))")
        out.add("    name: \(YAMLScalar.text(p.name))")
        if let title = p.title { out.add("    title: \(YAMLScalar.text(title))") }
        out.add(
            p.department.map { "    department: \(YAMLScalar.text($0))" } ?? (hints ? "    department: null" : nil),
            hints && p.department == nil ? "fill in" : nil)
        if let level = p.level { out.add("    level: \(level)", hints ? "1 = top of the account" : nil) }
        if !p.roles.isEmpty || hints {
            out.add(
                "    roles: [\(p.roles.map(\.rawValue).joined(separator: ", "))]",
                hints && listRoles
                    ? "decision-maker, economic-buyer, technical-buyer, user-buyer, influencer, coach, gatekeeper" : nil
            )
        }
        out.add(
            "    stance: \(p.stance.rawValue)",
            hints && p.stance == .unknown ? "champion | supporter | neutral | skeptic | blocker | unknown" : nil)
        out.add(
            p.influence.map { "    influence: \($0)" } ?? (hints ? "    influence: null" : nil),
            hints && p.influence == nil ? "1..5, the team's judgment" : nil)
        if let boss = p.reportsTo { out.add("    reports_to: \(YAMLScalar.text(boss))") }
        if let notes = p.notes { out.add("    notes: \(YAMLScalar.text(notes))") }
    }

    /// Words for the three named strengths, the number otherwise.
    static func strength(_ s: ContactStrength) -> String {
        switch s {
        case .weak: "weak"
        case .medium: "medium"
        case .strong: "strong"
        case .value(let x): YAMLScalar.number(x)
        }
    }
}

/// Lines of YAML with their end-of-line comments aligned.
struct YAMLLines {
    private(set) var lines: [(String, String?)] = []
    /// Comments start at this display column, or two spaces after a longer line.
    static let commentColumn = 30

    mutating func add(_ line: String?, _ comment: String? = nil) {
        guard let line else { return }
        lines.append((line, comment.map(YAMLScalar.comment)))
    }

    /// `name:` with a comment, or `name: []` with an example when empty.
    mutating func section(_ name: String, _ empty: Bool, _ comment: String, example: String? = nil) {
        add(empty ? "\(name): []" : "\(name):", comment)
        if empty, let example { add("  # e.g. \(example)") }
    }

    var text: String {
        lines.map { line, comment in
            guard let comment else { return line }
            let pad = max(2, Self.commentColumn - DisplayWidth.of(line))
            return line + String(repeating: " ", count: pad) + "# " + comment
        }.joined(separator: "\n") + "\n"
    }
}

/// YAML scalars as the account file writes them.
enum YAMLScalar {
    /// Plain when that is unambiguous (`王磊`, `account manager`, `zhao-jg`), else
    /// double-quoted. Plain is allowed only for text that starts with a letter (of any
    /// script), holds only letters, digits, marks, single spaces, `-_./()+';@` and
    /// non-ASCII punctuation, does not end in a space, and is not a word YAML reads as
    /// null, a boolean or a number. That excludes every indicator (`: # , [ ] { } & * !
    /// | > ' " % @` at the start, `: ` and ` #` inside), so the same rule is safe inside
    /// flow mappings.
    static func text(_ s: String) -> String { isSafePlain(s) ? s : doubleQuoted(s) }

    static let reservedWords: Set<String> = ["null", "true", "false", "yes", "no", "on", "off", "y", "n"]

    static func isSafePlain(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last,
            first.properties.isAlphabetic, last != " "
        else { return false }
        guard !reservedWords.contains(s.lowercased()), Double(s) == nil else { return false }
        var previous: Unicode.Scalar = "x"
        for c in s.unicodeScalars {
            defer { previous = c }
            if c.isASCII {
                let ok =
                    ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c)
                    || "-_./()+';@".unicodeScalars.contains(c) || (c == " " && previous != " ")
                if !ok { return false }
                continue
            }
            switch c.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                .initialPunctuation, .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol,
                .modifierSymbol, .otherSymbol:
                continue
            default:
                return false  // separators, controls, format characters, private use, unassigned
            }
        }
        return true
    }

    /// `"..."` with YAML's escapes for the backslash, the quote, line breaks and every
    /// character YAML does not allow raw (controls, NEL, LS, PS, BOM, non-characters).
    static func doubleQuoted(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                let v = c.value
                if v < 0x20 || (0x7F...0x9F).contains(v) {
                    out += "\\x" + hex(v, 2)
                } else if v == 0xFEFF || v == 0xFFFE || v == 0xFFFF {
                    out += "\\u" + hex(v, 4)
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ v: UInt32, _ width: Int) -> String {
        let digits = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// A number as the loader reads it: whole numbers without a decimal point, others
    /// in Swift's shortest round-trip form (`0.8`, `1e-05`).
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }

    /// `{key: value, ...}` skipping nil values; values are already YAML.
    static func flow(_ pairs: [(String, String?)]) -> String {
        "{" + pairs.compactMap { k, v in v.map { "\(k): \($0)" } }.joined(separator: ", ") + "}"
    }

    /// Text safe inside a `#` comment: anything YAML reads as a line break, every other
    /// control or format character, and non-characters (U+FFFE, which YAML refuses even
    /// in a comment) become a space, so user text can never end the comment and start a
    /// line of YAML, nor make the file unreadable.
    static func comment(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for c in s.unicodeScalars {
            switch c.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .surrogate: out.append(" ")
            default: out.append(c)
            }
        }
        return String(out)
    }
}

/// Why an account file was not saved.
public enum AccountFileSaveError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path is taken and replacing was not asked for.
    case exists(String)
    case output(OutputError)

    /// One sentence for the user: what is in the way and what to do.
    public var description: String {
        switch self {
        case .exists(let p): "\(p): already exists"
        case .output(.notOurs(let p)): "\(p): exists and was not written by relmap; relmap replaces only files it wrote"
        case .output(let e): e.description
        }
    }
}

extension AccountFileWriter {
    /// The words every file relmap writes carries (see `OutputFile.mark`).
    public static let mark = OutputFile.mark

    /// Saves `text` at `path` atomically through `OutputFile` (temporary file in the
    /// same folder, fsync, rename). Without `force` any existing file is refused; with
    /// it, only a file relmap wrote is replaced, never an input.
    public static func save(
        _ text: String, to path: String, force: Bool,
        protecting inputs: Set<FileIdentity> = []
    ) throws(AccountFileSaveError) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var st = stat()
        if !force, lstat(path, &st) == 0 { throw .exists(path) }
        do {
            try OutputFile.prepareFolder(folder.isEmpty ? "." : folder)
            try OutputFile.write(Data(text.utf8), named: name, in: folder.isEmpty ? "." : folder, protecting: inputs)
        } catch {
            throw .output(error)
        }
    }
}
