"""Forms of the public portal and the console. They check shapes (the application form also
asks the workflow's intake checks, to show every problem at once); the workflow functions check
the law and raise ValidationError, which ``core.forms.apply_errors`` puts back on the form."""

import secrets

from django import forms
from django.core.exceptions import ValidationError

from gongkai.core.clock import local_today
from gongkai.core.forms import within_upload_limit
from gongkai.core.widgets import DateInput
from gongkai.units.models import Unit

from . import workflow
from .fees import FEE_METHOD_LABELS
from .legal_basis import PROVISIONS
from .models import (
    ConsultationKind,
    ConsultationReply,
    DeliveryMethod,
    DeliveryWanted,
    ExcessiveDecision,
    FormatWanted,
    IdentityKind,
    RemedyKind,
    RemedyResult,
)
from .outcomes import OUTCOME_GROUPS, ApplicantKind
from .received import CHANNEL_LABELS, ONLINE_RULE_LABELS, Channel
from .workflow import CLOSING_OUTCOMES, IDENTITY_PROOF_MAX_BYTES

INTAKE_FIELDS = (
    "applicant_name",
    "phone",
    "title",
    "description",
    "format_wanted",
    "delivery_wanted",
    "address",
    "email",
)

DATE = DateInput()
TEXT = forms.Textarea(attrs={"rows": 3})


def today_initial():
    return local_today()


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, unit):
        return unit.full_name


def grouped_unit_choices(units):
    """Units grouped by their government, so an applicant can find the right organ."""
    groups = {}
    for unit in units.select_related("government"):
        government = unit.government or unit
        groups.setdefault(government.full_name, []).append((unit.pk, unit.full_name))
    return [("", "请选择受理单位")] + list(groups.items())


class ApplicationForm(forms.Form):
    unit = UnitChoiceField(label="受理单位", queryset=Unit.objects.none())
    applicant_kind = forms.ChoiceField(label="申请人类型", choices=ApplicantKind.choices)
    applicant_name = forms.CharField(label="姓名或名称", max_length=120)
    identity_kind = forms.ChoiceField(label="证件类型", choices=IdentityKind.choices)
    identity_number = forms.CharField(
        label="证件号码",
        max_length=18,
        help_text="公民填写居民身份证号码；法人或其他组织填写统一社会信用代码。",
    )
    identity_proof = forms.FileField(
        label="身份证明",
        help_text="身份证件或营业执照等的照片或扫描件，JPG、PNG 或 PDF，不超过 5 MB。",
    )
    phone = forms.CharField(label="联系电话", max_length=30)
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.RegexField(
        label="邮政编码",
        regex=r"^\d{6}$",
        required=False,
        error_messages={"invalid": "邮政编码应为 6 位数字。"},
    )
    title = forms.CharField(label="所需信息名称", max_length=300)
    document_number = forms.CharField(label="文号", max_length=100, required=False)
    description = forms.CharField(
        label="所需信息的内容描述",
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="请尽量写明信息的名称、文号或便于查询的其他特征。",
    )
    format_wanted = forms.ChoiceField(label="信息提供形式", choices=FormatWanted.choices)
    delivery_wanted = forms.ChoiceField(label="获取信息方式", choices=DeliveryWanted.choices)
    submission_key = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        units = units if units is not None else Unit.objects.receiving_applications()
        self.fields["unit"].queryset = units
        self.fields["unit"].choices = grouped_unit_choices(units)
        if not self.is_bound:
            self.initial.setdefault("submission_key", secrets.token_urlsafe(24))

    def clean_identity_proof(self):
        # The upload sits in a temporary file; its size is known before anything reads it.
        upload = self.cleaned_data["identity_proof"]
        if upload.size > IDENTITY_PROOF_MAX_BYTES:
            raise forms.ValidationError("身份证明文件不能超过 5 MB。")
        return upload

    template_name = "portal/forms/public.html"
    # Browsers never keep a chosen file across a page load, and the proof is personal data
    # the server keeps only inside a registered application.
    RESELECT = "页面不会保留已选择的文件，请重新选择身份证明。"

    def clean(self):
        """The workflow's own checks too, so every problem shows in one round, not one by one."""
        data = super().clean()
        proof = data.get("identity_proof")
        fields = {name: data.get(name, "") for name in INTAKE_FIELDS}
        try:
            workflow.check_intake(
                fields=fields,
                applicant_kind=data.get("applicant_kind", ""),
                identity_kind=data.get("identity_kind", ""),
                identity_number=data.get("identity_number", "").strip().upper(),
                identity_proof=proof.read() if proof else b"",
            )
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                if name not in self.errors:
                    self.add_error(name, messages)
        finally:
            if proof:
                proof.seek(0)
        return data

    def ask_for_files_again(self):
        """After an error the chosen file is gone from the page: say so beside the field."""
        if "identity_proof" not in self.errors:
            self.add_error("identity_proof", self.RESELECT)

    def workflow_kwargs(self):
        data = dict(self.cleaned_data)
        data["identity_proof"] = data["identity_proof"].read()
        return data


