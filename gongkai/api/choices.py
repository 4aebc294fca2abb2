"""Choice fields in the OpenAPI document: each lists its allowed values (``enum``) and their
Chinese labels (in the description), so a client generated from the schema can fill a valid
request without reading the code. Validation stays where it was (the workflow's Chinese
messages); the schema only tells."""

from typing import Annotated

from pydantic import Field


def choice(choices, description="", *, blank=""):
    """A string field allowed the values of ``choices`` ((value, label) pairs), as a type to
    annotate a schema field with. ``blank``, when given, is what the empty string means (e.g.
    全部 for a filter)."""
    pairs = [(str(value), str(label)) for value, label in choices]
    if blank:
        pairs.insert(0, ("", blank))
    labels = "；".join(f"{value or '（空）'}={label}" for value, label in pairs)
    text = f"{description}。可选值：{labels}" if description else f"可选值：{labels}"
    extra = {"enum": [value for value, _label in pairs]}
    return Annotated[str, Field(description=text, json_schema_extra=extra)]
