/// Text in one of the Latin faces, measured from the font's advances and broken into lines
/// by tagih itself: the fast path for documents whose every character the faces cover.
///
/// Like pango's WORD_CHAR wrapping: lines break after spaces, a word longer than the line is
/// broken between characters without a hyphen, and "\n" always breaks. No kerning: the widths
/// measured are exactly the /W widths the PDF reader uses, so right-aligned amounts end at
/// the same x.
final class PlainText: LaidOutText {
    let face: LatinFaces.Face
    let size: Double
    let color: RGB
    private let glyphs: [UInt16]
    /// Advance of each glyph in thousandths of an em.
    private let advances: [Int32]
    private let isSpace: [Bool]
    /// Each line's glyphs (trailing spaces excluded) and width in thousandths of an em.
    private var ranges: [(range: Range<Int>, width: Int)] = []
    private(set) var width = 0.0
    private(set) var height = 0.0
    private(set) var wrapped = false
    private var wrapWidth = 0.0
    private var alignment: TextAlignment = .leading
    private let ascent: Double
    private let lineHeight: Double
    /// Where each paragraph starts and ends in `glyphs` ("\n" is not a glyph).
    private let paragraphs: [Range<Int>]
    var unknownGlyphs: Int { 0 }

    init(_ text: String, style: TextStyle, face: LatinFaces.Face) {
        self.face = face
        size = style.font.size
        color = style.color
        ascent = Double(face.subset.ascender) * size / 1000
        lineHeight = Double(face.subset.ascender - face.subset.descender) * size / 1000
        var glyphs: [UInt16] = []
        var advances: [Int32] = []
        var isSpace: [Bool] = []
        var paragraphs: [Range<Int>] = []
        var start = 0
        glyphs.reserveCapacity(text.utf8.count)
        for scalar in TextBlock.printable(text).unicodeScalars {
            if scalar.value == 0x0A {
                paragraphs.append(start..<glyphs.count)
                start = glyphs.count
                continue
            }
            let (glyph, advance) = face.glyph(scalar.value)
            glyphs.append(glyph)
            advances.append(advance)
            isSpace.append(scalar.value == 0x20)
        }
        paragraphs.append(start..<glyphs.count)
        self.glyphs = glyphs
        self.advances = advances
        self.isSpace = isSpace
        self.paragraphs = paragraphs
        ranges = paragraphs.map { ($0, advances[$0].reduce(0) { $0 + Int($1) }) }
        measure()
    }

    func wrap(to width: Double, alignment: TextAlignment) {
        wrapped = true
        wrapWidth = max(width, 1)
        self.alignment = alignment
        let limit = Int((wrapWidth * 1000 / size).rounded(.down))
        ranges = []
        for paragraph in paragraphs { breakLines(paragraph, limit: limit) }
        measure()
    }

    var lines: [TextLine] {
        ranges.enumerated().map { index, line in
            let top = Double(index) * lineHeight
            let x = wrapped ? alignment.offset(Double(line.width) * size / 1000, in: wrapWidth) : 0
            return TextLine(top: top, bottom: top + lineHeight, baseline: top + ascent, x: x)
        }
    }

    /// Draws the block with its top at `y` in a box starting at `x`, `boxWidth` wide.
    func draw(on page: inout PageContent, x: Double, y: Double, boxWidth: Double, alignment: TextAlignment) {
        let left = wrapped ? x : x + alignment.offset(width, in: boxWidth)
        for (index, line) in lines.enumerated() {
            page.text(glyphs[ranges[index].range], face: face, size: size, color: color, x: left + line.x, baseline: y + line.baseline)
        }
    }

    /// Draws line `index` alone with its top at `y`.
    func drawLine(_ index: Int, of line: TextLine, on page: inout PageContent, x: Double, y: Double) {
        page.text(glyphs[ranges[index].range], face: face, size: size, color: color, x: x + line.x, baseline: y + line.baseline - line.top)
    }

    /// Greedy: as many words as fit; a word wider than a line alone is split where it must.
    private func breakLines(_ paragraph: Range<Int>, limit: Int) {
        var start = paragraph.lowerBound
        let end = paragraph.upperBound
        if start == end {
            ranges.append((start..<end, 0))
            return
        }
        while start < end {
            var index = start
            var widthSoFar = 0
            /// The line up to the last space seen: where it ends and how wide it is.
            var lastBreak: (end: Int, width: Int, next: Int)?
            var broke = false
            while index < end {
                if isSpace[index] {
                    // The line may end before this space; the spaces hang in the margin.
                    var next = index
                    while next < end, isSpace[next] { next += 1 }
                    if next > index, widthSoFar > 0 || index > start { lastBreak = (index, widthSoFar, next) }
                    for space in index..<next { widthSoFar += Int(advances[space]) }
                    index = next
                    continue
                }
                let advance = Int(advances[index])
                if widthSoFar + advance > limit, index > start {
                    if let lastBreak, lastBreak.end > start {
                        ranges.append((start..<lastBreak.end, lastBreak.width))
                        start = lastBreak.next
                    } else {
                        ranges.append((start..<index, widthSoFar))
                        start = index
                    }
                    broke = true
                    break
                }
                widthSoFar += advance
                index += 1
            }
            if !broke {
                // The rest fits: trailing spaces are not part of the line's width.
                var last = end
                var lineWidth = widthSoFar
                while last > start, isSpace[last - 1] { last -= 1; lineWidth -= Int(advances[last]) }
                ranges.append((start..<last, lineWidth))
                start = end
            }
        }
    }

    private func measure() {
        let widest = ranges.map(\.width).max() ?? 0
        width = Double(widest) * size / 1000
        height = Double(ranges.count) * lineHeight
    }
}
