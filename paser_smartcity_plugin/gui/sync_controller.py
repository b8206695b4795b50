"""The sync menu actions: run ``paser_smartcity:sync`` in a QgsTask, report, open the dialogs.

The task is QGIS's QgsProcessingAlgRunnerTask, so the sync runs off the GUI thread, shows its
progress in the task manager, and the officer can cancel it there.
"""

import json

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtWidgets import QPushButton

from ..core.schema import LAYERS, SERVICE_POINTS, TOWER_PLANS
from ..processing.names import SYNC, Output, Param, algorithm_id
from ..toolbelt import settings
from ..toolbelt.i18n import counted, language, tr
from ..toolbelt.logger import CRITICAL, SUCCESS, WARNING, Logger

ALGORITHM_ID = algorithm_id(SYNC)


class _Feedback(QgsProcessingFeedback):
    """Keeps the algorithm's error and warnings for the message bar."""

    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802,N803 - QGIS's names
        self.errors.append(error)
        super().reportError(error, fatalError)


class SyncController:
    def __init__(self, iface, logger: Logger):
        self.iface = iface
        self.logger = logger
        self.task = None
        self._keep = None  # context and feedback must outlive the task
        self._bar_items = []  # what the last sync put in the message bar

    def workspace(self):
        from ..core.workspace import Workspace

        return Workspace(settings.workspace_path())

    # -- actions

    def last_collections(self):
        """The collection ids the last sync of the workspace used ({} when there was none)."""
        from ..core.sync.history import history
        from ..core.workspace import WorkspaceError

        try:
            rows = history(self.workspace(), limit=20)
        except (WorkspaceError, OSError, ValueError):
            return {}
        for row in rows:
            collections = (row["summary"] or {}).get("collections")
            if collections:
                return collections
        return {}

    def open_sync_dialog(self):
        from .sync_dialogs import SyncDialog

        current = settings.load()
        dialog = SyncDialog(
            current.central_url,
            current.authcfg,
            self.iface.mainWindow(),
            collections=settings.collection_ids(current),
            last_used=self.last_collections(),
        )
        if not dialog.exec():
            return None
        settings.set_value("central_url", dialog.url)
        settings.set_value("authcfg", dialog.authcfg)
        for layer in LAYERS:
            settings.set_value(f"{layer}_collection", dialog.collections.get(layer, ""))
        return self.start_sync(dialog.url, dialog.authcfg, dialog.push)

    def start_sync(self, url: str = "", authcfg: str = "", push: bool = True, full: bool = False):
        """Run the sync in a task; ``full``: re-check every site with the central database."""
        if self.task is not None:
            self.logger.log(tr("A sync is already running."), WARNING, push=True)
            return None
        self._clear_bar()
        current = settings.load()
        url = url or current.central_url
        if not url:
            self.logger.log(
                tr("Set the central server first (Paser Smart City ▸ Sync with central database)."), WARNING, push=True
            )
            return None
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALGORITHM_ID)
        named = settings.collection_ids(current)
        params = {
            Param.WORKSPACE: settings.workspace_path(),
            Param.URL: url,
            Param.AUTHCFG: authcfg or current.authcfg,
            Param.PUSH: push,
            Param.TIMEOUT: current.sync_timeout_s,
            Param.FULL: full,
            Param.SERVICE_POINTS_COLLECTION: named.get(SERVICE_POINTS, ""),
            Param.TOWER_PLANS_COLLECTION: named.get(TOWER_PLANS, ""),
        }
        context, feedback = QgsProcessingContext(), _Feedback()
        context.setProject(QgsProject.instance())
        task = QgsProcessingAlgRunnerTask(algorithm, params, context, feedback)
        task.setDescription(
            tr("Paser Smart City: full re-check with the central database")
            if full
            else tr("Paser Smart City: sync with the central database")
        )
        task.executed.connect(lambda ok, results: self._finished(ok, results, feedback))
        self.task, self._keep = task, (context, feedback, algorithm)
        QgsApplication.taskManager().addTask(task)
        return task

    def _finished(self, ok: bool, results: dict, feedback: _Feedback):
        self.task = None
        self._refresh_layers()
        if not ok:
            message = feedback.errors[-1] if feedback.errors else tr("the sync was cancelled")
            self._bar_items.append(
                self.logger.log(
                    tr("Sync stopped: {error}. Nothing was half-applied.").format(error=message), CRITICAL, push=True
                )
            )
            return
        summary = json.loads(results.get(Output.SUMMARY) or "{}")
        lang = language()
        parts = []
        for layer, s in summary.get("layers", {}).items():
            conflicts = counted(s["conflicts"], tr("{count} conflict"), tr("{count} conflicts"))
            parts.append(
                tr("{layer}: {pulled} pulled, {pushed} pushed, {conflicts}").format(
                    layer=LAYERS[layer].title(lang), pulled=s["pulled"], pushed=s["pushed"], conflicts=conflicts
                )
            )
        text = tr("Sync done — ") + "; ".join(parts)
        from .server_fields import collections_text

        used = collections_text(summary.get("collections"))
        if used:
            text += " " + tr("(collections {collections})").format(collections=used)
        # The algorithm reports its warnings (and nothing else, when it succeeds) in the
        # officer's language; SUMMARY keeps them in English for scripts and the history.
        warnings = list(feedback.errors) or summary.get("warnings") or []
        level = WARNING if warnings or results.get(Output.CONFLICTS) else SUCCESS
        self.logger.log(text, level, push=False, details="\n".join(warnings))
        bar = self.iface.messageBar()
        widget = bar.createMessage("Paser Smart City", text + (" — " + " ".join(warnings) if warnings else ""))
        if results.get(Output.CONFLICTS):
            button = QPushButton(tr("Resolve conflicts…"))
            button.clicked.connect(self.show_conflicts)
            widget.layout().addWidget(button)
        button = QPushButton(tr("History…"))
        button.clicked.connect(self.show_history)
        widget.layout().addWidget(button)
        bar.pushWidget(widget, level, 0 if level == WARNING else 10)
        self._bar_items.append(widget)

    def _clear_bar(self):
        """A new sync takes the last one's messages away: an old error must not look current."""
        bar = self.iface.messageBar()
        for item in self._bar_items:
            if item is not None and bar is not None and item in bar.items():
                bar.popWidget(item)
        self._bar_items = []

    def _refresh_layers(self):
        from ..layers.workspace_layers import reload_workspace_layers

        reload_workspace_layers(settings.workspace_path())

    def show_conflicts(self):
        from .sync_dialogs import ConflictsDialog

        dialog = ConflictsDialog(self.workspace(), self.iface.mainWindow())
        if not dialog.conflicts:
            self.logger.log(tr("No open sync conflicts."), SUCCESS, push=True)
            return dialog
        dialog.show()
        return dialog

    def show_history(self):
        from .sync_dialogs import HistoryDialog

        dialog = HistoryDialog(self.workspace(), self.iface.mainWindow())
        dialog.show()
        return dialog
