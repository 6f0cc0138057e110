ln -s Rules o.md
