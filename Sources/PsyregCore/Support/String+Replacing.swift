extension String {
  /// Every `target` character replaced, without Foundation (used for CI escapes and docs).
  package func replacingAll(_ target: String, with replacement: String) -> String {
    split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
  }
}
