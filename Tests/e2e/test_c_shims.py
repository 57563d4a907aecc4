"""The C shims compile on every platform Reel names, not only on the one CI runs on."""

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("platform_flags", [["-D__linux__"], ["-U__linux__", "-D__APPLE__"]])
def test_ccurl_shim_defines_each_function_once(platform_flags):
    preprocessed = subprocess.run(
        ["cc", "-E", "-P", *platform_flags, str(ROOT / "Sources/CCurl/shim.h")],
        check=True, capture_output=True, text=True,
    ).stdout
    definitions = re.findall(r"\b(reel_\w+)\s*\([^;{]*\)\s*\{", preprocessed)
    repeated = sorted({name for name in definitions if definitions.count(name) > 1})
    assert definitions, "no reel_ function found in the preprocessed header"
    assert repeated == [], f"defined more than once with {platform_flags}: {repeated}"
