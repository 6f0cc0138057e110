ln -s b.yaml Rules/substances/a.yaml
ln -s a.yaml Rules/substances/b.yaml
