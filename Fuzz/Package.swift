// swift-tools-version: 6.1
// libFuzzer targets for relmap, kept out of the main package because they are built
// with -sanitize=fuzzer (scripts/fuzz). Each fuzz target is a dynamic library holding
// LLVMFuzzerTestOneInput; scripts/fuzz builds them all in one `swift build` and links
// each to libFuzzer's own main with clang. A crash found becomes a regression test in
// the main package (Tests/RelMapCoreTests/Loading/FuzzRegressionTests.swift), which replays it
// without the fuzzer.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "relmap-fuzz",
    products: [
        .library(name: "FuzzLoader", type: .dynamic, targets: ["FuzzLoader"]),
        .library(name: "FuzzCSV", type: .dynamic, targets: ["FuzzCSV"]),
        .library(name: "FuzzDOT", type: .dynamic, targets: ["FuzzDOT"]),
    ],
    dependencies: [.package(path: "..")],
    targets: [
        // Account files (YAML and JSON) through the loader, the scores and the outputs.
        .target(name: "FuzzLoader", dependencies: [.product(name: "RelMapCore", package: root)]),
        // CSV files through `relmap import csv` and `relmap import salesforce`.
        .target(name: "FuzzCSV", dependencies: [.product(name: "RelMapCore", package: root)]),
        // Random accounts through the DOT writer and back through libcgraph.
        .target(
            name: "FuzzDOT",
            dependencies: [
                .product(name: "RelMapCore", package: root), .product(name: "RelMapGraphviz", package: root),
            ]),
    ]
)
