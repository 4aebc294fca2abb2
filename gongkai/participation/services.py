"""Consultation figures over a year: totals per unit and for a government, for the office's
dashboard and the annual report's narrative (counted from the records, never typed)."""

from gongkai.units.models import Unit

from .models import Consultation, ConsultationStatus, statistics

FIGURES = (
    "comments",
    "shown",
    "groups",
    "fully_adopted",
    "partly_adopted",
    "not_adopted",
    "undecided",
)


def of_year(consultations, year):
    """The consultations put out for comment in `year` (by the day comment opened)."""
    return consultations.filter(starts_on__year=year).exclude(status=ConsultationStatus.DRAFT)


def totals(consultations) -> dict:
    """The figures of `consultations` added up, with how many there were, how many were on
    major decisions and how many are closed."""
    found = list(consultations)
    figures = statistics(found)
    summed = {key: sum(figures[c.pk][key] for c in found) for key in FIGURES}
    summed["adopted"] = summed["fully_adopted"] + summed["partly_adopted"]
    summed["consultations"] = len(found)
    summed["major"] = sum(1 for c in found if c.is_major)
    summed["closed"] = sum(1 for c in found if c.status == ConsultationStatus.CLOSED)
    return summed


def totals_by_unit(consultations) -> list[tuple]:
    """(unit, totals) for each unit among `consultations`, in the units' display order."""
    found = list(consultations.select_related("unit"))
    units = sorted({c.unit for c in found}, key=lambda u: (u.display_order, u.pk))
    return [(u, totals([c for c in found if c.unit_id == u.pk])) for u in units]


def _covered(unit):
    """A government's report speaks for all its units; a unit's for itself."""
    if unit.is_government:
        return Unit.objects.filter(government=unit)
    return Unit.objects.filter(pk=unit.pk)


def draft_section(unit, year) -> str:
    """The sentences of the annual report's 总体情况 on consultations in `year` (the unit edits
    them in the report); empty when there were none."""
    found = totals(of_year(Consultation.objects.filter(unit__in=_covered(unit)), year))
    if not found["consultations"]:
        return ""
    who = "本级政府及所属各单位" if unit.is_government else "本机关"
    major = f"（其中重大行政决策草案{found['major']}件）" if found["major"] else ""
    pending = f"，另有{found['undecided']}组正在研究" if found["undecided"] else ""
    return (
        f"推进决策公开。{year}年{who}就{found['consultations']}件草案公开征求意见{major}，"
        f"收到意见{found['comments']}条，经审核公开{found['shown']}条，"
        f"相同或相近的意见合并为{found['groups']}组；其中采纳{found['fully_adopted']}组，"
        f"部分采纳{found['partly_adopted']}组，未采纳{found['not_adopted']}组{pending}。"
        f"已办结{found['closed']}件，均公布了意见采纳情况。"
    )
