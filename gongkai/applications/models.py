"""Applications for disclosure and the facts recorded about them.

Rows hold facts (dates, decisions, letters); the reply due date is derived from them by
``services.refresh_due_date`` and cached on the application for sorting the work queue.
Status is assigned only by ``workflow``.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from gongkai.accounts.roles import Role
from gongkai.core import files
from gongkai.core.crypto import EncryptedTextField, decrypt_bytes
from gongkai.core.files import DigestField
from gongkai.core.masking import mask_address, mask_phone, mask_resident_id

from .fees import FEE_METHOD_LABELS, FeeMethod
from .outcomes import ApplicantKind, Outcome
from .received import CHANNEL_LABELS, ONLINE_RULE_LABELS, OnlineNonWorkingDayRule

# Roles that handle applications in their own unit and may see personal data unmasked.
HANDLING_ROLES = (Role.EDITOR, Role.REVIEWER, Role.UNIT_ADMIN, Role.BODY_HEAD)
# Roles that may read applications: the handlers plus the openness office supervising them.
READING_ROLES = (*HANDLING_ROLES, Role.OFFICE)


class Row(models.Model):
    """A fact recorded about an application; named after its kind and the application."""

    class Meta:
        abstract = True

    def __str__(self):
        application = getattr(self, "application", None) or getattr(self, "reply", None)
        return f"{self._meta.verbose_name} · {application}"


def _choices(labels):
    return [(str(key), label) for key, label in labels.items()]


class Status(models.TextChoices):
    IN_PROGRESS = "in_progress", "办理中"
    AWAITING_CORRECTION = "awaiting_correction", "待补正"
    CONSULTING = "consulting", "征求意见中"
    AWAITING_REASONS = "awaiting_reasons", "待说明理由"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    REPLIED = "replied", "已答复"
    CLOSED = "closed", "已终止"
    DELIVERED = "delivered", "已送达"
    ARCHIVED = "archived", "已归档"


# The reply clock is still running (or waiting) in these; the rest are finished.
OPEN_STATUSES = frozenset(
    {
        Status.IN_PROGRESS,
        Status.AWAITING_CORRECTION,
        Status.CONSULTING,
        Status.AWAITING_REASONS,
        Status.AWAITING_FEE,
    }
)
FINISHED_STATUSES = frozenset(set(Status) - OPEN_STATUSES)


class IdentityKind(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    CREDIT_CODE = "credit_code", "统一社会信用代码"


class FormatWanted(models.TextChoices):
    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子文件"
    OTHER = "other", "其他"


class DeliveryWanted(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    COLLECT = "collect", "当面领取"
    ONLINE = "online", "在线查看下载"


class ApplicationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_STATUSES)

    def visible_to(self, user):
        """The applications `user` may see: the scope layer's rule (accounts.scoping)."""
        from gongkai.accounts.scoping import work_units

        return self.filter(unit__in=work_units(user, *READING_ROLES))

    def overdue(self, today):
        return self.open().filter(due_date__lt=today)


