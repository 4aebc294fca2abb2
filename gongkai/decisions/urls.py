from django.urls import path

from . import feeds, views

portal_urlpatterns = [
    path("decisions/", views.index, name="index"),
    path("decisions/<str:code>/<int:year>/", views.catalogue, name="catalogue"),
    path("decisions/<str:code>/<int:year>/<int:number>/", views.decision, name="decision"),
    path("hearings/", views.hearings, name="hearings"),
    path("hearings/feed/", feeds.HearingFeed(), name="hearings-feed"),
    path("hearings/<int:pk>/", views.hearing, name="hearing"),
    path("hearings/<int:pk>/register/", views.hearing_register, name="hearing-register"),
    path("meetings/", views.meetings, name="meetings"),
    path("meetings/feed/", feeds.MeetingFeed(), name="meetings-feed"),
    path("meetings/<int:pk>/", views.meeting, name="meeting"),
]

console_urlpatterns = [
    path("", views.console_index, name="index"),
    path("governments/<int:government_pk>/new/", views.catalogue_new, name="catalogue-new"),
    path("catalogues/<int:pk>/", views.console_catalogue, name="catalogue"),
    path("catalogues/<int:pk>/publish/", views.catalogue_publish, name="catalogue-publish"),
    path("catalogues/<int:pk>/add/", views.decision_add, name="decision-add"),
    path("<int:pk>/", views.console_decision, name="decision"),
    path("<int:pk>/step/", views.step, name="step"),
    path("<int:pk>/plan/", views.plan, name="plan"),
    path("<int:pk>/decided/", views.decided, name="decided"),
    path("<int:pk>/publish/", views.publish, name="publish"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("hearings/", views.console_hearings, name="hearings"),
    path("hearings/units/<int:unit_pk>/new/", views.hearing_new, name="hearing-new"),
    path("hearings/<int:pk>/", views.console_hearing, name="hearing"),
    path("hearings/<int:pk>/announce/", views.hearing_announce, name="hearing-announce"),
    path("hearings/<int:pk>/select/", views.hearing_select, name="hearing-select"),
    path("hearings/<int:pk>/record/", views.hearing_record, name="hearing-record"),
    path("hearings/<int:pk>/cancel/", views.hearing_cancel, name="hearing-cancel"),
    path("meetings/", views.console_meetings, name="meetings"),
    path("meetings/units/<int:unit_pk>/new/", views.meeting_new, name="meeting-new"),
    path("meetings/<int:pk>/", views.console_meeting, name="meeting"),
    path("meetings/<int:pk>/items/", views.meeting_item, name="meeting-item"),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/",
        views.meeting_item_edit,
        name="meeting-item-edit",
    ),
    path(
        "meetings/<int:pk>/items/<int:item_pk>/correct/",
        views.meeting_outcome_correct,
        name="meeting-outcome-correct",
    ),
    path("meetings/<int:pk>/attendees/", views.meeting_attendee, name="meeting-attendee"),
    path("meetings/<int:pk>/announce/", views.meeting_announce, name="meeting-announce"),
    path("meetings/<int:pk>/outcomes/", views.meeting_outcomes, name="meeting-outcomes"),
    path(
        "meetings/<int:pk>/interpretation/",
        views.meeting_interpretation,
        name="meeting-interpretation",
    ),
]
