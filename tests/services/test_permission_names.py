"""Permission strings are named once, as constants of the module that enforces them: a literal
written anywhere else can drift from the rule it names (issue 23)."""

import re
from pathlib import Path

from django.conf import settings

PERMISSION = re.compile(r"""["']claims\.(add|change|view|delete|review|set)_[a-z_]+["']""")
ROOT = Path(settings.BASE_DIR)


def test_no_permission_string_is_written_outside_the_constant_that_names_it():
    written = []
    for path in sorted((ROOT / "claims").rglob("*.py")):
        if "migrations" in path.parts:
            continue  # a migration keeps the names as they were when it was written
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if PERMISSION.search(line) and not re.match(r"^[A-Z_]+ = ", line):
                written.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert written == []
