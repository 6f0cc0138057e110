for i in 1 2 3 4; do ln -s .. Rules/substances/l$i; ln -s .. Rules/jurisdictions/m$i; done
