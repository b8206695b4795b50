"""Messages made in core (no qgis) that the GUI and Processing show translated.

A :class:`Message` keeps its English template and its values apart: ``str(message)`` is the
English text (logs, tests), ``message.render(tr)`` translates the template first. Templates
are marked ``N_("...")`` where they are written; ``scripts/i18n.py`` (``make i18n``) extracts
every marked template into the one "PaserSmartCity" context of the .ts, like every ``tr()``
string. A counted noun takes :func:`N_plural` ("1 site", "2 sites"): both forms are extracted.

Some texts carry both languages themselves, as the schema's field labels and the code lists'
labels do (core/schema.py, core/codelists.py): a :class:`Text`. It renders in the language the
translator renders templates in (:func:`language_of`), so a field label inside a translated
message is in the same language as the message around it. The workspace's integrity rules are
such texts (core/rules.py): the GeoPackage's triggers state them in both languages, with no
translator at hand.

Decimal numbers inside a message are :class:`Number` (or :class:`NumberPair`) values, not
pre-formatted text: ``render(tr, decimal_point=",")`` writes them the way the reader's locale
does ("-1,9023"), while ``str(message)`` (logs, tests) keeps the dot.
"""

from typing import Any, Callable, Optional, Tuple

CONTEXT = "PaserSmartCity"

Translate = Optional[Callable[[str], str]]


def N_(text: str) -> str:  # noqa: N802 - conventional marker name
    """Mark a template for translation in the plugin's context (extracted by scripts/i18n.py)."""
    return text


# The one template whose translation is the two-letter code of the translation's language
# ("id" in paser_smartcity_id.ts): how a Text knows which of its languages to render.
LANGUAGE_MARK = N_("en")
LANGUAGES = ("en", "id")


def language_of(translate: Translate) -> str:
    """The language ``translate`` renders templates in: "id" or "en" (no translator: English)."""
    if translate is None:
        return "en"
    code = str(translate(LANGUAGE_MARK) or "").strip().lower()
    return code if code in LANGUAGES else "en"


def texts_in(language: str) -> Callable[[str], str]:
    """A translate that leaves templates as they are and renders every :class:`Text` in
    ``language``: for messages made of Texts only (the workspace rules, core/rules.py)."""
    return lambda template: language if template == LANGUAGE_MARK else template


class Text:
    """A text in both languages, rendered in the reader's (see :func:`language_of`).

    ``en``/``id`` may be templates with ``{name}`` fields; :class:`Message` fills them like
    any template (``Message(Text(en, id), field=...)``).
    """

    __slots__ = ("en", "id")

    def __init__(self, en: str, id: str):  # noqa: A002 - the language code, as Field.id
        self.en = en
        self.id = id

    def text(self, language: str = "en") -> str:
        return self.id if language.startswith("id") else self.en

    def render(self, translate: Translate = None, **_options) -> str:
        # options (such as how numbers are written) do not apply to a fixed text
        return self.text(language_of(translate))

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:
        return f"Text({self.en!r}, {self.id!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Text) and (self.en, self.id) == (other.en, other.id)

    def __hash__(self) -> int:
        return hash((self.en, self.id))


def N_plural(singular: str, plural: str, count: int) -> str:  # noqa: N802 - like N_
    """The English template for ``count``: ``singular`` for exactly 1, else ``plural``.

    Both are extracted (scripts/i18n.py) and translated like any ``N_`` template; Indonesian
    nouns do not change with the count, so both usually get the same translation.
    """
    return singular if count == 1 else plural


def format_decimal(value: float, decimals: int, decimal_point: str = ".") -> str:
    """``value`` with ``decimals`` digits after ``decimal_point`` (no grouping)."""
    text = f"{value:.{decimals}f}"
    return text.replace(".", decimal_point) if decimal_point != "." else text


def format_pair(first: str, second: str, decimal_point: str = ".") -> str:
    """Two numbers as one position: "a, b", or "a; b" where the comma is the decimal separator."""
    return f"{first}; {second}" if decimal_point == "," else f"{first}, {second}"


class Number:
    """A decimal number inside a message, written with the reader's decimal separator."""

    __slots__ = ("value", "decimals")

    def __init__(self, value: float, decimals: int):
        self.value = float(value)
        self.decimals = decimals

    def render(self, translate: Translate = None, decimal_point: str = ".") -> str:
        return format_decimal(self.value, self.decimals, decimal_point)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Number({self.value!r}, {self.decimals})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Number) and (self.value, self.decimals) == (other.value, other.decimals)

    def __hash__(self) -> int:
        return hash((self.value, self.decimals))


