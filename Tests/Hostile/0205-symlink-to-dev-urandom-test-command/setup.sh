ln -s /dev/urandom Rules/tests/random.yaml
