cp -a Rules new
cat >> new/jurisdictions/us.yaml <<'EOT'
  - date: 2020-01-01
    kind: other
    substances: [mdma]
    title: "Change\e[8m hidden \e]0;title\a\e[0m"
    instrument: "Act\e[5m 1"
    sources: [https://www.law.cornell.edu/uscode/text/21/812]
    confidence: high
    verdicts: {medical: allowed}
EOT
