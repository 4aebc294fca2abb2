"""政民互动: public questions (咨询) and letters to the leaders' mailbox (领导信箱), the units'
forwards of them, and the frequently asked questions built from the answers.

A question is the public's, identified to its asker by a tracking number and an access code
(the code kept only as a hash) exactly as an application is; the asker's name and contacts are
encrypted at rest. Its due date is derived from its received date on the working-day calendar
(``services.refresh_due_date``) and is never restarted by a forward. Status is assigned only
by ``workflow``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.accounts.roles import Role
from gongkai.core.crypto import EncryptedTextField
from gongkai.core.masking import mask_name, mask_phone

# Roles that answer the questions assigned to their unit.
ANSWERING_ROLES = (Role.EDITOR, Role.REVIEWER, Role.UNIT_ADMIN, Role.BODY_HEAD)
# Roles that publish answers and build the unit's FAQ: the reviewer checks what goes public.
PUBLISHING_ROLES = (Role.REVIEWER, Role.BODY_HEAD, Role.OFFICE)
TEXT_LIMIT = 2000
SUBJECT_LIMIT = 100


class Kind(models.TextChoices):
    QUESTION = "question", "咨询"
    LETTER = "letter", "领导信箱"


# The tracking number starts with a letter pair saying which box the message went to, so an
# asker (and the office on the telephone) tells it from an application's number at a glance.
NUMBER_PREFIX = {Kind.QUESTION: "ZX", Kind.LETTER: "XX"}


class Status(models.TextChoices):
    RECEIVED = "received", "待分办"
    ASSIGNED = "assigned", "办理中"
    ANSWERED = "answered", "已答复"
    PUBLISHED = "published", "已答复并公开"


# The answer is still owed in these.
OPEN_STATUSES = frozenset({Status.RECEIVED, Status.ASSIGNED})
ANSWERED_STATUSES = frozenset({Status.ANSWERED, Status.PUBLISHED})


class QuestionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today):
        return self.open().filter(due_date__lt=today)

    def answered(self):
        return self.filter(status__in=ANSWERED_STATUSES)

    def answered_late(self):
        return self.answered().filter(answered_on__gt=models.F("due_date"))

    def published(self):
        """What anyone may read: answered, the asker agreed, and staff published it masked."""
        return self.filter(status=Status.PUBLISHED, consent_to_publish=True)

    def matching(self, words):
        """Published questions whose public title, question or answer holds every word."""
        found = self
        for word in words:
            found = found.filter(
                Q(public_subject__icontains=word)
                | Q(public_text__icontains=word)
                | Q(public_answer__icontains=word)
            )
        return found


class Question(models.Model):
    tracking_number = models.CharField("编号", max_length=20, unique=True)
    access_code_hash = models.CharField(max_length=200)
    kind = models.CharField("类别", max_length=20, choices=Kind.choices)
    government = models.ForeignKey(
        "units.Unit", verbose_name="政府", on_delete=models.PROTECT, related_name="+"
    )
    requested_unit = models.ForeignKey(
        "units.Unit",
        verbose_name="提问人选择的单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    unit = models.ForeignKey(
        "units.Unit",
        verbose_name="承办单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="questions",
    )
    subject = models.CharField("标题", max_length=SUBJECT_LIMIT)
    text = models.TextField("内容")
    # Personal data: encrypted at rest, masked on screen.
    asker_name = EncryptedTextField("姓名", blank=True)
    phone = EncryptedTextField("联系电话", blank=True)
    email = EncryptedTextField("电子邮箱", blank=True)
    consent_to_publish = models.BooleanField("同意公开", default=False)

    status = models.CharField(
        "状态", max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    received_on = models.DateField("收到日期", db_index=True)
    due_date = models.DateField("答复期限", null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField("期限为暂定", default=False)
    assigned_on = models.DateField("分办日期", null=True, blank=True)

    answer = models.TextField("答复内容", blank=True)
    answered_on = models.DateField("答复日期", null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # What the public reads: staff's masked copies, checked for personal data on publication.
    public_subject = models.CharField("公开标题", max_length=SUBJECT_LIMIT, blank=True)
    public_text = models.TextField("公开的问题", blank=True)
    public_answer = models.TextField("公开的答复", blank=True)
    published_at = models.DateTimeField("公开时间", null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = "政民互动留言"
        verbose_name_plural = "政民互动留言"
        indexes = [
            models.Index(fields=["unit", "status", "due_date"]),
            models.Index(fields=["government", "status", "due_date"]),
            models.Index(fields=["status", "published_at"]),
        ]

    def __str__(self):
        return self.tracking_number

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def is_overdue(self, today):
        return self.is_open and self.due_date is not None and self.due_date < today

    @property
    def answered_late(self):
        return self.answered_on is not None and self.due_date and self.answered_on > self.due_date

    def masked_name(self):
        return mask_name(self.asker_name) if self.asker_name else "网友"

    def masked_phone(self):
        return mask_phone(self.phone)

    def masked_email(self):
        name, _at, domain = (self.email or "").partition("@")
        return f"{name[:1]}***@{domain}" if domain else ""


class Forward(models.Model):
    """A question sent on from the unit handling it to another; the due date stays."""

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="forwards")
    from_unit = models.ForeignKey(
        "units.Unit", verbose_name="转出单位", on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        "units.Unit", verbose_name="转至单位", on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField("转办理由")
    forwarded_on = models.DateField("转办日期")
    forwarded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["forwarded_on", "id"]
        verbose_name = "转办记录"
        verbose_name_plural = "转办记录"

    def __str__(self):
        return f"{self.question} → {self.to_unit}"


class FaqQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_active=True)


class FaqEntry(models.Model):
    """A frequently asked question of a unit, written by its staff from an answered question."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="faq_entries"
    )
    question_text = models.CharField("问题", max_length=300)
    answer_text = models.TextField("解答")
    source = models.ForeignKey(
        Question,
        verbose_name="来源留言",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="faq_entries",
    )
    is_active = models.BooleanField("公开", default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FaqQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "常见问题"
        verbose_name_plural = "常见问题"

    def __str__(self):
        return self.question_text[:40]


class Reminder(models.Model):
    """A console reminder about a question's due date, one per person, question and day; its
    e-mail goes out through operations.mail."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="question_reminders"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="reminders")
    text = models.CharField(max_length=300)
    created_on = models.DateField()

    class Meta:
        ordering = ["-created_on", "id"]
        verbose_name = "留言到期提醒"
        verbose_name_plural = "留言到期提醒"
        constraints = [
            models.UniqueConstraint(
                fields=["user", "question", "created_on"], name="one_question_reminder_per_day"
            )
        ]

    def __str__(self):
        return self.text[:40]
