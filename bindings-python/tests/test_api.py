"""analyze / analyze_file / Report: views, offsets, JSON."""

import json
import subprocess

import pytest

import baogao
from conftest import DUTY, REPORT, RUBRIC_TOML


def check_spans(r: baogao.Report) -> int:
    """Asserts that every span of every view slices the text to what the view says; returns
    how many spans were checked."""
    t = r.text
    n = 0
    for d in r.documents:
        assert 0 <= d.start <= d.end <= len(t)
        if d.title:
            assert d.title in t[d.start : d.end]
        n += 1
    for h in r.headings:
        assert t[h.title_start : h.title_end] == h.title
        assert t[h.start : h.start + len(h.marker)] == h.marker
        assert h.start <= h.title_end <= h.end <= len(t)
        n += 1
    for s in r.stats:
        assert t[s.start : s.end] == s.text
        n += 1
    for p in r.placeholders:
        assert t[p.start : p.end] == p.text
        n += 1
    for it in r.items:
        assert t[it.start : it.start + len(it.marker)] == it.marker
        n += 1
    for x in list(r.boilerplate) + list(r.defects):
        assert 0 <= x.start <= x.end <= len(t)
        n += 1
    return n


def test_analyze_returns_typed_views(report_text):
    r = baogao.analyze(report_text)
    assert isinstance(r, baogao.Report)
    assert r.text is report_text
    assert r.encoding is None
    assert len(r.documents) >= 1
    titles = [h.title for h in r.headings]
    for t in ("主要工作成效", "存在的问题", "下一步工作打算"):
        assert t in titles
    assert all(isinstance(h, baogao.Heading) for h in r.headings)
    assert all(isinstance(s, baogao.Stat) for s in r.stats)
    assert isinstance(r.headings, baogao.Headings)
    assert check_spans(r) > 0
    # Read-only.
    with pytest.raises(AttributeError):
        r.headings[0].title = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        r.text = "x"  # type: ignore[misc]


def test_offsets_are_characters_after_a_character_outside_the_bmp(report_text):
    # 𠀀 and 😀 are one character each in Python but 4 bytes in UTF-8 and 2 UTF-16 units.
    text = "𠀀😀" + report_text.replace("全年新发展", "𠀁全年新发展")
    r = baogao.analyze(text)
    assert r.to_dict()["length"] == len(text)
    h = next(h for h in r.headings if h.title == "主要工作成效")
    assert h.start == text.index("一、主要工作成效")
    assert h.title_end == text.index("主要工作成效") + len("主要工作成效")
    assert check_spans(r) > 0
    # A statistic after the astral characters slices correctly (when the core finds it).
    stat = next((s for s in r.stats if s.text.startswith("12")), None)
    if stat is not None:
        assert stat.start == text.index("12名")
        assert text[stat.start : stat.end] == stat.text
    for s in r.stats:
        assert text[s.start : s.end] == s.text


def test_lone_surrogates_become_one_replacement_each():
    # Text read with errors="surrogateescape" from bytes that were not UTF-8.
    raw = "一、概况\n共有党员12名".encode("utf-8") + b"\xff\xfe" + "。\n二、问题\n".encode("utf-8")
    text = raw.decode("utf-8", "surrogateescape")
    assert "\udcff" in text
    r = baogao.analyze(text)
    assert r.text is text
    assert r.to_dict()["length"] == len(text)
    h = r.headings[-1]
    assert h.title == "问题"
    assert h.start == text.index("二、问题")
    assert check_spans(r) > 0
    # The JSON cannot hold lone surrogates: they are U+FFFD, one per code point.
    assert "\udcff" not in r.to_json()
    json.dumps(r.to_dict())  # serialisable
    # Same through the batch API, and a high/low pair given as two lone code points.
    pair = "一、甲\n" + "\ud83d\ude00" + "\n二、乙\n"
    for t, rep in zip([text, pair], baogao.analyze_batch([text, pair])):
        assert isinstance(rep, baogao.Report)
        assert rep.to_dict()["length"] == len(t)
        assert rep.headings[-1].start == t.index("二、")


def test_bytes_are_decoded_like_the_cli():
    gbk = DUTY.encode("gb18030")
    r = baogao.analyze(gbk)
    assert r.encoding.upper() == "GB18030"
    assert r.text == DUTY
    bom = "\ufeff".encode("utf-8") + DUTY.encode("utf-8")
    r = baogao.analyze(bom)
    assert r.text.startswith("\ufeff")
    assert r.headings[0].start == r.text.index("一、")
    assert baogao.decode(gbk)[0] == DUTY and baogao.decode(gbk)[1].upper() == "GB18030"


def test_to_dict_and_to_json_are_the_core_json(report_text):
    r = baogao.analyze(report_text)
    s = r.to_json()
    assert s.startswith('{"schema":"baogao/1"')
    d = r.to_dict()
    assert d == json.loads(s)
    assert d["offsets"] == "chars"
    for key in ("documents", "headings", "items", "stats", "boilerplate", "placeholders",
                "defects", "checklist"):
        assert isinstance(d[key], list)
    # to_dict returns a fresh dict every time: mutating it does not change the report.
    d["headings"].clear()
    assert r.to_dict()["headings"]
    assert json.loads(r.to_json(indent=2)) == json.loads(s)


