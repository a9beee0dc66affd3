import Foundation

/// One of relmap's JSON documents (docs/json.md): `relmap.analysis/1`, `gaps/1`,
/// `plan/1`, `whatif/1`, `diff/1`, `portfolio/1`, `history/1`. They all print the same
/// way, through `encoded()`.
public protocol JSONDocument: Encodable {}

/// A document could not be written as JSON (a score that is not a number, or a value of a
/// kind JSON has no form for). A defect in relmap, not in the user's data: the CLI exits
/// with 70 and prints nothing of the document.
public struct JSONEncodingError: Error, CustomStringConvertible, Sendable {
    /// What could not be encoded.
    public let reason: String
    /// The keys (and array positions) leading to it from the top of the document.
    public internal(set) var path: [String] = []

    /// The reason, and where in the document it was met.
    public var description: String {
        path.isEmpty ? reason : "\(reason) at \(path.joined(separator: "."))"
    }
}

extension JSONDocument {
    /// Pretty-printed with sorted keys (by their UTF-8 bytes), slashes unescaped: the same
    /// bytes for the same input. Throws rather than print a partial or empty document.
    ///
    /// Foundation's `JSONEncoder`: a hand-written encoder of the same bytes was measured
    /// against it on 2,000 varied accounts (`relmap analyze --format json`) and spent only
    /// about 14% fewer instructions encoding (6% of the command's CPU time), not enough to
    /// keep 330 lines of a second encoder.
    public func encoded() throws(JSONEncodingError) -> Data {
        do {
            return try JSONText.encoder.encode(self)
        } catch let EncodingError.invalidValue(value, context) {
            // A number JSON has no form for (nan, infinity), or a value of a kind it has none for.
            var error = JSONEncodingError(
                reason: value is Double || value is Float
                    ? "the number \(value) has no JSON form" : context.debugDescription)
            error.path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            throw error
        } catch {
            throw JSONEncodingError(reason: "\(error)")
        }
    }
}

/// How relmap writes JSON, in one place: the documents (`JSONDocument.encoded()`) and the
/// account schema's strings (`SchemaJSON`) escape text alike.
enum JSONText {
    /// Pretty-printed, keys sorted, slashes unescaped; a new one each time (an encoder is a
    /// class with settings that could be changed).
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `s` as a JSON string: `"` and `\` escaped, control characters as `\n` `\t` ... or
    /// `\u00xx`, everything else (Chinese included) as UTF-8.
    static func quoted(_ s: String) -> String {
        do {
            return String(decoding: try encoder.encode(s), as: UTF8.self)
        } catch {
            // Only numbers can fail to encode; a string cannot.
            preconditionFailure("a string could not be written as JSON: \(error)")
        }
    }
}
