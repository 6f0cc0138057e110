truncate -s 1G Rules/substances/big.yaml
