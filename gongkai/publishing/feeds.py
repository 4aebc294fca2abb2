"""Atom feeds per unit and per statutory category, and the sitemap."""

from django.contrib.sitemaps import Sitemap
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.pages.units import current_unit
from gongkai.units.models import Unit

from . import vocabularies as v
from .models import Document

FEED_SIZE = 30


class _DocumentFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body_text[:200]

    def item_link(self, item):
        return item.get_absolute_url()

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_author_name(self, item):
        return item.unit.full_name

    def item_guid(self, item):
        return f"urn:gongkai:document:{item.pk}"

    item_guid_is_permalink = False

    def _recent(self, query):
        return list(
            query.select_related("unit")
            .only(
                "id",
                "title",
                "summary",
                "body_text",
                "published_at",
                "first_published_at",
                "unit__full_name",
            )
            .order_by("-published_at", "-id")[:FEED_SIZE]
        )


class UnitFeed(_DocumentFeed):
    def get_object(self, request, code):
        return current_unit(code)

    def title(self, unit):
        return f"{unit.full_name} · 政府信息公开"

    def link(self, unit):
        return reverse("portal:column-statutory", args=[unit.code])

    def subtitle(self, unit):
        return f"{unit.full_name}最新主动公开的政府信息"

    def items(self, unit):
        return self._recent(Document.objects.published().filtered(unit=unit))


class CategoryFeed(_DocumentFeed):
    def get_object(self, request, category):
        if category not in v.STATUTORY_LABELS:
            raise Http404("没有这个公开事项")
        return category

    def title(self, category):
        return f"法定主动公开内容 · {v.STATUTORY_LABELS[category]}"

    def link(self, category):
        return reverse("publishing:policies") if category == v.NORMATIVE_CATEGORY else "/"

    def items(self, category):
        return self._recent(Document.objects.published().filter(statutory_category=category))


class DocumentSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return Document.objects.published().only("id", "published_at").order_by("id")

    def lastmod(self, item):
        return item.published_at


class UnitColumnSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return list(Unit.objects.active().only("code"))

    def location(self, unit):
        return reverse("portal:column-statutory", args=[unit.code])
