"""Analyse a folder of reports with PySpark and write the statistics as Parquet.

    python spark_job.py REPORTS_DIR OUT_DIR [--master local[2]] [--mode rdd|udf|both]

Two equivalent ways are shown:

* ``rdd``: ``binaryFiles`` → ``mapPartitions`` through :func:`baogao.analyze_batch` (one
  native call per partition, the GIL released, the inputs analysed in parallel) → a DataFrame.
* ``udf``: the ``binaryFile`` data source → a pandas UDF that analyses a column of file contents
  with :func:`baogao.analyze_batch` and returns each file's statistics as an array of structs,
  exploded into rows.

Both write ``OUT_DIR/<mode>/stats`` (one row per statistic, with the file's path) and the
``rdd`` mode also ``OUT_DIR/rdd/documents`` (one row per file: encoding, counts, the error if
the file could not be read). Every executor needs the ``baogao`` wheel installed.
"""


import argparse
import os
import sys
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

import baogao

STAT_FIELDS: List[Tuple[str, str]] = [
    ("stat", "int"),
    ("document", "int"),
    ("section_title", "string"),
    ("start", "int"),
    ("end", "int"),
    ("text", "string"),
    ("kind", "string"),
    ("value", "double"),
    ("high", "double"),
    ("unit", "string"),
    ("approx", "string"),
    ("subject", "string"),
]

# The statistic's columns as a Spark DDL string (also the element type of the UDF's array).
STAT_DDL = ", ".join(f"`{n}` {t}" for n, t in STAT_FIELDS)
STATS_SCHEMA = f"`path` string, {STAT_DDL}"
DOCUMENTS_SCHEMA = (
    "`path` string, `encoding` string, `length` int, `documents` int, `headings` int, "
    "`stats` int, `defects` int, `score` double, `error` string"
)


def stat_rows(report: baogao.Report) -> List[Dict[str, Any]]:
    """One dict per statistic of ``report`` (the columns of STAT_FIELDS)."""
    rows = []
    for s in report.stats:
        h = report.section_of(s)
        rows.append(
            {
                "stat": s.index,
                "document": s.document,
                "section_title": h.title if h is not None else None,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "kind": s.kind,
                "value": s.value,
                "high": s.high,
                "unit": s.unit,
                "approx": s.approx,
                "subject": s.subject,
            }
        )
    return rows


def analyze_partition(
    files: Iterable[Tuple[str, bytes]], threads: Optional[int] = None
) -> Iterator[Tuple[str, Any]]:
    """``mapPartitions`` body: analyses a partition's ``(path, bytes)`` in one batch and yields
    ``("stat", row)`` and ``("doc", row)`` records."""
    files = list(files)
    reports = baogao.analyze_batch([content for _, content in files], threads=threads)
    for (path, _), r in zip(files, reports):
        if isinstance(r, baogao.Report):
            for row in stat_rows(r):
                yield "stat", {"path": path, **row}
            yield "doc", {
                "path": path,
                "encoding": r.encoding,
                "length": len(r.text),
                "documents": len(r.documents),
                "headings": len(r.headings),
                "stats": len(r.stats),
                "defects": len(r.defects),
                "score": sum(c.score for c in r.checklist) if r.checklist else None,
                "error": None,
            }
        else:
            yield "doc", {
                "path": path,
                "encoding": None,
                "length": None,
                "documents": None,
                "headings": None,
                "stats": None,
                "defects": None,
                "score": None,
                "error": str(r),
            }


def run_rdd(spark: Any, reports_dir: str, out_dir: str) -> None:
    """binaryFiles → mapPartitions(analyze_batch) → Parquet."""
    from pyspark.sql import Row  # noqa: F401  (documents the dependency)

    files = spark.sparkContext.binaryFiles(os.path.join(reports_dir, "*.txt"))
    records = files.mapPartitions(analyze_partition).cache()
    stats = records.filter(lambda r: r[0] == "stat").map(lambda r: _ordered(r[1], STATS_SCHEMA))
    docs = records.filter(lambda r: r[0] == "doc").map(
        lambda r: _ordered(r[1], DOCUMENTS_SCHEMA)
    )
    spark.createDataFrame(stats, STATS_SCHEMA).write.mode("overwrite").parquet(
        os.path.join(out_dir, "rdd", "stats")
    )
    spark.createDataFrame(docs, DOCUMENTS_SCHEMA).write.mode("overwrite").parquet(
        os.path.join(out_dir, "rdd", "documents")
    )
    records.unpersist()


def _ordered(row: Dict[str, Any], ddl: str) -> Tuple[Any, ...]:
    names = [part.split("`")[1] for part in ddl.split(", ")]
    return tuple(row.get(n) for n in names)


def run_pandas_udf(spark: Any, reports_dir: str, out_dir: str) -> None:
    """binaryFile source → pandas UDF (analyze_batch per Arrow batch) → explode → Parquet."""
    import pandas as pd
    from pyspark.sql import functions as F

    @F.pandas_udf(f"array<struct<{STAT_DDL.replace('`', '')}>>")  # type: ignore[call-overload]
    def stats_of(content: pd.Series) -> pd.Series:
        reports = baogao.analyze_batch(list(content))
        return pd.Series(
            [stat_rows(r) if isinstance(r, baogao.Report) else [] for r in reports]
        )

    df = (
        spark.read.format("binaryFile")
        .option("pathGlobFilter", "*.txt")
        .load(reports_dir)
        .select("path", F.explode(stats_of("content")).alias("s"))
        .select("path", "s.*")
    )
    df.write.mode("overwrite").parquet(os.path.join(out_dir, "udf", "stats"))


def session(master: str = "local[2]", app: str = "baogao") -> Any:
    """A Spark session for local runs (the UI off; the workers use this Python)."""
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    return (
        SparkSession.builder.master(master)
        .appName(app)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )


def main(argv: Optional[List[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("reports_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--mode", choices=["rdd", "udf", "both"], default="both")
    args = ap.parse_args(argv)
    spark = session(args.master)
    try:
        if args.mode in ("rdd", "both"):
            run_rdd(spark, args.reports_dir, args.out_dir)
        if args.mode in ("udf", "both"):
            run_pandas_udf(spark, args.reports_dir, args.out_dir)
        for mode in ("rdd", "udf"):
            path = os.path.join(args.out_dir, mode, "stats")
            if os.path.exists(path):
                n = spark.read.parquet(path).count()
                print(f"{mode}: {n} statistics written to {path}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
