import Testing
@testable import TagihCore

/// Xendit and OY! rows for known transfers, every column worked out by hand from the
/// services' documentation, and each reason a transfer stays out of an upload.
@Suite struct PayoutRowTests {
    static func transfer(_ tenant: String = "KLK001", bank: String = "BCA", account: String = "1234567890",
                         holder: String = "KLINIK SEHAT SENTOSA", amount: Int64 = 12_500_000, currency: CurrencyCode = idr,
                         start: String = "2026-11-16", email: String = "finance@kliniksehat.example", phone: String = "0812-3456-7890") -> PayoutTransfer {
        let window = day(start)
        return PayoutTransfer(tenantId: tenant, reference: PayoutReference.make(tenant: tenant, window: PayoutWindow(tenantId: tenant, start: window, end: window.adding(days: 6))),
                              dated: window, amount: Money(minor: amount, currency: currency),
                              account: BankAccount(code: bank, account: account, holder: holder), email: email, phone: phone)
    }

    func xendit(_ transfer: PayoutTransfer, currencies: Currencies = currencies) -> Result<XenditRow, PayoutProblems> {
        XenditBatch.row(for: transfer, currencies: currencies)
    }

    func oy(_ transfer: PayoutTransfer, currencies: Currencies = currencies) -> Result<OYRow, PayoutProblems> {
        OYBulk.row(for: transfer, currencies: currencies)
    }

    func problems<Row>(_ result: Result<Row, PayoutProblems>) -> [PayoutProblem] {
        if case .failure(let failure) = result { return failure.problems }
        return []
    }

