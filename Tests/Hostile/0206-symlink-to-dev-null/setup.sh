ln -s /dev/null Rules/substances/null.yaml
