cp -a Rules new
printf 'id: lsd\nname: LSD\nkind: compound\n' > "new/substances/"$'\e]0;x\a'"lsd.yaml"
