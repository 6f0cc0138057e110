printf 'id: s0\nname: S0\nkind: compound\n' > Rules/substances/s0.yaml
for i in $(seq 2000); do printf 'id: s%d\nname: S%d\nkind: compound\nisomer_of: s%d\n' $i $i $((i-1)) > Rules/substances/s$i.yaml; done
