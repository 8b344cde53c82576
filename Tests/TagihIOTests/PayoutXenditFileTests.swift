import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihIO

/// Xendit batch workbooks as openpyxl (a real client) reads them: the two sheets of Xendit's
/// template, every cell of a known row with its type, splitting at 10,000 rows, fixed bytes.
@Suite struct PayoutXenditFileTests {
    static let created = Instant(seconds: 1_795_305_600) // 2026-11-22 00:00 UTC

    static func row(_ n: Int, name: String = "KLINIK SEHAT SENTOSA") -> XenditRow {
        XenditRow(referenceId: "PO-KLK\(n)-20261116", amount: WholeRupiah(12_500_000 + Int64(n)), channelCode: XenditChannelCode("ID_BCA"),
                  accountName: name, accountNumber: "0012345678", description: "KLK\(n) 261116", email: "finance@kliniksehat.example")
    }

    /// Prints each sheet's name, then each row as JSON: [value, openpyxl data type, number format] per cell.
    static let dump = """
    import json, sys, openpyxl
    book = openpyxl.load_workbook(sys.argv[1])
    for sheet in book.worksheets:
        print("==", sheet.title)
        for row in sheet.iter_rows():
            print(json.dumps([[c.value, c.data_type, c.number_format] for c in row]))
    """

    func read(_ path: String) throws -> [String] {
        let result = try runPython(Self.dump, arguments: [path])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func theTemplateSheetCarriesEveryColumnExactly() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [Self.row(0), Self.row(1, name: #"KLINIK "SEHAT", SENTOSA"#), Self.row(2, name: "=1+2")]
        let names = try XenditBatchFile.write(rows, into: folder.path, created: Self.created)
        #expect(names == ["payouts-xendit-1.xlsx"])
        let lines = try read(folder.path + "/payouts-xendit-1.xlsx")
        #expect(lines == [
            "== Instructions",
            #"[["Xendit batch payout written by tagih", "s", "General"], [null, "n", "General"]]"#,
            #"[["File 1 of 1", "s", "General"], [null, "n", "General"]]"#,
            #"[["Transfers", "s", "General"], [3, "n", "General"]]"#,
            #"[["Total (IDR)", "s", "General"], [37500003, "n", "General"]]"#,
            #"[["The transfers are on the Template sheet. Upload this file as it is: Xendit Dashboard, Batch Payouts, Create.", "s", "General"], [null, "n", "General"]]"#,
            "== Template",
            #"[["Reference ID", "s", "General"], ["Amount", "s", "General"], ["Channel Code", "s", "General"], ["Bank Account Name", "s", "General"], ["Bank Account Number", "s", "General"], ["Description", "s", "General"], ["Email", "s", "General"], ["Email CC", "s", "General"], ["Email BCC", "s", "General"]]"#,
            // The amount a number without separators; the account number text with its zeros.
            #"[["PO-KLK0-20261116", "s", "General"], [12500000, "n", "General"], ["ID_BCA", "s", "General"], ["KLINIK SEHAT SENTOSA", "s", "General"], ["0012345678", "s", "General"], ["KLK0 261116", "s", "General"], ["finance@kliniksehat.example", "s", "General"], [null, "n", "General"], [null, "n", "General"]]"#,
            #"[["PO-KLK1-20261116", "s", "General"], [12500001, "n", "General"], ["ID_BCA", "s", "General"], ["KLINIK \"SEHAT\", SENTOSA", "s", "General"], ["0012345678", "s", "General"], ["KLK1 261116", "s", "General"], ["finance@kliniksehat.example", "s", "General"], [null, "n", "General"], [null, "n", "General"]]"#,
            // A text cell, not a formula (data type "s", not "f"), and no `'` added.
            #"[["PO-KLK2-20261116", "s", "General"], [12500002, "n", "General"], ["ID_BCA", "s", "General"], ["=1+2", "s", "General"], ["0012345678", "s", "General"], ["KLK2 261116", "s", "General"], ["finance@kliniksehat.example", "s", "General"], [null, "n", "General"], [null, "n", "General"]]"#,
        ])
    }

    @Test func pastTenThousandRowsTheBatchGoesOnInTheNextWorkbook() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(PayoutFormat.xendit.rowLimit == 10_000)
        let rows = (0...10_000).map { Self.row($0) } // 10,001 transfers
        let names = try XenditBatchFile.write(rows, into: folder.path, created: Self.created)
        #expect(names == ["payouts-xendit-1.xlsx", "payouts-xendit-2.xlsx"])
        let script = """
        import sys, openpyxl
        for path in sys.argv[1:]:
            sheet = openpyxl.load_workbook(path, read_only=True)["Template"]
            values = [row for row in sheet.iter_rows(values_only=True)]
            print(len(values) - 1, values[1][0], values[-1][0])
        """
        let result = try runPython(script, arguments: names.map { folder.path + "/" + $0 })
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "10000 PO-KLK0-20261116 PO-KLK9999-20261116\n1 PO-KLK10000-20261116 PO-KLK10000-20261116\n")
    }

    @Test func theSameRowsGiveTheSameBytesAndNothingIsOverwritten() throws {
        let a = Paths.temporaryFolder(), b = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let rows = (0..<3).map { Self.row($0) }
        _ = try XenditBatchFile.write(rows, into: a.path, created: Self.created)
        _ = try XenditBatchFile.write(rows, into: b.path, created: Self.created)
        let first = try Data(contentsOf: a.appendingPathComponent("payouts-xendit-1.xlsx"))
        #expect(first == (try Data(contentsOf: b.appendingPathComponent("payouts-xendit-1.xlsx"))))
        #expect(throws: OutputError.self) { try XenditBatchFile.write(rows, into: a.path, created: Self.created) }
        #expect(try XenditBatchFile.write([], into: b.path, created: Self.created) == [])
    }

    @Test func fromTransfersThroughTheUploadToTheWorkbook() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = try CivilDate.parse("2026-11-16").get()
        let transfers = [
            PayoutTransfer(tenantId: "KLK001", reference: "PO-KLK001-20261116", dated: start,
                           amount: Money(minor: 12_500_000, currency: CurrencyCode("IDR")!),
                           account: BankAccount(code: "014", account: "1234567890", holder: "KLINIK SEHAT SENTOSA"), email: "finance@kliniksehat.example"),
            PayoutTransfer(tenantId: "KLK009", reference: "PO-KLK009-20261116", dated: start,
                           amount: Money(minor: 1_000_000, currency: CurrencyCode("IDR")!),
                           account: BankAccount(code: "212", account: "1234567", holder: "KLINIK WOORI"), email: "w@x.example"),
        ]
        let upload = PayoutFormat.xendit.upload(transfers, currencies: Currencies())
        #expect(upload.issues.map(\.tenantId) == ["KLK009"])
        let names = try PayoutUploadFiles.write(upload, into: folder.path, created: Self.created)
        #expect(names == ["payouts-xendit-1.xlsx"])
        let lines = try read(folder.path + "/payouts-xendit-1.xlsx")
        #expect(lines.last == #"[["PO-KLK001-20261116", "s", "General"], [12500000, "n", "General"], ["ID_BCA", "s", "General"], ["KLINIK SEHAT SENTOSA", "s", "General"], ["1234567890", "s", "General"], ["KLK001 261116", "s", "General"], ["finance@kliniksehat.example", "s", "General"], [null, "n", "General"], [null, "n", "General"]]"#)
    }
}
