import Foundation
import TagihCore
import Testing
import TestSupport
@testable import TagihIO

/// A sheet longer than Excel's 1,048,576 rows goes on in `NAME (2)`, header repeated.
@Suite struct XlsxSheetTests {
    @Test func wrappedTextCountsItsLinesAsASpreadsheetWraps() {
        // At 7: "aaa bbb" fills a line, "ccc" starts the next.
        #expect(XlsxSheet.lines("aaa bbb ccc", width: 7) == 2)
        // A word longer than a line is broken where it reaches the end: 10 at 4 is 4, 4, 2.
        #expect(XlsxSheet.lines("abcdefghij", width: 4) == 3)
        #expect(XlsxSheet.lines("ab  cd", width: 5) == 1)
        #expect(XlsxSheet.lines("a\n\nb", width: 5) == 3)
        // Non-ASCII text is measured by characters, not bytes: "ééé ééé" fits 7.
        #expect(XlsxSheet.lines("ééé ééé", width: 7) == 1)
        #expect(XlsxSheet.lines("ééé ééé é", width: 7) == 2)
        // CR LF is one character, and not a line break of its own.
        #expect(XlsxSheet.lines("ab\r\ncd", width: 5) == 1)
        #expect(XlsxSheet.longestLine("abc\nabcdefg\nab") == 7)
        #expect(XlsxSheet.longestLine("ééé\néé") == 3)
        #expect(XlsxSheet.characters("ab\r\ncd") == 5)
        #expect(XlsxSheet.characters("Rp 1.500.000") == 12)
    }

    @Test func aSheetPastTheRowLimitContinuesOnASecondPart() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.xlsx").path
        let workbook = try XlsxWorkbook(path: path, created: Instant(seconds: 0), frame: PrintFrame(operatorName: "tagih", title: "Long", period: ""),
                                        currencies: Currencies())
        let sheet = try workbook.addSheet(SheetLayout(name: "Payments", columns: [Column("Row", .integer)]))
        // Row 1 is the header, so the first part holds 1,048,575 data rows; two more go on.
        let rows = XlsxWorkbook.maxRows - 1 + 2
        var row: [Cell] = [.integer(0)]
        for number in 1...rows {
            row[0] = .integer(number)
            try sheet.append(row)
        }
        #expect(sheet.rowCount == 1_048_577)
        #expect(sheet.rowsInCurrentPart == 2)
        try workbook.close()

        let entries = try ZipArchive.entries(of: path)
        let book = String(decoding: entries["xl/workbook.xml"] ?? [], as: UTF8.self)
        #expect(book.contains(#"<sheet name="Payments" sheetId="1" r:id="rId1"/><sheet name="Payments (2)" sheetId="2" r:id="rId2"/>"#))
        // Compared as Booleans: a failure must not print a 60 MB sheet.
        let first = String(decoding: entries["xl/worksheets/sheet1.xml"] ?? [], as: UTF8.self)
        let firstEnds = first.contains(#"<dimension ref="A1:A1048576"/>"#)
            && first.contains(#"<row r="1048576"><c r="A1048576" s="2"><v>1048575</v></c></row></sheetData><autoFilter ref="A1:A1048576"/>"#)
        #expect(firstEnds)
        let second = String(decoding: entries["xl/worksheets/sheet2.xml"] ?? [], as: UTF8.self)
        // The header row and the id column stay frozen on every part.
        #expect(second.contains(#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#))
        #expect(second.contains(#"<sheetData><row r="1"><c r="A1" s="1" t="inlineStr"><is><t>Row</t></is></c></row>"#
            + #"<row r="2"><c r="A2" s="2"><v>1048576</v></c></row><row r="3"><c r="A3" s="2"><v>1048577</v></c></row></sheetData>"#
            + #"<autoFilter ref="A1:A3"/>"#))
    }
}

/// A spreadsheet number is a double: past 2^53 minor units an amount would be rounded, so it
/// is written as exact text instead (issue 17).
@Suite struct XlsxMoneyTests {
    @Test func amountsPastTwoToTheFiftyThreeAreExactText() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("big.xlsx").path
        let workbook = try XlsxWorkbook(path: path, created: Instant(seconds: 0), frame: PrintFrame(operatorName: "tagih", title: "Big", period: ""),
                                        currencies: Currencies())
        let sheet = try workbook.addSheet(SheetLayout(name: "Amounts", columns: [Column("Amount", .money)]))
        let idr = CurrencyCode("IDR")!
        try sheet.append([.money(Money(minor: 9_007_199_254_740_993, currency: idr))])
        try sheet.append([.money(Money(minor: 9_007_199_254_740_992, currency: idr))])
        try workbook.close()
        let text = try XlsxDump.text(of: path)
        // The total, past 2^53 too, is exact text as well.
        #expect(text == "== Amounts\nAmount\nIDR 9007199254740993\nRp 9007199254740992\nIDR 18014398509481985\n", "\(text)")
    }
}

