ln -s Rules/substances/new.yaml o.html
