import Foundation

/// A TrueType font file, read for what embedding it in a PDF takes: its tables, the glyph of
/// each character, advances, line metrics and each glyph's outline bytes.
///
/// Only fonts tagih ships against are read (Noto Sans from Debian's fonts-noto-core), so a
/// malformed file is an error, never a crash: every read is bounds-checked.
struct TrueTypeFont {
    let bytes: [UInt8]
    /// Where each table lies in `bytes`, by tag ("glyf", "hmtx", ...).
    let tables: [String: Range<Int>]
    let unitsPerEm: Int
    let glyphCount: Int
    /// Line metrics in font units, as pango (through harfbuzz) takes them: OS/2's typographic
    /// values when the font asks for them (USE_TYPO_METRICS), otherwise hhea's.
    let ascender: Int
    let descender: Int
    let capHeight: Int
    /// xMin, yMin, xMax, yMax of all glyphs.
    let boundingBox: [Int]
    let advances: [Int]
    let leftBearings: [Int]
    /// Unicode scalar to glyph, from the Windows Unicode BMP subtable.
    let glyphOfScalar: [UInt32: Int]
    private let glyphOffsets: [Int]
    private let longOffsets: Bool

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw PDFError("cannot read the font \(path)") }
        try self.init(bytes: [UInt8](data), name: path)
    }

    init(bytes: [UInt8], name: String) throws {
        self.bytes = bytes
        let reader = FontReader(bytes, name: name)
        let count = try reader.u16(4)
        var tables: [String: Range<Int>] = [:]
        for index in 0..<count {
            let entry = 12 + 16 * index
            let tag = String(decoding: try reader.slice(entry, 4), as: UTF8.self)
            let offset = try reader.u32(entry + 8)
            let length = try reader.u32(entry + 12)
            guard offset + length <= bytes.count else { throw PDFError("the font \(name) has a table \(tag) beyond its end") }
            tables[tag] = offset..<(offset + length)
        }
        self.tables = tables
        func table(_ tag: String) throws -> Int {
            guard let range = tables[tag] else { throw PDFError("the font \(name) has no \(tag) table") }
            return range.lowerBound
        }
        let head = try table("head")
        unitsPerEm = try reader.u16(head + 18)
        boundingBox = [try reader.i16(head + 36), try reader.i16(head + 38), try reader.i16(head + 40), try reader.i16(head + 42)]
        longOffsets = try reader.i16(head + 50) == 1
        glyphCount = try reader.u16(try table("maxp") + 4)

        let hhea = try table("hhea")
        var ascender = try reader.i16(hhea + 4)
        var descender = try reader.i16(hhea + 6)
        var capHeight = ascender
        if let os2 = tables["OS/2"]?.lowerBound {
            let version = try reader.u16(os2)
            let useTypoMetrics = try reader.u16(os2 + 62) & 0x80 != 0
            if useTypoMetrics {
                ascender = try reader.i16(os2 + 68)
                descender = try reader.i16(os2 + 70)
            }
            if version >= 2 { capHeight = try reader.i16(os2 + 88) }
        }
        self.ascender = ascender
        self.descender = descender
        self.capHeight = capHeight

        let metricsCount = try reader.u16(hhea + 34)
        let hmtx = try table("hmtx")
        var advances: [Int] = []
        var bearings: [Int] = []
        advances.reserveCapacity(glyphCount)
        bearings.reserveCapacity(glyphCount)
        for glyph in 0..<glyphCount {
            if glyph < metricsCount {
                advances.append(try reader.u16(hmtx + 4 * glyph))
                bearings.append(try reader.i16(hmtx + 4 * glyph + 2))
            } else {
                // Glyphs past the last full metric repeat its advance (monospaced tails).
                advances.append(advances.last ?? 0)
                bearings.append(try reader.i16(hmtx + 4 * metricsCount + 2 * (glyph - metricsCount)))
            }
        }
        self.advances = advances
        leftBearings = bearings

        let loca = try table("loca")
        var offsets: [Int] = []
        offsets.reserveCapacity(glyphCount + 1)
        for glyph in 0...glyphCount {
            offsets.append(longOffsets ? try reader.u32(loca + 4 * glyph) : 2 * (try reader.u16(loca + 2 * glyph)))
        }
        glyphOffsets = offsets

        glyphOfScalar = try TrueTypeFont.readCmap(reader, at: try table("cmap"), glyphCount: glyphCount)
    }

    /// The outline bytes of `glyph` as the glyf table holds them (empty for a space).
    func outline(_ glyph: Int) throws -> ArraySlice<UInt8> {
        guard let glyf = tables["glyf"], glyph >= 0, glyph < glyphCount else { throw PDFError("no glyph \(glyph)") }
        let start = glyf.lowerBound + glyphOffsets[glyph]
        let end = glyf.lowerBound + glyphOffsets[glyph + 1]
        guard start <= end, end <= glyf.upperBound else { throw PDFError("glyph \(glyph) lies outside the glyf table") }
        return bytes[start..<end]
    }

    /// The format 4 subtable of platform 3, encoding 1 (Unicode BMP): what every Latin font has.
    private static func readCmap(_ reader: FontReader, at cmap: Int, glyphCount: Int) throws -> [UInt32: Int] {
        let subtables = try reader.u16(cmap + 2)
        var format4: Int?
        for index in 0..<subtables {
            let entry = cmap + 4 + 8 * index
            if try reader.u16(entry) == 3, try reader.u16(entry + 2) == 1 {
                format4 = cmap + (try reader.u32(entry + 4))
            }
        }
        guard let table = format4, try reader.u16(table) == 4 else { throw PDFError("the font has no Unicode BMP character map") }
        let segments = try reader.u16(table + 6) / 2
        let ends = table + 14
        let starts = ends + 2 * segments + 2
        let deltas = starts + 2 * segments
        let rangeOffsets = deltas + 2 * segments
        var map: [UInt32: Int] = [:]
        for segment in 0..<segments {
            let end = try reader.u16(ends + 2 * segment)
            let start = try reader.u16(starts + 2 * segment)
            let delta = try reader.u16(deltas + 2 * segment)
            let rangeOffset = try reader.u16(rangeOffsets + 2 * segment)
            guard start <= end, end != 0xFFFF else { continue }
            for code in start...end {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    glyph = try reader.u16(rangeOffsets + 2 * segment + rangeOffset + 2 * (code - start))
                    if glyph != 0 { glyph = (glyph + delta) & 0xFFFF }
                }
                if glyph != 0, glyph < glyphCount { map[UInt32(code)] = glyph }
            }
        }
        return map
    }
}
