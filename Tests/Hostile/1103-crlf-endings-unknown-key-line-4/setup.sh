printf 'id: lsd\r\nname: LSD\r\nkind: compound\r\nbogus: 1\r\n' > Rules/substances/lsd.yaml
