// Measures the rule loader against a bare libyaml event scan of the same bytes, in one run:
//   swift run -c release psyreg-bench [files] [repetitions]
// Ratios, not absolute times, are the result: both sides run on the same machine, data and moment.
import CYAML
import Dispatch
import PsyregCore
import PsyregYAML

#if canImport(Glibc)
  import Glibc
#endif

let arguments = CommandLine.arguments
let fileCount = arguments.count > 1 ? Int(arguments[1]) ?? 3000 : 3000
let repetitions = arguments.count > 2 ? Int(arguments[2]) ?? 7 : 7

/// Synthetic jurisdiction files shaped like the shipped ones: a header and a dozen entries.
func syntheticFiles(_ count: Int) -> [(path: String, text: String)] {
  var files: [(path: String, text: String)] = [
    ("Rules/substances/mdma.yaml", "id: mdma\nname: MDMA\nkind: compound\naliases: [ecstasy, molly]\n")
  ]
  for i in 0..<count {
    var text = "id: j\(i)\nname: Jurisdiction \(i)\nkind: national\naliases: [J\(i), Place \(i)]\ntimeline:\n"
    for year in 0..<12 {
      text += """
          - date: \(1970 + year * 4)-07-01
            kind: scheduled
            substances: [mdma]
            title: Entry \(year) of jurisdiction \(i)
            instrument: Act \(year)/\(i)
            sources: [https://example.org/\(i)/\(year)]
            confidence: high
            status: Schedule \(year % 3 + 1)
            verdicts:
              default: prohibited
              research: {verdict: conditional, conditions: [a licence, an approved protocol]}

        """
    }
    files.append(("Rules/jurisdictions/j\(i).yaml", text))
  }
  return files
}

/// libyaml's event scan alone: the floor any loader of these bytes stands on.
func bareScan(_ bytes: [UInt8]) -> Int {
  var parser = yaml_parser_t()
  yaml_parser_initialize(&parser)
  defer { yaml_parser_delete(&parser) }
  var events = 0
  bytes.withUnsafeBufferPointer { buffer in
    yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
    var event = yaml_event_t()
    while yaml_parser_parse(&parser, &event) != 0 {
      let done = event.type == YAML_STREAM_END_EVENT
      yaml_event_delete(&event)
      events += 1
      if done { break }
    }
  }
  return events
}

func now() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func median(_ samples: [Double]) -> Double { samples.sorted()[samples.count / 2] }

func measure(_ name: String, _ body: () -> Void) -> Double {
  body()  // warm up
  var samples: [Double] = []
  for _ in 0..<repetitions {
    let start = now()
    body()
    samples.append(now() - start)
  }
  let m = median(samples)
  print(name + String(repeating: " ", count: max(1, 40 - name.count)) + "median \(format3(m * 1000)) ms")
  return m
}

func format3(_ value: Double) -> String {
  let scaled = Int((value * 1000).rounded())
  return "\(scaled / 1000).\(String(repeating: "0", count: 3 - String(scaled % 1000).count))\(scaled % 1000)"
}

let files = syntheticFiles(fileCount)
let bytes = files.map { Array($0.text.utf8) }
let total = bytes.reduce(0) { $0 + $1.count }
print("\(files.count) files, \(total / 1024) KiB, \(repetitions) repetitions, \(cores()) cores")

func cores() -> Int { Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))) }

// `psyreg-bench N 1 profile`: only the loader, on one thread, for callgrind.
if arguments.count > 3 && arguments[3] == "profile" {
  print("loaded \(RuleLoader().load(sources: files).rules.jurisdictions.count) jurisdictions")
  exit(0)
}

let reader = YAMLReader()
let scan = measure("libyaml event scan (1 thread)") { for b in bytes { _ = bareScan(b) } }
let tree = measure("positioned tree (1 thread)") {
  for (i, b) in bytes.enumerated() { _ = reader.read(b) }
}
let scanParallel = measure("libyaml event scan (all cores)") {
  DispatchQueue.concurrentPerform(iterations: bytes.count) { _ = bareScan(bytes[$0]) }
}
let load = measure("load + check (all cores)") {
  let output = RuleLoader().load(sources: files)
  precondition(!output.diagnostics.hasErrors)
}
let rules = RuleLoader().load(sources: files).rules
let compile = measure("compile the rule book") { _ = RuleBook(rules) }
let book = RuleBook(rules)
let questions = (0..<10_000).map { i in
  Question(
    substance: "mdma", jurisdiction: "j\(i % fileCount)", activity: .research,
    date: CivilDate(dayNumber: -5000 + i * 3))
}
let ask = measure("10,000 questions") { for q in questions { _ = book.answer(q) } }

print("")
print("tree / scan (1 thread):           \(format3(tree / scan))×")
print("load+check / scan (all cores):      \(format3(load / scanParallel))×")
print("load+check+compile / scan:         \(format3((load + compile) / scanParallel))×")
print("per question:                      \(format3(ask / 10_000 * 1e6)) µs")
