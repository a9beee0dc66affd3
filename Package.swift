// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "relmap",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "RelMapCore", targets: ["RelMapCore"]),
        .library(name: "RelMapGraphviz", targets: ["RelMapGraphviz"]),
        .executable(name: "relmap", targets: ["relmap"]),
        .executable(name: "relmap-bench", targets: ["RelMapBench"]),
    ],
    dependencies: [
        // The CLI's commands, options, help and usage errors.
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        // HTML report templates: escapes < > & " ' in every {{value}} by default (Plot
        // 0.14 leaves quotes in attribute values unescaped), and has no dependencies.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        // CRM imports: reads one record at a time (exact row numbers, per-row skipping) and keeps fields as written.
        .package(url: "https://github.com/yaslab/CSV.swift.git", exact: "2.5.2"),
        // relmap serve: HTTP/1.1 on SwiftNIO with routing, request body limits and graceful
        // shutdown on SIGINT/SIGTERM (ServiceLifecycle), so no HTTP code of our own; its
        // HummingbirdTesting drives the routes in tests without a socket.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        // relmap serve: random session and CSRF secrets, HMAC and constant-time comparison
        // of tokens come from a reviewed library, not from code of our own.
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
    ],
    targets: [
        // Model, loading and validation, scores, gaps, plan, DOT: no terminal; C only through
        // CYAML, which Loading/YAMLComposer.swift and Editing/YAMLSpans.swift import `internal`
        // (as RelMapGraphviz imports CGraphviz), so the compiler keeps C types out of the API.
        .target(
            name: "RelMapCore",
            dependencies: [
                "CYAML",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
                // SHA-256 of account files (content hashes) and of the report's script (CSP).
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // libyaml's event parser, found through pkg-config: the loader composes its own tree
        // from the events, with the line and column of every value.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Graphviz's C library, found through pkg-config.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
        ),
        // The only code that touches C: DOT text in, SVG/PNG/PDF bytes out, in process or in
        // a worker process (GraphvizWorker).
        .target(name: "RelMapGraphviz", dependencies: ["CGraphviz"]),
        // An account's diagram from limits to finished bytes, drawn in Graphviz worker
        // processes with the fallbacks: the one pipeline of render, report and serve.
        .target(name: "RelMapDrawing", dependencies: ["RelMapCore", "RelMapGraphviz"]),
        // Seeded generator of realistic accounts, for property tests and benchmarks.
        .target(name: "RelMapSynthetic", dependencies: ["RelMapCore"]),
        // relmap serve: the account team's pages and edit forms over HTTP (Hummingbird).
        .target(
            name: "RelMapServe",
            dependencies: [
                "RelMapCore", "RelMapGraphviz", "RelMapDrawing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "relmap",
            dependencies: [
                "RelMapCore", "RelMapGraphviz", "RelMapDrawing", "RelMapServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The Swift side of benchmarks/run: times relmap in process next to Python references.
        .executableTarget(
            name: "RelMapBench",
            dependencies: [
                "RelMapCore", "RelMapSynthetic", "RelMapGraphviz",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What every test target shares: the repository's paths (found through #filePath),
        // temporary folders, and the built `relmap` run as a user runs it.
        .target(name: "RelMapTestSupport"),
        .testTarget(
            name: "RelMapCoreTests", dependencies: ["RelMapCore", "RelMapSynthetic", "RelMapTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "RelMapGraphvizTests",
            dependencies: ["RelMapGraphviz", "RelMapCore", "RelMapSynthetic", "RelMapTestSupport"]),
        .testTarget(
            name: "RelMapDrawingTests",
            dependencies: ["RelMapDrawing", "RelMapCore", "RelMapGraphviz", "RelMapTestSupport"]),
        .testTarget(name: "RelMapCLITests", dependencies: ["RelMapCore", "RelMapTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "RelMapServeTests",
            dependencies: [
                "RelMapServe", "RelMapCore", "RelMapTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
