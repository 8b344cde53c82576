/// A TrueType font cut down to a fixed repertoire of characters, glyphs renumbered from 0 (the
/// .notdef box) in the order the characters are given, accents' components after them.
///
/// Made once per process and embedded whole in every document of the fast writer: a fixed
/// subset costs a few kilobytes more per file than one cut to each document's letters, but its
/// compressed program, widths and ToUnicode map are computed once instead of per document.
/// Hinting instructions are dropped (a PDF is scaled, not rasterised at one size), so the
/// font needs no fpgm, prep or cvt table.
struct FontSubset {
    /// The subset's glyph of each character it covers.
    let glyphOfScalar: [UInt32: UInt16]
    /// Each subset glyph's advance in thousandths of an em, as the PDF's /W array states it
    /// and as the layout measures: the two must agree exactly.
    let widths: [Int]
    /// The character each glyph was chosen for (0 for .notdef and accent parts), for ToUnicode.
    let scalarOfGlyph: [UInt32]
    /// The font program, a complete TrueType file.
    let program: [UInt8]
    let ascender: Int
    let descender: Int
    let capHeight: Int
    let boundingBox: [Int]

    init(_ font: TrueTypeFont, scalars: [UInt32]) throws {
        var oldOfNew = [0]
        var newOfOld = [0: 0]
        var glyphOfScalar: [UInt32: UInt16] = [:]
        var scalarOfGlyph: [UInt32] = [0]
        func add(_ old: Int, scalar: UInt32) -> Int {
            if let known = newOfOld[old] { return known }
            newOfOld[old] = oldOfNew.count
            oldOfNew.append(old)
            scalarOfGlyph.append(scalar)
            return oldOfNew.count - 1
        }
        for scalar in scalars {
            guard let old = font.glyphOfScalar[scalar] else { continue }
            glyphOfScalar[scalar] = UInt16(add(old, scalar: scalar))
        }
        // Composite glyphs (accented letters) draw other glyphs: those come along, repeatedly,
        // since a component can itself be composite.
        var index = 0
        while index < oldOfNew.count {
            for component in try FontSubset.components(try font.outline(oldOfNew[index])) { _ = add(component, scalar: 0) }
            index += 1
        }

        let scale = { (units: Int) in (units * 1000 + (units >= 0 ? font.unitsPerEm / 2 : -font.unitsPerEm / 2)) / font.unitsPerEm }
        widths = oldOfNew.map { scale(font.advances[$0]) }
        self.glyphOfScalar = glyphOfScalar
        self.scalarOfGlyph = scalarOfGlyph
        ascender = scale(font.ascender)
        descender = scale(font.descender)
        capHeight = scale(font.capHeight)
        boundingBox = font.boundingBox.map(scale)

        var glyf: [UInt8] = []
        var loca: [UInt8] = []
        var hmtx: [UInt8] = []
        for old in oldOfNew {
            loca.appendU32(glyf.count)
            glyf += try FontSubset.withoutInstructions(try font.outline(old), renumbered: newOfOld)
            while glyf.count % 4 != 0 { glyf.append(0) }
            hmtx.appendU16(font.advances[old])
            hmtx.appendU16(font.leftBearings[old] & 0xFFFF)
        }
        loca.appendU32(glyf.count)

        let count = oldOfNew.count
        func copy(_ tag: String) throws -> [UInt8] {
            guard let range = font.tables[tag] else { throw PDFError("the font has no \(tag) table") }
            return Array(font.bytes[range])
        }
        var head = try copy("head")
        head.setU32(8, 0) // checkSumAdjustment, set below once the file is whole
        head.setU16(50, 1) // long loca offsets
        var hhea = try copy("hhea")
        hhea.setU16(34, count)
        var maxp = try copy("maxp")
        maxp.setU16(4, count)
        // post version 3: no glyph names (a PDF reader maps text through ToUnicode).
        var post = Array(try copy("post").prefix(32))
        post.setU32(0, 0x0003_0000)
        var tables: [(String, [UInt8])] = [("OS/2", try copy("OS/2")), ("glyf", glyf), ("head", head), ("hhea", hhea),
                                           ("hmtx", hmtx), ("loca", loca), ("maxp", maxp), ("post", post)]
        tables.sort { $0.0 < $1.0 }
        program = FontSubset.file(tables)
    }

    /// The glyphs a composite glyph is made of; none for a simple one.
    static func components(_ outline: ArraySlice<UInt8>) throws -> [Int] {
        var found: [Int] = []
        try walkComponents(outline) { at, glyph in found.append(glyph) }
        return found
    }

