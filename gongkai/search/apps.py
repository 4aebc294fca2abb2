from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "gongkai.search"
    verbose_name = "检索"

    def ready(self):
        from gongkai.publishing.signals import document_changed
        from gongkai.units.signals import unit_moved

        from .receivers import connect, enqueue_index_operation, reindex_moved_units

        document_changed.connect(enqueue_index_operation, dispatch_uid="search-outbox")
        unit_moved.connect(reindex_moved_units, dispatch_uid="search-unit-moved")
        connect()
