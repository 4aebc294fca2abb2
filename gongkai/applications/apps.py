from django.apps import AppConfig


class ApplicationsConfig(AppConfig):
    name = "gongkai.applications"
    verbose_name = "依申请公开"

    def ready(self):
        from gongkai.workdays.signals import calendar_changed

        from .receivers import recompute_after_calendar_change

        calendar_changed.connect(recompute_after_calendar_change, dispatch_uid="applications-due")
