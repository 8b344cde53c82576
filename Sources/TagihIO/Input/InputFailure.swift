import TagihCore

/// A problem that stops a file from being read further (unreadable, unterminated quote,
/// missing required column). Row-level problems are diagnostics instead, and reading goes on.
public struct InputFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostic: Diagnostic) { diagnostics = [diagnostic] }
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
