/// The JSON Schema (draft 2020-12) of the account file, format v1: what an editor needs
/// to complete keys and words, show help on hover and flag mistakes while typing
/// (docs/format.md, "Editor help").
///
/// It is built from the loader's own key sets (`PersonKey`...) and the model's enums
/// (`Stance`, `BuyingRole`...), each key's entry picked by an exhaustive switch: a key or
/// a word added to the format cannot be missing here. It checks what one value alone
/// can show (unknown keys, words, types, ranges, dates); what needs the whole account
/// (ids that must exist, cycles, duplicates) is left to `relmap check`.
///
/// Only keywords that mean the same in draft-07 are used, and no `$ref`, because the
/// common YAML language server validates with draft-07 rules.
public enum AccountSchema {
    /// The file name the modeline points at, beside the account files.
    public static let fileName = "relmap.schema.json"

    /// The comment (without `# `) that points the YAML language server (VS Code's YAML
    /// extension, and others) at the schema.
    public static let modeline = "yaml-language-server: $schema=\(fileName)"

    /// The schema as JSON text ending in a newline: the same bytes on every run.
    public static var text: String { schema.text() + "\n" }

    static var schema: SchemaJSON {
        var top = record(TopKey.self, required: [.relmap, .account], entry: property)
        top.insert(
            contentsOf: [
                ("$schema", .string("https://json-schema.org/draft/2020-12/schema")),
                // The mark lets `relmap schema -o` replace a schema it wrote before (OutputFile).
                ("$comment", .string("\(OutputFile.mark) schema. Write it again with: relmap schema -o \(fileName)")),
                ("title", .string("relmap account file, format version 1")),
                (
                    "description",
                    .string(
                        "One key account: the people inside it, our team, and who reaches whom. "
                            + "Run relmap check for the mistakes a schema cannot see (ids that must exist, reporting "
                            + "cycles, duplicates). See docs/format.md.")
                ),
            ], at: 0)
        return .object(top)
    }

    // MARK: The keys of each mapping

    private static func property(_ key: TopKey) -> SchemaJSON {
        switch key {
        case .relmap:
            .object([
                ("description", .string("The format version; this relmap reads version 1.")),
                ("const", .number(1)),
            ])
        case .account:
            .object(
                record(
                    AccountKey.self, required: [.id, .name], entry: property,
                    description: "The account: its id, name, tier, value, stage and the day the map "
                        + "describes."))
        case .team:
            list(
                of: record(
                    MemberKey.self, required: [.id, .name], entry: property,
                    description: "One member of our team."),
                "Our side: account manager, solution engineer, executive sponsor, service staff.")
        case .people:
            list(
                of: record(
                    PersonKey.self, required: [.id, .name], entry: property,
                    description: "One person inside the account."),
                "Their side: the people inside the account. Ids are shared with team ids.")
        case .relations:
            list(
                of: record(
                    RelationKey.self, required: [.from, .to, .type], entry: property,
                    description: "One tie between two people."),
                "Informal ties between two people inside the account.")
        case .contacts:
            list(
                of: record(
                    ContactKey.self, required: [.member, .person], entry: property,
                    description: "One team member's contact with one person."),
                "Who on our team reaches whom inside the account, how well, and when last.")
        case .interactions:
            list(
                of: record(
                    InteractionKey.self, required: [.date, .member, .people], entry: property,
                    description: "One visit, call, email or meeting."),
                "A dated log of visits, calls and meetings (optional); it keeps contacts' last dates "
                    + "current.")
        case .notes:
            notes
        }
    }

    private static func property(_ key: AccountKey) -> SchemaJSON {
        switch key {
        case .id: id("The account's id: letters, digits, - and _; unique in a folder of accounts.")
        case .name: text("The account's name, e.g. 华北钢铁集团.")
        case .tier: word(Tier.self, "The account's commercial weight in our book.")
        case .value: number("Yearly sales or potential, in the currency; 0 or more.", minimum: 0)
        case .currency: text("The currency of value, e.g. CNY.", nullable: true)
        case .stage:
            word(
                Stage.self,
                "Where the relationship stands: establishing (建立), stabilizing (稳定), "
                    + "strengthening (加强).")
        case .asOf:
            day(
                "The day the map describes (YYYY-MM-DD); contacts fade up to this day. Default: "
                    + "today.", nullable: true)
        case .notes: notes
        }
    }

