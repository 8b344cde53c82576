import Foundation
import TestSupport

/// A throwaway input folder: settings plus whatever tables a test writes into it.
struct Fixture {
    let folder: URL

    static let settings = """
    operator: {name: NusaNet, email: billing@nusanet.example}
    currency: IDR
    tax: {rate: 11%, mode: exclusive}

    """

    static let products = """
    id,name,price,billing,terms,lead_days
    NET-30,Internet 30 Mbps,250000,flat,1,19
    SEAT,StaffHub,15000,per_seat,1|12,0

    """

    static let tenants = """
    id,name,email,active_seats
    T1,Budi,budi@mail.example,
    T2,SMP Harapan,tu@smp.example,46

    """

    init(settings: String = Fixture.settings, files: [String: String] = [:]) {
        folder = Paths.temporaryFolder()
        write("settings.yaml", settings)
        for (name, text) in files { write(name, text) }
    }

    func write(_ name: String, _ text: String) {
        let url = folder.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: url)
    }

    func write(_ name: String, bytes: Data) {
        let url = folder.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! bytes.write(to: url)
    }

    var path: String { folder.path }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
