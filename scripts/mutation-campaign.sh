#!/usr/bin/env bash
# make mutate: MUTATIONS damaged bundles (default 3000), made from samples/ by
# `cardbatch-samples mutate` in batches of 100, each processed by the real binary on its own, with a
# 5-second limit. Every run must exit 0, 1, 2 or 3; a crash (signal), a hang or any other status is
# kept under mutation-out/failures/ with the damage that made it, and the campaign exits 1.
#
#   MUTATIONS=300 MUTATION_SEED=7 make mutate
set -uo pipefail
cd "$(dirname "$0")/.."

count=${MUTATIONS:-3000}
seed=${MUTATION_SEED:-1}
binary=${CARDBATCH:-.build/debug/cardbatch}
samples=${CARDBATCH_SAMPLES:-.build/debug/cardbatch-samples}
work=${MUTATION_DIR:-mutation-out}
batch=100
rm -rf "$work" && mkdir -p "$work/failures"

declare -A statuses=()
failed=0
done_count=0
start=$(date +%s)
for ((first = 1; first <= count; first += batch)); do
  n=$((count - first + 1 < batch ? count - first + 1 : batch))
  rm -rf "$work/batch" "$work/out"
  "$samples" mutate --count "$n" --seed $((seed * 1000003 + first)) --out "$work/batch" || exit 2
  for bundle in "$work/batch"/*.zip; do
    timeout -s KILL 5 "$binary" process "$bundle" --out "$work/out" --no-ledger --date 2026-11-25 --quiet > /dev/null 2> "$work/stderr"
    status=$?
    statuses[$status]=$(( ${statuses[$status]:-0} + 1 ))
    done_count=$((done_count + 1))
    case $status in
      0|1|2|3) ;;
      *)
        failed=$((failed + 1))
        name=$(basename "$bundle")
        cp "$bundle" "$work/failures/"
        { grep "^$name:" "$work/batch/damage.txt"; echo "exit status $status (137: killed after 5 s)"; cat "$work/stderr"; } > "$work/failures/$name.txt"
        echo "FAILURE $name: exit $status — $(grep "^$name:" "$work/batch/damage.txt")"
        ;;
    esac
  done
done

summary=""
for s in $(echo "${!statuses[@]}" | tr ' ' '\n' | sort -n); do summary+=" exit $s: ${statuses[$s]};"; done
echo "mutation campaign: $done_count damaged bundles in $(( $(date +%s) - start )) s, seed $seed;$summary $failed crash(es) or hang(s)"
[ "$failed" -eq 0 ]