    @Test func everyColumnOfAXenditRow() throws {
        let row = try xendit(Self.transfer()).get()
        #expect(row.fields == [
            "PO-KLK001-20261116", // Reference ID: the transfer's reference
            "12500000", // Amount: whole rupiah, digits only
            "ID_BCA", // Channel Code: Xendit's, not 014
            "KLINIK SEHAT SENTOSA", // Bank Account Name
            "1234567890", // Bank Account Number
            "KLK001 261116", // Description: 13 characters, within BCA's 15
            "finance@kliniksehat.example", // Email
            "", "", // Email CC, Email BCC
        ])
        let mandiri = try xendit(Self.transfer("KLK002", bank: "Bank Mandiri", account: "1370012345678", holder: "MEDIKA PRIMA", amount: 7_825_500)).get()
        #expect(mandiri.fields == ["PO-KLK002-20261116", "7825500", "ID_MANDIRI", "MEDIKA PRIMA", "1370012345678", "KLK002 261116",
                                   "finance@kliniksehat.example", "", ""])
    }

    @Test func everyColumnOfAnOYRow() throws {
        let row = try oy(Self.transfer()).get()
        #expect(row.fields == [
            "KLINIK SEHAT SENTOSA", // Name: the account holder, for OY!'s name check
            "finance@kliniksehat.example", // Email
            "12500000", // Amount
            "014", // Bank Code: numeric, leading zero kept
            "1234567890", // Bank Account Number
            "6281234567890", // Phone Number: 0812-3456-7890 as E.164 digits
            "PO-KLK001-20261116", // Notes: the reference
        ])
        // No readable phone leaves the column empty rather than guessing.
        #expect(try oy(Self.transfer(phone: "")).get().phone == "")
        #expect(try oy(Self.transfer(phone: "call me")).get().phone == "")
    }

    @Test func descriptionsKeepTheDateAndFitEachBank() {
        let start = day("2026-11-02")
        let long = "klinik-sehat-sentosa-01" // KLINIKSEHATSENTOSA01, 20 letters and digits
        #expect(XenditBatch.description(tenantId: long, dated: start, limit: 14) == "KLINIKS 261102")
        #expect(XenditBatch.description(tenantId: long, dated: start, limit: 15) == "KLINIKSE 261102")
        #expect(XenditBatch.description(tenantId: long, dated: start, limit: 29) == "KLINIKSEHATSENTOSA01 261102")
        #expect(XenditBatch.description(tenantId: "---", dated: start, limit: 14) == "261102")
        #expect(XenditBatch.descriptionLimit(for: BankCode("014")!) == 15) // BCA
        #expect(XenditBatch.descriptionLimit(for: BankCode("008")!) == 14) // Mandiri
        #expect(XenditBatch.descriptionLimit(for: BankCode("009")!) == 14) // BNI
        #expect(XenditBatch.descriptionLimit(for: BankCode("002")!) == 29) // BRI
        #expect(XenditBatch.descriptionLimit(for: BankCode("451")!) == 14) // not listed: the shortest
        // Through a row: the same long tenant at Mandiri and at BRI.
        let mandiri = try? xendit(Self.transfer(long, bank: "008", account: "1370012345678", start: "2026-11-02")).get()
        #expect(mandiri?.description == "KLINIKS 261102")
        #expect(mandiri?.description.count == 14)
        let bri = try? xendit(Self.transfer(long, bank: "002", account: "012301012345501", start: "2026-11-02")).get()
        #expect(bri?.description == "KLINIKSEHATSENTOSA01 261102")
    }

    @Test func aBankXenditHasNoChannelForIsAProblemButOYTakesIt() throws {
        // 212 Bank Woori Saudara: on OY!'s list, but Xendit's channel list has no clear match.
        let transfer = Self.transfer(bank: "212", account: "1234567")
        let woori = try #require(BankDirectory.indonesia[BankCode("212")!])
        #expect(problems(xendit(transfer)) == [.bankNotOffered(woori, .xendit)])
        #expect(try oy(transfer).get().bankCode.digits == "212")
        #expect(PayoutFormat.xendit.problems(with: transfer.account) == [.bankNotOffered(woori, .xendit)])
        #expect(PayoutFormat.oy.problems(with: transfer.account) == [])
    }

    @Test func aBankNobodyKnowsIsAProblemInEveryFormat() {
        let transfer = Self.transfer(bank: "Bank Sejahtera Abadi")
        #expect(problems(xendit(transfer)) == [.unknownBank(written: "Bank Sejahtera Abadi")])
        #expect(problems(oy(transfer)) == [.unknownBank(written: "Bank Sejahtera Abadi")])
    }

    @Test func aHolderWithACommaAndQuotesIsKeptExactly() throws {
        let holder = #"KLINIK "SEHAT", SENTOSA"#
        #expect(try xendit(Self.transfer(holder: holder)).get().accountName == holder)
        #expect(try oy(Self.transfer(holder: holder)).get().name == holder)
        // Blanks at the ends are not part of a name.
        #expect(try oy(Self.transfer(holder: "  MEDIKA PRIMA ")).get().name == "MEDIKA PRIMA")
    }

    @Test func valuesASpreadsheetWouldRunAreRefusedNotQuoted() {
        for holder in ["=HYPERLINK(\"http://x.example\",\"KLINIK\")", "+62 KLINIK", "-KLINIK", "@SUM(A1)"] {
            let expected: [PayoutProblem] = [.formulaLike(.bankHolder, value: holder)]
            #expect(problems(xendit(Self.transfer(holder: holder))) == expected)
            #expect(problems(oy(Self.transfer(holder: holder))) == expected)
        }
        #expect(problems(oy(Self.transfer(email: "=cmd@x.example"))) == [.formulaLike(.email, value: "=cmd@x.example")])
        #expect(problems(oy(Self.transfer(holder: "KLINIK\nSEHAT"))) == [.controlCharacter(.bankHolder)])
        // Inside a value the same characters are harmless.
        #expect((try? oy(Self.transfer(holder: "KLINIK A+B")).get().name) == "KLINIK A+B")
    }

    @Test func accountNumbersAreDigitsOfTheBanksLength() throws {
        #expect(try oy(Self.transfer(account: "123-456 7890")).get().accountNumber == "1234567890")
        #expect(problems(oy(Self.transfer(account: "12345O7890"))) == [.accountNotDigits(written: "12345O7890")])
        let bca = try #require(BankDirectory.indonesia[BankCode("014")!])
        #expect(problems(oy(Self.transfer(account: "123456789"))) == [.accountLength(bca, digits: 9, expected: 10...10)])
        #expect(problems(xendit(Self.transfer(account: ""))) == [.empty(.bankAccount)])
        // BRI: Xendit asks for the 0 a 14-digit number lost; OY! gets the number as written.
        let bri = Self.transfer(bank: "BRI", account: "12301012345501")
        #expect(try xendit(bri).get().accountNumber == "012301012345501")
        #expect(try oy(bri).get().accountNumber == "12301012345501")
    }

    @Test func amountsMustBePositiveWholeRupiah() throws {
        let usd = CurrencyCode("USD")!
        #expect(problems(xendit(Self.transfer(currency: usd))) == [.currencyNotAccepted(usd, .xendit)])
        #expect(problems(oy(Self.transfer(currency: usd))) == [.currencyNotAccepted(usd, .oy)])
        #expect(problems(oy(Self.transfer(amount: 0))) == [.notPositive(Money(minor: 0, currency: idr))])
        // An operator billing IDR with 2 minor units: 12,500,000.00 goes, 12,500,000.50 cannot.
        let sen = Currencies(overrides: [idr: 2])
        #expect(try oy(Self.transfer(amount: 1_250_000_000), currencies: sen).get().amount == WholeRupiah(12_500_000))
        #expect(problems(oy(Self.transfer(amount: 1_250_000_050), currencies: sen)) == [.notWholeRupiah(Money(minor: 1_250_000_050, currency: idr))])
    }

    @Test func emailLimitsPerService() {
        let four = "a@x.example,b@x.example,c@x.example,d@x.example"
        #expect(problems(xendit(Self.transfer(email: four))) == [.tooManyEmails(count: 4, limit: 3, .xendit)])
        #expect((try? oy(Self.transfer(email: four)).get().email) == four)
        let long = String(repeating: "a", count: 250) + "@x.example"
        #expect(problems(oy(Self.transfer(email: long))) == [.emailsTooLong(length: 260, limit: 255, .oy)])
    }

    @Test func everyProblemOfATransferIsReportedAtOnce() {
        let transfer = Self.transfer(bank: "Bank XYZ", account: "abc", holder: "", currency: CurrencyCode("USD")!)
        #expect(problems(oy(transfer)) == [.unknownBank(written: "Bank XYZ"), .currencyNotAccepted(CurrencyCode("USD")!, .oy),
                                             .accountNotDigits(written: "abc"), .empty(.bankHolder)])
    }

    @Test func anUploadKeepsOrderAndListsWhatItLeftOut() throws {
        let good1 = Self.transfer("KLK001")
        let bad = Self.transfer("KLK002", holder: "=1+1")
        let good2 = Self.transfer("KLK003", bank: "008", account: "1370012345678", amount: 7_825_500)
        let upload = PayoutFormat.oy.upload([good1, bad, good2], currencies: currencies)
        guard case .oy(let rows) = upload.rows else { Issue.record("not OY! rows"); return }
        #expect(rows.map(\.notes) == ["PO-KLK001-20261116", "PO-KLK003-20261116"])
        #expect(upload.total == WholeRupiah(20_325_500))
        #expect(upload.issues == [PayoutIssue(format: .oy, tenantId: "KLK002", reference: "PO-KLK002-20261116",
                                              problem: .formulaLike(.bankHolder, value: "=1+1"))])
        #expect(upload.issues.first?.description ==
            "PO-KLK002-20261116 (tenant KLK002) left out of the OY! bulk disbursement file: bank_holder \"=1+1\" starts with =, which a spreadsheet runs as a formula; upload files carry no such value")
    }
}
