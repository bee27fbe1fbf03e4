// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Disclose",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "disclose", targets: ["disclose"]),
        .executable(name: "disclose-bench", targets: ["disclose-bench"]),
        .library(name: "DiscloseKit", targets: ["DiscloseKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // librsvg from the system (Debian: librsvg2-dev): chart SVG to PNG.
        .systemLibrary(
            name: "CRsvg",
            pkgConfig: "librsvg-2.0",
            providers: [.apt(["librsvg2-dev"])]
        ),
        // The one system call Foundation lacks: an atomic swap of the output folder.
        .target(name: "CDiscloseSupport"),
        // Pure domain core: money, model, codes, schema, diagnostics. No file or network access.
        .target(
            name: "DiscloseCore",
            resources: [.copy("Resources")]
        ),
        // Edges: loading content (Yams), Markdown (libcmark), the check command's logic.
        .target(
            name: "DiscloseKit",
            dependencies: [
                "DiscloseCore",
                "CCmark",
                "CRsvg",
                "CDiscloseSupport",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The preview server: the only user of Hummingbird.
        .target(
            name: "DisclosePreview",
            dependencies: [
                "DiscloseKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "disclose",
            dependencies: [
                "DiscloseKit",
                "DisclosePreview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark: generates large content trees and times builds.
        .executableTarget(
            name: "disclose-bench",
            dependencies: [
                "DiscloseKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "DiscloseCoreTests", dependencies: ["DiscloseCore"]),
        .testTarget(name: "DiscloseKitTests", dependencies: ["DiscloseKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(
            name: "DisclosePreviewTests",
            dependencies: ["DisclosePreview", .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
