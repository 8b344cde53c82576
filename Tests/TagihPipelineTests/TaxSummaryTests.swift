import Foundation
import Testing
import TestSupport

/// Rule 16's `PPN` sheet in `summary.xlsx` against the e-Faktur files of the same run, each
/// read by a real client (openpyxl, Python's XML parser): the sheet's DPP, DPP Nilai Lain and
/// PPN are the sums of the files' `TaxBase`, `OtherTaxBase` and `VAT`, to the rupiah.
@Suite struct TaxSummaryTests {
    static let script = #"""
    import glob, sys, openpyxl
    import xml.etree.ElementTree as ET
    folder = sys.argv[1]
    sums = {"TaxBase": 0, "OtherTaxBase": 0, "VAT": 0}
    invoices = 0
    for path in sorted(glob.glob(folder + "/efaktur/*.xml")):
        for invoice in ET.parse(path).getroot().iter("TaxInvoice"):
            invoices += 1
            for item in invoice.iter("GoodService"):
                for name in sums: sums[name] += float(item.find(name).text)
    sheet = openpyxl.load_workbook(folder + "/summary.xlsx")["PPN"]
    header = [cell.value for cell in sheet[1]]
    row = [cell.value for cell in sheet[2]]
    print(header)
    print(row)
    print([invoices, sums["TaxBase"], sums["OtherTaxBase"], sums["VAT"]])
    """#

    @Test func thePPNSheetIsTheSumOfTheImportFiles() throws {
        let base = Paths.temporaryFolder("tagih-ppn")
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("2026-11")
        let run = try runTagih(["run", "--input", Paths.root.appendingPathComponent("input").path,
                                "--state", Paths.root.appendingPathComponent("input/state.yaml").path, "--period", "2026-11", "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try runPython(Self.script, arguments: [output.path])
        #expect(check.status == 0, "\(check.stderr)")
        let lines = check.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        guard lines.count == 3 else { return }
        #expect(lines[0] == "['Bulan', 'Mata uang', 'Faktur pajak', 'DPP', 'DPP Nilai Lain', 'PPN']")
        // 15 tax invoices in the sample's file; the sheet says the same and sums the same.
        #expect(lines[1].hasPrefix("['November 2026', 'IDR', 15, "), "\(lines[1])")
        let sheet = lines[1].dropFirst("['November 2026', 'IDR', ".count).dropLast().split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        let files = lines[2].dropFirst().dropLast().split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        #expect(sheet == files, "sheet \(sheet), files \(files)")
        // PPN 12% on DPP Nilai Lain 11/12 is 11% of DPP: within a rupiah per invoice of it.
        if let dpp = files[1], let vat = files[3] { #expect(abs(vat - dpp * 0.11) <= 15, "\(vat) vs \(dpp)") }
    }
}
