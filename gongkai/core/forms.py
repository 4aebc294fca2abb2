"""Form helpers shared by the apps."""

from django.conf import settings
from django.core.exceptions import ValidationError


def within_upload_limit(upload):
    """Judged from the size of the temporary file, before anything reads the upload."""
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(f"文件大小超过上限 {settings.UPLOAD_MAX_BYTES // 1048576} MB。")


def apply_errors(form, error: ValidationError) -> None:
    """Show a service's ValidationError on the form: on the field it names when the form has
    that field, otherwise at the top of the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
