import Foundation
import TagihPipeline
#if TAGIH_FUZZ
import CFuzzer
#endif

/// libFuzzer entry point for tagih's readers. `make fuzz` builds this target with
/// `-sanitize=fuzzer,address -D TAGIH_FUZZ` and runs it once per reader: the environment
/// variable `TAGIH_FUZZ_TARGET` names which input file the fuzzed bytes become. Each input is
/// checked the way `tagih check` checks a folder, beside small valid tables, so the bytes go
/// through the reader and the field decoders behind it.
///
/// Built normally (as `swift build` does for every target) it only says how to use it.
enum FuzzHarness {
    /// Reader under test → the file name the bytes are written to.
    static let targets: [String: String] = [
        "csv": "tenants.csv",
        "payments": "payments.csv",
        "yaml": "products.yaml",
        "settings": "settings.yaml",
        "state": "state.yaml",
        "stripe": "stripe-2026-11.csv",
        "midtrans": "midtrans-2026-11.jsonl",
    ]

    static let settings = """
        operator: {name: NusaNet, email: billing@nusanet.example}
        currency: IDR
        timezone: Asia/Jakarta
        tax: {rate: 11%, mode: exclusive}
        dunning: [{days: 1, action: reminder}, {days: 14, action: disconnect}]

        """
    static let base: [String: String] = [
        "settings.yaml": settings,
        "products.yaml": "- {id: NET, name: Internet, price: 250000, billing: flat, lead_days: 19}\n",
        "tenants.csv": "id,name,email,phone\nA,Budi,budi@mail.example,0812-1111-2222\n",
        "subscriptions.csv": "id,tenant_id,product_id,start\nS1,A,NET,2026-01-20\n",
    ]

    struct Setup {
        let folder: String
        let file: String
    }

    nonisolated(unsafe) static var setup: Setup?

    static func prepare() -> Setup {
        if let setup { return setup }
        let name = ProcessInfo.processInfo.environment["TAGIH_FUZZ_TARGET"] ?? "csv"
        guard let file = targets[name] else {
            FileHandle.standardError.write(Data("TAGIH_FUZZ_TARGET must be one of \(targets.keys.sorted())\n".utf8))
            exit(2)
        }
        let root = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
        let folder = "\(root)/tagih-fuzz-\(name)-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        // A harness that cannot write its files would fuzz nothing: stop at once.
        for (file, text) in base {
            precondition(FileManager.default.createFile(atPath: "\(folder)/\(file)", contents: Data(text.utf8)), "cannot write \(folder)/\(file)")
        }
        let made = Setup(folder: folder, file: "\(folder)/\(file)")
        setup = made
        return made
    }

    static func check(_ bytes: UnsafeRawBufferPointer) {
        let setup = prepare()
        precondition(FileManager.default.createFile(atPath: setup.file, contents: Data(bytes)), "cannot write \(setup.file)")
        var options = RunOptions()
        options.input = setup.folder
        options.output = setup.folder + "/output/check"
        _ = Check.run(options)
    }
}

#if TAGIH_FUZZ
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.check(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

/// SwiftPM links an executable's `main` to this name, so libFuzzer's driver starts here.
@_cdecl("tagih_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct FuzzUsage {
    static func main() {
        FileHandle.standardError.write(Data("tagih-fuzz is built and run by `make fuzz` (libFuzzer, -sanitize=fuzzer).\n".utf8))
        exit(2)
    }
}
#endif