class StaffApplicationForm(ApplicationForm):
    channel = forms.ChoiceField(
        label="申请渠道",
        choices=[(str(c), label) for c, label in CHANNEL_LABELS.items() if c != Channel.ONLINE],
    )
    event_date = forms.DateField(
        label="提交、签收或确认日期",
        widget=DATE,
        help_text="当面或口头提出：提交之日；挂号邮寄：签收之日；平常信函、传真、电子邮件：双方确认之日。",
    )


class StatusLookupForm(forms.Form):
    template_name = "portal/forms/public.html"
    tracking_number = forms.CharField(label="申请编号", max_length=20)
    access_code = forms.CharField(label="查询码", max_length=20, widget=forms.PasswordInput)


class CorrectionForm(forms.Form):
    items = forms.CharField(label="需要补正的事项（一次性列明）", widget=TEXT)
    sent_on = forms.DateField(label="告知日期", widget=DATE, initial=today_initial)
    period_days = forms.IntegerField(
        label="补正期限（工作日）", min_value=1, max_value=60, initial=15
    )


class ReceiveCorrectionForm(forms.Form):
    received_on = forms.DateField(label="收到补正之日", widget=DATE, initial=today_initial)
    corrected_text = forms.CharField(label="补正后的申请内容", widget=TEXT)


class ClosingDateForm(forms.Form):
    closed_on = forms.DateField(label="终止日期", widget=DATE, initial=today_initial)


RECEIPT_HELP = "对方签收或确认收到之日；尚不知道的，可以以后再登记。期限自收到之日起计算。"


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=ConsultationKind.choices)
    party_name = forms.CharField(label="被征求意见方", max_length=200)
    party_address = forms.CharField(label="联系地址", max_length=300, required=False)
    matter = forms.CharField(label="征求意见的事项", widget=TEXT)
    sent_on = forms.DateField(label="发出日期", widget=DATE, initial=today_initial)
    party_received_on = forms.DateField(
        label="对方收到征求意见书之日", widget=DATE, required=False, help_text=RECEIPT_HELP
    )


class OpenConsultationForm(forms.Form):
    """A form about one of the application's consultations still awaiting an answer."""

    consultation = forms.TypedChoiceField(label="征求意见", coerce=int)

    def __init__(self, *args, application=None, **kwargs):
        super().__init__(*args, **kwargs)
        open_ones = application.consultations.filter(replied_on=None) if application else []
        self.fields["consultation"].choices = [
            (
                c.pk,
                f"{c.party_name}（{c.get_kind_display()}，{c.window_due}截止"
                f"{'，暂定' if c.window_provisional else ''}）",
            )
            for c in open_ones
        ]


class ConsultationReceiptForm(OpenConsultationForm):
    received_on = forms.DateField(
        label="对方收到征求意见书之日", widget=DATE, initial=today_initial, help_text=RECEIPT_HELP
    )


