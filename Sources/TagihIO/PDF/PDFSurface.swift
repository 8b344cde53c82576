internal import CPangoCairo

/// A cairo PDF surface that writes into memory: a document is either complete or nothing, and
/// the caller decides where its bytes go (a file, a mail attachment).
final class PDFSurface {
    /// Collects what cairo writes. A class, so cairo's C callback can reach it by pointer.
    private final class Sink {
        var bytes: [UInt8] = []
    }

    private let sink = Sink()
    private let surface: OpaquePointer
    let cairo: OpaquePointer
    private var finished = false

    init(metadata: PrintedDocument.Metadata) throws {
        sink.bytes.reserveCapacity(48 * 1024)
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        // cairo never returns NULL here; a failure is an error surface, checked below. The
        // sink lives as long as self, which outlives the surface (destroyed in deinit).
        guard let surface = cairo_pdf_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), PDFStyle.pageWidth, PDFStyle.pageHeight) else {
            throw PDFError("cairo could not create a PDF surface")
        }
        self.surface = surface
        guard let cairo = cairo_create(surface) else {
            cairo_surface_destroy(surface)
            throw PDFError("cairo could not create a drawing context")
        }
        self.cairo = cairo
        try check("creating the PDF")
        cairo_pdf_surface_restrict_to_version(surface, CAIRO_PDF_VERSION_1_5)
        // cairo 1.16 stamps /CreationDate with the current time unless told otherwise, and
        // NULL removes the key (a date would also come out without its "D:" prefix). With no
        // date, the same document gives the same bytes on any day.
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, nil)
        cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, nil)
        for (key, value) in [(CAIRO_PDF_METADATA_TITLE, metadata.title), (CAIRO_PDF_METADATA_AUTHOR, metadata.author), (CAIRO_PDF_METADATA_SUBJECT, metadata.subject)] where !value.isEmpty {
            cairo_pdf_surface_set_metadata(surface, key, TextBlock.printable(value))
        }
    }

    deinit {
        cairo_destroy(cairo)
        cairo_surface_destroy(surface)
    }

    /// Ends the current page and starts the next.
    func endPage() throws {
        cairo_show_page(cairo)
        try check("drawing a page")
    }

    /// Writes the document's trailer and returns its bytes.
    func finish() throws -> [UInt8] {
        if !finished {
            finished = true
            cairo_surface_finish(surface)
        }
        try check("finishing the PDF")
        return sink.bytes
    }

    /// cairo records the first error and then ignores every call: check it at each step.
    private func check(_ step: String) throws {
        let status = cairo_status(cairo) != CAIRO_STATUS_SUCCESS ? cairo_status(cairo) : cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw PDFError("cairo failed \(step): \(String(cString: cairo_status_to_string(status)))")
        }
    }
}
