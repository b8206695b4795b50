"""A team of officers, each a separate process with a workspace of their own, syncing with one
central at the same time (tests/integration/test_team_sync.py and bench/bench_sync.py).

Each officer's sync runs in a child process started with ``subprocess`` (a real OS process,
as on five officers' laptops); the children wait for one "go" file so that their syncs
overlap, not their start-up.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from typing import Dict, List, Optional, Sequence

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

CHILD = r"""
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
from paser_smartcity_plugin.core.sync import OgcApiClient, SyncError, synchronize
from paser_smartcity_plugin.core.workspace import Workspace
go = sys.argv[4]
while not os.path.exists(go):
    time.sleep(0.005)
started = time.monotonic()
try:
    with OgcApiClient(sys.argv[3], timeout=120, retries=3, backoff=0.1) as client:
        result = synchronize(Workspace(sys.argv[2]), client, push=True, overlap_s=5)
    out = {"ok": True, "pulled": result.pulled, "pushed": result.pushed, "conflicts": result.conflicts,
           "warnings": [str(w) for w in result.warnings]}
except SyncError as exc:
    out = {"ok": False, "error": str(exc)}
out["seconds"] = time.monotonic() - started
print("RESULT " + json.dumps(out), flush=True)
"""


def sync_together(paths: Sequence[str], url: str, timeout: float = 600) -> List[Dict]:
    """Sync every workspace at once, each in its own process; their results, in order."""
    folder = tempfile.mkdtemp(prefix="paser-team-")
    go = os.path.join(folder, "go")
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, ROOT, path, url, go],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in paths
    ]
    time.sleep(1.0)  # imports done: the syncs, not the start-ups, overlap
    open(go, "w").close()
    results = []
    for child in children:
        out, err = child.communicate(timeout=timeout)
        line = next((x for x in out.splitlines() if x.startswith("RESULT ")), None)
        if line is None:
            raise AssertionError(f"an officer's sync process failed (rc {child.returncode}):\n{err[-3000:]}")
        results.append(json.loads(line[len("RESULT ") :]))
    os.unlink(go)
    os.rmdir(folder)
    return results


def settle(paths: Sequence[str], url: str, max_rounds: int = 8) -> Optional[int]:
    """Everyone syncs again (together) until nothing moves: how many passes that took, or None
    when the workspaces still moved after ``max_rounds``."""
    for number in range(1, max_rounds + 1):
        results = sync_together(paths, url)
        failed = [r for r in results if not r["ok"]]
        assert not failed, failed
        if all(r["pulled"] == 0 and r["pushed"] == 0 for r in results):
            return number
    return None


def next_code(codes: Sequence[str], current: Optional[str], shift: int = 1) -> str:
    """Another code of a code list than ``current`` (an edit must change the value)."""
    index = codes.index(current) if current in codes else -1
    return codes[(index + shift) % len(codes)]
