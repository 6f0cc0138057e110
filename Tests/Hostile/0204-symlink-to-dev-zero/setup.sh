ln -s /dev/zero Rules/substances/zero.yaml
