ln -s . Rules/loop
