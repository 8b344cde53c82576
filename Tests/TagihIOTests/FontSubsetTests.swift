import Testing
@testable import TagihIO

/// Noto Sans cut to the Western repertoire, as the fast PDF path embeds it.
@Suite struct FontSubsetTests {
    static let regular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"

    /// A well-formed TrueType file: every table's checksum is right, and the whole file sums to
    /// 0xB1B0AFBA as the head table's adjustment promises (the OpenType rule readers check).
    @Test func theSubsetIsAWellFormedFontFile() throws {
        let subset = try FontSubset(TrueTypeFont(path: FontSubsetTests.regular), scalars: LatinFaces.western)
        let file = subset.program
        func u32(_ at: Int) -> UInt32 { file[at..<(at + 4)].reduce(0) { $0 << 8 | UInt32($1) } }
        func sum(_ range: Range<Int>) -> UInt32 {
            stride(from: range.lowerBound, to: range.upperBound, by: 4).reduce(UInt32(0)) { total, at in
                total &+ (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(at + $1 < range.upperBound ? file[at + $1] : 0) }
            }
        }
        let tables = Int(file[4]) << 8 | Int(file[5])
        #expect(tables == 8)
        var tags: [String] = []
        for index in 0..<tables {
            let entry = 12 + 16 * index
            let tag = String(decoding: file[entry..<(entry + 4)], as: UTF8.self)
            tags.append(tag)
            let offset = Int(u32(entry + 8)), length = Int(u32(entry + 12))
            var checksum = sum(offset..<(offset + length))
            if tag == "head" { checksum = checksum &- u32(offset + 8) } // the adjustment is left out of head's own sum
            #expect(checksum == u32(entry + 4), "table \(tag)")
        }
        #expect(tags == ["OS/2", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "post"])
        #expect(sum(0..<file.count) == 0xB1B0_AFBA)
    }

    /// Every character of the repertoire has its own glyph, with the original font's advance
    /// (Noto Sans has 1000 units an em, so the widths are the font's own numbers).
    @Test func everyCharacterKeepsItsGlyphAndAdvance() throws {
        let font = try TrueTypeFont(path: FontSubsetTests.regular)
        #expect(font.unitsPerEm == 1000)
        let subset = try FontSubset(font, scalars: LatinFaces.western)
        // Characters drawn alike (space and no-break space) share a glyph, in both fonts.
        let originals = LatinFaces.western.compactMap { font.glyphOfScalar[$0] }
        #expect(originals.count == LatinFaces.western.count)
        #expect(Set(subset.glyphOfScalar.values).count == Set(originals).count)
        for scalar in LatinFaces.western {
            let glyph = try #require(subset.glyphOfScalar[scalar], "U+\(String(scalar, radix: 16))")
            let original = try #require(font.glyphOfScalar[scalar])
            #expect(subset.widths[Int(glyph)] == font.advances[original])
            // ToUnicode names the first character that took the glyph.
            #expect(font.glyphOfScalar[subset.scalarOfGlyph[Int(glyph)]] == original)
        }
        #expect(subset.scalarOfGlyph[0] == 0 && subset.widths.count == subset.scalarOfGlyph.count)
        // The minus sign is not in Noto Sans: a text with it goes to pango.
        #expect(font.glyphOfScalar[0x2212] == nil)
    }
}
