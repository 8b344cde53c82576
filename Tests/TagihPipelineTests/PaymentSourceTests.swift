import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihPipeline

/// The payment sources, read as a run reads them: status words, amounts, times, references.
@Suite struct PaymentSourceTests {
    static let tenants = "id,name,email\nKLK-001,Klinik,k@x.example\nNET-001,Budi,b@x.example\n"

    func payments(_ files: [String: String]) -> (payments: [String: Payment], problems: [String]) {
        let fixture = Fixture(files: files.merging(["tenants.csv": Self.tenants]) { a, _ in a })
        defer { fixture.remove() }
        let (folder, input, loadProblems) = load(fixture.path)
        var diagnostics = loadProblems
        var found: [String: Payment] = [:]
        let intake = PaymentIntake()
        try? intake.read(folder, decoding: PaymentDecoding(settings: input.settings, tenants: input.tenants),
                         diagnostics: &diagnostics) { payment, _ in found[payment.id] = payment }
        return (found, diagnostics.sorted.map(\.description))
    }

    @Test func stripeExport() {
        let (found, problems) = payments(["stripe-2026-11.csv": """
        id,Created (UTC),Amount,Amount Refunded,Currency,Fee,Status,Customer Email,reference (metadata),tenant_id (metadata)
        ch_1,2026-11-15 02:40:11,"1,165,500.00",0.00,idr,"35,800.00",Paid,a@x.example,INV/2026/11/00038,KLK-001
        ch_2,2026-11-16 17:30,277500.00,277500.00,idr,0,Refunded,,INV-2026-11-00031,
        ch_3,2026-11-17 10:00:00,1000.00,300.00,usd,32.00,Paid,,,
        ch_4,2026-11-18 10:00:00,277500.00,0.00,idr,0,Failed,,,

        """])
        #expect(problems == [])
        #expect(found["ch_1"]?.amount.minor == 1_165_500)
        #expect(found["ch_1"]?.fee?.minor == 35_800)
        #expect(found["ch_1"]?.status == .paid)
        #expect(found["ch_1"]?.reference == "INV/2026/11/00038")
        // "Created (UTC)" is UTC: 02:40 UTC is 09:40 in Jakarta.
        #expect(found["ch_1"]?.paidAt.description == "2026-11-15T02:40:11Z")
        #expect(found["ch_1"]?.method == "credit_card")
        #expect(found["ch_2"]?.status == .refunded)
        #expect(found["ch_2"]?.netReceived.minor == 0)
        #expect(found["ch_3"]?.status == .refunded) // partly refunded
        #expect(found["ch_3"]?.netReceived.minor == 70_000)
        #expect(found["ch_3"]?.amount.currency == CurrencyCode("USD"))
        #expect(found["ch_4"]?.status == .failed)
    }

    @Test func stripeExportWithoutACreatedColumnIsRefused() {
        let (_, problems) = payments(["stripe.csv": "id,Amount,Currency,Status\nch_1,1.00,usd,Paid\n"])
        #expect(problems == ["stripe.csv:1:1: the header has neither \"Created date (UTC)\" nor \"Created (UTC)\"; is this a Stripe payments export?"])
    }

