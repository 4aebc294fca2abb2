from gongkai.console.panels import Panel

from .services import may_edit_calendar, missing_year_alert


def dashboard_panels(user, today):
    alert = missing_year_alert(today)
    if alert is None:
        return []
    context = {"alert": alert, "can_edit": may_edit_calendar(user)}
    return [Panel("节假日安排尚未录入", "workdays/_panel_alert.html", context)]
