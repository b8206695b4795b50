"""A loopback HTTP proxy in front of a real OGC API server that misbehaves on purpose.

``fault(method, path_with_query, n)`` decides per request (``n`` counts requests of that
method+path so far): return None to forward, or one of the actions below.
"""

import threading
import time
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Optional

from central.servers import free_port

FORWARD = None
DROP = "drop"  # close the connection without answering
DROP_AFTER_FORWARD = "drop-after-forward"  # the server does the work, the client never hears
TRUNCATE = "truncate"  # forward, but cut the body in half (Content-Length says the full size)


def status(code: int, body: bytes = b"", ctype: str = "application/json"):
    return ("status", code, body, ctype)


def sleep(seconds: float):
    return ("sleep", seconds)


def replace_body(body: bytes, ctype: str = "application/json"):
    return ("status", 200, body, ctype)


def rewrite(path: str):
    """Forward the request to another path (and query) instead."""
    return ("rewrite", path)


class FaultyProxy:
    def __init__(self, upstream: str, fault: Optional[Callable] = None):
        self.upstream = upstream.rstrip("/")  # e.g. http://127.0.0.1:1234/wfs3
        self.fault = fault or (lambda method, path, n: FORWARD)
        self.port = free_port()
        self.counts = {}
        self.log = []
        self.required_headers = {}  # answer 401 unless every one of these is sent as given
        self.absolute_requests = 0  # requests that came as to a forward proxy (absolute URL)
        self.clock_offset_s = 0.0  # the HTTP Date it sends: a server clock set wrong
        # rewrite_answer(method, path as asked, text): the answer's body and Location header as
        # this server sends them (a server that names things otherwise than its upstream)
        self.rewrite_answer: Optional[Callable[[str, str, bytes], bytes]] = None
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def date_time_string(self, timestamp=None):
                return super().date_time_string((timestamp or time.time()) + proxy.clock_offset_s)

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                path = self.path  # /wfs3/...
                if path.startswith("http://"):  # used as QGIS's HTTP proxy
                    proxy.absolute_requests += 1
                    path = "/" + path.split("/", 3)[3]
                if any((self.headers.get(k) or "").strip() != v for k, v in proxy.required_headers.items()):
                    self.send_response(401)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("WWW-Authenticate", 'Basic realm="paser"')
                    self.send_header("Content-Length", "2")
                    self.end_headers()
                    self.wfile.write(b"[]")
                    return
                key = (self.command, path.split("?")[0])
                proxy.counts[key] = proxy.counts.get(key, 0) + 1
                proxy.log.append((self.command, path))
                asked = path
                action = proxy.fault(self.command, path, proxy.counts[key])
                if isinstance(action, tuple) and action[0] == "sleep":
                    time.sleep(action[1])
                    action = FORWARD
                if isinstance(action, tuple) and action[0] == "rewrite":
                    path, action = action[1], FORWARD
                if action == DROP:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if isinstance(action, tuple) and action[0] == "status":
                    _, code, payload, ctype = action
                    self.send_response(code)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                url = proxy.upstream + path[len("/wfs3") :] if path.startswith("/wfs3") else proxy.upstream + path
                headers = {k: v for k, v in self.headers.items() if k.lower() in ("accept", "content-type")}
                proxy.seen_headers = dict(self.headers.items())
                request = urllib.request.Request(url, data=body, method=self.command, headers=headers)
                try:
                    with urllib.request.urlopen(request, timeout=60) as r:
                        code, rheaders, payload = r.status, r.headers, r.read()
                except urllib.error.HTTPError as e:
                    code, rheaders, payload = e.code, e.headers, e.read()
                if action == DROP_AFTER_FORWARD:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                payload = payload.replace(proxy.upstream.encode(), f"http://127.0.0.1:{proxy.port}/wfs3".encode())
                if proxy.rewrite_answer is not None:
                    payload = proxy.rewrite_answer(self.command, asked, payload)
                self.send_response(code)
                for name in ("Content-Type", "Location"):
                    if rheaders.get(name):
                        value = rheaders.get(name).replace(proxy.upstream, f"http://127.0.0.1:{proxy.port}/wfs3")
                        if name == "Location" and proxy.rewrite_answer is not None:
                            value = proxy.rewrite_answer(self.command, asked, value.encode()).decode()
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                if action == TRUNCATE:
                    self.wfile.write(payload[: len(payload) // 2])
                    self.close_connection = True
                    self.wfile.flush()
                    self.connection.shutdown(2)
                    return
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/wfs3"

    def requests_to(self, method: str, path_part: str) -> int:
        return sum(1 for m, p in self.log if m == method and path_part in p)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(10)
