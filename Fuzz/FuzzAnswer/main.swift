import FuzzSupport
import PsyregCore
import PsyregRender

// FuzzAnswer: bytes → a few rule files over the shipped substances → RuleBook.load(sources:)
// → when the rules compile, every way psyreg lays out what they say: answers, timelines,
// jurisdiction reports, the matrix and the index in every format, listings, expectation
// results, and a diff against the shipped rules at the same paths in every diff format.
//
// Input: rule files one after another, each starting with a line `#@ PATH` (a YAML comment),
// read as `Rules/PATH` (`#@ jurisdictions/us.yaml`); text before the first such line is
// `Rules/fuzz.yaml`. A file at the path of a shipped substance file replaces it.
//
// Build and run: scripts/fuzz.sh FuzzAnswer SECONDS (docs/hardening.md).
#if canImport(Glibc)
  import Glibc
#endif

/// At most this many files are taken from one input; further `#@` lines are text.
let maxFiles = 8

// MARK: The shipped rules, read once

let rulesRoot = environment("PSYREG_FUZZ_RULES") ?? "Rules"

func readFile(_ path: String) -> String? {
  guard let file = fopen(path, "rb") else { return nil }
  defer { fclose(file) }
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    if n <= 0 { break }
    bytes += chunk[0..<n]
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Every shipped rule file, by its path under `Rules/`.
let shipped: [(path: String, text: String)] = RuleLoader().load(paths: [rulesRoot]).rules.files.compactMap { file in
  guard let text = readFile(file) else { return nil }
  let relative = file.hasPrefix(rulesRoot + "/") ? String(file.dropFirst(rulesRoot.count + 1)) : file
  return (path: "Rules/" + relative, text: text)
}
let shippedSubstances = shipped.filter { $0.path.hasPrefix("Rules/substances/") }
let shippedByPath = Dictionary(shipped.map { ($0.path, $0.text) }, uniquingKeysWith: { a, _ in a })

if shippedSubstances.isEmpty {
  printError(
    "FuzzAnswer: no substance files under \(rulesRoot)/substances; run from the repository root or set PSYREG_FUZZ_RULES\n"
  )
  exit(2)
}

/// The shipped substances compiled: the diff's old side when the shipped files at the
/// input's paths do not compile on their own.
let substancesOnly: RuleBook = {
  do { return try RuleBook.load(sources: shippedSubstances).book } catch {
    printError("FuzzAnswer: the shipped substances do not compile:\n\(error)\n")
    exit(2)
  }
}()

/// Compiled shipped rule sets, by the paths they were made of (a few hundred at most).
nonisolated(unsafe) var baselines: [String: RuleBook] = [:]

/// The shipped rules at the input's paths (and the shipped substances), compiled.
func baseline(for paths: [String]) -> RuleBook {
  let present = paths.filter { shippedByPath[$0] != nil && !$0.hasPrefix("Rules/substances/") }.sorted()
  if present.isEmpty { return substancesOnly }
  let key = present.joined(separator: "\n")
  if let book = baselines[key] { return book }
  let sources = shippedSubstances + present.map { (path: $0, text: shippedByPath[$0]!) }
  let book = (try? RuleBook.load(sources: sources).book) ?? substancesOnly
  if baselines.count > 512 { baselines.removeAll() }
  baselines[key] = book
  return book
}

// MARK: One input

/// Splits the input into files at `#@ PATH` lines (on bytes: a CRLF is not one line end).
func files(of input: [UInt8]) -> [(path: String, text: String)] {
  var files: [(path: String, lines: [ArraySlice<UInt8>])] = [("Rules/fuzz.yaml", [])]
  for line in input.split(separator: 10, omittingEmptySubsequences: false) {
    if line.starts(with: [35, 64]) && files.count <= maxFiles {  // "#@"
      var name = String(decoding: line.dropFirst(2).prefix(120), as: UTF8.self)
      while name.first == " " { name.removeFirst() }
      while name.last == " " || name.last == "\r" { name.removeLast() }
      if name.isEmpty { name = "fuzz-\(files.count).yaml" }
      files.append(("Rules/" + name, []))
    } else {
      files[files.count - 1].lines.append(line)
    }
  }
  // The text before the first marker counts only when there is some.
  if files.count > 1, files[0].lines.allSatisfy({ $0.allSatisfy { $0 == 32 || $0 == 13 || $0 == 9 } }) {
    files.removeFirst()
  }
  var byPath: [String: Int] = [:]
  var result: [(path: String, text: String)] = []
  for file in files {
    let text = String(decoding: Array(file.lines.joined(separator: [10])), as: UTF8.self)
    if let index = byPath[file.path] {
      result[index].text = text
    } else {
      byPath[file.path] = result.count
      result.append((file.path, text))
    }
  }
  return result
}

let fixedDates = ["1970-01-01", "2024-06-01"].map { CivilDate($0)! }

func grammar(_ format: TimelineFormat) -> Grammar {
  switch format {
  case .text: .terminal
  case .markdown: .markdown
  case .json: .structured
  }
}

/// Lays the book out. Every input loads and answers; the heavier outputs (reports, listings
/// and tests, the diff) take turns by a hash of the input, which keeps an input's path fixed
/// and the executions per second up.
func exercise(_ book: RuleBook, files: [(path: String, text: String)], seed: UInt64, timer: inout PhaseTimer) {
  let activity = Activity.allCases[Int(seed % UInt64(Activity.allCases.count))]
  let facts: Facts =
    seed & 8 == 0 ? Facts() : Facts(age: Int((seed >> 8) % 100), indication: "ptsd", prescriber: "psychiatrist")
  // The input's jurisdictions, the last file's first (in a seed, the most local layer).
  let order = Dictionary(files.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { a, _ in a })
  let jurisdictions = book.sortedJurisdictions.sorted {
    (order[$0.origin.file] ?? -1, $1.id) > (order[$1.origin.file] ?? -1, $0.id)
  }

  // Answers by id and by name, on fixed dates and on the dates the rules change.
  for j in jurisdictions.prefix(2) {
    for name in [j.id, j.name] + j.aliases.prefix(2) {
      do { _ = try book.resolveJurisdiction(name) } catch { check(error.description, .terminal, "resolve") }
    }
    var substances: [String] = []
    for entry in j.timeline { for s in entry.substances where !substances.contains(s) { substances.append(s) } }
    if substances.isEmpty, let first = book.sortedSubstances.first { substances = [first.id] }
    var dates = [fixedDates[Int(seed >> 4 % 2)]]
    if let first = j.timeline.first { dates.append(first.date) }
    if let last = j.timeline.last { dates.append(last.date.adding(days: Int(seed >> 5 % 2) - 1)) }
    for s in substances.prefix(2) {
      for date in dates {
        do {
          let answers = try book.askAll(s, in: j.id, on: date, facts: facts)
          for format in AnswerFormat.allCases {
            let grammar: Grammar = format == .json ? .structured : .terminal
            check(format.renderer.render(answers), grammar, "ask --format \(format.rawValue)")
            if let one = answers.first(where: { $0.question.activity == activity }) {
              check(format.renderer.render(one), grammar, "ask --activity --format \(format.rawValue)")
            }
          }
        } catch {
          check(error.description, .terminal, "ask error")
        }
      }
      if let substance = book.substances[s] {
        do { _ = try book.ask(substance.name, in: j.name, activity: activity, on: fixedDates[1]) } catch {
          check(error.description, .terminal, "ask by name")
        }
      }
    }
  }
  timer.lap("answers")

  // Timelines: the first jurisdiction's layers, and every substance over a date range.
  var timelines = [book.timeline(TimelineQuery(from: CivilDate("1900-01-01"), to: CivilDate("2030-12-31")))]
  if let j = jurisdictions.first { timelines.append(book.timeline(TimelineQuery(jurisdiction: j.id))) }
  for items in timelines {
    for format in TimelineFormat.allCases {
      check(format.renderer.render(items), grammar(format), "timeline --format \(format.rawValue)")
    }
  }
  timer.lap("timeline")

  let date = fixedDates[1]
  switch (seed >> 12) % 3 {
  case 0:
    // A jurisdiction's report, the matrix and the index, in every format.
    let ruleSet = RuleSetIdentity.compute(files.map { (path: $0.path, bytes: Array($0.text.utf8)) })
    let reports = jurisdictions.prefix(1).map {
      JurisdictionReport(book: book, jurisdiction: $0.id, date: date, bandActivity: activity, ruleSet: ruleSet)
    }
    let matrix = MatrixReport(book: book, activity: activity, date: date, ruleSet: ruleSet)
    let coverage = CoverageSummary(book: book, date: date)
    for format in ReportFormat.allCases {
      let grammar: Grammar = format == .markdown ? .markdown : format == .html ? .markup : .structured
      let renderer = format.renderer
      for report in reports { check(renderer.render(report), grammar, "report --format \(format.rawValue)") }
      check(renderer.render(matrix), grammar, "report --matrix --format \(format.rawValue)")
      let index = ReportIndex(reports: reports, matrix: matrix, format: format, coverage: coverage)
      check(renderer.render(index), grammar, "report --all index --format \(format.rawValue)")
    }
    timer.lap("reports")
  case 1:
    // Listings and the expectation tests.
    for listing in Listing.allCases {
      for format in ListFormat.allCases {
        check(
          format.renderer.render(listing, of: book, on: date), format == .json ? .structured : .terminal,
          "list \(listing.rawValue) --format \(format.rawValue)")
      }
    }
    let results = book.runAll()
    for format in ExpectationFormat.allCases {
      check(
        format.renderer(verbose: true).render(results), format == .text ? .terminal : .markup,
        "test --format \(format.rawValue)")
    }
    timer.lap("lists+tests")
  default:
    // The change from the shipped rules at the same paths (or back), in every diff format.
    let shipped = baseline(for: files.map(\.path))
    let diff = seed & 1 == 0 ? RuleDiff(old: shipped, new: book) : RuleDiff(old: book, new: shipped)
    for format in DiffFormat.allCases {
      let grammar: Grammar = format == .json ? .structured : format == .markdown ? .markdown : .terminal
      check(format.renderer.render(diff, old: "Rules", new: "fuzz"), grammar, "diff --format \(format.rawValue)")
    }
    timer.lap("diff")
  }
}

runFuzzer { data, size in
  let input = bytes(data, size)
  let files = files(of: input)
  let paths = Set(files.map(\.path))
  let sources = shippedSubstances.filter { !paths.contains($0.path) } + files
  let seed = input.reduce(UInt64(14_695_981_039_346_656_037)) { ($0 ^ UInt64($1)) &* 1_099_511_628_211 }
  var timer = PhaseTimer()
  defer { timer.print() }
  do {
    let loaded = try RuleBook.load(sources: sources)
    timer.lap("load")
    exercise(loaded.book, files: files, seed: seed, timer: &timer)
  } catch let error as RuleLoadError {
    check(TextDiagnosticReporter().report(error.errors), .terminal, "load errors")
  } catch {}
  return 0
}
