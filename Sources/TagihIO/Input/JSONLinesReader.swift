import TagihCore

/// Streams a JSON-lines file (one object a line, as a gateway's saved notifications are)
/// into the schema's slots. Nested keys are joined with `.`, array items are walked through
/// (`va_numbers.bank`); when a key repeats, the first value wins.
public final class JSONLinesReader: RowReader {
    public let row: RowValues
    private let source: ChunkedFile
    private var line = 0
    private var keyPath: [UInt8] = []
    private var scratch: [UInt8] = []
    /// The slot of the n-th key seen in a line, with the key's bytes: notifications repeat
    /// their keys in the same order, so most lookups are one comparison.
    private var keyCache: [(key: [UInt8], slot: Int?)] = []

    public static let maxLineBytes = 1 << 20

    public init(path: String, name: String, schema: TableSchema) throws(InputFailure) {
        source = try ChunkedFile(path: path, name: name, chunkSize: 1 << 20, maxWindow: 2 * JSONLinesReader.maxLineBytes + (1 << 20))
        row = RowValues(schema: schema, file: name)
    }

    public func next() throws(InputFailure) -> RowResult {
        while true {
            guard let (start, end) = try nextLine() else { return .end }
            var bytes = UnsafeRawBufferPointer(rebasing: source.buffer[start..<end])
            // A byte-order mark at the start of the file, as some tools write one.
            if line == 1, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
                bytes = UnsafeRawBufferPointer(rebasing: bytes[3...])
            }
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            row.reset(line: line, column: 1)
            var parser = Parser(bytes: bytes, line: line, row: row, keyPath: keyPath, scratch: scratch, keyCache: keyCache)
            let problem = parser.parseLine()
            keyPath = parser.keyPath
            scratch = parser.scratch
            keyCache = parser.keyCache
            if let problem {
                return .malformed(Diagnostic(SourceLocation(file: row.file, line: line, column: problem.column), problem.message))
            }
            return .row
        }
    }

    /// The next line's byte range in the window (without its line break), or nil at the end.
    private func nextLine() throws(InputFailure) -> (Int, Int)? {
        var scanFrom = source.start
        while true {
            var index = scanFrom
            while index < source.end && source.buffer[index] != 0x0A { index += 1 }
            if index < source.end {
                let start = source.start
                source.start = index + 1
                line += 1
                return (start, index)
            }
            if source.end - source.start > JSONLinesReader.maxLineBytes {
                throw ChunkedFile.TooLong.failure(file: row.file, line: line + 1, column: 1, limit: JSONLinesReader.maxLineBytes)
            }
            let offset = index - source.start
            let more: Bool
            do { more = try source.fill() } catch let failure as InputFailure { throw failure } catch {
                throw ChunkedFile.TooLong.failure(file: row.file, line: line + 1, column: 1, limit: JSONLinesReader.maxLineBytes)
            }
            scanFrom = source.start + offset
            if !more {
                guard source.start < source.end else { return nil }
                let start = source.start
                let end = source.end
                source.start = end
                line += 1
                return (start, end)
            }
        }
    }

    /// A recursive-descent JSON parser over one line that stores the leaves the schema names.
    struct Parser {
        let bytes: UnsafeRawBufferPointer
        let line: Int
        let row: RowValues
        var keyPath: [UInt8]
        var scratch: [UInt8]
        var position = 0
        var continuation = 0
        var depth = 0
        var keyCache: [(key: [UInt8], slot: Int?)]
        var keyOrdinal = 0

        struct Problem: Error {
            let column: Int
            let message: String
        }

        init(bytes: UnsafeRawBufferPointer, line: Int, row: RowValues, keyPath: [UInt8], scratch: [UInt8], keyCache: [(key: [UInt8], slot: Int?)]) {
            self.bytes = bytes
            self.line = line
            self.row = row
            self.keyPath = keyPath
            self.scratch = scratch
            self.keyCache = keyCache
        }

        var column: Int { position - continuation + 1 }

        mutating func parseLine() -> Problem? {
            do {
                keyPath.removeAll(keepingCapacity: true)
                skipBlanks()
                guard peek() == UInt8(ascii: "{") else { throw Problem(column: column, message: "expected a JSON object on this line") }
                try parseValue()
                skipBlanks()
                if position < bytes.count { throw Problem(column: column, message: "unexpected text after the JSON object") }
                return nil
            } catch let problem as Problem {
                return problem
            } catch {
                return Problem(column: column, message: "\(error)")
            }
        }

        func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func advance() {
            if bytes[position] & 0xC0 == 0x80 { continuation += 1 }
            position += 1
        }

        mutating func skipBlanks() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0D { position += 1 }
        }

        mutating func expect(_ byte: UInt8, _ what: String) throws {
            skipBlanks()
            guard peek() == byte else { throw Problem(column: column, message: "expected \(what)") }
            position += 1
        }

        mutating func parseValue() throws {
            skipBlanks()
            guard let byte = peek() else { throw Problem(column: column, message: "the line ends inside a JSON value") }
            switch byte {
            case UInt8(ascii: "{"):
                depth += 1
                guard depth <= 16 else { throw Problem(column: column, message: "JSON nested too deeply") }
                position += 1
                skipBlanks()
                if peek() == UInt8(ascii: "}") { position += 1; depth -= 1; return }
                while true {
                    skipBlanks()
                    let prefix = keyPath.count
                    if prefix > 0 { keyPath.append(UInt8(ascii: ".")) }
                    guard peek() == UInt8(ascii: "\"") else { throw Problem(column: column, message: "expected a quoted key") }
                    try parseString(toKey: true)
                    try expect(UInt8(ascii: ":"), "':' after a key")
                    try parseValue()
                    keyPath.removeLast(keyPath.count - prefix)
                    skipBlanks()
                    if peek() == UInt8(ascii: ",") { position += 1; continue }
                    try expect(UInt8(ascii: "}"), "',' or '}'")
                    depth -= 1
                    return
                }
            case UInt8(ascii: "["):
                depth += 1
                guard depth <= 16 else { throw Problem(column: column, message: "JSON nested too deeply") }
                position += 1
                skipBlanks()
                if peek() == UInt8(ascii: "]") { position += 1; depth -= 1; return }
                while true {
                    try parseValue()
                    skipBlanks()
                    if peek() == UInt8(ascii: ",") { position += 1; continue }
                    try expect(UInt8(ascii: "]"), "',' or ']'")
                    depth -= 1
                    return
                }
            case UInt8(ascii: "\""):
                let valueColumn = column
                scratch.removeAll(keepingCapacity: true)
                try parseString(toKey: false)
                store(valueColumn)
            default:
                let valueColumn = column
                let start = position
                while let next = peek(), next != UInt8(ascii: ","), next != UInt8(ascii: "}"), next != UInt8(ascii: "]"),
                      next != 0x20, next != 0x09, next != 0x0D { position += 1 }
                let literal = UnsafeRawBufferPointer(rebasing: bytes[start..<position])
                guard !literal.isEmpty else { throw Problem(column: valueColumn, message: "expected a JSON value") }
                if literal.elementsEqual("null".utf8) { return }
                guard literal.elementsEqual("true".utf8) || literal.elementsEqual("false".utf8) || isNumber(literal) else {
                    throw Problem(column: valueColumn, message: "not a JSON value")
                }
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: literal)
                store(valueColumn)
            }
        }

        func isNumber(_ literal: UnsafeRawBufferPointer) -> Bool {
            literal.allSatisfy { ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
        }

        /// Stores `scratch` under the current key path when the schema has it (first one wins).
        mutating func store(_ valueColumn: Int) {
            let ordinal = keyOrdinal
            keyOrdinal += 1
            let slot: Int?
            if ordinal < keyCache.count && keyCache[ordinal].key == keyPath {
                slot = keyCache[ordinal].slot
            } else {
                slot = keyPath.withUnsafeBytes { row.schema.slot(forBytes: $0) }
                if ordinal < keyCache.count { keyCache[ordinal] = (keyPath, slot) } else if ordinal < 64 { keyCache.append((keyPath, slot)) }
            }
            guard let slot, !row.isPresent(slot) else { return }
            scratch.withUnsafeBytes { row.set(slot, bytes: $0, line: line, column: valueColumn) }
        }

        mutating func emit(_ byte: UInt8, toKey: Bool) {
            if toKey { keyPath.append(byte) } else { scratch.append(byte) }
        }

        /// A JSON string (the parser on its opening quote), unescaped onto the key path or
        /// into `scratch`.
        mutating func parseString(toKey: Bool) throws {
            let startColumn = column
            position += 1
            // Copy the run up to the next quote or backslash in one go (the usual case is the
            // whole string); control characters and non-ASCII bytes go the slow way below.
            var run = position
            while run < bytes.count {
                let byte = bytes[run]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { break }
                run += 1
            }
            if run > position {
                let piece = UnsafeRawBufferPointer(rebasing: bytes[position..<run])
                if toKey { keyPath.append(contentsOf: piece) } else { scratch.append(contentsOf: piece) }
                position = run
            }
            while true {
                guard let byte = peek() else { throw Problem(column: startColumn, message: "a JSON string that is never closed") }
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return
                case UInt8(ascii: "\\"):
                    position += 1
                    guard let escape = peek() else { throw Problem(column: column, message: "a JSON string that is never closed") }
                    position += 1
                    switch escape {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): emit(escape, toKey: toKey)
                    case UInt8(ascii: "b"): emit(0x08, toKey: toKey)
                    case UInt8(ascii: "f"): emit(0x0C, toKey: toKey)
                    case UInt8(ascii: "n"): emit(0x0A, toKey: toKey)
                    case UInt8(ascii: "r"): emit(0x0D, toKey: toKey)
                    case UInt8(ascii: "t"): emit(0x09, toKey: toKey)
                    case UInt8(ascii: "u"):
                        var scalar = try hex4()
                        if (0xD800...0xDBFF).contains(scalar), peek() == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") {
                            position += 2
                            let low = try hex4()
                            guard (0xDC00...0xDFFF).contains(low) else { throw Problem(column: column, message: "a broken \\u escape") }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        }
                        guard let value = Unicode.Scalar(scalar) else { throw Problem(column: column, message: "a broken \\u escape") }
                        for byte in String(Character(value)).utf8 { emit(byte, toKey: toKey) }
                    default:
                        throw Problem(column: column - 1, message: "an unknown escape in a JSON string")
                    }
                default:
                    guard byte >= 0x20 else { throw Problem(column: column, message: "a control character inside a JSON string") }
                    emit(byte, toKey: toKey)
                    advance()
                }
            }
        }

        mutating func hex4() throws -> UInt32 {
            guard position + 4 <= bytes.count else { throw Problem(column: column, message: "a broken \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let byte = bytes[position]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: throw Problem(column: column, message: "a broken \\u escape")
                }
                value = value << 4 | UInt32(digit)
                position += 1
            }
            return value
        }
    }
}
