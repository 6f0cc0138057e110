ln -s Rules/jurisdictions site
