/// The table shaped and measured: column widths, and every cell as a block already wrapped
/// to its column, so pagination only needs the row heights.
struct TableLayout<Setter: TextSetting> {
    typealias Block = Setter.Block
    let columns: [PrintedDocument.Column]
    /// Each column's left edge and width, padding included.
    let lefts: [Double]
    let widths: [Double]
    let header: [Block]
    let headerHeight: Double
    let rows: [[Block]]
    let rowHeights: [Double]

    /// The column that takes the width the others leave: the `.remaining` one, or else the
    /// widest leading one (the description, in practice).
    static func fillColumn(_ columns: [PrintedDocument.Column], natural: [Double]) -> Int {
        if let index = columns.firstIndex(where: { $0.width == .remaining }) { return index }
        let leading = columns.indices.filter { columns[$0].alignment == .leading }
        return leading.max { natural[$0] < natural[$1] } ?? columns.count - 1
    }

    init(_ document: PrintedDocument, typesetter: Setter, x: Double, width: Double) throws {
        let columns = document.columns
        self.columns = columns
        for (index, row) in document.rows.enumerated() where row.count != columns.count {
            throw PDFError("table row \(index + 1) has \(row.count) cells for \(columns.count) columns")
        }
        let pad = 2 * PDFStyle.cellPadX
        // Everything is shaped once on one line; only what is too wide is wrapped afterwards.
        let header = try columns.map { try typesetter.block($0.title, PDFStyle.tableHeader, wrapWidth: nil, alignment: .leading) }
        let rows = try document.rows.map { row in try row.map { try typesetter.block($0, PDFStyle.cell, wrapWidth: nil, alignment: .leading) } }
        var natural = header.map { $0.width + pad }
        for row in rows {
            for (column, cell) in row.enumerated() { natural[column] = max(natural[column], cell.width + pad) }
        }

        var widths = natural
        if !columns.isEmpty {
            let fill = TableLayout.fillColumn(columns, natural: natural)
            let others = natural.indices.filter { $0 != fill }.reduce(0.0) { $0 + natural[$1] }
            // The description keeps at least a third of the width; the other columns shrink
            // (and wrap) when together they would leave it less.
            let least = min(width, max(width / 3, header[fill].width + pad))
            if others > width - least {
                let scale = (width - least) / others
                for index in widths.indices where index != fill { widths[index] = natural[index] * scale }
                widths[fill] = least
            } else {
                widths[fill] = width - others
            }
        }
        var lefts: [Double] = []
        var left = x
        for columnWidth in widths {
            lefts.append(left)
            left += columnWidth
        }

        for (column, block) in header.enumerated() where block.width > widths[column] - pad {
            block.wrap(to: widths[column] - pad, alignment: columns[column].alignment)
        }
        for row in rows {
            for (column, cell) in row.enumerated() where cell.width > widths[column] - pad {
                cell.wrap(to: widths[column] - pad, alignment: columns[column].alignment)
            }
        }
        self.lefts = lefts
        self.widths = widths
        self.header = header
        self.rows = rows
        headerHeight = (header.map(\.height).max() ?? 0) + 2 * PDFStyle.cellPadY
        rowHeights = rows.map { ($0.map(\.height).max() ?? 0) + 2 * PDFStyle.cellPadY }
    }

    /// The header's or a row's cells placed with their top padding below `y`.
    func cells(_ blocks: [Block], at y: Double) -> [PageItem<Block>] {
        blocks.enumerated().map { column, block in
            .text(block, x: lefts[column] + PDFStyle.cellPadX, y: y + PDFStyle.cellPadY, width: widths[column] - 2 * PDFStyle.cellPadX, alignment: columns[column].alignment)
        }
    }
}
