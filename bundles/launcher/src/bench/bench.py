#!/usr/bin/env python3
"""Speed benchmark (not part of mvn verify): named pipeline configurations over one clip.

    bundles/launcher/src/bench/bench.py --clip CLIP [--rounds N] [--config NAME=KEY=VALUE,...]...
                                         [--reference SCRIPT] [--realtime] [--work DIR] [--other NAME=PATH/mirror]...
    bundles/launcher/src/bench/bench.py --window --clip CLIP [--seconds 60] [--warmup 20] [--rounds N] [--nice N]
                                         [--other NAME=PATH/mirror]...

Each round runs every configuration once, in turn (alternating, so a noisy neighbour hurts all
alike), as `./mirror --headless --source CLIP --config DIR` with a copy of runtime-config whose
mirror.pipeline.cfg gets the configuration's keys (a key PID/KEY goes into PID.cfg instead, e.g.
mirror.detector.blazeface/scoreThreshold=0.6). Per run it takes the program's own summary
(frames, per-stage median ms) and, from the kernel (wait4), the process CPU time and peak RSS.
It prints, per configuration, the medians over the rounds: frames per second, CPU ms per frame
(process CPU time / frames), peak RSS, stage medians, and the ratio to the reference.

The reference is the textbook's loop (Python + OpenCV, Haar 1.3/5 on the full frame,
mini-Xception per face through OpenCV DNN): a script taking `CLIP MODEL.onnx --cascade XML`
and printing `frames=.. wall_s=.. fps=..`, e.g. ../shared/bench/reference_pipeline.py. It runs in
the same rounds when the script exists and /usr/bin/python3 imports cv2 (Debian: python3-opencv).

--realtime paces the clip like a camera (30 fps): then fps is the clip's rate and the figure
that matters is CPU, printed also as % of one core.

Besides the table ("start s" is the process's wall time minus the program's own run time: JVM and
framework start-up, and shutdown), each round measures what must not get slower:
- swap latency: a --realtime run over the clip with --out; the detector in its watched
  mirror.pipeline.cfg is swapped (haar <-> blazeface) a few times, and the time from the edit to the
  first record line naming the new detector is taken (FileInstall polls every 250 ms);
- with --eval-dataset FOLDER, `./mirror eval --dataset FOLDER` and its images per second.
Default configurations: haar+minixception, haar+faceapi, blazeface+faceapi, blazeface+minixception,
blazeface-back+faceapi (the shipped default).


    bundles/launcher/src/bench/bench.py --startup PHOTO [--rounds 5] [--other NAME=PATH/mirror]...

Start-up instead: `./mirror --headless --source PHOTO --out FILE -Dmirror.timing=true`, once
unmeasured (it fills the user folder's cache, as any first start does), then --rounds times, each
with its own user folder kept between rounds. It prints the medians of: launch to the first
processed frame (the program's own `timing:` line), launch to exit (wall), peak RSS, and each
phase of the start-up breakdown. --other runs another build's ./mirror in the same rounds,
alternating, e.g. a checkout of the previous version, for a before/after comparison on a machine
that others load too.

--window measures the mirror as a user sees it: `./mirror --source CLIP --realtime` in its window
on a private Xvfb display (Debian: xvfb), paced at the clip's rate like a camera. After --warmup
seconds (JVM start, JIT, the first frames) it reads the process's CPU time from /proc/PID/stat,
again --seconds later, and prints CPU as % of one core over that wall time, with resident memory
(VmRSS at the end, VmHWM the peak); then it stops the program (SIGTERM). The run writes a record
(--out in the work folder) only to count the frames processed in that time: a loaded machine
makes --realtime skip frames, which lowers CPU %, so it prints also CPU ms per frame and the
% of one core that makes at the full 30 frames per second, and the window thread's (display-swt's
painting) own CPU ms per frame; the busiest threads of each run go to stderr. The clip must last longer
than the warm-up and the measurement (loop a short one: ffmpeg -stream_loop N); a program that
reaches the clip's end before the minute is over is reported as an error. Default configurations
then: haar+faceapi, blazeface+faceapi, blazeface-back+faceapi (the shipped default).
The window runs with -Dmirror.timing=true, so the program prints, per frame, when the source read
it (a camera) or it became due (a --realtime file), when the pipeline handed it to the window and
when the window painted it (`latency: read|offered|shown INDEX NANOS`, System.nanoTime, which is
CLOCK_MONOTONIC like Python's time.monotonic). It reports, over the frames painted in the measured
time, read -> shown (median and 95th percentile) with its two parts, the % of processed frames
painted, and from the start-up lines the time from the first frame processed to the first frame
shown.

--other NAME=PATH/mirror (clip and window runs): another build's ./mirror runs the same
configurations in the same rounds, alternating, e.g. a copy of the distribution before a change.
"""
import argparse
import os
import signal
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[4]
DIST = ROOT / "bundles/launcher/target/dist"
DEFAULT_CONFIGS = {
    "haar+minixception": {"detector": "haar", "model": "minixception-fer2013"},
    "haar+faceapi": {"detector": "haar", "model": "faceapi-expression"},
    "blazeface+faceapi": {"detector": "blazeface", "model": "faceapi-expression"},
    "blazeface+minixception": {"detector": "blazeface", "model": "minixception-fer2013"},
    "blazeface-back+faceapi": {"detector": "blazeface-back", "model": "faceapi-expression"},
}
WINDOW_CONFIGS = {
    "haar+faceapi": {"detector": "haar", "model": "faceapi-expression"},
    "blazeface+faceapi": {"detector": "blazeface", "model": "faceapi-expression"},
    "blazeface-back+faceapi": {"detector": "blazeface-back", "model": "faceapi-expression"},
}
SUMMARY = re.compile(r"summary: .*?: (\d+) frames, (\d+) faces, (\d+) skipped, ([\d.]+) s")
STAGE = re.compile(r"^\s+(\w+)\s+([\d.]+)\s+([\d.]+)\s*$")


