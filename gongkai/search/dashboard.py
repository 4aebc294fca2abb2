"""The search panel of the console dashboard: whether this node's index is missing or
behind the changes waiting in the outbox."""

from gongkai.accounts.permissions import roles_of
from gongkai.console.panels import Panel

from . import indexer


def dashboard_panels(user, today):
    if not roles_of(user):
        return []
    status = indexer.status()
    return [Panel("检索索引", "search/_panel.html", {"status": status})]
