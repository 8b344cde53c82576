internal import CPangoCairo

/// One thing placed on a page, in points from the page's top left corner. The pages are
/// planned in full before any is drawn, so each footer can say "1/3".
enum PageItem<Block: LaidOutText> {
    /// A text block in a box `width` wide, top at `y`.
    case text(Block, x: Double, y: Double, width: Double, alignment: TextAlignment)
    /// One line of a block whose lines are spread over pages.
    case line(Block, TextLine, index: Int, x: Double, y: Double)
    case fill(x: Double, y: Double, width: Double, height: Double, RGB)
    /// A horizontal rule centred on `y`.
    case rule(x: Double, y: Double, width: Double, thickness: Double, RGB)

}

extension PageItem where Block == TextBlock {
    func draw(on cairo: OpaquePointer) {
        switch self {
        case let .text(block, x, y, width, alignment):
            block.draw(on: cairo, x: x, y: y, boxWidth: width, alignment: alignment)
        case let .line(block, line, index, x, y):
            block.drawLine(index, of: line, on: cairo, x: x, y: y)
        case let .fill(x, y, width, height, color):
            cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
            cairo_rectangle(cairo, x, y, width, height)
            cairo_fill(cairo)
        case let .rule(x, y, width, thickness, color):
            cairo_set_source_rgb(cairo, color.red, color.green, color.blue)
            cairo_set_line_width(cairo, thickness)
            cairo_move_to(cairo, x, y)
            cairo_line_to(cairo, x + width, y)
            cairo_stroke(cairo)
        }
    }
}

extension PageItem where Block == PlainText {
    func draw(on page: inout PageContent) {
        switch self {
        case let .text(block, x, y, width, alignment):
            block.draw(on: &page, x: x, y: y, boxWidth: width, alignment: alignment)
        case let .line(block, line, index, x, y):
            block.drawLine(index, of: line, on: &page, x: x, y: y)
        case let .fill(x, y, width, height, color):
            page.rectangle(x: x, y: y, width: width, height: height, color)
        case let .rule(x, y, width, thickness, color):
            page.rule(x: x, y: y, width: width, thickness: thickness, color)
        }
    }
}
