"""A small district with something on every kind of page, and a crawler that visits every page
reachable from a start page, for the tests that check all pages at once."""

import datetime
import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urlsplit

from gongkai.applications import workflow as applications
from gongkai.applications.tests.factories import application_input
from gongkai.participation import workflow as participation
from gongkai.participation.tests.factories import open_consultation
from gongkai.publishing.models import LinkKind
from gongkai.publishing.tests.factories import normative, published

# Downloads, feeds and links that change state or leave: not pages to read.
SKIP = re.compile(
    r"^/(static|media|api|display/|console/logout|apply/(form\.|files/|letters/))"
    r"|format=(csv|docx|xlsx)|/feeds/|\.(xml|txt|docx|xlsx|pdf|csv)$|/attachments/|/download"
)
ID_REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls", "aria-owns", "for")


def build_district(editor, reviewer, unit, at):
    """Published documents of each kind (a table, a repealed policy and its successor, an
    interpretation, one not yet in force), an application with a reply and a published
    enforcement decision."""
    at(2024, 3, 20)
    table = "<p>如下表：</p><table><tr><td>项目</td><td>金额</td></tr></table>"
    published(editor, reviewer, unit, body_html=table)
    old = published(
        editor,
        reviewer,
        unit,
        data=normative(
            title="旧办法", doc_number="测发〔2024〕1号", effective_date=datetime.date(2024, 1, 1)
        ),
    )
    new = published(
        editor,
        reviewer,
        unit,
        links=[{"kind": LinkKind.REPEALS, "target": old.pk}],
        data=normative(
            title="新办法", doc_number="测发〔2024〕2号", effective_date=datetime.date(2024, 3, 1)
        ),
    )
    published(editor, reviewer, unit, title="新办法解读", interprets_id=new.pk)
    published(
        editor,
        reviewer,
        unit,
        data=normative(
            title="将施行办法",
            doc_number="测发〔2024〕3号",
            effective_date=datetime.date(2024, 9, 1),
        ),
    )
    at(2026, 9, 24)
    application, _ = applications.register_application(actor=None, **application_input(unit))
    # A consultation open for comment, with a shown comment in its group.
    consultation = open_consultation(editor, reviewer, unit)
    comment = participation.submit_comment(consultation=consultation, text="建议增加网点。")
    participation.show_comment(actor=editor, comment=comment)
    _enforcement_decision(editor, reviewer, unit)
    return application


def _enforcement_decision(editor, reviewer, unit):
    """A published 行政处罚 of a natural person (masked on its page)."""
    from gongkai.enforcement import services

    decision = services.register(
        actor=editor,
        unit=unit,
        kind="penalty",
        number="测罚〔2026〕8号",
        title="未按规定明码标价",
        party_kind="natural_person",
        party_name="赵某某",
        party_identifier="110101199003071234",
        facts="未按规定明码标价",
        basis="《中华人民共和国价格法》第四十二条",
        outcome="警告",
        decided_on=datetime.date(2026, 9, 22),
    )
    services.publish(actor=reviewer, decision=decision)
    return decision


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.references, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.append(attrs["id"])
        for name in ID_REFERENCES:
            if attrs.get(name) and (name != "for" or tag == "label"):
                self.references += [(tag, name, ref) for ref in attrs[name].split()]
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def read(html):
    page = _Page()
    page.feed(html)
    return page


def broken_references(html):
    """Every id reference in the page that names no element, and every id used twice."""
    page = read(html)
    ids = set(page.ids)
    broken = [f'<{tag} {name}="{ref}">' for tag, name, ref in page.references if ref not in ids]
    twice = sorted({i for i in page.ids if page.ids.count(i) > 1})
    return broken + [f'id="{i}" twice' for i in twice]


def crawl(client, start, limit=400):
    """Every same-site page reachable from `start` (path and query), with its HTML."""
    seen, queue, pages = {start}, [start], {}
    while queue and len(pages) < limit:
        url = queue.pop(0)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        pages[url] = html
        for href in read(html).links:
            target = urldefrag(href)[0]
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if SKIP.search(target) or target in seen or "page=" in parts.query:
                continue
            seen.add(target)
            queue.append(target)
    return pages
