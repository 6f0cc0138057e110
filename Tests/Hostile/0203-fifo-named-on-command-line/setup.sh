mkfifo Rules/tests/t.yaml
