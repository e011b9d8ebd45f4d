#!/usr/bin/env bash
# make fuzz: build the libFuzzer binary (release, AddressSanitizer + libFuzzer), write the seed inputs,
# then run each harness for FUZZ_SECONDS (default 60). What libFuzzer finds is kept:
#   fuzz-out/corpus/<harness>/   the growing corpus, reused by the next run (git-ignored)
#   fuzz-out/crashes/<harness>/  crashers, hangs (> 5 s), leaks and out-of-memory inputs
# A crasher becomes a regression test by copying it to Tests/FuzzRegressions/<harness>/ under a name
# that says what it is. Exits 1 when any harness found something.
#
#   FUZZ_SECONDS=600 make fuzz                  # longer
#   FUZZ_TARGETS="photo letter" make fuzz       # some harnesses only
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-"bundle csv-roster xml-roster permits photo fix-photo letter configuration"}
work=${FUZZ_DIR:-fuzz-out}
binary=.build-fuzz/release/cardbatch-fuzz

# Largest input libFuzzer makes for each harness: bundles, photos and letters are larger than rosters.
max_len() {
  case "$1" in
    bundle) echo 262144 ;;
    photo|fix-photo|letter) echo 131072 ;;
    configuration) echo 4096 ;;
    *) echo 32768 ;;
  esac
}

set -e
# Package.swift adds -sanitize=fuzzer,address to the fuzzed targets when CARDBATCH_FUZZ is set.
CARDBATCH_FUZZ=1 swift build -c release --build-path .build-fuzz --product cardbatch-fuzz
swift build --product cardbatch-samples
rm -rf "$work/seeds"
.build/debug/cardbatch-samples fuzz-seeds "$work/seeds"
set +e

found=()
for target in $targets; do
  mkdir -p "$work/corpus/$target" "$work/crashes/$target"
  echo "== fuzz $target for ${seconds}s"
  dict=()
  [ -f "$work/seeds/$target.dict" ] && dict=(-dict="$work/seeds/$target.dict")
  inputs=("$work/corpus/$target" "$work/seeds/$target")
  [ -d "Tests/FuzzRegressions/$target" ] && inputs+=("Tests/FuzzRegressions/$target")
  # The bundle harness runs the pipeline, whose workers and caches unbalance malloc and free on
  # every input, so a per-input leak check would cost 6 runs in 7: it fuzzes without, and the whole
  # corpus is then replayed once with leak detection.
  leaks=1
  [ "$target" = bundle ] && leaks=0
  CARDBATCH_FUZZ_TARGET=$target ASAN_OPTIONS=allocator_may_return_null=1 \
    "$binary" "${inputs[@]}" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len="$(max_len "$target")" -detect_leaks=$leaks \
    -artifact_prefix="$work/crashes/$target/" -print_final_stats=1 > "$work/$target.log" 2>&1
  status=$?
  if [ $status -eq 0 ] && [ $leaks = 0 ]; then
    CARDBATCH_FUZZ_TARGET=$target "$binary" "$work/corpus/$target" -runs=0 -timeout=5 -detect_leaks=1 \
      -artifact_prefix="$work/crashes/$target/" >> "$work/$target.log" 2>&1
    status=$?
  fi
  grep -E '^stat::number_of_executed_units|^Done|ERROR|SUMMARY' "$work/$target.log" | sed "s/^/  $target: /"
  if [ $status -ne 0 ]; then
    found+=("$target")
    echo "  $target: libFuzzer exited $status; see $work/$target.log and $work/crashes/$target/"
  fi
done

if [ ${#found[@]} -gt 0 ]; then
  echo "fuzz: findings in ${found[*]}"
  exit 1
fi
echo "fuzz: every harness ran ${seconds}s with no crash, hang or leak"
