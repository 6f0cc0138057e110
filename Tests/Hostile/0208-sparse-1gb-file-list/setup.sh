truncate -s 1G Rules/jurisdictions/big.yaml
