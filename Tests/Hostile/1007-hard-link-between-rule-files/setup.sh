ln Rules/substances/mdma.yaml Rules/substances/ecstasy.yaml
