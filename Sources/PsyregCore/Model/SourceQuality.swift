/// How much a cited URL can bear, judged by its host: the official publisher of a law or
/// decision (`primary`), anything else that reports on it (`secondary`: news, law firms,
/// legal databases, NGOs, faithful copies), or a source that should never carry an entry
/// alone (`weak`: Wikipedia and its mirrors, document dumps, content farms, blogs).
///
/// The lists are a maintained heuristic, not a judgement of each page: they let
/// `psyreg validate` warn about entries that rest only on weak sources and `psyreg list
/// sources` show where the data is thin. Extend them when new hosts appear (docs/checks.md).
public enum SourceQuality: String, Sendable, Hashable, CaseIterable {
  /// The official publisher: a government, legislature, court, regulator or treaty body.
  case primary
  /// A report on the law by someone else: news, law firms, legal databases, NGOs, copies.
  case secondary
  /// Wikipedia and its mirrors, document dumps, content farms and blogs.
  case weak

  /// The quality of one source URL.
  public static func of(_ url: String) -> SourceQuality {
    let host = Self.host(of: url)
    if isWeak(host: host) { return .weak }
    if isGovernmentDomain(host) || primarySuffixes.contains(where: { host.hasSuffix($0) })
      || matches(host, primaryHosts)
    {
      return .primary
    }
    return .secondary
  }

  /// Whether `of(url)` is `weak`, without judging the other qualities (the loader asks this of
  /// every source).
  static func isWeak(_ url: String) -> Bool { isWeak(host: host(of: url)) }

  static func isWeak(host: String) -> Bool {
    matches(host, weakHosts) || weakHostParts.contains(where: { contains(host, $0) })
  }

  /// `gov.uk`, `legislation.gov.au`, `dof.gob.mx`, `e-gov.go.jp`, `impo.gub.uy`: a
  /// government second-level label under a country code.
  static func isGovernmentDomain(_ host: String) -> Bool {
    let labels = host.split(separator: ".")
    guard labels.count >= 2, let country = labels.last, country.count == 2 else { return false }
    return governmentLabels.contains(String(labels[labels.count - 2]))
  }

  /// Second-level labels that countries reserve for their governments.
  static let governmentLabels: Set<String> = ["gov", "gob", "gub", "go", "gouv", "govt", "gv", "government"]

  /// The lower-cased host of an http(s) URL, without `www.` (empty if there is none).
  static func host(of url: String) -> String {
    if url.utf8.allSatisfy({ $0 < 0x80 }) { return asciiHost(of: url) }
    var rest = Substring(url.lowercased())
    if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
    var host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
    if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
    if host.hasPrefix("www.") { host = host.dropFirst(4) }
    return String(host)
  }

