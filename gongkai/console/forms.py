from django import forms
from django.contrib.auth.forms import AuthenticationForm

from gongkai.accounts.roles import ADMINISTRATOR_ROLES, Role
from gongkai.core.widgets import DateInput
from gongkai.units.models import Unit
from gongkai.units.services import EDITABLE_FIELDS, WEBSITE_FIELDS


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "用户名或密码不正确。连续多次输错后账号将被暂时锁定。",
        "inactive": "该账号已停用。",
    }


class PasswordChangeForm(forms.Form):
    old_password = forms.CharField(
        label="当前密码", widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    new_password = forms.CharField(
        label="新密码",
        help_text="至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类。",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    new_password_again = forms.CharField(
        label="再次输入新密码", widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def clean(self):
        data = super().clean()
        if data.get("new_password") != data.get("new_password_again"):
            self.add_error("new_password_again", "两次输入的新密码不一致。")
        return data


class UnitForm(forms.ModelForm):
    class Meta:
        model = Unit
        fields = ("parent", *EDITABLE_FIELDS)

    def __init__(self, *args, government, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = Unit.objects.filter(government=government)
        self.fields["parent"].required = False
        if not self.instance.is_government:
            for name in WEBSITE_FIELDS:
                del self.fields[name]

    def validate_unique(self):
        # Uniqueness is checked by the service, which says which code clashes in Chinese.
        pass


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(label="并入单位", queryset=Unit.objects.none())
    on = forms.DateField(label="并入日期", widget=DateInput())

    def __init__(self, *args, government, exclude, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            Unit.objects.active().filter(government=government).exclude(pk=exclude.pk)
        )


STAFF_ROLES = [
    (role.value, role.label)
    for role in Role
    if role not in ADMINISTRATOR_ROLES and role != Role.OFFICE
]


class StaffForm(forms.Form):
    username = forms.RegexField(
        label="用户名",
        regex=r"^[a-z0-9][a-z0-9._-]{2,39}$",
        error_messages={"invalid": "用户名只能用小写字母、数字、点、下划线和连字符，3–40 位。"},
    )
    last_name = forms.CharField(label="姓名", max_length=40)
    identity_number = forms.CharField(
        label="居民身份证号码",
        max_length=18,
        help_text="只保存其密钥散列，用于把同一人的多个账号关联为一人（审核回避）。",
    )
    email = forms.EmailField(label="电子邮箱", required=False)
    role = forms.ChoiceField(label="角色", choices=STAFF_ROLES)
    password = forms.CharField(
        label="初始密码",
        widget=forms.PasswordInput,
        help_text="至少 10 位，包含小写字母、大写字母、数字、符号中的三类。",
    )


class AdministratorForm(forms.Form):
    """The system administrator creates the other administrators' accounts (三员分立)."""

    username = StaffForm.base_fields["username"]
    last_name = forms.CharField(label="姓名", max_length=40)
    identity_number = StaffForm.base_fields["identity_number"]
    role = forms.ChoiceField(
        label="角色",
        choices=[(role.value, role.label) for role in Role if role in ADMINISTRATOR_ROLES],
    )
    password = StaffForm.base_fields["password"]
