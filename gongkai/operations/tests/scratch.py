"""Another installation beside the test one: its own data directory and a fresh database
(a SQLite file, or on PostgreSQL a database named like the test databases so that CI's
clean-up drops it with them)."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings


def scratch_database_url(data_dir: Path, suffix: str) -> str:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return f"sqlite:///{data_dir / 'gongkai.sqlite3'}"
    name = db["NAME"] if db["NAME"].startswith("test_") else f"test_{db['NAME']}"
    name += f"_{suffix}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def fresh_postgres(url: str) -> None:
    import psycopg

    server, name = url.rsplit("/", 1)
    with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


class Installation:
    """`manage.py` of another installation, run as its own process."""

    def __init__(self, data_dir: Path, suffix: str):
        data_dir.mkdir(parents=True, exist_ok=True)
        self.database_url = scratch_database_url(data_dir, suffix)
        if self.database_url.startswith("postgres"):
            fresh_postgres(self.database_url)
        self.env = {**os.environ, "DATA_DIR": str(data_dir), "DATABASE_URL": self.database_url}
        self.env.pop("MEDIA_ROOT", None)

    def manage(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=settings.BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
