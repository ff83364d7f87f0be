#!/bin/sh
# X display for the window integration test, whose framework runs in failsafe's forked JVM: GTK
# reads DISPLAY from the process environment, so the display must exist before failsafe starts.
#
#   xvfb.sh start DIR   writes the display to use (":N") into DIR/display: $DISPLAY when it is
#                       set, else a new Xvfb server on a free number it picks itself (-displayfd).
#                       On failure DIR/display stays empty and DIR/xvfb.log says why; the test
#                       then fails with that message (it never skips).
#   xvfb.sh stop DIR    stops the server started here, if any.
#
# A watchdog stops the server when the calling process (Maven) ends, even if "stop" never runs.
set -u
cmd=$1
dir=$2
mkdir -p "$dir"
case "$cmd" in
start)
  : > "$dir/display"
  if [ -n "${DISPLAY:-}" ]; then
    printf '%s' "$DISPLAY" > "$dir/display"
    echo "using DISPLAY=$DISPLAY" > "$dir/xvfb.log"
    exit 0
  fi
  if ! command -v Xvfb >/dev/null 2>&1; then
    echo "Xvfb is not installed (Debian package xvfb)" > "$dir/xvfb.log"
    exit 0
  fi
  owner=$PPID
  rm -f "$dir/number" "$dir/pid"
  # stdout/stderr go to files: the server must not hold the caller's pipes open
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dir/number" </dev/null >"$dir/xvfb.log" 2>&1 &
  xvfb=$!
  echo "$xvfb" > "$dir/pid"
  (
    while kill -0 "$owner" 2>/dev/null && kill -0 "$xvfb" 2>/dev/null; do sleep 2; done
    kill "$xvfb" 2>/dev/null
  ) </dev/null >/dev/null 2>&1 &
  # the number is written once the server accepts clients
  i=0
  while [ $i -lt 100 ]; do
    number=$(tr -dc '0-9' < "$dir/number" 2>/dev/null)
    if [ -n "$number" ]; then
      printf ':%s' "$number" > "$dir/display"
      exit 0
    fi
    kill -0 "$xvfb" 2>/dev/null || break
    sleep 0.1
    i=$((i + 1))
  done
  echo "Xvfb did not start within 10 s" >> "$dir/xvfb.log"
  kill "$xvfb" 2>/dev/null
  exit 0
  ;;
stop)
  if [ -s "$dir/pid" ]; then
    kill "$(cat "$dir/pid")" 2>/dev/null
    rm -f "$dir/pid"
  fi
  exit 0
  ;;
*)
  echo "usage: xvfb.sh start|stop DIR" >&2
  exit 2
  ;;
esac
