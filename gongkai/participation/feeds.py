"""The Atom feed of the drafts open for comment today."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.core.clock import local_today

from .models import Consultation, ConsultationStatus

FEED_SIZE = 30


class OpenConsultationFeed(Feed):
    """What a reader may still comment on: it changes with the date, so the static copy is
    rendered again when the day turns (pages.registry.dated_pages)."""

    feed_type = Atom1Feed
    title = "正在征求意见的草案"
    description = "各单位公开征求意见的草案，欢迎在截止日期前提出意见"

    def link(self):
        return reverse("participation:list")

    def items(self):
        today = local_today()
        return (
            Consultation.objects.published()
            .filter(status=ConsultationStatus.OPEN, starts_on__lte=today, ends_on__gte=today)
            .select_related("unit")
            .order_by("-opened_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return (
            f"{item.unit.full_name}公开征求意见，{item.starts_on:%Y-%m-%d}至"
            f"{item.ends_on:%Y-%m-%d}。{item.explanation[:200]}"
        )

    def item_link(self, item):
        return reverse("participation:detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.opened_at

    def item_author_name(self, item):
        return item.unit.full_name

    def item_guid(self, item):
        return f"urn:gongkai:consultation:{item.pk}"

    item_guid_is_permalink = False
