{ printf 'id: big\nname: Big\nkind: compound\naliases:\n'; yes -- '- a' | head -n 12500000; } > Rules/substances/big.yaml