/// Issue 15: a sheet ends in a bold totals row per currency under its money columns, summed
/// as the rows stream past, the operator's currency first; amounts of two currencies are
/// never added together.
@Suite struct XlsxTotalsTests {
    @Test func eachCurrencyGetsItsOwnTotalsRow() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("totals.xlsx").path
        let idr = CurrencyCode("IDR")!, usd = CurrencyCode("USD")!
        let frame = PrintFrame(operatorName: "Klinik Ibu & Anak", title: "Tagihan", period: "November 2026",
                               pageNumbers: "Halaman {page} dari {pages}", total: "Jumlah", homeCurrency: idr)
        let workbook = try XlsxWorkbook(path: path, created: Instant(seconds: 0), frame: frame, currencies: Currencies())
        let sheet = try workbook.addSheet(SheetLayout(name: "Tagihan", columns: [
            Column("Nomor"), Column("Mata uang"), Column("Total", .money), Column("Hari", .integer), Column("Sisa", .money),
        ]))
        try sheet.append([.text("A"), .text("USD"), .money(Money(minor: 1_250, currency: usd)), .integer(3), .money(Money(minor: 250, currency: usd))])
        try sheet.append([.text("B"), .text("IDR"), .money(Money(minor: 1_500_000, currency: idr)), .integer(4), .empty])
        try sheet.append([.text("C"), .text("IDR"), .money(Money(minor: 250_000, currency: idr)), .integer(5), .money(Money(minor: 100_000, currency: idr))])
        let unsummed = try workbook.addSheet(SheetLayout(name: "Per mata uang", columns: [Column("Mata uang"), Column("Total", .money)], totals: false))
        try unsummed.append([.text("IDR"), .money(Money(minor: 1, currency: idr))])
        try workbook.close()

        let text = try XlsxDump.text(of: path)
        #expect(text == """
            == Tagihan
            Nomor | Mata uang | Total | Hari | Sisa
            A | USD | $ 12.5 | 3 | $ 2.5
            B | IDR | Rp 1500000 | 4
            C | IDR | Rp 250000 | 5 | Rp 100000
            Jumlah IDR |  | Rp 1750000 |  | Rp 100000
            Jumlah USD |  | $ 12.5 |  | $ 2.5
            == Per mata uang
            Mata uang | Total
            IDR | Rp 1

            """, "\(text)")
        let entries = try ZipArchive.entries(of: path)
        let first = String(decoding: entries["xl/worksheets/sheet1.xml"] ?? [], as: UTF8.self)
        // A4, fit to the page's width, header with `&` escaped, page numbers in the footer,
        // the id column frozen with the header, the filter over the data rows only.
        #expect(first.contains(#"<pageSetup paperSize="9" fitToHeight="0""#), "\(first)")
        #expect(first.contains("<oddHeader>&amp;LKlinik Ibu &amp;&amp; Anak&amp;CTagihan&amp;RNovember 2026</oddHeader>"))
        #expect(first.contains("<oddFooter>&amp;L&amp;A&amp;RHalaman &amp;P dari &amp;N</oddFooter>"))
        #expect(first.contains(#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#))
        #expect(first.contains(#"<autoFilter ref="A1:E4"/>"#))
    }
}
