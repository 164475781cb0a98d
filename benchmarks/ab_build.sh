#!/usr/bin/env bash
# A/B of a clean `readinglist build -q` of the shipped site (content/ as committed):
# each commit's own project (its generator, overrides, mkdocs.yml and content, taken
# with `git archive` into a scratch folder), alternated, each building over its own
# last site (site/ there and the generator's memo warm, as a curator's next build).
# Wall, user and system seconds of the whole process, one line per build.
#
#   benchmarks/ab_build.sh OLD [NEW] [ROUNDS]     (NEW defaults to HEAD, ROUNDS to 5)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
old=${1:?usage: ab_build.sh OLD [NEW] [ROUNDS]} new=${2:-HEAD} rounds=${3:-5}
python=${PYTHON:-$repo/.venv/bin/python}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for side in old new; do
  commit=$([ "$side" = old ] && echo "$old" || echo "$new")
  mkdir -p "$scratch/$side"
  git -C "$repo" archive "$commit" generator overrides mkdocs.yml content docs | tar -x -C "$scratch/$side"
  "$python" -m compileall -q "$scratch/$side/generator" >/dev/null
  # (Run from the project: `python -m generator` imports its own generator.)
  (cd "$scratch/$side" && "$python" -m generator build -q >/dev/null 2>&1)  # the last site, the memo
done
for round in $(seq "$rounds"); do
  for side in old new; do
    cd "$scratch/$side"
    /usr/bin/time -o "$scratch/time" -f "%e %U %S" "$python" -m generator build -q >/dev/null 2>&1
    echo "round $round $side wall/user/sys $(cat "$scratch/time") files $(find site -type f | wc -l)"
  done
done
