"""``Report._repr_html_``: the outline, the text with statistics highlighted, and the
scorecard. Everything from the text is HTML-escaped."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, List, Tuple

if TYPE_CHECKING:
    from ._report import Report

_STYLE = """<style>
.baogao{font-family:system-ui,sans-serif;font-size:13px;line-height:1.5}
.baogao h4{margin:.6em 0 .2em}
.baogao .text{white-space:pre-wrap;max-height:32em;overflow:auto;border:1px solid #ccc;
padding:.5em;background:#fcfcfc}
.baogao mark.stat{background:#ffe28a;border-radius:2px}
.baogao mark.ph{background:#f8b4b4;border-radius:2px}
.baogao .bp{color:#999}
.baogao table{border-collapse:collapse}
.baogao td,.baogao th{border:1px solid #ddd;padding:1px 6px;text-align:left}
.baogao .pass{color:#18794e}.baogao .fail{color:#b42318}
</style>"""

_MAX_CHARS = 200_000


def _outline(r: "Report") -> str:
    out = []
    for path, h in r.headings.walk():
        pad = "&nbsp;" * 4 * len(path)
        out.append(
            f"<div>{pad}<b>{escape(h.marker)}</b>{escape(h.title)} "
            f'<span class="bp">[{h.start}:{h.end}]</span></div>'
        )
    return "".join(out) or "<div><i>no headings</i></div>"


def _marked_text(r: "Report") -> str:
    text = r.text
    cut = len(text) > _MAX_CHARS
    if cut:
        text = text[:_MAX_CHARS]
    marks: List[Tuple[int, int, str, str]] = []
    for s in r.stats:
        value = "" if s.value is None else f" = {s.value:g}"
        if s.high is not None:
            value += f"–{s.high:g}"
        tip = f"{s.kind}{value} {s.unit}".strip()
        if s.subject:
            tip += f" · {s.subject}"
        marks.append((s.start, s.end, "stat", tip))
    for p in r.placeholders:
        marks.append((p.start, p.end, "ph", "placeholder"))
    for b in r.boilerplate:
        marks.append((b.start, b.end, "bp", "boilerplate"))
    marks.sort(key=lambda m: (m[0], -m[1]))
    out = []
    pos = 0
    for start, end, cls, tip in marks:
        if start < pos or end <= start or start >= len(text):
            continue  # overlapping or outside the shown text: shown without a mark
        end = min(end, len(text))
        out.append(escape(text[pos:start]))
        tag = "span" if cls == "bp" else "mark"
        out.append(
            f'<{tag} class="{cls}" title="{escape(tip)}">{escape(text[start:end])}</{tag}>'
        )
        pos = end
    out.append(escape(text[pos:]))
    if cut:
        out.append(f"\n… ({len(r.text) - _MAX_CHARS} more characters)")
    return "".join(out)


def _scorecard(r: "Report") -> str:
    if not r.checklist:
        return "<div><i>not scored</i></div>"
    rows = []
    for c in r.checklist:
        rows.append(
            f"<tr><th colspan=4>document {c.document} · {escape(c.id)}: "
            f"{c.score:g}/{c.max:g} {escape(c.grade)}</th></tr>"
        )
        for it in c.items:
            cls = "pass" if it.passed else "fail"
            note = escape(it.message)
            if it.suggestion:
                note += f"<br><i>{escape(it.suggestion)}</i>"
            rows.append(
                f'<tr><td>{escape(it.id)}</td><td class="{cls}">{escape(it.verdict)}</td>'
                f"<td>{it.points:g}/{it.max:g}</td><td>{note}</td></tr>"
            )
    return f"<table>{''.join(rows)}</table>"


def render(r: "Report") -> str:
    """The HTML shown for a report in Jupyter."""
    n_stats = len(r.stats)
    return (
        f'{_STYLE}<div class="baogao">'
        f"<div>{escape(repr(r))}</div>"
        f"<h4>Outline</h4>{_outline(r)}"
        f"<h4>Text ({n_stats} statistics highlighted)</h4>"
        f'<div class="text">{_marked_text(r)}</div>'
        f"<h4>Scorecard</h4>{_scorecard(r)}</div>"
    )
