"""Errors: the BaogaoError hierarchy, locations, and no PanicException ever."""

import pytest

import baogao
from baogao import _baogao


def test_hierarchy():
    assert issubclass(baogao.RubricError, baogao.BaogaoError)
    assert issubclass(baogao.DecodeError, baogao.BaogaoError)
    assert issubclass(baogao.BaogaoError, Exception)
    e = baogao.BaogaoError("x")
    assert (e.line, e.column, e.byte, e.file, e.kind, e.index) == (None,) * 6


def test_rubric_error_has_line_and_column():
    with pytest.raises(baogao.RubricError) as ei:
        baogao.Rubric.from_toml('id = "ok"\nitems = [\n  {id = }\n]\n', name="bad.toml")
    e = ei.value
    assert isinstance(e, baogao.BaogaoError)
    assert e.kind == "rubric"
    assert e.line == 3 and e.column is not None and e.column >= 1
    assert e.file == "bad.toml"
    assert "bad.toml:3:" in str(e)


def test_rubric_error_from_file(tmp_path):
    f = tmp_path / "r.toml"
    f.write_text("id = \n", encoding="utf-8")
    with pytest.raises(baogao.RubricError) as ei:
        baogao.Rubric.from_file(f)
    assert ei.value.line == 1 and ei.value.file == str(f)
    with pytest.raises(FileNotFoundError):
        baogao.Rubric.from_file(tmp_path / "missing.toml")
    f.write_bytes(b'id = "\xff"\n')
    with pytest.raises(baogao.DecodeError) as ei:
        baogao.Rubric.from_file(f)
    assert ei.value.byte == 6


def test_decode_error_has_the_byte_offset(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes("工作".encode("utf-8") + b"\xff\xff" + "总结".encode("utf-8"))
    with pytest.raises(baogao.DecodeError) as ei:
        baogao.analyze_file(f, encoding="utf-8")
    e = ei.value
    assert e.byte == 6 and e.kind == "decode" and e.file == str(f)
    with pytest.raises(baogao.DecodeError) as ei:
        baogao.analyze(b"\xff\xfe\x00")  # a UTF-16 BOM and half a code unit
    assert ei.value.byte is not None
    with pytest.raises(baogao.DecodeError):
        baogao.decode(b"\x81", "gb18030")


def test_invalid_input_errors(tmp_path):
    with pytest.raises(baogao.BaogaoError) as ei:
        baogao.analyze("一、概况", rubric="no-such-rubric")
    assert ei.value.kind == "invalid-input" and "work-summary" in str(ei.value)
    with pytest.raises(baogao.BaogaoError):
        baogao.Rubric.builtin("no-such-rubric")
    f = tmp_path / "a.txt"
    f.write_text("一、概况", encoding="utf-8")
    with pytest.raises(baogao.BaogaoError) as ei:
        baogao.analyze_file(f, encoding="klingon")
    assert ei.value.kind == "invalid-input"
    with pytest.raises(FileNotFoundError):
        baogao.analyze_file(tmp_path / "missing.txt")
    with pytest.raises(TypeError):
        baogao.analyze(123)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        baogao.analyze("x", rubric=3)  # type: ignore[arg-type]


@pytest.fixture
def panicking():
    _baogao._set_test_panic("☠PANIC☠")
    try:
        yield "☠PANIC☠"
    finally:
        _baogao._set_test_panic(None)


def test_a_rust_panic_is_a_baogao_error_not_a_panic_exception(panicking):
    with pytest.raises(baogao.BaogaoError) as ei:
        baogao.analyze("一、概况" + panicking)
    assert ei.value.kind == "internal"
    assert "internal error" in str(ei.value)
    assert type(ei.value).__name__ != "PanicException"
    # The interpreter and the module still work afterwards.
    assert baogao.analyze("一、概况\n").headings


def test_a_panic_in_a_batch_spoils_only_its_entry(panicking):
    texts = ["一、甲\n", "二、乙" + panicking, "三、丙\n"]
    out = baogao.analyze_batch(texts, threads=2)
    assert isinstance(out[0], baogao.Report) and isinstance(out[2], baogao.Report)
    assert isinstance(out[1], baogao.BaogaoError)
    assert out[1].index == 1 and out[1].kind == "internal"


HOSTILE = [
    "",
    "\n",
    "\r\r\n\r",
    "\x00" * 1000,
    "\ufeff",
    "\ufeff\ufeff一、",
    "一、" * 20000,
    "（" * 5000 + "）" * 5000,
    "1." * 10000,
    "12" * 50000 + "%",
    "第" * 3000 + "章",
    "①②③④⑤⑥⑦⑧⑨⑩" * 1000,
    "\u3000" * 1000 + "一、\u3000",
    "a" * 1_000_000,
    "\udcff" * 100 + "一、\ud800",
    "😀" * 1000 + "\n一、😀\n" + "万亿" * 1000,
    "".join(chr(c) for c in range(0x20, 0x3000)),
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_inputs_give_reports(text):
    r = baogao.analyze(text)
    assert r.to_dict()["length"] == len(text)
    for h in r.headings:
        assert 0 <= h.start <= h.end <= len(text)
    for s in r.stats:
        assert text[s.start : s.end] == s.text or "\udcff" in text or "\ud800" in text
    r._repr_html_()


def test_hostile_inputs_in_one_batch():
    out = baogao.analyze_batch(HOSTILE, threads=2)
    assert all(isinstance(r, baogao.Report) for r in out)
    assert [r.text for r in out] == HOSTILE  # type: ignore[union-attr]