    /// A glyph's bytes without hinting instructions, its components renumbered.
    static func withoutInstructions(_ outline: ArraySlice<UInt8>, renumbered: [Int: Int]) throws -> [UInt8] {
        var bytes = Array(outline)
        guard bytes.count >= 10 else { return [] }
        let reader = FontReader(bytes, name: "glyph")
        let contours = try reader.i16(0)
        if contours >= 0 {
            // Header, contour ends, then the instructions' length and the instructions.
            let lengthAt = 10 + 2 * contours
            let length = try reader.u16(lengthAt)
            guard lengthAt + 2 + length <= bytes.count else { throw PDFError("a glyph's instructions run past its end") }
            bytes.removeSubrange((lengthAt + 2)..<(lengthAt + 2 + length))
            bytes.setU16(lengthAt, 0)
            return bytes
        }
        var end = bytes.count
        var flagsOfLast = 0
        var lastAt = 0
        try walkComponents(outline) { at, glyph in
            guard let new = renumbered[glyph] else { throw PDFError("a glyph's component \(glyph) was not kept") }
            bytes.setU16(at + 2, new)
            flagsOfLast = Int(bytes[at]) << 8 | Int(bytes[at + 1])
            lastAt = at
        }
        if flagsOfLast & 0x0100 != 0 {
            // WE_HAVE_INSTRUCTIONS on the last component: cut them and clear the flag.
            end = lastAt + componentLength(flagsOfLast)
            bytes.setU16(lastAt, flagsOfLast & ~0x0100)
        }
        return Array(bytes[0..<end])
    }

    private static func componentLength(_ flags: Int) -> Int {
        var length = 4 + (flags & 0x0001 != 0 ? 4 : 2)
        if flags & 0x0008 != 0 { length += 2 } else if flags & 0x0040 != 0 { length += 4 } else if flags & 0x0080 != 0 { length += 8 }
        return length
    }

    /// Calls `body` with each component's offset in the glyph and the glyph it draws.
    private static func walkComponents(_ outline: ArraySlice<UInt8>, _ body: (Int, Int) throws -> Void) throws {
        let bytes = Array(outline)
        guard bytes.count >= 10 else { return }
        let reader = FontReader(bytes, name: "glyph")
        guard try reader.i16(0) < 0 else { return }
        var at = 10
        while true {
            let flags = try reader.u16(at)
            try body(at, try reader.u16(at + 2))
            at += componentLength(flags)
            if flags & 0x0020 == 0 { break } // MORE_COMPONENTS
        }
    }

    /// A TrueType file of `tables` (sorted by tag), with checksums.
    private static func file(_ tables: [(String, [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        let count = tables.count
        var power = 1
        var log = 0
        while power * 2 <= count { power *= 2; log += 1 }
        out.appendU32(0x0001_0000)
        out.appendU16(count)
        out.appendU16(power * 16)
        out.appendU16(log)
        out.appendU16(count * 16 - power * 16)
        var offset = 12 + 16 * count
        var headAt = 0
        for (tag, data) in tables {
            out += Array(tag.utf8)
            out.appendU32(checksum(data))
            out.appendU32(offset)
            out.appendU32(data.count)
            if tag == "head" { headAt = offset }
            offset += (data.count + 3) & ~3
        }
        for (_, data) in tables {
            out += data
            while out.count % 4 != 0 { out.append(0) }
        }
        out.setU32(headAt + 8, (0xB1B0_AFBA &- checksum(out)) & 0xFFFF_FFFF)
        return out
    }

    private static func checksum(_ data: [UInt8]) -> Int {
        var sum: UInt32 = 0
        var index = 0
        while index < data.count {
            var word: UInt32 = 0
            for byte in 0..<4 { word = word << 8 | UInt32(index + byte < data.count ? data[index + byte] : 0) }
            sum = sum &+ word
            index += 4
        }
        return Int(sum)
    }
}

extension [UInt8] {
    mutating func appendU16(_ value: Int) {
        append(UInt8(truncatingIfNeeded: value >> 8))
        append(UInt8(truncatingIfNeeded: value))
    }

    mutating func appendU32(_ value: Int) {
        appendU16(value >> 16)
        appendU16(value & 0xFFFF)
    }

    mutating func setU16(_ at: Int, _ value: Int) {
        self[at] = UInt8(truncatingIfNeeded: value >> 8)
        self[at + 1] = UInt8(truncatingIfNeeded: value)
    }

    mutating func setU32(_ at: Int, _ value: Int) {
        setU16(at, value >> 16)
        setU16(at + 2, value & 0xFFFF)
    }
}
