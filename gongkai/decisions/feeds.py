"""Atom feeds of hearings (听证) and open meetings (会议开放): an entry per hearing or meeting,
updated as it moves on (notice, selection, record; agenda, decisions)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from gongkai.core.clock import CHINA

from .models import Hearing, Meeting

FEED_SIZE = 30


def _moment(day):
    """A date as the start of that day in China (the records keep dates, feeds want times)."""
    return datetime.datetime.combine(day, datetime.time(), tzinfo=CHINA) if day else None


class _StagedFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item):
        return f"{item}（{item.get_state_display()}）"

    def item_link(self, item):
        return item.get_absolute_url()

    def item_author_name(self, item):
        return item.unit.full_name

    item_guid_is_permalink = False


class HearingFeed(_StagedFeed):
    title = "听证公告"
    description = "听证会的公告、参加人遴选结果、听证笔录和结果"

    def link(self):
        return reverse("decisions:hearings")

    def items(self):
        return (
            Hearing.objects.published()
            .select_related("unit")
            .order_by("-announced_on", "-id")[:FEED_SIZE]
        )

    def item_description(self, item):
        return (
            f"{item.unit.full_name}定于{item.held_at.astimezone(CHINA):%Y-%m-%d %H:%M}在"
            f"{item.place}举行听证会，报名截止到{item.registration_closes:%Y-%m-%d}。"
            f"{item.description[:200]}"
        )

    def item_pubdate(self, item):
        return _moment(item.announced_on)

    def item_updateddate(self, item):
        return _moment(item.record_published_on or item.selected_on or item.announced_on)

    def item_guid(self, item):
        return f"urn:gongkai:hearing:{item.pk}"


class MeetingFeed(_StagedFeed):
    title = "会议开放"
    description = "政府常务会议和部门会议的议题、列席人员和会议决定"

    def link(self):
        return reverse("decisions:meetings")

    def items(self):
        return (
            Meeting.objects.published()
            .select_related("unit")
            .prefetch_related("items")
            .order_by("-held_on", "-id")[:FEED_SIZE]
        )

    def item_description(self, item):
        agenda = "；".join(i.title for i in item.items.all())
        return f"{item.get_kind_display()}，{item.held_on:%Y-%m-%d}召开。议题：{agenda}"

    def item_pubdate(self, item):
        return _moment(item.announced_on)

    def item_updateddate(self, item):
        return _moment(item.results_on or item.announced_on)

    def item_guid(self, item):
        return f"urn:gongkai:meeting:{item.pk}"
