"""Standard catalogue pages: the catalogues and their versions, the office's import, a unit's
adopted items with what fulfils them and whether on time."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from gongkai.accounts import scoping
from gongkai.accounts.permissions import has_role
from gongkai.accounts.roles import Role
from gongkai.console.decorators import staff_required
from gongkai.core.forms import apply_errors

from . import catalogue
from .forms import AdoptionForm, CatalogueImportForm
from .models import CatalogueItem, CatalogueVersion

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ADOPTING_ROLES = (Role.UNIT_ADMIN, Role.BODY_HEAD, Role.EDITOR, Role.OFFICE)


@staff_required
def catalogue_index(request):
    office = scoping.work_units(request.user, Role.OFFICE).exists()
    form = CatalogueImportForm(request.POST or None, request.FILES or None) if office else None
    if request.method == "POST":
        if not office:
            raise PermissionDenied("只有政务公开办可以导入标准目录。")
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                result = catalogue.import_catalogue(
                    actor=request.user,
                    data=upload.read(),
                    filename=upload.name,
                    level=form.cleaned_data["level"],
                )
            except ValidationError as error:
                apply_errors(form, error)
            else:
                flash.success(
                    request,
                    f"已导入 {result.items} 个目录事项，生成 "
                    + "、".join(str(v) for v in result.versions)
                    + "。",
                )
                for warning in result.warnings:
                    flash.warning(request, warning)
                return redirect("console-oversight:catalogues")
    units = scoping.work_units(request.user, *ADOPTING_ROLES)
    return render(
        request,
        "oversight/catalogues.html",
        {
            "current": catalogue.current_versions(),
            "versions": CatalogueVersion.objects.all(),
            "form": form,
            "units": units,
        },
    )


@staff_required
def catalogue_template(request):
    response = HttpResponse(catalogue.template_xlsx(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = "attachment; filename=catalogue-template.xlsx"
    return response


@staff_required
def catalogue_version(request, pk):
    version = get_object_or_404(CatalogueVersion, pk=pk)
    units = scoping.work_units(request.user, *ADOPTING_ROLES)
    adopted = set(
        scoping.adoptions(request.user)
        .filter(item__version=version)
        .values_list("unit_id", "item_id")
    )
    if request.method == "POST":
        unit = get_object_or_404(units, pk=request.POST.get("unit"))
        item = get_object_or_404(CatalogueItem, pk=request.POST.get("item"), version=version)
        catalogue.adopt(actor=request.user, unit=unit, item=item)
        flash.success(
            request, f"{unit.short_name}已认领“{item}”，请关联发布栏目和履行该事项的信息。"
        )
        return redirect("console-oversight:catalogue-unit", unit=unit.pk)
    rows = [
        (item, [(u, (u.pk, item.pk) in adopted) for u in units]) for item in version.items.all()
    ]
    return render(
        request,
        "oversight/catalogue_version.html",
        {"version": version, "rows": rows, "units": units},
    )


@staff_required
def catalogue_unit(request, unit):
    unit = get_object_or_404(scoping.supervised_units(request.user), pk=unit)
    adoptions = (
        scoping.adoptions(request.user)
        .filter(unit=unit)
        .select_related("item", "item__version", "column")
    )
    results = [catalogue.fulfilment(a) for a in adoptions]
    can_edit = has_role(request.user, unit, *ADOPTING_ROLES)
    return render(
        request,
        "oversight/catalogue_unit.html",
        {"unit": unit, "results": results, "can_edit": can_edit},
    )


@staff_required
def adoption_edit(request, pk):
    adoption = get_object_or_404(
        scoping.adoptions(request.user).select_related("unit", "item"), pk=pk
    )
    if not has_role(request.user, adoption.unit, *ADOPTING_ROLES):
        raise PermissionDenied("您不能修改该单位的目录事项。")
    documents = scoping.documents(request.user).filter(unit=adoption.unit, state="published")
    columns = adoption.unit.columns.all()
    form = AdoptionForm(
        request.POST or None,
        documents=documents,
        columns=columns,
        initial={"column": adoption.column, "documents": list(adoption.documents.all())},
    )
    if request.method == "POST" and form.is_valid():
        try:
            catalogue.adopt(
                actor=request.user, unit=adoption.unit, item=adoption.item, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            flash.success(request, "已保存。")
            return redirect("console-oversight:catalogue-unit", unit=adoption.unit_id)
    return render(request, "oversight/adoption_edit.html", {"adoption": adoption, "form": form})
