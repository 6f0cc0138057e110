printf 'id: lsd\r\nname: LSD\r\nkind: compound\r\naliases: [acid]\r\n' > Rules/substances/lsd.yaml
