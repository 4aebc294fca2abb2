"""How personal data is shown on screen. The formats follow common local practice (no national
format exists); they keep enough to recognise a record, never enough to use it."""


def mask_resident_id(value):
    value = (value or "").strip()
    if len(value) < 8:
        return "*" * len(value)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_phone(value):
    digits = (value or "").strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 7) + digits[-4:]


def mask_address(value):
    """Keep the text up to the sub-district or town, hide the rest."""
    value = (value or "").strip()
    for marker in ("街道", "镇", "乡"):
        position = value.find(marker)
        if position != -1:
            return value[: position + len(marker)] + "****"
    return value[:6] + "****" if len(value) > 6 else "****"


def mask_name(value):
    value = (value or "").strip()
    if len(value) <= 1:
        return value
    return value[0] + "*" * (len(value) - 1)
