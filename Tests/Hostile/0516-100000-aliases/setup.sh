{ printf 'id: many\nname: Many\nkind: compound\naliases:\n'; seq 100000 | awk '{printf "  - alias %d\n", $1}'; } > Rules/substances/many.yaml
