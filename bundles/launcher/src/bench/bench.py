#!/usr/bin/env python3
"""Speed benchmark (not part of mvn verify): named pipeline configurations over one clip.

    bundles/launcher/src/bench/bench.py --clip CLIP [--rounds N] [--config NAME=KEY=VALUE,...]...
                                         [--reference SCRIPT] [--realtime] [--work DIR]

Each round runs every configuration once, in turn (alternating, so a noisy neighbour hurts all
alike), as `./mirror --headless --source CLIP --config DIR` with a copy of runtime-config whose
mirror.pipeline.cfg gets the configuration's keys. Per run it takes the program's own summary
(frames, per-stage median ms) and, from the kernel (wait4), the process CPU time and peak RSS.
It prints, per configuration, the medians over the rounds: frames per second, CPU ms per frame
(process CPU time / frames), peak RSS, stage medians, and the ratio to the reference.

The reference is the textbook's loop (Python + OpenCV, Haar 1.3/5 on the full frame,
mini-Xception per face through OpenCV DNN): a script taking `CLIP MODEL.onnx --cascade XML`
and printing `frames=.. wall_s=.. fps=..`, e.g. ../shared/bench/reference_pipeline.py. It runs in
the same rounds when the script exists and /usr/bin/python3 imports cv2 (Debian: python3-opencv).

--realtime paces the clip like a camera (30 fps): then fps is the clip's rate and the figure
that matters is CPU, printed also as % of one core.
Default configurations: haar+minixception, haar+faceapi (the shipped default), blazeface+faceapi,
blazeface+minixception.

    bundles/launcher/src/bench/bench.py --startup PHOTO [--rounds 5] [--other NAME=PATH/mirror]...

Start-up instead: `./mirror --headless --source PHOTO --out FILE -Dmirror.timing=true`, once
unmeasured (it fills the user folder's cache, as any first start does), then --rounds times, each
with its own user folder kept between rounds. It prints the medians of: launch to the first
processed frame (the program's own `timing:` line), launch to exit (wall), peak RSS, and each
phase of the start-up breakdown. --other runs another build's ./mirror in the same rounds,
alternating, e.g. a checkout of the previous version, for a before/after comparison on a machine
that others load too.
"""
import argparse
import os
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
    cfg = d / "mirror.pipeline.cfg"
    lines = [l for l in cfg.read_text().splitlines() if l.split("=", 1)[0].strip() not in keys]
    cfg.write_text("\n".join(lines + [f"{k}={v}" for k, v in keys.items()]) + "\n")
    return d


def mirror_run(clip, cfg, realtime):
    cmd = [str(ROOT / "mirror"), "--headless", "--source", str(clip), "--config", str(cfg)]
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
            "cpu_s": cpu, "wall": wall, "rss": rss, "stages": stages}


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


def report(results, realtime, clip, rounds):
    ref = results.get("reference")
    ref_fps = statistics.median(r["fps"] for r in ref) if ref else None
    print(f"\nclip {clip}, {rounds} rounds, medians over rounds"
          + (" (--realtime: paced at the clip's rate)" if realtime else ""))
    head = f"{'pipeline':<26}{'fps':>8}{'vs ref':>8}{'CPU ms/frame':>14}{'CPU % core':>12}{'peak RSS MB':>13}  stages (median ms)"
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
        print(f"{name:<26}{fps:>8.1f}{ratio:>8}{cpu:>14.1f}{core:>12.0f}{rss:>13.0f}  {st}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clip", type=Path)
    ap.add_argument("--startup", type=Path, metavar="PHOTO", help="measure start-up over this photo instead")
    ap.add_argument("--other", action="append", metavar="NAME=PATH/mirror")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--config", action="append", metavar="NAME=KEY=VALUE,...")
    ap.add_argument("--reference", default=str(ROOT.parent / "shared/bench/reference_pipeline.py"))
    ap.add_argument("--realtime", action="store_true")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "mirror-bench")
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
    configs = parse_configs(a.config)
    dirs = {name: config_dir(a.work, name, keys) for name, keys in configs.items()}
    why_not = reference_available(a.reference)
    print(f"bench: reference loop: {why_not or a.reference}", file=sys.stderr)
    results = {}
    for r in range(1, a.rounds + 1):
        if not why_not and not a.realtime:
            results.setdefault("reference", []).append(reference_run(a.reference, a.clip.resolve()))
        for name, d in dirs.items():
            res = mirror_run(a.clip.resolve(), d, a.realtime)
            results.setdefault(name, []).append(res)
            print(f"bench: round {r} {name}: {res['frames']} frames, {res['fps']:.1f} fps, "
                  f"{res['cpu_ms']:.1f} CPU ms/frame, {res['rss']:.0f} MB", file=sys.stderr)
    report(results, a.realtime, a.clip, a.rounds)


if __name__ == "__main__":
    main()
