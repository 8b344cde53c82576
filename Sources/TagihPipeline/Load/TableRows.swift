import TagihCore
import TagihIO

/// A table decoded row by row: the good rows by id, plus the ids of rows that had errors so
/// that references to them can say so instead of "unknown".
struct DecodedTable<Value: Keyed> {
    /// What is known of an id seen in the table: the line of its first row and whether
    /// that row was valid (the row that counts when an id repeats). One small entry per id:
    /// a hundred thousand tenants are checked for duplicates in a few megabytes.
    struct Seen {
        var line: Int32
        var valid: Bool
    }

    var byId = Directory<Value>()
    var seen: [String: Seen] = [:]
    /// Ids by their lower-case form: ids are compared exactly, so two that differ only in
    /// letter case would be two records where the operator meant one; refused.
    var folded: [String: String] = [:]
    /// Set when the table's file could not be read to its end: references to it are still
    /// refused, but the message points at the file's own error instead of the id.
    var unreadableFile: String?

    /// Marks a row that turned out invalid after decoding (an order naming a wrong subscription).
    mutating func invalidate(_ id: String) {
        byId[id] = nil
        seen[id]?.valid = false
    }

    /// Why `id` cannot be referred to, or nil when it can.
    func problem(with id: String, kind: String) -> String? {
        if byId[id] != nil { return nil }
        if seen[id] != nil { return "refers to \(kind) \"\(id)\", whose row has errors" }
        if let unreadableFile { return "refers to \(kind) \"\(id)\", which is not known: \(unreadableFile) could not be read" }
        if let other = folded[id.lowercased()] { return "refers to an unknown \(kind) \"\(id)\"; ids are compared exactly: did you mean \"\(other)\"?" }
        return "refers to an unknown \(kind) \"\(id)\""
    }
}

/// Reads every row of a table, decoding each with `decode`; rows whose id repeats an earlier
/// row's are reported and left out.
func readTable<Value: Keyed>(
    _ reader: any RowReader, kind: String, style: NumberStyle, diagnostics: inout Diagnostics,
    decode: (inout FieldDecoder) -> (id: String?, value: Value?)
) throws(InputFailure) -> DecodedTable<Value> {
    var table = DecodedTable<Value>()
    let idSlot = 0
    var counter = Progress.RowCounter()
    defer { counter.finish() }
    while true {
        switch try reader.next() {
        case .end:
            return table
        case .malformed(let diagnostic):
            counter.count()
            diagnostics.add(diagnostic)
        case .row:
            counter.count()
            var decoder = FieldDecoder(row: reader.row, style: style)
            let (id, value) = decode(&decoder)
            var repeated = false
            if let id {
                if let first = table.seen[id] {
                    decoder.fail(idSlot, "\"\(id)\" is a duplicate id (first at line \(first.line))")
                    repeated = true
                } else if let other = table.folded[id.lowercased()], let first = table.seen[other] {
                    decoder.fail(idSlot, "\"\(id)\" differs from \"\(other)\" (line \(first.line)) only in letter case; ids are compared exactly, so make them one")
                    repeated = true
                }
            }
            if decoder.isValid, let id, let value {
                table.byId[id] = value
                table.seen[id] = DecodedTable.Seen(line: Int32(clamping: reader.row.line), valid: true)
                table.folded[id.lowercased()] = id
            } else {
                for item in decoder.diagnostics { diagnostics.add(item) }
                if let id, !repeated {
                    table.seen[id] = DecodedTable.Seen(line: Int32(clamping: reader.row.line), valid: false)
                    table.folded[id.lowercased()] = id
                }
            }
        }
    }
}
