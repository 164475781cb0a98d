#!/usr/bin/env bash
# A/B of `readinglist check` and a fresh `readinglist import` at N papers: the generator
# of two commits, alternating, each run from a folder outside the repository so that
# `python -m generator` imports the code named. Wall seconds, one line per run.
#
#   benchmarks/ab_cli.sh OLD [NEW] [ROUNDS]     (NEW defaults to HEAD, ROUNDS to 3)
#
# Needs the synthetic list and project benchmarks/run.py leaves in benchmarks/work/n10000/
# (`python benchmarks/run.py --sizes 10000` once; AB_WORK=DIR names another).
# An A/B shows a change's cost, not whether a target is met: both sides can be far over
# it (the thirty-sixth session's import, 186-241 s on both, against 5 s). So the last
# lines set each figure beside its target, and this machine's speed that day.
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
  # (Compiled once: where PYTHONDONTWRITEBYTECODE is set, each run would compile it again.)
  "$python" -m compileall -q "$scratch/$side/generator" >/dev/null
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
calib=$("$python" -c 'import time; t = time.process_time(); sum(range(3 * 10**7)); print(round(time.process_time() - t, 2))')
echo "targets at 10,000 papers, on a fast day (sum(range(3*10**7)) in 0.36 s CPU; today $calib s):"
echo "  check < 3 s, fresh import < 5 s (BENCHMARKS.md, Targets); a figure several times over is a regression, whatever the A/B says"
