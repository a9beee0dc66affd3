import Crypto
import Foundation

/// Sessions and CSRF values, signed with a key made at start (never stored): a session
/// cookie is `KIND.ID.MAC` where MAC = HMAC-SHA256(key, KIND.ID), and a page's CSRF value
/// is HMAC-SHA256(key, "csrf:" + ID). Nothing is kept per session on the server, and a
/// restart signs everyone out. Every comparison is swift-crypto's constant-time one.
struct SessionKeys: Sendable {
    // The keys' bytes (SymmetricKey is not Sendable in swift-crypto 3), made into keys per use.
    private let keyBytes: Data
    /// The token's HMAC under a second random key: a submitted token is compared as a MAC.
    private let tokenKeyBytes: Data
    private let tokenDigest: Data?
    private var key: SymmetricKey { SymmetricKey(data: keyBytes) }
    private var tokenKey: SymmetricKey { SymmetricKey(data: tokenKeyBytes) }

    init(token: String?) {
        keyBytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        let tokenKey = SymmetricKey(size: .bits256)
        tokenKeyBytes = tokenKey.withUnsafeBytes { Data($0) }
        tokenDigest = token.map { Data(HMAC<SHA256>.authenticationCode(for: Data($0.utf8), using: tokenKey)) }
    }

    /// A session: `signedIn` only after the token was given.
    struct Session: Sendable, Equatable {
        var id: String
        var signedIn: Bool
    }

    /// A fresh session id: 32 random bytes from the system's generator, as hex.
    func newSession(signedIn: Bool) -> Session {
        Session(id: SymmetricKey(size: .bits256).withUnsafeBytes { Self.hex(Data($0)) }, signedIn: signedIn)
    }

    func cookieValue(_ session: Session) -> String {
        let body = (session.signedIn ? "a." : "v.") + session.id
        return body + "." + Self.hex(Data(HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: key)))
    }

    /// The session a cookie value names, or nil when it was not signed by this server.
    func session(fromCookie value: String) -> Session? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "a" || parts[0] == "v", let mac = Self.unhex(parts[2]) else { return nil }
        let body = parts[0] + "." + parts[1]
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: Data(body.utf8), using: key) else {
            return nil
        }
        return Session(id: String(parts[1]), signedIn: parts[0] == "a")
    }

    func csrf(for session: Session) -> String {
        Self.hex(Data(HMAC<SHA256>.authenticationCode(for: Data(("csrf:" + session.id).utf8), using: key)))
    }

    func isValidCSRF(_ value: String, for session: Session) -> Bool {
        guard let mac = Self.unhex(Substring(value)) else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(
            mac, authenticating: Data(("csrf:" + session.id).utf8), using: key)
    }

    /// Whether `given` is the server's token. Both are MACed under a random key and the
    /// MACs compared in constant time, so the time taken says nothing about the token.
    func isToken(_ given: String) -> Bool {
        guard let tokenDigest else { return false }
        return HMAC<SHA256>.isValidAuthenticationCode(tokenDigest, authenticating: Data(given.utf8), using: tokenKey)
    }

    static func hex(_ data: Data) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(data.count * 2)
        for b in data { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    static func unhex(_ text: Substring) -> Data? {
        let bytes = Array(text.utf8)
        guard bytes.count % 2 == 0, bytes.count <= 128 else { return nil }
        var out = Data()
        var i = 0
        while i < bytes.count {
            guard let hi = nibble(bytes[i]), let lo = nibble(bytes[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case 48...57: c - 48
        case 97...102: c - 87
        default: nil
        }
    }
}
