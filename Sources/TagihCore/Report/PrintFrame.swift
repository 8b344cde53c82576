/// What frames a workbook beyond its rows: the operator, the file's title and its period at
/// the top of every printed page, page numbers at the bottom, and the word that labels
/// totals rows. Words only, already in the reader's language; the writer makes the
/// spreadsheet's codes of them.
public struct PrintFrame: Sendable, Equatable {
    public var operatorName: String
    public var title: String
    public var period: String
    /// `Page {page} of {pages}`: the placeholders are where the numbers go.
    public var pageNumbers: String
    /// `Total` in a totals row's `Total IDR`.
    public var total: String
    /// The currency whose totals row comes first (the operator's); the others follow by code.
    public var homeCurrency: CurrencyCode?

    public init(operatorName: String, title: String, period: String, pageNumbers: String = "Page {page} of {pages}",
                total: String = "Total", homeCurrency: CurrencyCode? = nil) {
        self.operatorName = operatorName
        self.title = title
        self.period = period
        self.pageNumbers = pageNumbers
        self.total = total
        self.homeCurrency = homeCurrency
    }
}
