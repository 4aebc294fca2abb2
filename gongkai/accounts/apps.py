from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "gongkai.accounts"
    verbose_name = "人员与角色"

    def ready(self):
        from . import signals  # noqa: F401  (connects the receivers)
