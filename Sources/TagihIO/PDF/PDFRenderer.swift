internal import CPangoCairo

/// Renders `PrintedDocument`s to A4 PDF: Latin-only documents with tagih's own writer and
/// the prepared Noto Sans subsets (`LatinFaces`), any other with cairo and pango.
///
/// Deterministic: the same document gives the same bytes in any process on any day (no dates
/// are written, and the layout does not depend on the locale), as long as the fonts (and for
/// the pango path cairo and pango) are the same versions.
///
/// Threads: a renderer owns pango's font map, which two threads must never use at once (pango
/// hangs). Give each thread its own renderer, made when the worker starts and kept for all
/// its documents: the font map is loaded on the first document that needs pango (tens of
/// milliseconds). It is not `Sendable`, so Swift refuses to share one between tasks.
public final class PDFRenderer {
    /// pango and cairo, made on the first document the Latin faces do not cover.
    private var typesetter: Typesetter?

    /// Throws when a font family the renderer needs is not installed.
    public init() throws {
        if LatinFaces.cuts.isEmpty { typesetter = try Typesetter() }
    }

    /// The document as PDF bytes, e.g. for a mail attachment.
    ///
    /// When the prepared Latin faces have every character of the document, tagih writes the
    /// PDF itself, about ten times faster than pango and cairo, which shape any script and cut
    /// a font subset for each file; otherwise (an Arabic or Chinese name) pango and cairo do.
    public func render(_ document: PrintedDocument) throws -> RenderedPDF {
        if let faces = LatinFaces.cut(for: document) {
            return try renderPlain(document, faces: faces)
        }
        return try renderWithPango(document)
    }

    private func renderPlain(_ document: PrintedDocument, faces: LatinFaces) throws -> RenderedPDF {
        let composer = PageComposer(document, typesetter: PlainTypesetter(faces: faces))
        let pages = try composer.compose()
        let contents = pages.map { page in
            var content = PageContent()
            for item in page { item.draw(on: &content) }
            return content.bytes
        }
        return RenderedPDF(bytes: try PDFFile.make(pages: contents, metadata: document.metadata, faces: faces), pageCount: pages.count, missingGlyphs: 0)
    }

    func renderWithPango(_ document: PrintedDocument) throws -> RenderedPDF {
        let typesetter = try self.typesetter ?? Typesetter()
        self.typesetter = typesetter
        let surface = try PDFSurface(metadata: document.metadata)
        typesetter.attach(to: surface.cairo)
        let composer = PageComposer(document, typesetter: typesetter)
        let pages = try composer.compose()
        for page in pages {
            for item in page { item.draw(on: surface.cairo) }
            try surface.endPage()
        }
        return RenderedPDF(bytes: try surface.finish(), pageCount: pages.count, missingGlyphs: composer.unknownGlyphs)
    }

    /// Renders and writes a new file at `path`; an existing file is never overwritten, and
    /// nothing is written when rendering fails.
    @discardableResult
    public func render(_ document: PrintedDocument, to path: String) throws -> RenderedPDF {
        let rendered = try render(document)
        do {
            try writeFile(path, bytes: rendered.bytes)
        } catch let error as OutputError {
            throw PDFError(error.description)
        }
        return rendered
    }
}

@available(*, unavailable, message: "one PDFRenderer per thread: pango's font map is not thread-safe")
extension PDFRenderer: Sendable {}
