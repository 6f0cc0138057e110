mkdir -p ../elsewhere
printf 'id: lsd\nname: LSD\nkind: compound\n' > ../elsewhere/lsd.yaml
ln -s ../../../elsewhere/lsd.yaml Rules/substances/lsd.yaml
