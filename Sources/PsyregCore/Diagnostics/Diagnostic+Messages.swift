/// Message factories: each diagnostic psyreg reports is made here, so wording and codes
/// stay consistent and every code is listed in `Check.all`.
extension Diagnostic {
  // MARK: Files and YAML

  static func unreadable(_ file: String, reason: String) -> Diagnostic {
    Diagnostic(
      .fileUnreadable, "cannot read the file: \(reason)",
      at: SourcePosition(file: file, location: SourceLocation(line: 1, column: 1)))
  }

  static func emptyFile(_ file: String) -> Diagnostic {
    Diagnostic(
      .fileEmpty, "the file is empty; expected a YAML mapping",
      at: SourcePosition(file: file, location: SourceLocation(line: 1, column: 1)))
  }

  static func noRules(in path: String) -> Diagnostic {
    Diagnostic(
      .fileNoRules, "no rule files (*.yaml or *.yml) found in this folder",
      at: SourcePosition(file: path, location: nil))
  }

  static func linkOutside(_ path: String, target: String, folder: Bool) -> Diagnostic {
    Diagnostic(
      folder ? .fileFolderLinkOutside : .fileLinkOutside,
      "a link to '\(shortened(target))', outside the rules folder; psyreg reads only the folder it is given, so copy the \(folder ? "folder" : "file") in (the link is not followed)",
      at: SourcePosition(file: path, location: SourceLocation(line: 1, column: 1)))
  }

  static func tooManyProblems(left: Int, limit: Int, in file: String) -> Diagnostic {
    Diagnostic(
      .fileTooManyProblems,
      "\(left) more problems in this file are not shown (only the first \(limit) are); fix these and validate again",
      at: SourcePosition(file: file, location: SourceLocation(line: 1, column: 1)))
  }

