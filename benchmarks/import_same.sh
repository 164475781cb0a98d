#!/usr/bin/env bash
# Whether two versions of the importer write the same: each input imported into scratch
# projects by OLD_TREE's generator and by NEW_TREE's, then the projects (content/papers,
# content/sources/imported.json and the kept copies) and what each command printed,
# compared with diff -r. For a speed change that must not change what an import writes.
#
#   benchmarks/import_same.sh OLD_TREE NEW_TREE [SMALL]
#
# OLD_TREE/NEW_TREE: checkouts (`git worktree add DIR COMMIT`). The inputs: every .bib
# and Markdown list of tests/data, a small RIS file (below) and the first 2,000 lines
# (1,000 papers) of the synthetic listing; each into an empty project, twice (the second
# an unchanged re-import), then all of them into a copy of tests/data/site_fixture's
# content, twice (merging into its papers). Unless SMALL is given, also the .bib of
# benchmarks/keep_sources.py at 10,000 entries: imported, one entry edited and imported
# again, then once more unchanged.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
old=$(cd "${1:?usage: import_same.sh OLD_TREE NEW_TREE [SMALL]}" && pwd) new=$(cd "${2:?}" && pwd) small=${3:-}
python=${PYTHON:-$repo/.venv/bin/python}
listing=$(cd "$repo/benchmarks" && "$python" -c "from keep_sources import LIST; print(LIST)")  # (KEEP_LIST names another)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
data=$repo/tests/data
mkdir -p "$scratch/inputs"
cat > "$scratch/inputs/zotero.ris" <<'EOF'
TY  - JOUR
TI  - Attention Is All You Need
AU  - Vaswani, Ashish
AU  - Shazeer, Noam
PY  - 2017
T2  - Advances in Neural Information Processing Systems
AB  - The dominant sequence transduction models are based on complex recurrent or
      convolutional neural networks. Code: https://github.com/tensorflow/tensor2tensor
DO  - 10.48550/arXiv.1706.03762
UR  - https://arxiv.org/abs/1706.03762
KW  - transformers
N1  - A lab note with https://example.org/notes
ER  - 

TY  - CONF
TI  - Deep Residual Learning for Image Recognition
AU  - He, Kaiming
AU  - Zhang, Xiangyu
PY  - 2016
T2  - CVPR
SP  - 770
EP  - 778
ER  - 
EOF
inputs=("$data"/import/*.bib "$data"/add/*.bib "$data"/own_list/*.bib "$data"/markdown_lists/*.md "$scratch/inputs/zotero.ris")
if [ -f "$listing" ]; then
  head -2000 "$listing" > "$scratch/inputs/listing.txt"
  inputs+=("$scratch/inputs/listing.txt")
else
  echo "import_same.sh: no listing at $listing (KEEP_LIST): compared without it" >&2
fi
if [ -z "$small" ]; then
  (cd "$repo/benchmarks" && "$python" -c "
import sys
from keep_sources import bib
open(sys.argv[1], 'w').write(bib(10000, 0))
open(sys.argv[2], 'w').write(bib(10000, 1))" "$scratch/inputs/lab.bib" "$scratch/inputs/lab1.bib") || {
    # (Else both sides would fail alike on the missing files, and be "the same".)
    echo "import_same.sh: could not write the 10,000-entry .bib (KEEP_LIST: $listing); give SMALL to compare without it" >&2
    exit 2
  }
fi
run() {  # TREE PROJECT ARGS...: the command's output and exit status to PROJECT.out
  local tree=$1 project=$2
  shift 2
  (cd "$tree" && "$python" -m generator --root "$project" import "$@" >>"$project.out" 2>&1; echo "exit $?" >>"$project.out")
}
empty() { mkdir -p "$1/content/papers" && echo 'topics: []' >"$1/content/topics.yml"; }
for side in old new; do
  tree=$old
  [ "$side" = new ] && tree=$new
  for input in "${inputs[@]}"; do
    project=$scratch/$side/each-$(basename "$input")
    empty "$project"
    run "$tree" "$project" "$input"
    run "$tree" "$project" "$input"
  done
  project=$scratch/$side/fixture
  mkdir -p "$project" && cp -r "$data/site_fixture/content" "$project/"
  run "$tree" "$project" "${inputs[@]}"
  run "$tree" "$project" "${inputs[@]}"
  if [ -z "$small" ]; then
    project=$scratch/$side/bib10000
    empty "$project"
    run "$tree" "$project" -q "$scratch/inputs/lab.bib"
    run "$tree" "$project" -q "$scratch/inputs/lab1.bib"
    run "$tree" "$project" -q "$scratch/inputs/lab1.bib"
  fi
  # (The messages name the project's folder, which differs by side.)
  sed -i "s#$scratch/$side/#$scratch/SIDE/#g" "$scratch/$side"/*.out
done
# (Two sides that fail alike are the same too: how many commands did is said.)
failed=$(cat "$scratch/new"/*.out | grep -c '^exit [1-9]')
if diff -r "$scratch/old" "$scratch/new"; then
  echo "the same: $(find "$scratch/new" -type f | wc -l) files a side; $failed of $(cat "$scratch/new"/*.out | grep -c '^exit ') commands a side exited non-zero"
else
  echo "DIFFERENT"
  exit 1
fi