    @Test("Midtrans transaction statuses", arguments: [
        ("capture", "accept", PaymentStatus.paid), ("settlement", "", .paid), ("capture", "challenge", .pending),
        ("pending", "", .pending), ("deny", "", .failed), ("cancel", "", .failed), ("expire", "", .expired),
        ("failure", "", .failed), ("refund", "", .refunded), ("partial_refund", "", .refunded),
    ] as [(String, String, PaymentStatus)])
    func midtransStatus(status: String, fraud: String, expected: PaymentStatus) {
        let fraudField = fraud.isEmpty ? "" : ",\"fraud_status\":\"\(fraud)\""
        let refund = status == "partial_refund" ? ",\"refund_amount\":\"77500.00\"" : ""
        let line = "{\"transaction_time\":\"2026-11-19 20:01:05\",\"transaction_status\":\"\(status)\",\"transaction_id\":\"t-1\",\"order_id\":\"INV-2026-11-00031\",\"gross_amount\":\"277500.00\",\"payment_type\":\"qris\"\(fraudField)\(refund)}\n"
        let (found, problems) = payments(["midtrans.jsonl": line])
        #expect(problems == [])
        #expect(found["t-1"]?.status == expected)
        #expect(found["t-1"]?.reference == "INV-2026-11-00031")
        #expect(found["t-1"]?.amount.minor == 277_500)
        if status == "refund" { #expect(found["t-1"]?.refunded.minor == 277_500) }
        if status == "partial_refund" { #expect(found["t-1"]?.netReceived.minor == 200_000) }
    }

    @Test func midtransTimesAreJakartaTimeAndVirtualAccountsNameTheirBank() {
        let (found, problems) = payments(["midtrans.jsonl": """
        {"transaction_time":"2026-11-08 19:45:10","transaction_status":"settlement","transaction_id":"t-2","settlement_time":"2026-11-08 19:46:02","payment_type":"bank_transfer","order_id":"INV-2026-10-00027","gross_amount":"199500.00","va_numbers":[{"va_number":"812345678901","bank":"bca"}]}
        {"transaction_time":"2026-11-09 10:00:00","transaction_status":"settlement","order_id":"APPT-1","gross_amount":"70000.00","payment_type":"gopay","custom_field1":"KLK-001","custom_field2":"appointment","custom_field3":"returning"}
        not json
        {"transaction_status":"settlement","order_id":"X","gross_amount":"1e3","transaction_time":"2026-11-09 10:00:00"}

        """])
        #expect(found["t-2"]?.paidAt.description == "2026-11-08T12:46:02Z")
        #expect(found["t-2"]?.method == "bank_transfer")
        #expect(found["t-2"]?.description == "BCA virtual account")
        // Without a transaction_id the order id identifies the payment.
        #expect(found["APPT-1"]?.purpose == .appointment)
        #expect(found["APPT-1"]?.tenantId == "KLK-001")
        #expect(found["APPT-1"]?.patientType == .returning)
        #expect(problems == [
            "midtrans.jsonl:3:1: expected a JSON object on this line",
            "midtrans.jsonl:4:66: gross_amount is in exponent form; write the digits out",
        ])
    }

    @Test func nativeTableSynonymsAndChecks() {
        let (found, problems) = payments(["payments.csv": """
        id,paid_at,amount,status,reference,tenant_id,method,currency,purpose
        P1,2026-11-18 09:12:00,300000,settlement,INV/2026/11/00032,NET-001,bank_transfer,,
        P2,2026-11-18T02:12:00Z,300000,succeeded,,NET-001,,,
        P3,2026-11-18 09:12:00,300000,refund,,NET-001,,,
        P4,2026-11-18 09:12:00,300000,lunas,,NET-001,,,
        P5,2026-11-18 09:12:00,300000.5,paid,,NET-001,,,
        P6,2026-11-18 09:12:00,60000,paid,,,qris,,appointment
        P7,2026-11-31 09:12:00,60000,paid,,,,,

        """])
        #expect(found["P1"]?.status == .paid)
        // An offset-less time is in the operator's zone (Jakarta): both are the same moment.
        #expect(found["P1"]?.paidAt == found["P2"]?.paidAt)
        #expect(found["P3"]?.status == .refunded)
        #expect(found["P3"]?.refunded.minor == 300_000)
        #expect(problems == [
            "payments.csv:5:31: status is not a payment status (paid, pending, failed, expired, refunded, or a gateway's word for one)",
            "payments.csv:6:24: amount has a fraction, but IDR is billed in whole units",
            "payments.csv:7:36: tenant_id is required for appointment payments, which are paid out to a tenant",
            "payments.csv:8:4: paid_at is not a day of the calendar",
        ])
    }

    @Test func theYAMLFormOfTheSamplePaymentsReadsTheSameAsTheCSVForm() throws {
        let root = Paths.root
        let csv = try String(contentsOf: root.appendingPathComponent("input/payments.csv"), encoding: .utf8)
        let yaml = try String(contentsOf: root.appendingPathComponent("Tests/TagihPipelineTests/Fixtures/payments.yaml"), encoding: .utf8)
        let tenants = try String(contentsOf: root.appendingPathComponent("input/tenants.csv"), encoding: .utf8)
        func read(_ name: String, _ text: String) -> [Payment] {
            let fixture = Fixture(files: [name: text, "tenants.csv": tenants])
            defer { fixture.remove() }
            let (folder, input, loadProblems) = load(fixture.path)
            var diagnostics = loadProblems
            var found: [Payment] = []
            try? PaymentIntake().read(folder, decoding: PaymentDecoding(settings: input.settings, tenants: input.tenants),
                                      diagnostics: &diagnostics) { payment, _ in
                var payment = payment
                payment.source = SourceLocation(file: "", line: payment.source.line, column: 0)
                found.append(payment)
            }
            #expect(diagnostics.isEmpty)
            return found
        }
        let fromCSV = read("payments.csv", csv)
        #expect(fromCSV.count == 12)
        #expect(fromCSV == read("payments.yaml", yaml))
    }
}
