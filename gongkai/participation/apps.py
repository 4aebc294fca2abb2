from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "gongkai.participation"
    verbose_name = "公众参与"
