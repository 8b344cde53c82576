import Foundation
import TagihCore
import TagihIO

/// The files of an input folder, found by name: `settings.yaml`, each table as `.csv` or
/// `.yaml`, the previous run's `state.yaml`, gateway exports and templates. Every other file
/// is named in a warning: a misspelt export (`payment.csv`) must never be skipped in silence.
public struct InputFolder: Sendable {
    public let path: String
    /// Table name → file name (inside `path`).
    public private(set) var tables: [String: String] = [:]
    public private(set) var settings: String?
    public private(set) var state: String?
    /// `stripe*.csv`, in name order.
    public private(set) var stripeExports: [String] = []
    /// `midtrans*.jsonl`, in name order.
    public private(set) var midtransExports: [String] = []
    public private(set) var hasTemplates = false

    public static let tableNames = ["tenants", "products", "subscriptions", "orders", "vouchers", "changes", "adjustments", "payments"]

    init(path: String) { self.path = path }

    /// Lists the folder; two forms of one table (or of settings, or of the state) are an
    /// error: which one would be right? Files tagih does not read go to `warnings`.
    public static func scan(_ path: String, warnings: inout [Diagnostic]) throws(InputFailure) -> InputFolder {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw InputFailure(Diagnostic(.file(path).outside, "cannot read the input folder: \(MonthFolder.reason(error))"))
        }
        var folder = InputFolder(path: path)
        var problems: [Diagnostic] = []
        // tagih's own locks and work folders, when the output folder is inside the input folder.
        for name in names where !name.hasPrefix(".tagih") {
            let lower = name.lowercased()
            let parts = lower.split(separator: ".")
            let stem = parts.first.map(String.init) ?? lower
            var isDirectory: ObjCBool = false
            // An entry gone since the listing counts as a file: reading it then fails with its
            // name, where skipping it would leave its records out without a word.
            _ = FileManager.default.fileExists(atPath: path + "/" + name, isDirectory: &isDirectory)
            if lower == "templates" && isDirectory.boolValue {
                folder.hasTemplates = true
            } else if isDirectory.boolValue {
                warnings.append(Diagnostic(.file(name), "a folder tagih does not read; its files are not used"))
            } else if lower == "settings.yaml" || lower == "settings.yml" {
                if let other = folder.settings { problems.append(Diagnostic(.file(name), "both \(other) and \(name) exist; keep one")) }
                folder.settings = name
            } else if lower == "state.yaml" || lower == "state.yml" {
                if let other = folder.state { problems.append(Diagnostic(.file(name), "both \(other) and \(name) exist; keep one")) }
                folder.state = name
            } else if lower.hasPrefix("stripe") && lower.hasSuffix(".csv") {
                folder.stripeExports.append(name)
            } else if lower.hasPrefix("midtrans") && (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")) {
                folder.midtransExports.append(name)
            } else if tableNames.contains(stem), TableFormat(fileName: lower) != nil, parts.count == 2 {
                if let other = folder.tables[stem] {
                    problems.append(Diagnostic(.file(name), "both \(other) and \(name) exist; keep one form of the \(stem) table"))
                }
                folder.tables[stem] = name
            } else {
                warnings.append(Diagnostic(.file(name), unreadReason(lower)))
            }
        }
        if folder.settings == nil {
            problems.append(Diagnostic(.file("settings.yaml"), "settings.yaml is missing from \(path)"))
        }
        if !problems.isEmpty { throw InputFailure(problems) }
        return folder
    }

    /// Why a file is not read, with the name tagih would read when it looks like a slip.
    static func unreadReason(_ lower: String) -> String {
        let known = tableNames.map { ($0, "\($0).csv or \($0).yaml") } + [("stripe", "stripe*.csv"), ("midtrans", "midtrans*.jsonl")]
        for (word, expected) in known where lower.hasPrefix(String(word.prefix(5))) {
            return "not a file tagih reads, so nothing in it is used; did you mean \(expected)?"
        }
        return "not a file tagih reads, so nothing in it is used (tables are \(tableNames.joined(separator: ", ")) as .csv or .yaml, payments also stripe*.csv and midtrans*.jsonl)"
    }

    public func fullPath(_ name: String) -> String { path + "/" + name }
}
