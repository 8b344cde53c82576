import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihPipeline

/// payments.xlsx written on its own thread while payments are applied: the same file as
/// written in place, and a run that stops leaves no thread behind.
@Suite struct PaymentsWriterTests {
    static let idr = CurrencyCode("IDR")!
    static let period = Period(year: 2026, month: 11)!
    static let created = Instant(seconds: 1_795_000_000)

    /// More rows than the queue holds (`batchSize` × `queueLength`), so the sending side waits.
    static let rows: [(Payment, PaymentEffect)] = (0..<(PaymentsWriter.batchSize * PaymentsWriter.queueLength * 2 + 7)).map { row in
        (Payment(id: "P\(row)", status: .paid, paidAt: Instant(seconds: 1_794_000_000 + Int64(row) * 60), amount: Money(minor: 100_000 + Int64(row), currency: idr),
                 reference: "INV/2026/11/\(row)", tenantId: "T\(row % 97)", source: SourceLocation(file: "payments.csv", line: row + 2, column: 1)),
         PaymentEffect(.notSettled, currency: idr))
    }

    func settings() -> (Settings, Fixture) {
        let fixture = Fixture(files: ["tenants.csv": "id,name,email\nT1,Budi,b@x.example\n"])
        return (load(fixture.path).1.settings, fixture)
    }

    @Test func rowsSentThroughTheThreadGiveTheSameFileAsWrittenInPlace() throws {
        let (settings, fixture) = settings()
        defer { fixture.remove() }
        let inPlace = fixture.path + "/in-place.xlsx", threaded = fixture.path + "/threaded.xlsx"
        let book = try PaymentsWorkbook(settings: settings, period: Self.period, path: inPlace, created: Self.created)
        for (payment, effect) in Self.rows { try book.add(payment, effect) }
        try book.finish(try MonthJournal(runs: []), open: [])

        let writer = PaymentsWriter(earlierRuns: []) { try PaymentsWorkbook(settings: settings, period: Self.period, path: threaded, created: Self.created) }
        for (payment, effect) in Self.rows { try writer.send(payment, effect) }
        try writer.finish().finish(try MonthJournal(runs: []), open: [])
        writer.cancel() // after finishing: nothing left to stop

        let expected = try Data(contentsOf: URL(fileURLWithPath: inPlace))
        #expect(expected.count > 100_000)
        #expect(try Data(contentsOf: URL(fileURLWithPath: threaded)) == expected)
    }

    @Test func aRunThatStopsStopsTheThread() throws {
        let (settings, fixture) = settings()
        defer { fixture.remove() }
        let writer = PaymentsWriter(earlierRuns: []) {
            try PaymentsWorkbook(settings: settings, period: Self.period, path: fixture.path + "/stopped.xlsx", created: Self.created)
        }
        for (payment, effect) in Self.rows.prefix(PaymentsWriter.batchSize * 3) { try writer.send(payment, effect) }
        writer.cancel()
        // Rows after the stop are dropped, not waited on.
        for (payment, effect) in Self.rows.prefix(PaymentsWriter.batchSize * PaymentsWriter.queueLength * 2) { try writer.send(payment, effect) }
    }

    @Test func aWorkbookThatCannotBeMadeFailsTheRunWhenFinished() throws {
        let (settings, fixture) = settings()
        defer { fixture.remove() }
        let writer = PaymentsWriter(earlierRuns: []) {
            try PaymentsWorkbook(settings: settings, period: Self.period, path: fixture.path + "/no/such/folder/payments.xlsx", created: Self.created)
        }
        #expect(throws: (any Error).self) {
            for (payment, effect) in Self.rows { try writer.send(payment, effect) }
            try writer.finish().finish(try MonthJournal(runs: []), open: [])
        }
    }
}
