import Foundation

/// Noto Sans regular and bold cut to the characters of Indonesian and Western European text,
/// made into PDF font objects once per process and embedded as they are in every document the
/// fast writer makes. A document with any other character (an Arabic or Chinese name) goes to
/// pango and cairo instead, which pick the fonts for it.
final class LatinFaces: Sendable {
    /// The two cuts, smaller first; a document takes the first that covers it. Loaded on first
    /// use; empty when the fonts are missing or unreadable, and then every document takes the
    /// pango path, which reports the missing font by name.
    static let cuts: [LatinFaces] = {
        let directory = "/usr/share/fonts/truetype/noto"
        guard let western = try? LatinFaces(directory: directory, repertoire: LatinFaces.western, tags: ("TAGIHA", "TAGIHB")),
              let extended = try? LatinFaces(directory: directory, repertoire: LatinFaces.western + Array(0x100...0x17F), tags: ("TAGIHC", "TAGIHD"))
        else { return [] }
        return [western, extended]
    }()

    /// Space to "~", Latin-1 (Indonesian, English and Western European names), and the
    /// punctuation of typed text (dashes, curly quotes, bullet, ellipsis, per mille, euro,
    /// trade mark). The extended cut adds Latin Extended-A (Turkish, Polish, Czech names): 128
    /// glyphs more, a third more bytes in every file, so only documents that need it carry it.
    /// Noto Sans has no minus sign (U+2212): tagih prints negative amounts with "-", and a
    /// text with "−" goes to pango.
    static let western: [UInt32] = Array(0x20...0x7E) + Array(0xA0...0xFF)
        + [0x2010, 0x2011, 0x2013, 0x2014, 0x2018, 0x2019, 0x201A, 0x201C, 0x201D, 0x201E, 0x2022, 0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122]

    /// The first cut that covers `document`, if any.
    static func cut(for document: PrintedDocument) -> LatinFaces? {
        cuts.first { $0.covers(document) }
    }

    let regular: Face
    let bold: Face
    /// The objects of both faces, numbered from `PDFFile.firstFontObject`, and where each starts
    /// in these bytes.
    let objects: [UInt8]
    let objectOffsets: [Int]

    /// `tags` name the regular and bold subsets (six capitals, as PDF asks of a subset).
    init(directory: String, repertoire: [UInt32], tags: (String, String)) throws {
        regular = Face(try FontSubset(TrueTypeFont(path: directory + "/NotoSans-Regular.ttf"), scalars: repertoire),
                       resource: "R", name: tags.0 + "+NotoSans-Regular", stem: 80)
        bold = Face(try FontSubset(TrueTypeFont(path: directory + "/NotoSans-Bold.ttf"), scalars: repertoire),
                    resource: "B", name: tags.1 + "+NotoSans-Bold", stem: 140)
        // `covers` asks the regular face only.
        guard Set(regular.subset.glyphOfScalar.keys) == Set(bold.subset.glyphOfScalar.keys) else {
            throw PDFError("Noto Sans regular and bold cover different characters")
        }
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var number = PDFFile.firstFontObject
        for face in [regular, bold] {
            for object in try face.objects(from: number) {
                offsets.append(bytes.count)
                bytes += Array("\(number) 0 obj\n".utf8) + object + Array("\nendobj\n".utf8)
                number += 1
            }
        }
        objects = bytes
        objectOffsets = offsets
    }

    func face(_ font: Font) -> Face { font.bold ? bold : regular }

    /// Whether every character of every text of `document` has a glyph here.
    func covers(_ document: PrintedDocument) -> Bool {
        let texts = [document.title, document.number, document.recipientHeading, document.footer]
            + document.issuer + document.recipient
            + document.facts.flatMap { [$0.label, $0.value] } + document.columns.map(\.title)
            + document.rows.joined() + document.totals.flatMap { [$0.label, $0.value] }
            + document.notes.flatMap { [$0.heading, $0.text] }
        return texts.allSatisfy { covers(TextBlock.printable($0)) }
    }

    /// Whether every character of `text` has a glyph here (line breaks aside). The regular
    /// face is asked: the bold one has the same characters (checked when they are cut).
    func covers(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.value != 0x0A && regular.subset.glyphOfScalar[scalar.value] == nil {
            return false
        }
        return true
    }

    /// One face: its subset, the name its page resources give it, and its PDF objects.
    final class Face: Sendable {
        static let objectCount = 5
        let subset: FontSubset
        let resource: String
        let name: String
        let stem: Int
        /// Glyph and width of the characters below U+0180, by scalar: the common case without
        /// hashing.
        private let latin: [(glyph: UInt16, width: Int32)]

        init(_ subset: FontSubset, resource: String, name: String, stem: Int) {
            self.subset = subset
            self.resource = resource
            self.name = name
            self.stem = stem
            latin = (0..<0x180).map { scalar in
                let glyph = subset.glyphOfScalar[UInt32(scalar)] ?? 0
                return (glyph, Int32(subset.widths[Int(glyph)]))
            }
        }

        /// The glyph and width (thousandths of an em) of a covered character.
        @inline(__always)
        func glyph(_ scalar: UInt32) -> (glyph: UInt16, width: Int32) {
            if scalar < 0x180 { return latin[Int(scalar)] }
            let glyph = subset.glyphOfScalar[scalar] ?? 0
            return (glyph, Int32(subset.widths[Int(glyph)]))
        }

        /// Type0 font, CID font, descriptor, font program and ToUnicode map, numbered from
        /// `first` in that order.
        func objects(from first: Int) throws -> [[UInt8]] {
            let cid = first + 1, descriptor = first + 2, program = first + 3, toUnicode = first + 4
            let type0 = "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H /DescendantFonts [\(cid) 0 R] /ToUnicode \(toUnicode) 0 R >>"
            let widths = subset.widths.map(String.init).joined(separator: " ")
            let cidFont = "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor \(descriptor) 0 R /DW 0 /W [0 [\(widths)]] /CIDToGIDMap /Identity >>"
            let box = subset.boundingBox.map(String.init).joined(separator: " ")
            let descriptorText = "<< /Type /FontDescriptor /FontName /\(name) /Flags 32 /FontBBox [\(box)] /ItalicAngle 0 /Ascent \(subset.ascender) /Descent \(subset.descender) /CapHeight \(subset.capHeight) /StemV \(stem) /FontFile2 \(program) 0 R >>"
            let packedProgram = try Deflate.compress(subset.program)
            return [
                Array(type0.utf8), Array(cidFont.utf8), Array(descriptorText.utf8),
                PDFFile.stream(packedProgram, extra: "/Length1 \(subset.program.count) /Filter /FlateDecode"),
                PDFFile.stream(try Deflate.compress(Array(toUnicodeMap().utf8)), extra: "/Filter /FlateDecode"),
            ]
        }

        /// Glyph to character, so a reader copies and searches the text.
        private func toUnicodeMap() -> String {
            var text = """
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """
            let mapped = subset.scalarOfGlyph.enumerated().filter { $0.element != 0 }
            var start = 0
            while start < mapped.count {
                let block = mapped[start..<min(start + 100, mapped.count)]
                text += "\(block.count) beginbfchar\n"
                for (glyph, scalar) in block { text += "<\(PDFFile.hex4(glyph))> <\(PDFFile.hex4(Int(scalar)))>\n" }
                text += "endbfchar\n"
                start += 100
            }
            text += "endcmap\nCMapName currentdict /CMapResource defineresource pop\nend\nend\n"
            return text
        }
    }
}
