"""Benchmark: analyze_batch on N threads vs a Python loop over analyze, on the corpus.

    python bench_batch.py [--corpus DIR] [--threads 2] [--repeat 3] [--copies 4]

Reads every .txt of the corpus (default ../shared/corpus beside the repository), repeats the
list --copies times so a run lasts long enough to time, and prints the best of --repeat runs of
each way and the speed-up. Not a test: timings depend on the machine and its load. Use the
release wheel (scripts/test-all.d/20-python builds one; `maturin develop --release`).
"""

import argparse
import os
import pathlib
import sys
import time
from typing import Callable, List

import baogao


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main(argv: List[str]) -> int:
    here = pathlib.Path(__file__).resolve().parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(here.parent.parent / "shared" / "corpus"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--copies", type=int, default=4)
    args = ap.parse_args(argv)
    files = sorted(pathlib.Path(args.corpus).glob("*.txt"))
    if not files:
        print(f"bench_batch: no .txt files in {args.corpus}")
        return 1
    texts = [baogao.analyze_file(f).text for f in files] * args.copies
    chars = sum(len(t) for t in texts)
    baogao.analyze_batch(texts[:4], threads=args.threads)  # warm the pool up

    loop = best(lambda: [baogao.analyze(t) for t in texts], args.repeat)
    one = best(lambda: baogao.analyze_batch(texts, threads=1), args.repeat)
    par = best(lambda: baogao.analyze_batch(texts, threads=args.threads), args.repeat)
    print(f"{len(texts)} texts, {chars / 1e6:.2f} M characters, {os.cpu_count()} CPUs, "
          f"best of {args.repeat}")
    print(f"python loop over analyze:      {loop * 1e3:8.1f} ms  {chars / loop / 1e6:6.2f} Mchar/s")
    print(f"analyze_batch threads=1:       {one * 1e3:8.1f} ms  {chars / one / 1e6:6.2f} Mchar/s")
    print(f"analyze_batch threads={args.threads}:       {par * 1e3:8.1f} ms  "
          f"{chars / par / 1e6:6.2f} Mchar/s")
    print(f"speed-up of analyze_batch (threads={args.threads}) over the loop: {loop / par:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
