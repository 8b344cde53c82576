import TagihCore

/// `state.yaml`, the hand-over between runs. Written by tagih, read back streaming (its
/// lists grow with open invoices, so they are read one entry at a time like a table).
public enum StateFile {
    public static let version = 1

    static let receivableSchema = TableSchema(
        table: "receivables",
        required: ["number", "tenant_id", "source", "source_id", "issued", "due", "currency", "total", "outstanding"],
        optional: []
    )

    // MARK: reading

    /// The state, or the diagnostics that make it unusable.
    public static func read(path: String, name: String, currencies: Currencies) throws(InputFailure) -> BillingState {
        let events = try YAMLEvents(path: path, name: name)
        var state = BillingState()
        var problems: [Diagnostic] = []
        try events.next()
        guard try events.next() == .documentStart else { return state }
        guard try events.next() == .mappingStart else {
            throw InputFailure(Diagnostic(events.location, "state.yaml must be a mapping; was it written by tagih?"))
        }
        let filler = YAMLRecordFiller()
        while try events.next() != .mappingEnd {
            let keyLocation = events.location
            let key = events.kind == .scalar ? events.scalarText : ""
            try events.next()
            let valueLocation = events.location
            switch key {
            case "version":
                if events.kind != .scalar || Int(events.scalarText) != version {
                    problems.append(Diagnostic(valueLocation, value: events.kind == .scalar ? events.scalarText : "", "version: this tagih reads state version \(version)"))
                }
            case "period":
                guard events.kind == .scalar, let period = Period(events.scalarText) else {
                    problems.append(Diagnostic(valueLocation, "period is not YYYY-MM"))
                    try events.skipNode()
                    continue
                }
                state.period = period
            case "next_sequence":
                guard events.kind == .scalar, let next = Int(events.scalarText), next >= 1 else {
                    problems.append(Diagnostic(valueLocation, "next_sequence is not a positive whole number"))
                    try events.skipNode()
                    continue
                }
                state.nextSequence = next
            case "receivables":
                try forEachRecord(events, filler: filler, schema: receivableSchema, name: name, problems: &problems) { row in
                    if let receivable = decodeReceivable(&row, currencies: currencies) { state.receivables.append(receivable) }
                }
            default:
                problems.append(Diagnostic(keyLocation, value: key, "unknown section \"\(key)\" in state.yaml"))
                try events.skipNode()
            }
        }
        if !problems.isEmpty { throw InputFailure(problems) }
        return state
    }

    /// Calls `body` with each record of the list the parser is on; a decoding problem is
    /// appended to `problems` by the decoder through the returned diagnostics.
    static func forEachRecord(
        _ events: YAMLEvents, filler: YAMLRecordFiller, schema: TableSchema, name: String, problems: inout [Diagnostic],
        _ body: (inout FieldDecoder) -> Void
    ) throws(InputFailure) {
        if events.kind == .scalar && events.scalarIsNull { return }
        guard events.kind == .sequenceStart else {
            problems.append(Diagnostic(events.location, "\(schema.table) must be a list"))
            try events.skipNode()
            return
        }
        let row = RowValues(schema: schema, file: name)
        while try events.next() != .sequenceEnd {
            switch try filler.fill(row, from: events) {
            case .malformed(let diagnostic): problems.append(diagnostic)
            case .end: return
            case .row:
                var decoder = FieldDecoder(row: row)
                body(&decoder)
                problems.append(contentsOf: decoder.diagnostics)
            }
        }
    }

    private static func decodeReceivable(_ row: inout FieldDecoder, currencies: Currencies) -> Receivable? {
        let s = receivableSchema
        let currency = row.currency(s.slot(for: "currency")!, in: currencies).flatMap { currencies($0) }
        let number = row.text(0, required: true)
        let tenant = row.text(1, required: true)
        let source = row.choice(2, InvoiceSource.self, required: true)
        let sourceId = row.text(3, required: true)
        let issued = row.date(4, required: true)
        let due = row.date(5, required: true)
        guard let currency else { return nil }
        let total = row.money(7, currency: currency, required: true)
        let outstanding = row.money(8, currency: currency, required: true, allowNegative: false)
        guard row.isValid, let number, let tenant, let source, let sourceId, let issued, let due, let total, let outstanding else { return nil }
        return Receivable(number: number, tenantId: tenant, source: source, sourceId: sourceId, issueDate: issued, dueDate: due, total: total, outstanding: outstanding)
    }

    // MARK: writing

    public static func write(_ state: BillingState, to path: String, currencies: Currencies) throws {
        let writer = try BufferedWriter(path: path)
        let period = state.period.map(\.description) ?? ""
        try writer.write("""
        # tagih state after the run for \(period).
        # Hand it to the next month's run as input/state.yaml; do not edit by hand.
        version: \(version)
        period: \(YAMLText.quoted(period))
        next_sequence: \(state.nextSequence)

        """)
        try writer.write(state.receivables.isEmpty ? "receivables: []\n" : "receivables:\n")
        for receivable in state.receivables {
            let minorUnits = currencies(receivable.total.currency)?.minorUnits ?? 2
            let amount = { (money: Money) in YAMLText.quoted(ExactDecimal(units: money.minor, scale: minorUnits).description) }
            try writer.write("  - " + YAMLText.flow([
                "number": YAMLText.quoted(receivable.number),
                "tenant_id": YAMLText.quoted(receivable.tenantId),
                "source": receivable.source.rawValue,
                "source_id": YAMLText.quoted(receivable.sourceId),
                "issued": receivable.issueDate.description,
                "due": receivable.dueDate.description,
                "currency": receivable.total.currency.description,
                "total": amount(receivable.total),
                "outstanding": amount(receivable.outstanding),
            ]) + "\n")
        }
        try writer.close()
    }
}
