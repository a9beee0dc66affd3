import Foundation
import RelMapCore

extension JSONDocument {
    /// The document's bytes for `DataFormat.print`. A document that cannot be encoded is a
    /// defect of relmap's, not of the input: an error naming `what`, exit 70, nothing of it
    /// printed.
    func printable(_ what: String) throws -> Data {
        do { return try encoded() } catch {
            throw CommandFailure.internalError("cannot write the \(what) as JSON: \(error)")
        }
    }
}
