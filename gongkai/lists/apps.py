from django.apps import AppConfig


class ListsConfig(AppConfig):
    name = "gongkai.lists"
    verbose_name = "公开清单"