class Application(models.Model):
    tracking_number = models.CharField("申请编号", max_length=20, unique=True)
    access_code_hash = models.CharField(max_length=200)
    # A double-submit key counts only within its scope (the form session, staff account or
    # API token that was given it), so a key known to someone else reveals nothing.
    submission_scope = models.CharField(max_length=80, blank=True, default="")
    submission_key = models.CharField(max_length=64, null=True, blank=True)
    unit = models.ForeignKey(
        "units.Unit", verbose_name="受理单位", on_delete=models.PROTECT, related_name="applications"
    )

    applicant_kind = models.CharField("申请人类型", max_length=40, choices=ApplicantKind.choices)
    applicant_name = models.CharField("申请人姓名或名称", max_length=120)
    identity_kind = models.CharField("证件类型", max_length=20, choices=IdentityKind.choices)
    identity_number = EncryptedTextField("证件号码")
    identity_hash = models.CharField(max_length=64, db_index=True)
    phone = EncryptedTextField("联系电话")
    email = EncryptedTextField("电子邮箱", blank=True)
    address = EncryptedTextField("通信地址", blank=True)
    postcode = models.CharField("邮政编码", max_length=6, blank=True)

    title = models.CharField("所需信息名称", max_length=300)
    document_number = models.CharField("文号", max_length=100, blank=True)
    description = models.TextField("所需信息的内容描述")
    format_wanted = models.CharField("信息提供形式", max_length=20, choices=FormatWanted.choices)
    delivery_wanted = models.CharField(
        "获取信息方式", max_length=20, choices=DeliveryWanted.choices
    )

    channel = models.CharField("申请渠道", max_length=20, choices=_choices(CHANNEL_LABELS))
    event_date = models.DateField("提交、签收或确认日期")
    received_on = models.DateField("收到申请之日", db_index=True)
    # Art. 31(三): an online application is received on the day both sides confirm it. Empty
    # while the unit has yet to confirm; ``received_on`` then holds the provisional date.
    confirmed_on = models.DateField("双方确认之日", null=True, blank=True)
    corrected_received_on = models.DateField("收到补正后申请之日", null=True, blank=True)
    custom_due = models.DateField("依第三十五条确定的答复期限", null=True, blank=True)

    status = models.CharField(
        "状态", max_length=30, choices=Status.choices, default=Status.IN_PROGRESS
    )
    due_date = models.DateField("答复期限", null=True, blank=True, db_index=True)
    due_provisional = models.BooleanField("期限为暂定", default=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="承办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registered_applications",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = "政府信息公开申请"
        verbose_name_plural = "政府信息公开申请"
        indexes = [models.Index(fields=["unit", "status", "due_date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["submission_scope", "submission_key"],
                condition=Q(submission_key__isnull=False),
                name="one_application_per_submission_key",
            )
        ]

    def __str__(self):
        return self.tracking_number

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def clock_start(self):
        return self.corrected_received_on or self.received_on

    @property
    def awaits_confirmation(self):
        return self.channel == "online" and self.confirmed_on is None

    def is_overdue(self, today):
        return self.is_open and self.due_date is not None and self.due_date < today

    def masked_identity_number(self):
        return mask_resident_id(self.identity_number)

    def masked_phone(self):
        return mask_phone(self.phone)

    def masked_address(self):
        return mask_address(self.address)

    def masked_email(self):
        name, _, domain = (self.email or "").partition("@")
        return f"{name[:1]}***@{domain}" if domain else ""


class IdentityProof(Row):
    """The uploaded proof of identity, its bytes encrypted at rest."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="identity_proof"
    )
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    encrypted_content = models.BinaryField()

    def content(self):
        return decrypt_bytes(bytes(self.encrypted_content))


class Correction(Row):
    """The one correction notice (补正) an application may receive (Art. 30)."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="correction"
    )
    items = models.TextField("需要补正的事项")
    sent_on = models.DateField("告知日期")
    period_days = models.PositiveSmallIntegerField("补正期限（工作日）")
    due_on = models.DateField("补正截止日期")
    received_on = models.DateField("收到补正之日", null=True, blank=True)
    corrected_text = models.TextField("补正内容", blank=True)
    lapsed_on = models.DateField("逾期未补正确认日期", null=True, blank=True)


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", "征求第三方意见"
    CO_MAKER = "co_maker", "征求其他机关意见"


class ConsultationReply(models.TextChoices):
    CONSENT = "consent", "同意公开"
    OBJECTION = "objection", "不同意公开"
    NONE = "none", "逾期未答复"


class Consultation(Row):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="consultations"
    )
    kind = models.CharField("类型", max_length=20, choices=ConsultationKind.choices)
    party_name = models.CharField("被征求意见方", max_length=200)
    party_address = models.CharField("联系地址", max_length=300, blank=True)
    matter = models.TextField("征求意见的事项")
    sent_on = models.DateField("发出征求意见书日期")
    # Art. 32: the 15 working days run from the party's receipt. Until staff record it, the
    # window is counted from the sending day and is only provisional.
    received_on = models.DateField("被征求意见方收到征求意见书之日", null=True, blank=True)
    window_due = models.DateField("答复截止日期")
    reply = models.CharField(
        "答复意见", max_length=20, choices=ConsultationReply.choices, blank=True
    )
    reasons = models.TextField("理由", blank=True)
    replied_on = models.DateField("答复（或截止）日期", null=True, blank=True)

    class Meta:
        ordering = ["sent_on", "id"]

    @property
    def is_open(self):
        return self.replied_on is None

    @property
    def window_provisional(self):
        return self.received_on is None

    def effective_reply_label(self):
        """For a co-maker, silence counts as consent to disclose (Art. 34)."""
        if self.reply == ConsultationReply.NONE and self.kind == ConsultationKind.CO_MAKER:
            return "逾期未答复，视为同意公开"
        return self.get_reply_display()


