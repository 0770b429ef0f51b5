#!/usr/bin/env bash
# Grades every corpus seed against its gold record, as given and with diacritics stripped.
# Usage: scripts/grade-corpus.sh [--strict-diacritics]
set -u
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
for seed in corpus/seeds/*.txt; do
  name=$(basename "$seed" .txt)
  for variant in plain stripped; do
    input="$seed"
    if [ "$variant" = stripped ]; then
      input="$tmp/$name.stripped.txt"
      node -e 'const fs=require("fs");fs.writeFileSync(process.argv[2],fs.readFileSync(process.argv[1],"utf8").normalize("NFD").replace(/[\u0300-\u036f]/g,"").replace(/đ/g,"d").replace(/Đ/g,"D"))' "$seed" "$input"
    fi
    if node bin/thidua.js extract "$input" >"$tmp/rec.json" 2>"$tmp/err.txt"; then
      s=$(node scripts/score.mjs "corpus/gold/$name.json" "$tmp/rec.json" "$@" | tail -1)
    else
      s="extract failed: $(head -c 200 "$tmp/err.txt")"
    fi
    echo "$name ($variant): $s"
  done
done
rm -rf "$tmp"
