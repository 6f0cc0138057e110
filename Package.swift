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
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
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
    .executableTarget(
      name: "psyreg",
      dependencies: [
        "PsyregCore",
        "PsyregRender",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      exclude: ["README.md"]
    ),
    // Synthetic rule sets shaped like the shipped ones, for the benchmarks and the scale tests.
    .target(name: "PsyregGen", dependencies: ["PsyregCore"]),
    .executableTarget(name: "psyreg-gen", dependencies: ["PsyregGen", "PsyregCore"]),
    // Questions per second on a rule set, in process (docs/performance.md, "Questions").
    .executableTarget(name: "psyreg-question-bench", dependencies: ["PsyregCore"]),
    // Helpers the test targets share: rule files from text with markers, fixtures.
    .target(name: "PsyregTestSupport", dependencies: ["PsyregCore"], path: "Tests/PsyregTestSupport"),
    .testTarget(name: "PsyregYAMLTests", dependencies: ["PsyregYAML"]),
    .testTarget(
      name: "PsyregCoreTests", dependencies: ["PsyregCore", "PsyregRender", "PsyregTestSupport", "PsyregGen"]),
    .testTarget(
      name: "PsyregRenderTests", dependencies: ["PsyregRender", "PsyregCore", "PsyregTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(name: "PsyregCLITests", dependencies: ["psyreg", "PsyregCore", "PsyregRender", "PsyregTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
