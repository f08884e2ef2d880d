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
import resource
import sys
import time
from typing import Callable, List, Tuple

import baogao


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def best(fn: Callable[[], object], repeat: int) -> Tuple[float, float]:
    """The fastest of ``repeat`` runs: (wall seconds, CPU seconds of this process, all
    threads). CPU/wall near the thread count means the threads really ran in parallel; far
    below 1 means the machine is busy with other work and the wall times mean little."""
    runs = []
    for _ in range(repeat):
        c0, t0 = _cpu(), time.perf_counter()
        fn()
        runs.append((time.perf_counter() - t0, _cpu() - c0))
    return min(runs)


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
          f"best of {args.repeat}, load average {os.getloadavg()[0]:.1f}")
    for name, (wall, cpu) in (
        ("python loop over analyze", loop),
        ("analyze_batch threads=1", one),
        (f"analyze_batch threads={args.threads}", par),
    ):
        print(f"{name + ':':30} {wall * 1e3:8.1f} ms  {chars / wall / 1e6:6.2f} Mchar/s  "
              f"cpu {cpu * 1e3:8.1f} ms  cpu/wall {cpu / wall:4.2f}")
    print(f"speed-up of analyze_batch (threads={args.threads}) over the loop: "
          f"{loop[0] / par[0]:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
