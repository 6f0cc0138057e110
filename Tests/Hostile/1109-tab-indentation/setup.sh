printf 'id: lsd\nname: LSD\naliases:\n\t- acid\nkind: compound\n' > Rules/substances/lsd.yaml