class ConsultationReplyForm(OpenConsultationForm):
    reply = forms.ChoiceField(label="答复意见", choices=ConsultationReply.choices)
    replied_on = forms.DateField(
        label="收到答复日期", widget=DATE, required=False, initial=today_initial
    )
    reasons = forms.CharField(label="理由", widget=TEXT, required=False)


class ExtensionForm(forms.Form):
    working_days = forms.IntegerField(label="延长工作日数", min_value=1, initial=20)
    reason = forms.CharField(label="延期理由", widget=TEXT)
    approved_on = forms.DateField(label="批准日期", widget=DATE, initial=today_initial)


class ExtensionRequestForm(forms.Form):
    working_days = forms.IntegerField(label="请求延长工作日数", min_value=1, initial=20)
    reason = forms.CharField(label="延期理由", widget=TEXT)


class DeclineExtensionForm(forms.Form):
    note = forms.CharField(label="不同意延期的意见", widget=TEXT)


class AskReasonsForm(forms.Form):
    requested_on = forms.DateField(label="告知日期", widget=DATE, initial=today_initial)


class ExcessiveForm(forms.Form):
    decision = forms.ChoiceField(label="处理决定", choices=ExcessiveDecision.choices)
    decided_on = forms.DateField(label="决定日期", widget=DATE, initial=today_initial)
    applicant_reasons = forms.CharField(label="申请人说明的理由", widget=TEXT, required=False)
    applicant_silent = forms.BooleanField(label="申请人未说明理由", required=False)
    reasons = forms.CharField(label="不予处理的理由", widget=TEXT, required=False)
    custom_due = forms.DateField(label="延迟答复期限", widget=DATE, required=False)


class FeeNoticeForm(forms.Form):
    method = forms.ChoiceField(
        label="计收方式",
        choices=[(str(k), v) for k, v in FEE_METHOD_LABELS.items()],
        help_text="按件计收的，系统按申请人本月向本单位提出申请的件数计算，无需填写。",
    )
    pages = forms.IntegerField(label="页数（按量）", min_value=1, required=False)
    issued_on = forms.DateField(label="通知日期", widget=DATE, initial=today_initial)
    notice_received_on = forms.DateField(
        label="申请人收到收费通知之日", widget=DATE, required=False, help_text=RECEIPT_HELP
    )


class FeeNoticeReceiptForm(forms.Form):
    received_on = forms.DateField(
        label="申请人收到收费通知之日", widget=DATE, initial=today_initial, help_text=RECEIPT_HELP
    )


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label="缴费日期", widget=DATE, initial=today_initial)


def outcome_choices():
    return [
        (label, [(o.value, o.label) for o in outcomes if o not in CLOSING_OUTCOMES])
        for _key, label, outcomes in OUTCOME_GROUPS
    ]


