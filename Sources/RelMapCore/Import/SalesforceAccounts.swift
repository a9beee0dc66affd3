/// What Account.csv and Opportunity.csv say about the accounts of an export
/// (docs/import.md, "Accounts and opportunities").
struct SalesforceAccountBook {
    struct AccountRecord {
        var id: String
        var name: String
        var industry: String
        var owner: String
    }

    struct Opportunity {
        var accountKey: String
        var name: String
        var isClosed: Bool
        var isWon: Bool
        var closeDate: Day?
        var amount: Double?
        var currency: String
    }

    /// Accounts by their 15-character key.
    var accounts: [String: AccountRecord] = [:]
    /// Opportunities by their 15-character key; nil when the export has no Opportunity.csv.
    var opportunities: [String: Opportunity]?

    /// Reads Account.csv. Its problems are warnings: without it the account is named by
    /// `--name` or its id.
    mutating func readAccounts(_ sheet: CSVSheet, findings: inout ImportFindings, summary: inout ImportSummary) {
        typealias C = SalesforceColumns
        guard
            let id = findings.required(
                sheet, C.accountRecordId, "each account's Salesforce id", optional: true,
                consequence: "; Account.csv is left out"),
            let name = findings.required(
                sheet, C.fullName + C.accountName, "the account's name", optional: true,
                consequence: "; Account.csv is left out")
        else { return }
        let industry = sheet.column(C.industry), owner = sheet.column(C.ownerId), deleted = sheet.column(C.isDeleted)
        for r in sheet.records where !r.value(id).isEmpty {
            if r.isTrue(deleted) {
                summary.deletedRows += 1
                continue
            }
            accounts[SalesforceId.key(r.value(id))] = AccountRecord(
                id: r.value(id), name: r.oneLine(name),
                industry: r.oneLine(industry), owner: SalesforceId.key(r.value(owner)))
        }
    }

    /// Reads Opportunity.csv. Its problems are warnings: without it every contact role
    /// counts in full and the account has no value.
    mutating func readOpportunities(
        _ sheet: CSVSheet, options: ImportOptions, findings: inout ImportFindings,
        summary: inout ImportSummary
    ) {
        typealias C = SalesforceColumns
        guard
            let id = findings.required(
                sheet, C.opportunityRecordId, "each opportunity's Salesforce id", optional: true,
                consequence: "; Opportunity.csv is left out")
        else { return }
        let account = sheet.column(C.accountId), name = sheet.column(C.opportunityName),
            stage = sheet.column(C.stageName)
        let closed = sheet.column(C.isClosed), won = sheet.column(C.isWon), amount = sheet.column(C.amount)
        let close = sheet.column(C.closeDate), currency = sheet.column(C.currency), deleted = sheet.column(C.isDeleted)
        guard let dates = findings.dates(sheet, [close], forced: options.dateOrder) else { return }
        var found: [String: Opportunity] = [:]
        for r in sheet.records where !r.value(id).isEmpty {
            if r.isTrue(deleted) {
                summary.deletedRows += 1
                continue
            }
            // Exports without IsClosed/IsWon still have the stage: "Closed Won", "Closed Lost".
            let stageWords = r.value(stage).lowercased()
            let isClosed = closed != nil ? r.isTrue(closed) : stageWords.hasPrefix("closed")
            let isWon = won != nil ? r.isTrue(won) : stageWords == "closed won"
            let rawAmount = r.value(amount).filter { !",  ".contains($0) }
            found[SalesforceId.key(r.value(id))] = Opportunity(
                accountKey: SalesforceId.key(r.value(account)), name: r.oneLine(name), isClosed: isClosed, isWon: isWon,
                closeDate: dates.day(r.value(close)), amount: Double(rawAmount),
                currency: r.value(currency).uppercased())
        }
        opportunities = found
    }

    /// How much a contact role on `opportunity` counts toward giving the role: 1 on an
    /// open or recently won deal; 1/2 on a lost one, and 1/2 on one closed more than
    /// two years before `asOf`; 1/4 on both. A role is given at 1 or more.
    static func roleWeight(_ opportunity: Opportunity?, asOf: Day) -> Double {
        guard let o = opportunity, o.isClosed else { return 1 }
        let old = o.closeDate.map { $0.days(until: asOf) > longClosedDays } ?? false
        return (o.isWon ? 1 : 0.5) * (old ? 0.5 : 1)
    }

    /// A deal closed this many days before `as_of` or more no longer says who buys today.
    static let longClosedDays = 730

    /// The summed amounts of the account's open opportunities, with their currency;
    /// nil when none has an amount, or when they are in several currencies (a warning).
    func openValue(of accountKey: String, path: String, findings: inout ImportFindings) -> (Double, String?)? {
        let open = (opportunities ?? [:]).values.filter {
            $0.accountKey == accountKey && !$0.isClosed && $0.amount != nil
        }
        guard !open.isEmpty else { return nil }
        let currencies = Set(open.map(\.currency)).filter { !$0.isEmpty }
        guard currencies.count <= 1 else {
            findings.warning(
                path, nil, column: nil,
                "the account's open opportunities are in \(currencies.count) currencies (\(currencies.sorted().joined(separator: ", "))); value left empty"
            )
            return nil
        }
        return (open.compactMap(\.amount).sorted().reduce(0, +), currencies.first)
    }
}
