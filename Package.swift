// swift-tools-version:6.0
import PackageDescription

/// tagih: a thin `tagih` executable over three libraries.
/// - TagihCore: the model and the pure billing rules (no I/O).
/// - TagihIO: readers and writers; the only code that touches the C libraries.
/// - TagihPipeline: the batch's stages (read, validate, compute, write) wired together.

let package = Package(
    name: "tagih",
    products: [
        .executable(name: "tagih", targets: ["tagih"]),
        .library(name: "TagihCore", targets: ["TagihCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // HMAC-SHA256 for activation codes.
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        // Heap: the queue of payment codes lapsing in a run.
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CPangoCairo", pkgConfig: "pangocairo", providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]),
        .target(name: "CPosix"),
        .target(name: "TagihCore", dependencies: [.product(name: "HeapModule", package: "swift-collections")]),
        .target(name: "TagihIO", dependencies: ["TagihCore", "CYAML", "CXlsxWriter", "CPangoCairo", "CZlib", "CPosix"]),
        .target(
            name: "TagihPipeline",
            dependencies: [
                "TagihCore", "TagihIO", "CPosix",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "tagih",
            dependencies: ["TagihPipeline", "CPosix", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "tagih-bench",
            dependencies: ["CXlsxWriter", "CPosix", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // libFuzzer entry point; `make fuzz` builds it with -sanitize=fuzzer.
        .target(name: "CFuzzer"),
        .executableTarget(name: "tagih-fuzz", dependencies: ["TagihPipeline", "CFuzzer"]),
        .target(name: "TestSupport", dependencies: ["CZlib"], path: "Tests/TestSupport"),
        .testTarget(name: "TagihCoreTests", dependencies: ["TagihCore"]),
        .testTarget(name: "TagihIOTests", dependencies: ["TagihIO", "TestSupport"]),
        .testTarget(
            name: "TagihPipelineTests",
            dependencies: ["TagihPipeline", "TestSupport", "CPosix"],
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
