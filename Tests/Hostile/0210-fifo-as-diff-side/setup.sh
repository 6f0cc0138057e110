cp -a Rules new
mkfifo new/substances/x.yaml
