ln -s nowhere.yaml Rules/substances/gone.yaml
