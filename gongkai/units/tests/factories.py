import factory

from gongkai.core.identity import credit_code_check_char
from gongkai.units.models import Unit, UnitKind


def credit_code(number):
    first17 = f"11880000{number:09d}"
    return first17 + credit_code_check_char(first17)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"unit-{n}")
    full_name = factory.Sequence(lambda n: f"测试单位{n}")
    short_name = factory.Sequence(lambda n: f"单位{n}")
    kind = UnitKind.DEPARTMENT
    credit_code = factory.Sequence(lambda n: credit_code(n + 1000))
    index_code = factory.LazyAttribute(lambda unit: unit.credit_code[8:17])
    government = factory.LazyAttribute(
        lambda unit: (
            unit.parent
            if unit.parent and unit.parent.is_government
            else unit.parent and unit.parent.government
        )
    )
    leader_name = "王建国"
    leader_post = "副局长"
    body_name = "办公室"
    address = "测试区人民路1号"
    postcode = "990101"
    phone = "0999-1234567"
    office_hours = "工作日 9:00–17:00"
    email = "office@test.gov.example"


class GovernmentFactory(UnitFactory):
    kind = UnitKind.GOVERNMENT
    parent = None
    government = None

    @factory.post_generation
    def _self_government(obj, create, extracted, **kwargs):
        obj.government = obj
        if create:
            obj.save(update_fields=["government"])