    private static func property(_ key: MemberKey) -> SchemaJSON {
        switch key {
        case .id: id("The member's id: letters, digits, - and _; not used by any person.")
        case .name: text("The member's name.")
        case .role: text("Their role on our team, e.g. account manager.", nullable: true)
        case .notes: notes
        }
    }

    private static func property(_ key: PersonKey) -> SchemaJSON {
        switch key {
        case .id: id("The person's id: letters, digits, - and _; not used by anyone else, team included.")
        case .name: text("The person's name, e.g. 赵建国.")
        case .title: text("Their job title, e.g. 总经理.", nullable: true)
        case .department:
            text(
                "Their department, e.g. 总经办; coverage and support are also given per "
                    + "department.", nullable: true)
        case .level: integer("1 at the top of the account, larger further down. Default: from reports_to.", 1...1000)
        case .roles:
            .object([
                ("description", .string("The parts they play in the buying decision: one role, or a list.")),
                (
                    "anyOf",
                    .array([
                        wordValues(BuyingRole.self),
                        .object([
                            ("type", .string("array")), ("items", wordValues(BuyingRole.self)),
                            ("uniqueItems", .bool(true)),
                        ]),
                        .object([("type", .string("null"))]),
                    ])
                ),
            ])
        case .stance:
            word(
                Stance.self,
                "Where they stand toward us, from champion to blocker. Do not guess: "
                    + "unknown is itself a gap (the default).")
        case .influence:
            integer(
                "The team's judgment of their weight, 1 (little) to 5 (decisive). Default 3 "
                    + "in the scores.", 1...5)
        case .reportsTo: id("The id of their manager.", nullable: true)
        case .notes: notes
        }
    }

    private static func property(_ key: RelationKey) -> SchemaJSON {
        switch key {
        case .from: id("The id of the person the tie starts from.")
        case .to: id("The id of the other person.")
        case .type:
            word(
                RelationType.self,
                "influences: from shapes the opinion of to. ally and rival are "
                    + "symmetric.", nullable: false)
        case .strength:
            number("How strong the tie is: more than 0, at most 1. Default 1.", exclusiveMinimum: 0, maximum: 1)
        case .notes: notes
        }
    }

    private static func property(_ key: ContactKey) -> SchemaJSON {
        switch key {
        case .member: id("The id of the team member.")
        case .person: id("The id of the person they reach.")
        case .strength:
            .object([
                (
                    "description",
                    .string(
                        "How well the member reaches them: weak, medium (default), strong, or "
                            + "a number in (0, 1].")
                ),
                (
                    "anyOf",
                    .array([
                        .object([("enum", .array(["weak", "medium", "strong"].map(SchemaJSON.string) + [.null]))]),
                        .object([
                            ("type", .string("number")), ("exclusiveMinimum", .number(0)), ("maximum", .number(1)),
                        ]),
                    ])
                ),
            ])
        case .last: day("The day of the last contact (YYYY-MM-DD); a contact fades with time.", nullable: true)
        case .notes: notes
        }
    }

    private static func property(_ key: InteractionKey) -> SchemaJSON {
        switch key {
        case .date: day("The day it happened (YYYY-MM-DD).", nullable: false)
        case .member: id("The id of the team member who met them.")
        case .people:
            .object([
                ("description", .string("The ids of the people met: one id, or a list.")),
                (
                    "anyOf",
                    .array([
                        idValue(nullable: false),
                        .object([
                            ("type", .string("array")), ("items", idValue(nullable: false)),
                            ("minItems", .number(1)),
                        ]),
                    ])
                ),
            ])
        case .kind:
            .object([
                ("description", .string("What it was, in a word.")),
                ("type", scalarTypes(nullable: true)),
                ("examples", .array(["visit", "call", "email", "meeting"].map(SchemaJSON.string))),
            ])
        case .note: .object([("description", .string("What happened, in a few words."))])
        case .notes: notes
        }
    }

