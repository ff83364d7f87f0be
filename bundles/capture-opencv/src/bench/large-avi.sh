#!/usr/bin/env bash
# Benchmark, not run by the build: are Motion-JPEG AVI files over 2 GiB and 4 GiB (OpenDML, several
# RIFF parts) read to their last frame?
#
#   bundles/capture-opencv/src/bench/large-avi.sh [SIZE_MIB ...]     (default: 2300 4500)
#
# For each size it makes WORK/big-SIZE.avi with ffmpeg: a 4 s seed of Motion-JPEG (1920x1080, full
# quality, film grain, so each frame is about 1.5 MB and a 2 GiB file has only ~1,500 frames to
# analyse) stream-copied in a loop up to the size (fast: no encoding; ffmpeg writes an OpenDML AVI
# past 1 GiB). It counts the frames with ffprobe
# (every packet, not the header), runs the headless program over the file and compares. The result is "read to the end" when the summary counts every frame and
# the exit code is 0, or an honest failure when it exits non-zero saying "read N of M frames".
# A reader that stops early with exit 0 is the bug this guards against.
#
# Needs ffmpeg/ffprobe (apt-get install ffmpeg) and a built distribution (./mirror builds it).
# Environment: CLIP (a video to loop; default: a test pattern), WORK (default: a new folder in
# /tmp), KEEP=1 to keep the big files (they are deleted otherwise: mind the disk).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2300 4500)
work="${WORK:-$(mktemp -d /tmp/large-avi.XXXXXX)}"
mkdir -p "$work"
printf 'detector=haar\nmodel=faceapi-expression\nsmoother=ema\n' > "$work/mirror.pipeline.cfg"
if [ -n "${CLIP:-}" ]; then
  input=(-stream_loop -1 -i "$CLIP")
else
  input=(-f lavfi -i "testsrc2=size=1920x1080:rate=25")
fi
seed="$work/seed.avi"
ffmpeg -nostdin -v error -y "${input[@]}" -an -t 4 \
  -vf "scale=1920:1080,noise=alls=40:allf=t" -c:v mjpeg -q:v 1 "$seed"
for mib in "${sizes[@]}"; do
  avi="$work/big-$mib.avi"
  echo "== $mib MiB: writing $avi" >&2
  df -h "$work" | tail -1 >&2
  ffmpeg -nostdin -v error -y -stream_loop -1 -i "$seed" -c copy -fs "$((mib * 1024 * 1024))" "$avi"
  bytes=$(stat -c %s "$avi")
  frames=$(ffprobe -v error -select_streams v:0 -count_packets \
    -show_entries stream=nb_read_packets -of csv=p=0 "$avi")
  echo "   $bytes bytes, $frames frames (ffprobe, every packet counted)" >&2
  start=$(date +%s)
  set +e
  "$root/mirror" --headless --source "$avi" --config "$work" > "$work/out-$mib.txt" 2> "$work/err-$mib.txt"
  code=$?
  set -e
  seconds=$(( $(date +%s) - start ))
  summary=$(grep '^summary:' "$work/out-$mib.txt" || true)
  read_frames=$(sed -n 's/^summary: .*: \([0-9]*\) frames,.*/\1/p' "$work/out-$mib.txt")
  echo "   exit $code after ${seconds} s; $summary" >&2
  grep -v '^WARN' "$work/err-$mib.txt" | head -3 >&2 || true
  if [ "$code" -eq 0 ] && [ "${read_frames:-0}" = "$frames" ]; then
    echo "RESULT $mib MiB: read to the end ($frames of $frames frames)"
  elif [ "$code" -ne 0 ] && grep -q "frames declared by" "$work/err-$mib.txt"; then
    echo "RESULT $mib MiB: stopped early and said so (exit $code): $(grep -o 'read [0-9]* of [0-9]* frames declared' "$work/err-$mib.txt")"
  else
    echo "RESULT $mib MiB: FAILED: exit $code, ${read_frames:-no} of $frames frames"
  fi
  [ "${KEEP:-0}" = 1 ] || rm -f "$avi"
done
[ "${KEEP:-0}" = 1 ] || rm -f "$seed"
