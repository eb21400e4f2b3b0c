// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for Winnow, in a package of their own so that the main package's `swift build`
/// and `swift test` never see them. Build with `scripts/fuzz`, which passes `-sanitize=fuzzer,address`.
let targets = [
    "FuzzJSONL", "FuzzHTML", "FuzzHTMLParse", "FuzzGzip", "FuzzWARC", "FuzzSignatures", "FuzzKeepers", "FuzzClusters", "FuzzTemplates",
    "FuzzWords",
]

let package = Package(
    name: "WinnowFuzz",
    dependencies: [.package(name: "Winnow", path: "..")],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "Winnow", package: "Winnow")]),
    ]
        + targets.map { name in
            .executableTarget(name: name, dependencies: ["FuzzSupport", .product(name: "Winnow", package: "Winnow")])
        },
    swiftLanguageModes: [.v6]
)
