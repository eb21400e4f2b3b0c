// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Winnow",
    products: [
        .library(name: "Winnow", targets: ["Winnow"]),
        .executable(name: "winnow", targets: ["winnow"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .systemLibrary(
            name: "CLibDeflate",
            pkgConfig: "libdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(
            name: "CHTMLParse",
            dependencies: ["CLibXML2"]
        ),
        .target(
            name: "CFolderExchange"
        ),
        .target(
            name: "CAllocatorTuning"
        ),
        .target(
            name: "Winnow",
            dependencies: [
                "CLibXML2",
                "CHTMLParse",
                "CZlib",
                "CLibDeflate",
                "CFolderExchange",
                .product(name: "Yams", package: "Yams"),
            ],
            resources: [.embedInCode("Resources/report.css"), .embedInCode("Resources/report.js")]
        ),
        .executableTarget(
            name: "winnow",
            dependencies: [
                "Winnow",
                "CAllocatorTuning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "signature-bench",
            dependencies: ["Winnow"],
            path: "Benchmarks/SignatureBench"
        ),
        .executableTarget(
            name: "warc-read-bench",
            dependencies: ["Winnow"],
            path: "Benchmarks/WARCReadBench"
        ),
        .executableTarget(
            name: "extract-bench",
            dependencies: ["Winnow", "CZlib"],
            path: "Benchmarks/ExtractBench"
        ),
        .target(
            name: "WinnowTestSupport",
            dependencies: ["Winnow"],
            path: "Tests/WinnowTestSupport"
        ),
        .testTarget(
            name: "WinnowTests",
            dependencies: ["Winnow", "WinnowTestSupport", .product(name: "Yams", package: "Yams")],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
