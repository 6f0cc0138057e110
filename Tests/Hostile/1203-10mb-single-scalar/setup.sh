{ printf 'id: big\nname: Big\nkind: compound\ndescription: '; head -c 10000000 /dev/zero | tr '\0' 'x'; echo; } > Rules/substances/big.yaml
