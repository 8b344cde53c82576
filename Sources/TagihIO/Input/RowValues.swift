import TagihCore

/// One row of an input table, bound to a schema: for each slot the value's bytes and where
/// it stood in the file. Readers refill the same buffer for every row, so reading a million
/// rows allocates nothing per row. Values are trimmed of surrounding blanks once, when stored.
public final class RowValues {
    struct Span {
        /// The value as written.
        var offset: Int32
        var count: Int32
        /// The value without surrounding blanks.
        var trimmedOffset: Int32
        var trimmedCount: Int32
        var line: Int32
        var column: Int32
    }

    public let schema: TableSchema
    public let file: String
    /// Where the row starts.
    public internal(set) var line = 0
    public internal(set) var column = 1
    private var buffer: UnsafeMutableRawBufferPointer
    private var used = 0
    var spans: [Span]
    private static let absent = Span(offset: 0, count: -1, trimmedOffset: 0, trimmedCount: 0, line: 0, column: 0)

    public init(schema: TableSchema, file: String) {
        self.schema = schema
        self.file = file
        self.spans = Array(repeating: RowValues.absent, count: schema.fields.count)
        buffer = .allocate(byteCount: 4096, alignment: 8)
    }

    deinit { buffer.deallocate() }

    func reset(line: Int, column: Int) {
        self.line = line
        self.column = column
        used = 0
        for index in spans.indices { spans[index] = RowValues.absent }
    }

    private func reserve(_ count: Int) {
        guard used + count > buffer.count else { return }
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: max(buffer.count * 2, used + count), alignment: 8)
        bigger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: used)
        buffer.deallocate()
        buffer = bigger
    }

    /// Stores a value; `collapseQuotes` turns CSV's doubled quotes back into one.
    func set(_ slot: Int, bytes: UnsafeRawBufferPointer, line: Int, column: Int, collapseQuotes: Bool = false) {
        reserve(bytes.count)
        let offset = used
        let base = buffer.baseAddress!
        if collapseQuotes {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                base.storeBytes(of: byte, toByteOffset: used, as: UInt8.self)
                used += 1
                index += byte == UInt8(ascii: "\"") && index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") ? 2 : 1
            }
        } else if bytes.count > 0 {
            (base + used).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
            used += bytes.count
        }
        var start = offset
        var end = used
        let view = UnsafeRawBufferPointer(buffer)
        @inline(__always) func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        while start < end && isBlank(view[start]) { start += 1 }
        while end > start && isBlank(view[end - 1]) { end -= 1 }
        spans[slot] = Span(offset: Int32(offset), count: Int32(used - offset), trimmedOffset: Int32(start),
                           trimmedCount: Int32(end - start), line: Int32(line), column: Int32(column))
    }

    /// Whether the slot was present in the row at all (even empty).
    func isPresent(_ slot: Int) -> Bool { spans[slot].count >= 0 }

    /// Whether the row has a non-blank value for the slot.
    @inline(__always)
    public func has(_ slot: Int) -> Bool { spans[slot].count > 0 && spans[slot].trimmedCount > 0 }

    /// The trimmed bytes of a slot (empty when absent); valid until the next row.
    @inline(__always)
    public func trimmed(_ slot: Int) -> UnsafeRawBufferPointer {
        let span = spans[slot]
        guard span.count > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: buffer.baseAddress! + Int(span.trimmedOffset), count: Int(span.trimmedCount))
    }

    /// The trimmed bytes of a slot; valid only inside `body`.
    public func withTrimmedBytes<R>(_ slot: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(trimmed(slot))
    }

    /// The raw bytes of a slot (empty when absent); valid only inside `body`.
    public func withBytes<R>(_ slot: Int, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        let span = spans[slot]
        guard span.count > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: buffer.baseAddress! + Int(span.offset), count: Int(span.count)))
    }

    /// What a text value holds that a text field may not.
    public enum TextProblem: Error { case controlCharacter, invalidUTF8 }

    /// The value as text with blanks trimmed, in one pass over its bytes: nil when absent or
    /// blank; a problem when it holds a line break or control character, or is not UTF-8.
    public func checkedText(_ slot: Int) -> Result<String, TextProblem>? {
        let bytes = trimmed(slot)
        guard !bytes.isEmpty else { return nil }
        var ascii = true
        for byte in bytes {
            if byte < 0x20 && byte != 0x09 { return .failure(.controlCharacter) }
            if byte >= 0x80 { ascii = false }
        }
        // ASCII is valid UTF-8 as it stands; only the rest needs validating.
        if ascii { return .success(String(decoding: bytes, as: UTF8.self)) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.invalidUTF8) }
        return .success(text)
    }

    /// The value as text with blanks trimmed; nil when absent, blank or not UTF-8.
    public func text(_ slot: Int) -> String? {
        if case .success(let text)? = checkedText(slot) { return text }
        return nil
    }

    public func isValidUTF8(_ slot: Int) -> Bool {
        withBytes(slot) { String(validating: $0, as: UTF8.self) != nil }
    }

    /// Whether the trimmed value equals `word`, ignoring ASCII case.
    public func equalsIgnoringCase(_ slot: Int, _ word: StaticString) -> Bool {
        let bytes = trimmed(slot)
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = word.utf8Start
        for index in 0..<bytes.count {
            var other = bytes[index]
            if other >= 0x41 && other <= 0x5A { other += 0x20 }
            if other != expected[index] { return false }
        }
        return true
    }

    /// The same for a word known only at run time (an enum's raw value).
    public func equalsIgnoringCase(_ slot: Int, _ word: String) -> Bool {
        let bytes = trimmed(slot)
        guard bytes.count == word.utf8.count else { return false }
        var index = 0
        for byte in word.utf8 {
            var other = bytes[index]
            if other >= 0x41 && other <= 0x5A { other += 0x20 }
            var mine = byte
            if mine >= 0x41 && mine <= 0x5A { mine += 0x20 }
            if other != mine { return false }
            index += 1
        }
        return true
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
