/// A bank's or payout service's bulk-upload file that a run can write beside `payouts.csv`.
/// Only formats whose layout is published in full are here; see `notProvided`.
public enum PayoutFormat: String, CaseIterable, Sendable, Comparable, CustomStringConvertible {
    /// Xendit Batch Payouts: the dashboard's Excel template.
    case xendit
    /// OY! Indonesia Bulk Disbursement: the dashboard's CSV upload.
    case oy

    /// The service's name, for messages.
    public var title: String {
        switch self {
        case .xendit: return "Xendit batch payout"
        case .oy: return "OY! bulk disbursement"
        }
    }

    /// Most transfers one uploaded file may hold; longer batches are split.
    public var rowLimit: Int {
        switch self {
        case .xendit: return 10_000 // "up to 10,000 transactions ... with a single Excel file upload"
        case .oy: return 25_000 // "up to 25,000 transactions" per campaign
        }
    }

    public var description: String { rawValue }

    public static func < (lhs: PayoutFormat, rhs: PayoutFormat) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Names an operator may expect that tagih deliberately does not write, and why, so the
    /// settings error can say so instead of only "unknown".
    public static let notProvided: [String: String] = [
        "mandiri": "Mandiri MCM/Kopra publishes its bulk layout only in part, without the fields after the 18th or the format of bank codes",
        "mcm": "Mandiri MCM/Kopra publishes its bulk layout only in part, without the fields after the 18th or the format of bank codes",
        "bca": "KlikBCA Bisnis payroll files need BCA's own checksum tool and credit BCA accounts only",
        "klikbca": "KlikBCA Bisnis payroll files need BCA's own checksum tool and credit BCA accounts only",
        "iris": "Midtrans Iris does not publish its bulk upload columns",
        "midtrans": "Midtrans Iris does not publish its bulk upload columns",
        "flip": "Flip does not publish its bulk transfer template",
    ]
}
