"""Several officers syncing with one central at the same time: no edit is ever lost.

Each officer is a separate process with a workspace of their own (tests/support/team.py),
against QGIS Server over PostGIS and over the embedded GeoPackage central. The sizes follow
issue 10's measurement (PASER_TEAM_SITES / PASER_TEAM_ROUNDS / PASER_TEAM_SAME override them).
"""

import os

from team import next_code, settle, sync_together

from paser_smartcity_plugin.core.codelists import SERVICE_STATUS
from paser_smartcity_plugin.core.schema import SERVICE_POINTS
from paser_smartcity_plugin.core.sync.conflicts import open_conflicts
from paser_smartcity_plugin.core.workspace import Workspace, create_workspace

FIELDS = ("notes", "status", "surveyed_by", "accuracy_m", "telkom_site_id")
SITES = int(os.environ.get("PASER_TEAM_SITES", "20"))
ROUNDS = int(os.environ.get("PASER_TEAM_ROUNDS", "3"))
SAME = int(os.environ.get("PASER_TEAM_SAME", "20"))
CODES = list(SERVICE_STATUS.codes)


def _officers(tmp_path, url, count):
    paths = []
    for number in range(count):
        path = str(tmp_path / f"officer{number}.gpkg")
        create_workspace(path)
        paths.append(path)
    assert settle(paths, url) is not None  # everyone's first sync
    return paths


def _value(field, officer, round_, k, current):
    if field == "status":
        return next_code(CODES, current)
    if field == "accuracy_m":
        return round(1 + round_ + k / 100 + officer / 1000, 3)
    return f"{field[:6]} o{officer} r{round_} s{k}"


def _same(a, b):
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 1e-9
    return a == b


def test_five_officers_editing_different_fields_of_the_same_sites_lose_nothing(central, tmp_path):
    paths = _officers(tmp_path, central.url, len(FIELDS))
    uids = sorted(r["uid"] for r in central.db.rows(SERVICE_POINTS))[:SITES]
    lost_per_round, central_lost_per_round = [], []
    for round_ in range(ROUNDS):
        expected = {}
        for officer, path in enumerate(paths):
            ws, field = Workspace(path), FIELDS[officer]
            with ws.write() as conn:
                for k, uid in enumerate(uids):
                    current = conn.execute(f'SELECT "{field}" FROM service_points WHERE uid = ?', (uid,)).fetchone()[0]
                    value = _value(field, officer, round_, k, current)
                    ws.update_site(SERVICE_POINTS, uid, {field: value}, conn=conn)
                    expected[(uid, field)] = value
        results = sync_together(paths, central.url)
        assert all(r["ok"] for r in results), results
        settle(paths, central.url)
        held = {r["uid"]: r for r in central.db.rows(SERVICE_POINTS)}
        central_lost = [key for key, value in expected.items() if not _same(held[key[0]][key[1]], value)]
        lost = set(central_lost)
        for path in paths:
            ws = Workspace(path)
            for (uid, field), value in expected.items():
                if not _same(ws.site(SERVICE_POINTS, uid)[field], value):
                    lost.add((uid, field))
        lost_per_round.append(len(lost))
        central_lost_per_round.append(len(central_lost))
    print(f"\n{central.kind}: edits lost per round {lost_per_round} (at the central {central_lost_per_round})")
    assert lost_per_round == [0] * ROUNDS, f"lost {sum(lost_per_round)} of {ROUNDS * SITES * len(FIELDS)} edits"
    # Nobody edited the same field: no conflict anywhere, no duplicate, everyone converged.
    assert [len(open_conflicts(Workspace(p))) for p in paths] == [0] * len(paths)
    central_uids = [r["uid"] for r in central.db.rows(SERVICE_POINTS)]
    assert len(central_uids) == len(set(central_uids))
    for path in paths:
        ws = Workspace(path)
        assert ws.count(SERVICE_POINTS) == len([r for r in central.db.rows(SERVICE_POINTS) if not r["deleted_at"]])


def test_two_officers_on_the_same_field_every_case_is_a_recorded_conflict(central, tmp_path):
    paths = _officers(tmp_path, central.url, 2)
    uids = sorted(r["uid"] for r in central.db.rows(SERVICE_POINTS))[:SAME]
    mine = {}
    for officer, path in enumerate(paths):
        ws = Workspace(path)
        with ws.write() as conn:
            for k, uid in enumerate(uids):
                mine[(officer, uid)] = f"notes of officer {officer} for site {k}"
                ws.update_site(SERVICE_POINTS, uid, {"notes": mine[(officer, uid)]}, conn=conn)
    results = sync_together(paths, central.url)
    assert all(r["ok"] for r in results), results
    settle(paths, central.url)
    held = {r["uid"]: r["notes"] for r in central.db.rows(SERVICE_POINTS)}
    conflicts = [{(c.uid, c.field): c for c in open_conflicts(Workspace(p))} for p in paths]
    silent, recorded, wrong = [], 0, []
    for uid in uids:
        winners = [o for o in (0, 1) if held[uid] == mine[(o, uid)]]
        if len(winners) != 1:
            wrong.append(uid)  # the central holds neither officer's value
            continue
        loser = 1 - winners[0]
        conflict = conflicts[loser].get((uid, "notes"))
        if conflict is None:
            silent.append(uid)
        else:
            assert (conflict.mine, conflict.theirs) == (mine[(loser, uid)], held[uid])
            recorded += 1
        assert (uid, "notes") not in conflicts[winners[0]]
    print(f"\n{central.kind}: {len(silent)} of {SAME} silently overwritten, {recorded} recorded conflicts")
    assert wrong == []
    assert silent == []
    assert recorded == SAME
