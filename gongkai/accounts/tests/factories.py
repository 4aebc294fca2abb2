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


# A known TOTP secret for tests (base32), so a test can compute the code an app would show.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def enrol_second_factor(user) -> list[str]:
    """Enrol `user` as a person would (accounts.second_factor), with TOTP_SECRET; returns the
    recovery codes. The code used to confirm is spent: the next one is 30 seconds later."""
    from gongkai.accounts import second_factor

    second_factor.start_enrolment(user, secret=TOTP_SECRET)
    return second_factor.confirm_enrolment(user=user, code=second_factor.current_code(TOTP_SECRET))


def sign_in(client, user):
    """A fully signed-in test client: the password step (force_login) and, for an account
    that needs it, the second factor — the session holds the verified device exactly as
    django_otp.login leaves it after a right code. The rule itself is never relaxed."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from gongkai.accounts import second_factor
    from gongkai.accounts.models import AuthenticatorDevice

    client.force_login(user)
    if second_factor.required(user):
        if not second_factor.is_enrolled(user):
            enrol_second_factor(user)
        device = AuthenticatorDevice.objects.get(user=user, confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client
