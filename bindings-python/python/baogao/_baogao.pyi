# The native module (Rust, pyo3). Use the `baogao` package, not this module.
import os
from typing import final, List, Optional, Tuple, Union

__version__: str
__all__ = [
    "BaogaoError",
    "RubricError",
    "DecodeError",
    "Rubric",
    "rubrics",
    "decode",
    "analyze_json",
    "analyze_file_json",
    "analyze_batch_json",
    "_set_test_panic",
    "__version__",
]

class BaogaoError(Exception):
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

_Analysis = Tuple[str, Optional[str], Optional[str]]
_RubricArg = Union[Rubric, str, None]

def rubrics() -> List[str]: ...
def decode(data: bytes, encoding: Optional[str] = None) -> Tuple[str, str]: ...
def analyze_json(text: Union[str, bytes], rubric: _RubricArg = None) -> _Analysis: ...
def analyze_file_json(
    path: Union[str, os.PathLike[str]],
    encoding: Optional[str] = None,
    rubric: _RubricArg = None,
) -> _Analysis: ...
def analyze_batch_json(
    texts: List[Union[str, bytes]],
    rubric: _RubricArg = None,
    threads: Optional[int] = None,
) -> List[Union[_Analysis, BaogaoError]]: ...
def _set_test_panic(marker: Optional[str] = None) -> None: ...
