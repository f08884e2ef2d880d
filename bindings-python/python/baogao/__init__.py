"""baogao reads Chinese work reports (工作总结, 党建工作总结, 述职报告, 政府工作报告) and returns
their outline, statistics and checklist score, every finding with an exact span.

>>> import baogao
>>> text = "2023年社区工作总结\\n一、主要成绩\\n全年新发展党员12名。\\n"
>>> report = baogao.analyze(text)
>>> [h.title for h in report.headings]
['主要成绩']

Offsets are characters into the analysed ``str``: ``text[x.start:x.end]`` is the text of ``x``.
All analysis happens in the Rust core; this package only presents its results.
"""

from __future__ import annotations

import os
from typing import Iterable, List, Optional, Union

from ._baogao import (
    BaogaoError,
    DecodeError,
    Rubric,
    RubricError,
    __version__,
    analyze_batch_json as _analyze_batch_json,
    analyze_file_json as _analyze_file_json,
    analyze_json as _analyze_json,
    decode,
    rubrics,
)
from ._report import Report, batch_frame
from ._views import (
    Checklist,
    ChecklistItem,
    Defect,
    Diagnostic,
    Document,
    Heading,
    HeadingNode,
    Headings,
    Item,
    Placeholder,
    Span,
    Stat,
)

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

RubricArg = Union[Rubric, str, None]


def analyze(text: Union[str, bytes], rubric: RubricArg = None) -> Report:
    """Analyses one report.

    ``text`` is a ``str`` (lone surrogates, as from ``errors="surrogateescape"``, are analysed
    as U+FFFD, one for one, so offsets still index ``text``) or ``bytes`` (decoded like the CLI:
    UTF-8, BOM, UTF-16 with BOM, GB18030). ``rubric`` is ``None``/``"auto"`` (a built-in chosen
    per document), ``"none"`` (no checklist), a built-in name (:func:`rubrics`) or a
    :class:`Rubric`.

    Raises :class:`DecodeError` for undecodable bytes, :class:`BaogaoError` for an unknown
    rubric name, ``TypeError`` for other input types.
    """
    json_text, decoded, encoding = _analyze_json(text, rubric)
    if decoded is None:
        assert isinstance(text, str)
        return Report(text, json_text)
    return Report(decoded, json_text, encoding)


def analyze_file(
    path: Union[str, "os.PathLike[str]"],
    encoding: Optional[str] = None,
    rubric: RubricArg = None,
) -> Report:
    """Reads, decodes and analyses a file. ``encoding`` is ``None``/``"auto"`` (UTF-8 with or
    without BOM, UTF-16 with BOM, else GB18030) or a name such as ``"gb18030"``.

    Raises ``OSError`` when the file cannot be read and :class:`DecodeError` (with ``byte``, the
    offset of the first bad byte) when it is not text in that encoding.
    """
    json_text, decoded, enc = _analyze_file_json(path, encoding, rubric)
    return Report(decoded or "", json_text, enc, os.fspath(path))


def analyze_batch(
    texts: Iterable[Union[str, bytes]],
    rubric: RubricArg = None,
    threads: Optional[int] = None,
) -> List[Union[Report, BaogaoError]]:
    """Analyses many texts in parallel and returns one entry per input, in input order.

    The inputs are copied, then the GIL is released while a pool of ``threads`` native threads
    (``None``: one per CPU) analyses them, so other Python threads keep running.

    A bad input does not spoil the batch: its entry is a :class:`BaogaoError` *instance* (not
    raised) whose ``index`` is the input's position — a :class:`DecodeError` for bytes that are
    not text, a plain :class:`BaogaoError` for an input that is neither ``str`` nor ``bytes``
    (``kind == "input"``) — and every other entry is a :class:`Report`. Filter with
    ``isinstance(r, baogao.Report)``. A bad ``rubric`` or ``threads`` raises at once.
    """
    items = list(texts)
    out: List[Union[Report, BaogaoError]] = []
    for original, entry in zip(items, _analyze_batch_json(items, rubric, threads)):
        if isinstance(entry, BaseException):
            out.append(entry)
            continue
        json_text, decoded, encoding = entry
        if decoded is None:
            out.append(Report(original, json_text))
        else:
            out.append(Report(decoded, json_text, encoding))
    return out

