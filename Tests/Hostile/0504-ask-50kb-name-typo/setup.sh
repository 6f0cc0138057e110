a=$(seq 10000 | awk '{printf "%sw%d", (NR>1?" ":""), $1}')
printf 'id: long\nname: Long\nkind: compound\naliases: ["%s"]\n' "$a" > Rules/substances/long.yaml
printf '%s' "${a/w5000 /x5000 }" > name.txt
