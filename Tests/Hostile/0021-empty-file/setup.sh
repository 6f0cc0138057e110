: > Rules/substances/lsd.yaml