class ReplyForm(forms.Form):
    outcome = forms.ChoiceField(label="办理结果", choices=outcome_choices)
    replied_on = forms.DateField(label="答复日期", widget=DATE, initial=today_initial)
    reasons = forms.CharField(label="理由", widget=TEXT, required=False)
    articles = forms.MultipleChoiceField(
        label="补充引用的《条例》条款",
        choices=[(p.key, p.label) for p in PROVISIONS.values()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="办理结果本身对应的条款会自动引用；这里只选补充的条款，"
        "且只能选属于该办理结果的条款（如部分公开时不予公开部分的依据）。",
    )
    legal_basis = forms.CharField(
        label="其他法律依据",
        widget=TEXT,
        required=False,
        help_text="《条例》以外的法律、行政法规等；《条例》未规定具体条款的办理结果必须填写。",
    )
    responsible_organ = forms.CharField(label="负责公开该信息的机关", required=False)
    responsible_contact = forms.CharField(label="该机关联系方式", required=False)
    where_published = forms.CharField(label="已公开信息的获取途径", widget=TEXT, required=False)
    how_to_obtain = forms.CharField(label="获取信息的方式、途径和时间", widget=TEXT, required=False)
    public_interest_reason = forms.CharField(
        label="不公开可能对公共利益造成重大影响的理由",
        widget=TEXT,
        required=False,
        help_text="仅在第三方不同意公开而仍决定公开时填写（第三十二条），将书面告知第三方。",
    )
    released_file = forms.FileField(
        label="公开的文件", required=False, validators=[within_upload_limit]
    )

    def workflow_kwargs(self):
        data = dict(self.cleaned_data)
        upload = data.pop("released_file")
        data["files"] = (
            [(upload.name, upload.content_type or "application/octet-stream", upload.read())]
            if upload
            else []
        )
        return data


class DeliveryForm(forms.Form):
    method = forms.ChoiceField(label="送达方式", choices=DeliveryMethod.choices)
    delivered_on = forms.DateField(label="送达日期", widget=DATE, initial=today_initial)
    postal_tracking_number = forms.CharField(label="邮件单号", max_length=40, required=False)


class EmptyForm(forms.Form):
    pass


class ReviewForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=RemedyKind.choices)
    filed_on = forms.DateField(label="申请或起诉日期", widget=DATE)
    body = forms.CharField(label="复议机关或法院", required=False)
    result = forms.ChoiceField(
        label="结果", choices=RemedyResult.choices, initial=RemedyResult.PENDING
    )
    decided_on = forms.DateField(label="审结日期", widget=DATE, required=False)
    note = forms.CharField(label="备注", widget=TEXT, required=False)


class NoteForm(forms.Form):
    text = forms.CharField(label="内部备注", widget=TEXT)


class UnmaskForm(forms.Form):
    reason = forms.CharField(label="查看理由", max_length=200)


class AssignForm(forms.Form):
    handler = forms.ModelChoiceField(label="承办人", queryset=None, required=False)

    def __init__(self, *args, handlers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handlers


class PolicyForm(forms.Form):
    online_nonworking_rule = forms.ChoiceField(
        label="非工作日网上提交的收到日期",
        choices=[(str(key), label) for key, label in ONLINE_RULE_LABELS.items()],
        widget=forms.RadioSelect,
    )
    online_receipt_confirms = forms.TypedChoiceField(
        label="网上申请的双方确认（第三十一条第（三）项）",
        choices=[
            ("1", "平台自动回执即为双方确认，以提交日期为收到申请之日"),
            ("0", "由受理单位在工作台确认收到，以确认之日为收到申请之日"),
        ],
        coerce=lambda value: value == "1",
        empty_value=True,
        required=False,
        widget=forms.RadioSelect,
    )
    fee_clock_stops = forms.BooleanField(label="等待缴费期间暂停计算答复期限", required=False)
    reminder_days = forms.CharField(
        label="到期提醒（剩余工作日，逗号分隔，如 5,3,1）", max_length=40
    )


class ConfirmReceiptForm(forms.Form):
    confirmed_on = forms.DateField(
        label="双方确认之日",
        widget=DATE,
        initial=today_initial,
        help_text="与申请人确认收到申请的日期；答复期限自该日起计算。",
    )


class LetterSettingsForm(forms.Form):
    review_body = forms.CharField(
        label="行政复议机关",
        max_length=200,
        required=False,
        help_text="留空时按《行政复议法》第二十四条推定（见上）。",
    )
    court = forms.CharField(
        label="管辖法院", max_length=200, required=False, help_text="如“东岚区人民法院”。"
    )
    fee_payment = forms.CharField(
        label="信息处理费缴纳方式和地点",
        widget=TEXT,
        required=False,
        help_text="写入收费通知书，如非税收入缴款方式、缴费窗口地址和咨询电话。",
    )


class TokenForm(forms.Form):
    unit = UnitChoiceField(label="单位", queryset=Unit.objects.none())
    name = forms.CharField(label="令牌名称（如使用该令牌的平台）", max_length=100)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
