"""The Atom feed of published questions and their answers (政民互动)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .models import Question

FEED_SIZE = 30


class AnswerFeed(Feed):
    """The masked copies the public reads, as they are published."""

    feed_type = Atom1Feed
    title = "政民互动 · 公开答复"
    description = "公众咨询和领导信箱留言的公开答复"

    def link(self):
        return reverse("interaction:index")

    def items(self):
        return (
            Question.objects.published()
            .select_related("unit")
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.public_subject

    def item_description(self, item):
        return f"{item.get_kind_display()}。答复：{item.public_answer[:300]}"

    def item_link(self, item):
        return reverse("interaction:detail", args=[item.pk])

    def item_pubdate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.unit.full_name if item.unit_id else ""

    def item_guid(self, item):
        return f"urn:gongkai:question:{item.pk}"

    item_guid_is_permalink = False
