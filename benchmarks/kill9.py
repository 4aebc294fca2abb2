"""Kill -9 at any moment loses nothing: the crash harness.

Sets up a fresh installation (its own data directory; SQLite, or a scratch PostgreSQL database),
serves it with gunicorn and runs the search indexer beside it, while client threads drive the
real HTTP interface in parallel: editors upload attachments and submit drafts, reviewers
review, publish and withdraw, citizens apply through the API and handlers extend, consult and
reply. At random moments the server and the indexer are killed with SIGKILL and restarted.
At the end `manage.py check_consistency` must find nothing, and everything the server
acknowledged (a publication whose public page answered, an application given a tracking
number) must still be there.

    python benchmarks/kill9.py                 # the long form: 50 kills on SQLite
    python benchmarks/kill9.py --database-url postgres://postgres@127.0.0.1:5432/gongkai_kill9
    python benchmarks/kill9.py --kills 3       # the short form the test suite runs

A PostgreSQL database given here is a scratch database: it is dropped and created afresh.
Exits 0 when consistent, 1 otherwise.
"""

import argparse
import base64
import contextlib
import http.client
import http.cookiejar
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import urllib.error
import urllib.request
import uuid
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gongkai.publishing.samplefiles import plain_docx_bytes  # noqa: E402 (no Django needed)

PASSWORD = "Kill9-harness-2026"
STAFF = ("k9-editor", "k9-reviewer", "k9-handler")

# Run inside the installation (manage.py shell) once it is migrated.
SEED = f"""
from gongkai.accounts.models import Membership, User
from gongkai.units.tests.factories import GovernmentFactory, UnitFactory
government = GovernmentFactory(code="k9gov", full_name="演练区人民政府", short_name="演练区")
unit = UnitFactory(parent=government, code="k9unit", full_name="演练区测试局", short_name="测试局")
for username, role in zip({STAFF!r}, ("editor", "reviewer", "body_head")):
    user = User.objects.create_user(username=username, password={PASSWORD!r}, last_name="演练")
    Membership.objects.create(user=user, unit=unit, role=role)
"""

# The reviewer writes the confidentiality opinion; the review form never pre-fills it.
REVIEW_OPINION = "已审查正文、附件和元数据，不涉及国家秘密、工作秘密、商业秘密或个人隐私。"

# Everything the server acknowledged must have survived every kill.
VERIFY = """
import json, sys
from gongkai.applications.models import Application
from gongkai.publishing.models import Document
acked = json.loads(sys.stdin.read())
published = set(Document.objects.filter(pk__in=acked["published"]).exclude(
    state="unpublished").values_list("pk", flat=True))
applications = set(Application.objects.filter(
    tracking_number__in=acked["applications"]).values_list("tracking_number", flat=True))
lost = sorted(set(acked["published"]) - published)
lost += sorted(set(acked["applications"]) - applications)
print(json.dumps({"lost": lost, "documents": Document.objects.count(),
                  "applications": Application.objects.count()}))
"""

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00"
    b":~\x9bU\x00\x00\x00\nIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\xb18\xf6\x14\x00\x00\x00\x00"
    b"IEND\xaeB`\x82"
)


# ------------------------------------------------------------------ HTTP client


class _Forms(HTMLParser):
    """Collects every form of a page with its fields' current values."""

    def __init__(self):
        super().__init__()
        self.forms, self._select, self._first, self._textarea = [], None, False, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "fields": {}})
        elif not self.forms:
            return
        fields = self.forms[-1]["fields"] if self.forms else {}
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "file", "button"):
                fields[a["name"]] = a.get("value", "on" if kind == "checkbox" else "")
        elif tag == "select" and a.get("name"):
            # A multiple choice starts empty; a single one takes its first real option.
            self._select, self._first = a["name"], "multiple" not in a
            fields.setdefault(self._select, "" if self._first else None)
        elif tag == "option" and self._select:
            if "selected" in a or self._first and a.get("value"):
                fields[self._select] = a.get("value", "")
                self._first = False
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            fields[self._textarea] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea and self.forms:
            self.forms[-1]["fields"][self._textarea] += data


