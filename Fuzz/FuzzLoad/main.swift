import FuzzSupport
import PsyregCore
import PsyregRender

// FuzzLoad: bytes → the loader (reader → decoder → cross-file checks) → every diagnostic
// format. The bytes are one rule file, read under each folder that decides how a file is
// decoded (substances/, jurisdictions/, tests/, and none: decoded by its keys).
//
// Build and run: scripts/fuzz.sh FuzzLoad SECONDS (docs/hardening.md).
#if canImport(Glibc)
  import Glibc
#endif

let paths = [
  "fuzz/substances/input.yaml", "fuzz/jurisdictions/input.yaml", "fuzz/tests/input.yaml", "fuzz/input.yaml",
]

/// A private folder for inputs that are not UTF-8: those are written to files and read as
/// `psyreg validate` reads them, since `load(sources:)` takes text.
let scratch: String = {
  let base = environment("TMPDIR") ?? "/tmp"
  let folder = "\(base)/psyreg-fuzzload-\(getpid())"
  for sub in ["", "/substances", "/jurisdictions", "/tests"] { mkdir(folder + sub, 0o700) }
  return folder
}()

func write(_ bytes: [UInt8], to path: String) {
  let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  guard fd >= 0 else { return }
  defer { close(fd) }
  var offset = 0
  while offset < bytes.count {
    let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    if n <= 0 { return }
    offset += n
  }
}

func report(_ output: RuleLoader.Output) {
  let diagnostics = output.diagnostics.sortedByPosition()
  for format in DiagnosticFormat.allCases {
    let text = format.reporter.report(diagnostics)
    switch format {
    case .text: check(text, .terminal, "validate --format text")
    case .github: check(text, .workflow, "validate --format github")
    case .json, .sarif: check(text, .structured, "validate --format \(format.rawValue)")
    }
  }
  check(TextDiagnosticReporter.summary(diagnostics, files: output.rules.files.count), .terminal, "summary")
}

runFuzzer { data, size in
  let input = bytes(data, size)
  let loader = RuleLoader()
  if let text = String(validating: input, as: UTF8.self) {
    report(loader.load(sources: paths.map { (path: $0, text: text) }))
  } else {
    let files = ["substances", "jurisdictions", "tests"].map { "\(scratch)/\($0)/input.yaml" }
    for file in files { write(input, to: file) }
    report(loader.load(files: files))
  }
  return 0
}
