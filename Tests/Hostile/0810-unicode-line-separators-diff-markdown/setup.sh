cp -a Rules new
cat >> new/jurisdictions/us.yaml <<'EOT'
  - date: 2020-01-01
    kind: other
    substances: [mdma]
    title: "Change\u2028# Injected heading\u2029| forged | row |\x85# Injected"
    instrument: "Act\r\n| forged | row |"
    sources: [https://www.law.cornell.edu/uscode/text/21/812]
    confidence: high
    verdicts: {medical: allowed}
EOT
