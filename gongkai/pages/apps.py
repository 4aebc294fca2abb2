from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "gongkai.pages"
    verbose_name = "公开页面"

    def ready(self):
        from . import receivers

        receivers.connect()
