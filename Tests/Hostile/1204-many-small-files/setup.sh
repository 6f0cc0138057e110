for i in $(seq 5000); do printf 'id: s%d\nname: S%d\nkind: compound\n' $i $i > Rules/substances/s$i.yaml; done
