"""Background tasks started from an action callback."""

from typing import List

# Tasks (and what they use) must outlive the callback that starts them: QGIS's task manager
# does not keep the Python object alive.
_RUNNING: List[object] = []


def keep_until_done(task) -> None:
    """Hold a reference to ``task`` until it completes or is terminated."""
    _RUNNING.append(task)

    def forget(*_args):
        if task in _RUNNING:
            _RUNNING.remove(task)

    task.taskCompleted.connect(forget)
    task.taskTerminated.connect(forget)


def start_task(task, done, failed):
    """Hand ``task`` to QGIS's task manager, kept alive, with ``done(task)`` after it completes
    and ``failed(task)`` after it is terminated (cancelled or failed); returns the task."""
    from qgis.core import QgsApplication

    task.taskCompleted.connect(lambda: done(task))
    task.taskTerminated.connect(lambda: failed(task))
    keep_until_done(task)
    QgsApplication.taskManager().addTask(task)
    return task
