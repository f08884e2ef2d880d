import os
from dataclasses import dataclass
from typing import Any, final, overload, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

__version__: str
__all__ = [
    "BaogaoError",
    "Checklist",
    "ChecklistItem",
    "DecodeError",
    "Defect",
    "Diagnostic",
    "Document",
    "Heading",
    "HeadingNode",
    "Headings",
    "Item",
    "Placeholder",
    "Report",
    "Rubric",
    "RubricError",
    "Span",
    "Stat",
    "__version__",
    "analyze",
    "analyze_batch",
    "analyze_file",
    "batch_frame",
    "decode",
    "rubrics",
]

class BaogaoError(Exception):
    """Base class of every baogao error."""

    kind: Optional[str]
    line: Optional[int]
    column: Optional[int]
    file: Optional[str]
    byte: Optional[int]
    index: Optional[int]

class RubricError(BaogaoError): ...
class DecodeError(BaogaoError): ...

@final
class Rubric:
    @staticmethod
    def from_toml(source: str, name: Optional[str] = None) -> Rubric: ...
    @staticmethod
    def from_file(path: Union[str, os.PathLike[str]]) -> Rubric: ...
    @staticmethod
    def builtin(name: str) -> Rubric: ...
    @property
    def id(self) -> str: ...

RubricArg = Union[Rubric, str, None]

def rubrics() -> List[str]: ...
def decode(data: bytes, encoding: Optional[str] = None) -> Tuple[str, str]: ...
@dataclass(frozen=True)
class Span:
    start: int = 0
    end: int = 0
    def slice(self, text: str) -> str: ...

@dataclass(frozen=True)
class Document:
    start: int = 0
    end: int = 0
    title: str = ""
    index: int = 0

@dataclass(frozen=True)
class Heading:
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
    def title_start(self) -> int: ...

@dataclass(frozen=True)
class Item:
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
    start: int = 0
    end: int = 0
    text: str = ""

@dataclass(frozen=True)
class Defect:
    start: int = 0
    end: int = 0
    code: str = ""
    message: str = ""

@dataclass(frozen=True)
class ChecklistItem:
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
    document: int = 0
    id: str = ""
    score: float = 0.0
    max: float = 0.0
    grade: str = ""
    items: Tuple[ChecklistItem, ...] = ()

@dataclass(frozen=True)
class Diagnostic:
    start: Optional[int] = None
    end: Optional[int] = None
    code: str = ""
    message: str = ""

@dataclass(frozen=True)
class HeadingNode:
    heading: Heading
    children: Tuple[HeadingNode, ...] = ()

class Headings(Sequence[Heading]):
    def __init__(self, headings: Iterable[Heading] = ()) -> None: ...
    @overload
    def __getitem__(self, i: int) -> Heading: ...
    @overload
    def __getitem__(self, i: slice) -> Tuple[Heading, ...]: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def roots(self, document: Optional[int] = None) -> List[Heading]: ...
    def children(self, heading: Heading) -> List[Heading]: ...
    def path(self, heading: Heading) -> Tuple[Heading, ...]: ...
    def tree(self) -> List[HeadingNode]: ...
    def walk(self) -> Iterator[Tuple[Tuple[Heading, ...], Heading]]: ...

class Report:
    def __init__(
        self,
        text: str,
        json_text: str,
        encoding: Optional[str] = None,
        source: Optional[str] = None,
    ) -> None: ...
    @property
    def text(self) -> str: ...
    @property
    def encoding(self) -> Optional[str]: ...
    @property
    def source(self) -> Optional[str]: ...
    def to_json(self, indent: Optional[int] = None) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    @property
    def documents(self) -> Tuple[Document, ...]: ...
    @property
    def headings(self) -> Headings: ...
    @property
    def items(self) -> Tuple[Item, ...]: ...
    @property
    def stats(self) -> Tuple[Stat, ...]: ...
    @property
    def boilerplate(self) -> Tuple[Span, ...]: ...
    @property
    def placeholders(self) -> Tuple[Placeholder, ...]: ...
    @property
    def defects(self) -> Tuple[Defect, ...]: ...
    @property
    def checklist(self) -> Tuple[Checklist, ...]: ...
    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]: ...
    def section_of(self, x: Union[Stat, Item]) -> Optional[Heading]: ...
    def section_path(self, x: Union[Stat, Item]) -> Tuple[Heading, ...]: ...
    def stats_frame(self) -> Any: ...
    def headings_frame(self) -> Any: ...
    def checklist_frame(self) -> Any: ...
    def _repr_html_(self) -> str: ...

def analyze(text: Union[str, bytes], rubric: RubricArg = None) -> Report: ...
def analyze_file(
    path: Union[str, os.PathLike[str]],
    encoding: Optional[str] = None,
    rubric: RubricArg = None,
) -> Report: ...
def analyze_batch(
    texts: Iterable[Union[str, bytes]],
    rubric: RubricArg = None,
    threads: Optional[int] = None,
) -> List[Union[Report, BaogaoError]]: ...
def batch_frame(
    reports: Iterable[Union[Report, BaseException]],
    kind: str = "stats",
    ids: Optional[Sequence[Any]] = None,
) -> Any: ...
