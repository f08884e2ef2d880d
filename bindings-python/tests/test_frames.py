"""DataFrames (pandas optional) and notebook display."""

import json
import sys

import pytest

import baogao
from conftest import DUTY, REPORT

pd = pytest.importorskip("pandas", reason="pandas is not installed")


def synthetic():
    """A hand-made report with statistics, so the frames and HTML are tested whatever the
    core finds. Text written for this test."""
    text = "一、成绩\n发展党员12名，满意率96.5%。\n<b>&</b>\n二、问题\n"
    s1 = text.index("12名")
    s2 = text.index("96.5%")
    doc = {
        "schema": "baogao/1", "offsets": "chars", "length": len(text),
        "documents": [{"start": 0, "end": len(text), "title": ""}],
        "headings": [
            {"start": 0, "end": text.index("二、"), "title_end": 4, "document": 0, "depth": 1,
             "marker": "一、", "marker_kind": "chinese", "ordinal": 1, "title": "成绩",
             "parent": None},
            {"start": text.index("二、"), "end": len(text), "title_end": len(text) - 1,
             "document": 0, "depth": 1, "marker": "二、", "marker_kind": "chinese",
             "ordinal": 2, "title": "问题", "parent": None}],
        "items": [],
        "stats": [
            {"start": s1, "end": s1 + 3, "text": "12名", "kind": "count", "value": 12.0,
             "high": None, "unit": "名", "approx": None, "subject": "党员", "document": 0,
             "section": 0},
            {"start": s2, "end": s2 + 5, "text": "96.5%", "kind": "percent", "value": 96.5,
             "high": None, "unit": "%", "approx": None, "subject": None, "document": 0,
             "section": 0}],
        "boilerplate": [], "placeholders": [], "defects": [],
        "checklist": [{"document": 0, "id": "work-summary", "score": 10.0, "max": 20.0,
                       "grade": "一般", "items": [
                           {"id": "achievements", "passed": True, "verdict": "passed",
                            "points": 10.0, "max": 10.0, "evidence": [{"start": 0, "end": 4}],
                            "message": "有成绩<script>", "suggestion": None},
                           {"id": "plans", "passed": False, "verdict": "failed", "points": 0.0,
                            "max": 10.0, "evidence": [], "message": "缺少打算",
                            "suggestion": "补充下一步打算"}]}],
        "diagnostics": [],
    }
    return baogao.Report(text, json.dumps(doc, ensure_ascii=False))


def test_stats_frame():
    r = synthetic()
    df = r.stats_frame()
    assert list(df["text"]) == ["12名", "96.5%"]
    assert list(df["value"]) == [12.0, 96.5]
    assert list(df["section_title"]) == ["成绩", "成绩"]
    assert str(df["section"].dtype) == "Int64" and list(df["section"]) == [0, 0]
    for _, row in df.iterrows():
        assert r.text[row["start"] : row["end"]] == row["text"]
    assert len(baogao.analyze(REPORT).stats_frame()) == len(baogao.analyze(REPORT).stats)


def test_headings_and_checklist_frames():
    r = synthetic()
    h = r.headings_frame()
    assert list(h["title"]) == ["成绩", "问题"] and list(h["depth"]) == [1, 1]
    c = r.checklist_frame()
    assert list(c["item"]) == ["achievements", "plans"]
    assert list(c["passed"]) == [True, False]
    assert list(c["rubric"]) == ["work-summary"] * 2
    real = baogao.analyze(REPORT)
    assert len(real.headings_frame()) == len(real.headings)
    assert set(real.checklist_frame()["rubric"]) == {c.id for c in real.checklist}


def test_batch_frame_has_a_document_id_column():
    reports = baogao.analyze_batch([REPORT, b"\xff\xfe\x00", DUTY])
    df = baogao.batch_frame(reports, "headings", ids=["a.txt", "bad.txt", "b.txt"])
    assert list(df.columns)[0] == "doc_id"
    assert set(df["doc_id"]) <= {"a.txt", "b.txt"}
    ok = [r for r in reports if isinstance(r, baogao.Report)]
    assert len(df) == sum(len(r.headings) for r in ok)
    assert list(df[df["doc_id"] == "b.txt"]["title"]) == [h.title for h in ok[1].headings]
    s = baogao.batch_frame([synthetic(), synthetic()], "stats")
    assert list(s["doc_id"]) == [0, 0, 1, 1]
    assert len(baogao.batch_frame(reports, "checklist")) >= 2
    with pytest.raises(ValueError):
        baogao.batch_frame(reports, "nope")
    with pytest.raises(ValueError):
        baogao.batch_frame(reports, ids=["only-one"])


def test_a_clear_import_error_without_pandas(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        synthetic().stats_frame()
    with pytest.raises(ImportError, match="pandas"):
        baogao.batch_frame([synthetic()])


def test_repr_html_highlights_statistics_and_escapes():
    r = synthetic()
    html = r._repr_html_()
    assert '<mark class="stat" title="count = 12 名 · 党员">12名</mark>' in html
    assert ">96.5%</mark>" in html
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in html and "<b>&</b>" not in html
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert "成绩" in html and "10/20" in html and "补充下一步打算" in html
    assert "Outline" in html and "Scorecard" in html


def test_repr_html_on_real_reports():
    text = "<script>alert(1)</script>\n" + REPORT
    html = baogao.analyze(text)._repr_html_()
    assert "<script>alert" not in html
    assert "主要工作成效" in html
