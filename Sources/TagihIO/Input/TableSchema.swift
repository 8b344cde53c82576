import TagihCore

/// The columns of one input table, matched by lower-case name. Readers bind a file's header
/// (CSV) or keys (YAML) to these slots once, so decoding a row is an array lookup.
public struct TableSchema: Sendable {
    public struct Field: Sendable {
        /// As messages show it: a gateway's own spelling (`Created date (UTC)`).
        public let name: String
        /// As matched: lower case.
        public let key: String
        public let required: Bool

        init(name: String, required: Bool) {
            self.name = name
            self.key = normalizedColumnName(name)
            self.required = required
        }
    }

    public let table: String
    public let fields: [Field]
    private let slots: [String: Int]

    public init(table: String, required: [String], optional: [String]) {
        self.init(table: table, fields: required.map { ($0, true) } + optional.map { ($0, false) })
    }

    /// The columns in the order given, which is the order of their slots.
    public init(table: String, fields: [(name: String, required: Bool)]) {
        self.table = table
        let fields = fields.map { Field(name: $0.name, required: $0.required) }
        self.fields = fields
        var slots: [String: Int] = [:]
        for (index, field) in fields.enumerated() { slots[field.key] = index }
        self.slots = slots
    }

    /// The slot for a column name, matched case-insensitively with blanks trimmed.
    public func slot(for name: String) -> Int? {
        slots[normalizedColumnName(name)]
    }

    public func name(of slot: Int) -> String { fields[slot].name }
}

func normalizedColumnName(_ name: String) -> String {
    name.trimmingBlanks().lowercased()
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs, CR and LF (worked on UTF-8 bytes: this runs
    /// for every field of every row).
    func trimmingBlanks() -> String {
        let bytes = Array(self.utf8)
        var start = 0
        var end = bytes.count
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        while start < end, isBlank(bytes[start]) { start += 1 }
        while end > start, isBlank(bytes[end - 1]) { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

extension TableSchema {
    /// The slot for a column name given as UTF-8 bytes (ASCII case ignored), without building
    /// a String: YAML tables look up every key of every record.
    public func slot(forBytes key: UnsafeRawBufferPointer) -> Int? {
        var start = 0
        var end = key.count
        while start < end && key[start] == 0x20 { start += 1 }
        while end > start && key[end - 1] == 0x20 { end -= 1 }
        let length = end - start
        outer: for (index, field) in fields.enumerated() {
            let name = field.key.utf8
            guard name.count == length else { continue }
            var position = start
            for byte in name {
                var other = key[position]
                if other >= 0x41 && other <= 0x5A { other += 0x20 }
                if other != byte { continue outer }
                position += 1
            }
            return index
        }
        return nil
    }
}
