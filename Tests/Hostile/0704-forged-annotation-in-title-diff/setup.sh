cp -a Rules new
cat >> new/jurisdictions/us.yaml <<'EOT'
  - date: 2020-01-01
    kind: other
    substances: [mdma]
    title: "Change\n::error file=README.md,line=1::FORGED\n::add-mask::hunter2"
    instrument: Act 1
    sources: [https://www.law.cornell.edu/uscode/text/21/812]
    confidence: high
    verdicts: {medical: allowed}
EOT
