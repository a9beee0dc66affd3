import Foundation
import RelMapCore

extension Terminal {
    /// Prints a JSON document and a newline. A document that cannot be encoded is a defect
    /// of relmap's, not of the input: an error naming `what`, exit 70, nothing of it printed.
    static func json(_ document: some JSONDocument, _ what: String) throws {
        var data: Data
        do { data = try document.encoded() } catch {
            err("relmap: cannot write the \(what) as JSON: \(error)\n")
            throw Exit.internalError
        }
        data.append(0x0A)
        FileHandle.standardOutput.write(data)
    }
}
