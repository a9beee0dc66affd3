import Foundation
import RelMapCore

/// Draws an account's diagram as SVG, or says why there is none. The CLI passes one that
/// lays out in a child process (as `relmap report` does); tests may draw in process.
public typealias DiagramRenderer = @Sendable (AccountAnalysis) -> (svg: String?, problem: String?)

/// How `relmap serve` runs.
public struct ServeOptions: Sendable {
    /// The folder whose account files are served; nothing outside it is read or written.
    public var folder: String
    /// Where to listen; anything but a loopback address needs a token (`problem`), since
    /// the pages read and change the accounts.
    public var host: String
    /// 0 lets the system pick a free port, so the browser and load scripts never collide
    /// with a server already running.
    public var port: Int
    /// When set, every request needs a session signed in with this token.
    public var token: String?
    /// Commit each save in the folder's git repository.
    public var commit: Bool
    /// The commit author: `Name` or `Name <email>`.
    public var author: String?
    /// Largest request body read, in bytes.
    public var maxBodyBytes: Int
    /// Limits for reading account files (the day is set per request).
    public var loadOptions: LoadOptions

    /// The defaults serve this machine only; the load options' day is a placeholder,
    /// replaced by today's date on every request so a server left running never ages.
    public init(
        folder: String, host: String = "127.0.0.1", port: Int = 8080, token: String? = nil,
        commit: Bool = false, author: String? = nil, maxBodyBytes: Int = 64 << 10,
        loadOptions: LoadOptions = LoadOptions(today: Day(daysSinceEpoch: 0))
    ) {
        self.folder = folder
        self.host = host
        self.port = port
        self.token = token
        self.commit = commit
        self.author = author
        self.maxBodyBytes = maxBodyBytes
        self.loadOptions = loadOptions
    }

    /// Addresses that only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "::1" || h == "[::1]" || h.hasPrefix("127.")
    }

    /// Why the server must not start as asked, or nil.
    public var problem: String? {
        if let token, token.count < 16 {
            return "the token is too short: use at least 16 characters (e.g. openssl rand -hex 16)"
        }
        if !Self.isLoopback(host), token == nil {
            return
                "refusing to serve on \(host) without a token: anyone who can reach it could read and change the accounts; pass --token or set RELMAP_TOKEN (docs/serve.md)"
        }
        guard (0...65535).contains(port) else { return "port \(port) is not in 0...65535" }
        return nil
    }

    /// Today's date for loading (an account without `as_of` means today).
    var loadOptionsToday: LoadOptions {
        var o = loadOptions
        o.today = .today
        return o
    }
}
