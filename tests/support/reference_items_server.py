"""A small OGC API – Features items endpoint on loopback, for paging properties.

It serves one collection from memory with the Part 1 semantics the client relies on
(``limit``, ``offset``, closed ``datetime`` intervals with open ends, ``next`` links, the
``uid`` property filter), in
the ways real servers differ: the rows' natural order, a page-size cap below the asked
limit, QGIS Server 3.22's next links (counted over the whole table, not the filtered
result), or a ``datetime`` filter that is ignored. QGIS Server itself is tested in
tests/integration; this one lets a property test try thousands of time distributions.
"""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import List, Optional, Tuple
from urllib.parse import parse_qsl, urlencode, urlsplit

from central.servers import free_port
from paser_smartcity_plugin.core.timestamps import parse as parse_datetime

STANDARD, QGIS = "standard", "qgis"


class _JsonHandler(BaseHTTPRequestHandler):
    """Quiet, JSON answers, no Nagle delay."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def setup(self):
        super().setup()
        # Headers and body go out in two writes: without this, Nagle's algorithm and
        # delayed ACKs hold every answer back some 40 ms.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def _send(self, code, body, headers=None):
        payload = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/geo+json" if code < 400 else "application/json")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


class _LoopbackServer:
    """An HTTP server on a loopback port in a thread of its own, for ``with``; subclasses set
    ``self.port`` and call ``_serve(Handler)``."""

    def _serve(self, handler) -> None:
        self.http = ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.http.daemon_threads = True
        self.thread = threading.Thread(target=self.http.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.http.shutdown()
        self.http.server_close()
        self.thread.join(10)


class ReferenceItemsServer(_LoopbackServer):
    def __init__(
        self,
        rows: List[Tuple[str, str]],
        max_limit: Optional[int] = None,
        next_style: str = STANDARD,
        ignore_datetime: bool = False,
    ):
        """``rows``: (uid, updated_at) in the server's natural order."""
        self.rows = [(uid, text, parse_datetime(text)) for uid, text in rows]
        self.max_limit = max_limit
        self.next_style = next_style
        self.ignore_datetime = ignore_datetime
        self.port = free_port()
        self.requests: List[dict] = []
        self.errors: List[str] = []
        server = self

        class Handler(_JsonHandler):
            def do_GET(self):  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                query = dict(parse_qsl(parts.query))
                server.requests.append(query)
                if not parts.path.endswith("/collections/service_points/items"):
                    return self._send(404, {"description": "no such path"})
                try:
                    body = server.page(query)
                except ValueError as exc:
                    return self._send(400, {"description": str(exc)})
                except Exception as exc:  # a bug here must fail the test, not hang it
                    server.errors.append(repr(exc))
                    return self._send(500, {"description": repr(exc)})
                self._send(200, body)

        self._serve(Handler)

    def page(self, query: dict) -> dict:
        limit = int(query.get("limit", 10))
        offset = int(query.get("offset", 0))
        if self.max_limit:
            limit = min(limit, self.max_limit)
        selected = self.rows
        if query.get("uid"):
            selected = [r for r in selected if r[0] == query["uid"]]
        window = query.get("datetime")
        if window and not self.ignore_datetime:
            start, _, end = window.partition("/")
            lo = None if start in ("", "..") else parse_datetime(start)
            hi = None if end in ("", "..") else parse_datetime(end)
            selected = [r for r in selected if (lo is None or r[2] >= lo) and (hi is None or r[2] <= hi)]
        chosen = selected[offset : offset + limit]
        counted = len(self.rows) if self.next_style == QGIS else len(selected)
        links = []
        if offset + (limit if self.next_style == QGIS else len(chosen)) < counted:
            following = dict(query, offset=str(offset + (limit if self.next_style == QGIS else len(chosen))))
            links.append({"rel": "next", "href": f"{self.url}/collections/service_points/items?{urlencode(following)}"})
        return {
            "type": "FeatureCollection",
            "numberMatched": counted,
            "numberReturned": len(chosen),
            "links": links,
            "features": [
                {"type": "Feature", "id": uid, "geometry": None, "properties": {"uid": uid, "updated_at": text}}
                for uid, text, _ in chosen
            ],
        }


# ---------------------------------------------------------------- a Part 4 (transactions) server

ID_IN_BODY, IF_MATCH = "id-in-body", "if-match"
PART1 = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
PART4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete"


