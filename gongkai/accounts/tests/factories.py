import factory

from gongkai.accounts.models import Membership, User

PASSWORD = "Test-password-2026"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    last_name = "张"
    first_name = factory.Sequence(lambda n: f"测试{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = "editor"


class StaffFactory(UserFactory):
    """A user holding one membership: StaffFactory(membership__unit=u, membership__role=r)."""

    membership = factory.RelatedFactory(MembershipFactory, factory_related_name="user")
