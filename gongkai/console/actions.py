"""One console action posted from an object's page: check the form, call the workflow, say how
it went in Chinese and go back to the page. Views stay a line or two each."""

from django.contrib import messages as flash
from django.core.exceptions import ValidationError
from django.shortcuts import redirect


def form_errors(form) -> str:
    return "；".join(message for messages in form.errors.values() for message in messages)


def act(request, found, form, call, done, to):
    """`call(found, cleaned_data)` when `form` (None: no fields) is valid; the refusal of the
    form or of the workflow is flashed and nothing changes. Back to the page `to` of `found`."""
    if form is None or form.is_valid():
        try:
            call(found, form.cleaned_data if form is not None else {})
        except ValidationError as error:
            flash.error(request, "；".join(error.messages))
        else:
            flash.success(request, done)
    else:
        flash.error(request, form_errors(form))
    return redirect(to, found.pk)
