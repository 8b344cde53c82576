/// Plans a document's pages: shapes every text, places it, and starts a new page when the
/// next row, total or line of a note would run into the footer. Later pages open with the
/// title and number and, while the table goes on, its header again.
final class PageComposer<Setter: TextSetting> {
    typealias Block = Setter.Block

    private let document: PrintedDocument
    private let typesetter: Setter
    private(set) var pages: [[PageItem<Block>]] = [[]]
    /// Characters drawn as boxes because no font has them.
    private(set) var unknownGlyphs = 0
    private var y = PDFStyle.marginTop
    private let left = PDFStyle.marginX
    private let width = PDFStyle.contentWidth
    private var right: Double { left + width }
    /// The lowest point content may reach: above the footer.
    private var bottom = PDFStyle.pageHeight - PDFStyle.marginBottom
    /// Where content starts on a page after the first, below the running head.
    private var continuedTop = PDFStyle.marginTop
    private var footer: Block?
    private var runningTitle: Block?
    private var runningNumber: Block?

    init(_ document: PrintedDocument, typesetter: Setter) {
        self.document = document
        self.typesetter = typesetter
    }

    /// The pages, each in drawing order, footers and page numbers included.
    func compose() throws -> [[PageItem<Block>]] {
        try planFooter()
        try planRunningHead()
        try heading()
        try parties()
        if !document.columns.isEmpty { try table() }
        try totals()
        try notes()
        try footers()
        return pages
    }

    // MARK: parts

    private func heading() throws {
        let leftWidth = width * 0.56
        let rightWidth = width * 0.40
        var leftY = y
        if let name = document.issuer.first {
            leftY = try place(name, PDFStyle.issuerName, x: left, y: leftY, width: leftWidth) + 3
            if document.issuer.count > 1 {
                leftY = try place(document.issuer.dropFirst().joined(separator: "\n"), PDFStyle.issuerLine, x: left, y: leftY, width: leftWidth)
            }
        }
        var rightY = y
        if !document.title.isEmpty {
            rightY = try place(document.title, PDFStyle.title, x: right - rightWidth, y: rightY - 3, width: rightWidth, alignment: .trailing) + 2
        }
        if !document.number.isEmpty {
            rightY = try place(document.number, PDFStyle.number, x: right - rightWidth, y: rightY, width: rightWidth, alignment: .trailing)
        }
        y = max(leftY, rightY) + 14
        add(.rule(x: left, y: y, width: width, thickness: 1, PDFStyle.accent))
        y += 16
    }

    /// The recipient on the left, the facts (dates, payment code) on the right.
    private func parties() throws {
        let leftWidth = width * 0.52
        let rightWidth = width * 0.42
        var leftY = y
        if !document.recipientHeading.isEmpty {
            leftY = try place(document.recipientHeading, PDFStyle.caption, x: left, y: leftY, width: leftWidth) + 3
        }
        if let name = document.recipient.first {
            leftY = try place(name, PDFStyle.recipientName, x: left, y: leftY, width: leftWidth) + 2
            if document.recipient.count > 1 {
                leftY = try place(document.recipient.dropFirst().joined(separator: "\n"), PDFStyle.recipientLine, x: left, y: leftY, width: leftWidth)
            }
        }
        var rightY = y
        if !document.facts.isEmpty {
            let labels = try document.facts.map { try make($0.label, PDFStyle.factLabel) }
            let values = try document.facts.map { try make($0.value, PDFStyle.factValue) }
            // Values (dates, payment codes) keep their line; a long label wraps first.
            let valueWidth = min(values.map(\.width).max() ?? 0, rightWidth * 0.62)
            let labelWidth = rightWidth - valueWidth - 10
            let x = right - rightWidth
            for (label, value) in zip(labels, values) {
                if label.width > labelWidth { label.wrap(to: labelWidth, alignment: .leading) }
                if value.width > valueWidth { value.wrap(to: valueWidth, alignment: .trailing) }
                add(.text(label, x: x, y: rightY, width: labelWidth, alignment: .leading))
                add(.text(value, x: right - valueWidth, y: rightY, width: valueWidth, alignment: .trailing))
                rightY += max(label.height, value.height) + 3
            }
        }
        if leftY > y || rightY > y { y = max(leftY, rightY) + 20 }
        if y > bottom { throw PDFError("the issuer, recipient and facts do not fit on the first page") }
    }

