#!/usr/bin/env bash
# The cross-check runs of scripts/reference/cwcomp_torch.py, all at once on one GPU (each run is small).
# Usage: scripts/reference/cwcomp_torch_runs.sh DATA_ROOT OUT_JSONL [all | fashion-mnist]
#   DATA_ROOT holds mnist/ and fashion-mnist/, each with the four official gzipped IDX files.
#   all (default): 13 runs on both datasets; fashion-mnist: its 6 runs alone.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="$1"; out="$2"; which="${3:-all}"
export PYTHONUNBUFFERED=1
trap 'kill $(jobs -p) 2>/dev/null' TERM INT
run() { python3 "$here/cwcomp_torch.py" --out "$out" "$@" >/dev/null 2>>"$out.errors" & }
long='[[0,6],[0,11],[0,16],[0,21]]'
for seed in 2 13 22 52; do
  run --tag official --dataset fashion-mnist --data "$data/fashion-mnist" --seed "$seed"
done
run --tag cosine --dataset fashion-mnist --data "$data/fashion-mnist" --lr-min 0.0001
run --tag two-stages --dataset fashion-mnist --data "$data/fashion-mnist" --stages 2
if [ "$which" = fashion-mnist ]; then
  wait
  exit 0
fi
for seed in 2 13 22 52; do
  run --tag official --dataset mnist --data "$data/mnist" --seed "$seed"
done
run --tag long --dataset mnist --data "$data/mnist" --schedule "$long"
run --tag long-cosine --dataset mnist --data "$data/mnist" --schedule "$long" --lr-min 0.0001
run --tag two-stages --dataset mnist --data "$data/mnist" --stages 2
wait
