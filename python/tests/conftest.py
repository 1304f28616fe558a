"""Where the repository, its inputs and the CLI are."""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli() -> Path:
    """The release CLI (built by `cargo build --release --features cli`)."""
    if "BLOG_EXPORT_BIN" in os.environ:
        return Path(os.environ["BLOG_EXPORT_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    path = target / "release" / "blog-export"
    if not path.exists():
        subprocess.run(
            ["cargo", "build", "--release", "--features", "cli", "--bin", "blog-export"],
            cwd=ROOT, check=True,
        )
    return path


def inputs():
    """The seeds, the fixtures and the made-up shape pages (when there)."""
    out = sorted((ROOT / "seeds").glob("*.txt"))
    out += sorted((ROOT / "tests" / "fixtures").glob("*.txt"))
    out += sorted((ROOT.parent / "shared" / "shapes").glob("*.txt"))
    return out


@pytest.fixture(scope="session")
def blog_export_cli() -> Path:
    return cli()
