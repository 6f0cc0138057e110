ln -s . Rules/loop
ln -s .. Rules/substances/up
ln -s ../.. Rules/tests/upup
