// swift-tools-version: 6.1
// libFuzzer targets for relmap, kept out of the main package because they are built
// with -sanitize=fuzzer (scripts/fuzz). Each fuzz target is a dynamic library holding
// LLVMFuzzerTestOneInput; scripts/fuzz links it to libFuzzer's own main with clang.
// The Replay executable runs saved inputs through the same code without the fuzzer.
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder, which differs between checkouts.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "relmap-fuzz",
    products: [
        .library(name: "FuzzLoader", type: .dynamic, targets: ["FuzzLoader"]),
    ],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzLoader", dependencies: [.product(name: "RelMapCore", package: root)]),
    ]
)
