import TagihCore
import TagihIO

/// A table decoded row by row: the good rows by id, plus the ids of rows that had errors so
/// that references to them can say so instead of "unknown".
struct DecodedTable<Value: Sendable> {
    var byId = Directory<Value>()
    var firstSeen: [String: SourceLocation] = [:]
    var invalidIds: Set<String> = []
    /// Ids whose first row was valid (the row that counts when an id repeats).
    var validIds: Set<String> = []

    func firstSeenValid(_ id: String) -> Bool { validIds.contains(id) }

    /// Why `id` cannot be referred to, or nil when it can.
    func problem(with id: String, kind: String) -> String? {
        if byId[id] != nil { return nil }
        if invalidIds.contains(id) { return "refers to \(kind) \"\(id)\", whose row has errors" }
        return "refers to an unknown \(kind) \"\(id)\""
    }
}

/// Reads every row of a table, decoding each with `decode`; rows whose id repeats an earlier
/// row's are reported and left out.
func readTable<Value: Sendable>(
    _ reader: any RowReader, kind: String, style: NumberStyle, diagnostics: inout Diagnostics,
    decode: (inout FieldDecoder) -> (id: String?, value: Value?)
) throws(InputFailure) -> DecodedTable<Value> {
    var table = DecodedTable<Value>()
    // Rows go to an array first and into the dictionary once, at its final size: growing a
    // dictionary of large values doubles it, and both copies live for a moment.
    var rows: [(String, Value)] = []
    let idSlot = 0
    while true {
        switch try reader.next() {
        case .end:
            table.byId = Directory(rows)
            return table
        case .malformed(let diagnostic):
            diagnostics.add(diagnostic)
        case .row:
            var decoder = FieldDecoder(row: reader.row, style: style)
            let (id, value) = decode(&decoder)
            if let id {
                if let first = table.firstSeen[id] {
                    decoder.fail(idSlot, "\"\(id)\" is a duplicate id (first at line \(first.line))")
                } else {
                    table.firstSeen[id] = reader.row.location(idSlot)
                }
            }
            if decoder.isValid, let id, let value {
                rows.append((id, value))
                table.validIds.insert(id)
            } else {
                for item in decoder.diagnostics { diagnostics.add(item) }
                if let id, !table.firstSeenValid(id) { table.invalidIds.insert(id) }
            }
        }
    }
}
