d="Rules/substances/"$'\e]0;pwned\a\e[2J'
mkdir "$d"
printf 'id: lsd\nname: LSD\nkind: compound\nbogus: 1\n' > "$d/lsd.yaml"
