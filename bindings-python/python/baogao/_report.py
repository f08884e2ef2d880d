"""The Python ``Report``: the core's ``baogao/1`` JSON plus the analysed text, with typed views,
DataFrames and notebook display. No analysis happens here."""

from __future__ import annotations

import importlib
import json
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

from . import _views
from ._baogao import BaogaoError
from ._views import (
    Checklist,
    Defect,
    Diagnostic,
    Document,
    Heading,
    Headings,
    Item,
    Placeholder,
    Span,
    Stat,
)


def _pandas() -> Any:
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as e:
        raise ImportError(
            "baogao: DataFrames need pandas, which is not installed; "
            "install it with `pip install pandas` (or `pip install baogao[pandas]`)"
        ) from e
    return pandas


class Report:
    """Everything baogao found in one text. Offsets are characters into :attr:`text`.

    Made by :func:`baogao.analyze`, :func:`baogao.analyze_file` and
    :func:`baogao.analyze_batch`; read-only.
    """

    __slots__ = ("_text", "_json", "_dict", "_views", "_encoding", "_source")

    def __init__(
        self,
        text: str,
        json_text: str,
        encoding: Optional[str] = None,
        source: Optional[str] = None,
    ) -> None:
        self._text = text
        self._json = json_text
        self._dict: Optional[Dict[str, Any]] = None
        self._views: Optional[Dict[str, Any]] = None
        self._encoding = encoding
        self._source = source

    # --- the text and the JSON -------------------------------------------------------------

    @property
    def text(self) -> str:
        """The analysed text (the caller's ``str``, or the decoded text of bytes or a file)."""
        return self._text

    @property
    def encoding(self) -> Optional[str]:
        """The encoding the input was decoded from (``None`` when a ``str`` was given)."""
        return self._encoding

    @property
    def source(self) -> Optional[str]:
        """The file the text came from, when known."""
        return self._source

    def to_json(self, indent: Optional[int] = None) -> str:
        """The ``baogao/1`` JSON, exactly as the core (and the CLI) writes it; with
        ``indent``, re-indented (same content)."""
        if indent is None:
            return self._json
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def to_dict(self) -> Dict[str, Any]:
        """The ``baogao/1`` document as a new ``dict`` (``json.loads(report.to_json())``)."""
        return json.loads(self._json)

    def _d(self) -> Dict[str, Any]:
        if self._dict is None:
            self._dict = json.loads(self._json)
        return self._dict

    def _v(self, name: str) -> Any:
        if self._views is None:
            self._views = _views.build(self._d())
        return self._views[name]

    # --- typed views -----------------------------------------------------------------------

    @property
    def documents(self) -> Tuple[Document, ...]:
        """The reports in the text (at least one for any non-empty text)."""
        return self._v("documents")  # type: ignore[no-any-return]

    @property
    def headings(self) -> Headings:
        """All headings in document order, with ``tree()``, ``walk()``, ``path()``."""
        return self._v("headings")  # type: ignore[no-any-return]

    @property
    def items(self) -> Tuple[Item, ...]:
        """Inline list items."""
        return self._v("items")  # type: ignore[no-any-return]

    @property
    def stats(self) -> Tuple[Stat, ...]:
        """Statistics and dates."""
        return self._v("stats")  # type: ignore[no-any-return]

    @property
    def boilerplate(self) -> Tuple[Span, ...]:
        """Blocks of text that are not the report (page chrome, site headers…)."""
        return self._v("boilerplate")  # type: ignore[no-any-return]

    @property
    def placeholders(self) -> Tuple[Placeholder, ...]:
        """Template placeholders."""
        return self._v("placeholders")  # type: ignore[no-any-return]

    @property
    def defects(self) -> Tuple[Defect, ...]:
        """Numeric defects."""
        return self._v("defects")  # type: ignore[no-any-return]

    @property
    def checklist(self) -> Tuple[Checklist, ...]:
        """Checklist scores, one per document (and rubric)."""
        return self._v("checklist")  # type: ignore[no-any-return]

    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]:
        """Notes about odd input."""
        return self._v("diagnostics")  # type: ignore[no-any-return]

    def section_of(self, x: Union[Stat, Item]) -> Optional[Heading]:
        """The innermost heading whose section holds ``x``."""
        hs = self.headings
        if x.section is None or not 0 <= x.section < len(hs):
            return None
        return hs[x.section]

    def section_path(self, x: Union[Stat, Item]) -> Tuple[Heading, ...]:
        """The headings holding ``x``, outermost first."""
        h = self.section_of(x)
        return () if h is None else self.headings.path(h) + (h,)

    # --- DataFrames ------------------------------------------------------------------------

    def stats_frame(self) -> Any:
        """The statistics as a pandas DataFrame, one row each (needs pandas)."""
        return _frame(_stats_rows(self), STATS_COLUMNS)

    def headings_frame(self) -> Any:
        """The headings as a pandas DataFrame, one row each (needs pandas)."""
        return _frame(_headings_rows(self), HEADINGS_COLUMNS)

    def checklist_frame(self) -> Any:
        """The checklist as a pandas DataFrame, one row per item (needs pandas)."""
        return _frame(_checklist_rows(self), CHECKLIST_COLUMNS)

    # --- display ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        d = self._d()
        n = lambda k: len(d.get(k) or ())  # noqa: E731
        first = self.documents[0].title if self.documents else ""
        title = f" {first[:20]!r}" if first else ""
        return (
            f"<baogao.Report{title} {d.get('length', len(self._text))} chars: "
            f"{n('documents')} documents, {n('headings')} headings, {n('stats')} stats, "
            f"{n('defects')} defects>"
        )

    def _repr_html_(self) -> str:
        from ._html import render

        return render(self)


