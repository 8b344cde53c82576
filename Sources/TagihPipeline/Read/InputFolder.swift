import Foundation
import TagihCore
import TagihIO

/// The files of an input folder, found by name: `settings.yaml`, each table as `.csv` or
/// `.yaml`, the previous run's `state.yaml`, gateway exports and templates.
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

    public static let tableNames = ["tenants", "products", "subscriptions", "orders", "vouchers", "payments"]

    /// Lists the folder; two forms of one table are an error (which one would be right?).
    public static func scan(_ path: String) throws(InputFailure) -> InputFolder {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw InputFailure(Diagnostic(.file(path), "cannot read the input folder: \(error.localizedDescription)"))
        }
        var folder = InputFolder(path: path)
        var problems: [Diagnostic] = []
        for name in names {
            let lower = name.lowercased()
            let stem = lower.split(separator: ".").first.map(String.init) ?? lower
            if lower == "templates" { folder.hasTemplates = true; continue }
            if lower == "settings.yaml" || lower == "settings.yml" {
                if let other = folder.settings { problems.append(Diagnostic(.file(name), "both \(other) and \(name) exist; keep one")) }
                folder.settings = name
            } else if lower == "state.yaml" || lower == "state.yml" {
                folder.state = name
            } else if lower.hasPrefix("stripe") && lower.hasSuffix(".csv") {
                folder.stripeExports.append(name)
            } else if lower.hasPrefix("midtrans") && (lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson")) {
                folder.midtransExports.append(name)
            } else if tableNames.contains(stem), TableFormat(fileName: lower) != nil, lower.split(separator: ".").count == 2 {
                if let other = folder.tables[stem] {
                    problems.append(Diagnostic(.file(name), "both \(other) and \(name) exist; keep one form of the \(stem) table"))
                }
                folder.tables[stem] = name
            }
        }
        if folder.settings == nil {
            problems.append(Diagnostic(.file("settings.yaml"), "settings.yaml is missing from \(path)"))
        }
        if !problems.isEmpty { throw InputFailure(problems) }
        return folder
    }

    public func fullPath(_ name: String) -> String { path + "/" + name }
}
