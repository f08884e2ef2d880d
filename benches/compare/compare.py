"""Measures MB/s of cn2an, JioNLP and baogao on the same corpus text; prints one table.

Usage: compare.py CORPUS_DIR BAOGAO_CLI   (normally via benches/compare/run)
"""
import glob
import os
import statistics
import subprocess
import sys
import time


def median_seconds(fn, runs=5):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(corpus_dir, cli):
    files = sorted(glob.glob(os.path.join(corpus_dir, "*.txt")))
    if not files:
        print(f"no corpus at {corpus_dir}; generating none, nothing to compare")
        return 0
    texts = [open(f, encoding="utf-8").read() for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rows = []

    def add(name, fn, runs=5):
        try:
            s = median_seconds(fn, runs)
        except Exception as e:  # a peer failing on real text is a finding, not a crash
            rows.append((name, None, f"failed: {type(e).__name__}: {e}"[:80]))
            return
        rows.append((name, mb / s, ""))

    import baogao

    add("baogao analyze (Python, loop)", lambda: [baogao.analyze(t) for t in texts])
    add("baogao analyze_batch (2 threads)", lambda: baogao.analyze_batch(texts, threads=2))
    add(
        "baogao CLI (corpus folder, JSON)",
        lambda: subprocess.run([cli, "analyze", corpus_dir, "--format", "json"], check=True, capture_output=True),
    )
    add("cat (reading the files)", lambda: subprocess.run(["cat", *files], check=True, capture_output=True))
    try:
        import cn2an

        add("cn2an transform(text, 'cn2an')", lambda: [cn2an.transform(t, "cn2an") for t in texts], runs=3)
    except ImportError as e:
        rows.append(("cn2an", None, f"not installed: {e}"))
    try:
        import jionlp as jio

        add("JioNLP ner.extract_money", lambda: [jio.ner.extract_money(t) for t in texts], runs=3)
    except ImportError as e:
        rows.append(("JioNLP", None, f"not installed: {e}"))

    base = next((r[1] for r in rows if r[0].startswith("cn2an") and r[1]), None)
    print(f"corpus: {len(files)} files, {mb:.2f} MB; median of several runs; machine: {os.cpu_count()} cores")
    print(f"{'what':40} {'MB/s':>10} {'× cn2an':>9}")
    for name, rate, note in rows:
        if rate is None:
            print(f"{name:40} {'—':>10} {'':>9} {note}")
        else:
            ratio = f"{rate / base:.1f}" if base else ""
            print(f"{name:40} {rate:10.2f} {ratio:>9} {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
