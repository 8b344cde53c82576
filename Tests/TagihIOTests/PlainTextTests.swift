import Testing
@testable import TagihIO

/// Latin text measured and broken into lines by tagih itself (the fast PDF path).
@Suite struct PlainTextTests {
    /// Lines break after spaces, a word too long for a line breaks between letters, "\n" always
    /// breaks, and wrapped lines are aligned in their width.
    @Test func theFastPathWrapsAtSpacesAndInsideLongWords() throws {
        let faces = try #require(LatinFaces.cuts.first)
        let plain = PlainTypesetter(faces: faces)
        let style = PDFStyle.cell
        let word = plain.block("Pemasangan", style, wrapWidth: nil, alignment: .leading).width
        let two = plain.block("Pemasangan Pemasangan Pemasangan", style, wrapWidth: word * 2.5, alignment: .trailing)
        #expect(two.lines.count == 2)
        #expect(abs(two.width - (plain.block("Pemasangan Pemasangan", style, wrapWidth: nil, alignment: .leading).width)) < 0.001)
        // The second line, one word, is flush right in the 2.5-word width.
        #expect(abs(two.lines[1].x - (word * 2.5 - word)) < 0.001)
        let long = plain.block("ABCDEFGHIJKLMNOPQRSTUVWXYZ", style, wrapWidth: word, alignment: .leading)
        #expect(long.lines.count >= 2 && long.width <= word)
        let breaks = plain.block("one\ntwo\n\nfour", style, wrapWidth: nil, alignment: .leading)
        #expect(breaks.lines.count == 4)
        #expect(abs(breaks.height - 4 * breaks.lines[0].height) < 0.001)
    }


    /// Spaces at a line's end hang in the margin: they neither count in its width nor push a
    /// right-aligned line to the left.
    @Test func trailingSpacesDoNotCount() throws {
        let faces = try #require(LatinFaces.cuts.first)
        let plain = PlainTypesetter(faces: faces)
        let word = plain.block("Lunas", PDFStyle.cell, wrapWidth: nil, alignment: .leading).width
        let spaced = plain.block("Lunas   ", PDFStyle.cell, wrapWidth: 100, alignment: .trailing)
        #expect(abs(spaced.width - word) < 0.001)
        #expect(abs(spaced.lines[0].x - (100 - word)) < 0.001)
    }
}
