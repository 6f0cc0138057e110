printf 'id: lsd\rname: LSD\rkind: compound\rbogus: 1\r' > Rules/substances/lsd.yaml
