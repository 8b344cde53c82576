import Foundation
import Synchronization
import Testing
import TestSupport
@testable import TagihIO

/// The PDFs are read back with poppler (`pdftotext`, `pdfinfo`, `pdffonts`), a real PDF reader,
/// not by searching the renderer's own bytes.
@Suite struct PDFRendererTests {
    @Test func anIndonesianInvoiceReadsBackWithItsAmountsAndFacts() throws {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("invoice.pdf").path
        let rendered = try PDFRenderer().render(PDFSamples.indonesianInvoice(), to: path)
        #expect(rendered.pageCount == 1)
        #expect(rendered.missingGlyphs == 0)

        let text = try pdfText(path)
        for expected in ["FAKTUR", "No. INV-2026-11-00031", "PT Tagih Nusantara", "Budi Santoso", "Jatuh tempo", "15-11-2026",
                         "8808 1234 5678 9012", "Harga satuan", "Rp 450.000", "Total tagihan", "Rp 1.500.000",
                         "satu juta lima ratus ribu rupiah", "sah tanpa tanda", "1/1"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // A long description wraps inside its column: its second half is on the next line.
        #expect(text.contains("termasuk kabel hingga 50 meter"))

        let info = try run("pdfinfo", path)
        #expect(info.contains("Pages:           1"))
        #expect(info.contains("Title:           Faktur INV-2026-11-00031"))
        #expect(info.contains("Author:          PT Tagih Nusantara"))
        #expect(info.contains("A4"))
        #expect(!info.contains("CreationDate"))
    }

    /// Every line with an amount ends at the same x: the table's amounts and the totals line up.
    @Test func amountsAreFlushRight() throws {
        let words = try wordBoxes(PDFRenderer().render(PDFSamples.indonesianInvoice()).bytes)
        let amountLines = lines(words.filter { $0.page == 1 }).filter { line in line.contains { $0.text.hasSuffix("Rp") } }
        let rightEdges = amountLines.compactMap { line in line.map(\.xMax).max() }
        #expect(amountLines.count == 10) // seven rows and three totals
        let first = try #require(rightEdges.first)
        #expect(rightEdges.allSatisfy { abs($0 - first) < 0.05 }, "right edges \(rightEdges.sorted())")
        // Flush with the "Jumlah" column's heading too.
        let heading = try #require(words.first { $0.text == "Jumlah" })
        #expect(abs(heading.xMax - first) < 0.05)
    }

    @Test func anEnglishCreditNoteReadsBack() throws {
        let text = try pdfText(PDFRenderer().render(PDFSamples.englishCreditNote()).bytes)
        for expected in ["CREDIT NOTE", "No. CN-2026-11-00004", "BILL TO", "Sarah O'Connor", "For invoice", "INV-2026-10-00912",
                         "Description", "Service outage credit, 3 days", "Rp 105.000", "Total credited", "Rp 150.000",
                         "one hundred fifty thousand rupiah", "1/1"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    /// Arabic and Chinese names come out as their own letters, from the fallback fonts, in bold
    /// (the name line) and regular (a table cell).
    @Test func arabicAndChineseNamesKeepTheirGlyphs() throws {
        let document = PDFSamples.indonesianInvoice(
            recipient: ["王小明", "عبد الله بن محمد", "Jl. Gajah Mada 8, Jakarta"],
            rows: [["1", "Langganan untuk 李华 dan فاطمة الزهراء", "1", "Rp 100.000", "Rp 100.000"]]
        )
        let rendered = try PDFRenderer().render(document)
        #expect(rendered.missingGlyphs == 0)
        let text = try pdfText(rendered.bytes)
        for expected in ["王小明", "عبد الله بن محمد", "李华", "فاطمة الزهراء"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        let fonts = try pdfFonts(rendered.bytes)
        #expect(fonts.contains("NotoSansArabic"))
        #expect(fonts.contains("DroidSansFallback"))
    }

    /// A character no installed font has is counted, not silently dropped.
    @Test func missingGlyphsAreCounted() throws {
        var document = PDFSamples.englishCreditNote()
        document.recipient = ["Name \u{10FFFD}"] // a private-use character: no font draws it
        #expect(try PDFRenderer().render(document).missingGlyphs == 1)
    }

    @Test func aLongTableGoesOnOverPagesUnderItsHeader() throws {
        let rows = 120
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("long.pdf").path
        let rendered = try PDFRenderer().render(PDFSamples.longInvoice(rows: rows), to: path)
        let pages = rendered.pageCount
        #expect(pages >= 3)
        #expect(try run("pdfinfo", path).contains("Pages:           \(pages)\n"))

        var seen = 0
        for page in 1...pages {
            let text = try pdfText(path, page: page)
            #expect(text.contains("Harga satuan"), "no table header on page \(page)")
            #expect(text.contains("No. INV-2026-11-00031"), "no number on page \(page)")
            #expect(text.contains("\(page)/\(pages)"), "no page number on page \(page)")
            seen += (1...rows).filter { text.contains("Baris \($0) pemakaian") }.count
        }
        #expect(seen == rows) // every row once, none lost at a page break, none repeated
        #expect(try pdfText(path, page: pages).contains("Rp 1.500.000"))
    }

    /// Long names, unbreakable codes and long notes wrap; no word reaches into the margins.
    @Test func longTextsWrapInsideTheMargins() throws {
        let code = String(repeating: "VAbca8808x", count: 20)
        let longNote = Array(repeating: "Pembayaran dapat dilakukan melalui transfer bank ke rekening virtual yang tercantum.", count: 60).joined(separator: " ")
        var document = PDFSamples.indonesianInvoice(
            recipient: ["Koperasi Karyawan Perusahaan Listrik Negara Unit Induk Distribusi Jawa Barat dan Banten Cabang Bandung Utara", "Jl. Raya"],
            rows: [["1", "Kode \(code) akhir", "1", "Rp 1.000", "Rp 1.000"]]
        )
        document.facts.append(.init("Keterangan panjang untuk label", "Nilai yang sangat panjang sekali sampai harus dibungkus"))
        document.notes.append(.init(heading: "Syarat", longNote + " AKHIR"))
        let rendered = try PDFRenderer().render(document)
        #expect(rendered.pageCount == 2)
        let words = try wordBoxes(rendered.bytes)
        let outside = words.filter { $0.xMin < PDFStyle.marginX - 0.5 || $0.xMax > PDFStyle.pageWidth - PDFStyle.marginX + 0.5 || $0.yMax > PDFStyle.pageHeight - 20 }
        #expect(outside.isEmpty, "outside the margins: \(outside.prefix(5))")
        // The code is broken without hyphens (a reader must type it as printed).
        let codeText = words.map(\.text).joined().replacingOccurrences(of: "-", with: "")
        #expect(codeText.contains(code))
        #expect(!words.contains { $0.text.hasPrefix("VAbca") && $0.text.hasSuffix("-") })
        #expect(words.last { $0.text == "AKHIR" }?.page == 2)
    }

    @Test func theSameDocumentGivesTheSameBytes() throws {
        var long = PDFSamples.indonesianInvoice(recipient: ["王小明", "عبد الله بن محمد"])
        long.rows += PDFSamples.longInvoice(rows: 40).rows
        let document = long
        let renderer = try PDFRenderer()
        let first = try renderer.render(document).bytes
        #expect(try renderer.render(document).bytes == first)
        #expect(try PDFRenderer().render(document).bytes == first) // a fresh font map
        // Two threads at once, each with its own renderer, as the pipeline's workers will.
        let results = Mutex<[[UInt8]]>([])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            do {
                let own = try PDFRenderer()
                for _ in 0..<5 {
                    let bytes = try own.render(document).bytes
                    results.withLock { $0.append(bytes) }
                }
            } catch {
                failures.withLock { $0.append("\(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
        let all = results.withLock { $0 }
        #expect(all.count == 10)
        #expect(all.allSatisfy { $0 == first })
    }

    @Test func anUnwritablePathThrowsAndAnExistingFileIsKept() throws {
        let renderer = try PDFRenderer()
        let missing = "/nonexistent-\(UUID().uuidString)/invoice.pdf"
        let error = try #require(throws: PDFError.self) { try renderer.render(PDFSamples.englishCreditNote(), to: missing) }
        #expect(error.description.contains(missing))
        #expect(error.description.contains("No such file or directory"))

        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let existing = folder.appendingPathComponent("kept.pdf").path
        try Data("keep".utf8).write(to: URL(fileURLWithPath: existing))
        #expect(throws: PDFError.self) { try renderer.render(PDFSamples.englishCreditNote(), to: existing) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep")
    }

    /// Every part may be empty: what is left is a page with its footer's page number.
    @Test func anEmptyDocumentIsOnePage() throws {
        let empty = PrintedDocument(
            title: "", number: "", issuer: [], recipientHeading: "", recipient: [], facts: [], columns: [], rows: [],
            totals: [], notes: [], footer: "", metadata: .init(title: "", author: "")
        )
        let rendered = try PDFRenderer().render(empty)
        #expect(rendered.pageCount == 1)
        #expect(try pdfText(rendered.bytes).trimmingCharacters(in: .whitespacesAndNewlines) == "1/1")
        var headerOnly = empty
        headerOnly.columns = [.init("Keterangan"), .init("Jumlah", alignment: .trailing)]
        #expect(try pdfText(PDFRenderer().render(headerOnly).bytes).contains("Keterangan"))
    }

    @Test func aRowWithTheWrongNumberOfCellsIsRefused() throws {
        let document = PDFSamples.indonesianInvoice(rows: [["1", "Internet", "Rp 1.000"]])
        let error = try #require(throws: PDFError.self) { try PDFRenderer().render(document) }
        #expect(error.description == "table row 1 has 3 cells for 5 columns")
    }

    /// Control characters (a NUL would make pango refuse the text) are dropped; line breaks stay.
    @Test func controlCharactersAreDroppedNotFatal() throws {
        var document = PDFSamples.englishCreditNote()
        document.recipient = ["Bad\u{0}Name\u{7}", "Line one\r\nLine two"]
        let text = try pdfText(PDFRenderer().render(document).bytes)
        #expect(text.contains("BadName"))
        #expect(text.contains("Line one") && text.contains("Line two"))
        #expect(!text.contains("Line oneLine") && !text.contains("Line one Line"))
    }

    /// A document in Latin letters is written by tagih itself with the two prepared faces
    /// (Noto Sans regular and bold, subset once per process); qpdf finds the file sound and
    /// poppler reads the fonts as embedded TrueType with a Unicode map.
    @Test func aLatinDocumentIsWrittenWithThePreparedFaces() throws {
        let bytes = try PDFRenderer().render(PDFSamples.indonesianInvoice()).bytes
        let fonts = try pdfFonts(bytes)
        #expect(fonts.contains("TAGIHA+NotoSans-Regular") && fonts.contains("TAGIHB+NotoSans-Bold"), "\(fonts)")
        let rows = fonts.split(separator: "\n").filter { $0.contains("TAGIH") }
        #expect(rows.count == 2)
        // emb, sub, uni: embedded, a subset, with a ToUnicode map.
        #expect(rows.allSatisfy { $0.contains("CID TrueType") && $0.contains("Identity-H") && $0.contains("yes yes yes") }, "\(rows)")
        let check = try withFile(bytes) { try runProgram("qpdf", ["--check", $0]) }
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("No syntax or stream encoding errors found"))
        // A Turkish name takes the cut with Latin Extended-A, which only such documents carry.
        let turkish = try PDFRenderer().render(PDFSamples.indonesianInvoice(recipient: ["Çağlar Öztürk"]))
        let turkishFonts = try pdfFonts(turkish.bytes)
        #expect(turkishFonts.contains("TAGIHC+NotoSans-Regular") && turkishFonts.contains("TAGIHD+NotoSans-Bold"), "\(turkishFonts)")
        #expect(try pdfText(turkish.bytes).contains("Çağlar Öztürk"))
        #expect(turkish.bytes.count > bytes.count + 5000)
        // An Arabic name sends the whole document to pango and cairo, whose fonts cover it.
        let mixed = try PDFRenderer().render(PDFSamples.indonesianInvoice(recipient: ["عبد الله"])).bytes
        #expect(!(try pdfFonts(mixed)).contains("TAGIH"))
    }

    /// poppler draws the prepared faces' outlines without a complaint, and as much ink as the
    /// same document set by cairo from the original fonts: a glyph table cut wrong, hinting
    /// left half in place or an accent's parts renumbered wrong would draw other shapes, or
    /// none. (The layouts differ by pango's kerning only.)
    @Test func thePreparedFacesDrawLikeTheOriginalFonts() throws {
        for recipient in [["Budi Santoso"], ["Çağlar Öztürk", "Łódź, Żółć, Ŋ ŉ ĳ"]] {
            let document = PDFSamples.indonesianInvoice(recipient: recipient)
            let renderer = try PDFRenderer()
            var ink: [Int] = []
            for bytes in [try renderer.render(document).bytes, try renderer.renderWithPango(document).bytes] {
                let (drawn, image) = try withFile(bytes) { path in
                    let drawn = try runProgram("pdftoppm", ["-r", "50", "-gray", "-singlefile", path, path])
                    return (drawn, try Data(contentsOf: URL(fileURLWithPath: path + ".pgm")))
                }
                #expect(drawn.status == 0 && drawn.stderr.isEmpty, "\(drawn.stderr.prefix(300))")
                // PGM: a short header, then one byte a pixel, 255 white.
                ink.append(image.dropFirst(20).reduce(0) { $0 + 255 - Int($1) })
            }
            #expect(ink[0] > 100_000)
            #expect(abs(ink[0] - ink[1]) < ink[1] / 50, "ink \(ink[0]) against cairo's \(ink[1])")
        }
    }

    /// The prepared faces measure text as pango does with the same fonts (pango adds kerning,
    /// tagih does not: up to about 1% of a word's width, none between digits), and their lines
    /// are as tall, so a page plans alike on either path.
    @Test func theFastPathMeasuresLikePango() throws {
        let faces = try #require(LatinFaces.cuts.first)
        let pango = try Typesetter()
        let plain = PlainTypesetter(faces: faces)
        for style in [PDFStyle.cell, PDFStyle.title, PDFStyle.factValue] {
            for text in ["Rp 1.500.000", "INV-2026-11-00031", "Jl. Gajah Mada 8, Jakarta", "Biaya pemasangan", "Ä é ñ ø – “ok”"] {
                let theirs = try pango.block(text, style)
                let ours = plain.block(text, style, wrapWidth: nil, alignment: .leading)
                #expect(abs(theirs.width - ours.width) < 0.015 * theirs.width, "\(text) at \(style.font): \(theirs.width) vs \(ours.width)")
                #expect(abs(theirs.height - ours.height) < 0.05, "\(text): \(theirs.height) vs \(ours.height)")
                #expect(abs(theirs.lines[0].baseline - ours.lines[0].baseline) < 0.05)
            }
        }
    }

    // MARK: reading PDFs back

    struct Word: CustomStringConvertible {
        let page: Int
        let xMin: Double
        let xMax: Double
        let yMin: Double
        let yMax: Double
        let text: String
        var yMiddle: Double { (yMin + yMax) / 2 }
        var description: String { "\(text)@p\(page) x \(xMin)…\(xMax) y \(yMax)" }
    }

    /// Words grouped in lines by their vertical middle; words from different fonts on one line
    /// have slightly different boxes.
    func lines(_ words: [Word]) -> [[Word]] {
        var lines: [[Word]] = []
        for word in words.sorted(by: { $0.yMiddle < $1.yMiddle }) {
            if let first = lines.last?.first, abs(first.yMiddle - word.yMiddle) < 4 {
                lines[lines.count - 1].append(word)
            } else {
                lines.append([word])
            }
        }
        return lines
    }

    func run(_ tool: String, _ arguments: String...) throws -> String {
        let result = try runProgram(tool, arguments)
        try #require(result.status == 0, "\(tool) failed: \(result.stderr)")
        return result.stdout
    }

    func pdfText(_ path: String, page: Int? = nil) throws -> String {
        let pages = page.map { ["-f", "\($0)", "-l", "\($0)"] } ?? []
        let result = try runProgram("pdftotext", ["-layout"] + pages + [path, "-"])
        try #require(result.status == 0, "pdftotext failed: \(result.stderr)")
        return result.stdout
    }

    func pdfText(_ bytes: [UInt8]) throws -> String { try withFile(bytes) { try pdfText($0) } }
    func pdfFonts(_ bytes: [UInt8]) throws -> String { try withFile(bytes) { try run("pdffonts", $0) } }

    /// Every word with its box, from `pdftotext -bbox`.
    func wordBoxes(_ bytes: [UInt8]) throws -> [Word] {
        let html = try withFile(bytes) { try run("pdftotext", "-bbox", $0, "-") }
        var words: [Word] = []
        var page = 0
        for line in html.split(separator: "\n") {
            if line.contains("<page ") { page += 1 }
            guard line.contains("<word ") else { continue }
            func number(_ name: String) -> Double? {
                guard let start = line.range(of: name + "=\"") else { return nil }
                return Double(line[start.upperBound...].prefix { $0 != "\"" })
            }
            guard let xMin = number("xMin"), let xMax = number("xMax"), let yMin = number("yMin"), let yMax = number("yMax"),
                  let open = line.firstIndex(of: ">"), let close = line.range(of: "</word>") else { continue }
            words.append(Word(page: page, xMin: xMin, xMax: xMax, yMin: yMin, yMax: yMax, text: String(line[line.index(after: open)..<close.lowerBound])))
        }
        return words
    }

    func withFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
        let folder = Paths.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("document.pdf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try body(path)
    }
}
