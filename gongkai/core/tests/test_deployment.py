import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_production_configuration_passes_the_deploy_check(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "GONGKAI_ENV": "production",
        "SECRET_KEY": "x" * 60 + "production-like-secret-key-for-the-check",
        "DATA_ENCRYPTION_KEY": "another-long-random-value-for-the-check",
        "ALLOWED_HOSTS": "gongkai.example",
        "DATA_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
