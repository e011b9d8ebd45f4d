#!/usr/bin/env bash
# make bench: `cardbatch process` on generated bundles, side by side with its floors and peers, run in
# the same session, interleaved (every command once per round), medians of BENCH_RUNS rounds (default 5).
#   floors: `unzip -t` on the same archive; the decode floor (`cardbatch-samples floor`: libzip and
#           TurboJPEG inflating and half-size decoding every photo, nothing else, 1 and 2 workers);
#   peers:  scripts/peer.py (one core, Pillow: the floor in Python, the simple checks, the checks with
#           OpenCV's Haar face detector), when bench-deps could install them into $work/venv; at the
#           first size only;
#   stages: CPU per photo of each stage of the photo check (`cardbatch-samples stages`), first size;
#   XML:    the same employees with the roster in XML (bench-SIZE-xml.zip), faces off: its peak memory.
# Sizes: BENCH_SIZES (default "1000 10000"; 100000 makes a 6.4 GB bundle, generated once and kept).
# Every `process` run writes a new output folder and a new ledger (no resubmission). The folder is
# moved aside after the run, not deleted: for 60 s after an inode is freed, ext4 passes over it when
# it allocates one (`recently_deleted`, RECENTCY_MIN in fs/ext4/ialloc.c; 300 s more while its inode
# table block is dirty), so deleting one run's 10,000 photos would bill the next run for the search.
# The folders moved aside are deleted once a size's rounds are done (or when the disk runs short),
# followed by `sync` and a wait of BENCH_SETTLE seconds (default 65) outside any timing.
# `cardbatch` is timed as `make install` and the Debian package build it (scripts/stage.sh): release,
# Swift runtime linked statically (.build-static); the helpers come from the plain release build.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release
cardbatch=.build-static/release/cardbatch
[ -x "$cardbatch" ] || { echo "bench: $cardbatch is missing (make bench builds it)" >&2; exit 1; }
work=bench-out
runs=${BENCH_RUNS:-5}
sizes=${BENCH_SIZES:-1000 10000}
python=$work/venv/bin/python
mkdir -p "$work"
results=$work/results.tsv
: > "$results"
# The default caps refuse a bundle of more than 20,000 entries or 2 GiB, an entry of more than 32 MiB
# (a 100,000-employee XML roster is about 57 MiB) and a roster of more than 10,000 employees or
# 16 MiB: every run here raises them, so the 100,000-employee bundles are judged.
limits='"archive": {"maxEntries": 250000, "maxEntryBytes": 134217728, "maxTotalBytes": 17179869184, "maxRosterBytes": 134217728}, "roster": {"maxEmployees": 250000}'
printf '{%s}\n' "$limits" > "$work/limits.json"
printf '{%s, "faceChecks": {"enabled": false}}\n' "$limits" > "$work/faces-off.json"

# run SIZE NAME COMMAND… : one timed run, appended to $results as size, name, wall s, peak KiB, CPU s.
run() {
  local size=$1 name=$2; shift 2
  local status=0 allowed=0
  # cardbatch exits 0-2 for verdicts; anything else means the run itself failed.
  case "$1" in */cardbatch) allowed=2 ;; esac
  /usr/bin/time -f "%e %M %U %S" -o "$work/time.txt" "$@" > "$work/last.out" 2>&1 || status=$?
  if [ "$status" -gt "$allowed" ]; then echo "bench: $* exited $status" >&2; cat "$work/last.out" >&2; exit 1; fi
  read -r s k u y < "$work/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\n' "$size" "$name" "$s" "$k" "$(awk "BEGIN{print $u + $y}")" >> "$results"
}

# settle: delete the folders moved aside, then let ext4's window for freed inodes pass.
trash="$work/trash"
settle() {
  if [ -d "$trash" ]; then rm -rf "$trash"; sync; sleep "${BENCH_SETTLE:-65}"; fi
}

