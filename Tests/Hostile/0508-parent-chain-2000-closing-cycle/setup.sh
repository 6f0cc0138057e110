printf 'id: zz\nname: ZZ\nkind: national\nparent: zz-2000\n' > Rules/jurisdictions/zz.yaml
p=zz; for i in $(seq 2000); do printf 'id: zz-%d\nname: ZZ %d\nkind: state\nparent: %s\n' $i $i $p > Rules/jurisdictions/zz-$i.yaml; p=zz-$i; done
