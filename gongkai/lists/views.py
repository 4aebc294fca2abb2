"""Public pages of the lists (no JavaScript needed: filters are GET forms, a row's details
are a <details> element), and the console's pages for keeping them."""

from django.contrib import messages as flash
from django.contrib.syndication.views import Feed
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_POST

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role, units_for
from gongkai.accounts.roles import Role
from gongkai.console.decorators import staff_required
from gongkai.core.clock import local_today
from gongkai.core.forms import apply_errors
from gongkai.enforcement import services as enforcement_services

from . import rules, services
from .forms import EntryForm, FilterForm, ImportForm, ReturnForm, SettingForm, SubmitForm
from .models import Entry, ListVersion, PublicList, VersionStatus
from .schemas import SCHEMAS

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAGE_SIZE = 50


def _schema(kind):
    if kind not in SCHEMAS:
        raise Http404("没有这种清单。")
    return SCHEMAS[kind]


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


def _filtered(entries, schema, form):
    if not form.is_valid():
        return entries
    q = form.cleaned_data.get("q", "").strip()
    if q:
        for word in q.split():
            entries = entries.filter(search_text__icontains=word)
    for column in schema.filters:
        value = form.cleaned_data.get(column.key)
        if value:
            entries = entries.filter(**{f"data__{column.key}": value})
    return entries


def _options(schema, entries):
    """Values present in the free-text filter columns (e.g. the implementing bodies)."""
    options = {}
    for column in schema.filters:
        if not column.choices:
            values = {e.data.get(column.key, "") for e in entries}
            options[column.key] = sorted(v for v in values if v)
    return options


# ---------------------------------------------------------------- public


def index(request):
    counts = {}
    for kind, unit_id in PublicList.objects.published().values_list("kind", "unit_id"):
        counts.setdefault(kind, set()).add(unit_id)
    kinds = [(s, len(counts.get(s.kind, ()))) for s in SCHEMAS.values()]
    return render(request, "lists/index.html", {"kinds": kinds})


def kind_page(request, kind):
    schema = _schema(kind)
    lists = (
        PublicList.objects.published()
        .filter(kind=kind)
        .select_related("unit", "current")
        .order_by("unit__display_order", "unit__pk")
    )
    form = FilterForm(schema, {}, request.GET or None)
    hits = None
    if request.GET and form.is_valid() and any(form.cleaned_data.values()):
        entries = Entry.objects.published().filter(version__public_list__kind=kind)
        entries = _filtered(entries, schema, form).select_related("version__public_list__unit")
        hits = Paginator(
            entries.order_by("version__public_list__unit__display_order", "position"), PAGE_SIZE
        ).get_page(request.GET.get("page"))
    stats = None
    if schema.extra.get("statistics"):
        rows = Entry.objects.published().filter(version__public_list__kind=kind)
        stats = rules.statistics(schema, list(rows.values_list("data", flat=True)), local_today())
    return render(
        request,
        "lists/kind.html",
        {"schema": schema, "lists": lists, "form": form, "hits": hits, "stats": stats},
    )


def halls(request):
    """The 政务公开专区 of each service hall: what can be applied for there (the service
    guides naming it as their place), and that information-disclosure applications are
    accepted there too."""
    entries = (
        Entry.objects.published()
        .filter(version__public_list__kind="services")
        .select_related("version__public_list__unit")
        .order_by("position")
    )
    by_place: dict[str, list] = {}
    for entry in entries:
        by_place.setdefault(entry.data.get("place", ""), []).append(entry)
    return render(request, "lists/halls.html", {"halls": sorted(by_place.items())})


def _published_list(kind, code):
    schema = _schema(kind)
    public_list = get_object_or_404(
        PublicList.objects.published().select_related("unit", "current"), kind=kind, unit__code=code
    )
    return schema, public_list


def unit_list(request, kind, code):
    schema, public_list = _published_list(kind, code)
    entries = public_list.current.entries.all()
    form = FilterForm(schema, _options(schema, entries), request.GET or None)
    shown = list(_filtered(entries, schema, form).select_related("version__public_list"))
    if rules.parent_column(schema) is not None or schema.extra.get("variance"):
        shown = _as_tree(schema, shown)
    powers = {}
    if kind == "functions":
        powers = _power_names(public_list.unit)
    elif kind == "services":
        powers = services.published_single_items(public_list.unit)
    return render(
        request,
        "lists/unit_list.html",
        {
            "schema": schema,
            "public_list": public_list,
            "version": public_list.current,
            "entries": shown,
            "laws": services.law_links(shown),
            "documents": services.linked_documents(shown),
            "total": entries.count(),
            "form": form,
            "powers": powers,
        },
    )


