// psyreg's benchmarks (ordo-one/benchmark): cd Benchmarks && swift package benchmark
//
// Every benchmark runs on rule sets made by PsyregGen (the generator the scale tests and
// scripts/scaling.sh use), deterministic from their seed, so a baseline stays comparable.
// docs/performance.md lists what each measures and the figures.
import Benchmark
import CLibYAML
import Dispatch
import PsyregCore
import PsyregGen
import PsyregRender

#if canImport(Glibc)
  import Glibc
#endif

// MARK: - Data

/// The load set: about 12 MB in 1,000 jurisdiction files (the size of the former hand-rolled
/// benchmark's 3,000 files).
let loadConfig = GeneratorConfig(seed: 13, jurisdictions: 1_000, entries: 30_000, substances: 60, cases: 0)
/// The question, report and diff set: 200 jurisdictions, 6,000 entries, 600 expectation cases.
let bookConfig = GeneratorConfig(seed: 13, jurisdictions: 200, entries: 6_000, substances: 40, cases: 600)

/// Rule files as the loader takes them, and their bytes (for the libyaml scan).
struct Corpus: @unchecked Sendable {
  let sources: [(path: String, text: String)]
  let bytes: [[UInt8]]
  var totalBytes: Int { bytes.reduce(0) { $0 + $1.count } }

  init(_ config: GeneratorConfig, withTests: Bool = false) {
    let generator = RuleSetGenerator(config)
    sources = RuleSetGenerator.sources(withTests ? generator.allFiles() : generator.ruleFiles())
    bytes = sources.map { Array($0.text.utf8) }
  }
}

func loadBook(_ corpus: Corpus) -> RuleBook {
  do {
    return try RuleBook.load(sources: corpus.sources).book
  } catch {
    fatalError("the generated rules do not load:\n\(error.description)")
  }
}

/// libyaml's event scan alone, discarding the events: the floor any loader of these bytes stands on.
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

/// The scan on all cores, as the loader reads files.
func parallelScan(_ corpus: Corpus) {
  DispatchQueue.concurrentPerform(iterations: corpus.bytes.count) { blackHole(bareScan(corpus.bytes[$0])) }
}

