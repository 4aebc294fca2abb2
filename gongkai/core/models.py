from django.db import models


class ThrottleCounter(models.Model):
    """One window of one rate limit (see core.throttle), when no Redis is configured."""

    key = models.CharField(max_length=200, unique=True)
    count = models.PositiveIntegerField(default=0)
    expires_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.key} = {self.count}"
