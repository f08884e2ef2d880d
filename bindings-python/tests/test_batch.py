"""analyze_batch: order, threads, per-input errors, the GIL released."""

import threading
import time

import pytest

import baogao
from conftest import DUTY, REPORT, RUBRIC_TOML


def texts(n):
    return [f"第{i}号\n一、标题{i}\n全年完成{i}件。\n二、问题\n" for i in range(n)]


def test_results_in_input_order_and_equal_to_analyze():
    ts = texts(40) + [REPORT, DUTY]
    for threads in (None, 1, 2, 3):
        out = baogao.analyze_batch(ts, threads=threads)
        assert len(out) == len(ts)
        for t, r in zip(ts, out):
            assert isinstance(r, baogao.Report)
            assert r.text is t
            assert r.to_json() == baogao.analyze(t).to_json()


def test_accepts_any_iterable_and_copies_it():
    gen = (t for t in texts(5))
    out = baogao.analyze_batch(gen)
    assert [r.headings[0].title for r in out] == [f"标题{i}" for i in range(5)]  # type: ignore[union-attr]
    assert baogao.analyze_batch([]) == []


def test_rubric_applies_to_every_input():
    out = baogao.analyze_batch([REPORT, DUTY], rubric="duty-report")
    for r in out:
        assert isinstance(r, baogao.Report)
        assert {c.id for c in r.checklist} == {"duty-report"}
    out = baogao.analyze_batch([REPORT], rubric=baogao.Rubric.from_toml(RUBRIC_TOML))
    assert out[0].checklist[0].id == "mine"  # type: ignore[union-attr]


def test_one_bad_input_returns_an_error_object_for_it_only():
    ts = [REPORT, b"\xff\xfe\x00", 42, DUTY.encode("gb18030"), None, DUTY]
    out = baogao.analyze_batch(ts, threads=2)  # type: ignore[arg-type]
    assert isinstance(out[0], baogao.Report) and out[0].text is REPORT
    assert isinstance(out[1], baogao.DecodeError) and out[1].index == 1
    assert isinstance(out[2], baogao.BaogaoError) and out[2].index == 2
    assert out[2].kind == "input" and "int" in str(out[2])
    assert isinstance(out[3], baogao.Report)
    assert out[3].text == DUTY and (out[3].encoding or "").upper() == "GB18030"
    assert isinstance(out[4], baogao.BaogaoError) and out[4].index == 4
    assert isinstance(out[5], baogao.Report) and out[5].text is DUTY


def test_bad_arguments_raise_at_once():
    with pytest.raises(ValueError):
        baogao.analyze_batch(["x"], threads=0)
    with pytest.raises(OverflowError):
        baogao.analyze_batch(["x"], threads=-1)
    with pytest.raises(baogao.BaogaoError):
        baogao.analyze_batch(["x"], rubric="nope")


def test_the_gil_is_released_while_the_batch_runs():
    big = [REPORT * 400] * 24
    ticks = []
    stop = threading.Event()

    def tick():
        while not stop.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.0005)

    th = threading.Thread(target=tick)
    th.start()
    try:
        time.sleep(0.01)
        t0 = time.perf_counter()
        baogao.analyze_batch(big, threads=2)
        t1 = time.perf_counter()
    finally:
        stop.set()
        th.join()
    if t1 - t0 < 0.05:
        pytest.skip(f"the batch took {t1 - t0:.3f}s: too short to tell")
    during = [t for t in ticks if t0 < t < t1]
    # With the GIL held for the whole call the other thread could not tick at all.
    assert len(during) >= 3, (len(during), t1 - t0)


def _child(q):  # runs in a forked process
    out = baogao.analyze_batch(texts(8), threads=2)
    q.put([r.headings[0].title for r in out])  # type: ignore[union-attr]


def test_a_batch_works_in_a_forked_child_after_one_in_the_parent():
    import multiprocessing

    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("no fork on this platform")
    baogao.analyze_batch(texts(8), threads=2)  # the parent's pool exists now
    baogao.analyze_batch(texts(8))
    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(q,))
    p.start()
    p.join(120)
    if p.is_alive():
        p.kill()
        pytest.fail("analyze_batch hung in a forked child")
    assert p.exitcode == 0
    assert q.get(timeout=5) == [f"标题{i}" for i in range(8)]
