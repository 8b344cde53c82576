import TagihCore

/// What a reader hands out next.
public enum RowResult {
    /// `row` holds the next record.
    case row
    /// The next record is unusable; the reader has moved past it.
    case malformed(Diagnostic)
    case end
}

/// An RFC 4180 reader that streams: quoted fields, doubled quotes, newlines inside quotes,
/// CRLF or LF (or a lone CR), a UTF-8 byte-order mark, and `,` `;` or tab as the delimiter,
/// detected from the header. Only the columns the schema names are copied out.
public final class CSVReader {
    public let row: RowValues
    public private(set) var header: [String] = []
    public private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    private let source: ChunkedFile
    /// The line number of the byte at `source.start`.
    private var line = 1
    private var columnToSlot: [Int] = []
    private var fields: [FieldSpan] = []

    /// No record may be longer than this; a longer one means a broken file (an unclosed quote).
    public static let maxRecordBytes = 1 << 20

    struct FieldSpan {
        var start: Int
        var end: Int
        var line: Int
        var column: Int
        var escaped: Bool
    }

    enum Scan {
        case record(next: Int, line: Int)
        case blank(next: Int, line: Int)
        case needMore
        case end
        case textAfterQuote(line: Int, column: Int)
        case unterminated(line: Int, column: Int)
    }

    /// Opens the file and reads its header. Throws when the file cannot be read, is empty,
    /// repeats a column or lacks a required one.
    public init(path: String, name: String, schema: TableSchema) throws(InputFailure) {
        source = try ChunkedFile(path: path, name: name, chunkSize: 1 << 20, maxWindow: 2 * CSVReader.maxRecordBytes + (1 << 20))
        row = RowValues(schema: schema, file: name)
        try readHeader(schema: schema)
    }

    private func readHeader(schema: TableSchema) throws(InputFailure) {
        try wrap { _ = try source.fill() }
        let bytes = UnsafeRawBufferPointer(rebasing: source.buffer[source.start..<source.end])
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { source.start += 3 }
        delimiter = try detectDelimiter()
        while true {
            switch try scanNext() {
            case .end:
                throw InputFailure(Diagnostic(SourceLocation(file: source.name, line: 1, column: 1), "the file is empty; a CSV table needs a header row"))
            case .blank:
                continue
            case .record:
                break
            case .textAfterQuote(let line, let column):
                throw InputFailure(Diagnostic(SourceLocation(file: source.name, line: line, column: column), "text after a closing quote in the header"))
            case .unterminated(let line, let column):
                throw InputFailure(Diagnostic(SourceLocation(file: source.name, line: line, column: column), "a quoted field that is never closed"))
            case .needMore:
                preconditionFailure("scanNext never returns needMore")
            }
            break
        }
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        columnToSlot = []
        header = []
        for field in fields {
            let name = String(decoding: UnsafeRawBufferPointer(rebasing: source.buffer[field.start..<field.end]), as: UTF8.self)
            let cleaned = field.escaped ? name.replacing("\"\"", with: "\"") : name
            header.append(cleaned.trimmingBlanks())
            let key = normalizedColumnName(cleaned)
            let location = SourceLocation(file: source.name, line: field.line, column: field.column)
            if !key.isEmpty, let first = seen[key] {
                problems.append(Diagnostic(location, value: cleaned, "column \"\(key)\" appears twice in the header (also column \(first + 1))"))
            }
            seen[key] = header.count - 1
            columnToSlot.append(schema.slot(for: cleaned) ?? -1)
        }
        let headerLocation = SourceLocation(file: source.name, line: fields.first?.line ?? 1, column: 1)
        for (slot, field) in schema.fields.enumerated() where field.required && !columnToSlot.contains(slot) {
            problems.append(Diagnostic(headerLocation, "the header has no column \"\(field.name)\", which \(schema.table) requires"))
        }
        if !problems.isEmpty { throw InputFailure(problems) }
        consume()
    }

