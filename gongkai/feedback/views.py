"""The public 纠错和意见 form, and the office's list of messages in the console."""

from django.contrib import messages as flash
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.accounts.permissions import units_for
from gongkai.accounts.roles import Role
from gongkai.console.decorators import staff_required
from gongkai.core import throttle
from gongkai.core.forms import apply_errors

from . import services
from .forms import HandleForm, MessageForm
from .models import Message

# A person writes a few messages an hour; more from one address is a script.
THROTTLE = throttle.Limit("feedback", 5, 60 * 60)


def leave(request):
    if request.method == "POST":
        form = MessageForm(request.POST)
        if not throttle.take(THROTTLE, throttle.client_address(request)):
            form.add_error(None, "提交过于频繁，请一小时后再试。")
        elif form.is_valid():
            try:
                services.leave_message(**form.cleaned_data)
            except ValidationError as error:
                apply_errors(form, error)
            else:
                return redirect("feedback:thanks")
    else:
        form = MessageForm(initial={"page": request.GET.get("page", "")[:300]})
    return render(request, "feedback/leave.html", {"form": form})


def thanks(request):
    return render(request, "feedback/thanks.html")


def _office_messages(user):
    return Message.objects.filter(government__in=units_for(user, Role.OFFICE)).select_related(
        "government", "handled_by"
    )


@staff_required
def inbox(request):
    if not units_for(request.user, Role.OFFICE).exists():
        raise PermissionDenied("只有政务公开办可以查看公众留言。")
    return render(
        request,
        "feedback/inbox.html",
        {"messages_list": _office_messages(request.user)[:200]},
    )


@staff_required
@require_POST
def handle(request, pk):
    message = get_object_or_404(_office_messages(request.user), pk=pk)
    form = HandleForm(request.POST)
    if form.is_valid():
        try:
            services.mark_handled(actor=request.user, message=message, **form.cleaned_data)
        except ValidationError as error:
            flash.error(request, "；".join(error.messages))
        else:
            flash.success(request, "已标记为处理。")
    else:
        flash.error(request, "请写明处理情况。")
    return redirect("console-feedback:inbox")
