mkdir Rules/substances/x.yaml
printf 'id: lsd\nname: LSD\nkind: compound\n' > Rules/substances/x.yaml/lsd.yaml
