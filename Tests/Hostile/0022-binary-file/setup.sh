printf 'id: lsd\nname: L\000SD\nkind: compound\n' > Rules/substances/lsd.yaml
