"""Demo supervision: the standard catalogues of three pilot fields (财政预决算, 社会救助,
义务教育) imported through the XLSX import, adopted by the bureaus concerned; the year's work
points with progress; training plans and records; a month of daily inspections;
rectifications given, reported and closed, or still open — all through the services and
workflow, as the office and the units would, each step on the day the demo says it was taken
(core.demotime), relative to the load day: nothing before the accounts exist, nothing after
the load moment."""

import datetime
import io

from openpyxl import Workbook

from gongkai.accounts.models import User
from gongkai.core import demotime
from gongkai.core.clock import local_today
from gongkai.publishing import workflow as publishing_workflow
from gongkai.publishing.models import Column
from gongkai.units.models import Unit

from . import catalogue, defaults, services, training, workflow, workpoints
from .models import (
    CatalogueItem,
    CatalogueVersion,
    Indicator,
    InspectionRun,
    Training,
    WorkPlan,
    WorkTask,
)

GOVERNMENT_CODE = "dlq"
HISTORY_DAYS = 30
# The catalogues were imported (and adopted) this many days before the load day; the
# neglected units opened their empty columns before the month of inspections.
CATALOGUE_DAYS = 400
EMPTY_COLUMNS_DAYS = HISTORY_DAYS + 60
_DAY = datetime.timedelta(days=1)

# After the county-level standard catalogues of the pilot fields (国办发〔2019〕54号 and the
# sector guidelines): item, content, basis, time limit, body, channel, audience, mode, level.
_ITEMS = [
    (
        "财政预决算",
        "政府预算",
        "本级政府预算",
        "经本级人民代表大会批准的政府预算报告及报表（一般公共预算、政府性基金预算、国有资本经营预算、社会保险基金预算）",
        "《中华人民共和国预算法》第十四条",
        "批准后20日内",
        "县级财政部门",
        "■政府网站 □两微一端 □公开查阅点",
        "全社会",
        "主动",
        "县级",
    ),
    (
        "财政预决算",
        "政府决算",
        "本级政府决算",
        "经本级人大常委会批准的政府决算报告及报表",
        "《中华人民共和国预算法》第十四条",
        "批准后20日内",
        "县级财政部门",
        "■政府网站",
        "全社会",
        "主动",
        "县级",
    ),
    (
        "财政预决算",
        "部门预算",
        "部门预算",
        "部门预算报告及报表、三公经费预算说明",
        "《中华人民共和国预算法》第十四条",
        "财政部门批复后20日内",
        "各预算部门",
        "■政府网站",
        "全社会",
        "主动",
        "县级",
    ),
    (
        "财政预决算",
        "部门决算",
        "部门决算",
        "部门决算报告及报表、三公经费决算说明",
        "《中华人民共和国预算法》第十四条",
        "财政部门批复后20日内",
        "各预算部门",
        "■政府网站",
        "全社会",
        "主动",
        "县级",
    ),
    (
        "社会救助",
        "最低生活保障",
        "政策法规文件",
        "最低生活保障相关法律法规、政策文件",
        "《社会救助暂行办法》",
        "信息形成或变更之日起20个工作日内",
        "县级民政部门",
        "■政府网站 ■公开查阅点",
        "全社会",
        "主动",
        "县级、乡级",
    ),
    (
        "社会救助",
        "最低生活保障",
        "保障标准",
        "城乡低保标准",
        "《社会救助暂行办法》",
        "信息形成或变更之日起20个工作日内",
        "县级民政部门",
        "■政府网站 ■公开查阅点",
        "全社会",
        "主动",
        "县级",
    ),
    (
        "社会救助",
        "特困人员救助供养",
        "办事指南",
        "申请条件、所需材料、办理流程、办理时限、咨询电话",
        "《社会救助暂行办法》",
        "信息形成或变更之日起20个工作日内",
        "县级民政部门",
        "■政府网站 ■便民服务站",
        "全社会",
        "主动",
        "县级、乡级",
    ),
    (
        "义务教育",
        "招生入学",
        "招生政策",
        "义务教育招生入学政策、划片范围、报名时间和方式",
        "《中华人民共和国义务教育法》",
        "每年6月30日前",
        "县级教育部门",
        "■政府网站 ■两微一端",
        "全社会",
        "主动",
        "县级",
    ),
    (
        "义务教育",
        "教育收费",
        "收费项目和标准",
        "收费项目、标准、依据及投诉电话",
        "《教育收费公示制度》",
        "信息形成或变更之日起10个工作日内",
        "县级教育部门",
        "■政府网站 ■学校公示栏",
        "全社会",
        "主动",
        "县级",
    ),
]
# Who adopts what (unit code → fields).
_ADOPTERS = {
    "czj": ["财政预决算"],
    "mzj": ["社会救助", "财政预决算"],
    "jyj": ["义务教育", "财政预决算"],
}