# process SIZE NAME CONFIG ARGS… : `cardbatch process` into a fresh folder, moved aside after the timing.
# The bundle is bench-SIZE.zip, or $bundle when it is set.
process() {
  local size=$1 name=$2 config=$3; shift 3
  local out="$work/run-$size" zip="${bundle:-$work/bench-$size.zip}"
  # Room for another run's outputs (about the bundle's size) and a margin, or clean up first.
  if [ "$(df -Pk "$work" | awk 'NR == 2 { print $4 }')" -lt $(( $(stat -c %s "$zip") / 1024 * 2 + 1048576 )) ]; then settle; fi
  rm -rf "$out"
  run "$size" "$name" "$cardbatch" process "$zip" --out "$out" --date 2026-11-25 --quiet --config "$config" "$@"
  if [ -e "$out" ]; then mkdir -p "$trash"; mv "$out" "$trash/run-$size-$(date +%s%N)"; sync; fi
}

peers=no
if [ -x "$python" ] && "$python" -c 'import PIL, cv2; cv2.CascadeClassifier' 2>/dev/null; then peers=yes; fi
first=${sizes%% *}
settle  # what an interrupted run left

for n in $sizes; do
  zip="$work/bench-$n.zip"
  [ -f "$zip" ] || "$bin/cardbatch-samples" bench --employees "$n" --out "$zip"
  xml="$work/bench-$n-xml.zip"
  [ -f "$xml" ] || "$bin/cardbatch-samples" bench --employees "$n" --xml --out "$xml"
  unzip -tq "$zip" > /dev/null  # warm the page cache for every command alike
  for r in $(seq "$runs"); do
    echo "bench: $n employees, round $r of $runs" >&2
    run "$n" "unzip -t" unzip -tq "$zip"
    run "$n" "decode floor, 1 worker" "$bin/cardbatch-samples" floor "$zip" --workers 1
    run "$n" "decode floor, 2 workers" "$bin/cardbatch-samples" floor "$zip" --workers 2
    process "$n" "process, 2 workers" "$work/limits.json" --workers 2
    process "$n" "process, 1 worker" "$work/limits.json" --workers 1
    process "$n" "process, 2 workers, faces off" "$work/faces-off.json" --workers 2
    bundle="$xml" process "$n" "process, 2 workers, faces off, XML roster" "$work/faces-off.json" --workers 2
    if [ "$peers" = yes ] && [ "$n" = "$first" ]; then
      run "$n" "python floor (Pillow half-size decode)" "$python" scripts/peer.py floor "$zip"
      run "$n" "python peer (Pillow checks)" "$python" scripts/peer.py checks "$zip"
      run "$n" "python peer + Haar faces (OpenCV)" "$python" scripts/peer.py faces "$zip"
    fi
  done
  if [ "$n" = "$first" ]; then "$bin/cardbatch-samples" stages "$zip" > "$work/stages.txt"; fi
  settle
done