class Extension(Row):
    """An extension of the reply deadline (Art. 33), approved by the head of the body."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="extension"
    )
    working_days = models.PositiveSmallIntegerField("延长工作日数")
    reason = models.TextField("延期理由")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="批准人", on_delete=models.PROTECT
    )
    approved_on = models.DateField("批准日期")


class ExtensionRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(decision="")


class ExtensionDecision(models.TextChoices):
    APPROVED = "approved", "已批准"
    DECLINED = "declined", "未批准"


class ExtensionRequest(Row):
    """A handler asks the head of the openness body to approve an extension (Art. 33): only
    the head may extend, so the request waits on the head's dashboard (and in an e-mail) until
    the head approves it (`extend_deadline`) or declines it with a reason."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="extension_requests"
    )
    working_days = models.PositiveSmallIntegerField("请求延长工作日数")
    reason = models.TextField("延期理由")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="请求人", on_delete=models.PROTECT, related_name="+"
    )
    requested_on = models.DateField("请求日期")
    decision = models.CharField(
        "审批结果", max_length=10, choices=ExtensionDecision.choices, blank=True
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审批人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on = models.DateField("审批日期", null=True, blank=True)
    decision_note = models.TextField("审批意见", blank=True)

    objects = ExtensionRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = "延期审批请求"
        verbose_name_plural = "延期审批请求"
        constraints = [
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(decision=""),
                name="one_pending_extension_request",
            )
        ]


class ExcessiveDecision(models.TextChoices):
    DECLINE = "decline", "不予处理"
    LONGER_DEADLINE = "longer_deadline", "确定延迟答复期限"


class ExcessiveRequest(Row):
    """Art. 35: the organ asked for reasons, then declined or set a longer deadline."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="excessive"
    )
    reasons_requested_on = models.DateField("要求说明理由日期", null=True, blank=True)
    applicant_reasons = models.TextField("申请人说明的理由", blank=True)
    # The answer, or its absence, must be on record before the organ decides (Art. 35).
    applicant_silent = models.BooleanField("申请人未说明理由", default=False)
    decision = models.CharField(
        "处理决定", max_length=20, choices=ExcessiveDecision.choices, blank=True
    )
    decided_on = models.DateField("决定日期", null=True, blank=True)


class FeeNotice(Row):
    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="fee_notice"
    )
    method = models.CharField("计收方式", max_length=20, choices=_choices(FEE_METHOD_LABELS))
    monthly_rank = models.PositiveIntegerField("本月第几件申请（系统计算）", null=True, blank=True)
    pages = models.PositiveIntegerField("页数", null=True, blank=True)
    amount = models.PositiveIntegerField("金额（元）")
    issued_on = models.DateField("收费通知日期")
    # Rule 22: the 20 working days run from the applicant's receipt of the notice; until staff
    # record it, the window is counted from the notice date and is only provisional.
    received_on = models.DateField("申请人收到收费通知之日", null=True, blank=True)
    payment_due = models.DateField("缴费截止日期")
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    unpaid_closed_on = models.DateField("逾期未缴费终止日期", null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                name="fee_notice_one_method",
                condition=(
                    Q(method=FeeMethod.PER_ITEM, monthly_rank__isnull=False, pages__isnull=True)
                    | Q(method=FeeMethod.PER_VOLUME, pages__isnull=False, monthly_rank__isnull=True)
                ),
            )
        ]

    @property
    def due_provisional(self):
        return self.received_on is None


class Reply(Row):
    """The organ's answer: exactly one statutory outcome, with what that outcome needs."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="reply")
    outcome = models.CharField("办理结果", max_length=40, choices=Outcome.choices)
    replied_on = models.DateField("答复日期", db_index=True)
    reasons = models.TextField("理由", blank=True)
    # Keys of ``legal_basis.PROVISIONS``: the outcome's own provisions and those staff added.
    articles = models.JSONField("引用的《条例》条款", default=list, blank=True)
    legal_basis = models.TextField("其他法律依据", blank=True)
    responsible_organ = models.CharField("负责公开该信息的机关", max_length=200, blank=True)
    responsible_contact = models.CharField("该机关联系方式", max_length=200, blank=True)
    where_published = models.TextField("已公开信息的获取途径", blank=True)
    how_to_obtain = models.TextField("获取信息的方式和途径", blank=True)
    public_interest_reason = models.TextField(
        "不公开可能对公共利益造成重大影响的理由（第三十二条）", blank=True
    )
    remedy_notice = models.TextField("救济途径告知")
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )

    def basis(self):
        """The 依据 printed on the letter."""
        from .legal_basis import basis_text

        return basis_text(self.outcome, self.articles, self.legal_basis)


