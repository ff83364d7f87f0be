#!/usr/bin/env bash
# Soak benchmark (not part of mvn verify): runs the mirror for N minutes over a looped video paced
# like a camera (--realtime), swaps one component (detector, model or smoother) every 10 s by
# rewriting a copy of runtime-config/mirror.pipeline.cfg, samples the process every 10 s and checks
# the record for lost frames at the end.
#
#   bundles/launcher/src/bench/soak.sh [--minutes N] [--video FILE] [--window] [--work DIR]
#                                      [--swap-seconds S] [--sample-seconds S]
#
#   --minutes N        length of the run (default 30)
#   --video FILE       clip to loop; it is repeated (stream copy, no re-encoding) to N minutes
#                      (default: a 20 s test pattern made with ffmpeg)
#   --window           the window mode (feature mirror) under a private Xvfb instead of --headless
#   --work DIR         where the clip, config copy, record and samples go (default /tmp/mirror-soak)
#
# Extra JVM options for experiments: MIRROR_JAVA_OPTS (read by ./mirror).
# Samples (CSV, every 10 s): seconds since launch, RSS (VmRSS, MB), threads (/proc/PID/task),
# open descriptors (/proc/PID/fd), CPU seconds, records written so far, current components.
# At the end: the lost-frame check (every frame index at most once, in order; the gaps must equal
# the skipped frames the summary counts) and a verdict: RSS at 1 and 2 min and at the end, growth
# after 2 min, threads and descriptors drift.
set -eu

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
minutes=30
video=""
window=false
work=/tmp/mirror-soak
swap_s=10
sample_s=10
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) minutes="$2"; shift 2 ;;
    --video) video="$2"; shift 2 ;;
    --window) window=true; shift ;;
    --work) work="$2"; shift 2 ;;
    --swap-seconds) swap_s="$2"; shift 2 ;;
    --sample-seconds) sample_s="$2"; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) echo "soak: unknown option: $1" >&2; exit 2 ;;
  esac
done
command -v ffmpeg >/dev/null || { echo "soak: needs ffmpeg (apt-get install ffmpeg)" >&2; exit 2; }
mkdir -p "$work"
work="$(cd "$work" && pwd)"
seconds=$((minutes * 60))

# --- the looped clip: exactly N minutes, so the run ends by itself and prints its summary
clip="$work/loop-${minutes}min.mp4"
if [ -z "$video" ]; then
  video="$work/pattern.mp4"
  [ -f "$video" ] || ffmpeg -nostdin -v error -f lavfi -i testsrc2=size=640x480:rate=30 -t 20 \
    -c:v libx264 -preset veryfast -pix_fmt yuv420p -g 30 "$video"
fi
stamp="$(stat -c %s-%Y "$video")"
if [ ! -f "$clip" ] || [ "$(cat "$clip.from" 2>/dev/null)" != "$video $stamp" ]; then
  echo "soak: looping $video to $minutes min -> $clip" >&2
  ffmpeg -nostdin -v error -y -stream_loop -1 -i "$video" -map 0:v:0 -c copy -t "$seconds" "$clip"
  echo "$video $stamp" > "$clip.from"
fi

# --- a private copy of the runtime configuration, rewritten for each swap
config="$work/config"
rm -rf "$config"
cp -r "$root/runtime-config" "$config"
# each step changes one component; after six steps the cycle is back at the default
cycle=(
  "haar faceapi-expression ema"
  "blazeface faceapi-expression ema"
  "blazeface minixception-fer2013 ema"
  "blazeface minixception-fer2013 window"
  "haar minixception-fer2013 window"
  "haar faceapi-expression window"
)
write_pipeline() {
  read -r d m s <<<"$1"
  printf 'detector=%s\nmodel=%s\nsmoother=%s\n' "$d" "$m" "$s" > "$work/pipeline.tmp"
  mv "$work/pipeline.tmp" "$config/mirror.pipeline.cfg" # atomic: the watcher never sees half a file
}
write_pipeline "${cycle[0]}"

# --- start the program
out="$work/record.jsonl"
rm -f "$out" "$out.partial"
args=(--realtime --source "$clip" --config "$config" --out "$out")
xvfb_pid=""
if $window; then
  command -v Xvfb >/dev/null || { echo "soak: --window needs Xvfb (apt-get install xvfb)" >&2; exit 2; }
  display=":$((90 + RANDOM % 400))"
  Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  sleep 2
  export DISPLAY="$display"
else
  args=(--headless "${args[@]}")
