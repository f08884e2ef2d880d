"""The installed package: typed (py.typed + stub), the version, the public names."""

import importlib.resources
import pathlib

import baogao


def test_package_is_typed():
    files = importlib.resources.files("baogao")
    assert files.joinpath("py.typed").is_file()
    assert files.joinpath("__init__.pyi").is_file()


def test_public_names():
    for name in baogao.__all__:
        assert hasattr(baogao, name), name
    assert baogao.__version__


def test_native_module_is_abi3():
    native = pathlib.Path(baogao._baogao.__file__)  # type: ignore[attr-defined]
    assert ".abi3." in native.name