def run_measured(cmd, env=None):
    """Runs cmd; returns (exit, stdout, stderr, wall s, CPU s, peak RSS MB) of that process."""
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
    # wait4 gives this child's own rusage; ./mirror execs java, so the child is the JVM
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    err.seek(0)
    return (p.returncode, out.read().decode(errors="replace"), err.read().decode(errors="replace"),
            wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0)


def config_dir(work, name, keys):
    d = work / ("config-" + re.sub(r"[^A-Za-z0-9_.-]", "_", name))
    if d.exists():
        shutil.rmtree(d)
    shutil.copytree(ROOT / "runtime-config", d)
    # KEY is a key of mirror.pipeline.cfg, or PID/KEY for another configuration (its PID.cfg)
    files = {}
    for k, v in keys.items():
        pid, _, key = k.rpartition("/")
        files.setdefault(pid or "mirror.pipeline", {})[key] = v
    for pid, pairs in files.items():
        cfg = d / (pid + ".cfg")
        old = cfg.read_text().splitlines() if cfg.exists() else []
        lines = [l for l in old if l.split("=", 1)[0].strip() not in pairs]
        cfg.write_text("\n".join(lines + [f"{k}={v}" for k, v in pairs.items()]) + "\n")
    return d


def mirror_run(clip, cfg, realtime, mirror=None):
    cmd = [str(mirror or ROOT / "mirror"), "--headless", "--source", str(clip), "--config", str(cfg)]
    if realtime:
        cmd.append("--realtime")
    code, out, err, wall, cpu, rss = run_measured(cmd)
    m = SUMMARY.search(out)
    if code != 0 or not m:
        raise SystemExit(f"bench: {' '.join(cmd)} failed (exit {code}):\n{err[-2000:]}")
    frames = int(m.group(1))
    stages = {s.group(1): float(s.group(2)) for s in map(STAGE.match, out.splitlines()) if s}
    # fps from the program's own run time (source open to last frame), without JVM start-up
    return {"frames": frames, "fps": frames / float(m.group(4)), "cpu_ms": 1000 * cpu / frames,
            "cpu_s": cpu, "wall": wall, "rss": rss, "stages": stages, "start": wall - float(m.group(4))}


def write_atomically(path, text):
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text)
    os.replace(tmp, path)


def record_lines(partial, seen):
    """The whole lines of the record written since the last call (seen: [offset])."""
    try:
        with open(partial, "rb") as f:
            f.seek(seen[0])
            data = f.read()
    except FileNotFoundError:
        return []
    end = data.rfind(b"\n") + 1
    seen[0] += end
    return data[:end].decode(errors="replace").splitlines()


