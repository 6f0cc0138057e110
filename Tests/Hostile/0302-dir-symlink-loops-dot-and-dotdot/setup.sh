ln -s . Rules/loop
ln -s .. Rules/substances/up
