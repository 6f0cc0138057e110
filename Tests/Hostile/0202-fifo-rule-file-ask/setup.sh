mkfifo Rules/jurisdictions/x.yaml
