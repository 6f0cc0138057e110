// swift-tools-version: 6.1
import PackageDescription

// The stages, each a target that can only see the ones before it:
// CYAML → PsyregYAML → PsyregCore → PsyregRender → psyreg (the command line).
let package = Package(
  name: "psyreg",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "PsyregCore", targets: ["PsyregCore"]),
    .library(name: "PsyregRender", targets: ["PsyregRender"]),
    .library(name: "PsyregGen", targets: ["PsyregGen"]),
    .executable(name: "psyreg", targets: ["psyreg"]),
    .executable(name: "psyreg-gen", targets: ["psyreg-gen"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    // libyaml's events into a positioned tree; all unsafe-pointer code lives here.
    .target(name: "PsyregYAML", dependencies: ["CYAML"], exclude: ["README.md"]),
    // The rule model, checks, loading, evaluation and the diff algorithm.
    .target(name: "PsyregCore", dependencies: ["PsyregYAML"], exclude: ["README.md"]),
    // Every output format: answers, timelines, lists, diagnostics, reports, diffs.
    .target(name: "PsyregRender", dependencies: ["PsyregCore"], exclude: ["README.md"]),
    // `psyreg serve`: the JSON API and the pages over HTTP, with hot reload of the rules.
    .target(
      name: "PsyregServer",
      dependencies: [
        "PsyregCore",
        "PsyregRender",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "Metrics", package: "swift-metrics"),
        .product(name: "Prometheus", package: "swift-prometheus"),
        .product(name: "CompressNIO", package: "compress-nio"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      exclude: ["README.md"]
    ),
    .executableTarget(
      name: "psyreg",
      dependencies: [
        "PsyregCore",
        "PsyregRender",
        "PsyregServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]
    ),
    // Synthetic rule sets shaped like the shipped ones, for the benchmarks and the scale tests.
    .target(name: "PsyregGen", dependencies: ["PsyregCore"]),
    .executableTarget(name: "psyreg-gen", dependencies: ["PsyregGen", "PsyregCore"]),
    // Questions per second on a rule set, in process (docs/performance.md, "Questions").
    .executableTarget(name: "psyreg-question-bench", dependencies: ["PsyregCore", "PsyregGen"]),
    // Helpers the test targets share: rule files from text with markers, fixtures.
    .target(name: "PsyregTestSupport", dependencies: ["PsyregCore"], path: "Tests/PsyregTestSupport"),
    .testTarget(name: "PsyregYAMLTests", dependencies: ["PsyregYAML"]),
    .testTarget(
      name: "PsyregCoreTests", dependencies: ["PsyregCore", "PsyregRender", "PsyregTestSupport", "PsyregGen"]),
    .testTarget(
      name: "PsyregRenderTests", dependencies: ["PsyregRender", "PsyregCore", "PsyregTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "PsyregServerTests",
      dependencies: [
        "PsyregServer", "PsyregCore", "PsyregRender", "PsyregTestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]),
    .testTarget(name: "PsyregCLITests", dependencies: ["psyreg", "PsyregCore", "PsyregRender", "PsyregTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)

// The libFuzzer targets (Fuzz/, docs/hardening.md), declared only when PSYREG_FUZZ=1 so that
// `swift build` and `swift test` never build them: they only link with libFuzzer and the
// sanitizer flags `scripts/fuzz.sh` passes. They live in this package rather than in a package
// of their own under Fuzz/ (which would resolve and check out this package's dependencies a
// second time, into its own Package.resolved) and build into their own .build/fuzz.
if Context.environment["PSYREG_FUZZ"] == "1" {
  package.targets += [
    // libFuzzer's driver called from a Swift entry point (SwiftPM renames `main`).
    .target(name: "FuzzDriver", path: "Fuzz/FuzzDriver"),
    .target(name: "FuzzSupport", dependencies: ["FuzzDriver", "PsyregRender"], path: "Fuzz/FuzzSupport"),
    .executableTarget(
      name: "FuzzLoad", dependencies: ["FuzzSupport", "PsyregCore", "PsyregRender"], path: "Fuzz/FuzzLoad"),
    .executableTarget(
      name: "FuzzAnswer", dependencies: ["FuzzSupport", "PsyregCore", "PsyregRender"], path: "Fuzz/FuzzAnswer"),
  ]
}
