"""An enforcement decision registered through the service, as a unit's editor enters one."""

from datetime import date

from gongkai.enforcement import services


def register_penalty(editor, unit, **overrides):
    """A natural person's fine (name and ID number given, so masking can be checked)."""
    fields = {
        "kind": "penalty",
        "number": "测甲罚〔2026〕12号",
        "title": "未按规定设置消防通道",
        "party_kind": "natural_person",
        "party_name": "王小明",
        "party_identifier": "11010519491231002X",
        "facts": "经查，当事人占用消防通道堆放杂物。",
        "basis": "《中华人民共和国消防法》第六十条",
        "outcome": "警告，罚款人民币五百元",
        "decided_on": date(2026, 9, 28),
        **overrides,
    }
    return services.register(actor=editor, unit=unit, **fields)
