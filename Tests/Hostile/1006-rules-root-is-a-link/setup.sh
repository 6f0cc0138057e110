ln -s Rules rl
