{ printf 'aliases:\n  '; for i in $(seq 7000); do printf -- '- - - - - - - - - - '; done; printf 'x\n'; } > Rules/substances/deep.yaml
