ln -s / Rules/root
