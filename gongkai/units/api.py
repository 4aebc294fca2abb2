from ninja import Router, Schema

from gongkai.api.choices import choice

from .models import Unit, UnitKind

router = Router(tags=["单位"])


class UnitOut(Schema):
    code: str
    full_name: str
    short_name: str
    kind: choice(UnitKind.choices, "单位类型")
    parent: str | None
    government: str | None
    credit_code: str
    leader_name: str
    leader_post: str
    body_name: str
    address: str
    postcode: str
    phone: str
    office_hours: str
    email: str
    receives_applications: bool

    @staticmethod
    def resolve_parent(unit):
        return unit.parent.code if unit.parent_id else None

    @staticmethod
    def resolve_government(unit):
        return unit.government.code if unit.government_id else None


@router.get("/units", response=list[UnitOut], summary="单位目录（仍在运行的单位）")
def list_units(request):
    return Unit.objects.active().select_related("parent", "government")
