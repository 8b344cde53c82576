import Foundation
import Testing
import TestSupport
@testable import TagihCore
@testable import TagihIO

/// OY! bulk files: exact bytes for known rows, read back with Python's csv module as a
/// client would, split past the row limit, the same bytes every time.
@Suite struct PayoutOYFileTests {
    static let rupiah = CurrencyCode("IDR")!

    static func row(_ n: Int, name: String = "KLINIK SEHAT SENTOSA", email: String = "finance@kliniksehat.example") -> OYRow {
        OYRow(name: name, email: email, amount: WholeRupiah(12_500_000 + Int64(n)), bankCode: BankCode("014")!,
              accountNumber: "0012345678", phone: "6281234567890", notes: "PO-KLK\(n)-20261116")
    }

    func bytes(_ path: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }

    @Test func knownRowsAsExactBytes() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [Self.row(0), Self.row(1, name: #"KLINIK "SEHAT", SENTOSA"#, email: "")]
        let names = try OYBulkFile.write(rows, into: folder.path)
        #expect(names == ["payouts-oy-1.csv"])
        let text = String(decoding: try bytes(folder.path + "/payouts-oy-1.csv"), as: UTF8.self)
        #expect(text == "Name,Email,Amount,Bank Code,Bank Account Number,Phone Number,Notes\r\n"
            + "KLINIK SEHAT SENTOSA,finance@kliniksehat.example,12500000,014,0012345678,6281234567890,PO-KLK0-20261116\r\n"
            + "\"KLINIK \"\"SEHAT\"\", SENTOSA\",,12500001,014,0012345678,6281234567890,PO-KLK1-20261116\r\n")
    }

    /// Python's csv module, as an upload client parses the file: every field must come back
    /// exactly, including a name with a comma and quotes and one starting with `=`.
    @Test func pythonsCSVModuleReadsBackEveryValueExactly() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let rows = [Self.row(0), Self.row(1, name: #"KLINIK "SEHAT", SENTOSA"#), Self.row(2, name: "=1+2"), Self.row(3, name: " PADDED ")]
        _ = try OYBulkFile.write(rows, into: folder.path)
        let script = """
        import csv, json, sys
        with open(sys.argv[1], newline="", encoding="utf-8") as f:
            print(json.dumps(list(csv.reader(f))))
        """
        let result = try runPython(script, arguments: [folder.path + "/payouts-oy-1.csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let read = try JSONDecoder().decode([[String]].self, from: Data(result.stdout.utf8))
        #expect(read == [OYRow.header] + rows.map(\.fields))
        // The `=` name went out as written: no `'` in front, unlike tagih's spreadsheet CSVs.
        #expect(read[3][0] == "=1+2")
        #expect(read[4][0] == " PADDED ")
    }

    @Test func pastTheRowLimitTheBatchGoesOnInTheNextFile() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let limit = PayoutFormat.oy.rowLimit
        #expect(limit == 25_000)
        let rows = (0...limit).map { Self.row($0) } // 25,001 transfers
        let names = try OYBulkFile.write(rows, into: folder.path)
        #expect(names == ["payouts-oy-1.csv", "payouts-oy-2.csv"])
        let first = String(decoding: try bytes(folder.path + "/payouts-oy-1.csv"), as: UTF8.self).split(separator: "\r\n")
        let second = String(decoding: try bytes(folder.path + "/payouts-oy-2.csv"), as: UTF8.self).split(separator: "\r\n")
        #expect(first.count == 1 + 25_000)
        #expect(second.count == 1 + 1)
        #expect(second.first.map(String.init) == OYRow.header.joined(separator: ","))
        #expect(first.last?.hasSuffix(",PO-KLK24999-20261116") == true)
        #expect(second.last?.hasSuffix(",PO-KLK25000-20261116") == true)
    }

    @Test func aSmallLimitSplitsInOrderAndNoRowsWriteNoFile() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = try OYBulkFile.write((0..<5).map { Self.row($0) }, into: folder.path, rowLimit: 2)
        #expect(names == ["payouts-oy-1.csv", "payouts-oy-2.csv", "payouts-oy-3.csv"])
        let notes = try names.map { name in
            String(decoding: try bytes(folder.path + "/" + name), as: UTF8.self).split(separator: "\r\n").dropFirst()
                .map { String($0.split(separator: ",").last ?? "") }
        }
        #expect(notes == [["PO-KLK0-20261116", "PO-KLK1-20261116"], ["PO-KLK2-20261116", "PO-KLK3-20261116"], ["PO-KLK4-20261116"]])
        let empty = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(try OYBulkFile.write([], into: empty.path) == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: empty.path) == [])
    }

    @Test func theSameRowsGiveTheSameBytesAndNothingIsOverwritten() throws {
        let a = Paths.temporaryFolder(), b = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        let rows = (0..<3).map { Self.row($0) }
        _ = try OYBulkFile.write(rows, into: a.path)
        _ = try OYBulkFile.write(rows, into: b.path)
        #expect(try bytes(a.path + "/payouts-oy-1.csv") == bytes(b.path + "/payouts-oy-1.csv"))
        #expect(throws: OutputError.self) { try OYBulkFile.write(rows, into: a.path) }
    }

    @Test func fromTransfersThroughTheUploadToTheFile() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let transfer = PayoutTransfer(tenantId: "KLK002", reference: "PO-KLK002-20261116", dated: try CivilDate.parse("2026-11-16").get(),
                                      amount: Money(minor: 7_825_500, currency: Self.rupiah),
                                      account: BankAccount(code: "Bank Mandiri", account: "1370012345678", holder: "MEDIKA PRIMA"),
                                      email: "admin@medikaprima.example", phone: "+62 812-9876-5432")
        let upload = PayoutFormat.oy.upload([transfer], currencies: Currencies())
        let names = try PayoutUploadFiles.write(upload, into: folder.path, created: Instant(seconds: 0))
        #expect(names == ["payouts-oy-1.csv"])
        #expect(String(decoding: try bytes(folder.path + "/payouts-oy-1.csv"), as: UTF8.self)
            == "Name,Email,Amount,Bank Code,Bank Account Number,Phone Number,Notes\r\n"
            + "MEDIKA PRIMA,admin@medikaprima.example,7825500,008,1370012345678,6281298765432,PO-KLK002-20261116\r\n")
    }
}
