mkdir -p Rules/more/a Rules/more/c
printf 'id: lsd\nname: LSD\nkind: compound\n' > Rules/more/a/lsd.yaml
ln -s ../c Rules/more/a/b
ln -s ../a Rules/more/c/d
