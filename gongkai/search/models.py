"""The search outbox: every change that the index must follow, written in the same
transaction as the change itself, so that no change is ever lost between the database and
the index. Each application node keeps its own index and remembers locally how far it has
applied this log (see `indexer`), so several nodes can share one database."""

from django.db import models


class IndexOperation(models.Model):
    """One change to index. The id is the sequence number nodes apply in order."""

    class Op(models.TextChoices):
        UPSERT = "upsert", "更新"
        DELETE = "delete", "删除"

    id = models.BigAutoField(primary_key=True)
    # Which source the item comes from (search.kinds.SOURCES): a document, a consultation…
    kind = models.CharField("类别", max_length=20, default="document")
    # The item's id (a document's for kind "document"). Not a foreign key: the operation
    # must outlive a deleted item.
    document_id = models.BigIntegerField("编号", db_index=True)
    op = models.CharField("操作", max_length=10, choices=Op.choices)
    created_at = models.DateTimeField("时间", auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "索引操作"
        verbose_name_plural = "索引操作"

    def __str__(self):
        return f"#{self.id} {self.get_op_display()} {self.kind} {self.document_id}"
