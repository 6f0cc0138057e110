{ printf 'aliases: '; head -c 100000 /dev/zero | tr '\0' '['; echo; } > Rules/substances/deep.yaml
