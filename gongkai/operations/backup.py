"""Backup and restore of one installation: the database through its own tool (the SQLite
backup API, or pg_dump / pg_restore), the uploaded files, and a manifest.

The manifest describes the *content*, not the dump's bytes: per table the row count and the
SHA-256 of its rows in a canonical form, per file its SHA-256, and a fingerprint of the
personal-data encryption key (never the key). It is computed in the same database snapshot
the dump is taken from, so a restore can prove itself: it computes the manifest of what it
restored and compares — identical, or the restore fails and says where it differs.
"""

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction

from gongkai.core.clock import local_now

MANIFEST = "manifest.json"
FILES = "files"
SQLITE_DUMP = "database.sqlite3"
POSTGRES_DUMP = "database.pgdump"
FORMAT = 1


class BackupError(Exception):
    """What stops a backup or a restore; the message is for the operator."""


def key_fingerprint() -> str:
    """Tells whether two installations share the encryption key, without revealing it."""
    return hashlib.sha256(b"gongkai-data-key:" + settings.DATA_ENCRYPTION_KEY.encode()).hexdigest()


def content_manifest(sqlite_file: Path | None = None) -> dict:
    """The manifest of this installation's content; on SQLite read from `sqlite_file` (the
    database file by default)."""
    return {
        "format": FORMAT,
        "encryption_key_sha256": key_fingerprint(),
        "tables": table_digests(sqlite_file),
        "files": file_digests(Path(settings.MEDIA_ROOT)),
    }


def _tables() -> list[tuple[str, str]]:
    """(table, primary-key column) of every table Django manages."""
    return sorted(
        {
            (model._meta.db_table, model._meta.pk.column)
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        }
    )


def table_digests(sqlite_file: Path | None = None) -> dict[str, dict]:
    """Row count and SHA-256 of the rows, read raw in primary-key order. SQLite is read
    through a plain sqlite3 connection, so a backup file and a restored database are read
    alike; PostgreSQL through this connection (the snapshot a dump is taken from)."""
    if connection.vendor == "sqlite":
        path = sqlite_file or Path(connection.settings_dict["NAME"])
        with closing(sqlite3.connect(path)) as raw:
            return _digests(raw.cursor())
    with connection.cursor() as cursor:
        return _digests(cursor)


def _digests(cursor) -> dict[str, dict]:
    digests = {}
    quote = connection.ops.quote_name
    for table, pk in _tables():
        cursor.execute(f"SELECT * FROM {quote(table)} ORDER BY {quote(pk)}")  # noqa: S608
        digest, rows = hashlib.sha256(), 0
        while batch := cursor.fetchmany(2000):
            for row in batch:
                digest.update(json.dumps(row, default=_plain).encode())
                rows += 1
        digests[table] = {"rows": rows, "sha256": digest.hexdigest()}
    return digests


def _plain(value):
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    return str(value)


def file_digests(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): _sha256(path)
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# ---------------------------------------------------------------- backup


def backup(dest: Path) -> dict:
    """Write a backup of this installation into `dest` (new or empty); returns the manifest."""
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"备份目录 {dest} 不是空目录，请指定新的目录。")
    dest.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        manifest = _postgres_dump(dest / POSTGRES_DUMP)
    else:
        manifest = _sqlite_dump(dest / SQLITE_DUMP)
    _copy_files(Path(settings.MEDIA_ROOT), dest / FILES, manifest["files"])
    manifest.update(created_at=local_now().isoformat(), vendor=connection.vendor)
    (dest / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1))
    return manifest


def _sqlite_dump(target: Path) -> dict:
    """The backup API copies a consistent state even while others write; the manifest is
    then read from the copy itself."""
    connection.ensure_connection()
    with closing(sqlite3.connect(target)) as copy:
        connection.connection.backup(copy)
    return content_manifest(sqlite_file=target)


def _postgres_dump(target: Path) -> dict:
    """pg_dump reads the snapshot the manifest is computed in."""
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
        manifest = content_manifest()
        _run(["pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={target}"])
    return manifest


def _copy_files(source: Path, target: Path, expected: dict[str, str]) -> None:
    for name, digest in expected.items():
        copied = target / name
        copied.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / name, copied)
        if _sha256(copied) != digest:
            raise BackupError(f"文件 {name} 在备份过程中发生了变化，请重新备份。")


# ---------------------------------------------------------------- restore


def restore(src: Path) -> dict:
    """Restore a backup into this installation, which must be empty (a migrated-free
    database and no uploaded files). Returns the manifest, after proving the restored
    content identical to it."""
    src = Path(src)
    try:
        manifest = json.loads((src / MANIFEST).read_text())
    except (FileNotFoundError, ValueError) as exc:
        raise BackupError(f"{src} 不是完整的备份（缺少或无法读取 {MANIFEST}）。") from exc
    if manifest.get("encryption_key_sha256") != key_fingerprint():
        raise BackupError(
            "本机的 DATA_ENCRYPTION_KEY 与备份时的密钥不同，恢复后个人信息将无法解密。"
            "请先配置备份时使用的密钥。"
        )
    _require_empty_installation()
    if manifest["vendor"] == "postgresql":
        _require_vendor("postgresql")
        _run(
            [
                "pg_restore",
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                f"--dbname={connection.settings_dict['NAME']}",
                str(src / POSTGRES_DUMP),
            ]
        )
    else:
        _require_vendor("sqlite")
        _sqlite_restore(src / SQLITE_DUMP)
    _copy_files(src / FILES, Path(settings.MEDIA_ROOT), manifest["files"])
    differences = compare(manifest, content_manifest())
    if differences:
        raise BackupError("恢复后的内容与备份清单不一致：" + "；".join(differences))
    return manifest


def compare(expected: dict, actual: dict) -> list[str]:
    differences = []
    for part in ("tables", "files"):
        for name in sorted(expected[part].keys() | actual[part].keys()):
            if expected[part].get(name) != actual[part].get(name):
                differences.append(f"{name} 不同")
    return differences


def _require_empty_installation() -> None:
    if connection.introspection.table_names():
        raise BackupError("只能恢复到空的安装：当前数据库中已有数据表。请使用新建的空数据库。")
    media = Path(settings.MEDIA_ROOT)
    if media.is_dir() and any(media.iterdir()):
        raise BackupError(f"只能恢复到空的安装：文件目录 {media} 不是空目录。")


def _require_vendor(vendor: str) -> None:
    if connection.vendor != vendor:
        raise BackupError(f"该备份来自 {vendor} 数据库，本机使用的是 {connection.vendor}。")


def _sqlite_restore(dump: Path) -> None:
    connection.ensure_connection()
    with closing(sqlite3.connect(dump)) as source:
        source.backup(connection.connection)


def _run(command: list[str]) -> None:
    """A PostgreSQL client tool against this installation's database."""
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    if db.get("HOST"):
        env["PGHOST"] = db["HOST"]
    if db.get("PORT"):
        env["PGPORT"] = str(db["PORT"])
    if db.get("USER"):
        env["PGUSER"] = db["USER"]
    env["PGDATABASE"] = db["NAME"]
    if shutil.which(command[0]) is None:
        raise BackupError(f"找不到 {command[0]}：请安装 PostgreSQL 客户端（postgresql-client）。")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        raise BackupError(f"{command[0]} 失败：{result.stderr.strip()[:500]}")
