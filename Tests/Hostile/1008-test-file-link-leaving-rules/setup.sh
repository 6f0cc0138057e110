mkdir outside
printf 'SECRET-TOKEN-1234: hunter2\n' > outside/ext.yaml
ln -s ../../outside/ext.yaml Rules/tests/ext.yaml
