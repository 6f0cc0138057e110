# Two 50 KB kebab ids (10,000 numbered words) differing in one letter in the middle.
a=$(seq 10000 | awk '{printf "%sw%d", (NR>1?"-":""), $1}')
b=${a/w5000-/x5000-}
printf 'id: %s\nname: Long\nkind: compound\n' "$a" > Rules/substances/long.yaml
{ printf 'id: zz\nname: Zed\nkind: national\n\ntimeline:\n'; printf '  - date: 2020-01-01\n    kind: other\n    substances: [%s]\n    title: t\n    instrument: i\n    sources: [https://www.law.cornell.edu/uscode/text/21/812]\n    confidence: high\n' "$b"; } > Rules/jurisdictions/zz.yaml
