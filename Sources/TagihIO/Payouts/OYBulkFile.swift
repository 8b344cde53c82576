import TagihCore

/// OY! bulk disbursement uploads: CSV (OY! takes "an xlsx or csv file"), UTF-8 without a
/// byte-order mark (which would stick to the first header name), comma-separated, CRLF, the
/// header row first, at most `PayoutFormat.oy.rowLimit` transfers a file.
public enum OYBulkFile {
    /// Writes `rows` into `folder` as `payouts-oy-1.csv`, `payouts-oy-2.csv`, ...; returns the
    /// file names, none when there are no rows.
    public static func write(_ rows: [OYRow], into folder: String, rowLimit: Int = PayoutFormat.oy.rowLimit) throws -> [String] {
        try PayoutUploadFiles.parts(of: rows, limit: rowLimit).enumerated().map { index, part in
            let name = PayoutUploadFiles.name(.oy, part: index + 1)
            let writer = try BufferedWriter(path: folder + "/" + name)
            var line = UploadCSV.line(OYRow.header)
            try line.withUnsafeBytes { try writer.write(bytes: $0) }
            for row in part {
                line = UploadCSV.line(row.fields)
                try line.withUnsafeBytes { try writer.write(bytes: $0) }
            }
            try writer.close()
            return name
        }
    }
}
