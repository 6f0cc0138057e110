printf 'id: lsd\nname: L\355\240\200SD \300\257\nkind: compound\n' > Rules/substances/lsd.yaml
