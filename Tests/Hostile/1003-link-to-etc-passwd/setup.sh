ln -s /etc/passwd Rules/substances/passwd.yaml
