mkfifo Rules/substances/x.yaml
