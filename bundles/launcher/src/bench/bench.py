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

Besides the table ("start s" is the process's wall time minus the program's own run time: JVM and
framework start-up, and shutdown), each round measures what must not get slower:
- swap latency: a --realtime run over the clip with --out; the detector in its watched
  mirror.pipeline.cfg is swapped (haar <-> blazeface) a few times, and the time from the edit to the
  first record line naming the new detector is taken (FileInstall polls every 250 ms);
- with --eval-dataset FOLDER, `./mirror eval --dataset FOLDER` and its images per second.
Default configurations: haar+minixception, haar+faceapi (the shipped default), blazeface+faceapi,
blazeface+minixception.
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
    ap.add_argument("--clip", required=True, type=Path)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--config", action="append", metavar="NAME=KEY=VALUE,...")
    ap.add_argument("--reference", default=str(ROOT.parent / "shared/bench/reference_pipeline.py"))
    ap.add_argument("--realtime", action="store_true")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "mirror-bench")
    ap.add_argument("--eval-dataset", type=Path, help="a labelled folder: eval's images per second too")
    ap.add_argument("--no-swap", action="store_true", help="leave out the swap-latency run")
    a = ap.parse_args()
    if not a.clip.is_file():
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
    results, swaps, evals = {}, [], []
    for r in range(1, a.rounds + 1):
        if not why_not and not a.realtime:
            results.setdefault("reference", []).append(reference_run(a.reference, a.clip.resolve()))
        for name, d in dirs.items():
            res = mirror_run(a.clip.resolve(), d, a.realtime)
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
