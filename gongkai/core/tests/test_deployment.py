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
        "DATA_ENCRYPTION_KEY": "eHbbQ8yWzKnJ7m1cPq0e5Z1Vt6A3rT9uL2oF4gH8sWk=",
        "LOOKUP_HASH_KEY": "Zk3pR7sT1vX9yB2nM5qW8eA4cD6fH0jL3gK7uP1oI9E=",
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


def test_forms_are_refused_without_their_csrf_token(db):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post("/console/login/", {"username": "x", "password": "y"})
    assert response.status_code == 403
    response = client.post("/apply/", {})
    assert response.status_code == 403


def test_the_default_sqlite_database_runs_in_write_ahead_log_mode(tmp_path):
    env = {"PATH": os.environ["PATH"], "DATA_DIR": str(tmp_path)}
    script = (
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    cursor.execute('PRAGMA journal_mode')\n"
        "    print(cursor.fetchone()[0])\n"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "wal", result.stdout + result.stderr
