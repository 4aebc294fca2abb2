"""Stored files, addressed by their content: one copy per SHA-256 digest.

A file is written under its digest *before* the transaction that refers to it commits, and
fsynced, so a committed row never points at a missing file. A rollback (or a crash before the
commit) leaves at worst a file that nothing refers to, which is harmless and which
`manage.py collect_orphan_files` removes once it is older than a grace period. Identical bytes
are stored once. Rows refer to files through a `DigestField`; every such field in every model
is what "referenced" means, for the collector and for `verify_files`.

The algorithm is SHA-256 (hashlib): SM3 is in this machine's OpenSSL but not in every
OpenSSL build, and no well-kept Python package offers it besides.
"""

import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models

from gongkai.core import clock

_DIGEST = re.compile(r"[0-9a-f]{64}")
# Attachments were once stored as publishing/ab/<digest>.<suffix>; publishing migration 0005
# copied them into the store.
_LEGACY = re.compile(r"publishing/[0-9a-f]{2}/[0-9a-f]{64}\.[a-z0-9]{1,8}")
_CHUNK = 1024 * 1024


class DigestField(models.CharField):
    """A reference to a stored file: the SHA-256 digest of its bytes, in hex."""

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 64
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / "files"


def path_of(digest: str) -> Path:
    if not _DIGEST.fullmatch(digest or ""):
        raise ValueError(f"not a SHA-256 digest: {digest!r}")
    return root() / digest[:2] / digest


def _now() -> float:
    return clock.local_now().timestamp()


def store(data: bytes) -> str:
    """Write `data` (once per digest) and return its digest. Call it before the row that
    refers to the file is saved, inside or outside that row's transaction."""
    digest = hashlib.sha256(data).hexdigest()
    target = path_of(digest)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not target.exists():
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        _fsync_directory(target.parent)
    # A fresh time keeps a file that is being referenced again out of the collector's reach
    # for the grace period, even if it had been an orphan for long.
    now = _now()
    os.utime(target, (now, now))
    return digest


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_file(digest: str):
    """The stored file opened for reading; FileNotFoundError if it is missing."""
    return path_of(digest).open("rb")


def read(digest: str) -> bytes:
    return path_of(digest).read_bytes()


def exists(digest: str) -> bool:
    return path_of(digest).is_file()


def digest_of_file(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


# ---------------------------------------------------------------- references


def digest_fields() -> list[tuple[type[models.Model], str]]:
    """Every (model, field name) that refers to stored files."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, DigestField)
    ]


def referenced() -> set[str]:
    found: set[str] = set()
    for model, name in digest_fields():
        found.update(model._base_manager.exclude(**{name: ""}).values_list(name, flat=True))
    return found


def verify_files() -> list[str]:
    """One line per problem: a referenced file that is missing or whose bytes no longer have
    the digest it is stored under. Empty when every referenced file is whole."""
    problems = []
    checked: dict[str, str] = {}
    for model, name in digest_fields():
        rows = model._base_manager.exclude(**{name: ""}).values_list("pk", name).order_by("pk")
        for pk, digest in rows.iterator():
            if digest not in checked:
                checked[digest] = _file_problem(digest)
            if checked[digest]:
                problems.append(f"{model._meta.label} #{pk}（{name}）：{checked[digest]}")
    return problems


def _file_problem(digest: str) -> str:
    try:
        path = path_of(digest)
    except ValueError:
        return f"摘要“{digest[:70]}”格式错误"
    if not path.is_file():
        return f"文件 {digest} 缺失"
    if digest_of_file(path) != digest:
        return f"文件 {digest} 的内容与其 SHA-256 摘要不符（已损坏）"
    return ""


# ---------------------------------------------------------------- orphans


def orphans(*, grace: timedelta) -> list[Path]:
    """Stored files nothing refers to, left by rolled-back transactions, deleted rows or
    interrupted writes, that are older than `grace` (so a file written for a transaction
    still running is never among them). Files of the old attachment layout count too."""
    # The references are read first: a file written after this is younger than the grace.
    keep = referenced()
    cutoff = _now() - grace.total_seconds()
    media = Path(settings.MEDIA_ROOT)
    return sorted(
        path
        for path in _candidates(media)
        if path.name not in keep and path.stat().st_mtime <= cutoff
    )


def _candidates(media: Path) -> Iterator[Path]:
    if root().is_dir():
        yield from (p for p in root().glob("*/*") if p.is_file())
    legacy = media / "publishing"
    if legacy.is_dir():
        for path in legacy.glob("*/*"):
            if path.is_file() and _LEGACY.fullmatch(path.relative_to(media).as_posix()):
                yield path


def size_of(paths: list[Path]) -> int:
    return sum(p.stat().st_size for p in paths if p.exists())