func nanoseconds() -> UInt64 {
  var t = timespec()
  clock_gettime(CLOCK_MONOTONIC, &t)
  return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

/// CPU time of the calling thread, in nanoseconds.
func threadCPUNanoseconds() -> UInt64 {
  var t = timespec()
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
  return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
}

/// The median of a few timed runs (after one untimed), in nanoseconds: the reference a ratio is
/// taken against.
func medianTime(_ runs: Int, _ body: () -> Void) -> UInt64 {
  body()
  var samples: [UInt64] = []
  for _ in 0..<runs {
    let start = nanoseconds()
    body()
    samples.append(nanoseconds() - start)
  }
  return samples.sorted()[runs / 2]
}

/// Custom metrics: ratios in percent, so a ratio of 3.1× prints as 310.
enum Ratio {
  /// The loader's time as a percentage of the bare libyaml scan of the same bytes, same run, same cores.
  static let loadVsScan = BenchmarkMetric.custom("load / libyaml scan (%)", polarity: .prefersSmaller)
  /// Load and compile as a percentage of the scan.
  static let loadCompileVsScan = BenchmarkMetric.custom(
    "load+compile / libyaml scan (%)", polarity: .prefersSmaller)
  /// CPU time of the measuring thread per question, in nanoseconds: unlike wall time, it does
  /// not grow while other processes hold the cores.
  static let cpuPerQuestion = BenchmarkMetric.custom(
    "thread CPU per question (ns)", polarity: .prefersSmaller, useScalingFactor: false)
  /// The diff as a percentage of loading one side.
  static let diffVsLoad = BenchmarkMetric.custom("diff / one load (%)", polarity: .prefersSmaller)
}

// MARK: - Lazily made data
//
// Each benchmark runs in a process of its own; globals are made on first use, so a process
// makes only the sets its benchmark reads.

let loadCorpus = Corpus(loadConfig)
let loadRules = RuleLoader().load(sources: loadCorpus.sources).rules
let bookCorpus = Corpus(bookConfig, withTests: true)
let book = loadBook(bookCorpus)
let substanceIDs = book.substances.keys.sorted()
let jurisdictionList = book.sortedJurisdictions
/// A city: three binding layers and the treaty layer beside.
let city = jurisdictionList.last { $0.kind == .city } ?? jurisdictionList[0]
let editedCorpus: Corpus = {
  var config = bookConfig
  config.edits = 8
  return Corpus(config)
}()
let oldBook = loadBook(Corpus(bookConfig))
let newBook = loadBook(editedCorpus)

/// 1,000 varied questions: every activity, dates 1955–2030, every kind of layer; by ids and by
/// names or aliases.
let askedQuestions: [Question] = questionSet().ids
let askedNames: [(substance: String, jurisdiction: String, activity: Activity, date: CivilDate)] = questionSet().names

func questionSet() -> (
  ids: [Question], names: [(substance: String, jurisdiction: String, activity: Activity, date: CivilDate)]
) {
  let dayRange =
    CivilDate(year: 1955, month: 1, day: 1)!.dayNumber...CivilDate(year: 2030, month: 1, day: 1)!.dayNumber
  var questions: [Question] = []
  var named: [(substance: String, jurisdiction: String, activity: Activity, date: CivilDate)] = []
  var state: UInt64 = 42
  func next(_ n: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int((state >> 33) % UInt64(n))
  }
  for _ in 0..<1_000 {
    let s = book.substances[substanceIDs[next(substanceIDs.count)]]!
    let j = jurisdictionList[next(jurisdictionList.count)]
    let activity = Activity.allCases[next(Activity.allCases.count)]
    let date = CivilDate(dayNumber: dayRange.lowerBound + next(dayRange.count))
    questions.append(Question(substance: s.id, jurisdiction: j.id, activity: activity, date: date))
    let substanceName = ([s.name] + s.aliases)[next(1 + s.aliases.count)]
    let jurisdictionName = ([j.name] + j.aliases)[next(1 + j.aliases.count)]
    named.append((substanceName, jurisdictionName, activity, date))
  }
  return (questions, named)
}

let ruleSet = RuleSetIdentity(sha256: String(repeating: "0", count: 64), fileCount: bookCorpus.sources.count)
let reportDate = CivilDate(year: 2024, month: 6, day: 1)!

// MARK: - Benchmarks

let benchmarks: @Sendable () -> Void = {
  // The machine the baseline was stored on is shared: time may move 25% at the median, peak
  // memory 15%, allocation counts 5%; only the median is checked.
  let timeThresholds = BenchmarkThresholds(relative: [.p50: 25.0])
  let memoryThresholds = BenchmarkThresholds(relative: [.p50: 15.0])
  let countThresholds = BenchmarkThresholds(relative: [.p50: 5.0])
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal, .peakMemoryResident],
    warmupIterations: 1,
    scalingFactor: .one,
    maxDuration: .seconds(3),
    maxIterations: 10,
    thresholds: [
      .wallClock: timeThresholds, .cpuTotal: timeThresholds, .throughput: timeThresholds,
      .mallocCountTotal: countThresholds, .peakMemoryResident: memoryThresholds,
      Ratio.loadVsScan: timeThresholds, Ratio.loadCompileVsScan: timeThresholds, Ratio.diffVsLoad: timeThresholds,
      Ratio.cpuPerQuestion: timeThresholds,
    ]
  )

  // Load: the bare scan (the baseline, same bytes, same run) and the loader.
  Benchmark("load: libyaml scan, all cores (baseline)") { benchmark in
    parallelScan(loadCorpus)
  }
  Benchmark("load: libyaml scan, 1 thread") { benchmark in
    for b in loadCorpus.bytes { blackHole(bareScan(b)) }
  }
  Benchmark(
    "load: read, decode, check (RuleLoader, all cores)",
    configuration: .init(
      metrics: Benchmark.defaultConfiguration.metrics + [Ratio.loadVsScan],
      maxDuration: .seconds(15), maxIterations: 5,
      thresholds: Benchmark.defaultConfiguration.thresholds)
  ) { benchmark in
    // The scan is timed again here, before the framework's measurement starts, so the ratio is
    // of one moment.
    let scan = medianTime(1) { parallelScan(loadCorpus) }
    benchmark.startMeasurement()
    let start = nanoseconds()
    let output = RuleLoader().load(sources: loadCorpus.sources)
    let load = nanoseconds() - start
    benchmark.stopMeasurement()
    precondition(!output.diagnostics.hasErrors)
    benchmark.measurement(Ratio.loadVsScan, Int(load * 100 / max(1, scan)))
  }
  Benchmark(
    "load: read, decode, check, compile (RuleBook.load)",
    configuration: .init(
      metrics: Benchmark.defaultConfiguration.metrics + [Ratio.loadCompileVsScan],
      maxDuration: .seconds(15), maxIterations: 5,
      thresholds: Benchmark.defaultConfiguration.thresholds)
  ) { benchmark in
    let scan = medianTime(1) { parallelScan(loadCorpus) }
    benchmark.startMeasurement()
    let start = nanoseconds()
    let book = loadBook(loadCorpus)
    let load = nanoseconds() - start
    benchmark.stopMeasurement()
    blackHole(book)
    benchmark.measurement(Ratio.loadCompileVsScan, Int(load * 100 / max(1, scan)))
  }
  Benchmark("compile: RuleBook from a RuleSet") { benchmark in
    blackHole(RuleBook(loadRules))
  }

  // Questions: 1,000 per iteration (the scaled figures are per question).
  Benchmark(
    "ask: answer(Question), ids resolved",
    configuration: .init(
      metrics: Benchmark.defaultConfiguration.metrics + [Ratio.cpuPerQuestion], scalingFactor: .kilo,
      maxDuration: .seconds(2), maxIterations: 1_000, thresholds: Benchmark.defaultConfiguration.thresholds)
  ) { benchmark in
    let start = threadCPUNanoseconds()
    for q in askedQuestions { blackHole(book.answer(q)) }
    benchmark.measurement(Ratio.cpuPerQuestion, Int((threadCPUNanoseconds() - start) / 1_000))
  }
  Benchmark(
    "ask: ask(name, in: name), names resolved",
    configuration: .init(
      metrics: Benchmark.defaultConfiguration.metrics + [Ratio.cpuPerQuestion], scalingFactor: .kilo,
      maxDuration: .seconds(2), maxIterations: 1_000, thresholds: Benchmark.defaultConfiguration.thresholds)
  ) { benchmark in
    let start = threadCPUNanoseconds()
    for q in askedNames {
      blackHole(try? book.ask(q.substance, in: q.jurisdiction, activity: q.activity, on: q.date))
    }
    benchmark.measurement(Ratio.cpuPerQuestion, Int((threadCPUNanoseconds() - start) / 1_000))
  }

  // Timelines: one substance in one jurisdiction's layers; one substance everywhere.
  Benchmark("timeline: one substance, one jurisdiction and its layers") { benchmark in
    for s in substanceIDs.prefix(10) {
      blackHole(book.timeline(TimelineQuery(substance: s, jurisdiction: city.id)))
    }
  }
  Benchmark("timeline: one substance, every jurisdiction") { benchmark in
    blackHole(book.timeline(TimelineQuery(substance: substanceIDs[1])))
  }

  // Expectation tests: `psyreg test` after loading.
  Benchmark("test: every expectation case (600)") { benchmark in
    let results = book.runAll()
    precondition(results.allSatisfy(\.passed))
    blackHole(results)
  }

  // Reports: one jurisdiction (a city: three binding layers and the treaty layer beside).
  for format in ReportFormat.allCases {
    Benchmark("report: one jurisdiction, \(format.rawValue)") { benchmark in
      let report = JurisdictionReport(book: book, jurisdiction: city.id, date: reportDate, ruleSet: ruleSet)
      blackHole(format.renderer.render(report))
    }
  }
  // `psyreg report --all` without the file writes: every report made and rendered (HTML), the
  // matrix, the coverage figures and the index, as ReportCommand.writeAll does (keep in step).
  Benchmark(
    "report --all: 200 jurisdictions, html",
    configuration: .init(maxDuration: .seconds(10), maxIterations: 3)
  ) { benchmark in
    let renderer = ReportFormat.html.renderer
    var reports: [JurisdictionReport] = []
    var bytes = 0
    for j in jurisdictionList {
      let report = JurisdictionReport(book: book, jurisdiction: j.id, date: reportDate, ruleSet: ruleSet)
      bytes += renderer.render(report).utf8.count
      reports.append(report)
    }
    let matrix = MatrixReport(book: book, activity: .possession, date: reportDate, ruleSet: ruleSet)
    let index = ReportIndex(
      reports: reports, matrix: matrix, format: .html, coverage: CoverageSummary(book: book, date: reportDate))
    bytes += renderer.render(index).utf8.count
    blackHole(bytes)
  }

  // Diff: two sets of the book's size that differ in 8 entries (titles, verdicts, one removed, one added).
  Benchmark(
    "diff: two rule sets, 8 entries apart",
    configuration: .init(
      metrics: Benchmark.defaultConfiguration.metrics + [Ratio.diffVsLoad],
      maxDuration: .seconds(10), maxIterations: 3,
      thresholds: Benchmark.defaultConfiguration.thresholds)
  ) { benchmark in
    let load = medianTime(1) { blackHole(loadBook(editedCorpus)) }
    benchmark.startMeasurement()
    let start = nanoseconds()
    let diff = RuleDiff(old: oldBook, new: newBook)
    let text = DiffFormat.text.renderer.render(diff, old: "old", new: "new")
    let elapsed = nanoseconds() - start
    benchmark.stopMeasurement()
    precondition(!diff.isEmpty)
    blackHole(text)
    benchmark.measurement(Ratio.diffVsLoad, Int(elapsed * 100 / max(1, load)))
  }
}