    private func table() throws {
        let table = try TableLayout<Setter>(document, typesetter: typesetter, x: left, width: width)
        for row in table.rows { for cell in row { unknownGlyphs += cell.unknownGlyphs } }
        for cell in table.header { unknownGlyphs += cell.unknownGlyphs }
        func header() {
            add(.fill(x: left, y: y, width: width, height: table.headerHeight, PDFStyle.headerFill))
            for item in table.cells(table.header, at: y) { add(item) }
            y += table.headerHeight
            add(.rule(x: left, y: y, width: width, thickness: 0.8, PDFStyle.accent))
        }
        // The header never stands alone at the foot of a page.
        if y + table.headerHeight + (table.rowHeights.first ?? 0) > bottom { newPage() }
        header()
        for (index, row) in table.rows.enumerated() {
            let height = table.rowHeights[index]
            if y + height > bottom {
                if continuedTop + table.headerHeight + height > bottom {
                    throw PDFError("table row \(index + 1) is taller than a page")
                }
                newPage()
                header()
            }
            for item in table.cells(row, at: y) { add(item) }
            y += height
            add(.rule(x: left, y: y, width: width, thickness: PDFStyle.ruleWidth, PDFStyle.rule))
        }
        y += 8
    }

    /// Labels and values in a block at the right, values flush with the table's right edge;
    /// kept together on one page.
    private func totals() throws {
        guard !document.totals.isEmpty else { return }
        let blockWidth = width * 0.48
        let x = right - blockWidth
        let pad = PDFStyle.cellPadX
        var rows: [(label: Block, value: Block, emphasised: Bool)] = []
        for total in document.totals {
            rows.append((
                try make(total.label, total.emphasised ? PDFStyle.dueLabel : PDFStyle.totalLabel),
                try make(total.value, total.emphasised ? PDFStyle.dueValue : PDFStyle.totalValue),
                total.emphasised
            ))
        }
        let valueWidth = min(rows.map(\.value.width).max() ?? 0, blockWidth * 0.5)
        let labelWidth = blockWidth - valueWidth - 3 * pad
        var heights: [Double] = []
        for row in rows {
            if row.label.width > labelWidth { row.label.wrap(to: labelWidth, alignment: .leading) }
            if row.value.width > valueWidth { row.value.wrap(to: valueWidth, alignment: .trailing) }
            heights.append(max(row.label.height, row.value.height) + (row.emphasised ? 12 : 6))
        }
        let total = heights.reduce(0, +)
        if y + total > bottom {
            if continuedTop + total > bottom { throw PDFError("the totals are taller than a page") }
            newPage()
        }
        for (row, height) in zip(rows, heights) {
            if row.emphasised {
                add(.fill(x: x, y: y + 2, width: blockWidth, height: height - 2, PDFStyle.headerFill))
                add(.rule(x: x, y: y + 2, width: blockWidth, thickness: 0.8, PDFStyle.accent))
            }
            let top = y + (height - max(row.label.height, row.value.height)) / 2 + (row.emphasised ? 1 : 0)
            add(.text(row.label, x: x + pad, y: top, width: labelWidth, alignment: .leading))
            add(.text(row.value, x: right - pad - valueWidth, y: top, width: valueWidth, alignment: .trailing))
            y += height
        }
    }

