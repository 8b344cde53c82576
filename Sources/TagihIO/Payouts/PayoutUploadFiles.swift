import TagihCore

/// The upload files of the formats settings name, written beside `payouts.csv`.
///
/// Names: `payouts-<format>-<n>.<ext>`, numbered from 1 even when one file holds the whole
/// batch, so a script picking them up never has two patterns to match: `payouts-xendit-1.xlsx`,
/// `payouts-oy-1.csv`, `payouts-oy-2.csv`. A batch past the service's row limit goes on in the
/// next file, in the same order.
public enum PayoutUploadFiles {
    public static func fileExtension(_ format: PayoutFormat) -> String {
        switch format {
        case .xendit: return "xlsx"
        case .oy: return "csv"
        }
    }

    public static func name(_ format: PayoutFormat, part: Int) -> String {
        "payouts-\(format.rawValue)-\(part).\(fileExtension(format))"
    }

    /// Writes the upload's rows into `folder` (nothing when it has none) and returns the file
    /// names in order. `created` dates Excel workbooks.
    public static func write(_ upload: PayoutUpload, into folder: String, created: Instant) throws -> [String] {
        switch upload.rows {
        case .xendit(let rows): return try XenditBatchFile.write(rows, into: folder, created: created)
        case .oy(let rows): return try OYBulkFile.write(rows, into: folder)
        }
    }

    static func parts<Row>(of rows: [Row], limit: Int) -> [ArraySlice<Row>] {
        precondition(limit > 0, "a row limit must be positive")
        return stride(from: 0, to: rows.count, by: limit).map { rows[$0..<min($0 + limit, rows.count)] }
    }
}
