git init -q . && git add -A && git commit -qm base
ln -s /etc/passwd Rules/substances/passwd.yaml
git add -A && git commit -qm link