STATS_COLUMNS = (
    "stat",
    "document",
    "section",
    "section_title",
    "start",
    "end",
    "text",
    "kind",
    "value",
    "high",
    "unit",
    "approx",
    "subject",
)

HEADINGS_COLUMNS = (
    "heading",
    "document",
    "depth",
    "parent",
    "marker",
    "marker_kind",
    "ordinal",
    "title",
    "start",
    "end",
    "title_end",
)

CHECKLIST_COLUMNS = (
    "document",
    "rubric",
    "score",
    "max",
    "grade",
    "item",
    "verdict",
    "passed",
    "points",
    "item_max",
    "message",
    "suggestion",
)


# Index columns that may be missing: pandas' nullable integers keep them integers.
_NULLABLE_INTS = {"section", "parent", "ordinal"}


def _frame(rows: List[Tuple[Any, ...]], columns: Sequence[str]) -> Any:
    df = _pandas().DataFrame(rows, columns=list(columns))
    for c in _NULLABLE_INTS.intersection(columns):
        df[c] = df[c].astype("Int64")
    return df


def _stats_rows(r: Report) -> List[Tuple[Any, ...]]:
    rows: List[Tuple[Any, ...]] = []
    for s in r.stats:
        h = r.section_of(s)
        rows.append(
            (
                s.index,
                s.document,
                s.section,
                h.title if h is not None else None,
                s.start,
                s.end,
                s.text,
                s.kind,
                s.value,
                s.high,
                s.unit,
                s.approx,
                s.subject,
            )
        )
    return rows


def _headings_rows(r: Report) -> List[Tuple[Any, ...]]:
    return [
        (
            h.index,
            h.document,
            h.depth,
            h.parent,
            h.marker,
            h.marker_kind,
            h.ordinal,
            h.title,
            h.start,
            h.end,
            h.title_end,
        )
        for h in r.headings
    ]


def _checklist_rows(r: Report) -> List[Tuple[Any, ...]]:
    rows: List[Tuple[Any, ...]] = []
    for c in r.checklist:
        for it in c.items:
            rows.append(
                (
                    c.document,
                    c.id,
                    c.score,
                    c.max,
                    c.grade,
                    it.id,
                    it.verdict,
                    it.passed,
                    it.points,
                    it.max,
                    it.message,
                    it.suggestion,
                )
            )
        if not c.items:
            rows.append((c.document, c.id, c.score, c.max, c.grade) + (None,) * 7)
    return rows


_FRAMES = {
    "stats": (_stats_rows, STATS_COLUMNS),
    "headings": (_headings_rows, HEADINGS_COLUMNS),
    "checklist": (_checklist_rows, CHECKLIST_COLUMNS),
}


def batch_frame(
    reports: Iterable[Union[Report, BaseException]],
    kind: str = "stats",
    ids: Optional[Sequence[Any]] = None,
) -> Any:
    """One long pandas DataFrame over many reports (``kind``: ``"stats"``, ``"headings"`` or
    ``"checklist"``), with a first column ``doc_id``: ``ids[i]`` when given, else the position
    ``i``. Error entries (from :func:`baogao.analyze_batch`) are skipped."""
    if kind not in _FRAMES:
        raise ValueError(f"kind must be one of {sorted(_FRAMES)}, not {kind!r}")
    rows_of, columns = _FRAMES[kind]
    _pandas()
    reports = list(reports)
    if ids is not None and len(ids) != len(reports):
        raise ValueError(f"{len(ids)} ids for {len(reports)} reports")
    rows: List[Tuple[Any, ...]] = []
    for i, r in enumerate(reports):
        if not isinstance(r, Report):
            continue
        doc_id = ids[i] if ids is not None else i
        rows.extend((doc_id,) + row for row in rows_of(r))
    return _frame(rows, ["doc_id", *columns])

