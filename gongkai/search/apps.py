from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "gongkai.search"
    verbose_name = "检索"

    def ready(self):
        from gongkai.publishing.signals import document_changed

        from .receivers import enqueue_index_operation

        document_changed.connect(enqueue_index_operation, dispatch_uid="search-outbox")
