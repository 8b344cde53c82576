import TagihCore

/// What the command line asked for. The library never reads the clock or the environment
/// itself: the command line hands over `today` and the secret.
public struct RunOptions: Sendable {
    public var input = "input"
    /// The month folder to write (`output/YYYY-MM` when not given); its parent is the output root.
    public var output: String?
    public var period: Period?
    public var asOf: CivilDate?
    /// A state file named on purpose, instead of the newest under the output root.
    public var statePath: String?
    public var skipInvalid = false
    /// The key activation codes are derived with (`TAGIH_SECRET`).
    public var activationSecret: String?
    /// Memory for sorting payments before they spill to disk.
    public var sortBudget = SortBudget()
    /// The moment the command was started, for "today" in the operator's zone.
    public var now: Instant?
    /// "Today" given as a date (`TAGIH_TODAY`), for re-running a day as cron would have.
    public var today: CivilDate?

    public init() {}

    /// The folder that month folders are written under.
    public var outputRoot: String {
        guard let output else { return "output" }
        let parts = output.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return "." }
        let parent = parts.dropLast().joined(separator: "/")
        return parent.isEmpty ? "/" : parent
    }

    /// The month folder for `month`: `--output` for the as-of's month, its siblings (or
    /// `output/YYYY-MM`) for the others.
    public func monthFolder(_ month: Period, asOfMonth: Period) -> String {
        if let output, month == asOfMonth { return output }
        return outputRoot + "/" + month.description
    }
}
