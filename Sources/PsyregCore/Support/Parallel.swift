import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Work spread over the cores, results kept in order.
package enum Parallel {
  /// The cores online (at least 1).
  package static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// `body(0) … body(count - 1)` on all cores, in the order of the indexes; on the calling
  /// thread alone when `worthThreads` is false (work so small that starting threads costs more).
  package static func map<T: Sendable>(_ count: Int, worthThreads: Bool = true, _ body: @Sendable (Int) -> T) -> [T] {
    if count <= 1 || cores == 1 || !worthThreads { return (0..<count).map(body) }
    let results = ConcurrentResults<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { results.set($0, body($0)) }
    return results.values()
  }
}
