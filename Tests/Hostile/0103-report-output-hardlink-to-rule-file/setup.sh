ln Rules/substances/mdma.yaml o.html
