"""Valid application input for tests; states are then built through the workflow."""

import datetime

from gongkai.core.identity import credit_code_check_char, resident_id_check_digit

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def resident_id(serial=1):
    first17 = f"11010519800101{serial:03d}"
    return first17 + resident_id_check_digit(first17)


def credit_code(serial=1):
    first17 = f"91110000{serial:09d}"
    return first17 + credit_code_check_char(first17)


def application_input(unit, **overrides):
    data = {
        "unit": unit,
        "applicant_kind": "natural_person",
        "applicant_name": "李明",
        "identity_kind": "resident_id",
        "identity_number": resident_id(),
        "identity_proof": PNG,
        "phone": "13800138000",
        "email": "liming@example.com",
        "address": "测试区幸福街道人民路8号",
        "postcode": "990101",
        "title": "2025年老旧小区改造项目清单",
        "document_number": "",
        "description": "请公开本区2025年老旧小区改造项目的名单及投资金额。",
        "format_wanted": "electronic",
        "delivery_wanted": "email",
        "channel": "online",
    }
    data.update(overrides)
    return data


def moment(year, month, day, hour=10):
    from gongkai.core.clock import CHINA

    return datetime.datetime(year, month, day, hour, tzinfo=CHINA)
