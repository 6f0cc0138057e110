#!/usr/bin/env python3
"""Lists public declarations without a doc comment (`///` on the line before, after attributes).

Usage: scripts/undocumented-public.py [SOURCES...]; exits 1 when any are found. Operators and
protocol witnesses that only restate the protocol (==, <, hash, description of
CustomStringConvertible, Codable init) are exempt.
"""
import re, sys, pathlib

EXEMPT = re.compile(r'public (static )?func (==|<|hash\(into)|public (var|let) (description|testDescription)\b'
                    r'|public init\?\(rawValue|public init\?\(argument|public init\(from decoder|public func encode\(to'
                    r'|public init\(dictionaryLiteral|public init\(stringLiteral|public init\(booleanLiteral'
                    r'|public init\(arrayLiteral|public init\(integerLiteral|public (var|let) id: Self')
DECL = re.compile(r'^\s*public (?:(?:static|final|indirect|mutating|nonisolated)\s+)*'
                  r'(struct|enum|class|protocol|typealias|func|var|let|init|case|subscript|extension)\b')

def undocumented(path):
    lines = pathlib.Path(path).read_text().split('\n')
    for i, line in enumerate(lines):
        if not DECL.match(line) or EXEMPT.search(line) or line.lstrip().startswith('public extension'):
            continue
        j = i - 1
        while j >= 0 and lines[j].strip().startswith('@'):
            j -= 1
        if j < 0 or not lines[j].strip().startswith('///'):
            yield i + 1, line.strip()

roots = sys.argv[1:] or ['Sources/PsyregYAML', 'Sources/PsyregCore', 'Sources/PsyregRender', 'Sources/PsyregServer']
found = [(str(p), n, l) for r in roots for p in sorted(pathlib.Path(r).rglob('*.swift')) for n, l in undocumented(p)]
for p, n, l in found:
    print(f'{p}:{n}: {l}')
print(f'{len(found)} public declarations without a doc comment', file=sys.stderr)
sys.exit(1 if found else 0)
