import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihIO

/// A run's invoices go to `invoices.bin` as they are issued and are read back from it: in order
/// by the writers, one at a time by the receipts. What a mail needs of an order invoice must
/// survive the trip.
@Suite struct JournalFileTests {
    let idr = CurrencyCode("IDR")!

    var orderInvoice: Invoice {
        let day = try! CivilDate.parse("2026-11-04").get()
        let line = InvoiceLine(productId: "SH-PRO", description: "StaffHub (Pro)", periodStart: day, periodEnd: day.adding(days: 29), quantity: 12,
                               unitPrice: ExactDecimal(units: 25_000), months: 1, net: Money(minor: 300_000, currency: idr), taxable: true)
        var invoice = Invoice(tenantId: "SCH-002", source: .order, sourceId: "O-7", issueDate: day, dueDate: day, currency: idr, lines: [line],
                              voucher: "HEMAT10", subtotal: Money(minor: 300_000, currency: idr), discount: Money(minor: 30_000, currency: idr),
                              tax: Money(minor: 29_700, currency: idr), taxMode: .exclusive, total: Money(minor: 299_700, currency: idr))
        invoice.number = "INV/2026/11/00037"
        invoice.sequence = 37
        var order = PendingOrder(orderId: "O-7", invoice: invoice.number, tenantId: "SCH-002", productId: "SH-PRO", type: .renew,
                                 subscriptionId: "SUB-2", createdAt: Instant(seconds: 1_793_762_400), expiresAt: Instant(seconds: 1_793_766_000),
                                 paymentCode: "PC-7", email: "admin@sdtunas.example", seats: 12, months: 1)
        order.onContract = true
        order.contractEnd = try! CivilDate.parse("2027-06-30").get()
        invoice.order = OrderInvoice(order)
        invoice.redeemed = ["HEMAT10"]
        return invoice
    }

    func written(_ invoices: [Invoice]) throws -> (path: String, offsets: [Int]) {
        let folder = Paths.temporaryFolder()
        let path = folder.appendingPathComponent("invoices.bin").path
        let writer = try JournalWriter(path: path)
        var offsets: [Int] = []
        for invoice in invoices {
            var record = ByteWriter()
            JournalCodec.write(invoice, &record)
            offsets.append(try writer.append(kind: JournalKind.invoice.rawValue, record))
        }
        try writer.close()
        return (path, offsets)
    }

    func expectSame(_ read: Invoice, _ invoice: Invoice) {
        #expect(read.number == invoice.number && read.sequence == 37 && read.total == invoice.total && read.lines.count == 1)
        #expect(read.order?.pending.email == "admin@sdtunas.example")
        #expect(read.order?.pending.createdAt == Instant(seconds: 1_793_762_400))
        #expect(read.order?.paymentCode == "PC-7" && read.order?.pending.onContract == true)
        #expect(read.order?.pending.contractEnd == (try! CivilDate.parse("2027-06-30").get()))
        #expect(read.redeemed == ["HEMAT10"])
    }

    @Test func anOrderInvoiceReadsBackInOrderAndByPlace() throws {
        var plain = orderInvoice
        plain.order = nil
        plain.redeemed = []
        plain.number = "INV/2026/11/00036"
        let (path, offsets) = try written([plain, orderInvoice])
        // The magic line is 16 bytes; the second record starts after the first.
        #expect(offsets[0] == 16 && offsets[1] > offsets[0])

        var inOrder: [Invoice] = []
        let reader = try JournalReader(path: path)
        while try reader.next({ (_: UInt8, bytes: UnsafeRawBufferPointer) -> Void in
            var input = ByteReader(bytes)
            inOrder.append(JournalCodec.readInvoice(&input))
        }) != nil {}
        #expect(inOrder.map(\.number) == ["INV/2026/11/00036", "INV/2026/11/00037"])
        #expect(inOrder[0].order == nil && inOrder[0].redeemed.isEmpty)
        expectSame(inOrder[1], orderInvoice)

        let records = try JournalRecords(path: path)
        let second = try records.read(at: offsets[1], kind: JournalKind.invoice.rawValue) { bytes in
            var input = ByteReader(bytes)
            return JournalCodec.readInvoice(&input)
        }
        expectSame(second, orderInvoice)
        // Not the start of a record: refused, not misread.
        #expect(throws: DamagedJournal.self) { try records.read(at: offsets[1] + 1, kind: JournalKind.invoice.rawValue) { _ in 0 } }
    }

