#if canImport(Glibc)
import Glibc
#endif
import CXlsxWriter
import TagihCore

/// Xendit batch payout uploads. Xendit documents only an Excel template ("a single Excel
/// file upload") with two sheets, `Instructions` and `Template`, the rows on `Template` under
/// a header row; nothing says a CSV is taken, so these are .xlsx files of the same shape.
/// Cells hold exact values: text as text (an account number keeps its leading zeros; a text
/// cell is never a formula) and the amount as a plain number in the General format, so no
/// reader sees thousands separators. At most `PayoutFormat.xendit.rowLimit` transfers a file.
public enum XenditBatchFile {
    /// Writes `rows` into `folder` as `payouts-xendit-1.xlsx`, `payouts-xendit-2.xlsx`, ...;
    /// returns the file names, none when there are no rows. `created` is the workbook's
    /// creation date, fixed by the caller so the same rows give the same bytes.
    public static func write(_ rows: [XenditRow], into folder: String, created: Instant,
                             rowLimit: Int = PayoutFormat.xendit.rowLimit) throws -> [String] {
        let parts = PayoutUploadFiles.parts(of: rows, limit: rowLimit)
        return try parts.enumerated().map { index, part in
            let name = PayoutUploadFiles.name(.xendit, part: index + 1)
            try writeWorkbook(folder + "/" + name, rows: part, part: index + 1, of: parts.count, created: created)
            return name
        }
    }

    private static func writeWorkbook(_ path: String, rows: ArraySlice<XenditRow>, part: Int, of parts: Int, created: Instant) throws {
        // Outputs are only ever written fresh; libxlsxwriter would replace a file silently.
        guard access(path, F_OK) != 0 else { throw OutputError("cannot create \(path): it exists") }
        var options = lxw_workbook_options()
        options.constant_memory = 1
        guard let workbook = workbook_new_opt(path, &options) else { throw XlsxError("cannot create \(path)") }
        var closed = false
        defer { if !closed { _ = workbook_close(workbook) } }
        try "Xendit batch payout".withCString { title in
            try "tagih".withCString { author in
                var properties = lxw_doc_properties()
                properties.title = UnsafeMutablePointer(mutating: title)
                properties.author = UnsafeMutablePointer(mutating: author)
                properties.created = time_t(created.seconds)
                try check(workbook_set_properties(workbook, &properties), "setting properties of \(path)")
            }
        }
        guard let instructions = workbook_add_worksheet(workbook, "Instructions"),
              let template = workbook_add_worksheet(workbook, "Template") else { throw XlsxError("cannot add sheets to \(path)") }

        /// A whole number as a General number cell; past 2^53 a double would round it, so exact text instead.
        func number(_ value: Int64, _ sheet: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ column: lxw_col_t) throws {
            if value.magnitude <= 1 << 53 {
                try check(worksheet_write_number(sheet, row, column, Double(value), nil), "writing \(path)")
            } else {
                try check(worksheet_write_string(sheet, row, column, String(value), nil), "writing \(path)")
            }
        }

        let total = rows.reduce(Int64(0)) { $0 + $1.amount.value }
        let notes: [(String, Int64?)] = [
            ("Xendit batch payout written by tagih", nil),
            ("File \(part) of \(parts)", nil),
            ("Transfers", Int64(rows.count)),
            ("Total (IDR)", total),
            ("The transfers are on the Template sheet. Upload this file as it is: Xendit Dashboard, Batch Payouts, Create.", nil),
        ]
        for (index, (text, value)) in notes.enumerated() {
            try check(worksheet_write_string(instructions, lxw_row_t(index), 0, text, nil), "writing \(path)")
            if let value { try number(value, instructions, lxw_row_t(index), 1) }
        }

        for (column, title) in XenditRow.header.enumerated() {
            try check(worksheet_write_string(template, 0, lxw_col_t(column), title, nil), "writing \(path)")
        }
        for (offset, row) in rows.enumerated() {
            let line = lxw_row_t(offset + 1)
            for (column, value) in row.fields.enumerated() where !value.isEmpty {
                if XenditRow.header[column] == "Amount" {
                    try number(row.amount.value, template, line, lxw_col_t(column))
                } else {
                    try check(worksheet_write_string(template, line, lxw_col_t(column), value, nil), "writing \(path)")
                }
            }
        }
        closed = true
        try check(workbook_close(workbook), "writing \(path)")
    }
}
