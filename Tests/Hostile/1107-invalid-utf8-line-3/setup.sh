printf 'id: lsd\nname: LSD\ndescription: caf\303 \300\257 x\nkind: compound\n' > Rules/substances/lsd.yaml