class UnitLetterSettings(models.Model):
    """What a unit's letters name that only the unit knows: the review body and the court for
    remedies against its replies, and how and where an applicant pays a processing fee."""

    unit = models.OneToOneField(
        "units.Unit", on_delete=models.CASCADE, related_name="letter_settings"
    )
    review_body = models.CharField(
        "行政复议机关",
        max_length=200,
        blank=True,
        help_text="留空时按《行政复议法》第二十四条推定：政府部门为本级人民政府，人民政府为上一级人民政府。",
    )
    court = models.CharField(
        "管辖法院",
        max_length=200,
        blank=True,
        help_text="如“东岚区人民法院”。留空时写“有管辖权的人民法院”。",
    )
    fee_payment = models.TextField(
        "信息处理费缴纳方式和地点",
        blank=True,
        help_text="如缴款书、缴费账户或窗口地址。留空时写本单位地址和电话。",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "答复文书设置"
        verbose_name_plural = "答复文书设置"

    def __str__(self):
        return f"{self.unit} 答复文书设置"


class ReleasedFile(Row):
    """A file released with a reply; its bytes are stored once by their digest (core.files)."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="files")
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = DigestField()

    def content(self) -> bytes:
        return files.read(self.sha256)


class DeliveryMethod(models.TextChoices):
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    IN_PERSON = "in_person", "当面送达"
    ONLINE = "online", "网上送达"


class Delivery(Row):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="deliveries"
    )
    method = models.CharField("送达方式", max_length=20, choices=DeliveryMethod.choices)
    delivered_on = models.DateField("送达日期")
    postal_tracking_number = models.CharField("邮件单号", max_length=40, blank=True)

    class Meta:
        ordering = ["delivered_on", "id"]


class Note(Row):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField("内部备注")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", "申请回执"
    CORRECTION = "correction", "补正告知书"
    CONSULTATION = "consultation", "征求意见书"
    EXTENSION = "extension", "延期答复告知书"
    EXCESSIVE = "excessive", "说明理由告知书"
    LONGER_DEADLINE = "longer_deadline", "延迟答复告知书"
    FEE = "fee", "收费通知书"
    REPLY = "reply", "政府信息公开申请答复书"
    PUBLIC_INTEREST = "public_interest", "决定公开告知书（第三方）"


# Letters addressed to someone other than the applicant stay in the console.
APPLICANT_LETTERS = frozenset(
    set(LetterKind) - {LetterKind.CONSULTATION, LetterKind.PUBLIC_INTEREST}
)


class LetterTemplate(Row):
    """One version of a letter's text. The newest version of a key is in use; older ones are
    the history. Keys are a letter kind, or ``reply.<outcome group>`` for replies."""

    key = models.CharField("模板", max_length=40, db_index=True)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["key", "-id"]


class Letter(Row):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField("文书", max_length=20, choices=LetterKind.choices)
    template = models.ForeignKey(LetterTemplate, on_delete=models.PROTECT)
    issued_on = models.DateField("日期")
    title = models.CharField("标题", max_length=100)
    text = models.TextField("正文")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def docx(self):
        """The letter as a DOCX file; the wording was fixed when the letter was issued."""
        from .letters import render_docx

        return render_docx(
            title=self.title,
            text=self.text,
            unit_name=self.application.unit.full_name,
            issued_on=self.issued_on,
            tracking_number=self.application.tracking_number,
        )

    @property
    def for_applicant(self):
        return self.kind in APPLICANT_LETTERS

    def filename(self):
        return f"{self.application.tracking_number}-{self.get_kind_display()}.docx"


class RemedyKind(models.TextChoices):
    REVIEW = "review", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "未经复议直接起诉"
    LITIGATION_AFTER_REVIEW = "litigation_after_review", "复议后起诉"


class RemedyResult(models.TextChoices):
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
    PENDING = "pending", "尚未审结"


class Remedy(Row):
    """An administrative review or lawsuit about a reply (table 四 of the annual report)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="remedies")
    kind = models.CharField("类型", max_length=30, choices=RemedyKind.choices)
    filed_on = models.DateField("申请或起诉日期")
    body = models.CharField("复议机关或法院", max_length=200, blank=True)
    result = models.CharField(
        "结果", max_length=20, choices=RemedyResult.choices, default=RemedyResult.PENDING
    )
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        ordering = ["filed_on", "id"]


