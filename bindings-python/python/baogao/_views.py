"""Typed, read-only views of a report (built from its ``baogao/1`` JSON).

Every ``start``/``end`` is a character offset into the analysed ``str``, end exclusive, so
``report.text[x.start:x.end]`` is the text of ``x``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Type, TypeVar, Union, overload

T = TypeVar("T")


def _make(cls: Type[T], d: Dict[str, Any], **extra: Any) -> T:
    """Builds ``cls`` from the JSON object ``d``, ignoring fields this version does not know."""
    names = {f.name for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    kw = {k: v for k, v in d.items() if k in names}
    kw.update(extra)
    return cls(**kw)


@dataclass(frozen=True)
class Span:
    """A character range ``start:end`` (boilerplate blocks, checklist evidence)."""

    start: int = 0
    end: int = 0

    def slice(self, text: str) -> str:
        """The text of the span in ``text`` (the analysed string)."""
        return text[self.start : self.end]


@dataclass(frozen=True)
class Document:
    """One report inside the text (a file usually holds one)."""

    start: int = 0
    end: int = 0
    title: str = ""
    index: int = 0


@dataclass(frozen=True)
class Heading:
    """A heading; ``start:end`` is its whole section, ``title_start:title_end`` its title."""

    start: int = 0
    end: int = 0
    title_end: int = 0
    document: int = 0
    depth: int = 1
    marker: str = ""
    marker_kind: str = ""
    ordinal: Optional[int] = None
    title: str = ""
    parent: Optional[int] = None
    index: int = 0

    @property
    def title_start(self) -> int:
        """Where the title starts (after the marker)."""
        return self.title_end - len(self.title)


@dataclass(frozen=True)
class Item:
    """An inline list item (``一是…``, ``第一，…``, ``——…``)."""

    start: int = 0
    end: int = 0
    document: int = 0
    marker: str = ""
    kind: str = ""
    ordinal: Optional[int] = None
    section: Optional[int] = None
    index: int = 0


@dataclass(frozen=True)
class Stat:
    """A statistic: a quantity with its normalised value, unit and approximation."""

    start: int = 0
    end: int = 0
    text: str = ""
    kind: str = ""
    value: Optional[float] = None
    high: Optional[float] = None
    unit: str = ""
    approx: Optional[str] = None
    subject: Optional[str] = None
    document: int = 0
    section: Optional[int] = None
    index: int = 0


@dataclass(frozen=True)
class Placeholder:
    """A template placeholder left in the text (``20_年``, ``xx社区``)."""

    start: int = 0
    end: int = 0
    text: str = ""


@dataclass(frozen=True)
class Defect:
    """A numeric defect worth a warning (``unit-missing``, ``share-over-100``, …)."""

    start: int = 0
    end: int = 0
    code: str = ""
    message: str = ""


@dataclass(frozen=True)
class ChecklistItem:
    """One scored item of a checklist."""

    id: str = ""
    passed: bool = False
    verdict: str = ""
    points: float = 0.0
    max: float = 0.0
    evidence: Tuple[Span, ...] = ()
    message: str = ""
    suggestion: Optional[str] = None


@dataclass(frozen=True)
class Checklist:
    """A document's score against one rubric."""

    document: int = 0
    id: str = ""
    score: float = 0.0
    max: float = 0.0
    grade: str = ""
    items: Tuple[ChecklistItem, ...] = ()


@dataclass(frozen=True)
class Diagnostic:
    """A note about something odd in the input that the analysis worked around."""

    start: Optional[int] = None
    end: Optional[int] = None
    code: str = ""
    message: str = ""


@dataclass(frozen=True)
class HeadingNode:
    """A heading with its sub-headings, as given by :meth:`Headings.tree`."""

    heading: Heading
    children: Tuple["HeadingNode", ...] = field(default=())


