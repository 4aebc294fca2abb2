from django.apps import AppConfig


class InteractionConfig(AppConfig):
    name = "gongkai.interaction"
    verbose_name = "政民互动"

    def ready(self):
        from gongkai.workdays.signals import calendar_changed

        from .services import recompute_after_calendar_change

        calendar_changed.connect(recompute_after_calendar_change, dispatch_uid="interaction-due")
