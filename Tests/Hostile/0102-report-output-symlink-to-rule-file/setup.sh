ln -s Rules/substances/mdma.yaml o.md
