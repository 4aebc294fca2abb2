"""Demo annual reports for the previous year: every unit publishes its own through the real
workflow (editor writes, reviewer approves and publishes); the district government's aggregate
report is prepared by one openness-office account and reviewed and published by another, since
nobody reviews their own report. Each step happens, by the demo clock (demotime), in January
of the load day's year — written on the 10th, submitted on the 12th, reviewed and published on
the 20th, before the 31 January deadline of Art. 49 — or at the load moment if that is earlier."""

from datetime import date, datetime

from gongkai.accounts.models import User
from gongkai.core import demotime
from gongkai.core.clock import CHINA, local_today
from gongkai.publishing.models import Document
from gongkai.units.models import Unit

from . import workflow
from .models import AnnualReport

GOVERNMENT_CODE = "dlq"


def report_year(today):
    """The year whose reports are due now (Art. 49): the one before `today`'s."""
    return today.year - 1


def _narratives(unit, year):
    published = _published_in(unit, year)
    return {
        "overview": (
            f"{year}年，{unit.full_name}深入贯彻《中华人民共和国政府信息公开条例》，"
            f"围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障五个方面推进政务公开工作。"
            f"全年通过本单位政府信息公开专栏主动公开政府信息{published}条，"
            "依申请公开工作按照登记、审核、办理、答复、归档的流程规范运行。"
        ),
        "problems": (
            "存在的主要问题：政策解读形式较为单一，部分栏目更新不够及时。"
            f"改进情况：{year + 1}年将建立栏目更新责任清单，每季度开展一次自查。"
        ),
    }


def _published_in(unit, year) -> int:
    """What the narrative says was published: counted from the records, never invented."""
    start, end = (datetime(y, 1, 1, tzinfo=CHINA) for y in (year, year + 1))
    return (
        Document.objects.published()
        .filter(unit=unit, first_published_at__gte=start, first_published_at__lt=end)
        .count()
    )


# The demo has no enforcement or fee records to count these from: they are typed in, as a
# unit would from other systems, and the source note says they are sample figures.
DEMO_FIGURES_SOURCE = (
    "演示数据：行政许可、行政处罚、行政强制数量和收费金额为示例数字，"
    "并非真实统计；实际使用时应注明数据来自哪个业务系统的年度统计。"
)


def _figures(number):
    return {
        "licensing.decisions": str(120 + number * 31),
        "penalty.decisions": str(5 + number * 3),
        "enforcement.decisions": str(number % 3),
        "fees.amount": f"{number * 1.25:.2f}",
    }


def _on(year, day, minutes=0):
    return demotime.on(date(year + 1, 1, day), minutes)


def _publish(*, year, unit, number, writer, reviewer, narratives, figures=None):
    with _on(year, 10, number):
        report = workflow.generate_report(actor=writer, unit=unit, year=year)
        report = workflow.update_report(
            actor=writer,
            report=report,
            narratives=narratives,
            **(dict(figures=figures, figures_source=DEMO_FIGURES_SOURCE) if figures else {}),
        )
    with _on(year, 12, number):
        workflow.submit_report(actor=writer, report=report)
    with _on(year, 20, number):
        workflow.review_report(
            actor=reviewer,
            report=report,
            approve=True,
            comment="数据核对无误。" if figures else "汇总数据核对无误。",
            confidentiality_result=workflow.CONFIDENTIALITY_CLEARED,
        )
    with _on(year, 20, number + 1):
        workflow.publish_report(actor=reviewer, report=report)


def load(stdout):
    year = report_year(local_today())
    units = Unit.objects.active().exclude(code=GOVERNMENT_CODE).order_by("display_order", "pk")
    staff = {user.username: user for user in User.objects.filter(username__contains="-")}
    published = 0
    units = list(units)
    for number, unit in enumerate(units, start=1):
        if AnnualReport.objects.filter(unit=unit, year=year).exists():
            continue
        _publish(
            year=year,
            unit=unit,
            number=number * 2,
            writer=staff[f"{unit.code}-editor"],
            reviewer=staff[f"{unit.code}-reviewer"],
            narratives=_narratives(unit, year),
            figures=_figures(number),
        )
        published += 1
    government = Unit.objects.filter(code=GOVERNMENT_CODE).first()
    office = User.objects.filter(username="office").first()
    office_reviewer = User.objects.filter(username="office-reviewer").first()
    if (
        government
        and office
        and office_reviewer
        and not AnnualReport.objects.filter(unit=government, year=year).exists()
    ):
        # The aggregate comes after the units' own reports, the same days later in the hour.
        _publish(
            year=year,
            unit=government,
            number=2 * len(units) + 2,
            writer=office,
            reviewer=office_reviewer,
            narratives=_narratives(government, year),
        )
        published += 1
    stdout.write(f"年度报告：发布 {published} 份{year}年度报告")
