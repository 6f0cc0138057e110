printf 'id: lsd\nname: LSD\nkind: compound\nbogus: 1\n' > "Rules/substances/a,line=99,title=x::"$'\n'"::error file=README.md,line=1::FORGED.yaml"
