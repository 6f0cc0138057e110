extension RuleBook {
  /// The rules' review date as of `today`: the newest day, on or before `today`, on which the
  /// rules record that something happened: an entry took effect or was announced, or an
  /// adoption began. An entry announced before it takes effect counts at its announcement.
  /// Changes scheduled after `today` (a programme due to open in 2027) are known, but say
  /// nothing about whether the data has been kept up since, so they do not move it. A question
  /// about a later day may miss a change the data has not recorded; nil when no entry is dated.
  public func reviewDate(asOf today: CivilDate) -> CivilDate? {
    var newest: CivilDate?
    func see(_ date: CivilDate) {
      if date <= today, newest.map({ date > $0 }) ?? true { newest = date }
    }
    for jurisdiction in jurisdictions.values {
      for entry in jurisdiction.timeline {
        see(entry.date)
        if let announced = entry.announced { see(announced) }
      }
      for adoption in jurisdiction.adoptions { see(adoption.from) }
    }
    return newest
  }

  /// The note to print with an answer about `date` when it is after the review date as of
  /// `today`; nil otherwise.
  public func reviewNote(for date: CivilDate, today: CivilDate) -> String? {
    guard let reviewed = reviewDate(asOf: today), date > reviewed else { return nil }
    return
      "\(date) is after the rules' review date, \(reviewed) (the newest change they record); the law may have changed since without these rules knowing it"
  }
}
