extension RuleBook {
  /// The rules' review date as of `today`: the newest day, on or before `today`, on which the
  /// rules record that something happened: an entry took effect or was announced, or an
  /// adoption began. An entry announced before it takes effect counts at its announcement.
  /// Changes scheduled after `today` (a programme due to open in 2027) are known, but say
  /// nothing about whether the data has been kept up since, so they do not move it. A question
  /// about a later day may miss a change the data has not recorded; nil when no entry is dated.
  public func reviewDate(asOf today: CivilDate) -> CivilDate? {
    Self.reviewDate(changeDays: changeDays, asOf: today)
  }

  /// Every day on which the rules record that something happened (an entry took effect or
  /// was announced, an adoption began), once each, in order: what `reviewDate` reads.
  package var changeDays: [CivilDate] {
    var days: Set<CivilDate> = []
    for jurisdiction in jurisdictions.values {
      for entry in jurisdiction.timeline {
        days.insert(entry.date)
        if let announced = entry.announced { days.insert(announced) }
      }
      for adoption in jurisdiction.adoptions { days.insert(adoption.from) }
    }
    return days.sorted()
  }

  /// `reviewDate` from the sorted `changeDays` (kept by the ask cache without the book).
  package static func reviewDate(changeDays: [CivilDate], asOf today: CivilDate) -> CivilDate? {
    changeDays.last { $0 <= today }
  }

  /// The note to print with an answer about `date` when it is after the review date as of
  /// `today`; nil otherwise.
  public func reviewNote(for date: CivilDate, today: CivilDate) -> String? {
    Self.reviewNote(for: date, reviewed: reviewDate(asOf: today))
  }

  /// The note for an answer about `date` when the rules were last reviewed on `reviewed`.
  package static func reviewNote(for date: CivilDate, reviewed: CivilDate?) -> String? {
    guard let reviewed, date > reviewed else { return nil }
    return
      "\(date) is after the rules' review date, \(reviewed) (the newest change they record); the law may have changed since without these rules knowing it"
  }
}
