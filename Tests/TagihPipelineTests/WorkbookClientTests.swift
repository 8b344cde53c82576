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

    invoices = book("invoices")
    expect("invoice sheets", invoices.sheetnames[:3], ["Invoices", "Lines", "Vouchers"])
    sheet = invoices["Invoices"]
    expect("frozen header", sheet.freeze_panes, "A2")
    header = [cell.value for cell in sheet[1]]
    expect("first columns", header[:6], ["Number", "Tenant ID", "Tenant name", "Source ID", "Issue date", "Due date"])
    row = {header[i]: cell for i, cell in enumerate(sheet[2])}
    expect("number", row["Number"].value, "INV/2026/11/00031")
    expect("issue date is a date", row["Issue date"].value, datetime.datetime(2026, 11, 1))
    expect("due date", row["Due date"].value, datetime.datetime(2026, 11, 20))
    expect("total is a number", row["Total"].value, 222000)
    expect("total's format shows rupiah", row["Total"].number_format, '"Rp "#,##0;-"Rp "#,##0')
    expect("discount", row["Discount"].value, 50000)
    expect("tax", row["Tax"].value, 22000)

    payments = book("payments")
    expect("payment sheets", payments.sheetnames[0], "Payments")
    paid_at = payments["Payments"]["C2"].value
    expect("paid at is a date and time", isinstance(paid_at, datetime.datetime), True)

    overdue = book("overdue")
    expect("overdue sheets", overdue.sheetnames, ["Overdue", "Aging"])
    first = [cell.value for cell in overdue["Overdue"][2]]
    expect("worst first", first[0], "NET-005")
    expect("days overdue", first[7], 41)

    for name in ["summary", "disbursements"]:
        workbook = book(name)
        for sheet in workbook.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if isinstance(cell.value, str) and cell.value[:1] in "=+-@" and cell.data_type == "f":
                        problems.append("%s!%s is a formula" % (sheet.title, cell.coordinate))
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
