from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse


class UnitKind(models.TextChoices):
    GOVERNMENT = "government", "人民政府"
    GOVERNMENT_OFFICE = "government_office", "政府办公室"
    DEPARTMENT = "department", "政府部门"
    SUBDISTRICT = "subdistrict", "街道办事处"
    TOWN = "town", "镇人民政府"
    ZONE = "zone", "园区管委会"
    PUBLIC_ENTERPRISE = "public_enterprise", "公共企事业单位"


# Kinds that may receive disclosure applications in their own name (Regulation Art. 27).
# Public enterprises follow their sector rules instead (Art. 55).
APPLICATION_RECEIVING_KINDS = frozenset(
    {
        UnitKind.GOVERNMENT,
        UnitKind.GOVERNMENT_OFFICE,
        UnitKind.DEPARTMENT,
        UnitKind.SUBDISTRICT,
        UnitKind.TOWN,
        UnitKind.ZONE,
    }
)


class UnitQuerySet(models.QuerySet):
    def active(self):
        return self.filter(merged_into__isnull=True, is_active=True)

    def of_government(self, government):
        return self.filter(government=government)

    def receiving_applications(self):
        return self.active().filter(kind__in=APPLICATION_RECEIVING_KINDS)


class Unit(models.Model):
    """A government or one of its units. Governments nest (a city and its districts); every
    unit knows the government it belongs to, which scopes the openness office's supervision."""

    code = models.SlugField(
        "代码",
        max_length=40,
        unique=True,
        help_text="用于网址，如 fgw；只能使用小写字母、数字和连字符。",
    )
    full_name = models.CharField("全称", max_length=120)
    short_name = models.CharField("简称", max_length=40)
    kind = models.CharField("类型", max_length=30, choices=UnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    government = models.ForeignKey(
        "self",
        verbose_name="所属政府",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="government_units",
        editable=False,
    )
    credit_code = models.CharField("统一社会信用代码", max_length=18, unique=True)
    index_code = models.CharField(
        "索引号前缀",
        max_length=18,
        unique=True,
        validators=[
            RegexValidator(r"^[0-9A-Z-]{7,18}$", "索引号前缀应为 7–18 位大写字母、数字或连字符。")
        ],
        help_text="通常为统一社会信用代码或 9 位组织机构代码。",
    )
    display_order = models.PositiveIntegerField("排序", default=100)
    is_active = models.BooleanField("启用", default=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name="并入单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_units",
        editable=False,
    )
    merged_on = models.DateField("并入日期", null=True, blank=True, editable=False)

    leader_name = models.CharField("分管负责人", max_length=40, blank=True)
    leader_post = models.CharField("负责人职务", max_length=80, blank=True)
    body_name = models.CharField("政府信息公开工作机构", max_length=120, blank=True)
    address = models.CharField("办公地址", max_length=200, blank=True)
    postcode = models.CharField(
        "邮政编码",
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", "邮政编码应为 6 位数字。")],
    )
    phone = models.CharField("联系电话", max_length=40, blank=True)
    fax = models.CharField("传真", max_length=40, blank=True)
    office_hours = models.CharField("办公时间", max_length=120, blank=True)
    email = models.EmailField("电子邮箱", blank=True)

    # A government's website identifiers, shown in its pages' footer (政府网站发展指引).
    site_code = models.CharField(
        "网站标识码",
        max_length=20,
        blank=True,
        db_default="",
        help_text="政府网站标识码，如 1101050001。",
    )
    icp_record = models.CharField(
        "ICP备案号", max_length=60, blank=True, db_default="", help_text="如 京ICP备12345678号。"
    )
    police_record = models.CharField(
        "公安机关备案号",
        max_length=60,
        blank=True,
        db_default="",
        help_text="如 京公网安备11010502000001号。",
    )
    site_organiser = models.CharField(
        "网站主办单位",
        max_length=120,
        blank=True,
        db_default="",
        help_text="留空时显示本政府全称。",
    )
    site_operator = models.CharField("网站承办单位", max_length=120, blank=True, db_default="")

    objects = UnitQuerySet.as_manager()

    class Meta:
        ordering = ["display_order", "id"]
        verbose_name = "单位"
        verbose_name_plural = "单位"
        indexes = [models.Index(fields=["government", "display_order"])]

    def __str__(self):
        return self.full_name

    def get_absolute_url(self):
        return reverse("portal:unit", args=[self.code])

    @property
    def is_government(self):
        return self.kind == UnitKind.GOVERNMENT

    @property
    def is_merged(self):
        return self.merged_into_id is not None

    @property
    def receives_applications(self):
        return self.kind in APPLICATION_RECEIVING_KINDS and self.is_active and not self.is_merged

    def ancestors(self):
        """From the root down to the parent, following parent links (a tree is shallow)."""
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return list(reversed(chain))