def _as_tree(schema, entries):
    """Tasks in tree order, each with its depth, its variance flag and, for a parent, how
    many of its sub-tasks are done."""
    today = local_today()
    column = rules.parent_column(schema)
    spec = schema.extra.get("variance")
    ordered = []
    for depth, entry in rules.tree_order(schema, entries):
        entry.depth = depth
        entry.variance = rules.variance(schema, entry.data, today)
        children = [e for e in entries if column and e.data.get(column.key) == entry.key]
        if children and spec and not callable(spec):
            done = sum(1 for e in children if e.data.get(spec[1]) in spec[2])
            late = sum(1 for e in children if rules.variance(schema, e.data, today))
            entry.rollup = f"下设 {len(children)} 项，已完成 {done} 项" + (
                f"，{spec[3]} {late} 项" if late else ""
            )
        ordered.append(entry)
    return ordered


def _power_names(unit):
    current = PublicList.objects.published().filter(unit=unit, kind="powers").first()
    if current is None:
        return {}
    return {e.key: e.data.get("name", "") for e in current.current.entries.all()}


def history(request, kind, code):
    schema, public_list = _published_list(kind, code)
    versions = [
        (v, services.changes_in(v))
        for v in ListVersion.objects.published().filter(public_list=public_list)
    ]
    return render(
        request,
        "lists/history.html",
        {"schema": schema, "public_list": public_list, "versions": versions},
    )


def version_page(request, kind, code, number):
    schema, public_list = _published_list(kind, code)
    version = get_object_or_404(
        ListVersion.objects.published().filter(public_list=public_list), number=number
    )
    return render(
        request,
        "lists/version.html",
        {
            "schema": schema,
            "public_list": public_list,
            "version": version,
            "diff": services.changes_in(version),
            "previous": services.previous_version(version),
        },
    )


def download(request, kind, code):
    schema, public_list = _published_list(kind, code)
    data = services.export_bytes(public_list.current)
    return _xlsx(data, f"{public_list.unit.code}-{kind}-v{public_list.current.number}.xlsx")


def template(request, kind):
    _schema(kind)
    return _xlsx(services.template_bytes(kind), f"{kind}-template.xlsx")


def search(request):
    q = request.GET.get("q", "").strip()[:100]
    page = None
    if q:
        entries = Entry.objects.published()
        for word in q.split():
            entries = entries.filter(search_text__icontains=word)
        entries = entries.select_related("version__public_list__unit").order_by(
            "version__public_list__kind", "version__public_list__unit__display_order", "position"
        )
        page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "lists/search.html", {"q": q, "page": page, "schemas": SCHEMAS})


class KindFeed(Feed):
    """New versions of one kind of list, across units."""

    feed_type = Atom1Feed

    def get_object(self, request, kind):
        return _schema(kind)

    def title(self, schema):
        return f"{schema.label}更新"

    def link(self, schema):
        return reverse("lists:kind", args=[schema.kind])

    def description(self, schema):
        return schema.description

    def items(self, schema):
        return (
            ListVersion.objects.published()
            .filter(public_list__kind=schema.kind)
            .select_related("public_list__unit")
            .order_by("-published_at", "-id")[:30]
        )

    def item_title(self, item):
        return f"{item.unit.full_name}{item.schema.label}（第 {item.number} 版）"

    def item_description(self, item):
        return f"{item.note}。{services.changes_in(item).summary}。"

    def item_link(self, item):
        return reverse("lists:version", args=[item.public_list.kind, item.unit.code, item.number])

    def item_pubdate(self, item):
        return item.published_at

    def item_guid(self, item):
        return f"urn:gongkai:list-version:{item.pk}"

    item_guid_is_permalink = False


# ---------------------------------------------------------------- console


@staff_required
def console_home(request):
    units = scoping.work_units(request.user, Role.EDITOR, Role.REVIEWER).order_by(
        "display_order", "pk"
    )
    lists = {
        (pl.unit_id, pl.kind): pl for pl in scoping.lists(request.user).select_related("current")
    }
    drafts = {
        (v.public_list.unit_id, v.public_list.kind): v
        for v in scoping.list_versions(request.user)
        .filter(status__in=(VersionStatus.DRAFT, VersionStatus.SUBMITTED))
        .select_related("public_list")
    }
    rows = [
        (
            unit,
            [
                (s, lists.get((unit.pk, s.kind)), drafts.get((unit.pk, s.kind)))
                for s in SCHEMAS.values()
            ],
        )
        for unit in units
    ]
    governments = units_for(request.user, Role.OFFICE)
    return render(
        request,
        "lists/console_home.html",
        {"rows": rows, "is_office": governments.exists()},
    )


def _work_unit(user, unit_pk):
    return get_object_or_404(scoping.work_units(user, Role.EDITOR, Role.REVIEWER), pk=unit_pk)


