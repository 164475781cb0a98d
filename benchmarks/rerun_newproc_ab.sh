#!/usr/bin/env bash
# A/B of a rerun in a NEW process (`readinglist build` after an edit, from the cache):
# run.py's `rerun` phase for two checkouts of the code, alternately. CPU seconds, wall
# seconds, the related phase's CPU, files written, the generator's import, reading the
# memo (the cache phase, wall) and storing it after (CPU), one line
# per run. AB_KINDS names the edits (default "title abstract"; run.py also knows "notes").
#
#   benchmarks/rerun_newproc_ab.sh OLD_TREE NEW_TREE [ROUNDS]
#
# OLD_TREE/NEW_TREE: checkouts (`git worktree add /tmp/old COMMIT`; this repository for
# the current code). Each side gets its own copy of benchmarks/work/n10000/project's
# content (`python benchmarks/run.py --sizes 10000` once; AB_WORK=DIR names another),
# whose cache the first run primes. OLD_PYTHON/NEW_PYTHON (default: PYTHON, else this
# repository's .venv) run each side with its own environment: the same code with other
# packages (`benchmarks/rerun_newproc_ab.sh . . 3` with two venvs).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
old=${1:?usage: rerun_newproc_ab.sh OLD_TREE NEW_TREE [ROUNDS]} new=${2:?} rounds=${3:-3}
work=${AB_WORK:-$repo/benchmarks/work/n10000}
python=${PYTHON:-$repo/.venv/bin/python}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
declare -A tree=([old]=$old [new]=$new)
declare -A py=([old]=${OLD_PYTHON:-$python} [new]=${NEW_PYTHON:-$python})
for side in old new; do
  mkdir -p "$scratch/$side/docs"
  cp -r "$work/project/content" "$work/project/mkdocs.yml" "$scratch/$side/"
  cp -rL "$work/project/overrides" "$scratch/$side/overrides"
  ln -s "$(cd "${tree[$side]}" && pwd)/generator" "$scratch/$side/generator"
  # Files younger than 2 s are never kept in the generator's file cache (a racy edit);
  # primed at once, the first measured run would read every file again.
  sleep 3
  # (Compiled once: where PYTHONDONTWRITEBYTECODE is set, each run would compile it again.)
  "${py[$side]}" -m compileall -q "${tree[$side]}/generator" >/dev/null
  (cd "${tree[$side]}" && "${py[$side]}" benchmarks/run.py --child rerun "$scratch/$side" none >/dev/null)
done
for round in $(seq "$rounds"); do
  for kind in ${AB_KINDS:-title abstract}; do
    for side in old new; do
      (cd "${tree[$side]}" && "${py[$side]}" benchmarks/run.py --child rerun "$scratch/$side" "$kind" | tail -1) |
        "$python" -c "import json, sys; d = json.load(sys.stdin); print('round $round $kind $side', d['cpu_seconds'], d['seconds'], d['phases']['related'], d['written'], d['import_cpu_s'], d['phases']['cache'], d['store_cpu_s'])"
    done
  done
done
