"""Failures become messages: the message log always, the message bar with a Details button."""

from qgis.core import Qgis, QgsApplication
from qgis.PyQt.QtWidgets import QPushButton


def _collect_log():
    messages = []

    def received(message, tag, level):
        if tag == "Paser Smart City":
            messages.append((message, level))

    QgsApplication.messageLog().messageReceived.connect(received)
    return messages, received


def test_a_failing_action_is_a_message_not_a_python_error(plugin, real_message_bar):
    messages, slot = _collect_log()
    real_message_bar.clearWidgets()

    def broken():
        raise ValueError("kaputt")

    try:
        action = plugin._add_action("broken", "Broken", "icon.svg", broken, toolbar=False)
        action.trigger()  # would reach QGIS's Python error dialog if not guarded
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(slot)
    item = real_message_bar.currentItem()
    assert item is not None
    assert "Unexpected error: kaputt" in item.text()
    assert item.level() == Qgis.Critical
    assert [b.text() for b in item.findChildren(QPushButton)] == ["Details"]
    ((logged, level),) = [m for m in messages if "kaputt" in m[0]]
    assert level == Qgis.Critical
    assert "Traceback" in logged
    assert "ValueError" in logged


def test_a_failing_dashboard_slot_is_a_message(plugin, real_message_bar, monkeypatch):
    dock = plugin.show_dashboard()
    real_message_bar.clearWidgets()

    def broken():
        raise RuntimeError("layer vanished")

    monkeypatch.setattr(dock, "load", broken)
    dock.refresh_button.click()
    item = real_message_bar.currentItem()
    assert item is not None
    assert "Dashboard error: layer vanished" in item.text()


def test_only_critical_messages_stay_on_the_bar(qgis_iface, real_message_bar):
    from paser_smartcity_plugin.toolbelt.logger import CRITICAL, INFO, SUCCESS, WARNING, Logger

    logger = Logger(qgis_iface)
    durations = {}
    for level in (INFO, SUCCESS, WARNING, CRITICAL):
        real_message_bar.clearWidgets()
        logger.log(f"level {level}", level, push=True)
        item = real_message_bar.currentItem()
        assert item is not None
        assert item.level() == level
        durations[level] = item.duration()
    real_message_bar.clearWidgets()
    # Qgis.Success (3) is numerically above Qgis.Critical (2): a success must still expire
    assert durations[CRITICAL] == 0
    assert all(durations[level] > 0 for level in (INFO, SUCCESS, WARNING)), durations
