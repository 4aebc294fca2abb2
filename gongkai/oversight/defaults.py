"""The indicators the office starts with, after the national inspection indicators for
government websites (政府网站与政务新媒体检查指标): homepage news not updated in 2 weeks is a
single veto; more than 5 empty columns or more than 10 columns not updated when due are too.
The office changes weights, periods and thresholds on the rows; `install` adds only those
missing and never overwrites the office's changes."""

DEFAULTS = [
    # code, name, weight, cap, veto_threshold, period_days, keywords, categories
    ("overdue_application", "依申请公开逾期未答复", 3, 30, None, None, "", ""),
    ("annual_report", "年度报告逾期未发布或逾期发布", 10, 10, None, None, "", ""),
    ("empty_category", "法定公开事项无内容", 5, 20, None, None, "", "a20.07"),
    ("empty_column", "空白栏目", 2, 20, 6, None, "", ""),
    ("stale_news", "动态、要闻类栏目超过2周未更新", 5, 20, 1, 14, "动态,要闻", ""),
    (
        "stale_notice",
        "通知公告、政策文件类栏目超过6个月未更新",
        2,
        20,
        11,
        183,
        "通知公告,政策文件",
        "",
    ),
    ("expired_validity", "文件有效期届满未清理", 2, 20, None, None, "", ""),
    ("no_interpretation", "政策文件未发布解读", 2, 20, None, None, "", ""),
    ("broken_link", "链接无法访问", 1, 10, None, None, "", ""),
    ("unfulfilled_catalogue", "标准目录事项未履行", 1, 20, None, None, "", ""),
    ("late_work_point", "工作要点任务逾期未完成", 2, 20, None, None, "", ""),
    ("stale_guide", "公开工作机构变更后指南未更新", 3, 3, None, None, "", ""),
    ("meeting_interpretation", "会议决定未及时发布解读", 2, 20, None, None, "", ""),
    # 互动回应差: a 政民互动 message unanswered past its due date (the problem says when one
    # has waited more than 3 months, the national indicators' failure line).
    ("late_question", "政民互动留言逾期未答复", 2, 20, None, None, "", ""),
    ("late_incident", "政务舆情回应超时", 2, 20, None, None, "", ""),
]


def install(Indicator):  # noqa: N803 (a model class, historical in the migration)
    for order, row in enumerate(DEFAULTS, 1):
        code, name, weight, cap, veto, period, keywords, categories = row
        Indicator.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "weight": weight,
                "cap": cap,
                "veto_threshold": veto,
                "period_days": period,
                "keywords": keywords,
                "categories": categories,
                "order": order * 10,
            },
        )