  /// `host(of:)` for an ASCII URL, on its bytes (where bytes and characters are the same
  /// search: no pattern here holds a CR or LF, the only ASCII pair that is one `Character`).
  static func asciiHost(of url: String) -> String {
    var bytes = Array(url.utf8)
    for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] += 0x20 }
    var start = 0
    if let scheme = firstIndex(of: Array("://".utf8), in: bytes[...]) { start = scheme + 3 }
    var end = start
    while end < bytes.count, !"/?#:".utf8.contains(bytes[end]) { end += 1 }
    if let at = bytes[start..<end].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
    if bytes[start..<end].starts(with: "www.".utf8) { start += 4 }
    return String(decoding: bytes[start..<end], as: UTF8.self)
  }

  /// Where `pattern` first occurs in `bytes`, by byte.
  static func firstIndex(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int? {
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return pattern.isEmpty ? bytes.startIndex : nil }
    var i = bytes.startIndex
    while i <= bytes.endIndex - pattern.count {
      if bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
      i += 1
    }
    return nil
  }

  /// `host.contains(part)`, by byte when both are ASCII.
  static func contains(_ host: String, _ part: String) -> Bool {
    guard host.utf8.allSatisfy({ $0 < 0x80 }), part.utf8.allSatisfy({ $0 < 0x80 }) else { return host.contains(part) }
    return firstIndex(of: Array(part.utf8), in: Array(host.utf8)[...]) != nil
  }

  /// `host` is one of `hosts` or a subdomain of one.
  static func matches(_ host: String, _ hosts: Set<String>) -> Bool {
    var candidate = Substring(host)
    while true {
      if hosts.contains(String(candidate)) { return true }
      guard let dot = candidate.firstIndex(of: ".") else { return false }
      candidate = candidate[candidate.index(after: dot)...]
    }
  }

  /// Government and intergovernmental domains.
  static let primarySuffixes: [String] =
    [
      ".gov", ".mil", ".int", ".europa.eu", ".un.org", ".admin.ch", ".gv.at", ".govt.nz", ".gc.ca",
      ".gouv.qc.ca", ".gov.bc.ca", ".fgov.be", ".nic.in", ".lg.jp", ".parliament.uk", ".public.lu", ".jus.br",
    ]
    + [
      "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la",
      "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok",
      "or", "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy",
    ].map { ".state.\($0).us" }

  /// Official publishers outside those domains: gazettes, consolidated statutes, legislatures,
  /// regulators and treaty bodies.
  static let primaryHosts: Set<String> = [
    // Treaties and UN bodies
    "unodc.org", "incb.org", "un.org", "who.int",
    // Europe
    "gesetze-im-internet.de", "bundesgesundheitsministerium.de", "bfarm.de", "recht.bund.de",
    "legifrance.gouv.fr", "boe.es", "aemps.gob.es", "normattiva.it", "gazzettaufficiale.it", "salute.gov.it",
    "riigiteataja.ee", "finlex.fi", "fimea.fi", "retsinformation.dk", "laegemiddelstyrelsen.dk", "lovdata.no",
    "legemiddelverket.no", "dre.pt", "diariodarepublica.pt", "infarmed.pt", "isap.sejm.gov.pl", "dziennikustaw.gov.pl",
    "e-sbirka.cz", "slov-lex.sk", "njt.hu", "magyarkozlony.hu", "wetten.overheid.nl", "overheid.nl",
    "officielebekendmakingen.nl", "rijksoverheid.nl", "government.nl", "e-tar.lt", "likumi.lv", "legilux.public.lu",
    "legislation.mt", "irishstatutebook.ie", "oireachtas.ie", "lawreform.ie", "justice.ie", "lrs.lt",
    "valtioneuvosto.fi", "stm.fi", "thl.fi", "regjeringen.no", "island.is", "senat.fr", "assemblee-nationale.fr",
    "ravimiamet.ee", "jazmp.si", "government.ru", "nrsr.sk", "parlamento.pt", "nsoud.cz", "ft.dk", "opengov.gr",
    "hpra.ie", "narodne-novine.nn.hr", "uradni-list.si",
    "pisrs.si", "legislatie.just.ro", "riksdagen.se", "lakemedelsverket.se", "reglugerd.is", "althingi.is",
    "lyfjastofnun.is", "lex.bg", "dv.parliament.bg", "cylaw.org", "bag.admin.ch", "fedlex.admin.ch", "swissmedic.ch",
    "ris.bka.gv.at", "ejustice.just.fgov.be", "legislation.gov.uk", "curia.europa.eu", "eur-lex.europa.eu",
    "ema.europa.eu", "euda.europa.eu", "emcdda.europa.eu", "coe.int", "rada.gov.ua", "pravo.gov.ru",
    "ansm.sante.fr", "archive.ansm.sante.fr", "conseil-etat.fr", "swissmedicinfo.ch", "fagg.be", "afmps.be",
    "fagg-afmps.be", "famhp.be", "health.belgium.be", "bda.bg", "strategy.bg", "kremlin.ru", "parlament.mt",
    "folkhalsomyndigheten.se", "policiajudiciaria.pt",
    // Americas
    "laws-lois.justice.gc.ca", "canada.ca", "bclaws.gov.bc.ca", "gazette.gc.ca", "planalto.gov.br", "in.gov.br",
    "anvisa.gov.br", "diputados.gob.mx", "dof.gob.mx", "bcn.cl", "leychile.cl", "impo.com.uy", "boletinoficial.gob.ar",
    "argentina.gob.ar", "pgrweb.go.cr", "laws.moj.gov.jm", "ncleg.net", "oklegal.onenet.net", "elperuano.pe",
    "diariooficial.elperuano.pe", "paho.org", "publications.tnsosfiles.com",
    // Asia and Oceania
    "law.go.kr", "moleg.go.kr", "elaws.e-gov.go.jp", "e-gov.go.jp", "mhlw.go.jp", "sso.agc.gov.sg", "hsa.gov.sg",
    "indiacode.nic.in", "legislation.gov.au", "tga.gov.au", "legislation.govt.nz", "medsafe.govt.nz",
    "saflii.org", "gpwonline.co.za", "sahpra.org.za",
    "elibrary.judiciary.gov.ph", "ratchakitcha.soc.go.th", "krisdika.go.th", "fda.moph.go.th",
  ]

  /// Wikipedia and its mirrors, document dumps, content farms, blogs.
  static let weakHosts: Set<String> = [
    "wikipedia.org", "wikiwand.com", "wikimili.com", "alchetron.com", "everybodywiki.com", "handwiki.org",
    "infogalactic.com", "dbpedia.org", "justapedia.org", "hyperleap.com", "wikizero.com", "wiki2.org",
    "docslib.org", "instalawyer.io", "legalclarity.org", "legalfix.com", "self-law.org", "scribd.com",
    "fdocuments.net", "vdocuments.mx", "fdokument.com", "studylib.net", "laws9.com", "getpocketlaw.com",
    "cannadelics.com", "lawin.news", "cannabisbusinessconnection.org", "cannabismagazine.net",
    "medium.com", "substack.com", "blogspot.com", "wordpress.com", "reddit.com", "quora.com", "tripsitter.com",
    "thethirdwave.co", "zanotowane.pl", "eve-rave.net", "webry.info", "15huv.group", "magiskamolekyler.org",
  ]

  /// Parts of a host that mark a wiki mirror wherever it is hosted.
  static let weakHostParts: [String] = ["wikipedia", "wikiwand"]
}