class Headings(Sequence[Heading]):
    """All headings of a report in document order (a read-only sequence), with tree helpers."""

    def __init__(self, headings: Iterable[Heading] = ()) -> None:
        self._items = tuple(headings)

    @overload
    def __getitem__(self, i: int) -> Heading: ...

    @overload
    def __getitem__(self, i: slice) -> Tuple[Heading, ...]: ...

    def __getitem__(self, i: Union[int, slice]) -> Union[Heading, Tuple[Heading, ...]]:
        return self._items[i]

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Headings):
            return self._items == other._items
        if isinstance(other, tuple):
            return self._items == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __repr__(self) -> str:
        return f"Headings({list(self._items)!r})"

    def roots(self, document: Optional[int] = None) -> List[Heading]:
        """Top-level headings (of one document, or of all)."""
        return [
            h
            for h in self
            if h.parent is None and (document is None or h.document == document)
        ]

    def children(self, heading: Heading) -> List[Heading]:
        """The direct sub-headings of ``heading``."""
        return [h for h in self if h.parent == heading.index]

    def path(self, heading: Heading) -> Tuple[Heading, ...]:
        """The headings enclosing ``heading``, outermost first (``heading`` excluded)."""
        out: List[Heading] = []
        seen = set()
        cur = heading.parent
        while cur is not None and 0 <= cur < len(self) and cur not in seen:
            seen.add(cur)
            out.append(self[cur])
            cur = self[cur].parent
        out.reverse()
        return tuple(out)

    def tree(self) -> List[HeadingNode]:
        """The outline as a forest: top-level headings with their sub-headings."""
        kids: Dict[Optional[int], List[int]] = {}
        for h in self:
            # A parent always comes before its child; anything else is treated as a root.
            parent = h.parent if h.parent is not None and 0 <= h.parent < h.index else None
            kids.setdefault(parent, []).append(h.index)

        def node(i: int) -> HeadingNode:
            return HeadingNode(self[i], tuple(node(c) for c in kids.get(i, [])))

        return [node(i) for i in kids.get(None, [])]

    def walk(self) -> Iterator[Tuple[Tuple[Heading, ...], Heading]]:
        """Yields ``(path, heading)`` depth first (document order); ``path`` holds the
        enclosing headings, so ``len(path)`` is the indentation level."""
        stack: List[Tuple[Tuple[Heading, ...], HeadingNode]] = [
            ((), n) for n in reversed(self.tree())
        ]
        while stack:
            path, n = stack.pop()
            yield path, n.heading
            sub = path + (n.heading,)
            stack.extend((sub, c) for c in reversed(n.children))


def build(d: Dict[str, Any]) -> Dict[str, Any]:
    """All views of the report whose JSON object is ``d``."""

    def spans(xs: Any) -> Tuple[Span, ...]:
        return tuple(_make(Span, x) for x in xs or ())

    checklist = []
    for c in d.get("checklist") or ():
        items = tuple(
            _make(ChecklistItem, it, evidence=spans(it.get("evidence")))
            for it in c.get("items") or ()
        )
        checklist.append(_make(Checklist, c, items=items))
    return {
        "documents": tuple(
            _make(Document, x, index=i) for i, x in enumerate(d.get("documents") or ())
        ),
        "headings": Headings(
            _make(Heading, x, index=i) for i, x in enumerate(d.get("headings") or ())
        ),
        "items": tuple(_make(Item, x, index=i) for i, x in enumerate(d.get("items") or ())),
        "stats": tuple(_make(Stat, x, index=i) for i, x in enumerate(d.get("stats") or ())),
        "boilerplate": spans(d.get("boilerplate")),
        "placeholders": tuple(_make(Placeholder, x) for x in d.get("placeholders") or ()),
        "defects": tuple(_make(Defect, x) for x in d.get("defects") or ()),
        "checklist": tuple(checklist),
        "diagnostics": tuple(_make(Diagnostic, x) for x in d.get("diagnostics") or ()),
    }
