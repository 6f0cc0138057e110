{ printf 'id: big\nname: Big\nkind: compound\naliases: [a'; yes ',a' | head -n 8300000 | tr -d '\n'; printf ']\n'; } > Rules/substances/big.yaml
