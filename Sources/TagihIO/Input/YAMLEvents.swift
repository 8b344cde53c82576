#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CYAML
import TagihCore

/// libyaml's event parser, wrapped once: each call hands out the next event; scalar bytes
/// stay valid until the following call. Errors come back as diagnostics with line and column.
final class YAMLEvents {
    enum Kind: Equatable {
        case streamStart, streamEnd, documentStart, documentEnd
        case sequenceStart, sequenceEnd, mappingStart, mappingEnd
        case scalar, alias
    }

    let name: String
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let event: UnsafeMutablePointer<yaml_event_t>
    private var file: UnsafeMutablePointer<FILE>?
    private var hasEvent = false
    private(set) var kind: Kind = .streamStart

    init(path: String, name: String) throws(InputFailure) {
        self.name = name
        parser = .allocate(capacity: 1)
        event = .allocate(capacity: 1)
        guard yaml_parser_initialize(parser) == 1 else {
            parser.deallocate()
            event.deallocate()
            throw InputFailure(Diagnostic(.file(name), "cannot start the YAML parser"))
        }
        file = fopen(path, "rb")
        guard let file else {
            let reason = String(cString: strerror(errno))
            yaml_parser_delete(parser)
            parser.deallocate()
            event.deallocate()
            throw InputFailure(Diagnostic(.file(name), "cannot open: \(reason)"))
        }
        yaml_parser_set_input_file(parser, file)
    }

    deinit {
        if hasEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
        if let file { fclose(file) }
    }

    /// Advances to the next event.
    @discardableResult
    func next() throws(InputFailure) -> Kind {
        if hasEvent {
            yaml_event_delete(event)
            hasEvent = false
        }
        guard yaml_parser_parse(parser, event) == 1 else { throw syntaxError() }
        hasEvent = true
        switch event.pointee.type {
        case YAML_STREAM_START_EVENT: kind = .streamStart
        case YAML_STREAM_END_EVENT: kind = .streamEnd
        case YAML_DOCUMENT_START_EVENT: kind = .documentStart
        case YAML_DOCUMENT_END_EVENT: kind = .documentEnd
        case YAML_SEQUENCE_START_EVENT: kind = .sequenceStart
        case YAML_SEQUENCE_END_EVENT: kind = .sequenceEnd
        case YAML_MAPPING_START_EVENT: kind = .mappingStart
        case YAML_MAPPING_END_EVENT: kind = .mappingEnd
        case YAML_SCALAR_EVENT: kind = .scalar
        case YAML_ALIAS_EVENT:
            kind = .alias
            // Aliases are refused: expanding them is how a tiny file becomes a huge one.
            throw InputFailure(Diagnostic(location, "YAML aliases (*name) are not supported here; write the value out in full"))
        default: kind = .streamEnd
        }
        return kind
    }

    /// Where the current event starts (1-based line and column).
    var location: SourceLocation {
        SourceLocation(file: name, line: Int(event.pointee.start_mark.line) + 1, column: Int(event.pointee.start_mark.column) + 1)
    }

    /// The current scalar's bytes; valid until `next()`.
    var scalarBytes: UnsafeRawBufferPointer {
        let scalar = event.pointee.data.scalar
        return UnsafeRawBufferPointer(start: scalar.value, count: scalar.length)
    }

    var scalarText: String { String(decoding: scalarBytes, as: UTF8.self) }

    /// A plain (unquoted) `~`, `null` or empty scalar: YAML's null, an absent value here.
    var scalarIsNull: Bool {
        let scalar = event.pointee.data.scalar
        guard scalar.style == YAML_PLAIN_SCALAR_STYLE else { return false }
        switch scalarText {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }

    private func syntaxError() -> InputFailure {
        let problem = parser.pointee.problem.map { String(cString: $0) } ?? "unreadable YAML"
        let mark = parser.pointee.problem_mark
        var message = "YAML syntax error: \(problem)"
        if let context = parser.pointee.context.map({ String(cString: $0) }) { message += " (\(context))" }
        let location = SourceLocation(file: name, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        return InputFailure(Diagnostic(location, message))
    }

    /// Skips the current node and everything inside it.
    func skipNode() throws(InputFailure) {
        guard kind == .sequenceStart || kind == .mappingStart else { return }
        var depth = 1
        while depth > 0 {
            switch try next() {
            case .sequenceStart, .mappingStart: depth += 1
            case .sequenceEnd, .mappingEnd: depth -= 1
            default: break
            }
        }
    }
}