class Session:
    """One person's browser: cookies, CSRF tokens taken from the forms they fill in."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def request(self, path, data=None, headers=None, timeout=30):
        url = path if path.startswith("http") else self.base + path
        req = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=timeout) as resp:
                return resp.status, resp.geturl(), resp.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            return exc.code, url, exc.read().decode("utf-8", "replace")

    def forms(self, path):
        _status, url, text = self.request(path)
        parser = _Forms()
        parser.feed(text)
        return url, parser.forms

    def fill(self, page, action_ending, values=None, files=None):
        """Fill in the form of `page` whose action ends with `action_ending` and send it."""
        url, forms = self.forms(page)
        for form in forms:
            action = form["action"] or url
            if action.split("?")[0].endswith(action_ending):
                fields = {k: v for k, v in form["fields"].items() if v is not None}
                fields.update(values or {})
                return self.post(action, fields, files)
        return None

    def post(self, path, fields, files=None):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            for one in value if isinstance(value, list) else [value]:
                parts.append(
                    f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                    f"{one}\r\n".encode()
                )
        for name, (filename, payload) in (files or {}).items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + payload
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        headers = {
            "Content-Type": f"multipart/form-data; boundary={boundary}",
            "Referer": self.base + "/",
        }
        return self.request(path, body, headers)

    def login(self, username):
        result = self.fill(
            "/console/login/",
            "/console/login/",
            {
                "username": username,
                "password": PASSWORD,
            },
        )
        return result is not None and "/login/" not in result[1]


# ------------------------------------------------------------------ what the clients do


class Drive:
    """Client threads; each step is one person's action, repeated until told to stop.
    Connection errors (the server being killed) are expected and counted."""

    def __init__(self, base: str, seed: int):
        self.base, self.stop = base, threading.Event()
        self.random = random.Random(seed)
        self.lock = threading.Lock()
        self.acked = {"published": [], "applications": []}
        self.counts = {"ok": 0, "refused": 0, "interrupted": 0, "errors": 0}
        self.reviewable: list[int] = []
        self.applications: list[int] = []

    def count(self, key):
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + 1

    def run(self, step, username, ready: threading.Barrier):
        session = Session(self.base)
        if username and not session.login(username):
            raise SystemExit(f"{username} cannot log in")
        ready.wait()
        while not self.stop.is_set():
            try:
                self.count("ok" if step(session) else "refused")
                self.count(step.__name__)
                time.sleep(self.random.uniform(0.1, 0.5))  # a person's pause between steps
            except (OSError, http.client.HTTPException):
                self.count("interrupted")
                time.sleep(0.2)
            except Exception:
                traceback.print_exc()
                self.count("errors")
                time.sleep(0.2)

    def editor_step(self, s: Session) -> bool:
        n = self.random.randrange(10**6)
        result = s.fill(
            "/console/publishing/new/",
            "/console/publishing/new/",
            {
                "title": f"关于演练区第{n}号工作安排的通知",
                "doc_number": f"演政发〔2026〕{n % 900 + 1}号",
                "subject": "06.02",
                "doc_type": "notice",
                "date_written": "2026-01-02",
                "disclosure": "proactive",
                "part": "statutory",
                "statutory_category": "a20.12",
                "summary": "演练用的通知。",
                "body_html": f"<p>第{n}号演练通知的正文。</p>",
            },
        )
        match = result and re.search(r"/console/publishing/(\d+)/$", result[1])
        if not match:
            return False
        detail = f"/console/publishing/{match[1]}/"
        attachment = plain_docx_bytes([f"第{n}号演练通知的附件。"])
        s.fill(detail, "/attachments/", files={"file": (f"附件{n}.docx", attachment)})
        submitted = s.fill(detail, "/submit/")
        if submitted and "已提交审核" in submitted[2]:
            with self.lock:
                self.reviewable.append(int(match[1]))
            return True
        return False

    def reviewer_step(self, s: Session) -> bool:
        with self.lock:
            if not self.reviewable:
                pk = None
            else:
                pk = self.reviewable.pop(self.random.randrange(len(self.reviewable)))
        if pk is None:
            time.sleep(0.2)
            return True
        detail = f"/console/publishing/{pk}/"
        s.fill(
            detail,
            "/review/",
            {"confidentiality_result": REVIEW_OPINION, "disclosure_confirmed": "on"},
        )
        s.fill(detail, "/publish/", {"scheduled_for": ""})
        if s.request(f"/documents/{pk}/")[0] != 200:
            return False
        with self.lock:
            self.acked["published"].append(pk)
        if self.random.random() < 0.2:
            s.fill(detail, "/withdraw/", {"reason": "演练撤回"})
        return True

    def citizen_step(self, s: Session) -> bool:
        n = self.random.randrange(1000)
        serial = f"{n:03d}"
        first17 = f"11010519800101{serial}"
        payload = {
            "unit": "k9unit",
            "applicant_kind": "natural_person",
            "applicant_name": "演练申请人",
            "identity_kind": "resident_id",
            "identity_number": first17 + _check_digit(first17),
            "identity_proof_base64": base64.b64encode(PNG).decode(),
            "phone": "13800138000",
            "email": "k9@example.com",
            "address": "演练区人民路1号",
            "postcode": "990101",
            "title": f"演练申请{n}",
            "description": f"请公开演练事项{n}的有关信息。",
            "format_wanted": "electronic",
            "delivery_wanted": "email",
        }
        status, _url, text = s.request(
            "/api/v1/applications",
            json.dumps(payload).encode(),
            {"Content-Type": "application/json"},
        )
        if status != 200:
            return False
        with self.lock:
            self.acked["applications"].append(json.loads(text)["tracking_number"])
        return True

    def handler_step(self, s: Session) -> bool:
        _status, _url, text = s.request("/console/applications/")
        pks = sorted({int(pk) for pk in re.findall(r"/console/applications/(\d+)/", text)})
        if not pks:
            time.sleep(0.3)
            return True
        detail = f"/console/applications/{self.random.choice(pks)}/"
        action, values = self.random.choice(HANDLER_ACTIONS)
        result = s.fill(detail, f"/{action}/", values)
        return result is not None and result[0] == 200


HANDLER_ACTIONS = (
    ("extend_deadline", {"working_days": "10", "reason": "需要调取档案。"}),
    ("start_consultation", {"party_name": "演练第三方", "matter": "是否同意公开。"}),
    ("record_consultation_reply", {"reply": "consent", "reasons": "同意。"}),
    ("request_correction", {"items": "请说明所需信息的具体名称。"}),
    ("receive_correction", {"corrected_text": "补正后的申请内容。"}),
    ("issue_reply", {"outcome": "disclosed", "how_to_obtain": "随答复书提供。"}),
)


def _check_digit(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


# ------------------------------------------------------------------ the installation


class Installation:
    def __init__(self, data_dir: Path, database_url: str, port: int):
        self.port, self.processes, self.data_dir = port, [], data_dir
        self.env = {
            **os.environ,
            "DATA_DIR": str(data_dir),
            "DATABASE_URL": database_url,
            "DATABASE_CONN_MAX_AGE": "0",
            "GONGKAI_ENV": "development",
            "DEBUG": "0",
            # The harness measures what survives a crash, not sign-in: its business staff sign
            # in with the password, as they do in any development install (the second factor
            # is attacked in gongkai/accounts/tests/test_second_factor.py).
            "SECOND_FACTOR_FOR_ALL_STAFF": "0",
            "PYTHONUNBUFFERED": "1",
        }
        self.python = sys.executable
        self.log = (data_dir / "server.log").open("ab")

    def manage(self, *args, stdin=None, check=True):
        return subprocess.run(
            [self.python, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=check,
        )

    def start(self):
        gunicorn = [
            self.python,
            "-m",
            "gunicorn",
            "gongkai.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            "2",
            "--threads",
            "2",
            "--timeout",
            "60",
            "--control-socket",
            str(self.data_dir / "gunicorn.ctl"),
        ]
        indexer = [self.python, "manage.py", "run_indexer", "--interval", "0.2"]
        for command in (gunicorn, indexer):
            self.processes.append(
                subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=self.env,
                    stdout=self.log,
                    stderr=self.log,
                    start_new_session=True,
                )
            )
        # Ready when a worker answers, so every gap between kills is time for real work.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5):
                    return
            except (OSError, urllib.error.URLError):
                time.sleep(0.1)
        raise RuntimeError("the server did not start; see server.log in the data directory")

    def kill(self):
        """SIGKILL to the server (master and workers) and the indexer, all at once."""
        for process in self.processes:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
        for process in self.processes:
            process.wait()
        self.processes = []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fresh_postgres(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    if not re.fullmatch(r"[A-Za-z0-9_]+", name):
        raise SystemExit(f"scratch database name must be plain: {name!r}")
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--min-gap", type=float, default=1.0, help="seconds of work at least")
    parser.add_argument("--max-gap", type=float, default=6.0, help="seconds of work at most")
    parser.add_argument("--database-url", default="", help="scratch PostgreSQL database")
    parser.add_argument("--port", type=int, default=0, help="0: any free port")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--data-dir", default="", help="kept afterwards (default: a temp dir)")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(10**6)
    data_dir = Path(args.data_dir or tempfile.mkdtemp(prefix="gongkai-kill9-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    database_url = args.database_url or f"sqlite:///{data_dir / 'gongkai.sqlite3'}"
    if database_url.startswith("postgres"):
        _fresh_postgres(database_url)
    site = Installation(data_dir, database_url, args.port or _free_port())
    print(f"kill9: seed {seed}, data in {data_dir}, {database_url.split(':')[0]}", flush=True)
    site.manage("migrate", "--noinput")
    site.manage("shell", "-c", SEED)
    site.manage("rebuild_search_index")

    drive = Drive(f"http://127.0.0.1:{site.port}", seed)
    timing = random.Random(seed + 1)
    site.start()
    steps = (
        (drive.editor_step, "k9-editor"),
        (drive.editor_step, "k9-editor"),
        (drive.reviewer_step, "k9-reviewer"),
        (drive.citizen_step, None),
        (drive.handler_step, "k9-handler"),
    )
    ready = threading.Barrier(len(steps) + 1, timeout=120)
    threads = [
        threading.Thread(target=drive.run, args=(step, user, ready), daemon=True)
        for step, user in steps
    ]
    try:
        for thread in threads:
            thread.start()
        ready.wait()  # everyone logged in: from here on the server dies at random moments
        started = time.monotonic()
        for kill in range(1, args.kills + 1):
            time.sleep(timing.uniform(args.min_gap, args.max_gap))
            site.kill()
            print(
                f"kill9: kill {kill}/{args.kills} after {time.monotonic() - started:.0f} s "
                f"{drive.counts}",
                flush=True,
            )
            site.start()
        # The last stretch runs until some of each kind of work has also ended in peace.
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not all(drive.acked.values()):
            time.sleep(0.5)
    finally:
        drive.stop.set()
        for thread in threads:
            thread.join(timeout=40)
        site.kill()
    return _verdict(site, drive)


def _verdict(site: Installation, drive: Drive) -> int:
    verified = json.loads(
        site.manage("shell", "-v", "0", "-c", VERIFY, stdin=json.dumps(drive.acked)).stdout
    )
    check = site.manage("check_consistency", check=False)
    print(check.stdout + check.stderr, end="")
    print(
        f"kill9: {len(drive.acked['published'])} publications and "
        f"{len(drive.acked['applications'])} applications acknowledged; database holds "
        f"{verified['documents']} documents and {verified['applications']} applications; "
        f"steps {drive.counts}; lost {verified['lost']}"
    )
    if check.returncode or verified["lost"] or drive.counts["errors"]:
        return 1
    if not drive.acked["published"] or not drive.acked["applications"]:
        print("kill9: no work was acknowledged, so nothing was proven")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
