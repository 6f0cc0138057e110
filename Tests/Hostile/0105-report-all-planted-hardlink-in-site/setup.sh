mkdir site
ln Rules/jurisdictions/us-or.yaml site/us-or.html
