"""Translation: one context for every string, and the plugin follows QGIS's locale."""

import os

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "PaserSmartCity"
I18N_DIR = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "i18n")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def tr_noop(text: str) -> str:
    """Mark a string for extraction (scripts/i18n.py) without translating it yet.

    For strings kept in tables or constants and translated where they are shown, with
    ``tr(value)``: the extractor cannot follow a variable, but it sees this call.
    """
    return text


def counted(count: int, one: str, many: str) -> str:
    """``one`` (a translated template) for exactly 1, else ``many``, with {count} filled in:
    "1 site updated", "2 sites updated". Both are tr() strings of their own, so the
    extractor sees them; Indonesian gives both the same translation. Core templates use
    ``N_plural`` (core/messages.py) the same way."""
    return (one if count == 1 else many).format(count=count)


def tr_message(value) -> str:
    """What the officer reads for a message from core, in their language.

    Core errors, reasons, warnings and progress texts carry message templates (``N_``,
    core/messages.py: ``MessageError`` subclasses such as ``WorkspaceError``,
    ``MessageText``, ``Message``) and are rendered through :func:`tr`; anything else is shown
    as its text. A plain exception whose one argument is a ``MessageText`` (a ValueError from
    core/telkom/mapping.py) is rendered through that argument.
    Decimal numbers in them are written with the decimal separator of QGIS's locale.
    """
    render = getattr(value, "render", None)
    if not callable(render) and isinstance(value, BaseException) and len(value.args) == 1:
        render = getattr(value.args[0], "render", None)
    return render(tr, decimal_point=decimal_point()) if callable(render) else str(value)


def number_locale() -> QLocale:
    """The locale QGIS writes numbers with (Settings > Options > General > Locale).

    QGIS makes it Qt's default locale at start-up (the system's, or the one chosen in its
    options), and its attribute table and spin boxes use it: the plugin writes decimals the
    same way, so an Indonesian locale reads "-1,9023" everywhere.
    """
    return QLocale()


def decimal_point() -> str:
    return number_locale().decimalPoint()


def qgis_locale() -> str:
    """The locale QGIS uses for its interface, e.g. "id" or "en_US"."""
    # QGIS keeps the chosen interface locale in locale/userLocale (Options > General).
    return QgsSettings().value("locale/userLocale", "", type=str) or QLocale().name()


def language() -> str:
    """Two-letter language of the interface: "id" for Indonesian, else "en"."""
    return "id" if qgis_locale().lower().startswith("id") else "en"


def install_translator():
    """Install the compiled translation for QGIS's language; returns it (to remove later) or None."""
    qm = os.path.join(I18N_DIR, f"paser_smartcity_{language()}.qm")
    if language() == "en" or not os.path.exists(qm):
        return None
    translator = QTranslator()
    if not translator.load(qm):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


def remove_translator(translator) -> None:
    if translator is not None:
        QCoreApplication.removeTranslator(translator)
