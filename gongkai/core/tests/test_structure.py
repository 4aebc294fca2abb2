"""Guards of the architecture: what every app must keep true as it grows."""

import ast
import re
from pathlib import Path

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

PACKAGE = Path(__file__).resolve().parents[2]
SAMPLE_ARGS = {
    "int": "1",
    "slug": "x",
    "str": "x",
    "path": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
}


def _console_routes(patterns=None, prefix=""):
    for entry in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _console_routes(entry.url_patterns, route)
        elif isinstance(entry, URLPattern) and route.startswith("console/"):
            yield route


def _sample_url(route):
    route = re.sub(r"<(?:(\w+):)?\w+>", lambda m: SAMPLE_ARGS.get(m.group(1) or "str", "x"), route)
    return "/" + route.lstrip("^").rstrip("$")


PUBLIC_CONSOLE_ROUTES = {"console/login/"}


@pytest.mark.django_db
def test_every_console_url_requires_login(client):
    routes = sorted(set(_console_routes()) - PUBLIC_CONSOLE_ROUTES)
    assert routes
    for route in routes:
        response = client.get(_sample_url(route))
        assert response.status_code in (302, 405), route
        if response.status_code == 302:
            assert response["Location"].startswith("/console/login/"), route


def _python_files(*names):
    for path in PACKAGE.rglob("*.py"):
        if path.name in names and "tests" not in path.parts and "migrations" not in path.parts:
            yield path


DOMAIN_MODULES = (
    "services.py",
    "workflow.py",
    "calendar.py",
    "statistics.py",
    "tables.py",
    "deadlines.py",
    "fees.py",
)


@pytest.mark.parametrize(
    "path", list(_python_files(*DOMAIN_MODULES)), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_domain_modules_never_see_a_request(path):
    tree = ast.parse(path.read_text())
    imported = {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    } | {
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    }
    assert not any(name.startswith("django.http") for name in imported)


def test_no_template_marks_user_input_safe():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("templates/**/*.html")
        if "|safe" in path.read_text().replace(" ", "")
    ]
    assert offenders == [], "HTML must be sanitised on the way in and rendered with a vetted filter"


def test_domain_code_does_not_read_the_clock_directly():
    pattern = re.compile(r"\b(date\.today|datetime\.now|timezone\.now|datetime\.today)\(")
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if "tests" not in path.parts
        and "migrations" not in path.parts
        and path.name != "clock.py"
        and pattern.search(path.read_text())
    ]
    assert offenders == []


def test_every_environment_variable_is_in_the_readme_table():
    settings_source = (PACKAGE / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\("([A-Z_]+)"', settings_source))
    readme = (PACKAGE.parent / "README.md").read_text()
    first_cells = [line.split("|")[1] for line in readme.splitlines() if line.startswith("| `")]
    documented = {name for cell in first_cells for name in re.findall(r"`([A-Z_]+)`", cell)}
    assert read, "no environment variables found in settings.py"
    assert read - documented == set()


# Business records and accounts: views, API endpoints, forms and dashboard panels reach them
# only through the scope layer (accounts.scoping) or a public scope of their manager that
# anyone may read (published documents, published reports).
SCOPED_MODELS = {
    "Document",
    "Revision",
    "Attachment",
    "Alert",
    "Application",
    "Letter",
    "Remedy",
    "AnnualReport",
    "User",
    "Membership",
    "Finding",
    "Score",
    "Rectification",
    "Adoption",
    "PublicList",
    "ListVersion",
    "Entry",
    "Decision",
    "WorkTask",
    "WorkPlan",
    "Training",
    "WorkReminder",
    "Catalogue",
    "Step",
    "Hearing",
    "Registration",
    "Meeting",
    "AgendaItem",
    "Attendee",
    "Consultation",
    "Comment",
    "CommentGroup",
    "Stakeholder",
    "Invitation",
    "Question",
    "Forward",
    "FaqEntry",
    "Incident",
    "Escalation",
    "PressConference",
}
PUBLIC_SCOPES = {"published", "public", "in_force_on", "plans_in_force_on", "not_yet_in_force_on"}
INTERFACE_MODULES = ("views.py", "console_views.py", "api.py", "forms.py", "dashboard.py")


def _unscoped_reads(tree):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "objects"
            and isinstance(node.value, ast.Name)
            and node.value.id in SCOPED_MODELS
        ):
            yield node.lineno, f"{node.value.id}.objects"
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("get_object_or_404", "get_list_or_404")
            and node.args
            and isinstance(node.args[0], ast.Name)
            and node.args[0].id in SCOPED_MODELS
        ):
            yield node.lineno, f"{node.func.id}({node.args[0].id})"


def _public_scope_lines(tree):
    """Lines reading `Model.objects.<public scope>(...)`: allowed."""
    return {
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and node.attr in PUBLIC_SCOPES
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "objects"
    }


@pytest.mark.parametrize(
    "path", list(_python_files(*INTERFACE_MODULES)), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_interfaces_read_business_records_only_through_the_scope_layer(path):
    tree = ast.parse(path.read_text())
    public = _public_scope_lines(tree)
    offenders = [
        f"line {line}: {what}" for line, what in _unscoped_reads(tree) if line not in public
    ]
    assert offenders == [], "use gongkai.accounts.scoping (or a public scope) instead"


def test_the_scope_check_catches_a_direct_read():
    source = "def view(request, pk):\n    return get_object_or_404(Application, pk=pk)\n"
    source += "q = Document.objects.filter(pk=1)\nok = Document.objects.published()\n"
    tree = ast.parse(source)
    found = [what for line, what in _unscoped_reads(tree) if line not in _public_scope_lines(tree)]
    assert found == ["get_object_or_404(Application)", "Document.objects"]


def _utc_moment(node) -> bool:
    """A stored moment (`…_at`) or `timezone.now()`: aware and in UTC when read back."""
    if isinstance(node, ast.Attribute):
        return node.attr.endswith("_at")
    if isinstance(node, ast.Name):
        return node.id.endswith("_at")
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        return name in ("now", "utcnow")
    return False


def _dates_taken_in_utc(tree):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr in ("date", "year", "month", "day", "hour", "strftime")
            and _utc_moment(node.value)
        ):
            yield node.lineno


def test_no_code_takes_a_date_from_a_utc_moment():
    # `published_at.date()` is the UTC date: a day early between 00:00 and 08:00 China time.
    # core.clock.local_date / local_today / this_year give the China date.
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in PACKAGE.rglob("*.py")
        if "migrations" not in path.parts and path.name != "clock.py"
        for line in _dates_taken_in_utc(ast.parse(path.read_text()))
    ]
    assert offenders == []
