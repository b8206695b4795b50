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
        values = {k: (v.render(translate) if isinstance(v, (Message, MessageError, MessageText)) else v)
                  for k, v in self.params}
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
        return "; ".join(m.render(translate) if isinstance(m, (Message, MessageError, MessageText)) else str(m)
                         for m in self.messages)


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
