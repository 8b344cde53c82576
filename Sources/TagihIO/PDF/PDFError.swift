/// Why a document could not be rendered or written, in words fit for the run's error report.
public struct PDFError: Error, Sendable, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
