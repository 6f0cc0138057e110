// swift-tools-version: 6.1
import PackageDescription

// The benchmarks, in a package of their own so that the root package's `swift build` and
// `swift test` (and CI) never build the benchmark framework:
//   cd Benchmarks && swift package benchmark
// See docs/performance.md.
let package = Package(
  name: "psyreg-benchmarks",
  platforms: [.macOS(.v15)],
  dependencies: [
    // Named, so the product references below do not depend on the checkout folder's name.
    .package(name: "psyreg", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
  ],
  targets: [
    // libyaml itself, for the bare event scan every load is measured against.
    .systemLibrary(name: "CLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
    .executableTarget(
      name: "PsyregBenchmarks",
      dependencies: [
        "CLibYAML",
        .product(name: "PsyregCore", package: "psyreg"),
        .product(name: "PsyregRender", package: "psyreg"),
        .product(name: "PsyregGen", package: "psyreg"),
        .product(name: "Benchmark", package: "benchmark"),
      ],
      path: "Benchmarks/PsyregBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    ),
  ],
  swiftLanguageModes: [.v6]
)
