/// A printable business document (invoice, receipt, credit note) as the renderer draws it: an
/// A4 portrait page with the issuer and the title at the top, the recipient and the facts
/// beside each other, a table, totals under it, notes and a footer on every page.
///
/// Every string arrives worded and formatted by the caller ("Rp 1.500.000", "31-01-2024",
/// "Jatuh tempo"): the renderer chooses no words, numbers or date formats, so the same model
/// gives the same bytes. Empty parts are left out of the page.
public struct PrintedDocument: Sendable, Equatable {
    /// The document's name, largest on the first page and on top of every later page: "FAKTUR".
    public var title: String
    /// Printed under the title, as given: "No. INV-2026-11-00031".
    public var number: String
    /// The seller; the first line is its name and is printed bold, the rest are address lines.
    public var issuer: [String]
    /// A small caption over the recipient: "Kepada" or "Bill to".
    public var recipientHeading: String
    /// The buyer; the first line is its name and is printed bold.
    public var recipient: [String]
    /// Label and value pairs beside the recipient: issue date, due date, payment code.
    public var facts: [Fact]
    public var columns: [Column]
    /// The table's rows, one string per column. Rows that do not fit continue on a new page
    /// under a repeated header.
    public var rows: [[String]]
    public var totals: [Total]
    /// Paragraphs after the totals: payment instructions, the amount in words.
    public var notes: [Note]
    /// Small print at the bottom of every page, beside the page number ("1/2").
    public var footer: String
    public var metadata: Metadata

    public init(
        title: String, number: String, issuer: [String], recipientHeading: String, recipient: [String],
        facts: [Fact], columns: [Column], rows: [[String]], totals: [Total], notes: [Note], footer: String,
        metadata: Metadata
    ) {
        self.title = title
        self.number = number
        self.issuer = issuer
        self.recipientHeading = recipientHeading
        self.recipient = recipient
        self.facts = facts
        self.columns = columns
        self.rows = rows
        self.totals = totals
        self.notes = notes
        self.footer = footer
        self.metadata = metadata
    }

    public struct Fact: Sendable, Equatable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    public struct Column: Sendable, Equatable {
        public enum Alignment: Sendable, Equatable {
            case leading, center, trailing
        }

        /// How wide the column is. A `.content` column is as wide as its widest cell; the one
        /// `.remaining` column (the description) takes the rest and wraps. Without one, the
        /// first column takes the rest.
        public enum Width: Sendable, Equatable {
            case content, remaining
        }

        public var title: String
        /// `.trailing` for amounts, so their digits line up.
        public var alignment: Alignment
        public var width: Width

        public init(_ title: String, alignment: Alignment = .leading, width: Width = .content) {
            self.title = title
            self.alignment = alignment
            self.width = width
        }
    }

    public struct Total: Sendable, Equatable {
        public var label: String
        public var value: String
        /// The amount due: bold, larger, with a rule above.
        public var emphasised: Bool
        public init(_ label: String, _ value: String, emphasised: Bool = false) {
            self.label = label
            self.value = value
            self.emphasised = emphasised
        }
    }

    public struct Note: Sendable, Equatable {
        /// A bold line over the text; empty for none.
        public var heading: String
        /// Wrapped to the page's width; "\n" starts a new line.
        public var text: String
        public init(heading: String = "", _ text: String) {
            self.heading = heading
            self.text = text
        }
    }

    /// The PDF's document information (what a viewer shows under Properties). No dates are
    /// written, so the bytes do not depend on when the document was rendered.
    public struct Metadata: Sendable, Equatable {
        public var title: String
        public var author: String
        public var subject: String
        public init(title: String, author: String, subject: String = "") {
            self.title = title
            self.author = author
            self.subject = subject
        }
    }
}
