import Foundation
import Testing
@testable import TagihCore
@testable import TagihIO
@testable import TagihPipeline

/// A run's dunning notices go to its `events.bin` as billing makes them, and the write stage
/// reads them back from there: in order, by tenant, or one at a time by place, each as it went
/// in. The other small records written after them read as before.
@Suite struct DunningRecordsTests {
    static let idr = CurrencyCode("IDR")!
    static func day(_ text: String) -> CivilDate { try! CivilDate.parse(text).get() }

    /// Three notices: T1's reminder and final notice, T2's reminder with a payment pending.
    static let notices = [
        DunningNotice(tenantId: "T1", day: day("2026-11-08"), action: "reminder",
                      invoices: [.init(number: "INV/2026/11/00001", dueDate: day("2026-11-01"), daysOverdue: 7, outstanding: Money(minor: 150_000, currency: idr))],
                      totals: [Money(minor: 150_000, currency: idr)], pending: nil),
        DunningNotice(tenantId: "T2", day: day("2026-11-08"), action: "reminder",
                      invoices: [.init(number: "INV/2026/10/00031", dueDate: day("2026-10-25"), daysOverdue: 14, outstanding: Money(minor: 99_900, currency: idr)),
                                 .init(number: "INV/2026/11/00002", dueDate: day("2026-11-01"), daysOverdue: 7, outstanding: Money(minor: 100_000, currency: idr))],
                      totals: [Money(minor: 199_900, currency: idr)], pending: Money(minor: 50_000, currency: idr)),
        DunningNotice(tenantId: "T1", day: day("2026-11-15"), action: "final_notice",
                      invoices: [.init(number: "INV/2026/11/00001", dueDate: day("2026-11-01"), daysOverdue: 14, outstanding: Money(minor: 150_000, currency: idr))],
                      totals: [Money(minor: 150_000, currency: idr)], pending: nil),
    ]

    static func folder() throws -> String {
        let path = NSTemporaryDirectory() + "tagih-dunning-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func noticesReadBackAsTheyWentIn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try JournalFiles(folder: folder)
        for notice in Self.notices { try files.dunning(notice) }
        try files.finishInvoices()
        var journal = RunJournal()
        journal.reconnections = [Reconnection(tenantId: "T3", day: Self.day("2026-11-20"), action: "disconnect")]
        let records = try files.finish(journal, balances: [])
        #expect(records.count == 3)

        var inOrder: [DunningNotice] = []
        try records.forEach { place, notice in
            #expect(place == inOrder.count)
            inOrder.append(notice)
        }
        #expect(inOrder == Self.notices)
        var tenants: [String] = []
        try records.forEachTenant { _, tenant in tenants.append(tenant) }
        #expect(tenants == ["T1", "T2", "T1"])
        // Out of order, as whatsapp.csv reads them: T2's pending payment and both its lines.
        let reader = try records.records()
        #expect(try records.notice(1, in: reader) == Self.notices[1])
        #expect(try records.notice(2, in: reader).action == "final_notice")
        #expect(try records.notice(0, in: reader) == Self.notices[0])
        // The record written after the notices reads as it did when it came first.
        #expect(try MonthJournal(runs: [folder]).reconnections.map(\.tenantId) == ["T3"])
    }

    @Test func aRunWithoutNoticesReadsNone() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try JournalFiles(folder: folder)
        try files.finishInvoices()
        let records = try files.finish(RunJournal(), balances: [])
        var count = 0
        try records.forEach { _, _ in count += 1 }
        #expect(records.count == 0 && count == 0)
    }

    @Test func aFileWithFewerNoticesThanWrittenIsDamaged() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = try JournalFiles(folder: folder)
        for notice in Self.notices.prefix(2) { try files.dunning(notice) }
        try files.finishInvoices()
        let written = try files.finish(RunJournal(), balances: [])
        // The same file said to hold a third notice: read in order, it is reported, not made up.
        let claimed = DunningRecords(path: written.path, offsets: written.offsets + [written.offsets[1]])
        #expect(throws: DamagedJournal.self) { try claimed.forEach { _, _ in } }
        // A place that holds no notice is reported too.
        let misplaced = DunningRecords(path: written.path, offsets: [written.offsets[0] + 1])
        #expect(throws: DamagedJournal.self) { try misplaced.notice(0, in: misplaced.records()) }
    }
}