# The report: per size, the medians and their ratios; then the stages and the targets.
awk -F'\t' -v runs="$runs" -v first="$first" -v peers="$peers" -v stages="$work/stages.txt" '
function median(key,   n, i, j, t, a) {
  n = split(values[key], a, " ")
  for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] + 0 > t + 0; j--) a[j + 1] = a[j]; a[j + 1] = t }
  return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function verdict(ok) { return ok ? "met" : "NOT met" }
{
  key = $1 SUBSEP $2
  if (!(key in seen)) { seen[key] = 1; order[$1] = order[$1] SUBSEP $2; if (!($1 in sizeSeen)) { sizeSeen[$1] = 1; sizeList[++nSizes] = $1 } }
  values[key] = values[key] " " $3; values[key SUBSEP "k"] = values[key SUBSEP "k"] " " $4; values[key SUBSEP "c"] = values[key SUBSEP "c"] " " $5
}
END {
  for (s = 1; s <= nSizes; s++) {
    n = sizeList[s]
    unz = median(n SUBSEP "unzip -t"); floor2 = median(n SUBSEP "decode floor, 2 workers")
    printf "\n%d employees: median of %d interleaved rounds\n", n, runs
    printf "%-42s %8s %8s %9s %10s %14s\n", "command", "wall s", "CPU s", "peak MiB", "× unzip -t", "× decode floor"
    m = split(order[n], names, SUBSEP)
    for (i = 2; i <= m; i++) {
      key = n SUBSEP names[i]
      wall[n, names[i]] = median(key); cpu[n, names[i]] = median(key SUBSEP "c"); peak[n, names[i]] = median(key SUBSEP "k") / 1024
      printf "%-42s %8.2f %8.2f %9.1f %10.2f %14.2f\n", names[i], wall[n, names[i]], cpu[n, names[i]], peak[n, names[i]], wall[n, names[i]] / unz, wall[n, names[i]] / floor2
    }
    p2 = wall[n, "process, 2 workers"]; p1 = wall[n, "process, 1 worker"]; off = wall[n, "process, 2 workers, faces off"]
    face[n] = (cpu[n, "process, 2 workers"] - cpu[n, "process, 2 workers, faces off"]) * 1000 / n
    printf "speed-up of 2 workers over 1: %.2f×; face stage: %.2f ms CPU per photo; CPU per employee: %.2f ms (faces off %.2f ms)\n", p1 / p2, face[n], cpu[n, "process, 2 workers"] * 1000 / n, cpu[n, "process, 2 workers, faces off"] * 1000 / n
    # Amdahl fit from the two measured points (this machine has 2 cores): T(w) = serial + parallel / w.
    par = 2 * (p1 - p2); ser = p1 - par
    if (ser < 0) ser = 0
    printf "scaling (Amdahl fit of 1 and 2 workers: %.2f s serial, %.2f s parallel): predicted speed-up 4 cores %.1f×, 8 cores %.1f×, 16 cores %.1f×\n", ser, par, p1 / (ser + par / 4), p1 / (ser + par / 8), p1 / (ser + par / 16)
  }
  if ((getline line < stages) > 0) {
    printf "\nCPU per photo of each stage, one thread, %d employees (ms)\n%s\n", first, line
    while ((getline line < stages) > 0) print line
  }
  n = first
  printf "\nTargets (%d employees unless said)\n", n
  unz = wall[n, "unzip -t"]; p2 = wall[n, "process, 2 workers"]; off = wall[n, "process, 2 workers, faces off"]
  printf "  %-64s %6.2f  %s\n", "process ≤ 3.0× unzip -t (every check on)", p2 / unz, verdict(p2 / unz <= 3.0)
  printf "  %-64s %6.2f  %s\n", "process without the face stage ≤ 2.0× unzip -t", off / unz, verdict(off / unz <= 2.0)
  printf "  %-64s %6.2f  %s\n", "moonshot: process ≤ 1.5× the decode floor (2 workers)", p2 / wall[n, "decode floor, 2 workers"], verdict(p2 / wall[n, "decode floor, 2 workers"] <= 1.5)
  printf "  %-64s %6.2f  %s\n", "2 workers ≥ 1.8× the speed of 1", wall[n, "process, 1 worker"] / p2, verdict(wall[n, "process, 1 worker"] / p2 >= 1.8)
  printf "  %-64s %6.2f  %s\n", "face stage ≤ 2 ms CPU per photo", face[n], verdict(face[n] <= 2.0)
  if (peers == "yes") {
    py = wall[n, "python peer (Pillow checks)"]; haar = wall[n, "python peer + Haar faces (OpenCV)"]
    printf "  %-64s %6.2f  %s\n", "≥ 1.3× faster than the Python peer (faces off)", py / off, verdict(py / off >= 1.3)
    printf "  %-64s %6.2f  %s\n", "≥ 5× faster than the Python peer with Haar faces (faces on)", haar / p2, verdict(haar / p2 >= 5)
  } else {
    printf "  %-64s %s\n", "Python peers", "not run (make bench-deps installs Pillow and OpenCV into bench-out/venv)"
  }
  for (s = 1; s <= nSizes; s++) {
    k = sizeList[s]
    printf "  %-64s %6.1f  %s\n", sprintf("peak RSS ≤ 64 MiB at %d employees (MiB)", k), peak[k, "process, 2 workers"], verdict(peak[k, "process, 2 workers"] <= 64)
    x = peak[k, "process, 2 workers, faces off, XML roster"]
    printf "  %-64s %6.1f  %s\n", sprintf("peak RSS ≤ 64 MiB at %d employees, XML roster, faces off (MiB)", k), x, verdict(x <= 64)
    if (k != n && k == 10 * n) {
      ratio = wall[k, "process, 2 workers"] / p2
      printf "  %-64s %6.2f  %s\n", sprintf("%d employees in ≤ 10.5× the time of %d", k, n), ratio, verdict(ratio <= 10.5)
    }
  }
}' "$results"
