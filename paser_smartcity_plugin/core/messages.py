"""Messages made in core (no qgis) that the GUI and Processing show translated.

A :class:`Message` keeps its English template and its values apart: ``str(message)`` is the
English text (logs, tests), ``message.render(tr)`` translates the template first. Templates
are marked ``N_("...")`` where they are written; ``scripts/i18n.py`` (``make i18n``) extracts
every marked template into the one "PaserSmartCity" context of the .ts, like every ``tr()``
string.
"""

from typing import Any, Callable, Optional, Tuple

CONTEXT = "PaserSmartCity"


def N_(text: str) -> str:  # noqa: N802 - conventional marker name
    """Mark a template for translation in the plugin's context (extracted by scripts/i18n.py)."""
    return text


class Message:
    __slots__ = ("template", "params")

    def __init__(self, template: str, **params: Any):
        self.template = template
        self.params: Tuple[Tuple[str, Any], ...] = tuple(params.items())

    def render(self, translate: Optional[Callable[[str], str]] = None) -> str:
        template = translate(self.template) if translate else self.template
        values = {
            k: (v.render(translate) if isinstance(v, (Message, MessageError, MessageText)) else v)
            for k, v in self.params
        }
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):  # a broken translation must not hide the message
            return self.template.format(**values)

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

    def render(self, translate: Optional[Callable[[str], str]] = None) -> str:
        return "; ".join(
            m.render(translate) if isinstance(m, (Message, MessageError, MessageText)) else str(m)
            for m in self.messages
        )


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

    def render(self, translate: Optional[Callable[[str], str]] = None) -> str:
        return self.message.render(translate)


def message_to_json(value: Any) -> Any:
    """A message as JSON data that :func:`message_from_json` makes a message of again, so a
    stored message (the sync history) is shown in the language of whoever reads it later."""
    if isinstance(value, MessageText):
        value = value.message
    if isinstance(value, Message):
        return {"template": value.template, "params": {k: message_to_json(v) for k, v in value.params}}
    if isinstance(value, MessageError):
        return {"parts": [message_to_json(m) for m in value.messages]}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def message_from_json(data: Any) -> Any:
    """The message (a Message, a MessageError or a plain value) :func:`message_to_json` stored."""
    if isinstance(data, dict) and isinstance(data.get("template"), str):
        params = data.get("params") if isinstance(data.get("params"), dict) else {}
        return Message(data["template"], **{str(k): message_from_json(v) for k, v in params.items()})
    if isinstance(data, dict) and isinstance(data.get("parts"), list):
        return MessageError(*(message_from_json(p) for p in data["parts"]))
    return data
