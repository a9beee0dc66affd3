import Foundation

/// A JSON document that is a list of accounts beside a few fixed fields (`relmap.analysis/1`,
/// `gaps/1`, `plan/1`): each account's part can be encoded on its own, so a folder's
/// document is encoded on every core (`encodedPieces(of:_:)`).
public protocol AccountListDocument: JSONDocument, Sendable {
    /// What one account becomes in the document.
    associatedtype AccountPart: Encodable & Sendable
    /// One entry per account, in order.
    var accounts: [AccountPart] { get set }
}

extension AnalysisDocument: AccountListDocument {}
extension GapsDocument: AccountListDocument {}
extension PlanDocument: AccountListDocument {}

extension AccountListDocument {
    /// The bytes of `make(sources).encoded()` in pieces, in order: joined, they are exactly
    /// those bytes. Each source's account is made and encoded on its own, on every core, and
    /// put in its place in the document. A folder of 2,000 accounts is ~90 MB of analysis
    /// JSON; made on one thread it was a third of the run, with the other core idle
    /// (docs/performance.md). `make` must give one account per source, as the documents'
    /// own `init`s do.
    ///
    /// Each account is written by `encoded()`'s own encoder at the depth it has in the
    /// document. The rest of the document comes from the document with no accounts, so
    /// this checks that the first account put in place gives what `encoded()` gives for a
    /// document of that account alone (no other field depends on the accounts), and
    /// encodes the whole document in one piece if not.
    public static func encodedPieces<Source: Sendable>(
        of sources: [Source], _ make: @escaping @Sendable ([Source]) -> Self
    ) throws(JSONEncodingError) -> [Data] {
        let whole = { () throws(JSONEncodingError) in [try make(sources).encoded()] }
        let empty = try make([]).encoded()
        guard !sources.isEmpty else { return [empty] }
        guard let (head, tail) = AccountListJSON.split(empty) else { return try whole() }
        let parts = ParallelMap.map(sources.count) { i in
            Result { () throws(JSONEncodingError) -> Data? in
                let accounts = make([sources[i]]).accounts
                guard accounts.count == 1 else { return nil }
                return Data(try PrettyJSON.encode(accounts[0], indent: AccountListJSON.depth))
            }
        }
        var pieces = [head]
        pieces.reserveCapacity(sources.count + 2)
        for (i, part) in parts.enumerated() {
            switch part {
            case .success(let bytes?): pieces.append(bytes)
            case .success(nil): return try whole()
            case .failure(var error):
                // Where the whole document's encoder would have said it was.
                error.path.insert(contentsOf: ["accounts", String(i)], at: 0)
                throw error
            }
        }
        guard try make([sources[0]]).encoded() == head + pieces[1] + AccountListJSON.lastEnd + tail else {
            return try whole()
        }
        for i in 1..<pieces.count {
            pieces[i].append(i == pieces.count - 1 ? AccountListJSON.lastEnd : AccountListJSON.end)
        }
        pieces.append(tail)
        return pieces
    }
}

/// The byte work behind `AccountListDocument.encodedPieces(of:_:)`.
enum AccountListJSON {
    /// An account's indentation: inside the top-level object's `accounts` array.
    static let depth = 4

    /// The empty list as the document writes it, its key at the document's top level.
    static let emptyList = Data("\"accounts\" : [\n\n  ]".utf8)
    static let end = Data(",\n".utf8), lastEnd = Data("\n  ]".utf8)

    /// The document with no accounts, cut where they go: up to and including the list's
    /// opening line, and from the list's closing bracket on (after it).
    static func split(_ empty: Data) -> (head: Data, tail: Data)? {
        guard let r = empty.range(of: emptyList) else { return nil }
        let opening = emptyList.count - 4  // `"accounts" : [` and its line break
        return (Data(empty[..<(r.lowerBound + opening)]), Data(empty[r.upperBound...]))
    }
}
