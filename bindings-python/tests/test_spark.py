"""examples/spark_job.py in Spark local mode on reports written here (both the mapPartitions
and the pandas UDF ways)."""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

import baogao
from conftest import DUTY, REPORT

EXAMPLE = pathlib.Path(__file__).resolve().parent.parent / "examples" / "spark_job.py"

pytestmark = pytest.mark.spark


def _need_spark():
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError as e:
        pytest.skip(f"pyspark/pyarrow not installed ({e}); scripts/test-all.d/20-python installs them")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime for Spark (Java 17 is needed)")


def test_spark_job_writes_statistics_as_parquet(tmp_path):
    _need_spark()
    import pandas as pd

    src = tmp_path / "reports"
    src.mkdir()
    files = {
        "a.txt": REPORT.encode("utf-8"),
        "b.txt": DUTY.encode("gb18030"),
        "c.txt": ("𠀀" + REPORT.replace("2023", "2022")).encode("utf-8"),
        "bad.txt": b"\xff\xfe\x00",
    }
    for name, data in files.items():
        (src / name).write_bytes(data)
    out = tmp_path / "out"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    proc = subprocess.run(
        [sys.executable, str(EXAMPLE), str(src), str(out), "--master", "local[2]"],
        env=env, capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]

    expected = {}
    for name in files:
        try:
            expected[name] = baogao.analyze_file(src / name)
        except baogao.BaogaoError:
            expected[name] = None

    docs = pd.read_parquet(out / "rdd" / "documents")
    docs["name"] = docs["path"].map(lambda p: p.rsplit("/", 1)[-1])
    assert sorted(docs["name"]) == sorted(files)
    for _, row in docs.iterrows():
        r = expected[row["name"]]
        if r is None:
            assert "decode error" in row["error"]
        else:
            assert row["error"] is None
            assert (row["headings"], row["stats"], row["length"]) == (
                len(r.headings), len(r.stats), len(r.text))
            assert row["encoding"] == r.encoding

    for mode in ("rdd", "udf"):
        stats = pd.read_parquet(out / mode / "stats")
        stats["name"] = stats["path"].map(lambda p: p.rsplit("/", 1)[-1])
        got = sorted(zip(stats["name"], stats["start"], stats["end"], stats["text"]))
        want = sorted(
            (name, s.start, s.end, s.text)
            for name, r in expected.items() if r is not None for s in r.stats
        )
        assert got == want, mode
        for name, start, end, text in got:
            assert expected[name].text[start:end] == text
