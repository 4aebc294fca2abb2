from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "gongkai.feedback"
    verbose_name = "纠错和意见"
