#!/usr/bin/env bash
# A/B of a CLEAN generate (no memo, an empty docs folder) at 10,000 papers: run.py's
# `generate` phase for two checkouts of the code, alternately. One line per run: CPU
# seconds, wall seconds and each phase's CPU seconds (load, topics, related, plan,
# render, write; write varies most, as the disk is shared).
#
#   benchmarks/generate_ab.sh OLD_TREE NEW_TREE [ROUNDS]
#
# OLD_TREE/NEW_TREE: checkouts (`git archive COMMIT | tar -x -C DIR`; compile their
# bytecode once, where PYTHONDONTWRITEBYTECODE is set). Each side gets its own copy of
# benchmarks/work/n10000/project's content (`python benchmarks/run.py --sizes 10000`
# once; AB_WORK=DIR names another).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
old=${1:?usage: generate_ab.sh OLD_TREE NEW_TREE [ROUNDS]} new=${2:?} rounds=${3:-3}
work=${AB_WORK:-$repo/benchmarks/work/n10000}
python=${PYTHON:-$repo/.venv/bin/python}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
declare -A tree=([old]=$old [new]=$new)
for side in old new; do
  mkdir -p "$scratch/$side"
  cp -r "$work/project/content" "$work/project/mkdocs.yml" "$scratch/$side/"
  cp -rL "$work/project/overrides" "$scratch/$side/overrides"
  ln -s "$(cd "${tree[$side]}" && pwd)/generator" "$scratch/$side/generator"
done
for round in $(seq "$rounds"); do
  for side in old new; do
    rm -rf "$scratch/$side/docs" && mkdir -p "$scratch/$side/docs"
    (cd "${tree[$side]}" && "$python" benchmarks/run.py --child generate "$scratch/$side" | tail -1) |
      "$python" -c "import json, sys; d = json.load(sys.stdin); print('round $round $side', d['cpu_seconds'], d['seconds'], d['phases'])"
  done
done
