import PsyregCore

/// File paths as URI references (RFC 3986), as SARIF's `artifactLocation.uri` wants them.
package enum URIEscaper {
  /// A relative path stays relative (to the repository root, where CI runs); an absolute one
  /// becomes a `file://` URI. Every UTF-8 byte outside the unreserved set and `/` is
  /// percent-encoded: a space is `%20`, a CRLF `%0D%0A`, `é` `%C3%A9`.
  package static func path(_ path: String) -> String {
    var out = path.hasPrefix("/") ? "file://" : ""
    for byte in path.utf8 {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
        UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(byte))
      default:
        let hex = String(byte, radix: 16, uppercase: true)
        out += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    return out
  }
}