    /// A journal written before the order was recorded (a month begun with an earlier tagih)
    /// still reads: its invoices have no order.
    @Test func aRecordWithoutTheOrderStillReads() {
        var record = ByteWriter()
        JournalCodec.write(orderInvoice, &record)
        var full = record.bytes
        // Cut after the tax mode: what follows it is the later addition.
        var probe = ByteWriter()
        var bare = orderInvoice
        bare.order = nil
        bare.redeemed = []
        JournalCodec.write(bare, &probe)
        full = Array(full[..<(probe.bytes.count - 5)])       // a missing-order flag and an empty list
        let read = full.withUnsafeBytes { bytes -> Invoice in
            var input = ByteReader(bytes)
            return JournalCodec.readInvoice(&input)
        }
        #expect(read.number == "INV/2026/11/00037" && read.total == Money(minor: 299_700, currency: idr) && read.taxMode == .exclusive)
        #expect(read.order == nil && read.redeemed.isEmpty)
    }

    /// The remittance passes read only a collection's window and skip its payment: the skip
    /// must land where reading the payment does, or every window after it would be misread.
    @Test func aCollectionsWindowReadsWithoutItsPayment() throws {
        let day = try CivilDate.parse("2026-11-01").get()
        let window = PayoutWindow(tenantId: "KLINIK-ANGGREK", start: day, end: day.adding(days: 6))
        let paid = Payment(id: "pay_1Q2w3E4r5T6y7U8i", status: .paid, paidAt: Instant(seconds: 1_793_500_000), amount: Money(minor: 150_000, currency: idr),
                           refunded: Money(minor: 20_000, currency: idr), fee: Money(minor: 4_500, currency: idr), reference: "APT-2026-11-0042",
                           tenantId: "KLINIK-ANGGREK", method: "qris", purpose: .appointment, patientType: .returning,
                           description: "Konsultasi dokter umum, Sabtu pagi", email: "pasien@contoh.example",
                           source: SourceLocation(file: "midtrans-2026-11.jsonl", line: 12, column: 1), copies: 2)
        var bare = paid
        bare.fee = nil
        bare.patientType = nil
        for payment in [paid, bare] {
            var record = ByteWriter()
            JournalCodec.write(CollectedPayment(payment: payment, window: window, fee: Money(minor: 3_000, currency: idr)), &record)
            let (peeked, full) = record.bytes.withUnsafeBytes { bytes -> (PayoutWindow, CollectedPayment) in
                var peek = ByteReader(bytes), input = ByteReader(bytes)
                return (JournalCodec.readCollectionWindow(&peek), JournalCodec.readCollection(&input))
            }
            #expect(peeked == window && full.window == window && full.payment.id == payment.id)
        }
    }

    /// A changed byte is caught by the checksum when the file is read whole; a reader told the
    /// file was already checked (a second pass in the same run) reads on without it.
    @Test func theChecksumCatchesAChangedByteUnlessTheFileWasCheckedBefore() throws {
        let (path, offsets) = try written([orderInvoice, orderInvoice])
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // A byte of the second record's total, past its frame: the record still reads.
        let total = offsets[1] + 5 + 40
        bytes[total] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        func readAll(verify: Bool) throws -> Int {
            let reader = try JournalReader(path: path, verify: verify)
            var count = 0
            while try reader.next({ (_: UInt8, _: UnsafeRawBufferPointer) in count += 1 }) != nil {}
            return count
        }
        #expect(throws: DamagedJournal.self) { _ = try readAll(verify: true) }
        #expect(try readAll(verify: false) == 2)
    }
}
