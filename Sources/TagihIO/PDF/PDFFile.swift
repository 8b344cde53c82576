/// A PDF 1.5 file of A4 pages drawn with the Latin faces: catalog, page tree, document info,
/// the faces' prepared objects, then each page and its content, and the cross-reference table.
/// Nothing in it depends on the day or the process: no dates, no random file id.
enum PDFFile {
    static let catalogObject = 1
    static let pagesObject = 2
    static let infoObject = 3
    static let firstFontObject = 4

    /// The file for `pages`, each the drawing operators of one page, uncompressed.
    static func make(pages: [[UInt8]], metadata: PrintedDocument.Metadata, faces: LatinFaces) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(faces.objects.count + 8192 * pages.count + 2048)
        out += Array("%PDF-1.5\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".unicodeScalars.map { UInt8($0.value) })
        var offsets: [Int] = []
        let firstPage = firstFontObject + faces.objectOffsets.count
        func object(_ body: [UInt8]) {
            offsets.append(out.count)
            out += Array("\(offsets.count) 0 obj\n".utf8)
            out += body
            out += Array("\nendobj\n".utf8)
        }
        object(Array("<< /Type /Catalog /Pages \(pagesObject) 0 R >>".utf8))
        let kids = pages.indices.map { "\(firstPage + 2 * $0) 0 R" }.joined(separator: " ")
        object(Array("<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>".utf8))
        var info = "<< /Producer (tagih)"
        for (key, value) in [("Title", metadata.title), ("Author", metadata.author), ("Subject", metadata.subject)] where !value.isEmpty {
            info += " /\(key) <FEFF\(utf16Hex(TextBlock.printable(value)))>"
        }
        object(Array((info + " >>").utf8))
        let base = out.count
        offsets += faces.objectOffsets.map { base + $0 }
        out += faces.objects
        let resources = "<< /Font << /\(faces.regular.resource) \(firstFontObject) 0 R /\(faces.bold.resource) \(firstFontObject + LatinFaces.Face.objectCount) 0 R >> >>"
        let box = "[0 0 \(number(PDFStyle.pageWidth)) \(number(PDFStyle.pageHeight))]"
        for page in pages {
            let content = offsets.count + 2
            object(Array("<< /Type /Page /Parent \(pagesObject) 0 R /MediaBox \(box) /Resources \(resources) /Contents \(content) 0 R >>".utf8))
            object(stream(try Deflate.compress(page, level: 1), extra: "/Filter /FlateDecode"))
        }
        let xref = out.count
        out += Array("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8)
        for offset in offsets {
            let digits = String(offset)
            out += Array((String(repeating: "0", count: max(0, 10 - digits.count)) + digits + " 00000 n \n").utf8)
        }
        out += Array("trailer\n<< /Size \(offsets.count + 1) /Root \(catalogObject) 0 R /Info \(infoObject) 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8)
        return out
    }

    /// A stream object's body: dictionary, then the data.
    static func stream(_ data: [UInt8], extra: String) -> [UInt8] {
        Array("<< /Length \(data.count) \(extra) >>\nstream\n".utf8) + data + Array("\nendstream".utf8)
    }

    static func hex4(_ value: Int) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [12, 8, 4, 0].map { digits[(value >> $0) & 0xF] }, as: UTF8.self)
    }

    private static func utf16Hex(_ text: String) -> String {
        text.utf16.map { hex4(Int($0)) }.joined()
    }

    /// A coordinate to three decimals without trailing zeros: exact enough for print (a
    /// thousandth of a point) and the same text on every machine.
    static func number(_ value: Double) -> String {
        var text: [UInt8] = []
        appendNumber(value, to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    static func appendNumber(_ value: Double, to out: inout [UInt8]) {
        var thousandths = Int((value * 1000).rounded())
        if thousandths < 0 {
            out.append(UInt8(ascii: "-"))
            thousandths = -thousandths
        }
        appendInteger(thousandths / 1000, to: &out)
        var fraction = thousandths % 1000
        guard fraction != 0 else { return }
        out.append(UInt8(ascii: "."))
        var digits = 3
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    static func appendInteger(_ value: Int, to out: inout [UInt8]) {
        if value >= 10 { appendInteger(value / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(value % 10))
    }
}
