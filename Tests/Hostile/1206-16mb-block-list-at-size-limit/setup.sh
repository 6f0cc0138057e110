{ printf 'id: big\nname: Big\nkind: compound\naliases:\n'; yes -- '- a' | head -n 4100000; } > Rules/substances/big.yaml
