mkdir site
ln -s ../Rules/jurisdictions/us.yaml site/us.html
