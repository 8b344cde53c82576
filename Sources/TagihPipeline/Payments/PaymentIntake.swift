import Dispatch
import Foundation
import Synchronization
import TagihCore
import TagihIO

/// Reading and validating payment files, row by row, into `sink`. The sources have a fixed
/// order (the native table, then `stripe*.csv`, then `midtrans*.jsonl`, each by name), which
/// numbers them; a run reads them side by side (`TakeInPayments`). Nothing is kept here, so
/// memory does not grow with the number of rows.
final class PaymentIntake {
    /// File numbers used in spill records → file names.
    private(set) var files: [String] = []
    private var counter = Progress.RowCounter()
    var rowsRead: Int { counter.rows }
    private(set) var paymentsRead = 0

    /// The payment files in reading order.
    static func sources(_ folder: InputFolder) -> [(name: String, kind: Kind)] {
        var sources: [(name: String, kind: Kind)] = []
        if let native = folder.tables["payments"] { sources.append((native, .native)) }
        sources += folder.stripeExports.map { ($0, .stripe) }
        sources += folder.midtransExports.map { ($0, .midtrans) }
        return sources
    }

    func read(
        _ folder: InputFolder, sources: [(name: String, kind: Kind)]? = nil, decoding: PaymentDecoding, diagnostics: inout Diagnostics,
        sink: (Payment, UInt16) throws -> Void
    ) throws {
        for (name, kind) in sources ?? Self.sources(folder) {
            let fileNumber = UInt16(files.count)
            files.append(name)
            do {
                let reader = try open(kind, path: folder.fullPath(name), name: name)
                try readRows(reader, kind: kind, fileNumber: fileNumber, decoding: decoding, diagnostics: &diagnostics, sink: sink)
            } catch let failure as InputFailure {
                for item in failure.diagnostics { diagnostics.add(item) }
            }
        }
        counter.finish()
    }

    enum Kind: Sendable { case native, stripe, midtrans }

    /// Validation alone (`tagih check`): nothing is sorted or kept, so the files are
    /// independent and are read side by side, the largest first, one per core. What is
    /// reported does not depend on the scheduling: diagnostics are sorted afterwards.
    static func validate(_ folder: InputFolder, decoding: PaymentDecoding) -> (diagnostics: Diagnostics, rowsRead: Int, paymentsRead: Int) {
        let all = Self.sources(folder)
        let sources = largestFirst(all, in: folder).map { all[$0] }
        let progress = Progress.current
        let results = Mutex<[(diagnostics: Diagnostics, rows: Int, payments: Int)]>([])
        DispatchQueue.concurrentPerform(iterations: sources.count) { index in
            Progress.$current.withValue(progress) {
                let intake = PaymentIntake()
                var diagnostics = Diagnostics()
                do {
                    try intake.read(folder, sources: [sources[index]], decoding: decoding, diagnostics: &diagnostics) { _, _ in }
                } catch {
                    diagnostics.add(Diagnostic(.file(sources[index].name), "\(error)"))
                }
                results.withLock { $0.append((diagnostics, intake.rowsRead, intake.paymentsRead)) }
            }
        }
        var diagnostics = Diagnostics()
        var rows = 0, payments = 0
        for result in results.withLock({ $0 }) {
            diagnostics.add(contentsOf: result.diagnostics)
            rows += result.rows
            payments += result.payments
        }
        return (diagnostics, rows, payments)
    }

    /// The places of `sources` in the order to read them side by side: the largest first, so
    /// the last to finish is a small one (ties in reading order).
    static func largestFirst(_ sources: [(name: String, kind: Kind)], in folder: InputFolder) -> [Int] {
        let sizes = sources.map { (try? FileManager.default.attributesOfItem(atPath: folder.fullPath($0.name))[.size] as? Int) ?? 0 }
        return sources.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
    }

    private func open(_ kind: Kind, path: String, name: String) throws(InputFailure) -> any RowReader {
        switch kind {
        case .native:
            return try openTable(path: path, name: name, schema: PaymentColumn.schema)
        case .stripe:
            let reader = try CSVReader(path: path, name: name, schema: StripeColumn.schema)
            let created = [StripeColumn.createdDateUtc.slot, StripeColumn.createdUtc.slot]
            guard created.contains(where: reader.hasColumn) else {
                throw InputFailure(Diagnostic(SourceLocation(file: name, line: 1, column: 1),
                    "the header has neither \"Created date (UTC)\" nor \"Created (UTC)\"; is this a Stripe payments export?"))
            }
            return reader
        case .midtrans:
            return try JSONLinesReader(path: path, name: name, schema: MidtransColumn.schema)
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
                counter.count()
                diagnostics.add(diagnostic)
            case .row:
                counter.count()
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
