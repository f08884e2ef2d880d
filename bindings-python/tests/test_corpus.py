"""The corpus in ../shared (when present): Python's JSON equals the CLI's for every file."""

import subprocess

import pytest

import baogao
from conftest import SHARED

CORPUS = SHARED / "corpus"


@pytest.fixture(scope="module")
def corpus_files():
    files = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []
    if not files:
        pytest.skip(f"{CORPUS} is absent: the corpus comparison is skipped")
    return files


def test_python_json_equals_cli_json_for_every_corpus_file(tmp_path, cli, corpus_files):
    subprocess.run([str(cli), "analyze", str(CORPUS), "--format", "json", "--out",
                    str(tmp_path)], check=True)
    for f in corpus_files:
        expected = (tmp_path / f"{f.stem}.json").read_text(encoding="utf-8").strip()
        r = baogao.analyze_file(f)
        assert r.to_json() == expected, f.name


def test_batch_equals_one_by_one_on_the_corpus(corpus_files):
    data = [f.read_bytes() for f in corpus_files]
    out = baogao.analyze_batch(data, threads=2)
    for f, r in zip(corpus_files, out):
        assert isinstance(r, baogao.Report), f.name
        assert r.to_json() == baogao.analyze_file(f).to_json(), f.name
        for s in r.stats:
            assert r.text[s.start : s.end] == s.text
        for h in r.headings:
            assert r.text[h.title_start : h.title_end] == h.title
