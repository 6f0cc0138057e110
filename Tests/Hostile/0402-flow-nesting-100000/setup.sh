{ printf 'id: deep\nname: Deep\nkind: compound\naliases: '; head -c 100000 /dev/zero | tr '\0' '['; head -c 100000 /dev/zero | tr '\0' ']'; echo; } > Rules/substances/deep.yaml
