printf '\357\273\277id: lsd\nbogus: 1\nname: LSD\nkind: compound\n' > Rules/substances/lsd.yaml