    /// Paragraphs over the full width; a long one goes on over the page break line by line,
    /// and a heading never ends a page.
    private func notes() throws {
        guard !document.notes.isEmpty else { return }
        y += 16
        for note in document.notes {
            let heading = note.heading.isEmpty ? nil : try make(note.heading, PDFStyle.noteHeading, wrapWidth: width)
            let text = try make(note.text, PDFStyle.noteText, wrapWidth: width)
            let lines = text.lines
            let headingHeight = heading.map { $0.height + 2 } ?? 0
            if y + headingHeight + (lines.first?.height ?? 0) > bottom { newPage() }
            if let heading {
                add(.text(heading, x: left, y: y, width: width, alignment: .leading))
                y += headingHeight
            }
            for (index, line) in lines.enumerated() {
                if y + line.height > bottom {
                    if continuedTop + line.height > bottom { throw PDFError("a line of a note is taller than a page") }
                    newPage()
                }
                add(.line(text, line, index: index, x: left, y: y))
                y += line.height
            }
            y += 10
        }
    }

    // MARK: footer and pages

    /// The footer's text is measured first: its height decides where every page's content ends.
    private func planFooter() throws {
        var height = 9.0
        if !document.footer.isEmpty {
            let block = try make(document.footer, PDFStyle.footer, wrapWidth: width - 60)
            if block.height > PDFStyle.pageHeight / 5 { throw PDFError("the footer is longer than a fifth of a page") }
            footer = block
            height = max(height, block.height)
        }
        bottom = PDFStyle.pageHeight - PDFStyle.marginBottom - height - 16
    }

    /// Every page's footer rule, text and "page/pages" number, now that the count is known.
    private func footers() throws {
        let footerHeight = footer?.height ?? 9
        let top = PDFStyle.pageHeight - PDFStyle.marginBottom - footerHeight
        for page in pages.indices {
            pages[page].append(.rule(x: left, y: top - 7, width: width, thickness: PDFStyle.ruleWidth, PDFStyle.rule))
            if let footer { pages[page].append(.text(footer, x: left, y: top, width: width - 60, alignment: .leading)) }
            let number = try make("\(page + 1)/\(pages.count)", PDFStyle.footer)
            pages[page].append(.text(number, x: right - 60, y: top, width: 60, alignment: .trailing))
        }
    }

    /// The head of every page after the first: the title and number, so a loose page still
    /// says what it belongs to. Shaped once, drawn on each such page.
    private func planRunningHead() throws {
        let half = width / 2 - 6
        if !document.title.isEmpty { runningTitle = try make(document.title, PDFStyle.runningHead, wrapWidth: half) }
        if !document.number.isEmpty { runningNumber = try make(document.number, PDFStyle.runningHead, wrapWidth: half, alignment: .trailing) }
        let height = max(runningTitle?.height ?? 0, runningNumber?.height ?? 0)
        continuedTop = PDFStyle.marginTop + height + 18
    }

    private func newPage() {
        pages.append([])
        let half = width / 2 - 6
        if let runningTitle { add(.text(runningTitle, x: left, y: PDFStyle.marginTop, width: half, alignment: .leading)) }
        if let runningNumber { add(.text(runningNumber, x: right - half, y: PDFStyle.marginTop, width: half, alignment: .trailing)) }
        add(.rule(x: left, y: continuedTop - 12, width: width, thickness: PDFStyle.ruleWidth, PDFStyle.rule))
        y = continuedTop
    }

    // MARK: helpers

    private func add(_ item: PageItem<Block>) {
        pages[pages.count - 1].append(item)
    }

    private func make(_ text: String, _ style: TextStyle, wrapWidth: Double? = nil, alignment: TextAlignment = .leading) throws -> Block {
        let block = try typesetter.block(text, style, wrapWidth: wrapWidth, alignment: alignment)
        unknownGlyphs += block.unknownGlyphs
        return block
    }

    /// Places `text` wrapped to `width` with its top at `y`; returns the y below it.
    private func place(_ text: String, _ style: TextStyle, x: Double, y: Double, width: Double, alignment: TextAlignment = .leading) throws -> Double {
        let block = try make(text, style, wrapWidth: width, alignment: alignment)
        add(.text(block, x: x, y: y, width: width, alignment: alignment))
        return y + block.height
    }
}