class Policy(Row):
    """Local rules the law leaves open. The newest row is in force; older rows are history."""

    online_nonworking_rule = models.CharField(
        "非工作日网上提交的收到日期",
        max_length=30,
        choices=_choices(ONLINE_RULE_LABELS),
        default=OnlineNonWorkingDayRule.NEXT_WORKING_DAY,
    )
    fee_clock_stops = models.BooleanField("等待缴费期间暂停计算答复期限", default=True)
    online_receipt_confirms = models.BooleanField(
        "网上申请以平台自动回执为双方确认",
        default=True,
        help_text="不勾选时，网上申请须由受理单位在工作台确认收到，以确认之日为收到申请之日"
        "（条例第三十一条第（三）项）。",
    )
    reminder_days = models.CharField(
        "到期提醒（剩余工作日，逗号分隔）", max_length=40, default="5,3,1"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-id"]
        verbose_name = "依申请公开设置"
        verbose_name_plural = "依申请公开设置"

    def __str__(self):
        return f"{self._meta.verbose_name} #{self.pk}"

    @classmethod
    def current(cls):
        return cls.objects.first() or cls()

    def reminder_thresholds(self):
        return sorted({int(part) for part in self.reminder_days.split(",") if part.strip()})


class ApiToken(models.Model):
    """A token for another platform to register applications for one unit (see ``tokens``).
    ``created_by`` is empty for a token issued from the command line."""

    name = models.CharField("名称", max_length=100)
    unit = models.ForeignKey(
        "units.Unit", verbose_name="单位", on_delete=models.PROTECT, related_name="api_tokens"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="签发人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField("签发时间", auto_now_add=True)
    revoked_at = models.DateTimeField("吊销时间", null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="吊销人",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["unit_id", "-id"]
        verbose_name = "API 令牌"
        verbose_name_plural = "API 令牌"

    def __str__(self):
        return self.name

    @property
    def is_active(self):
        return self.revoked_at is None


class Reminder(Row):
    """A console reminder about an application's deadline, one per person, kind and day."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="application_reminders"
    )
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reminders")
    text = models.CharField(max_length=300)
    created_on = models.DateField()
    read = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "application", "created_on"], name="one_reminder_per_day"
            )
        ]