def swap_latency(clip, work, swaps=4, timeout=60):
    """Milliseconds from a config edit to the first record line naming the new detector."""
    keys = {"detector": "haar", "model": "faceapi-expression", "smoother": "ema"}
    cfg_dir = config_dir(work, "swap-latency", keys)
    cfg = cfg_dir / "mirror.pipeline.cfg"
    base = cfg.read_text()
    out = work / "swap-latency.jsonl"
    partial = out.with_name(out.name + ".partial")
    for f in (out, partial):
        if f.exists():
            f.unlink()
    cmd = [str(ROOT / "mirror"), "--headless", "--realtime", "--source", str(clip), "--config", str(cfg_dir),
           "--out", str(out)]
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, latencies, lines = [0], [], 0
    try:
        deadline = time.perf_counter() + timeout
        while lines < 15 and time.perf_counter() < deadline and p.poll() is None:
            lines += len(record_lines(partial, seen))
            time.sleep(0.05)
        detector = "haar"
        for i in range(swaps):
            detector = "blazeface" if detector == "haar" else "haar"
            write_atomically(cfg, base.replace("detector=haar", "detector=" + detector))
            t0 = time.perf_counter()
            found = None
            while found is None and time.perf_counter() - t0 < 10 and p.poll() is None:
                if any(f'"detector":"{detector}@' in l for l in record_lines(partial, seen)):
                    found = time.perf_counter() - t0
                else:
                    time.sleep(0.005)
            if found is None:
                break
            latencies.append(1000 * found)
            time.sleep(0.3)
    finally:
        p.terminate()
        p.wait()
    return latencies


def eval_run(dataset):
    cmd = [str(ROOT / "mirror"), "eval", "--dataset", str(dataset)]
    code, out, err, wall, cpu, rss = run_measured(cmd)
    m = re.search(r"([\d.]+) images per second", out)
    if code != 0 or not m:
        raise SystemExit(f"bench: {' '.join(cmd)} failed (exit {code}):\n{err[-2000:]}")
    return float(m.group(1))


