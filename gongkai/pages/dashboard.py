"""The static pages panel of the console: how many page renders wait in this node's queue and
how long the oldest has waited. It matters to the office, who answer for what the public
sees, and to the system administrator, who runs the renderer."""

from gongkai.accounts.permissions import has_any_role
from gongkai.accounts.roles import Role
from gongkai.console.panels import Panel

from . import renderer


def dashboard_panels(user, today):
    if not has_any_role(user, Role.OFFICE, Role.SYSADMIN):
        return []
    return [Panel("静态页面", "pages/_panel.html", {"status": renderer.status()})]
