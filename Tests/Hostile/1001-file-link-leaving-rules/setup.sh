mkdir outside
printf 'id: ext\nname: Ext\nkind: compound\nSECRET-TOKEN-1234: hunter2\n' > outside/secret.yaml
ln -s ../../outside/secret.yaml Rules/substances/ext.yaml
