printf 'id: lsd\nname: LSD\nkind: compound\n' > "Rules/substances/"$'\e[2J\e]0;x\a'"lsd.yaml"
