// swift-tools-version: 6.1
import PackageDescription

let package = Package(
  name: "psyreg",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "PsyregCore", targets: ["PsyregCore"]),
    .executable(name: "psyreg", targets: ["psyreg"]),
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
    .target(name: "PsyregCore", dependencies: ["CYAML"]),
    .executableTarget(
      name: "psyreg",
      dependencies: [
        "PsyregCore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .executableTarget(name: "psyreg-bench", dependencies: ["PsyregCore", "CYAML"], path: "Benchmarks/LoadBenchmark"),
    .testTarget(name: "PsyregCoreTests", dependencies: ["PsyregCore"], exclude: ["Fixtures"]),
    .testTarget(name: "PsyregCLITests", dependencies: ["psyreg", "PsyregCore"]),
  ],
  swiftLanguageModes: [.v6]
)
