printf 'id: lsd\rname: LSD\rkind: compound\rdescription: bad \377 byte\r' > Rules/substances/lsd.yaml
