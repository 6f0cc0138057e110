{ printf 'id: keys\nname: Keys\nkind: compound\nidentifiers:\n'; seq 100000 | awk '{printf "  k%d: v\n", $1}'; } > Rules/substances/keys.yaml