fi
"$root/mirror" "${args[@]}" >"$work/stdout.txt" 2>"$work/stderr.txt" &
pid=$!
cleanup() {
  kill -TERM "$pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
start=$(date +%s)
echo "soak: pid $pid, $minutes min, $([ "$window" = true ] && echo "window on $DISPLAY" || echo headless), work $work" >&2

samples="$work/samples.csv"
echo "s,rss_mb,threads,fds,cpu_s,records,components" > "$samples"
clk=$(getconf CLK_TCK)
step=0
next_swap=$swap_s
next_sample=0
# The source has ended once the summary is printed: sampling stops there, so shutting down is not
# measured. A headless run then exits by itself; the window waits to be closed: stop it.
while kill -0 "$pid" 2>/dev/null; do
  if grep -q '^summary: ' "$work/stdout.txt"; then
    $window && kill -TERM "$pid" 2>/dev/null || true
    break
  fi
  now=$(( $(date +%s) - start ))
  if [ "$now" -ge "$next_sample" ]; then
    rss=$(awk '/^VmRSS:/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || echo "")
    [ -n "$rss" ] || break
    threads=$(ls "/proc/$pid/task" 2>/dev/null | wc -l)
    fds=$(ls "/proc/$pid/fd" 2>/dev/null | wc -l)
    cpu=$(awk -v k="$clk" '{printf "%.1f", ($14 + $15) / k}' "/proc/$pid/stat" 2>/dev/null || echo "")
    records=$(cat "$out.partial" "$out" 2>/dev/null | wc -l || true)
    echo "$now,$rss,$threads,$fds,$cpu,$records,${cycle[step % 6]// /+}" >> "$samples"
    printf '%5ss  rss %7s MB  threads %3s  fds %3s  cpu %7ss  records %6s  %s\n' \
      "$now" "$rss" "$threads" "$fds" "$cpu" "$records" "${cycle[step % 6]}" >&2
    next_sample=$((next_sample + sample_s))
  fi
  if [ "$now" -ge "$next_swap" ]; then
    step=$((step + 1))
    write_pipeline "${cycle[step % 6]}"
    next_swap=$((next_swap + swap_s))
  fi
  if [ "$now" -gt $((seconds + 300)) ]; then
    echo "soak: still running 5 min after the clip's end; stopping it" >&2
    kill -TERM "$pid" 2>/dev/null || true
  fi
  sleep 1
done
wait "$pid" && code=0 || code=$?
trap - EXIT
cleanup

# --- the record: every frame index at most once and in order; gaps = the skipped frames
summary=$(grep '^summary: ' "$work/stdout.txt" || true)
record="$out"
[ -f "$record" ] || record="$out.partial" # the run did not end normally
skipped=$(sed -n 's/.* \([0-9][0-9]*\) skipped.*/\1/p' <<<"$summary")
check=$(awk '
  /^\{"end":/ { end = $0; sub(/^\{"end":"/, "", end); sub(/".*/, "", end); next }
  { if (match($0, /"frame":[0-9]+/)) idx = substr($0, RSTART + 8, RLENGTH - 8) + 0; else { bad++; next } }
  NR > 1 && idx <= last { disorder++ }
  { n++; if (n == 1) first = idx; last = idx
    c = $0; sub(/.*"detector":"/, "", c); d = c; sub(/".*/, "", d)
    c = $0; sub(/.*"model":"/, "", c); m = c; sub(/".*/, "", m)
    c = $0; sub(/.*"smoother":"/, "", c); s = c; sub(/".*/, "", s)
    k = d " " m " " s; if (k != prev) { changes++; prev = k } }
  END { printf "%d %d %d %d %d %d %s", n, first, last, disorder, bad, changes - 1, end == "" ? "none" : end }' "$record" 2>/dev/null || echo "0 0 0 0 0 0 none")
read -r records first last disorder bad seen_swaps ending <<<"$check"
gaps=$(( records > 0 ? last + 1 - records : 0 ))
lost=$(( gaps - ${skipped:-0} ))

verdict() {
  awk -F, -v limit="$1" '
    function at(t,   i, best) { best = 1; for (i = 1; i <= n; i++) if (s[i] <= t) best = i; return best }
    NR > 1 { n++; s[n] = $1; r[n] = $2; th[n] = $3; fd[n] = $4 }
    END {
      a1 = at(60); a2 = at(120); mx = 0
      for (i = a2; i <= n; i++) if (r[i] > mx) mx = r[i]
      printf "RSS at 1 min          %7.1f MB\n", r[a1]
      printf "RSS at 2 min          %7.1f MB\n", r[a2]
      for (m = 5; m * 60 < s[n]; m += 5) printf "RSS at %2d min         %7.1f MB\n", m, r[at(m * 60)]
      printf "RSS at end (%5d s)  %7.1f MB (max after 2 min %.1f MB)\n", s[n], r[n], mx
      printf "growth after 2 min    %+7.1f MB (end - 2 min); %+.1f MB/min\n", r[n] - r[a2], (s[n] > s[a2]) ? (r[n] - r[a2]) * 60 / (s[n] - s[a2]) : 0
      printf "threads               %d at 2 min, %d at end\n", th[a2], th[n]
      printf "descriptors           %d at 2 min, %d at end\n", fd[a2], fd[n]
      ok = r[a1] <= limit && r[n] - r[a2] <= 5 && th[n] <= th[a2] + 2 && fd[n] <= fd[a2] + 2
      printf "memory verdict        %s (RSS at 1 min <= %d MB, growth after 2 min <= 5 MB, threads/fds flat)\n", ok ? "PASS" : "FAIL", limit
    }' "$samples"
}
echo
echo "== soak: $minutes min, $([ "$window" = true ] && echo window || echo headless), exit code $code"
echo "${summary:-no summary printed}"
verdict 400
echo "records               $records (frames $first..$last), gaps $gaps, skipped (summary) ${skipped:-?}"
echo "lost frames           $lost; out of order $disorder; unreadable lines $bad; record's end line: $ending"
echo "component swaps       $step written, $seen_swaps seen in the record"
echo "samples               $samples"
# the window is stopped with SIGTERM (143); anything else, e.g. 134 (abort), is a failure
[ "$code" -eq 0 ] || { [ "$window" = true ] && [ "$code" -eq 143 ]; } || {
  echo "soak: the program exited with $code; see $work/stderr.txt" >&2
  exit 1
}
[ "$lost" -eq 0 ] && [ "$disorder" -eq 0 ] && [ "$bad" -eq 0 ]
