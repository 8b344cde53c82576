@testable import TagihPipeline

enum OrderCodesProbe {
    static func activation(_ order: String, _ secret: String) -> String { OrderCodes.activationCode(orderId: order, secret: secret) }
}
