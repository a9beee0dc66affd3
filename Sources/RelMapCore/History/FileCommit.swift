/// One commit that changed an account file, as `git log` lists it.
public struct FileCommit: Sendable, Hashable {
    /// The full commit hash.
    public var hash: String
    /// The author date as git wrote it (strict ISO 8601, in the author's time zone).
    public var authorDate: String
    /// The calendar day of `authorDate` in the author's time zone, so the same commit
    /// gives the same day on every machine.
    public var day: Day
    /// The author's name as git has it.
    public var author: String
    /// The first line of the commit message.
    public var subject: String
    /// The file's path from the repository's root in this commit (it differs before a rename).
    public var path: String
    /// What `git cat-file` reads for the file's bytes in this commit (its blob, or
    /// `COMMIT:PATH`); nil when the commit deleted the file.
    public var object: String?

    /// A commit as `git log` describes it; nothing is checked.
    public init(
        hash: String, authorDate: String, day: Day, author: String, subject: String, path: String, object: String?
    ) {
        self.hash = hash
        self.authorDate = authorDate
        self.day = day
        self.author = author
        self.subject = subject
        self.path = path
        self.object = object
    }

    /// The first 10 characters of the hash: what tables show.
    public var shortHash: String { String(hash.prefix(10)) }

    /// How messages name this version of the file: `abc1234567:graphs/x.yaml`.
    public var versionName: String { "\(shortHash):\(path)" }
}
