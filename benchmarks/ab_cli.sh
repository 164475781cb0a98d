#!/usr/bin/env bash
# A/B of `readinglist check` and a fresh `readinglist import` at N papers: the generator
# of two commits, alternating, each run from a folder outside the repository so that
# `python -m generator` imports the code named. Wall seconds, one line per run.
#
#   benchmarks/ab_cli.sh OLD [NEW] [ROUNDS]     (NEW defaults to HEAD, ROUNDS to 3)
#
# Needs the synthetic list and project benchmarks/run.py leaves in benchmarks/work/n10000/
# (`python benchmarks/run.py --sizes 10000` once; AB_WORK=DIR names another).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
old=${1:?usage: ab_cli.sh OLD [NEW] [ROUNDS]} new=${2:-HEAD} rounds=${3:-3}
work=${AB_WORK:-$repo/benchmarks/work/n10000}
python=${PYTHON:-$repo/.venv/bin/python}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for side in old new; do
  commit=$([ "$side" = old ] && echo "$old" || echo "$new")
  mkdir -p "$scratch/$side"
  git -C "$repo" archive "$commit" generator | tar -x -C "$scratch/$side"
done
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N); echo "$e - $s" | bc; }
for round in $(seq "$rounds"); do
  for side in old new; do
    cd "$scratch/$side"
    echo "round $round check $side $(seconds "$python" -m generator --root "$work/project" check)"
    target="$scratch/import-$side"
    rm -rf "$target" && mkdir -p "$target/content/papers" && echo "topics: []" > "$target/content/topics.yml"
    echo "round $round import $side $(seconds "$python" -m generator --root "$target" import --no-keep-source -q "$work/list.txt")"
  done
done
