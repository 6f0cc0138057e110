ln -s Rules/tests/base.yaml p.json
ln -s p.json o.json
