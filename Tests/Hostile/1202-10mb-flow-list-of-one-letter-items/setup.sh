{ printf 'id: big\nname: Big\nkind: compound\naliases: [a'; yes ',a' | head -n 5000000 | tr -d '\n'; printf ']\n'; } > Rules/substances/big.yaml