@staff_required
def workspace(request, unit_pk, kind):
    schema = _schema(kind)
    unit = _work_unit(request.user, unit_pk)
    public_list = scoping.lists(request.user).filter(unit=unit, kind=kind).first()
    draft = services.open_draft(public_list) if public_list else None
    is_editor = has_role(request.user, unit, Role.EDITOR)
    is_reviewer = has_role(request.user, unit, Role.REVIEWER)
    if request.method == "POST":
        if not is_editor:
            raise PermissionDenied("只有录入人员可以导入清单。")
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                services.import_rows(
                    actor=request.user,
                    unit=unit,
                    kind=kind,
                    data=upload.read(),
                    filename=upload.name,
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                flash.success(request, "表格已全部导入草稿，请核对后提交审核。")
                return redirect("console-lists:workspace", unit.pk, kind)
    else:
        form = ImportForm()
    return render(
        request,
        "lists/workspace.html",
        {
            "schema": schema,
            "unit": unit,
            "public_list": public_list,
            "draft": draft,
            "diff": services.changes_in(draft) if draft else None,
            "import_form": form,
            "submit_form": SubmitForm(),
            "return_form": ReturnForm(),
            "is_editor": is_editor,
            "is_reviewer": is_reviewer,
        },
    )


@staff_required
@require_POST
def start(request, unit_pk, kind):
    _schema(kind)
    unit = _work_unit(request.user, unit_pk)
    try:
        services.start_draft(actor=request.user, unit=unit, kind=kind)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    return redirect("console-lists:workspace", unit.pk, kind)


def _draft(user, pk):
    return get_object_or_404(scoping.list_versions(user).select_related("public_list__unit"), pk=pk)


@staff_required
def entry_edit(request, pk, entry_pk=None):
    version = _draft(request.user, pk)
    entry = get_object_or_404(version.entries, pk=entry_pk) if entry_pk else None
    schema = version.schema
    if request.method == "POST":
        form = EntryForm(schema, request.POST)
        if form.is_valid():
            try:
                services.save_entry(
                    actor=request.user, version=version, values=form.cleaned_data, entry=entry
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                flash.success(request, "已保存到草稿。")
                return redirect("console-lists:workspace", version.unit.pk, schema.kind)
    else:
        form = EntryForm(schema, initial=entry.data if entry else None)
    return render(
        request,
        "lists/entry_form.html",
        {"form": form, "version": version, "entry": entry, "schema": schema},
    )


@staff_required
@require_POST
def entry_delete(request, pk, entry_pk):
    version = _draft(request.user, pk)
    entry = get_object_or_404(version.entries, pk=entry_pk)
    try:
        services.delete_entry(actor=request.user, version=version, entry=entry)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        flash.success(request, f"已从草稿中删除“{entry.key}”。")
    return redirect("console-lists:workspace", version.unit.pk, version.schema.kind)


def _act(request, pk, action, form_class, success):
    version = _draft(request.user, pk)
    form = form_class(request.POST)
    values = form.cleaned_data if form.is_valid() else {k: "" for k in form.fields}
    try:
        action(actor=request.user, version=version, **values)
    except ValidationError as error:
        flash.error(request, "；".join(error.messages))
    else:
        flash.success(request, success)
    return redirect("console-lists:workspace", version.unit.pk, version.schema.kind)


class _NoFields:
    fields: dict = {}

    def __init__(self, data):
        pass

    def is_valid(self):
        return True

    cleaned_data: dict = {}


@staff_required
@require_POST
def submit(request, pk):
    return _act(request, pk, services.submit, SubmitForm, "已提交审核。")


@staff_required
@require_POST
def return_draft(request, pk):
    return _act(request, pk, services.return_for_changes, ReturnForm, "已退回修改。")


@staff_required
@require_POST
def publish(request, pk):
    return _act(request, pk, services.publish, _NoFields, "已审核通过并发布。")


@staff_required
def template_download(request, kind):
    _schema(kind)
    return _xlsx(services.template_bytes(kind), f"{kind}-template.xlsx")


def _with_enforcement(units, government, today):
    """The lists' standing of each unit beside how punctually it published its enforcement
    decisions this year (行政执法公示 is checked with the lists)."""
    published = enforcement_services.punctuality(units, today.year, today)
    return [
        (unit, states, published.get(unit.pk, enforcement_services.Punctuality()))
        for unit, states in services.office_overview(units, government, today)
    ]


@staff_required
def office(request):
    governments = units_for(request.user, Role.OFFICE).filter(kind="government")
    government = governments.order_by("pk").first()
    if government is None:
        raise PermissionDenied("只有政务公开办可以查看各单位清单情况。")
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        _schema(kind)
        form = SettingForm(request.POST)
        if form.is_valid():
            try:
                services.save_setting(
                    actor=request.user, government=government, kind=kind, **form.cleaned_data
                )
            except ValidationError as error:
                flash.error(request, "；".join(error.messages))
            else:
                flash.success(request, f"已保存“{SCHEMAS[kind].label}”的要求。")
        else:
            flash.error(
                request,
                "更新周期应为 1 到 3660 之间的自然日数，公开期限应为“2026-06-30”格式的日期。",
            )
        return redirect("console-lists:office")
    units = (
        scoping.work_units(request.user, Role.OFFICE)
        .filter(is_active=True)
        .order_by("display_order", "pk")
    )
    settings_by_kind = services.settings_of(government)
    return render(
        request,
        "lists/office.html",
        {
            "government": government,
            "schemas": list(SCHEMAS.values()),
            "settings": [(SCHEMAS[k], s) for k, s in settings_by_kind.items()],
            "overview": _with_enforcement(list(units), government, local_today()),
            "year": local_today().year,
        },
    )
