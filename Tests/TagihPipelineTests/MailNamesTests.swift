import Testing
@testable import TagihPipeline

/// A run's mail file names: made safe from invoice numbers, and a name taken twice gets `-2`,
/// `-3` (several receipts for one invoice), whatever kind of document took it first.
@Suite struct MailNamesTests {
    @Test func aNameTakenAgainIsCounted() {
        var names = MailOutput.Names()
        #expect(names.take("INV/2026/11/00031", ".eml") == "INV-2026-11-00031.eml")
        #expect(names.take("INV/2026/11/00031.receipt", ".eml") == "INV-2026-11-00031.receipt.eml")
        #expect(names.take("INV/2026/11/00031.receipt", ".eml") == "INV-2026-11-00031.receipt-2.eml")
        #expect(names.take("INV/2026/11/00031.receipt", ".eml") == "INV-2026-11-00031.receipt-3.eml")
        #expect(names.take("INV/2026/11/00032", ".eml") == "INV-2026-11-00032.eml")
        // A base whose counted name was already taken as a name of its own moves on past it.
        #expect(names.take("INV/2026/11/00031", ".eml") == "INV-2026-11-00031-2.eml")
        #expect(names.take("INV/2026/11/00031-3", ".eml") == "INV-2026-11-00031-3.eml")
        #expect(names.take("INV/2026/11/00031", ".eml") == "INV-2026-11-00031-4.eml")
    }
}
