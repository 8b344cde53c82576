import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A workbook as text a person can review: each sheet by name, then one line per row with
/// its cells separated by ` | `. Shared strings are resolved, numbers are written as stored,
/// cells whose style is a date format are shown as `YYYY-MM-DD`, and money cells with their
/// currency prefix (`Rp 1500000`) so a lost currency format shows.
public enum XlsxDump {
    public static func text(of path: String) throws -> String {
        let entries = try ZipArchive.entries(of: path)
        func part(_ name: String) -> Data { Data(entries[name] ?? []) }
        let strings = SharedStrings.parse(part("xl/sharedStrings.xml"))
        let styles = Styles.parse(part("xl/styles.xml"))
        let sheets = WorkbookSheets.parse(workbook: part("xl/workbook.xml"), relations: part("xl/_rels/workbook.xml.rels"))
        var out = ""
        for (name, target) in sheets {
            out += "== \(name)\n"
            let rows = SheetCells.parse(part("xl/" + target))
            for row in rows {
                let cells = row.map { cell -> String in
                    switch cell.type {
                    case "s": return Int(cell.value).flatMap { strings.indices.contains($0) ? strings[$0] : nil } ?? "?"
                    case "inlineStr", "str": return cell.value
                    case "b": return cell.value == "1" ? "TRUE" : "FALSE"
                    default:
                        let format = styles.format(of: cell.style)
                        if let format, Styles.isDate(format), let serial = Double(cell.value) {
                            return Self.date(serial)
                        }
                        return Self.number(cell.value, format: format)
                    }
                }
                out += cells.joined(separator: " | ") + "\n"
            }
        }
        return out
    }

    /// A number as its format shows it in short: a currency prefix (`Rp 100000`), a percent
    /// (`78.79%`), or the plain value for whole-number formats; other formats in brackets.
    static func number(_ value: String, format: String?) -> String {
        guard let format, !["General", "0", "#,##0"].contains(format) else { return value }
        if let open = format.firstIndex(of: "\""), let close = format[format.index(after: open)...].firstIndex(of: "\"") {
            return String(format[format.index(after: open)..<close]) + value
        }
        if format.hasSuffix("%"), let number = Double(value) {
            return String(format: "%.2f%%", number * 100)
        }
        return "\(value) [\(format)]"
    }

    /// Excel's day 0 is 1899-12-30.
    static func date(_ serial: Double) -> String {
        let days = Int(serial.rounded(.down)) - 25569
        let instant = Date(timeIntervalSince1970: Double(days) * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}

/// `xl/sharedStrings.xml`: the text of each `<si>`, runs joined.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    var current: String?
    var inText = false

    static func parse(_ data: Data) -> [String] {
        let delegate = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si", let current { strings.append(current); self.current = nil }
    }
}

/// `xl/styles.xml`: cell style index → number format code.
private final class Styles: NSObject, XMLParserDelegate {
    var formats: [Int: String] = [:]
    var cellFormats: [Int] = []
    var inCellXfs = false

    static let builtIn: [Int: String] = [0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 14: "mm-dd-yy", 22: "m/d/yy h:mm"]

    static func parse(_ data: Data) -> Styles {
        let delegate = Styles()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate
    }

    func format(of style: Int) -> String? {
        guard cellFormats.indices.contains(style) else { return nil }
        let id = cellFormats[style]
        return formats[id] ?? Styles.builtIn[id]
    }

    static func isDate(_ format: String) -> Bool {
        let stripped = format.replacingOccurrences(of: "\"[^\"]*\"", with: "", options: .regularExpression)
        return stripped.contains("yy") || stripped.contains("dd") || stripped.contains("mmm")
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { formats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "cellXfs" { inCellXfs = false }
    }
}

/// `xl/workbook.xml` with its relations: sheet names in order with their part paths.
private final class WorkbookSheets: NSObject, XMLParserDelegate {
    var sheets: [(name: String, id: String)] = []
    var targets: [String: String] = [:]

    static func parse(workbook: Data, relations: Data) -> [(String, String)] {
        let delegate = WorkbookSheets()
        for data in [workbook, relations] {
            let parser = XMLParser(data: data)
            parser.delegate = delegate
            parser.parse()
        }
        return delegate.sheets.compactMap { sheet in delegate.targets[sheet.id].map { (sheet.name, $0) } }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "sheet", let sheetName = attributes["name"], let id = attributes["r:id"] { sheets.append((sheetName, id)) }
        if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] {
            targets[id] = target.hasPrefix("/xl/") ? String(target.dropFirst(4)) : target
        }
    }
}

/// One worksheet's cells, row by row (empty cells in between kept as empty strings).
private final class SheetCells: NSObject, XMLParserDelegate {
    struct Cell { var column = 0; var type = "n"; var style = 0; var value = "" }
    var rows: [[Cell]] = []
    var row: [Cell]?
    var cell: Cell?
    var inValue = false

    static func parse(_ data: Data) -> [[Cell]] {
        let delegate = SheetCells()
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.parse()
        return delegate.rows
    }

    static func column(_ reference: String) -> Int {
        reference.unicodeScalars.prefix { $0.properties.isAlphabetic }.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        switch name {
        case "row": row = []
        case "c":
            cell = Cell(column: Self.column(attributes["r"] ?? "A"), type: attributes["t"] ?? "n", style: attributes["s"].flatMap(Int.init) ?? 0)
        case "v", "t": inValue = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inValue { cell?.value += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t": inValue = false
        case "c":
            if var cell, row != nil {
                while row!.count < cell.column { row!.append(Cell(column: row!.count, type: "inlineStr")) }
                if cell.type == "n" && cell.value.isEmpty { cell.type = "inlineStr" }
                row!.append(cell)
            }
            cell = nil
        case "row":
            if let row { rows.append(row) }
            row = nil
        default: break
        }
    }
}