  static func byteOrderMark(at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .fileBom, "the file starts with a UTF-8 byte-order mark; save it without one",
      at: position)
  }

  static func binaryContent(at position: SourcePosition) -> Diagnostic {
    Diagnostic(.fileEncoding, "the file contains a NUL byte; expected UTF-8 text", at: position)
  }

  static func encoding(_ problem: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(.fileEncoding, "\(problem); expected UTF-8 text", at: position)
  }

  static func syntax(_ problem: String, at position: SourcePosition, notes: [Note] = []) -> Diagnostic {
    Diagnostic(.yamlSyntax, "YAML syntax error: \(problem)", at: position, notes: notes)
  }

  static func multipleDocuments(at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .yamlMultipleDocuments, "a second YAML document starts here; a rule file holds exactly one document", at: position
    )
  }

  static func duplicateKey(_ key: String, at position: SourcePosition, first: SourcePosition) -> Diagnostic {
    Diagnostic(
      .yamlDuplicateKey, "duplicate key '\(shortened(key))' in this mapping", at: position,
      notes: [Note("'\(shortened(key))' is first given here", at: first)])
  }

  static func commentInValue(_ value: String, comment: String, at position: SourcePosition) -> Diagnostic {
    let shown = comment.count > 24 ? String(comment.prefix(24)) + "…" : comment
    return Diagnostic(
      .yamlCommentInValue,
      "'\(shown)' is read as a YAML comment, so the value ends at '\(shortened(value))'; quote the value if the '#' belongs to it",
      at: position)
  }

  static func unknownAlias(_ name: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(.yamlUnknownAlias, "alias '*\(name)' names no anchor defined before it", at: position)
  }

  static func aliasExpansion(limit: Int, at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .yamlAliasLimit, "aliases expand to more than \(limit) nodes (an alias bomb?); write the data out instead",
      at: position)
  }

  static func aliasBytes(limit: Int, at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .yamlAliasLimit,
      "aliases expand to more than \(limit >> 20) MiB of text (an alias bomb?); write the data out instead",
      at: position)
  }

  static func nestingLimit(_ limit: Int, at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .yamlLimit, "lists and mappings nest deeper than \(limit) levels here; rule files need only a few",
      at: position)
  }

  static func nodeLimit(_ limit: Int, at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .yamlLimit, "the document holds more than \(limit) values; split it into files of one jurisdiction each",
      at: position)
  }

  // MARK: Schema

  static func unknownKey(_ key: String, in context: String, suggestion: String?, at position: SourcePosition)
    -> Diagnostic
  {
    var message = "unknown key '\(shortened(key))' in \(context)"
    if let suggestion { message += "; did you mean '\(suggestion)'?" }
    return Diagnostic(.schemaUnknownKey, message, at: position)
  }

  static func missingKey(_ key: String, in context: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(.schemaMissingKey, "\(context) is missing the required key '\(shortened(key))'", at: position)
  }

  static func wrongType(expected: String, found: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(.schemaType, "expected \(expected), found \(found)", at: position)
  }

  static func invalidID(_ id: String, expected: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(.schemaId, "'\(shortened(id))' is not a valid id: expected \(expected)", at: position)
  }

  static func fileName(_ file: String, id: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .schemaFileName, "the file is named '\(file)' but defines '\(shortened(id))'; name it '\(id).yaml'",
      at: position)
  }

  static func unknownFileKind(at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .schemaFileKind,
      "cannot tell what this file is: expected a substance file (with 'kind' of a substance), a jurisdiction file (with 'timeline' or a jurisdiction 'kind'), or a test file (with 'cases')",
      at: position)
  }

  // MARK: Values

  static func malformedDate(_ text: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(.dateMalformed, "'\(shortened(text))' is not a date: expected YYYY-MM-DD", at: position)
  }

  static func impossibleDate(_ text: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(.dateInvalid, "'\(shortened(text))' is not a day of the calendar", at: position)
  }

  static func unknownValue(
    _ code: CheckCode, _ value: String, what: String, allowed: [String], at position: SourcePosition
  ) -> Diagnostic {
    var message = "unknown \(what) '\(shortened(value))'"
    if let near = nearest(value, in: allowed) {
      message += "; did you mean '\(near)'? Expected one of: "
    } else {
      message += "; expected one of: "
    }
    message += allowed.joined(separator: ", ")
    return Diagnostic(code, message, at: position)
  }

  static func notAURL(_ text: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(.sourceNotUrl, "'\(shortened(text))' is not an http(s) URL", at: position)
  }

  static func weakSourcesOnly(_ sources: [String], at position: SourcePosition) -> Diagnostic {
    let hosts = Array(Set(sources.map(SourceQuality.host(of:)))).sorted().joined(separator: ", ")
    return Diagnostic(
      .sourceWeak,
      "this rests only on weak sources (\(hosts)); cite the primary text, or set 'confidence: uncertain' and say in the note what could not be found",
      at: position)
  }

  static func aliasNamesID(_ alias: String, of owner: String, other: String, what: String, at position: SourcePosition)
    -> Diagnostic
  {
    Diagnostic(
      .refAliasNamesId,
      "the alias '\(shortened(alias))' of \(owner) is the id of \(what) \(other); an id must name one thing, so drop or change the alias",
      at: position)
  }

  static func missingSource(at position: SourcePosition) -> Diagnostic {
    Diagnostic(.sourceMissing, "this entry cites no source; add at least one URL to 'sources'", at: position)
  }

  static func conditionsMissing(_ activity: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .verdictConditionsMissing, "'\(activity)' is conditional but lists no conditions; say what makes it lawful",
      at: position)
  }

  static func missingTarget(at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .schemaEntryTarget, "this entry names no 'substances' and no 'schedules'; say what it applies to", at: position)
  }

  static func substancesAndSchedules(at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .schemaEntryTarget,
      "an entry names 'substances' (with an optional 'schedule' to list them in) or 'schedules' (a class-wide change), not both",
      at: position)
  }

  static func scheduleOnNonListing(_ kind: String, at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .schemaListingKind,
      "an entry of kind '\(kind)' lists nothing in a schedule; 'schedule' goes on scheduled, temporary-scheduled or rescheduled entries",
      at: position)
  }

  static func scheduleIncomplete(_ id: String, missing: [Activity], at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .scheduleIncomplete,
      "schedule '\(shortened(id))' sets no verdict for \(missing.map(\.rawValue).joined(separator: ", ")); give a 'default' or a verdict for each ('unknown' where it is not known)",
      at: position)
  }

  static func classWideWithoutVerdicts(at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .scheduleClassWideVerdicts, "a class-wide entry changes what its schedules mean; give the 'verdicts' it sets",
      at: position)
  }

  static func doubleListing(
    _ substance: String, date: CivilDate, _ a: String, _ b: String, at position: SourcePosition,
    other: SourcePosition
  ) -> Diagnostic {
    Diagnostic(
      .scheduleDoubleListing,
      "\(substance) is listed in '\(a)' and in '\(b)' on \(date); a substance is in one schedule of a layer at a time",
      at: position, notes: [Note("the other listing is here", at: other)])
  }

  static func adoptionCycle(_ chain: [String], at position: SourcePosition) -> Diagnostic {
    Diagnostic(.refAdoptionCycle, "adoptions form a cycle: \(chain.joined(separator: " → "))", at: position)
  }

  // MARK: References

  static func unknownReference(
    _ code: CheckCode, what: String, _ id: String, known: [String], at position: SourcePosition
  ) -> Diagnostic {
    var message = "unknown \(what) '\(shortened(id))'"
    if let near = nearest(id, in: known) { message += "; did you mean '\(near)'?" }
    return Diagnostic(code, message, at: position)
  }

  static func duplicateID(_ what: String, _ id: String, at position: SourcePosition, first: SourcePosition)
    -> Diagnostic
  {
    Diagnostic(
      .refDuplicateId, "\(what) '\(shortened(id))' is defined twice", at: position,
      notes: [Note("'\(shortened(id))' is first defined here", at: first)])
  }

  static func parentCycle(_ chain: [String], at position: SourcePosition) -> Diagnostic {
    Diagnostic(.refParentCycle, "parents form a cycle: \(chain.joined(separator: " → "))", at: position)
  }

  static func relationCycle(_ chain: [String], at position: SourcePosition) -> Diagnostic {
    Diagnostic(
      .refRelationCycle, "isomer_of/salt_of form a cycle: \(chain.joined(separator: " → "))",
      at: position)
  }

  // MARK: Timelines

  static func outOfOrder(
    _ date: CivilDate, after previous: CivilDate, at position: SourcePosition, previousAt: SourcePosition
  )
    -> Diagnostic
  {
    Diagnostic(
      .timelineOrder, "entry dated \(date) comes after one dated \(previous); keep the timeline in date order",
      at: position,
      notes: [Note("the later-dated entry is here", at: previousAt)])
  }

  static func contradiction(
    substance: String, activity: String, date: CivilDate, _ a: Verdict, _ b: Verdict, at position: SourcePosition,
    other: SourcePosition
  ) -> Diagnostic {
    Diagnostic(
      .timelineContradiction,
      "two entries on \(date) set '\(activity)' for \(substance) to \(a.rawValue) and to \(b.rawValue)",
      at: position, notes: [Note("the other entry is here", at: other)])
  }
}

/// A value quoted in a message, on one line (line breaks and other control characters shown as
/// `\n`, `\u{1B}`) and cut to a readable length (a hostile 50 KB id stays one short line).
func shortened(_ text: String, to limit: Int = 80) -> String {
  var out = ""
  var count = 0
  for scalar in text.unicodeScalars {
    if count == limit { return out + "…" }
    switch scalar {
    case "\n": out += "\\n"
    case "\r": out += "\\r"
    case "\t": out += "\\t"
    default:
      if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
        out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    count += 1
  }
  return out
}
