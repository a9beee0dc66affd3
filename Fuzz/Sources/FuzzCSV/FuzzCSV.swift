import Foundation
import RelMapCore

// The importers read files, as `relmap import` does, so each input is written to disk
// first. One folder per process: libFuzzer may run several jobs side by side.
let workFolder: String = {
    let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("relmap-fuzz-csv-\(getpid())")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// A fixed day, so that dates in the inputs are judged the same way on every run.
let asOf = Day(daysSinceEpoch: 20_758)

/// The AccountId of the Salesforce fixture's main account: an export of several accounts
/// stops at "choose one" without it, and the activity files would never be read.
let fixtureAccount = "0015g00000HdPmAAAQ"

/// Separates the files of one Salesforce export inside one input (form feed: rare in
/// real CSV, so a plain CSV input stays one Contact.csv).
let fileSeparator: UInt8 = 0x0C

let salesforceObjects = ["Contact", "OpportunityContactRole", "Task", "Event", "User"]

/// One fuzz input through both importers, with and without --skip-bad-rows:
///   - the generic importer reads the whole input as one CSV file;
///   - the Salesforce importer reads it as an export folder, the input cut at form feeds
///     into Contact.csv, OpportunityContactRole.csv, Task.csv, Event.csv and User.csv.
/// Any crash or broken promise (see `checkReport`) stops the fuzzer.
func fuzzOne(_ data: Data) {
    let options = ImportOptions(accountId: "fuzz", asOf: asOf)
    var skipping = options
    skipping.skipBadRows = true

    let csvPath = (workFolder as NSString).appendingPathComponent("people.csv")
    write(data, to: csvPath)
    for opts in [options, skipping] {
        let report: ImportReport
        do { report = try GenericCSVImport.run(path: csvPath, mapping: ColumnMapping(), options: opts) } catch {
            fail("csv: the file exists, yet the import threw \(error)")
        }
        checkReport(report, inputs: [csvPath: data], source: .csv(file: csvPath), what: "csv")
    }

    let folder = (workFolder as NSString).appendingPathComponent("export")
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let pieces = data.split(separator: fileSeparator, omittingEmptySubsequences: false)
    var inputs: [String: Data] = [:]
    for (k, object) in salesforceObjects.enumerated() {
        let path = (folder as NSString).appendingPathComponent(object + ".csv")
        if k < pieces.count {
            write(Data(pieces[k]), to: path)
            inputs[path] = Data(pieces[k])
        } else {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
    let runs: [(ImportOptions, String?)] = [(options, nil), (skipping, fixtureAccount)]
    for (opts, account) in runs {
        let report: ImportReport
        do {
            let files = try SalesforceFiles.inFolder(folder)
            report = try SalesforceImport.run(files, options: opts, salesforceAccount: account)
        } catch {
            fail("salesforce: the files exist, yet the import threw \(error)")
        }
        checkReport(report, inputs: inputs, source: .salesforce(folder: folder), what: "salesforce")
    }
}

/// What an import promises (docs/import.md, ImportReport):
///   - every finding points into one of the files read, at a line the file has, column 1 or more;
///   - no account means at least one error, and an account means none;
///   - the account, written as `relmap import` writes it, loads back through the real
///     loader without errors and to the same model ("the file written passes relmap check").
func checkReport(_ report: ImportReport, inputs: [String: Data], source: ImportedAccountFile.Source, what: String) {
    for d in report.diagnostics {
        guard let bytes = inputs[d.location.file] else { fail("\(what): a finding in a file that was not read: \(d)") }
        // A line number is at most one more than the line breaks in the file. Counting the
        // bytes 0x0A and 0x0D bounds it for UTF-8, GB18030 (whose multi-byte sequences never
        // use them) and UTF-16 (where they can also appear inside other characters).
        let breaks = bytes.reduce(0) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
        guard d.location.line >= 1, d.location.column >= 1, d.location.line <= breaks + 1 else {
            fail("\(what): a finding without a position in the file (\(breaks) line breaks): \(d)")
        }
        guard !d.message.isEmpty else { fail("\(what): a finding without a message: \(d)") }
    }
    guard let account = report.account else {
        if !report.diagnostics.hasErrors { fail("\(what): no account and no error") }
        return
    }
    if report.diagnostics.hasErrors { fail("\(what): an account despite errors") }
    if report.summary.people != account.people.count {
        fail("\(what): the summary counts \(report.summary.people) people, the account has \(account.people.count)")
    }

    let path = "fuzz.yaml"
    let text = AccountFileWriter(headerComment: ImportedAccountFile.header(source, path: path), hints: true).yaml(
        account)
    let loaded = AccountLoader.load(data: Data(text.utf8), path: path, options: LoadOptions(today: asOf))
    guard let back = loaded.account, !loaded.diagnostics.hasErrors else {
        fail(
            "\(what): the written file does not load:\n\(loaded.diagnostics.map(\.description).joined(separator: "\n"))\n--- file ---\n\(text)"
        )
    }
    guard back.withoutLocations == account.withoutLocations else {
        fail(
            "\(what): the written file loads to a different account\n--- imported ---\n\(account.withoutLocations)\n--- loaded ---\n\(back.withoutLocations)\n--- file ---\n\(text)"
        )
    }
}

func write(_ data: Data, to path: String) {
    guard FileManager.default.createFile(atPath: path, contents: data) else { fail("cannot write \(path)") }
}

/// Stops the fuzzer with the reason; libFuzzer saves the input that caused it.
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("fuzz-csv: " + message + "\n").utf8))
    fatalError("fuzz-csv: broken promise")
}

/// libFuzzer's entry point: called once per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzOne(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
