"""The template language of letters, which the openness office edits: Django's template syntax
cut down to what a letter needs — ``{{ name }}``, ``{{ name.part }}``, ``{% if %}`` /
``{% elif %}`` / ``{% else %}`` and the ``default`` filter — over a fixed set of names.

Why Django's syntax and not Jinja2's sandbox: the stored templates (and the office's habits)
are Django syntax already, and the sandbox would still let a template walk any attribute of
what it is given. Here the engine knows no other tag (so ``load``, ``include``, ``extends``,
``debug``, ``url``, ``now``... do not exist), no other filter, reads no file, and a template is
checked name by name against ``SCHEMA`` when it is saved; it is rendered only over plain
values (text, numbers, dictionaries of them), never over a model instance, a manager or a user.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.template import (
    Context,
    Engine,
    Library,
    TemplateSyntaxError,
    defaultfilters,
    defaulttags,
)
from django.template.base import FilterExpression, TextNode, Variable, VariableNode

register = Library()
register.tag("if", defaulttags.do_if)
register.filter("default", defaultfilters.default)

ALLOWED_TAGS = ("if",)
ALLOWED_FILTERS = ("default",)


class LetterEngine(Engine):
    # Only this module's library: Django's own tags and filters are not there at all.
    default_builtins = ["gongkai.applications.letter_language"]


ENGINE = LetterEngine(autoescape=False, debug=False, string_if_invalid="", libraries={}, loaders=[])


def check(body, schema):
    """The parsed template, or ValidationError (in Chinese) naming the first thing it may not
    use: a tag or filter outside the language, or a name outside ``schema`` (name → None for a
    value, or the set of its parts)."""
    try:
        template = ENGINE.from_string(body)
    except TemplateSyntaxError as exc:
        raise ValidationError(f"模板格式有误：{_syntax(exc)}") from exc
    for expression in _expressions(template.nodelist):
        for path in _names(expression):
            if not _allowed(path, schema):
                raise ValidationError(
                    f"模板使用了不允许的名称“{'.'.join(path)}”：文书模板只能使用下方列出的变量。"
                )
    return template


def render(body, context, schema):
    """The letter's text. ``context`` must hold plain values only; the template is checked
    again, so a version stored before these rules cannot reach anything either."""
    _require_plain(context)
    template = check(body, schema)
    return template.render(Context(context, autoescape=False))


def names_used(body):
    """Every name path a (valid) template reads, e.g. {("applicant",), ("reply", "reasons")}."""
    template = ENGINE.from_string(body)
    return {path for e in _expressions(template.nodelist) for path in _names(e)}


def _syntax(exc):
    text = str(exc)
    if text.startswith("Invalid block tag"):
        tag = text.split("'")[1] if "'" in text else ""
        allowed = "{% if %}、{% elif %}、{% else %}、{% endif %}"
        return f"不能使用标签“{tag}”，文书模板只能使用 {allowed}。"
    if text.startswith("Invalid filter"):
        name = text.split("'")[1] if "'" in text else ""
        return f"不能使用过滤器“{name}”，文书模板只能使用 default。"
    return text


def _expressions(nodelist):
    """Every FilterExpression of the template, refusing any node the language does not have."""
    for node in nodelist:
        if isinstance(node, TextNode):
            continue
        if isinstance(node, VariableNode):
            yield node.filter_expression
        elif isinstance(node, defaulttags.IfNode):
            for condition, body in node.conditions_nodelists:
                if condition is not None:
                    yield from _condition(condition)
                yield from _expressions(body)
        else:  # cannot happen with the engine above; refused all the same
            raise ValidationError("模板格式有误：文书模板只能使用变量和 {% if %}。")


def _condition(condition):
    if isinstance(condition, defaulttags.TemplateLiteral):
        yield condition.value
        return
    for part in (getattr(condition, "first", None), getattr(condition, "second", None)):
        if part is not None:
            yield from _condition(part)


def _names(expression):
    assert isinstance(expression, FilterExpression)
    variables = [expression.var]
    for _func, args in expression.filters:
        variables += [arg for lookup, arg in args if lookup]
    for variable in variables:
        if isinstance(variable, Variable) and variable.lookups is not None:
            yield tuple(variable.lookups)


def _allowed(path, schema):
    if path[0] not in schema:
        return False
    parts = schema[path[0]]
    if len(path) == 1:
        return True
    return len(path) == 2 and parts is not None and path[1] in parts


PLAIN = (str, int, bool, Decimal, type(None))


def _require_plain(value):
    if isinstance(value, dict):
        for item in value.values():
            _require_plain(item)
    elif not isinstance(value, PLAIN):
        raise TypeError(f"文书只能使用文字和数字，不能使用 {type(value).__name__}")
