"""Valid application input for tests; states are then built through the workflow."""

import datetime

from gongkai.applications.samples import PDF, PNG, credit_code, resident_id

__all__ = ["PDF", "PNG", "application_input", "credit_code", "moment", "resident_id"]


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
