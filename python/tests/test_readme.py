"""Every Python block of the READMEs (the repository's and the package's) runs as pasted (from the repository's
root, where the README's paths point)."""

import re

import pytest

from conftest import ROOT

BLOCKS = [
    block
    for readme in (ROOT / "README.md", ROOT / "python" / "README.md")
    for block in re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)
]


def test_the_readme_has_python_blocks():
    assert BLOCKS


@pytest.mark.parametrize("block", BLOCKS, ids=lambda b: b.splitlines()[0][:40])
def test_readme_python_block_runs(block, monkeypatch):
    monkeypatch.chdir(ROOT)
    exec(compile(block, "README.md", "exec"), {"__name__": "__readme__"})