class Part4Server(_LoopbackServer):
    """Both central collections in memory, with OGC API – Features Part 1 reading and Part 4
    writing, in two ways real servers differ from QGIS Server:

    - ``ID_IN_BODY``: a PUT must carry the feature's ``id`` in its body (HTTP 500 "Missing
      identifier" otherwise, as the server measured in issue 10); the store behaves like
      central/schema.sql: a ``version`` property rises with every write, and a write that
      carries another version than the current one is refused (HTTP 409).
    - ``IF_MATCH``: no version property; every item has an ``ETag``, and PUT/DELETE must send
      ``If-Match`` with the current one (HTTP 428 without, 412 when stale).

    Both keep deleted sites as tombstones (``deleted_at``), stamp ``updated_at`` with their own
    clock and refuse a second site with the same uid (HTTP 409). ``db`` edits the store
    directly, as a colleague at the office would (``central.db`` of the integration tests).
    """

    def __init__(self, mode: str, rows_by_layer: dict):
        import hashlib
        import threading as _threading
        from datetime import datetime, timezone

        self.mode = mode
        self.port = free_port()
        self.lock = _threading.Lock()
        self.items = {}  # collection -> {id: {"properties": ..., "geometry": ...}}
        self.next_id = 1
        self.refused = []  # (method, status) of every refused write
        self.before_write = None  # called once, before the next PUT is judged (tests)
        self._hash = lambda item: '"' + hashlib.sha1(json.dumps(item, sort_keys=True).encode()).hexdigest() + '"'
        self._now = lambda: datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        for collection, rows in rows_by_layer.items():
            self.items[collection] = {}
            for row in rows:
                self._insert(collection, row)
        server = self

        class Handler(_JsonHandler):
            def _body(self):
                length = int(self.headers.get("Content-Length") or 0)
                return json.loads(self.rfile.read(length) or b"null") if length else None

            def _route(self):
                parts = urlsplit(self.path)
                path = parts.path.rstrip("/")
                query = dict(parse_qsl(parts.query))
                segments = path.split("/")[1:]
                return segments, query

            def do_GET(self):  # noqa: N802
                segments, query = self._route()
                with server.lock:
                    if segments == ["conformance"]:
                        return self._send(200, {"conformsTo": [PART1, PART4]})
                    if segments == ["collections"]:
                        return self._send(200, {"collections": [{"id": c} for c in server.items]})
                    if len(segments) >= 3 and segments[0] == "collections" and segments[2] == "items":
                        collection = segments[1]
                        if collection not in server.items:
                            return self._send(404, {"description": "no such collection"})
                        if len(segments) == 4:
                            item = server.items[collection].get(segments[3])
                            if item is None:
                                return self._send(404, {"description": "no such feature"})
                            return self._send(200, server._feature(segments[3], item), {"ETag": server._hash(item)})
                        return self._send(200, server._page(collection, query))
                    return self._send(404, {"description": "no such path"})

            def _write(self, method):
                segments, _ = self._route()
                if len(segments) < 3 or segments[0] != "collections" or segments[1] not in server.items:
                    return self._send(404, {"description": "no such path"})
                collection = segments[1]
                body = self._body() if method in ("POST", "PUT") else None
                with server.lock:
                    code, answer, headers = server._apply(method, collection, segments[3:], body, self.headers)
                if code >= 400:
                    server.refused.append((method, code))
                self._send(code, answer, headers)

            def do_POST(self):  # noqa: N802
                self._write("POST")

            def do_PUT(self):  # noqa: N802
                self._write("PUT")

            def do_DELETE(self):  # noqa: N802
                self._write("DELETE")

        self._serve(Handler)
        self.db = _Part4Db(self)

    # -- the store (called with the lock held)

    def _insert(self, collection, row, geometry=None):
        from paser_smartcity_plugin.core.schema import layer_schema

        props = {f.name: None for f in layer_schema(collection).fields}  # every column, as a table has
        props.update({k: v for k, v in row.items() if k not in ("geometry", "fid")})
        if any(i["properties"].get("uid") == props.get("uid") for i in self.items[collection].values()):
            return None
        point = row.get("geometry")
        geometry = geometry or ({"type": "Point", "coordinates": list(point)} if point else None)
        props["updated_at"] = self._now()
        props.setdefault("deleted_at", None)
        if self.mode == ID_IN_BODY:
            props["version"] = 1
        else:
            props.pop("version", None)
        fid = str(self.next_id)
        self.next_id += 1
        self.items[collection][fid] = {"properties": props, "geometry": geometry}
        return fid

    def _touch(self, item):
        item["properties"]["updated_at"] = self._now()
        if self.mode == ID_IN_BODY:
            item["properties"]["version"] += 1

    def _feature(self, fid, item):
        return {"type": "Feature", "id": fid, "geometry": item["geometry"], "properties": dict(item["properties"])}

    def _page(self, collection, query):
        limit = int(query.pop("limit", 10))
        offset = int(query.pop("offset", 0))
        window = query.pop("datetime", None)
        chosen = sorted(self.items[collection].items(), key=lambda kv: int(kv[0]))
        for key, value in query.items():  # property filters (uid=…)
            chosen = [(f, i) for f, i in chosen if str(i["properties"].get(key)) == value]
        if window:
            start, _, end = window.partition("/")
            lo = None if start in ("", "..") else parse_datetime(start)
            hi = None if end in ("", "..") else parse_datetime(end)
            chosen = [
                (f, i)
                for f, i in chosen
                if (lo is None or parse_datetime(i["properties"]["updated_at"]) >= lo)
                and (hi is None or parse_datetime(i["properties"]["updated_at"]) <= hi)
            ]
        page = chosen[offset : offset + limit]
        links = []
        if offset + len(page) < len(chosen):
            following = dict(query, limit=str(limit), offset=str(offset + len(page)))
            if window:
                following["datetime"] = window
            links.append({"rel": "next", "href": f"{self.url}/collections/{collection}/items?{urlencode(following)}"})
        return {
            "type": "FeatureCollection",
            "numberMatched": len(chosen),
            "numberReturned": len(page),
            "links": links,
            "features": [self._feature(f, i) for f, i in page],
        }

    def _apply(self, method, collection, rest, body, headers):
        items = self.items[collection]
        if method == "POST":
            if rest or not isinstance(body, dict):
                return 400, {"description": "POST a feature to the items path"}, {}
            props = dict(body.get("properties") or {})
            props["geometry"] = (body.get("geometry") or {}).get("coordinates")
            fid = self._insert(collection, props, geometry=body.get("geometry"))
            if fid is None:
                return 409, {"description": "a feature with this uid exists"}, {}
            return 201, {}, {"Location": f"{self.url}/collections/{collection}/items/{fid}"}
        fid = rest[0] if rest else ""
        item = items.get(fid)
        if item is None:
            return 404, {"description": "no such feature"}, {}
        if self.before_write:
            hook, self.before_write = self.before_write, None
            hook(collection, item)  # a colleague's write lands between our read and our write
        if self.mode == IF_MATCH:
            sent = headers.get("If-Match")
            if not sent:
                return 428, {"description": "If-Match required"}, {}
            if sent != self._hash(item):
                return 412, {"description": "the feature changed (ETag)"}, {}
        if method == "DELETE":
            if item["properties"].get("deleted_at") is None:
                item["properties"]["deleted_at"] = self._now()
                self._touch(item)
            return 200, {}, {}
        if not isinstance(body, dict):
            return 400, {"description": "PUT a feature"}, {}
        if "id" not in body and self.mode == ID_IN_BODY:
            return 500, {"description": "Missing identifier"}, {}
        if "id" in body and str(body["id"]) != fid:
            return 400, {"description": "the id in the body is not the id in the path"}, {}
        props = dict(body.get("properties") or {})
        if (
            self.mode == ID_IN_BODY
            and props.get("version", item["properties"]["version"]) != item["properties"]["version"]
        ):
            return 409, {"description": "stale version"}, {}
        was_deleted = item["properties"].get("deleted_at")
        new = {k: v for k, v in props.items() if k not in ("updated_at", "version")}
        if new.get("deleted_at") and not was_deleted:
            new["deleted_at"] = self._now()
        item["properties"].update(new)
        item["geometry"] = body.get("geometry")
        self._touch(item)
        return 200, self._feature(fid, item), {}