def _catalogue_file():
    book = Workbook()
    sheet = book.active
    sheet.append([h for h, _, _ in catalogue.COLUMNS])
    for n, (field, *rest) in enumerate(_ITEMS, 1):
        first, second, content, basis, limit, body, channel, audience, mode, level = rest
        sheet.append(
            [n, field, first, second, content, basis, limit, body, channel, audience, mode, level]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def load(stdout):
    government = Unit.objects.filter(code=GOVERNMENT_CODE).first()
    if government is None or InspectionRun.objects.filter(government=government).exists():
        return
    defaults.install(Indicator)
    office = User.objects.get(username="office")
    staff = {u.username: u for u in User.objects.filter(username__contains="-")}
    today = local_today()
    imported = today - datetime.timedelta(days=CATALOGUE_DAYS)
    if not CatalogueVersion.objects.exists():
        with demotime.on(imported):
            catalogue.import_catalogue(
                actor=office,
                data=_catalogue_file(),
                filename="试点领域标准目录（演示）.xlsx",
                level="county",
            )
    for n, (code, fields) in enumerate(_ADOPTERS.items(), 1):
        unit = Unit.objects.filter(code=code).first()
        editor = staff.get(f"{code}-editor")
        if unit is None or editor is None:
            continue
        with demotime.on(imported + n * _DAY):
            for item in CatalogueItem.objects.filter(version__field__in=fields):
                if (
                    item.version.field == "财政预决算"
                    and item.first_level.startswith("政府")
                    and code != "czj"
                ):
                    continue
                catalogue.adopt(actor=editor, unit=unit, item=item)
    with demotime.on(today - datetime.timedelta(days=EMPTY_COLUMNS_DAYS)):
        _empty_columns(staff)
    issued = _work_plan(government, office, staff, today)
    _trainings(government, office, staff, today, issued)
    for offset in range(HISTORY_DAYS - 1, -1, -1):
        day = today - datetime.timedelta(days=offset)
        with demotime.on(day):
            services.run_inspection(government, day)
    run = InspectionRun.objects.filter(government=government).first()
    tasks = _rectifications(government, run, office, staff, today)
    stdout.write(
        f"监督检查：{HISTORY_DAYS} 天自查记录，{run.findings.count()} 项问题，{tasks} 项整改任务。"
    )


def _rectifications(government, run, office, staff, today):
    """Four units get a task each, 12, 10, 8 and 6 days before the load day, from that day's
    inspection: two report and are closed, one reported and waits for the office, one is
    still open."""
    chosen, seen = [], set()
    for finding in run.findings.select_related("unit", "indicator").order_by(
        "indicator__order", "id"
    ):
        if (
            finding.unit_id in seen
            or f"{finding.unit.code}-editor" not in staff
            or finding.indicator.code == "annual_report"  # a late report stays late
        ):
            continue
        chosen.append(finding)
        seen.add(finding.unit_id)
        if len(chosen) == 4:
            break
    for n, latest in enumerate(chosen):
        assigned = today - datetime.timedelta(days=12 - 2 * n)
        finding = (
            InspectionRun.objects.get(government=government, day=assigned)
            .findings.filter(unit=latest.unit, indicator=latest.indicator, key=latest.key)
            .first()
        ) or latest
        with demotime.on(assigned, 30):
            task = workflow.assign_rectification(
                actor=office,
                finding=finding,
                deadline=assigned + datetime.timedelta(days=10 + n),
                requirement="请于期限内整改到位，并举一反三排查同类问题。",
            )
        if n >= 3:
            continue
        editor = staff[f"{finding.unit.code}-editor"]
        with demotime.on(assigned + 3 * _DAY, 60):
            workflow.submit_rectification(
                actor=editor, task=task, evidence="已逐项核查并整改，相关信息已在本单位专栏发布。"
            )
        if n < 2:
            with demotime.on(assigned + 5 * _DAY, 90):
                workflow.close_rectification(actor=office, task=task, note="经复核，整改到位。")
    return len(chosen)


# Three units opened columns and never filled them: with the columns already empty they reach
# the single veto for empty columns (空白栏目超过5个) and fail every day of the month.
_NEGLECTED = {"tyj": "区体育局", "xfj": "区信访局", "mzzj": "区民宗局"}
_NEW_COLUMNS = (("工作动态", "news"), ("政策解读", "interpretations"), ("重点领域", "key-areas"))


def _empty_columns(staff):
    for code in _NEGLECTED:
        unit = Unit.objects.filter(code=code).first()
        admin = staff.get(f"{code}-admin")
        if unit is None or admin is None:
            continue
        for name, slug in _NEW_COLUMNS:
            if not Column.objects.filter(unit=unit, slug=slug).exists():
                publishing_workflow.add_column(actor=admin, unit=unit, name=name, slug=slug)


def _plan_day(today):
    """The office issues the year's work points in mid-January (on the load day itself when
    the demo is loaded before that)."""
    return min(datetime.date(today.year, 1, 15), today)


def _clamp(day, first, last):
    return max(first, min(day, last))


def _work_plan(government, office, staff, today):
    """The demo district's work points for the year, modelled on a district's 政务公开工作要点
    (each point with its responsible units and deadline); some units have reported: those
    done before their deadline (the annual report on 20 January, the day the reports demo
    publishes it), those in progress half-way between the plan and the load day. Returns the
    day the plan was issued."""
    year = today.year
    issued = _plan_day(today)
    if WorkPlan.objects.filter(government=government, year=year).exists():
        return issued
    lines = [
        f"（一）围绕优化营商环境，集中公开涉企政策，政策文件与解读材料同步发布。"
        f"（责任单位：区发改局、区商务局、区行政审批局）（完成时限：{year}年6月底前）",
        f"（二）做好财政预决算公开，部门预算、决算在批复后20日内公开。"
        f"（责任单位：区财政局、区教育局、区民政局）（完成时限：{year}年9月底前）",
        f"（三）推进社会救助领域基层政务公开标准化规范化，完善标准目录并动态更新。"
        f"（责任单位：区民政局）（完成时限：{year}年10月底前）",
        f"（四）规范依申请公开办理，按时答复率达到100%。"
        f"（责任单位：区政府办、区住建局、区自然资源局）（完成时限：{year}年12月31日前）",
        f"（五）开展政府信息公开专栏自查，空白栏目、长期不更新栏目全部整改。"
        f"（责任单位：区体育局、区信访局、区民宗局）（完成时限：{year}年11月底前）",
        f"（六）编制发布{year - 1}年度政府信息公开工作年度报告。"
        f"（责任单位：区政府办）（完成时限：{year}年1月31日前）",
    ]
    points, errors = workpoints.parse_points(lines, government)
    if errors:
        return issued
    with demotime.on(issued):
        plan = workpoints.create_plan(
            actor=office,
            government=government,
            year=year,
            title=f"东岚区{year}年政务公开工作要点",
            points=points,
        )
    reported = {"fgj": True, "czj": True, "mzj": False, "qzfb": True, "zjj": False}
    halfway = issued + (today - issued) / 2
    for n, task in enumerate(
        WorkTask.objects.filter(point__plan=plan).select_related("unit", "point")
    ):
        done = reported.get(task.unit.code)
        editor = staff.get(f"{task.unit.code}-editor")
        if done is None or editor is None:
            continue
        if done and task.deadline:
            day = _clamp(task.deadline - 11 * _DAY, issued, today)
        else:
            day = _clamp(halfway, issued, today)
        with demotime.on(day, 60 + n):
            workpoints.report_progress(
                actor=editor,
                task=task,
                done=done,
                text="已按要点要求推进，相关信息已在本单位政府信息公开专栏发布。"
                if done
                else "正在推进，已完成方案制定。",
            )
    return issued


# Training (五(三)): the office's district-wide course and two bureaus' own, held on the day
# after the plan plus these days when that is past; the office's next course is planned.
_TRAININGS = (
    ("office", None, "全区政府信息公开工作业务培训", 45, 86, "各单位分管负责人和经办人员"),
    ("czj", "czj-editor", "预决算公开和“三公”经费说明编制培训", 75, 18, "本局及下属单位财务人员"),
    ("mzj", "mzj-editor", "社会救助领域基层政务公开标准目录培训", 100, 23, "局机关和街道民政办"),
)
_PARTICIPANTS = "王建国\n李秀英\n张伟\n刘芳\n陈静"


def _trainings(government, office, staff, today, issued):
    if Training.objects.exists():
        return
    for code, username, title, after, people, audience in _TRAININGS:
        actor = office if username is None else staff.get(username)
        unit = government if username is None else Unit.objects.filter(code=code).first()
        if actor is None or unit is None:
            continue
        planned = issued + datetime.timedelta(days=after)
        with demotime.on(min(issued + 2 * _DAY, today), 30):
            course = training.plan_training(
                actor=actor, unit=unit, title=title, planned_on=planned, audience=audience
            )
        if planned >= today:
            continue
        with demotime.on(planned + _DAY, 120):
            training.record_training(
                actor=actor,
                training=course,
                held_on=planned,
                hours=3,
                participant_count=people,
                participants=_PARTICIPANTS,
                materials="培训课件（PPT）、《中华人民共和国政府信息公开条例》释义",
            )
