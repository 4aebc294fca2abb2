"""The short form of the crash harness (`benchmarks/kill9.py`): the real server is killed with
SIGKILL three times while editors, reviewers, citizens and handlers work over HTTP; afterwards
the consistency check finds nothing and everything acknowledged is still there. On
PostgreSQL it runs against a scratch database beside the test database."""

import subprocess
import sys
from pathlib import Path

from django.conf import settings

HARNESS = Path(settings.BASE_DIR) / "benchmarks" / "kill9.py"


def _scratch_database_url() -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return ""
    # Named like the test databases, so that CI's clean-up drops it with them.
    name = db["NAME"] if db["NAME"].startswith("test_") else f"test_{db['NAME']}"
    name += "_kill9"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def test_killing_the_server_at_random_moments_loses_nothing(tmp_path):
    command = [sys.executable, str(HARNESS), "--kills", "3", "--min-gap", "2", "--max-gap", "4"]
    command += ["--seed", "12", "--data-dir", str(tmp_path / "kill9")]
    url = _scratch_database_url()
    if url:
        command += ["--database-url", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "未发现问题" in result.stdout
