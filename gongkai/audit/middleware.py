from .services import acting_as


class ActingUserMiddleware:
    """Makes the signed-in person the actor of events written by model signals during the
    request (role and password changes made anywhere, unlocks)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Resolved only when an event is written, so that pages which write none do not
        # touch the session.
        with acting_as(lambda: _signed_in(request)):
            return self.get_response(request)


def _signed_in(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None
