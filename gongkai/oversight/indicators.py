"""The office sets the inspection indicators (检查指标): name, points off per problem, the most
taken off, the single-veto threshold (单项否决), the update period and column keywords of the
column-update indicators, the statutory items that must have content, on or off.

One named, audited function; bad input raises ``ValidationError`` with a Chinese message and
changes nothing; only the openness office may change them (they weigh every unit's score)."""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from gongkai.accounts.permissions import require_any_role
from gongkai.accounts.roles import Role
from gongkai.audit.services import record
from gongkai.publishing import vocabularies as v

from . import rules
from .models import Indicator

FIELDS = (
    "name",
    "weight",
    "cap",
    "veto_threshold",
    "period_days",
    "keywords",
    "categories",
    "is_active",
)
MAX_POINTS = Decimal(100)
MAX_PERIOD_DAYS = 3650


def uses_period(indicator):
    """Column-update indicators: a column named with a keyword must change within the period."""
    return rules.LIVE_RULES.get(indicator.code) is rules.stale_columns


def uses_categories(indicator):
    return rules.LIVE_RULES.get(indicator.code) is rules.empty_category


def _points(value, label):
    try:
        value = Decimal(str(value)).quantize(Decimal("0.01"))
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError(f"{label}应为数字。") from None
    if not (Decimal("0.01") <= value <= MAX_POINTS):
        raise ValidationError(f"{label}应在0.01至100分之间。")
    return value


def _words(value):
    return [
        w.strip()
        for w in (value or "").replace("，", ",").replace("、", ",").split(",")
        if w.strip()
    ]


def _name(values, out, errors):
    name = (values.get("name") or "").strip()
    if not name:
        errors["name"] = "请填写指标名称。"
    elif len(name) > 100:
        errors["name"] = "指标名称不能超过100字。"
    out["name"] = name


def _scoring(values, out, errors):
    for field, label in (("weight", "每项扣分"), ("cap", "最多扣分")):
        try:
            out[field] = _points(values.get(field), label)
        except ValidationError as error:
            errors[field] = error.messages[0]
    if "weight" in out and "cap" in out and out["cap"] < out["weight"]:
        errors["cap"] = "最多扣分不能少于每项扣分。"
    veto = values.get("veto_threshold")
    if veto in ("", None):
        out["veto_threshold"] = None
    elif not isinstance(veto, int) or not 1 <= veto <= 10000:
        errors["veto_threshold"] = "单项否决阈值应为1至10000之间的整数，留空表示不否决。"
    else:
        out["veto_threshold"] = veto


def _period(values, out, errors):
    period = values.get("period_days")
    if not isinstance(period, int) or not 1 <= period <= MAX_PERIOD_DAYS:
        errors["period_days"] = "更新周期应为1至3650之间的整数（自然日）。"
    out["period_days"] = period
    words = _words(values.get("keywords"))
    if not words:
        errors["keywords"] = "请填写栏目名称关键词，多个用逗号分隔。"
    out["keywords"] = ",".join(words)[:200]


def _categories(values, out, errors):
    codes = _words(values.get("categories"))
    unknown = [c for c in codes if c not in v.STATUTORY_LABELS]
    if not codes:
        errors["categories"] = "请至少填写一项法定公开事项代码。"
    elif unknown:
        errors["categories"] = f"无法识别的法定公开事项代码：{'、'.join(unknown)}。"
    out["categories"] = ",".join(codes)[:300]


def clean(indicator, values):
    """The new settings, checked; raises with every problem found, per field. Settings an
    indicator's rule does not use stay as they are."""
    errors, out = {}, {}
    _name(values, out, errors)
    _scoring(values, out, errors)
    if uses_period(indicator):
        _period(values, out, errors)
    else:
        out["period_days"], out["keywords"] = indicator.period_days, indicator.keywords
    if uses_categories(indicator):
        _categories(values, out, errors)
    else:
        out["categories"] = indicator.categories
    out["is_active"] = bool(values.get("is_active"))
    if errors:
        raise ValidationError(errors)
    return out


@transaction.atomic
def update_indicator(*, actor, indicator, **values):
    """Change an indicator's settings; the audit event keeps each changed value before and
    after. Saving without a change records nothing."""
    require_any_role(actor, Role.OFFICE)
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    new = clean(indicator, values)
    changed = {
        field: [_plain(getattr(indicator, field)), _plain(new[field])]
        for field in FIELDS
        if getattr(indicator, field) != new[field]
    }
    if not changed:
        return indicator
    for field in FIELDS:
        setattr(indicator, field, new[field])
    indicator.save()
    record(actor=actor, action="update_indicator", target=indicator, data={"changed": changed})
    return indicator


def _plain(value):
    return str(value) if isinstance(value, Decimal) else value
