import Foundation
import Testing
@testable import TagihCore
@testable import TagihPipeline

/// A run's warnings: the findings of several jobs and the settings' own warnings, in place
/// order whichever job finished first, made into text as they are read, and merged with the
/// rows left out in errors.csv.
@Suite struct WarningListTests {
    func at(_ file: String, _ line: Int) -> TagihCore.SourceLocation { TagihCore.SourceLocation(file: file, line: line, column: 1) }

    var list: WarningList {
        let summaryJob = [Finding(at("tenants.csv", 9), value: "T9", .unreadablePhone(tenant: "T9", useFor: "whatsapp.csv")),
                          Finding(at("tenants.csv", 2), value: "T2", .unreadablePhone(tenant: "T2", useFor: "whatsapp.csv"))]
        let taxJob = [Finding(at("tenants.csv", 2), value: "T2", .taxInvoicesSkipped(tenant: "T2", named: "INV-1", count: 1, reason: .buyerWithoutTaxId))]
        let settings = [Diagnostic(at("settings.yaml", 4), value: "x", "unknown key x")]
        return WarningList(texts: settings, findings: [summaryJob, taxJob], catalog: MessageCatalog())
    }

    @Test func warningsAreInPlaceOrderAndSayTheyAreWarnings() {
        let warnings = Array(list)
        #expect(warnings.map(\.location.file) == ["settings.yaml", "tenants.csv", "tenants.csv", "tenants.csv"])
        #expect(warnings.map(\.location.line) == [4, 2, 2, 9])
        #expect(warnings.allSatisfy { $0.message.hasPrefix("warning: ") })
        #expect(warnings[0].message == "warning: unknown key x")
        // Two at one place: by their text ("invoice ..." before "phone ...").
        #expect(warnings[1].message.hasPrefix("warning: invoice of tenant T2 (INV-1) gets no e-Faktur record"))
        #expect(warnings[2].message == "warning: phone of tenant T2 cannot be read as a phone number without guessing; left out of whatsapp.csv")
        // The same findings from jobs that finished the other way round: the same order.
        let swapped = WarningList(texts: [Diagnostic(at("settings.yaml", 4), value: "x", "unknown key x")],
                                  findings: [[Finding(at("tenants.csv", 2), value: "T2", .taxInvoicesSkipped(tenant: "T2", named: "INV-1", count: 1, reason: .buyerWithoutTaxId))],
                                             [Finding(at("tenants.csv", 2), value: "T2", .unreadablePhone(tenant: "T2", useFor: "whatsapp.csv")),
                                              Finding(at("tenants.csv", 9), value: "T9", .unreadablePhone(tenant: "T9", useFor: "whatsapp.csv"))]],
                                  catalog: MessageCatalog())
        #expect(Array(swapped) == warnings)
    }

    /// Rule 16's warning: one per tenant, naming its first three invoices left out in the
    /// order they were issued and counting the rest, under its first invoice's reason.
    @Test func invoicesLeftOutOfEFakturAreOneWarningPerTenant() {
        let tenants = Directory<Tenant>([("T1", Tenant(id: "T1", name: "A", email: "", currency: CurrencyCode("IDR")!, location: at("tenants.csv", 2))),
                                         ("T2", Tenant(id: "T2", name: "B", email: "", currency: CurrencyCode("IDR")!, location: at("tenants.csv", 3)))])
        let skipped: [(tenant: String, invoice: String, reason: TaxInvoices.SkipReason)] = [
            ("T2", "INV-1", .buyerWithoutTaxId), ("T1", "INV-2", .negativeLine), ("T2", "INV-3", .negativeLine),
            ("T2", "INV-4", .buyerWithoutTaxId), ("T2", "INV-5", .buyerWithoutTaxId), ("T2", "INV-6", .buyerWithoutTaxId)]
        var gathered = SkippedTaxInvoices(tenants: tenants)
        for item in skipped { gathered.add(tenant: item.tenant, invoice: item.invoice, reason: item.reason) }
        gathered.add(tenant: "T7", invoice: "INV-7", reason: .unknownTenant)
        // In the order the tenants were first met; the warning list sorts them by place.
        let findings = (0..<gathered.count).map(gathered.finding(at:))
        #expect((0..<gathered.count).map(gathered.location(at:)) == findings.map(\.location))
        #expect(findings.map(\.value) == ["T2", "T1", "T7"])
        #expect(findings.map(\.location.line) == [3, 2, 0])
        #expect(findings[2].location.file == "tenants")
        let catalog = MessageCatalog()
        #expect(catalog.text(findings[1].warning)
                == "invoice of tenant T1 (INV-2) gets no e-Faktur record: it has a taxable line below zero; make it in Coretax by hand")
        #expect(catalog.text(findings[0].warning)
                == "5 invoices of tenant T2 (INV-1, INV-3, INV-4 and 2 more) get no e-Faktur record: the tenant has no tax_id (NPWP or NIK); make them in Coretax by hand")
        #expect(catalog.text(findings[2].warning).hasPrefix("invoice of tenant T7 (INV-7) gets no e-Faktur record"))
        let list = WarningList(texts: [], findings: [gathered], catalog: catalog)
        #expect(list.map(\.location.line) == [0, 2, 3])
    }

    @Test func aSpanOverAMonthEndListsEachMonthsWarningsInTurn() {
        let later = WarningList(texts: [Diagnostic(at("a.csv", 1), "first of the next month")], findings: [], catalog: MessageCatalog())
        var joined = list
        joined += later
        #expect(joined.count == 5)
        #expect(joined.last?.message == "warning: first of the next month")
        #expect(Array(joined.prefix(4)) == Array(list))
        #expect(Array(WarningList() + later) == Array(later))
    }

    @Test func errorsFileMergesRowsLeftOutWithWarningsByPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("warnings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("errors.csv").path
        let errors = [Diagnostic(at("payments.csv", 3), value: "1,5", "amount \"1,5\" is not a decimal number"),
                      Diagnostic(at("tenants.csv", 5), value: "", "email is required")]
        try ErrorsFile.write(errors, warnings: list, to: path)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(whereSeparator: \.isNewline).map { $0.split(separator: ",").prefix(2).joined(separator: ",") }
        #expect(lines == ["file,line", "payments.csv,3", "settings.yaml,4", "tenants.csv,2", "tenants.csv,2", "tenants.csv,5", "tenants.csv,9"])
    }
}
