import TagihCore
import TagihIO

/// The read-and-validate stage for payments: every source in a fixed order (the native
/// table, then `stripe*.csv`, then `midtrans*.jsonl`, each by name), row by row, into `sink`.
/// Nothing is kept here, so memory does not grow with the number of rows.
final class PaymentIntake {
    /// File numbers used in spill records → file names.
    private(set) var files: [String] = []
    private(set) var rowsRead = 0
    private(set) var paymentsRead = 0

    func read(
        _ folder: InputFolder, decoding: PaymentDecoding, diagnostics: inout Diagnostics,
        sink: (Payment, UInt16) throws -> Void
    ) throws {
        var sources: [(String, Kind)] = []
        if let native = folder.tables["payments"] { sources.append((native, .native)) }
        sources += folder.stripeExports.map { ($0, .stripe) }
        sources += folder.midtransExports.map { ($0, .midtrans) }
        for (name, kind) in sources {
            let fileNumber = UInt16(files.count)
            files.append(name)
            do {
                let reader = try open(kind, path: folder.fullPath(name), name: name)
                try readRows(reader, kind: kind, fileNumber: fileNumber, decoding: decoding, diagnostics: &diagnostics, sink: sink)
            } catch let failure as InputFailure {
                for item in failure.diagnostics { diagnostics.add(item) }
            }
        }
        Progress.current.addRows(rowsRead % Progress.batch)
    }

    enum Kind { case native, stripe, midtrans }

    @inline(__always)
    private func countRow() {
        rowsRead += 1
        if rowsRead % Progress.batch == 0 { Progress.current.addRows(Progress.batch) }
    }

    private func open(_ kind: Kind, path: String, name: String) throws(InputFailure) -> any RowReader {
        switch kind {
        case .native:
            return try openTable(path: path, name: name, schema: Schemas.payments)
        case .stripe:
            let reader = try CSVReader(path: path, name: name, schema: Schemas.stripe)
            let created = [Schemas.stripe.slot(for: "created date (utc)")!, Schemas.stripe.slot(for: "created (utc)")!]
            guard created.contains(where: reader.hasColumn) else {
                throw InputFailure(Diagnostic(SourceLocation(file: name, line: 1, column: 1),
                    "the header has neither \"Created date (UTC)\" nor \"Created (UTC)\"; is this a Stripe payments export?"))
            }
            return reader
        case .midtrans:
            return try JSONLinesReader(path: path, name: name, schema: Schemas.midtrans)
        }
    }

    private func readRows(
        _ reader: any RowReader, kind: Kind, fileNumber: UInt16, decoding: PaymentDecoding, diagnostics: inout Diagnostics,
        sink: (Payment, UInt16) throws -> Void
    ) throws {
        let style = kind == .native ? decoding.settings.numberStyle : .dot
        while true {
            switch try reader.next() {
            case .end:
                return
            case .malformed(let diagnostic):
                countRow()
                diagnostics.add(diagnostic)
            case .row:
                countRow()
                var decoder = FieldDecoder(row: reader.row, style: style)
                let payment: Payment?
                switch kind {
                case .native: payment = decoding.native(&decoder)
                case .stripe: payment = decoding.stripe(&decoder)
                case .midtrans: payment = decoding.midtrans(&decoder)
                }
                if let payment, decoder.isValid {
                    paymentsRead += 1
                    try sink(payment, fileNumber)
                } else {
                    for item in decoder.diagnostics { diagnostics.add(item) }
                }
            }
        }
    }
}
