import TagihCore

/// Streams a YAML table: a top-level sequence of mappings, one record at a time through
/// libyaml's event API, so the file is never held whole. Nested mappings are flattened with
/// `_` (`bank: {code: BCA}` is column `bank_code`, as in CSV) and lists are joined with `|`.
public final class YAMLTableReader {
    public let row: RowValues
    private let events: YAMLEvents
    private let filler = YAMLRecordFiller()

    public init(path: String, name: String, schema: TableSchema) throws(InputFailure) {
        events = try YAMLEvents(path: path, name: name)
        row = RowValues(schema: schema, file: name)
        try events.next()
        guard try events.next() == .documentStart else {
            throw InputFailure(Diagnostic(SourceLocation(file: name, line: 1, column: 1), "the file is empty; expected a list of \(schema.table) records"))
        }
        let location = events.location
        switch try events.next() {
        case .sequenceStart:
            break
        case .scalar where events.scalarIsNull:
            throw InputFailure(Diagnostic(location, "the document is empty; expected a list of \(schema.table) records"))
        default:
            throw InputFailure(Diagnostic(location, "expected a list of \(schema.table) records (a YAML sequence of mappings) at the top level"))
        }
    }

    public func next() throws(InputFailure) -> RowResult {
        let kind = try events.next()
        switch kind {
        case .sequenceEnd:
            try events.next() // document end
            if try events.next() == .documentStart {
                throw InputFailure(Diagnostic(events.location, "the file holds more than one YAML document"))
            }
            return .end
        default:
            return try filler.fill(row, from: events)
        }
    }
}

/// Reads one record (a mapping) into a row; the parser must be on the record's first event.
final class YAMLRecordFiller {
    private var keyBuffer: [UInt8] = []
    private var listBuffer: [UInt8] = []
    private var problem: Diagnostic?
    private var row: RowValues!
    private var events: YAMLEvents!

    func fill(_ row: RowValues, from events: YAMLEvents) throws(InputFailure) -> RowResult {
        let location = events.location
        guard events.kind == .mappingStart else {
            try events.skipNode()
            return .malformed(Diagnostic(location, "expected a record (a mapping of field: value), found something else"))
        }
        self.row = row
        self.events = events
        defer {
            self.row = nil
            self.events = nil
        }
        row.reset(line: location.line, column: location.column)
        problem = nil
        keyBuffer.removeAll(keepingCapacity: true)
        try readMapping(depth: 0)
        if let problem { return .malformed(problem) }
        return .row
    }

    /// Reads a mapping's entries into the row; `keyBuffer` holds the flattened key prefix.
    private func readMapping(depth: Int) throws(InputFailure) {
        let prefixLength = keyBuffer.count
        while try events.next() != .mappingEnd {
            let keyLocation = events.location
            guard events.kind == .scalar else {
                try events.skipNode()
                try events.next()
                try events.skipNode()
                note(Diagnostic(keyLocation, "a record's keys must be plain names"))
                continue
            }
            keyBuffer.removeSubrange(prefixLength...)
            keyBuffer.append(contentsOf: events.scalarBytes)
            let slot = keyBuffer.withUnsafeBytes { row.schema.slot(forBytes: $0) }
            try events.next()
            let valueLocation = events.location
            switch events.kind {
            case .scalar:
                guard let slot else { continue }
                if row.isPresent(slot) {
                    note(Diagnostic(keyLocation, value: row.schema.name(of: slot), "key \"\(row.schema.name(of: slot))\" appears twice in this record"))
                    continue
                }
                if events.scalarIsNull { continue }
                row.set(slot, bytes: events.scalarBytes, line: valueLocation.line, column: valueLocation.column)
            case .mappingStart:
                guard depth < 3 else {
                    try events.skipNode()
                    note(Diagnostic(valueLocation, "the record is nested too deeply"))
                    continue
                }
                keyBuffer.append(UInt8(ascii: "_"))
                try readMapping(depth: depth + 1)
                keyBuffer.removeSubrange(prefixLength...)
            case .sequenceStart:
                try readList(into: slot, location: valueLocation)
            default:
                note(Diagnostic(valueLocation, "unexpected YAML structure"))
            }
        }
        keyBuffer.removeSubrange(prefixLength...)
    }

    /// A list of plain values becomes one value joined with `|`, the CSV form of a list.
    private func readList(into slot: Int?, location: SourceLocation) throws(InputFailure) {
        listBuffer.removeAll(keepingCapacity: true)
        var first = true
        while try events.next() != .sequenceEnd {
            guard events.kind == .scalar else {
                let itemLocation = events.location
                try events.skipNode()
                note(Diagnostic(itemLocation, "a list here may hold only plain values"))
                continue
            }
            if events.scalarBytes.contains(UInt8(ascii: "|")) {
                note(Diagnostic(events.location, value: events.scalarText, "a list item may not contain \"|\""))
            }
            if !first { listBuffer.append(UInt8(ascii: "|")) }
            listBuffer.append(contentsOf: events.scalarBytes)
            first = false
        }
        guard let slot else { return }
        if row.isPresent(slot) {
            note(Diagnostic(location, value: row.schema.name(of: slot), "key \"\(row.schema.name(of: slot))\" appears twice in this record"))
            return
        }
        listBuffer.withUnsafeBytes { row.set(slot, bytes: $0, line: location.line, column: location.column) }
    }

    private func note(_ diagnostic: Diagnostic) {
        if problem == nil { problem = diagnostic }
    }
}
