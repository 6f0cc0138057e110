cp -a Rules new
{ printf 'aliases: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } > new/substances/deep.yaml
