"""A small OGC API – Features items endpoint on loopback, for paging properties.

It serves one collection from memory with the Part 1 semantics the client relies on
(``limit``, ``offset``, closed ``datetime`` intervals with open ends, ``next`` links), in
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
from paser_smartcity_plugin.core.sync.values import parse_datetime

STANDARD, QGIS = "standard", "qgis"


class ReferenceItemsServer:
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

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def setup(self):
                super().setup()
                # Headers and body go out in two writes: without this, Nagle's algorithm and
                # delayed ACKs hold every answer back some 40 ms.
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

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

            def _send(self, code, body):
                payload = json.dumps(body).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/geo+json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        self.http = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.http.daemon_threads = True
        self.thread = threading.Thread(target=self.http.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def page(self, query: dict) -> dict:
        limit = int(query.get("limit", 10))
        offset = int(query.get("offset", 0))
        if self.max_limit:
            limit = min(limit, self.max_limit)
        selected = self.rows
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

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.http.shutdown()
        self.http.server_close()
        self.thread.join(10)
