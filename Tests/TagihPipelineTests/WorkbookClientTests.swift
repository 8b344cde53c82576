import Foundation
import Testing
import TestSupport

/// The sample month's workbooks as a real client reads them: openpyxl (Debian's
/// python3-openpyxl, which `make test` installs). Values were worked out by hand from the
/// sample: NET-001's November bill is 250,000 less a 50,000 voucher plus 11% tax = 222,000.
@Suite struct WorkbookClientTests {
    static let script = #"""
    import datetime, sys, openpyxl
    folder = sys.argv[1]
    def book(name):
        return openpyxl.load_workbook(folder + "/" + name + ".xlsx")
    problems = []
    def expect(what, got, want):
        if got != want: problems.append("%s: got %r, want %r" % (what, got, want))

    # The sample's operator writes `locale: id`: sheet names, titles and words are Indonesian.
    invoices = book("invoices")
    expect("invoice sheets", invoices.sheetnames,
           ["Tagihan", "Rincian", "Voucher", "Nota kredit", "Pembatalan", "Piutang", "Perpanjangan"])
    sheet = invoices["Tagihan"]
    expect("frozen header and id column", sheet.freeze_panes, "B2")
    header = [cell.value for cell in sheet[1]]
    expect("first columns", header[:6], ["Nomor", "ID pelanggan", "Nama pelanggan", "ID sumber", "Tanggal terbit", "Jatuh tempo"])
    row = {header[i]: cell for i, cell in enumerate(sheet[2])}
    expect("number", row["Nomor"].value, "INV/2026/11/00031")
    expect("issue date is a date", row["Tanggal terbit"].value, datetime.datetime(2026, 11, 1))
    expect("due date", row["Jatuh tempo"].value, datetime.datetime(2026, 11, 20))
    expect("total is a number", row["Total"].value, 222000)
    expect("total's format shows rupiah", row["Total"].number_format, '"Rp "#,##0;-"Rp "#,##0')
    expect("discount", row["Diskon"].value, 50000)
    expect("tax", row["Pajak"].value, 22000)
    expect("status in Indonesian", row["Status"].value, "lunas")

    payments = book("payments")
    expect("payment sheets", payments.sheetnames[0], "Pembayaran")
    paid_at = payments["Pembayaran"]["C2"].value
    expect("paid at is a date and time", isinstance(paid_at, datetime.datetime), True)

    overdue = book("overdue")
    expect("overdue sheets", overdue.sheetnames, ["Tunggakan", "Umur piutang"])
    first = [cell.value for cell in overdue["Tunggakan"][2]]
    expect("worst first", first[0], "NET-005")
    expect("service id", first[3], "pppoe-net-005")
    expect("days overdue", first[8], 41)
    expect("action in words", first[11], "pemutusan")

    periods = {"invoices": "November 2026", "payments": "November 2026", "summary": "November 2026",
               "statements": "November 2026", "overdue": "per 30 November 2026", "disbursements": "per 30 November 2026"}
    for name, period in sorted(periods.items()):
        workbook = book(name)
        for sheet in workbook.worksheets:
            where = "%s!%s" % (name, sheet.title)
            # Printed: A4, one page wide, who, what and when on top, page numbers below.
            expect(where + " paper", sheet.page_setup.paperSize, 9)
            expect(where + " fit to width", (sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.page_setup.fitToHeight), (True, 0))
            expect(where + " page header", (sheet.oddHeader.left.text, sheet.oddHeader.right.text), ("PT NusaNet Solusi Digital", period))
            expect(where + " page numbers", sheet.oddFooter.right.text, "Halaman &P dari &N")
            expect(where + " print titles", sheet.print_title_rows, "$1:$1")
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value[:1] in "=+-@" and cell.data_type == "f":
                        problems.append("%s!%s is a formula" % (where, cell.coordinate))
            # Totals rows (`Jumlah IDR`) equal the sums of the money cells above them in that
            # currency, known by their format (`"Rp "#,##0`, `"$ "#,##0.00`).
            symbols = {"Rp": "IDR", "$": "USD"}
            def currency(cell):
                format = cell.number_format
                return symbols.get(format[1:format.index(" ")]) if format.startswith('"') else None
            rows = list(sheet.iter_rows())
            titles = [cell.value for cell in rows[0]]
            totals = [r for r in rows if isinstance(r[0].value, str) and r[0].value.startswith("Jumlah ")]
            if not totals or sheet.title == "Jumlah": continue
            data = rows[1:[all(c.value is None for c in r) for r in rows].index(True)]
            for total in totals:
                code = total[0].value.split(" ")[1]
                for column, cell in enumerate(total):
                    if column == 0 or cell.value is None: continue
                    added = round(sum(r[column].value or 0 for r in data if currency(r[column]) == code), 2)
                    expect("%s %s %s" % (where, total[0].value, titles[column]), round(cell.value, 2), added)
            expect(where + " has a totals row for rupiah", any(t[0].value == "Jumlah IDR" for t in totals), True)
    print("\n".join(problems) if problems else "ok")
    """#

    @Test func theSampleWorkbooksReadInOpenpyxl() throws {
        let base = Paths.temporaryFolder("tagih-openpyxl")
        defer { try? FileManager.default.removeItem(at: base) }
        let output = base.appendingPathComponent("2026-11")
        let run = try runTagih(["run", "--input", Paths.root.appendingPathComponent("input").path,
                                "--state", Paths.root.appendingPathComponent("input/state.yaml").path, "--period", "2026-11", "--output", output.path])
        #expect(run.status == 0, "\(run.stderr)")
        let check = try runPython(Self.script, arguments: [output.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout == "ok\n")
    }
}
