"""The legal basis of each outcome, as data checked against the Regulation's text.

Every outcome lists the provisions of 《中华人民共和国政府信息公开条例》 (2019) that it
rests on: the first ones are always cited, the rest may be added by staff when they apply
(e.g. the article behind the withheld part of a partial disclosure). Staff cannot cite a
provision that does not belong to the outcome; they may add other law in their own words.
Where the Regulation names no provision for an outcome (要求确认或重新出具已获取信息, 其他),
or points to other law only the unit can name, the data says so and the unit writes it.
"""

from dataclasses import dataclass

from .outcomes import Outcome

REGULATION = "《中华人民共和国政府信息公开条例》"
FEE_MEASURES = "《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）"


@dataclass(frozen=True)
class Provision:
    key: str
    citation: str
    quote: str  # words of the provision itself, so a test can find it in the Regulation's text

    @property
    def label(self):
        return f"{self.citation}（{self.quote}）"


PROVISIONS = {
    p.key: p
    for p in (
        Provision("14", "第十四条", "依法确定为国家秘密的政府信息"),
        Provision("15", "第十五条", "公开会对第三方合法权益造成损害的政府信息"),
        Provision("16.1", "第十六条第一款", "行政机关的内部事务信息"),
        Provision("16.2", "第十六条第二款", "过程性信息以及行政执法案卷信息"),
        Provision("30", "第三十条", "政府信息公开申请内容不明确的"),
        Provision("32", "第三十二条", "行政机关应当书面征求第三方的意见"),
        Provision("35", "第三十五条", "数量、频次明显超过合理范围"),
        Provision("36.1", "第三十六条第（一）项", "所申请公开信息已经主动公开的"),
        Provision("36.2", "第三十六条第（二）项", "所申请公开信息可以公开的"),
        Provision("36.3", "第三十六条第（三）项", "决定不予公开的"),
        Provision("36.4", "第三十六条第（四）项", "经检索没有所申请公开信息的"),
        Provision("36.5", "第三十六条第（五）项", "不属于本行政机关负责公开的"),
        Provision("36.6", "第三十六条第（六）项", "申请人重复申请公开相同政府信息的"),
        Provision("36.7", "第三十六条第（七）项", "有关法律、行政法规对信息的获取有特别规定的"),
        Provision("37", "第三十七条", "能够作区分处理的"),
        Provision("38", "第三十八条", "需要行政机关对现有政府信息进行加工、分析的"),
        Provision("39.1", "第三十九条第一款", "进行信访、投诉、举报等活动"),
        Provision("39.2", "第三十九条第二款", "政府公报、报刊、书籍等公开出版物"),
        Provision("42", "第四十二条", "行政机关可以收取信息处理费"),
    )
}

WITHHOLDING = ("14", "15", "16.1", "16.2", "32")


@dataclass(frozen=True)
class Basis:
    cited: tuple[str, ...]  # always printed
    optional: tuple[str, ...] = ()  # staff may add these
    also: str = ""  # a text outside the Regulation that is always cited
    # What the unit must write itself: where the Regulation names no provision, or where the
    # provision refers to other law that only the unit can name.
    note: str = ""

    @property
    def allowed(self):
        return self.cited + self.optional

    @property
    def unit_writes(self):
        return bool(self.note)


LEGAL_BASIS = {
    Outcome.DISCLOSED: Basis(("36.2",), ("36.1",)),
    Outcome.PARTLY_DISCLOSED: Basis(("37",), WITHHOLDING + ("38",)),
    Outcome.WITHHELD_STATE_SECRET: Basis(("14", "36.3")),
    Outcome.WITHHELD_PROHIBITED_BY_LAW: Basis(
        ("14", "36.3"), note="请写明禁止公开该信息的法律、行政法规的名称和条款。"
    ),
    Outcome.WITHHELD_ENDANGERS_SECURITY: Basis(("14", "36.3")),
    Outcome.WITHHELD_THIRD_PARTY: Basis(("15", "36.3"), ("32",)),
    Outcome.WITHHELD_INTERNAL_AFFAIRS: Basis(("16.1", "36.3")),
    Outcome.WITHHELD_PROCESS_INFORMATION: Basis(("16.2", "36.3")),
    Outcome.WITHHELD_ENFORCEMENT_FILE: Basis(("16.2", "36.3")),
    Outcome.WITHHELD_INQUIRY_MATTER: Basis(
        ("36.7",), note="请写明对该信息的查询作出特别规定的法律、行政法规的名称和条款。"
    ),
    Outcome.UNAVAILABLE_NOT_HELD: Basis(("36.4",), ("36.5",)),
    Outcome.UNAVAILABLE_NEEDS_CREATION: Basis(("38",)),
    Outcome.UNAVAILABLE_STILL_UNCLEAR: Basis(("30",)),
    Outcome.NOT_PROCESSED_PETITION: Basis(("39.1",)),
    Outcome.NOT_PROCESSED_REPEAT: Basis(("36.6",)),
    Outcome.NOT_PROCESSED_PUBLICATION: Basis(("39.2",)),
    Outcome.NOT_PROCESSED_EXCESSIVE: Basis(("35",)),
    Outcome.NOT_PROCESSED_CONFIRMATION: Basis(
        (), note="《条例》没有规定要求确认或重新出具已获取信息的处理条款，请写明本机关的依据。"
    ),
    Outcome.OTHER_CORRECTION_LAPSED: Basis(("30",)),
    Outcome.OTHER_FEE_UNPAID: Basis(("42",), also=FEE_MEASURES),
    Outcome.OTHER: Basis((), note="“其他处理”没有对应的《条例》条款，请写明本机关的依据。"),
}


def cited_articles(outcome, added=()):
    """The provisions a reply cites: the outcome's own, plus those staff added from the
    outcome's optional ones. Raises ValueError with a message for users on any other."""
    basis = LEGAL_BASIS[Outcome(outcome)]
    wrong = [key for key in added if key not in basis.allowed]
    if wrong:
        names = "、".join(PROVISIONS[k].citation if k in PROVISIONS else k for k in wrong)
        raise ValueError(f"{names}不是“{Outcome(outcome).label}”的法律依据，不能引用。")
    keys = {*basis.cited, *(k for k in basis.optional if k in added)}
    return sorted(keys, key=list(PROVISIONS).index)


def basis_text(outcome, articles, written=""):
    """The 依据 of a letter: the cited provisions, the other text the outcome rests on, and
    what the unit wrote, e.g. 《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项。"""
    basis = LEGAL_BASIS[Outcome(outcome)]
    parts = []
    if articles:
        parts.append(REGULATION + "、".join(PROVISIONS[k].citation for k in articles))
    if basis.also:
        parts.append(basis.also)
    if written.strip():
        parts.append(written.strip().rstrip("。"))
    return "；".join(parts) + "。" if parts else ""
