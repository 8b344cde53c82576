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
    private let path: String
    /// How deep the current event is nested: no input tagih reads needs more than a few levels,
    /// and a file nested thousands deep is an attack on the parser's time.
    private var depth = 0
    static let maxDepth = 64
    /// No single value tagih reads is longer than this; a longer one means a damaged file.
    static let maxScalarBytes = 1 << 20

    init(path: String, name: String) throws(InputFailure) {
        self.name = name
        self.path = path
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
        case YAML_SCALAR_EVENT:
            kind = .scalar
            guard event.pointee.data.scalar.length <= YAMLEvents.maxScalarBytes else {
                throw InputFailure(Diagnostic(location, "a value starting here is longer than \(YAMLEvents.maxScalarBytes >> 20) MiB; the file is probably damaged"))
            }
        case YAML_ALIAS_EVENT:
            kind = .alias
            // Aliases are refused: expanding them is how a tiny file becomes a huge one.
            throw InputFailure(Diagnostic(location, "YAML aliases (*name) are not supported here; write the value out in full"))
        default: kind = .streamEnd
        }
        if kind == .sequenceStart || kind == .mappingStart {
            depth += 1
            guard depth <= YAMLEvents.maxDepth else {
                throw InputFailure(Diagnostic(location, "the YAML is nested more than \(YAMLEvents.maxDepth) levels deep here; no input of tagih's needs that"))
            }
        } else if kind == .sequenceEnd || kind == .mappingEnd {
            depth -= 1
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
        var location = SourceLocation(file: name, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        // The reader (bad UTF-8, control characters) reports a byte offset, not a mark.
        if parser.pointee.error == YAML_READER_ERROR {
            location = YAMLEvents.position(ofByte: Int(parser.pointee.problem_offset), in: path, name: name)
        }
        return InputFailure(Diagnostic(location, message))
    }

    /// Line and column (in characters) of a byte offset in a file.
    static func position(ofByte offset: Int, in path: String, name: String) -> SourceLocation {
        guard let file = fopen(path, "rb") else { return SourceLocation(file: name, line: 1, column: 1) }
        defer { fclose(file) }
        var line = 1, column = 1, index = 0
        while index < offset {
            let byte = fgetc(file)
            if byte == EOF { break }
            if byte == 0x0A { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(file: name, line: line, column: column)
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
