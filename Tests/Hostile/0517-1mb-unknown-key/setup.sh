{ printf 'id: key\nname: Key\nkind: compound\n? '; head -c 1000000 /dev/zero | tr '\0' 'k'; printf '\n: x\n'; } > Rules/substances/key.yaml