class NumberPair:
    """Two decimal numbers (latitude and longitude) as one value of a message."""

    __slots__ = ("first", "second", "decimals")

    def __init__(self, first: float, second: float, decimals: int):
        self.first, self.second, self.decimals = float(first), float(second), decimals

    def render(self, translate: Translate = None, decimal_point: str = ".") -> str:
        return format_pair(
            format_decimal(self.first, self.decimals, decimal_point),
            format_decimal(self.second, self.decimals, decimal_point),
            decimal_point,
        )

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"NumberPair({self.first!r}, {self.second!r}, {self.decimals})"

    def __eq__(self, other) -> bool:
        return isinstance(other, NumberPair) and (self.first, self.second, self.decimals) == (
            other.first,
            other.second,
            other.decimals,
        )

    def __hash__(self) -> int:
        return hash((self.first, self.second, self.decimals))


def _render_value(value: Any, translate: Translate, decimal_point: str) -> Any:
    if isinstance(value, _RENDERED):
        return value.render(translate, decimal_point=decimal_point)
    return value


class Message:
    __slots__ = ("template", "params")

    def __init__(self, template: str, **params: Any):
        self.template = template
        self.params: Tuple[Tuple[str, Any], ...] = tuple(params.items())

    def render(self, translate: Translate = None, decimal_point: str = ".") -> str:
        if isinstance(self.template, Text):
            template = english = self.template.render(translate)
        else:
            template = translate(self.template) if translate else self.template
            english = self.template
        values = {k: _render_value(v, translate, decimal_point) for k, v in self.params}
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
            return english.format(**values)

    def __str__(self) -> str:
        return self.render()

    def __repr__(self) -> str:
        return f"Message({str(self)!r})"

    def __eq__(self, other) -> bool:
        return isinstance(other, Message) and (self.template, self.params) == (other.template, other.params)

    def __hash__(self) -> int:
        return hash((self.template, self.params))


class MessageError(Exception):
    """An error the officer can act on, made of :class:`Message` (or plain text) parts.

    ``str(error)`` is the English text (logs, tests); ``error.render(tr)`` is what the GUI and
    Processing show, each template translated. Several parts are joined with "; ".
    """

    def __init__(self, *messages):
        self.messages = tuple(messages)
        super().__init__(self.render())

    def render(self, translate: Translate = None, decimal_point: str = ".") -> str:
        return "; ".join(str(_render_value(m, translate, decimal_point)) for m in self.messages)


class MessageText(str):
    """A :class:`Message` that is also its English text.

    For lists of plain strings that callers join, search and write to CSV reports as they
    are (the Telkom preview's reasons and warnings): the value is the English text, and
    ``render(tr)`` translates it like a Message where the GUI shows it.
    """

    def __new__(cls, template: str, **params: Any):
        return cls.of(Message(template, **params))

    @classmethod
    def of(cls, message: Message) -> "MessageText":
        text = str.__new__(cls, message.render())
        text.message = message
        return text

    def render(self, translate: Translate = None, decimal_point: str = ".") -> str:
        return self.message.render(translate, decimal_point=decimal_point)


_RENDERED = (Message, MessageError, MessageText, Text, Number, NumberPair)


def message_to_json(value: Any) -> Any:
    """A message as JSON data that :func:`message_from_json` makes a message of again, so a
    stored message (the sync history) is shown in the language of whoever reads it later."""
    if isinstance(value, MessageText):
        value = value.message
    if isinstance(value, Text):
        return {"text": {"en": value.en, "id": value.id}}
    if isinstance(value, Message):
        return {"template": message_to_json(value.template), "params": {k: message_to_json(v) for k, v in value.params}}
    if isinstance(value, MessageError):
        return {"parts": [message_to_json(m) for m in value.messages]}
    if isinstance(value, Number):
        return {"number": value.value, "decimals": value.decimals}
    if isinstance(value, NumberPair):
        return {"pair": [value.first, value.second], "decimals": value.decimals}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def message_from_json(data: Any) -> Any:
    """The message (a Message, a MessageError or a plain value) :func:`message_to_json` stored."""
    if isinstance(data, dict) and isinstance(data.get("text"), dict):
        return Text(str(data["text"].get("en", "")), str(data["text"].get("id", "")))
    template = message_from_json(data.get("template")) if isinstance(data, dict) else None
    if isinstance(template, (str, Text)):
        params = data.get("params") if isinstance(data.get("params"), dict) else {}
        return Message(template, **{str(k): message_from_json(v) for k, v in params.items()})
    if isinstance(data, dict) and isinstance(data.get("parts"), list):
        return MessageError(*(message_from_json(p) for p in data["parts"]))
    if isinstance(data, dict) and isinstance(data.get("number"), (int, float)):
        return Number(data["number"], int(data.get("decimals") or 0))
    if isinstance(data, dict) and isinstance(data.get("pair"), list) and len(data["pair"]) == 2:
        return NumberPair(data["pair"][0], data["pair"][1], int(data.get("decimals") or 0))
    return data
