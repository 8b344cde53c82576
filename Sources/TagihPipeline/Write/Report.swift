import TagihCore

/// Findings become warnings at the edge: a diagnostic whose message says it is a warning, in
/// errors.csv and on stderr beside the errors.
enum Report {
    static let warningPrefix = "warning: "

    static func diagnostic(_ finding: Finding, catalog: MessageCatalog) -> Diagnostic {
        Diagnostic(finding.location, value: finding.value, warningPrefix + catalog.text(finding.warning))
    }

    static func warning(_ diagnostic: Diagnostic) -> Diagnostic {
        diagnostic.message.hasPrefix(warningPrefix) ? diagnostic : Diagnostic(diagnostic.location, value: diagnostic.value, warningPrefix + diagnostic.message)
    }
}
