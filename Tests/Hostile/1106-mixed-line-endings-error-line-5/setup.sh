printf 'id: lsd\r\nname: LSD\rkind: compound\n# comment\r\nbogus: 1\n' > Rules/substances/lsd.yaml