    /// The delimiter that occurs most often outside quotes in the header line.
    private func detectDelimiter() throws(InputFailure) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var position = source.start
        var inQuotes = false
        while true {
            if position >= source.end {
                let offset = position - source.start
                let more = try wrap { try source.fill() }
                position = source.start + offset
                if !more { break }
                continue
            }
            let byte = source.buffer[position]
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            else if !inQuotes && (byte == 0x0A || byte == 0x0D) {
                break
            } else if !inQuotes, counts[byte] != nil { counts[byte]! += 1 }
            position += 1
        }
        let best = counts.max { ($0.value, $1.key) < ($1.value, $0.key) }!
        return best.value > 0 ? best.key : UInt8(ascii: ",")
    }

    /// Whether the header has a column for the slot.
    public func hasColumn(_ slot: Int) -> Bool { columnToSlot.contains(slot) }

    /// The next record into `row`, or why it was skipped.
    public func next() throws(InputFailure) -> RowResult {
        while true {
            let recordLine = line
            switch try scanNext() {
            case .end:
                return .end
            case .blank:
                continue
            case .record:
                guard fields.count == header.count else {
                    let diagnostic = Diagnostic(
                        SourceLocation(file: source.name, line: recordLine, column: 1),
                        "the row has \(fields.count) field\(fields.count == 1 ? "" : "s"); the header has \(header.count)"
                    )
                    consume()
                    return .malformed(diagnostic)
                }
                row.reset(line: recordLine, column: 1)
                for (index, field) in fields.enumerated() {
                    let slot = columnToSlot[index]
                    guard slot >= 0 else { continue }
                    row.set(
                        slot, bytes: UnsafeRawBufferPointer(rebasing: source.buffer[field.start..<field.end]),
                        line: field.line, column: field.column, collapseQuotes: field.escaped
                    )
                }
                consume()
                return .row
            case .textAfterQuote(let line, let column):
                let diagnostic = Diagnostic(SourceLocation(file: source.name, line: line, column: column), "text after a closing quote; a quote inside a quoted field must be doubled")
                try skipLine()
                return .malformed(diagnostic)
            case .unterminated(let line, let column):
                throw InputFailure(Diagnostic(SourceLocation(file: source.name, line: line, column: column), "a quoted field that is never closed"))
            case .needMore:
                preconditionFailure("scanNext never returns needMore")
            }
        }
    }

    private var pendingNext = 0
    private var pendingLine = 0

    /// Scans one record, reading more of the file as needed; never returns `.needMore`.
    private func scanNext() throws(InputFailure) -> Scan {
        let recordLine = line
        while true {
            let result = scan()
            switch result {
            case .needMore:
                let grew: Bool
                do {
                    grew = try source.fill()
                } catch is ChunkedFile.TooLong {
                    throw ChunkedFile.TooLong.failure(file: source.name, line: recordLine, column: 1, limit: CSVReader.maxRecordBytes)
                } catch let failure as InputFailure {
                    throw failure
                } catch {
                    throw InputFailure(Diagnostic(.file(source.name), "\(error)"))
                }
                if !grew && !source.atEOF { return .end }
                if source.end - source.start > CSVReader.maxRecordBytes + (1 << 20) {
                    throw ChunkedFile.TooLong.failure(file: source.name, line: recordLine, column: 1, limit: CSVReader.maxRecordBytes)
                }
            case .record(let next, let line), .blank(let next, let line):
                if next - source.start > CSVReader.maxRecordBytes {
                    throw ChunkedFile.TooLong.failure(file: source.name, line: recordLine, column: 1, limit: CSVReader.maxRecordBytes)
                }
                pendingNext = next
                pendingLine = line
                if case .blank = result { consume() }
                return result
            default:
                return result
            }
        }
    }

    /// Moves past the record `scanNext` found.
    private func consume() {
        source.start = pendingNext
        line = pendingLine
    }

    /// After a broken record: drops everything up to the next line break.
    private func skipLine() throws(InputFailure) {
        while true {
            var position = source.start
            while position < source.end && source.buffer[position] != 0x0A { position += 1 }
            if position < source.end {
                let skippedLines = countLines(from: source.start, to: position)
                source.start = position + 1
                line += skippedLines + 1
                return
            }
            let more = try wrap { try source.fill() }
            if !more {
                source.start = source.end
                return
            }
        }
    }

    private func countLines(from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<end where source.buffer[index] == 0x0A { count += 1 }
        return count
    }

    /// One record from `source.start`, or `.needMore` when it runs past the bytes read.
    private func scan() -> Scan {
        let base = source.buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let end = source.end
        let eof = source.atEOF
        let delimiter = self.delimiter
        let quote = UInt8(ascii: "\""), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var position = source.start
        var line = self.line
        var lineStart = position
        var continuation = 0
        fields.removeAll(keepingCapacity: true)

        guard position < end else { return eof ? .end : .needMore }
        if base[position] == lf { return .blank(next: position + 1, line: line + 1) }
        if base[position] == cr {
            if position + 1 < end { return .blank(next: base[position + 1] == lf ? position + 2 : position + 1, line: line + 1) }
            return eof ? .blank(next: position + 1, line: line + 1) : .needMore
        }

        while true {
            let fieldLine = line
            let fieldColumn = position - lineStart - continuation + 1
            if position < end && base[position] == quote {
                position += 1
                let contentStart = position
                var escaped = false
                while true {
                    if position >= end {
                        return eof ? .unterminated(line: fieldLine, column: fieldColumn) : .needMore
                    }
                    let byte = base[position]
                    if byte == quote {
                        if position + 1 >= end {
                            if !eof { return .needMore }
                            break
                        }
                        if base[position + 1] == quote {
                            escaped = true
                            position += 2
                            continue
                        }
                        break
                    }
                    if byte == lf {
                        line += 1
                        lineStart = position + 1
                        continuation = 0
                    } else if byte & 0xC0 == 0x80 {
                        continuation += 1
                    }
                    position += 1
                }
                fields.append(FieldSpan(start: contentStart, end: position, line: fieldLine, column: fieldColumn, escaped: escaped))
                position += 1
                if position < end {
                    let byte = base[position]
                    if byte != delimiter && byte != lf && byte != cr {
                        return .textAfterQuote(line: line, column: position - lineStart - continuation + 1)
                    }
                } else if !eof {
                    return .needMore
                }
            } else {
                let contentStart = position
                while position < end {
                    let byte = base[position]
                    if byte == delimiter || byte == lf || byte == cr { break }
                    if byte & 0xC0 == 0x80 { continuation += 1 }
                    position += 1
                }
                if position >= end && !eof { return .needMore }
                fields.append(FieldSpan(start: contentStart, end: position, line: fieldLine, column: fieldColumn, escaped: false))
            }
            if position >= end { return .record(next: position, line: line + 1) }
            let byte = base[position]
            if byte == delimiter {
                position += 1
                continue
            }
            if byte == cr {
                if position + 1 < end {
                    position += base[position + 1] == lf ? 2 : 1
                } else if eof {
                    position += 1
                } else {
                    return .needMore
                }
                return .record(next: position, line: line + 1)
            }
            return .record(next: position + 1, line: line + 1)
        }
    }

    private func wrap<T>(_ body: () throws -> T) throws(InputFailure) -> T {
        do {
            return try body()
        } catch let failure as InputFailure {
            throw failure
        } catch is ChunkedFile.TooLong {
            throw ChunkedFile.TooLong.failure(file: source.name, line: line, column: 1, limit: CSVReader.maxRecordBytes)
        } catch {
            throw InputFailure(Diagnostic(.file(source.name), "\(error)"))
        }
    }
}
