{ printf 'id: dup\nname: Dup\nkind: compound\n'; yes 'note: x' | head -n 100000; } > Rules/substances/dup.yaml
