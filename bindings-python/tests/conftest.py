"""Shared fixtures: sample reports written for these tests (never corpus text), and the paths of
the repository and of ../shared (the corpus) when present."""

import os
import pathlib
import shutil
import subprocess

import pytest

HERE = pathlib.Path(__file__).resolve().parent
# The repository: $BAOGAO_REPO (set by scripts/test-all.d/20-python), else this checkout.
REPO = pathlib.Path(os.environ.get("BAOGAO_REPO", HERE.parent.parent)).resolve()
SHARED = REPO.parent / "shared"

REPORT = """2023年某街道社区党支部工作总结

一、主要工作成效
（一）加强组织建设
全年新发展党员12名，转正预备党员8名，党员总数达到156人。
（二）服务辖区群众
走访困难群众300余户，发放慰问金5.6万元，群众满意率达到96.5%。
二、存在的问题
一是理论学习不够深入；二是制度落实不到位。
三、下一步工作打算
2024年将组织集中学习不少于12次，力争满意率提高2个百分点。
"""

DUTY = """个人述职报告

一、履职基本情况
本人负责客户服务工作，全年受理咨询4200余件，办结率98%。
二、存在不足
业务学习时间偏少。
三、今后努力方向
继续提升服务质量。
"""

# A minimal rubric in the format of core/data/rubrics (written for these tests).
RUBRIC_TOML = """version = 1
id = "mine"
name = "测试细则"
description = "只看有没有问题部分。"
total = 10

grades = [
  { name = "好", min = 80 },
  { name = "差", min = 0 },
]

[[roles]]
id = "problems"
name = "存在问题"
heading = ["存在的问题", "存在问题", "不足"]

[[items]]
id = "has-problems"
kind = "section_present"
role = "problems"
points = 10
message = "没有写存在的问题。"
suggestion = "单列存在问题。"
"""


@pytest.fixture
def report_text() -> str:
    return REPORT


@pytest.fixture(scope="session")
def cli() -> pathlib.Path:
    """The release CLI of this checkout, (re)built by cargo so it is never stale; an existing
    binary is used as is only when cargo is unavailable."""
    exe = REPO / "target" / "release" / "baogao"
    if shutil.which("cargo") is not None and (REPO / "Cargo.toml").exists():
        subprocess.run(
            ["cargo", "build", "--release", "-q", "-p", "baogao-cli"], cwd=REPO, check=True
        )
    if not exe.exists():
        pytest.skip("the baogao CLI is not built and cargo is unavailable")
    return exe
