import Testing
@testable import TagihCore
@testable import TagihPipeline

/// Invoices found by number through their hashes and offsets: each number reads its own
/// invoice back, a number never written reads nothing, and an offset that reads back another
/// number is not taken for the one asked.
@Suite struct InvoiceOffsetsTests {
    static func invoice(_ number: String) -> Invoice {
        let idr = CurrencyCode("IDR")!
        var invoice = Invoice(tenantId: "T1", source: .subscription, sourceId: "S1", issueDate: CivilDate(daysSinceEpoch: 0),
                              dueDate: CivilDate(daysSinceEpoch: 0), currency: idr, lines: [], subtotal: .zero(idr), discount: .zero(idr),
                              tax: .zero(idr), taxMode: .exclusive, total: .zero(idr))
        invoice.number = number
        return invoice
    }

    @Test func eachNumberReadsItsOwnInvoice() throws {
        // A file of 5,000 invoices, each record 100 bytes long.
        let numbers = (1...5_000).map { "INV/2026/11/\($0)" }
        var offsets = InvoiceOffsets()
        for (place, number) in numbers.enumerated() { offsets.add(number, at: place * 100) }
        var reads = 0
        let read = { (offset: Int) -> Invoice in
            reads += 1
            return Self.invoice(numbers[offset / 100])
        }
        for number in ["INV/2026/11/1", "INV/2026/11/2500", "INV/2026/11/5000"] {
            #expect(try offsets.invoice(number, read: read)?.number == number)
        }
        #expect(reads == 3)
        #expect(try offsets.invoice("INV/2026/11/5001", read: read) == nil)
        #expect(offsets.count == 5_000)
        // A file that does not hold what was written where: nothing, rather than another invoice.
        #expect(try offsets.invoice("INV/2026/11/7") { _ in Self.invoice("INV/2026/11/8") } == nil)
    }
}