    // MARK: Building blocks

    /// A mapping with exactly `Key`'s keys, plus the user's own `x-` keys.
    private static func record<Key: MappingKey>(
        _: Key.Type, required: [Key], entry: (Key) -> SchemaJSON, description: String? = nil
    ) -> [(String, SchemaJSON)] {
        var pairs: [(String, SchemaJSON)] = []
        if let description { pairs.append(("description", .string(description))) }
        pairs += [
            ("type", .string("object")),
            ("required", .array(required.map { .string($0.spelling) })),
            ("properties", .object(Key.allCases.map { ($0.spelling, entry($0)) })),
            (
                "patternProperties",
                .object([
                    (
                        "^x-",
                        .object([
                            (
                                "description",
                                .string(
                                    "Your own key: relmap "
                                        + "ignores it.")
                            )
                        ])
                    )
                ])
            ),
            ("additionalProperties", .bool(false)),
        ]
        return pairs
    }

    /// A list; an empty value (null) counts as an empty list.
    private static func list(of item: [(String, SchemaJSON)], _ description: String) -> SchemaJSON {
        .object([
            ("description", .string(description)), ("type", .array([.string("array"), .string("null")])),
            ("items", .object(item)),
        ])
    }

    private static let notes = SchemaJSON.object([("description", .string("Anything: text, a list or a mapping."))])

    /// relmap reads any scalar as text, so a number or true is a valid name.
    private static func scalarTypes(nullable: Bool) -> SchemaJSON {
        .array(["string", "number", "boolean"].map(SchemaJSON.string) + (nullable ? [.string("null")] : []))
    }

    private static func text(_ description: String, nullable: Bool = false) -> SchemaJSON {
        .object([("description", .string(description)), ("type", scalarTypes(nullable: nullable))])
    }

    private static func idValue(nullable: Bool) -> SchemaJSON {
        .object([
            ("type", .array([.string("string"), .string("integer")] + (nullable ? [.string("null")] : []))),
            ("pattern", .string("^[A-Za-z0-9_-]+$")),
        ])
    }

    private static func id(_ description: String, nullable: Bool = false) -> SchemaJSON {
        guard case .object(let pairs) = idValue(nullable: nullable) else { return .null }
        return .object([("description", .string(description))] + pairs)
    }

    private static func wordValues<E: RawRepresentable & CaseIterable>(_: E.Type, nullable: Bool = false) -> SchemaJSON
    where E.RawValue == String {
        .object([("enum", .array(E.allCases.map { .string($0.rawValue) } + (nullable ? [.null] : [])))])
    }

    /// One of an enum's words; null means "not given" unless the key is required.
    private static func word<E: RawRepresentable & CaseIterable>(
        _: E.Type, _ description: String, nullable: Bool = true
    ) -> SchemaJSON
    where E.RawValue == String {
        guard case .object(let pairs) = wordValues(E.self, nullable: nullable) else { return .null }
        return .object([("description", .string(description))] + pairs)
    }

    private static func integer(_ description: String, _ range: ClosedRange<Int>) -> SchemaJSON {
        .object([
            ("description", .string(description)), ("type", .array([.string("integer"), .string("null")])),
            ("minimum", .number(Double(range.lowerBound))), ("maximum", .number(Double(range.upperBound))),
        ])
    }

    private static func number(
        _ description: String, minimum: Double? = nil, exclusiveMinimum: Double? = nil,
        maximum: Double? = nil
    ) -> SchemaJSON {
        var pairs: [(String, SchemaJSON)] = [
            ("description", .string(description)),
            ("type", .array([.string("number"), .string("null")])),
        ]
        if let minimum { pairs.append(("minimum", .number(minimum))) }
        if let exclusiveMinimum { pairs.append(("exclusiveMinimum", .number(exclusiveMinimum))) }
        if let maximum { pairs.append(("maximum", .number(maximum))) }
        return .object(pairs)
    }

    private static func day(_ description: String, nullable: Bool) -> SchemaJSON {
        .object([
            ("description", .string(description)),
            ("type", nullable ? .array([.string("string"), .string("null")]) : .string("string")),
            ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")), ("format", .string("date")),
        ])
    }
}
