import Foundation
import RelMapCore

/// One fuzz input: the bytes as a YAML file and as a JSON file, through the real loader,
/// then through the scores when they load. Any crash, hang or broken invariant is a bug.
func fuzzOne(_ data: Data) {
    let options = LoadOptions(today: Day(daysSinceEpoch: 20_770))
    for path in ["fuzz.yaml", "fuzz.json"] {
        let file = AccountLoader.load(data: data, path: path, options: options)
        if file.account == nil && !file.diagnostics.hasErrors {
            fatalError("no account and no error for \(path)")
        }
        for d in file.diagnostics where d.location.line < 1 || d.location.column < 1 {
            fatalError("diagnostic without a position: \(d)")
        }
        guard let account = file.account else { continue }
        let analysis = Analyzer.analyze(account)
        for p in analysis.people where !(0...100).contains(p.influence) || !(0...1).contains(p.reach) {
            fatalError("score out of bounds: \(p.person.id) \(p.influence) \(p.reach)")
        }
        // A valid account always encodes: a failure here is a NaN or infinity in a score.
        do { _ = try AnalysisDocument([analysis]).encoded() } catch {
            fatalError("analysis JSON of \(account.id) failed: \(error)")
        }
        _ = AnalysisTables.people(analysis).text()
    }
}

/// libFuzzer's entry point: called once per input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    fuzzOne(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