def test_json_equals_the_cli_json(tmp_path, cli, report_text):
    for name, text in (("report", report_text), ("duty", DUTY), ("astral", "𠀀" + report_text)):
        f = tmp_path / f"{name}.txt"
        f.write_text(text, encoding="utf-8")
        out = subprocess.run([str(cli), "analyze", str(f), "--format", "json"],
                             check=True, capture_output=True, text=True).stdout
        assert baogao.analyze_file(f).to_json() == out.strip()
        assert baogao.analyze(text).to_json() == out.strip()


def test_analyze_file(tmp_path):
    f = tmp_path / "duty.txt"
    f.write_bytes(DUTY.encode("gb18030"))
    r = baogao.analyze_file(f)
    assert (r.text, r.encoding.upper(), r.source) == (DUTY, "GB18030", str(f))
    r = baogao.analyze_file(str(f), encoding="gbk")
    assert r.text == DUTY
    f.write_bytes(b"\xff\xfe" + DUTY.encode("utf-16-le"))
    assert baogao.analyze_file(f).text == DUTY


def test_rubric_choices(report_text):
    assert baogao.rubrics() == ["work-summary", "party-building", "duty-report", "gov-report"]
    r = baogao.analyze(report_text, rubric="none")
    assert r.checklist == ()
    for name in baogao.rubrics():
        r = baogao.analyze(report_text, rubric=name)
        assert {c.id for c in r.checklist} == {name}
        r = baogao.analyze(report_text, rubric=baogao.Rubric.builtin(name))
        assert {c.id for c in r.checklist} == {name}
    assert len(baogao.analyze(report_text).checklist) >= 1  # auto
    assert len(baogao.analyze(report_text, rubric="auto").checklist) >= 1


def test_rubric_from_toml_and_file(tmp_path, report_text):
    rub = baogao.Rubric.from_toml(RUBRIC_TOML, name="mine.toml")
    assert rub.id == "mine"
    assert "mine" in repr(rub)
    r = baogao.analyze(report_text, rubric=rub)
    assert [c.id for c in r.checklist] == ["mine"] * len(r.documents)
    f = tmp_path / "mine.toml"
    f.write_text(RUBRIC_TOML.replace('id = "mine"', 'id = "from-file"'), encoding="utf-8")
    assert baogao.Rubric.from_file(f).id == "from-file"
    assert baogao.Rubric.from_file(str(f)).id == "from-file"


def test_headings_tree_and_walk_on_a_nested_outline():
    # A hand-made baogao/1 document, so the tree helpers are tested whatever the core finds.
    text = "一、甲\n（一）子一\n1.孙\n（二）子二\n二、乙\n"
    def h(marker, title, depth, parent, end):
        start = text.index(marker + title)
        return {"start": start, "end": end, "title_end": start + len(marker + title),
                "document": 0, "depth": depth, "marker": marker, "marker_kind": "x",
                "ordinal": 1, "title": title, "parent": parent}
    heads = [h("一、", "甲", 1, None, text.index("二、")), h("（一）", "子一", 2, 0, text.index("（二）")),
             h("1.", "孙", 3, 1, text.index("（二）")), h("（二）", "子二", 2, 0, text.index("二、")),
             h("二、", "乙", 1, None, len(text))]
    doc = {"schema": "baogao/1", "offsets": "chars", "length": len(text),
           "documents": [{"start": 0, "end": len(text), "title": ""}], "headings": heads,
           "items": [], "stats": [], "boilerplate": [], "placeholders": [], "defects": [],
           "checklist": [], "diagnostics": [], "future_field": 1}
    r = baogao.Report(text, json.dumps(doc, ensure_ascii=False))
    hs = r.headings
    assert [x.title for x in hs.roots()] == ["甲", "乙"]
    assert [x.title for x in hs.children(hs[0])] == ["子一", "子二"]
    assert [x.title for x in hs.path(hs[2])] == ["甲", "子一"]
    tree = hs.tree()
    assert [n.heading.title for n in tree] == ["甲", "乙"]
    assert [n.heading.title for n in tree[0].children] == ["子一", "子二"]
    assert tree[0].children[0].children[0].heading.title == "孙"
    walked = [(len(path), x.title) for path, x in hs.walk()]
    assert walked == [(0, "甲"), (1, "子一"), (2, "孙"), (1, "子二"), (0, "乙")]
    assert [x.title for x in hs] == ["甲", "子一", "孙", "子二", "乙"]
    assert hs[1:3] == (hs[1], hs[2])
    assert r.headings[2].title_start == text.index("孙")
    # A parent pointing forwards (malformed) does not loop: the heading becomes a root.
    heads[0]["parent"] = 4
    r2 = baogao.Report(text, json.dumps(doc, ensure_ascii=False))
    assert len(list(r2.headings.walk())) == 5


def test_walk_agrees_with_document_order_on_real_analysis(report_text):
    r = baogao.analyze(report_text)
    walked = [x.index for _, x in r.headings.walk()]
    assert sorted(walked) == list(range(len(r.headings)))
    for path, x in r.headings.walk():
        assert len(path) == x.depth - 1
        assert all(p.start <= x.start and x.end <= p.end for p in path)


def test_section_of_and_section_path(report_text):
    r = baogao.analyze(report_text)
    for s in r.stats:
        h = r.section_of(s)
        if h is not None:
            assert h.start <= s.start < h.end
            assert r.section_path(s)[-1] == h


def test_repr_is_short(report_text):
    r = baogao.analyze(report_text * 50)
    s = repr(r)
    assert s.startswith("<baogao.Report") and "\n" not in s and len(s) < 200
