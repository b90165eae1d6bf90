#!/usr/bin/env bash
# Rewrites the files[] entries (rows, sha256) of a dataset folder's manifest.json from its CSV files, for datasets
# edited by hand (exchange format §2.2): ./scripts/dataset-manifest.sh FOLDER...
#
# Lists the CSV files of the folder in the order the manifest already gives, new ones after, by name. Rows are the
# lines after the header; a record with a quoted line break would count twice, so hand-written datasets keep one
# record per line. Other manifest fields are kept. Needs jq and sha256sum.
set -euo pipefail

[ $# -gt 0 ] || { echo "usage: $0 FOLDER..." >&2; exit 2; }
for folder in "$@"; do
  manifest="$folder/manifest.json"
  [ -f "$manifest" ] || { echo "$manifest: not found" >&2; exit 1; }
  order="$(jq -r '.files[].name' "$manifest")"
  names="$( { printf '%s\n' "$order"; (cd "$folder" && ls -1 -- *.csv | LC_ALL=C sort); } | awk 'NF && !seen[$0]++')"
  files='[]'
  while IFS= read -r name; do
    [ -f "$folder/$name" ] || continue
    [ "$name" = "import-report.csv" ] && continue
    rows="$(awk 'END { print (NR > 0 ? NR - 1 : 0) }' "$folder/$name")"
    sha="$(sha256sum "$folder/$name" | cut -c1-64)"
    files="$(jq -c --arg n "$name" --argjson r "$rows" --arg s "$sha" '. + [{name: $n, rows: $r, sha256: $s}]' <<<"$files")"
  done <<<"$names"
  jq --indent 2 --argjson f "$files" '.files = $f' "$manifest" > "$manifest.tmp"
  mv "$manifest.tmp" "$manifest"
  echo "$manifest: $(jq -r '[.files[] | "\(.name) \(.rows)"] | join(", ")' "$manifest")"
done
