internal import CPangoCairo

/// One piece of text shaped by pango and measured, ready to draw. It owns its PangoLayout, so
/// the text is shaped once: measured while the pages are planned, drawn when they are written.
/// Sizes are in points.
final class TextBlock: LaidOutText {
    typealias Alignment = TextAlignment

    private let layout: OpaquePointer
    let color: RGB
    /// The widest line's width and the height of all lines.
    private(set) var width = 0.0
    private(set) var height = 0.0
    /// Whether pango wraps (and aligns) the lines in a fixed width; otherwise it is one line
    /// per "\n" and the caller places it.
    private(set) var wrapped = false

    /// A block in one line per paragraph, or wrapped to `wrapWidth`.
    init(_ text: String, style: TextStyle, in context: OpaquePointer, font: OpaquePointer, attributes: OpaquePointer, wrapWidth: Double? = nil, alignment: Alignment = .leading) throws {
        guard let layout = pango_layout_new(context) else { throw PDFError("pango could not create a text layout") }
        self.layout = layout
        color = style.color
        pango_layout_set_font_description(layout, font)
        pango_layout_set_attributes(layout, attributes)
        // The document's direction is left to right: an Arabic name is shaped right to left
        // inside its line but keeps its column's alignment instead of flipping it.
        pango_layout_set_auto_dir(layout, 0)
        pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR)
        let clean = TextBlock.printable(text)
        pango_layout_set_text(layout, clean, Int32(clean.utf8.count))
        if let wrapWidth { wrap(to: wrapWidth, alignment: alignment) } else { measure() }
    }

    deinit { g_object_unref(UnsafeMutableRawPointer(layout)) }

    /// Wraps the lines to `width` and aligns them in it.
    func wrap(to width: Double, alignment: Alignment) {
        pango_layout_set_width(layout, TextBlock.pango(max(width, 1)))
        switch alignment {
        case .leading: pango_layout_set_alignment(layout, PANGO_ALIGN_LEFT)
        case .center: pango_layout_set_alignment(layout, PANGO_ALIGN_CENTER)
        case .trailing: pango_layout_set_alignment(layout, PANGO_ALIGN_RIGHT)
        }
        wrapped = true
        measure()
    }

    /// Characters no font has, drawn as boxes: the renderer reports them so a caller can see
    /// that a name lost its letters.
    var unknownGlyphs: Int { Int(pango_layout_get_unknown_glyphs_count(layout)) }

    var lines: [TextLine] {
        guard let iterator = pango_layout_get_iter(layout) else { return [] }
        defer { pango_layout_iter_free(iterator) }
        var lines: [TextLine] = []
        repeat {
            var top: Int32 = 0
            var bottom: Int32 = 0
            pango_layout_iter_get_line_yrange(iterator, &top, &bottom)
            var logical = PangoRectangle()
            pango_layout_iter_get_line_extents(iterator, nil, &logical)
            lines.append(TextLine(
                top: TextBlock.points(top), bottom: TextBlock.points(bottom),
                baseline: TextBlock.points(pango_layout_iter_get_baseline(iterator)), x: TextBlock.points(logical.x)
            ))
        } while pango_layout_iter_next_line(iterator) != 0
        return lines
    }

    /// Draws the block with its top at `y` in a box starting at `x`, `boxWidth` wide.
    func draw(on cairo: OpaquePointer, x: Double, y: Double, boxWidth: Double, alignment: Alignment) {
        let left = wrapped ? x : x + alignment.offset(width, in: boxWidth)
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_move_to(cairo, left, y)
        pango_cairo_show_layout(cairo, layout)
    }

    /// Draws line `index` alone with its top at `y`, for a paragraph that goes on over a page
    /// break.
    func drawLine(_ index: Int, of line: TextLine, on cairo: OpaquePointer, x: Double, y: Double) {
        guard let pangoLine = pango_layout_get_line_readonly(layout, Int32(index)) else { return }
        cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
        cairo_move_to(cairo, x + line.x, y + line.baseline - line.top)
        pango_cairo_show_layout_line(cairo, pangoLine)
    }

    private func measure() {
        var logical = PangoRectangle()
        pango_layout_get_extents(layout, nil, &logical)
        width = TextBlock.points(logical.width)
        height = TextBlock.points(logical.height)
    }

    static func pango(_ points: Double) -> Int32 { Int32((points * Double(PANGO_SCALE)).rounded()) }
    static func points(_ units: Int32) -> Double { Double(units) / Double(PANGO_SCALE) }

    /// The text without control characters: pango refuses text with a NUL (and says so on
    /// stderr) and draws other controls as boxes. Tabs become spaces; line breaks stay.
    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else { return text }
        var scalars = String.UnicodeScalarView()
        var afterReturn = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where afterReturn: break // the second half of "\r\n"
            case 0x0A, 0x0D: scalars.append("\n")
            case 0x09: scalars.append(" ")
            case 0..<0x20, 0x7F...0x9F: break
            default: scalars.append(scalar)
            }
            afterReturn = scalar.value == 0x0D
        }
        return String(scalars)
    }
}
