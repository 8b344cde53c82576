import TagihCore

/// What a remittance says of the transfer that pays its window: the transfer's reference,
/// its amount and how many windows it joins. The mails keep this much of each transfer; the
/// transfers themselves (account, email, every window's reference) are made again by the job
/// writing the payout files and freed when it is done: 229,123 of them took 98 MB at a
/// million tenants.
struct RemittanceTransfer: Sendable {
    var reference: String
    var amount: Money
    var windows: Int

    init(_ transfer: PayoutTransfer) {
        reference = transfer.reference
        amount = transfer.amount
        windows = transfer.windows.count
    }

    /// Each payout's transfer, by the payout's place in `payouts`, as places in the second list.
    static func byPayout(_ payouts: [WindowPayout], transfers: [PayoutTransfer]) -> (transferOf: [Int32], transfers: [RemittanceTransfer]) {
        var transferAt: [String: Int32] = [:]
        for (index, transfer) in transfers.enumerated() { for window in transfer.windows { transferAt[window] = Int32(index) } }
        let transferOf = payouts.map { $0.isPaid ? transferAt[$0.reference] ?? -1 : -1 }
        return (transferOf, transfers.map(RemittanceTransfer.init))
    }
}
