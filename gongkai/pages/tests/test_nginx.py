"""The shipped nginx configuration, run by Debian's real nginx in front of the application:
a published change appears, a withdrawn document answers 410, over IPv4 and IPv6."""

import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from gongkai.pages import renderer
from gongkai.publishing import workflow
from gongkai.publishing.tests.factories import content, published

pytestmark = [pytest.mark.nginx, pytest.mark.django_db(transaction=True)]

CONF = Path(__file__).resolve().parents[3] / "deploy" / "nginx" / "gongkai.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
MAIN = """
worker_processes 1;
pid {tmp}/nginx.pid;
user root;
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
events {{ worker_connections 256; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {tmp}/body;
  proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fastcgi;
  uwsgi_temp_path {tmp}/uwsgi;
  scgi_temp_path {tmp}/scgi;
  include {tmp}/gongkai.conf;
}}
"""


def _free_port() -> int:
    """A port free on both 127.0.0.1 and ::1."""
    while True:
        with socket.socket() as v4:
            v4.bind(("127.0.0.1", 0))
            port = v4.getsockname()[1]
            try:
                with socket.socket(socket.AF_INET6) as v6:
                    v6.bind(("::1", port))
            except OSError:
                continue
            return port


def site_conf(*, port: int, pages: Path, static: Path, upstream: str) -> str:
    """The shipped file with this machine's addresses and folders in place of the defaults."""
    text = CONF.read_text()
    replacements = {
        "listen 80;": f"listen 127.0.0.1:{port};",
        "listen [::]:80;": f"listen [::1]:{port};",
        "root /srv/gongkai/pages;": f"root {pages};",
        "alias /srv/gongkai/static/;": f"alias {static}/;",
        "server 127.0.0.1:8000;": f"server {upstream};",
        "access_log /var/log/nginx/gongkai-access.log": f"access_log {pages.parent}/access.log",
    }
    for default, actual in replacements.items():
        assert default in text, f"{default} is no longer in {CONF.name}"
        text = text.replace(default, actual)
    return text


@pytest.fixture
def nginx(live_server, tmp_path):
    if not Path(NGINX).exists():
        pytest.fail("此测试需要 Debian 的 nginx：make nginx（或 apt-get install nginx）")
    port = _free_port()
    upstream = live_server.url.removeprefix("http://")
    (tmp_path / "gongkai.conf").write_text(
        site_conf(
            port=port, pages=renderer.pages_dir(), static=tmp_path / "static", upstream=upstream
        )
    )
    (tmp_path / "nginx.conf").write_text(MAIN.format(tmp=tmp_path))
    command = [NGINX, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")]
    command += ["-e", str(tmp_path / "error.log")]
    subprocess.run([*command, "-t"], check=True, capture_output=True)
    server = subprocess.Popen([*command, "-g", "daemon off;"])
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                time.sleep(0.05)
        yield {"v4": f"http://127.0.0.1:{port}", "v6": f"http://[::1]:{port}"}
    finally:
        server.terminate()
        server.wait(timeout=10)


def get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_nginx_serves_copies_and_the_application_answers_the_rest(
    nginx, editor_a, reviewer_a, unit_a
):
    document = published(editor_a, reviewer_a, unit_a, title="关于临时停水的通知")
    renderer.rebuild()
    path = document.get_absolute_url()
    for base in nginx.values():
        status, headers, body = get(base + path)
        assert status == 200 and "关于临时停水的通知" in body.decode()
        # nginx's own static answer: an ETag (Django sets none) and the brotli copy.
        assert headers["ETag"] and headers["Content-Type"] == "text/html; charset=utf-8"
        assert "script-src 'self'" in headers["Content-Security-Policy"]
        status, headers, _ = get(base + path, **{"Accept-Encoding": "br"})
        assert headers["Content-Encoding"] == "br"

    workflow.start_revision(actor=editor_a, document=document, change_note="更正时间")
    workflow.update_draft(
        actor=editor_a, document=document, content=content(title="关于延长停水时间的通知")
    )
    workflow.submit(actor=editor_a, document=document)
    workflow.review(
        actor=reviewer_a,
        document=document,
        confidentiality_result="同意",
        disclosure_confirmed=True,
    )
    workflow.publish(actor=reviewer_a, document=document)
    renderer.run_once()
    for base in nginx.values():
        assert "关于延长停水时间的通知" in get(base + path)[2].decode()
        assert (
            "关于延长停水时间的通知" in get(base + f"/units/{unit_a.code}/statutory/")[2].decode()
        )

    workflow.withdraw(actor=reviewer_a, document=document, reason="已恢复供水")
    renderer.run_once()
    for base in nginx.values():
        status, _, body = get(base + path)
        assert status == 410 and "已恢复供水" in body.decode()
        # Dynamic pages and personal readers go to the application.
        assert get(base + "/search/?q=%E5%81%9C%E6%B0%B4")[0] == 200
        status, headers, body = get(base + "/", Cookie="sessionid=x")
        assert status == 200 and "ETag" not in headers
        status, headers, body = get(base + "/display.css", Cookie="display_font=larger")
        assert status == 200 and "137.5%" in body.decode()
