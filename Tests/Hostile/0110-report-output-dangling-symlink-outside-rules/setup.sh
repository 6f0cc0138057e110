mkdir elsewhere
ln -s elsewhere/r.md o.md
