"""Choice fields in the OpenAPI document: each lists its allowed values (``enum``) and their
Chinese labels (in the description), so a client generated from the schema can fill a valid
request without reading the code. In a body, validation stays where it was (the workflow's
Chinese messages); a filter is ``checked``, because an unknown value there would quietly match
nothing and look like an empty answer."""

from typing import Annotated

from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError


def _one_of(allowed):
    def check(value):
        if value not in allowed:
            raise PydanticCustomError("enum", "not one of the allowed values")
        return value

    return AfterValidator(check)


def choice(choices, description="", *, blank="", checked=False):
    """A string field allowed the values of ``choices`` ((value, label) pairs), as a type to
    annotate a schema field with. ``blank``, when given, is what the empty string means (e.g.
    全部 for a filter); ``checked`` refuses any other value (422, 不是可选的值之一)."""
    pairs = [(str(value), str(label)) for value, label in choices]
    if blank:
        pairs.insert(0, ("", blank))
    labels = "；".join(f"{value or '（空）'}={label}" for value, label in pairs)
    text = f"{description}。可选值：{labels}" if description else f"可选值：{labels}"
    allowed = [value for value, _label in pairs]
    field = Field(description=text, json_schema_extra={"enum": allowed})
    if checked:
        return Annotated[str, field, _one_of(set(allowed))]
    return Annotated[str, field]
