mkdir outside
printf 'id: lsd\nname: LSD\nkind: compound\n' > outside/lsd.yaml
ln -s ../../outside/lsd.yaml Rules/substances/lsd.yaml
git init -q . && git add -A && git commit -qm base
printf 'id: lsd\nname: LSD\nkind: compound\naliases: [acid]\n' > outside/lsd.yaml
