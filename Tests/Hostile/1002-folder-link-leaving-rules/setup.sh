mkdir outside
printf 'id: ext\nname: Ext\nkind: compound\nSECRET-TOKEN-1234: hunter2\n' > outside/ext.yaml
ln -s ../outside Rules/ext