def process_cpu_s(pid):
    """utime + stime of every thread of pid, in seconds (/proc/PID/stat fields 14 and 15)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def thread_cpu_s(pid):
    """CPU seconds per thread name (comm) of pid; threads of one name are added up."""
    per = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            comm = (task / "comm").read_text().strip()
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the thread ended meanwhile
        per[comm] = per.get(comm, 0.0) + (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return per


def memory_mb(pid):
    """(VmRSS, VmHWM) of pid in MB."""
    status = dict(l.split(":", 1) for l in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in l)
    return tuple(int(status[k].split()[0]) / 1024.0 for k in ("VmRSS", "VmHWM"))


class PrivateX:
    """An Xvfb display of our own for the window runs; stopped on exit."""

    def __init__(self, niceness=0):
        self.number = next(n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()
                           and not Path(f"/tmp/.X{n}-lock").exists())
        self.proc = subprocess.Popen(["Xvfb", f":{self.number}", "-screen", "0", "1280x800x24",
                                      "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL,
                                     preexec_fn=(lambda: os.nice(niceness)) if niceness else None)
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{self.number}").exists():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"bench: Xvfb :{self.number} did not start (apt-get install xvfb)")
            time.sleep(0.1)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


LATENCY = re.compile(r"^latency: (read|offered|shown) (\d+) (\d+)$", re.M)


def latencies(stderr, t0, t1):
    """Frame read -> painted in the window, ms, for the frames painted between t0 and t1 (monotonic s).

    Java's System.nanoTime and Python's time.monotonic both read CLOCK_MONOTONIC on Linux.
    """
    read, offered, shown = {}, {}, []
    for kind, index, nanos in LATENCY.findall(stderr):
        if kind == "read":
            read[int(index)] = int(nanos)
        elif kind == "offered":
            offered[int(index)] = int(nanos)
        elif t0 * 1e9 <= int(nanos) <= t1 * 1e9:
            shown.append((int(index), int(nanos)))
    # the pipeline's part (read -> handed to the window) and the window's (handed -> painted)
    return ([(n - read[i]) / 1e6 for i, n in shown if i in read],
            [(offered[i] - read[i]) / 1e6 for i, n in shown if i in read and i in offered],
            [(n - offered[i]) / 1e6 for i, n in shown if i in offered])


def first_shown_ms(stderr):
    """First frame processed -> first frame shown in the window, ms (the timing lines), or None."""
    at = {}
    for line in stderr.splitlines():
        m = TIMING.match(line)
        if m and m.group(2).strip() in ("pipeline: first frame processed", "window: first frame shown"):
            at.setdefault(m.group(2).strip(), float(m.group(1)))
    if len(at) < 2:
        return None
    return 1000 * (at["window: first frame shown"] - at["pipeline: first frame processed"])


def percentile(values, q):
    v = sorted(values)
    return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]


def window_run(clip, cfg, display, work, warmup, seconds, niceness, mirror=None):
    """The window over clip at its own rate: CPU % of one core over `seconds` after `warmup`."""
    # the record counts the frames processed in the minute: on a loaded machine --realtime skips
    # frames, so CPU ms per frame (and what it makes at the full 30 fps) is the figure to compare
    record = work / "window.jsonl"
    partial = Path(str(record) + ".partial")
    # -Dmirror.timing=true: the source's and the window's per-frame lines (latency) and the
    # start-up lines (first frame processed, first frame shown); printing them costs microseconds
    cmd = [str(mirror or ROOT / "mirror"), "--source", str(clip), "--config", str(cfg), "--realtime",
           "--out", str(record), "-Dmirror.timing=true"]
    env = dict(os.environ, DISPLAY=f":{display}", XDG_DATA_HOME=str(work / "home"))
    out = tempfile.TemporaryFile()
    err = tempfile.TemporaryFile()
    # a negative niceness (root) shields the measured program from other work on the machine
    p = subprocess.Popen(cmd, stdout=out, stderr=err, env=env,
                         preexec_fn=(lambda: os.nice(niceness)) if niceness else None)
    try:
        time.sleep(warmup)
        if p.poll() is not None:
            raise SystemExit(f"bench: {' '.join(cmd)} ended during the warm-up (exit {p.returncode})")
        cpu0, t0, n0, th0 = process_cpu_s(p.pid), time.monotonic(), lines(partial), thread_cpu_s(p.pid)
        time.sleep(seconds)
        cpu1, t1, n1, th1 = process_cpu_s(p.pid), time.monotonic(), lines(partial), thread_cpu_s(p.pid)
        rss, hwm = memory_mb(p.pid)
    finally:
        if p.poll() is None:
            p.send_signal(signal.SIGTERM)
        p.wait()
    out.seek(0)
    err.seek(0)
    stderr = err.read().decode(errors="replace")
    late, pipeline_part, window_part = latencies(stderr, t0, t1)
    first = first_shown_ms(stderr)
    if SUMMARY.search(out.read().decode(errors="replace")):
        # the summary is printed when the source ends: then the minute held idle time too
        raise SystemExit(f"bench: {clip} ended before {warmup + seconds:.0f} s: use a longer clip")
    frames = max(1, n1 - n0)
    # the window's own thread (display-swt's painting) apart from the rest (pipeline, GC, ...)
    window = th1.get("mirror-window", 0.0) - th0.get("mirror-window", 0.0)
    busiest = sorted(((th1[k] - th0.get(k, 0.0), k) for k in th1), reverse=True)[:4]
    print("bench:   busiest threads: " + ", ".join(f"{k} {100 * v / (t1 - t0):.1f} %" for v, k in busiest),
          file=sys.stderr)
    return {"window_core": 100 * window / (t1 - t0), "window_ms": 1000 * window / frames,
            "core": 100 * (cpu1 - cpu0) / (t1 - t0), "cpu_s": cpu1 - cpu0, "wall": t1 - t0,
            "fps": frames / (t1 - t0), "cpu_ms": 1000 * (cpu1 - cpu0) / frames,
            "core30": 3 * 1000 * (cpu1 - cpu0) / frames, "rss": rss, "hwm": hwm,
            "shown": 100 * len(late) / frames,
            "lat50": statistics.median(late) if late else float("nan"),
            "lat95": percentile(late, 0.95) if late else float("nan"),
            "first": first if first is not None else float("nan"),
            "lat_pipe": statistics.median(pipeline_part) if pipeline_part else float("nan"),
            "lat_win": statistics.median(window_part) if window_part else float("nan")}


def lines(path):
    """Lines in a file being written, 0 while it does not exist."""
    try:
        with open(path, "rb") as f:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def window_report(results, clip, rounds, seconds):
    print(f"\nclip {clip}, window on Xvfb, --realtime, {rounds} rounds, CPU over {seconds:.0f} s, "
          "medians over rounds")
    head = (f"{'pipeline':<34}{'CPU % core':>11}{'frames/s':>9}{'CPU ms/frame':>13}"
            f"{'% core at 30 fps':>17}{'window ms/frame':>16}{'RSS MB':>8}{'peak RSS':>9}"
            f"{'% shown':>8}{'read->shown ms p50':>19}{'p95':>7}{'(pipeline':>10}{'+ window)':>10}"
            f"{'first shown ms':>15}")
    print(head)
    print("-" * len(head))
    for name, runs in results.items():
        med = {k: statistics.median(r[k] for r in runs)
               for k in ("core", "fps", "cpu_ms", "core30", "window_ms", "rss", "shown", "lat50", "lat95",
                         "lat_pipe", "lat_win", "first")}
        hwm = max(r["hwm"] for r in runs)
        print(f"{name:<34}{med['core']:>11.1f}{med['fps']:>9.1f}{med['cpu_ms']:>13.1f}"
              f"{med['core30']:>17.1f}{med['window_ms']:>16.1f}{med['rss']:>8.0f}{hwm:>9.0f}"
              f"{med['shown']:>8.0f}{med['lat50']:>19.1f}{med['lat95']:>7.1f}{med['lat_pipe']:>10.1f}"
              f"{med['lat_win']:>10.1f}{med['first']:>15.0f}")
    print("read->shown: a frame's read (camera) or due time (--realtime file) to its paint in the window, over "
          "the frames painted in the measured time (medians of its parts: read -> handed to the window, "
          "handed -> painted); % shown: of the frames processed; first shown: first frame processed -> "
          "first frame painted")


def window_main(a, configs):
    dirs = {name: config_dir(a.work, name, keys) for name, keys in configs.items()}
    # --other NAME=PATH/mirror: another build in the same rounds, alternating (before/after)
    runs = [("this:" if a.other else "") + name for name in dirs]
    mirrors = {n: (None, d) for n, d in zip(runs, dirs.values())}
    for spec in a.other or []:
        build, _, path = spec.partition("=")
        mirrors.update({f"{build}:{name}": (Path(path).resolve(), d) for name, d in dirs.items()})
    x = PrivateX(a.nice)  # the X server paints for the window: shielded alike
    results = {}
    try:
        for r in range(1, a.rounds + 1):
            for name, (mirror, d) in mirrors.items():
                res = window_run(a.clip.resolve(), d, x.number, a.work, a.warmup, a.seconds, a.nice, mirror)
                results.setdefault(name, []).append(res)
                print(f"bench: round {r} {name}: {res['core']:.1f} % of one core over "
                      f"{res['wall']:.0f} s, {res['fps']:.1f} frames/s, {res['cpu_ms']:.1f} CPU ms/frame, "
                      f"RSS {res['rss']:.0f} MB (peak {res['hwm']:.0f})",
                      file=sys.stderr)
    finally:
        x.stop()
    window_report(results, a.clip, a.rounds, a.seconds)


def reference_available(script):
    if not script or not Path(script).is_file():
        return "no reference script (--reference)"
    ok = subprocess.run(["/usr/bin/python3", "-c", "import cv2"], capture_output=True).returncode == 0
    return None if ok else "/usr/bin/python3 has no cv2 (apt-get install python3-opencv)"


def reference_run(script, clip):
    model = DIST / "models/minixception-fer2013.onnx"
    cascade = ROOT / "models/package/target/classes/cascades/haarcascade_frontalface_default.xml"
    cmd = ["/usr/bin/python3", str(script), str(clip), str(model), "--model-kind", "minixception",
           "--cascade", str(cascade)]
    code, out, err, wall, cpu, rss = run_measured(cmd)
    m = re.search(r"frames=(\d+).*?wall_s=([\d.]+)", out)
    if code != 0 or not m:
        raise SystemExit(f"bench: reference failed (exit {code}):\n{err[-2000:]}")
    frames = int(m.group(1))
    stages = {k: float(v) for k, v in re.findall(r"(\w+)_ms(?:_per_frame)?=([\d.]+)", out)}
    return {"frames": frames, "fps": frames / float(m.group(2)), "cpu_ms": 1000 * cpu / frames,
            "cpu_s": cpu, "wall": wall, "rss": rss, "stages": stages}


TIMING = re.compile(r"^timing:\s+([\d.]+) s\s+(.*?)(?: (\d+) ms)?(?: \(.*\))?$")


def startup_run(mirror, photo, work, name):
    """One start: (first frame s, exit wall s, peak RSS MB, {phase: ms}) from the timing lines."""
    home = work / ("home-" + name)
    home.mkdir(parents=True, exist_ok=True)
    out = work / ("startup-" + name + ".jsonl")
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"))
    cmd = [str(mirror), "--headless", "--source", str(photo), "--out", str(out), "-Dmirror.timing=true"]
    code, stdout, stderr, wall, cpu, rss = run_measured(cmd, env)
    if code != 0:
        raise SystemExit(f"bench: {' '.join(cmd)} failed (exit {code}):\n{stderr[-2000:]}")
    first, phases = None, {}
    for line in stderr.splitlines():
        m = TIMING.match(line)
        if not m:
            continue
        if m.group(2).startswith("pipeline: first frame"):
            first = float(m.group(1))
        elif m.group(3):
            phases[re.sub(r"\s+", " ", m.group(2)).strip()] = float(m.group(3))
    if first is None:
        raise SystemExit(f"bench: {mirror} printed no 'timing: ... first frame' line:\n{stderr[-2000:]}")
    return first, wall, rss, phases


def startup(a):
    mirrors = {"this": ROOT / "mirror"}
    for spec in a.other or []:
        name, _, path = spec.partition("=")
        mirrors[name] = Path(path).resolve()
    for name, mirror in mirrors.items():
        startup_run(mirror, a.startup.resolve(), a.work, name)  # fills the cache; not measured
    runs = {name: [] for name in mirrors}
    for r in range(1, a.rounds + 1):
        for name, mirror in mirrors.items():
            res = startup_run(mirror, a.startup.resolve(), a.work, name)
            runs[name].append(res)
            print(f"bench: round {r} {name}: first frame {res[0]:.2f} s, exit {res[1]:.2f} s, {res[2]:.0f} MB",
                  file=sys.stderr)
    print(f"\nstart-up, {a.startup}, medians of {a.rounds} runs")
    print(f"{'build':<10}{'first frame s':>15}{'exit s':>10}{'peak RSS MB':>13}")
    for name, rs in runs.items():
        print(f"{name:<10}{statistics.median(x[0] for x in rs):>15.2f}{statistics.median(x[1] for x in rs):>10.2f}"
              f"{statistics.median(x[2] for x in rs):>13.0f}")
    phases = list(dict.fromkeys(p for rs in runs.values() for x in rs for p in x[3]))
    print(f"\n{'phase (median ms)':<78}" + "".join(f"{n:>10}" for n in runs))
    for p in phases:
        cells = []
        for rs in runs.values():
            vals = [x[3][p] for x in rs if p in x[3]]
            cells.append(f"{statistics.median(vals):>10.0f}" if vals else f"{'-':>10}")
        print(f"{p[:77]:<78}" + "".join(cells))


def parse_configs(specs):
    if not specs:
        return dict(DEFAULT_CONFIGS)
    configs = {}
    for spec in specs:
        name, _, rest = spec.partition("=")
        keys = dict(kv.split("=", 1) for kv in rest.split(",") if kv)
        if not name or not keys:
            raise SystemExit(f"bench: --config {spec}: expected NAME=KEY=VALUE[,KEY=VALUE...]")
        configs[name] = keys
    return configs


def report_extras(swaps, evals):
    if swaps:
        print(f"swap latency (config edit -> first record from the new detector, FileInstall poll 250 ms): "
              f"median {statistics.median(swaps):.0f} ms, max {max(swaps):.0f} ms over {len(swaps)} swaps")
    if evals:
        print(f"eval: median {statistics.median(evals):.1f} images per second over {len(evals)} runs")


def report(results, realtime, clip, rounds):
    ref = results.get("reference")
    ref_fps = statistics.median(r["fps"] for r in ref) if ref else None
    print(f"\nclip {clip}, {rounds} rounds, medians over rounds"
          + (" (--realtime: paced at the clip's rate)" if realtime else ""))
    head = f"{'pipeline':<26}{'fps':>8}{'vs ref':>8}{'CPU ms/frame':>14}{'CPU % core':>12}{'peak RSS MB':>13}{'start s':>9}  stages (median ms)"
    print(head)
    print("-" * len(head))
    for name, runs in results.items():
        fps = statistics.median(r["fps"] for r in runs)
        cpu = statistics.median(r["cpu_ms"] for r in runs)
        core = statistics.median(100 * r["cpu_s"] / r["wall"] for r in runs)
        rss = max(r["rss"] for r in runs)
        stages = {k: statistics.median(r["stages"].get(k, 0.0) for r in runs) for k in runs[0]["stages"]}
        ratio = f"{fps / ref_fps:.2f}x" if ref_fps else "-"
        st = " ".join(f"{k} {v:.2f}" for k, v in stages.items())
        start = f"{statistics.median(r['start'] for r in runs):.2f}" if "start" in runs[0] else "-"
        print(f"{name:<26}{fps:>8.1f}{ratio:>8}{cpu:>14.1f}{core:>12.0f}{rss:>13.0f}{start:>9}  {st}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clip", type=Path)
    ap.add_argument("--startup", type=Path, metavar="PHOTO", help="measure start-up over this photo instead")
    ap.add_argument("--other", action="append", metavar="NAME=PATH/mirror")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--config", action="append", metavar="NAME=KEY=VALUE,...")
    ap.add_argument("--reference", default=str(ROOT.parent / "shared/bench/reference_pipeline.py"))
    ap.add_argument("--realtime", action="store_true")
    ap.add_argument("--window", action="store_true", help="the window on Xvfb, --realtime: CPU and RSS")
    ap.add_argument("--seconds", type=float, default=60, help="--window: measured seconds")
    ap.add_argument("--warmup", type=float, default=20, help="--window: seconds before measuring")
    ap.add_argument("--nice", type=int, default=0,
                    help="--window: niceness of the measured program (negative needs root)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "mirror-bench")
    ap.add_argument("--eval-dataset", type=Path, help="a labelled folder: eval's images per second too")
    ap.add_argument("--no-swap", action="store_true", help="leave out the swap-latency run")
    a = ap.parse_args()
    if a.startup:
        if not a.startup.is_file():
            raise SystemExit(f"bench: photo not found: {a.startup}")
        a.work.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(ROOT / "mirror"), "--help"], stdout=subprocess.DEVNULL, check=False)
        startup(a)
        return
    if not a.clip or not a.clip.is_file():
        raise SystemExit(f"bench: clip not found: {a.clip}")
    if not (DIST / ".built").is_file():
        raise SystemExit(f"bench: no distribution in {DIST}: run ./mirror once (it builds it)")
    a.work.mkdir(parents=True, exist_ok=True)
    # ./mirror rebuilds a stale distribution first; that build must not be measured as a run
    subprocess.run([str(ROOT / "mirror"), "--help"], stdout=subprocess.DEVNULL, check=False)
    if a.window:
        window_main(a, parse_configs(a.config) if a.config else dict(WINDOW_CONFIGS))
        return
    configs = parse_configs(a.config)
    dirs = {name: config_dir(a.work, name, keys) for name, keys in configs.items()}
    # --other NAME=PATH/mirror: another build's configurations in the same rounds (before/after)
    builds = {("this:" if a.other else "") + name: (None, d) for name, d in dirs.items()}
    for spec in a.other or []:
        build, _, path = spec.partition("=")
        builds.update({f"{build}:{name}": (Path(path).resolve(), d) for name, d in dirs.items()})
    why_not = reference_available(a.reference)
    print(f"bench: reference loop: {why_not or a.reference}", file=sys.stderr)
    results, swaps, evals = {}, [], []
    for r in range(1, a.rounds + 1):
        if not why_not and not a.realtime:
            results.setdefault("reference", []).append(reference_run(a.reference, a.clip.resolve()))
        for name, (mirror, d) in builds.items():
            res = mirror_run(a.clip.resolve(), d, a.realtime, mirror)
            results.setdefault(name, []).append(res)
            print(f"bench: round {r} {name}: {res['frames']} frames, {res['fps']:.1f} fps, "
                  f"{res['cpu_ms']:.1f} CPU ms/frame, {res['rss']:.0f} MB", file=sys.stderr)
        if not a.no_swap:
            swaps += swap_latency(a.clip.resolve(), a.work)
            print(f"bench: round {r} swap latencies (ms): {[round(x) for x in swaps]}", file=sys.stderr)
        if a.eval_dataset:
            evals.append(eval_run(a.eval_dataset))
            print(f"bench: round {r} eval: {evals[-1]:.1f} images per second", file=sys.stderr)
    report(results, a.realtime, a.clip, a.rounds)
    report_extras(swaps, evals)


if __name__ == "__main__":
    main()
