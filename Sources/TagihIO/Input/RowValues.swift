import TagihCore

/// One row of an input table, bound to a schema: for each slot the value's bytes and where
/// it stood in the file. Readers refill the same buffer for every row, so reading a million
/// rows allocates nothing per row.
public final class RowValues {
    struct Span {
        var offset: Int32
        var count: Int32
        var line: Int32
        var column: Int32
    }

    public let schema: TableSchema
    public let file: String
    /// Where the row starts.
    public internal(set) var line = 0
    public internal(set) var column = 1
    var storage: [UInt8] = []
    var spans: [Span]
    private static let absent = Span(offset: 0, count: -1, line: 0, column: 0)

    public init(schema: TableSchema, file: String) {
        self.schema = schema
        self.file = file
        self.spans = Array(repeating: RowValues.absent, count: schema.fields.count)
        storage.reserveCapacity(4096)
    }

    func reset(line: Int, column: Int) {
        self.line = line
        self.column = column
        storage.removeAll(keepingCapacity: true)
        for index in spans.indices { spans[index] = RowValues.absent }
    }

    /// Stores a value; `collapseQuotes` turns CSV's doubled quotes back into one.
    func set(_ slot: Int, bytes: UnsafeRawBufferPointer, line: Int, column: Int, collapseQuotes: Bool = false) {
        let offset = storage.count
        if collapseQuotes {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                storage.append(byte)
                index += byte == UInt8(ascii: "\"") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") ? 2 : 1
            }
        } else {
            storage.append(contentsOf: bytes)
        }
        spans[slot] = Span(offset: Int32(offset), count: Int32(storage.count - offset), line: Int32(line), column: Int32(column))
    }

    /// Whether the row has a non-blank value for the slot.
    public func has(_ slot: Int) -> Bool {
        let span = spans[slot]
        guard span.count > 0 else { return false }
        for index in Int(span.offset)..<Int(span.offset + span.count) where storage[index] != 0x20 && storage[index] != 0x09 {
            return true
        }
        return false
    }

    /// The raw bytes of a slot (empty when absent); valid only inside `body`.
    public func withBytes<R>(_ slot: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let span = spans[slot]
        guard span.count > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try storage.withUnsafeBytes { all in
            try body(UnsafeRawBufferPointer(rebasing: all[Int(span.offset)..<Int(span.offset + span.count)]))
        }
    }

    /// The value as text with blanks trimmed; nil when absent or blank, or when not UTF-8
    /// (`isValidUTF8` tells the two apart).
    public func text(_ slot: Int) -> String? {
        guard has(slot) else { return nil }
        return withBytes(slot) { bytes in
            String(validating: bytes, as: UTF8.self)?.trimmingBlanks()
        }
    }

    public func isValidUTF8(_ slot: Int) -> Bool {
        withBytes(slot) { String(validating: $0, as: UTF8.self) != nil }
    }

    /// The value as written, for error reports; invalid UTF-8 is shown with replacement marks.
    public func rawText(_ slot: Int) -> String {
        withBytes(slot) { String(decoding: $0, as: UTF8.self) }
    }

    public func location(_ slot: Int) -> SourceLocation {
        let span = spans[slot]
        guard span.count >= 0 else { return rowLocation }
        return SourceLocation(file: file, line: Int(span.line), column: Int(span.column))
    }

    public var rowLocation: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}
