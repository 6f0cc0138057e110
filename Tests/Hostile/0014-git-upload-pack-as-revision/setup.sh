git init -q . && git add -A && git commit -qm base
