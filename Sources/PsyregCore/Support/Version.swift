/// psyreg's version: the single source of truth for `psyreg --version`, SARIF's
/// `tool.driver.version` and `CHANGELOG.md`'s newest heading (a test checks that they agree).
public enum PsyregVersion {
  /// Semantic version of the tool, the library and the rule format together.
  public static let current = "0.1.0"
  /// Where people read about psyreg: the repository's README.
  public static let informationURI = "https://github.com/psyreg/psyreg#readme"
}