class _Part4Db:
    """``central.db`` of a Part4Server: a colleague's edits straight in the store."""

    kind = "part4"

    def __init__(self, server: Part4Server):
        self.server = server

    def _find(self, layer, uid):
        found = [(f, i) for f, i in self.server.items[layer].items() if i["properties"].get("uid") == uid]
        assert len(found) <= 1
        return found[0] if found else (None, None)

    def update(self, layer, uid, values):
        with self.server.lock:
            _, item = self._find(layer, uid)
            values = dict(values)
            if "geometry" in values:
                point = values.pop("geometry")
                item["geometry"] = {"type": "Point", "coordinates": list(point)} if point else None
            item["properties"].update(values)
            self.server._touch(item)

    def delete(self, layer, uid):
        with self.server.lock:
            _, item = self._find(layer, uid)
            item["properties"]["deleted_at"] = self.server._now()
            self.server._touch(item)

    def rows(self, layer):
        with self.server.lock:
            out = []
            for _, item in sorted(self.server.items[layer].items(), key=lambda kv: int(kv[0])):
                row = dict(item["properties"])
                geometry = item["geometry"]
                row["geometry"] = tuple(geometry["coordinates"][:2]) if geometry else None
                out.append(row)
            return out

    def row(self, layer, uid):
        found = [r for r in self.rows(layer) if r["uid"] == uid]
        assert len(found) <= 1
        return found[0] if found else None

    def count(self, layer, uid=None):
        return len([r for r in self.rows(layer) if uid is None or r["uid"] == uid])


def went_by_windows(queries) -> bool:
    """Whether a pull's items requests (query dicts) went by closed time windows — keyset
    paging on updated_at — rather than offset pages or one open-ended window (the uid-narrowed
    requests of the datetime proof aside)."""
    return any(q.get("datetime") and "uid" not in q and not q["datetime"].endswith("..") for q in queries)


def proxy_queries(proxy, collection: str = "service_points"):
    """The items requests a FaultyProxy saw for ``collection``, as query dicts."""
    from urllib.parse import parse_qsl, urlsplit

    return [
        dict(parse_qsl(urlsplit(p).query))
        for m, p in proxy.log
        if m == "GET" and f"/collections/{collection}/items" in urlsplit(p).path
    ]
