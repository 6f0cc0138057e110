// Writes a synthetic rule set shaped like the shipped one:
//   swift run -c release psyreg-gen --jurisdictions 1000 --entries 1000000 OUT/
// Deterministic from --seed; --edits N makes the second side of a diff (N entries changed).
import PsyregCore
import PsyregGen

#if canImport(Glibc)
  import Glibc
#endif

let usage = """
  usage: psyreg-gen [--seed S] [--jurisdictions J] [--entries E | --entries-per-jurisdiction N]
                    [--substances S] [--cases C] [--edits K] OUT
    --jurisdictions   jurisdiction files, the treaty layer included (default 150)
    --entries         timeline entries in all (default 3000)
    --substances      substance files (default 40)
    --cases           expectation test cases, answered from the generated rules (default entries/50, at least 10)
    --edits           entries changed against --edits 0: the second side of a diff (default 0)
    --history-days    days of history, ending 2025-12-31 (default 23652, from 1961-03-30); with fewer
                      days than a jurisdiction's entries, entries share days (a stress shape)
  OUT gets substances/, jurisdictions/ and tests/; `psyreg validate OUT --strict` passes.
  """

func fail(_ message: String) -> Never {
  let text = Array("psyreg-gen: \(message)\n\(usage)\n".utf8)
  _ = text.withUnsafeBufferPointer { write(2, $0.baseAddress, $0.count) }
  exit(64)
}

var config = GeneratorConfig()
var perJurisdiction: Int?
var output: String?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  func number() -> Int {
    guard let value = arguments.popFirst(), let n = Int(value.filter { $0 != "_" && $0 != "," }), n >= 0 else {
      fail("\(argument) needs a whole number")
    }
    return n
  }
  switch argument {
  case "--seed": config.seed = UInt64(number())
  case "--jurisdictions": config.jurisdictions = max(2, number())
  case "--entries": config.entries = number()
  case "--entries-per-jurisdiction": perJurisdiction = number()
  case "--substances": config.substances = max(2, number())
  case "--cases": config.cases = number()
  case "--edits": config.edits = number()
  case "--history-days": config.historyDays = max(1, number())
  case "-h", "--help":
    print(usage)
    exit(0)
  default:
    if argument.hasPrefix("-") || output != nil { fail("unexpected argument \(argument)") }
    output = argument
  }
}
guard let output else { fail("give the output folder") }
if let perJurisdiction { config.entries = perJurisdiction * config.jurisdictions }

let generator = RuleSetGenerator(config)
let files = generator.allFiles()
do {
  let bytes = try GeneratedFile.write(files, to: output)
  print(
    "psyreg-gen: wrote \(files.count) files (\(config.substances) substances, \(config.jurisdictions) jurisdictions, "
      + "\(config.entries) entries, \(config.caseCount) cases, \(config.edits) edits), \(bytes) bytes, to \(output)")
} catch {
  fail(error.description)
}
