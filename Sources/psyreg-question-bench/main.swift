// Measures questions on a rule set, in process, on one core:
//   swift build -c release --product psyreg-question-bench
//   .build/release/psyreg-question-bench [rules folder] [runs] [questions]
// Each figure is the median over runs of one pass over the same shuffled questions. The
// reference evaluator (the one answers were made by before the compiled index) runs in the
// same process on the same questions, so the ratios hold whatever else the machine does.
// `psyreg-question-bench Rules 1 100000 only <what>` runs one measurement once, for callgrind.
import PsyregCore
import PsyregGen

let arguments = CommandLine.arguments
let rulesPath = arguments.count > 1 ? arguments[1] : "Rules"
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 15 : 15
let count = arguments.count > 3 ? Int(arguments[3]) ?? 100_000 : 100_000
let only = arguments.count > 5 && arguments[4] == "only" ? arguments[5] : nil

let loadStart = ContinuousClock.now
let book: RuleBook
do {
  book = try RuleBook.load(paths: [rulesPath]).book
} catch {
  fatalError("\(error)")
}
let loadTime = ContinuousClock.now - loadStart

// A fixed seed, so every run asks the same questions.
var rng = SplitMix64(seed: 42)
let substances = book.sortedSubstances
let jurisdictions = book.sortedJurisdictions
// Half the days are change days (where binary searches land on an edge), half any day 1950–2030.
let changeDays = Array(Set(jurisdictions.flatMap { $0.timeline.map(\.date) })).sorted { $0 < $1 }
func randomDay(_ rng: inout SplitMix64) -> CivilDate {
  if Bool.random(using: &rng) { return changeDays.randomElement(using: &rng)! }
  return CivilDate(year: 1950, month: 1, day: 1)!.adding(days: Int.random(in: 0..<(80 * 365), using: &rng))
}

struct Asked {
  var question: Question
  var substance: SubstanceID
  var jurisdiction: JurisdictionID
  var substanceName: String
  var jurisdictionName: String
}
var questions: [Asked] = []
for _ in 0..<count {
  let s = substances.randomElement(using: &rng)!
  let j = jurisdictions.randomElement(using: &rng)!
  let q = Question(
    substance: s.id, jurisdiction: j.id, activity: Activity.allCases.randomElement(using: &rng)!, date: randomDay(&rng))
  // Names as people type them: the id, the display name or an alias.
  // (Only names that stand for one id: an ambiguous one is an error, not an answer.)
  let sName = ([s.id, s.name] + s.aliases).filter { book.substanceNames.resolve($0).count == 1 }
    .randomElement(using: &rng)!
  let jName = ([j.id, j.name] + j.aliases).filter { book.jurisdictionNames.resolve($0).count == 1 }
    .randomElement(using: &rng)!
  questions.append(
    Asked(
      question: q, substance: book.substanceID(s.id)!, jurisdiction: book.jurisdictionID(j.id)!,
      substanceName: sName, jurisdictionName: jName))
}

/// The id-based questions as plain values, so the loop copies nothing that is reference counted.
struct ByID {
  var substance: SubstanceID
  var jurisdiction: JurisdictionID
  var activity: Activity
  var date: CivilDate
}
let byIDQuestions = questions.map {
  ByID(substance: $0.substance, jurisdiction: $0.jurisdiction, activity: $0.question.activity, date: $0.question.date)
}

@inline(never) func blackHole(_ x: Int) { if x == 0x7FFF_FFFF_FFFF { print(x) } }

func verdictCode(_ v: Verdict) -> Int {
  switch v {
  case .allowed: 1
  case .conditional: 2
  case .decriminalized: 3
  case .prohibited: 4
  case .unknown: 5
  }
}

/// Median nanoseconds per question over the runs.
@MainActor func measure(_ name: String, _ body: (Asked) -> Int) -> Double? {
  run(name, questions, body)
}

@MainActor func measure(_ name: String, _ body: (ByID) -> Int) -> Double? {
  run(name, byIDQuestions, body)
}

@MainActor func run<Q>(_ name: String, _ questions: [Q], _ body: (Q) -> Int) -> Double? {
  if let only, only != name { return nil }
  var samples: [Double] = []
  var sink = 0
  if only == nil { for q in questions.prefix(1000) { sink &+= body(q) } }  // warm up
  for _ in 0..<(only == nil ? runs : 1) {
    let start = ContinuousClock.now
    questions.withUnsafeBufferPointer { questions in
      for i in questions.indices { sink &+= body(questions[i]) }
    }
    let elapsed = ContinuousClock.now - start
    let ns = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
    samples.append(ns / Double(questions.count))
  }
  blackHole(sink)
  let median = samples.sorted()[samples.count / 2]
  let padded = name + String(repeating: " ", count: max(1, 44 - name.count))
  print(padded + "median \(format(median)) ns/question  (\(format(1e9 / median / 1e6)) M/s)")
  return median
}

func format(_ value: Double) -> String {
  let scaled = Int((value * 10).rounded())
  return "\(scaled / 10).\(scaled % 10)"
}

print(
  "\(substances.count) substances, \(jurisdictions.count) jurisdictions, \(questions.count) shuffled questions, \(runs) runs; load+compile \(loadTime)"
)
let reference = measure("reference answer (before), by id strings") { (q: Asked) -> Int in
  verdictCode(book._referenceVerdict(q.question))
}
let referenceByName = measure("reference ask by name (before)") { (q: Asked) -> Int in
  verdictCode(
    book._referenceAsk(q.substanceName, in: q.jurisdictionName, activity: q.question.activity, on: q.question.date)!)
}
let byStrings = measure("answer(Question), by id strings") { (q: Asked) -> Int in
  verdictCode(book.answer(q.question).verdict)
}
let byIDs = measure("answer by interned ids (full answer)") { (q: ByID) -> Int in
  let a = book.answer(q.substance, in: q.jurisdiction, activity: q.activity, on: q.date)
  return verdictCode(a.verdict) &+ (a.conflict ? 1 : 0)
}
let verdictOnly = measure("verdict only, by interned ids") { (q: ByID) -> Int in
  verdictCode(book.verdict(q.substance, in: q.jurisdiction, activity: q.activity, on: q.date))
}
let byName = measure("ask by name (after)") { (q: Asked) -> Int in
  verdictCode(
    (try? book.ask(q.substanceName, in: q.jurisdictionName, activity: q.question.activity, on: q.question.date))!
      .verdict)
}
let explained = measure("full answer + layers materialized") { (q: ByID) -> Int in
  let a = book.answer(q.substance, in: q.jurisdiction, activity: q.activity, on: q.date)
  return verdictCode(a.verdict) &+ a.layers.count &+ a.beside.count
}
if only == nil, let reference, let referenceByName, let byIDs, let verdictOnly, let byName, let byStrings {
  print("")
  print("full answer by ids: \(format(reference / byIDs))× faster than before (\(format(byIDs)) ns)")
  print("answer(Question):   \(format(reference / byStrings))× faster than before")
  print("verdict only:       \(format(1e9 / verdictOnly / 1e6)) million questions/s")
  print("ask by name:        \(format(referenceByName / byName))× faster than before (\(format(byName)) ns)")
}
