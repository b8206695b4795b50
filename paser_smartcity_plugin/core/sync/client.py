"""An OGC API – Features client over ``requests``: what the sync needs, and nothing trusted blindly.

- The session is injected: the QGIS side puts the Auth Manager's headers and QGIS's proxy
  on it; TLS verification stays on (requests' default, never turned off here).
- Every request has a timeout; 5xx, timeouts and dropped connections are retried a bounded
  number of times with exponential backoff, for idempotent requests only (GET, PUT, PATCH,
  DELETE). A POST is never re-sent blindly: the push looks the site up by uid first.
- Answers are checked: an HTML page, malformed or truncated JSON, a 401/403 each end in a
  message naming the problem (and, for 401/403, the auth configuration).
- Paging follows ``next`` links, but re-imposes the query parameters we sent (QGIS Server
  3.22 mangles the ``datetime`` value in its next links) and keeps going while pages come
  back full even without a next link; ``numberMatched`` is never used.
"""

import errno
import json
import re
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from queue import Queue
from typing import Any, Callable, Dict, Iterator, List, Optional, Union
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

import requests

from ..messages import N_, Message
from .errors import AuthError, ProtocolError, ServerError, SyncCancelled, SyncError
from .values import parse_datetime

PART4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete"
PART4_UPDATE = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update"
PART1_CORE = "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core"
GEOJSON = "application/geo+json"
IDEMPOTENT = {"GET", "PUT", "PATCH", "DELETE", "HEAD"}


class PagingRefusedError(ProtocolError):
    """The server refused an offset it had itself asked for (QGIS Server with a stale count)."""


@dataclass
class Capabilities:
    """What the server lets us do, from /conformance or, failing that, its OpenAPI document."""

    conformance: List[str]
    can_create: bool = False
    can_replace: bool = False
    can_patch: bool = False  # JSON merge patch (Part 4 "update")
    can_delete: bool = False
    source: str = "conformance"

    @property
    def can_push(self) -> bool:
        return self.can_create and self.can_replace and self.can_delete  # the push uses PUT, not PATCH


class OgcApiClient:
    def __init__(self, url: str, session: Optional[requests.Session] = None, timeout: float = 30.0,
                 retries: int = 3, backoff: float = 0.5, auth_label: str = "", page_size: int = 10000,
                 is_cancelled: Optional[Callable[[], bool]] = None, sleep: Callable[[float], None] = time.sleep):
        if not url or not url.lower().startswith(("http://", "https://")):
            raise SyncError(Message(N_("the central server URL {url!r} is not an http(s) URL of an OGC API landing page"),
                                    url=url))
        self.url = url.rstrip("/")
        self.session = session or requests.Session()
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.auth_label = auth_label
        self.page_size = page_size
        self.is_cancelled = is_cancelled or (lambda: False)
        self.sleep = sleep
        self.requests_made = 0
        self.windowed = False  # True once paging fell back to time windows
        self._own_session = session is None

    def close(self) -> None:
        """Close the session if this client made it (an injected session belongs to its maker)."""
        if self._own_session:
            self.session.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------ transport

    def _check_cancel(self) -> None:
        if self.is_cancelled():
            raise SyncCancelled(Message(N_("sync cancelled; the workspace is unchanged")))

    def request(self, method: str, url: str, expect_json: bool = True, **kwargs) -> requests.Response:
        """One HTTP exchange with bounded retries; raises SyncError subclasses, never requests'."""
        attempts = 1 + (self.retries if method in IDEMPOTENT else 0)
        last: Message = Message("")
        for attempt in range(attempts):
            self._check_cancel()
            if attempt:
                self.sleep(self.backoff * (2 ** (attempt - 1)))
            try:
                self.requests_made += 1
                response = self.session.request(method, url, timeout=self.timeout, **kwargs)
            except requests.exceptions.SSLError as exc:
                raise ServerError(Message(N_("TLS verification of {host} failed: {reason}"), host=_host(url),
                                          reason=_reason(exc))) from None
            except requests.exceptions.Timeout:
                last = Message(N_("no answer from {host} within {seconds:g} s"), host=_host(url), seconds=self.timeout)
                continue
            except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
                last = Message(N_("the answer of {host} to {method} {path} was cut off"), host=_host(url),
                               method=method, path=_path(url))
                continue
            except requests.exceptions.ConnectionError as exc:
                last = Message(N_("cannot reach {host}: {reason}"), host=_host(url), reason=_reason(exc))
                continue
            except requests.exceptions.RequestException as exc:
                raise ServerError(Message(N_("{method} {path} failed: {reason}"), method=method, path=_path(url),
                                          reason=_reason(exc))) from None
            status = response.status_code
            if status in (401, 403):
                raise AuthError(self._auth_message(status))
            if status >= 500:
                last = Message(N_("{host} answered HTTP {status} to {method} {path}{detail}"), host=_host(url),
                               status=status, method=method, path=_path(url), detail=_detail(response))
                continue
            expected = response.headers.get("Content-Length", "")
            if expected.isdigit() and not response.headers.get("Content-Encoding") \
                    and int(expected) != len(response.content) and method != "HEAD":
                last = Message(N_("the answer of {host} to {method} {path} was cut off ({received} of {expected} "
                                  "bytes)"), host=_host(url), method=method, path=_path(url),
                               received=len(response.content), expected=expected)
                continue
            if expect_json and status < 300 and status != 204:
                self._check_json(response, method, url)
            return response
        raise ServerError(Message(N_("{problem} (tried {attempts} times)") if attempts > 1
                                  else N_("{problem} (tried {attempts} time)"), problem=last, attempts=attempts))

    def _auth_message(self, status: int) -> Message:
        what = Message(N_("refused the credentials") if status == 401 else N_("denied access"))
        if self.auth_label:
            return Message(N_("the central server {what} (HTTP {status}): check the QGIS authentication "
                              "configuration {label} (Settings > Options > Authentication)"),
                           what=what, status=status, label=self.auth_label)
        return Message(N_("the central server {what} (HTTP {status}) and no QGIS authentication configuration is "
                          "set for it: choose one in the sync settings"), what=what, status=status)

    @staticmethod
    def _check_json(response: requests.Response, method: str, url: str) -> None:
        ctype = response.headers.get("Content-Type", "").lower()
        body = response.content
        if "html" in ctype or body.lstrip()[:1] == b"<":
            raise ProtocolError(Message(N_("{host} answered {method} {path} with an HTML page (HTTP {status}), "
                                           "not JSON: is the URL the landing page of an OGC API – Features "
                                           "service, and is no proxy or login page in between?"),
                                        host=_host(url), method=method, path=_path(url),
                                        status=response.status_code))

    def get_json(self, url: str, params: Optional[Dict[str, Any]] = None, accept: str = "application/json") -> Any:
        response = self.request("GET", url, params=params, headers={"Accept": accept})
        if response.status_code == 404:
            raise ProtocolError(Message(N_("{path} not found on {host} (HTTP 404)"), path=_path(url), host=_host(url)))
        if response.status_code >= 400:
            error = PagingRefusedError if response.status_code == 400 and params and "offset" in params else ProtocolError
            raise error(Message(N_("{host} refused GET {path} (HTTP {status}){detail}"), host=_host(url), path=_path(url),
                                status=response.status_code, detail=_detail(response)))
        return _parse_json(response, url)

    # ------------------------------------------------------------ discovery

    def conformance(self) -> List[str]:
        data = self.get_json(self.url + "/conformance")
        classes = data.get("conformsTo") if isinstance(data, dict) else None
        if not isinstance(classes, list):
            raise ProtocolError(Message(N_("{url}/conformance has no conformsTo list: not an OGC API – Features server"),
                                        url=self.url))
        return [str(c) for c in classes]

    def capabilities(self) -> Capabilities:
        classes = self.conformance()
        if not any(c.startswith("http://www.opengis.net/spec/ogcapi-features-1/") for c in classes):
            raise ProtocolError(Message(N_("{url} does not declare OGC API – Features Part 1 (core) in /conformance"),
                                        url=self.url))
        if PART4 in classes:
            return Capabilities(classes, True, True, PART4_UPDATE in classes, True, "conformance")
        # Part 4 is still a draft and some servers (QGIS Server 3.22) implement it without
        # declaring it: their OpenAPI document says which methods the items paths accept.
        caps = Capabilities(classes, source="openapi")
        try:
            api = self.get_json(self.url + "/api", accept="application/vnd.oai.openapi+json;version=3.0, application/json")
        except SyncError:
            return caps
        paths = api.get("paths", {}) if isinstance(api, dict) else {}
        for path, ops in paths.items():
            if not isinstance(ops, dict):
                continue
            methods = {m.lower() for m in ops}
            if path.rstrip("/").endswith("/items"):
                caps.can_create = caps.can_create or "post" in methods
            elif "/items/{" in path:
                caps.can_replace = caps.can_replace or "put" in methods
                caps.can_delete = caps.can_delete or "delete" in methods
        return caps

    def collections(self) -> List[str]:
        data = self.get_json(self.url + "/collections")
        items = data.get("collections") if isinstance(data, dict) else None
        if not isinstance(items, list):
            raise ProtocolError(Message(N_("{url}/collections has no collections list"), url=self.url))
        return [str(c.get("id")) for c in items if isinstance(c, dict)]

    def has_collection(self, collection: str) -> bool:
        """True when the server serves ``collection``: asks for one item of it.

        (Not /collections: QGIS Server 3.22 answers that with HTTP 500 while a table is empty.)
        """
        response = self.request("GET", self.items_url(collection), params={"limit": 1},
                                headers={"Accept": f"{GEOJSON}, application/json;q=0.9"})
        if response.status_code == 404:
            return False
        if response.status_code >= 400:
            raise ProtocolError(Message(N_("{host} refused GET {path} (HTTP {status}){detail}"), host=_host(self.url),
                                        path=_path(self.items_url(collection)), status=response.status_code,
                                        detail=_detail(response)))
        return True

    def items_url(self, collection: str) -> str:
        return f"{self.url}/collections/{quote(collection, safe='')}/items"

    # ------------------------------------------------------------ reading

    def iter_pages(self, collection: str, params: Optional[Dict[str, Any]] = None,
                   prefetch: bool = False, transform: Optional[Callable[[List[dict]], Any]] = None) -> Iterator[Any]:
        """Pages of features (lists of GeoJSON dicts) until the collection is exhausted.

        With ``prefetch`` the next page is fetched in a thread while the caller works on this
        one (the server and the client then work at the same time); at most two pages are
        in memory either way, however large the collection. ``transform`` turns each page into
        what the caller keeps (in the fetching thread), so the parsed JSON is freed at once.
        """
        pages = self._pages_or_windows(collection, params)
        if transform is not None:
            pages = (transform(page) for page in pages)
        if not prefetch:
            yield from pages
            return
        queue: Queue[tuple] = Queue(maxsize=1)
        stop = threading.Event()

        def produce():
            try:
                for page in pages:
                    queue.put(("page", page))
                    del page
                    # Fetch the next page only once this one is taken: two pages at most.
                    while queue.unfinished_tasks and not stop.is_set():
                        time.sleep(0.005)
                    if stop.is_set():
                        return
                queue.put(("end", None))
            except BaseException as exc:  # handed to the consumer, raised there
                queue.put(("error", exc))

        thread = threading.Thread(target=produce, name="paser-sync-prefetch", daemon=True)
        thread.start()
        try:
            while True:
                kind, value = queue.get()
                queue.task_done()
                if kind == "page":
                    yield value
                    del value
                elif kind == "error":
                    raise value
                else:
                    return
        finally:
            stop.set()
            thread.join(self.timeout + 5)

    def _pages_or_windows(self, collection: str, params: Optional[Dict[str, Any]]) -> Iterator[List[dict]]:
        """Offset pages as the server links them; if the server then refuses its own offsets,
        the rest comes by keyset on updated_at (time windows, see _windows). Pages already
        yielded may come again: the caller de-duplicates by (uid, updated_at)."""
        try:
            yield from self._pages(collection, params)
        except PagingRefusedError:
            self.windowed = True
            start = None
            window = (params or {}).get("datetime", "")
            if window and not window.startswith(".."):
                start = parse_datetime(window.split("/")[0])
            yield from self._windows(collection, dict(params or {}), start, None)

    def _windows(self, collection: str, params: Dict[str, Any], lo, hi) -> Iterator[List[dict]]:
        """Keyset paging without sortby or counts: ask for a time window of updated_at; a window
        that comes back full is split in two (overlapping at the split second, whatever the
        server's rounding) until each fits in one page."""
        limit = int(params.get("limit", self.page_size))
        stack = [(lo, hi)]
        while stack:
            self._check_cancel()
            lo, hi = stack.pop()
            query = dict(params, limit=str(limit), datetime=f"{_iso(lo)}/{_iso(hi)}")
            query.pop("offset", None)
            if lo is None and hi is None:
                query.pop("datetime")
            data = self.get_json(self.items_url(collection), params=query,
                                 accept=f"{GEOJSON}, application/json;q=0.9")
            features = data.get("features") if isinstance(data, dict) else None
            del data
            if not isinstance(features, list):
                raise ProtocolError(Message(N_("{path} did not answer with a FeatureCollection"),
                                            path=_path(self.items_url(collection))))
            if len(features) < limit:
                if features:
                    yield features
                continue
            times = sorted(t for t in (parse_datetime((f.get("properties") or {}).get("updated_at"))
                                       for f in features if isinstance(f, dict)) if t is not None)
            del features
            split = _split_point(lo, hi, times)
            if split is None:
                # More than a page within one second: offsets inside this small window.
                try:
                    window = dict(params, datetime=f"{_iso(lo)}/{_iso(hi)}")
                    if lo is None and hi is None:
                        window.pop("datetime")
                    yield from self._pages(collection, window)
                except PagingRefusedError:
                    raise ProtocolError(Message(N_("{collection}: more than {limit} sites changed within one second "
                                                   "and the server refuses to page them: raise its page limit"),
                                                collection=collection, limit=limit)) from None
                continue
            stack.append((split, hi))
            stack.append((lo, split))

    def _pages(self, collection: str, params: Optional[Dict[str, Any]]) -> Iterator[List[dict]]:
        ours = {k: str(v) for k, v in (params or {}).items()}
        ours.setdefault("limit", str(self.page_size))
        limit = int(ours["limit"])
        url, query = self.items_url(collection), dict(ours)
        seen_pages = set()
        offset = 0
        while True:
            self._check_cancel()
            data = self.get_json(url, params=query, accept=f"{GEOJSON}, application/json;q=0.9")
            features = data.get("features") if isinstance(data, dict) else None
            if not isinstance(features, list) or data.get("type", "FeatureCollection") != "FeatureCollection":
                raise ProtocolError(Message(N_("{path} did not answer with a GeoJSON FeatureCollection"), path=_path(url)))
            next_link = next((lk.get("href") for lk in data.get("links", []) or []
                              if isinstance(lk, dict) and lk.get("rel") == "next" and lk.get("href")), None)
            del data  # only the features are kept: memory stays at a page or two
            count = len(features)
            if features:
                signature = hash(tuple(str(f.get("id")) for f in features if isinstance(f, dict)))
                if signature in seen_pages:
                    raise ProtocolError(Message(N_("{path}: the server's paging goes round in circles (the same "
                                                   "page came back twice)"), path=_path(url)))
                seen_pages.add(signature)
                yield features
                del features
            offset += count
            if not count:
                return
            if next_link:
                url, query = _repair_next(next_link, ours)
            elif count >= limit:
                # A full page and no next link: ask for the rest ourselves.
                url, query = self.items_url(collection), dict(ours, offset=str(offset))
            else:
                return

    def find_by_uid(self, collection: str, uid: str) -> List[dict]:
        """Every feature of ``collection`` whose uid property is ``uid`` (filtered again here)."""
        found = []
        for page in self.iter_pages(collection, {"uid": uid, "limit": 10}):
            found += [f for f in page if isinstance(f, dict) and (f.get("properties") or {}).get("uid") == uid]
        return found

    # ------------------------------------------------------------ writing (Part 4)

    def _write(self, method: str, url: str, body: Optional[dict], content_type: str = GEOJSON) -> requests.Response:
        headers = {"Accept": f"{GEOJSON}, application/json;q=0.9"}
        data = None
        if body is not None:
            headers["Content-Type"] = content_type
            data = json.dumps(body).encode("utf-8")
        response = self.request(method, url, data=data, headers=headers, expect_json=False)
        if response.status_code >= 400:
            raise ServerError(Message(N_("{host} refused {method} {path} (HTTP {status}){detail}"), host=_host(url),
                                      method=method, path=_path(url), status=response.status_code,
                                      detail=_detail(response)))
        return response

    def create(self, collection: str, feature: dict) -> Optional[str]:
        """POST a new feature; returns its id from the Location header when given."""
        response = self._write("POST", self.items_url(collection), feature)
        location = response.headers.get("Location", "")
        return location.rstrip("/").rsplit("/", 1)[-1] if location else None

    def replace(self, collection: str, feature_id: str, feature: dict) -> None:
        self._write("PUT", f"{self.items_url(collection)}/{quote(str(feature_id), safe='')}", feature)

    def delete(self, collection: str, feature_id: str) -> None:
        self._write("DELETE", f"{self.items_url(collection)}/{quote(str(feature_id), safe='')}", None)


# ---------------------------------------------------------------- helpers


def _iso(dt) -> str:
    return ".." if dt is None else dt.strftime("%Y-%m-%dT%H:%M:%SZ")


def _split_point(lo, hi, times):
    """A whole second strictly inside (lo, hi) to split a full window at, or None."""
    if lo is not None and hi is not None:
        mid = lo + (hi - lo) / 2
    elif times:
        # open end(s): split at the median of what the full page showed
        mid = times[len(times) // 2]
    else:
        return None
    mid = mid.replace(microsecond=0)
    low_ok = lo is None or mid > lo.replace(microsecond=0)
    high_ok = hi is None or mid < hi.replace(microsecond=0)
    if low_ok and high_ok:
        return mid
    if times and hi is None:
        # everything seen is at or before the latest second of the page: cut just after it
        cut = times[-1].replace(microsecond=0) + timedelta(seconds=1)
        if lo is None or cut > lo.replace(microsecond=0):
            return cut
    if times and lo is None:
        cut = times[0].replace(microsecond=0)
        if hi is None or cut < hi.replace(microsecond=0):
            return cut
    return None


def _parse_json(response: requests.Response, url: str) -> Any:
    try:
        return json.loads(response.content.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(Message(N_("the answer to GET {path} is malformed or truncated JSON ({error})"),
                                    path=_path(url), error=exc)) from None


def _repair_next(href: str, ours: Dict[str, str]):
    parts = urlsplit(href)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update(ours)  # our filter exactly as we sent it; the server's paging keys stay
    url = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return url, query


def _host(url: str) -> str:
    return urlsplit(url).netloc or url


def _path(url: str) -> str:
    return urlsplit(url).path or "/"


_USERINFO = re.compile(r"//[^/@\s]+@")


_ERRNO = re.compile(r"\[Errno (-?\d+)\] ([^'\"()\[\]]+)")
# What the officer can act on, for the socket errors a sync meets (errno values of Linux and
# Windows; negative: getaddrinfo's EAI_* codes).
_REFUSED = Message(N_("connection refused"))
_DROPPED_CONNECTION = Message(N_("the server dropped the connection"))
_UNKNOWN_NAME = Message(N_("unknown server name"))
_NO_DNS = Message(N_("server name lookup failed (no DNS?)"))
_ERRNO_TEXT = {
    errno.ECONNREFUSED: _REFUSED, 10061: _REFUSED,
    errno.ECONNRESET: _DROPPED_CONNECTION, 10054: _DROPPED_CONNECTION, errno.ECONNABORTED: _DROPPED_CONNECTION,
    errno.ENETUNREACH: Message(N_("network unreachable")), errno.EHOSTUNREACH: Message(N_("no route to the server")),
    errno.ETIMEDOUT: Message(N_("timed out")), -2: _UNKNOWN_NAME, -3: _NO_DNS, -5: _UNKNOWN_NAME,
    11001: _UNKNOWN_NAME, 11002: _NO_DNS,
}
_DROPPED = ("RemoteDisconnected", "Connection aborted", "Connection broken", "closed connection")


def _reason(exc: Exception) -> Union[Message, str]:
    """A short, readable cause of a requests/urllib3 failure.

    requests' messages are nested reprs ("HTTPConnectionPool(...): Max retries exceeded ...
    (Caused by NewConnectionError('<...>: Failed to establish ...: [Errno 111] Connection
    refused'))"): keep only the cause, in words, and never a user:password@ of a proxy URL.
    The causes a sync commonly meets are translatable messages; a rarer one is the system's text.
    """
    text = _USERINFO.sub("//***@", str(exc))
    if not text:
        return type(exc).__name__
    found = _ERRNO.search(text)
    if found:
        return _ERRNO_TEXT.get(int(found.group(1)), found.group(2).strip().rstrip(".").lower())
    if any(marker in text for marker in _DROPPED):
        return _DROPPED_CONNECTION
    last = re.sub(r"\s*\(_ssl\.c:\d+\)", "", text.split(": ")[-1])
    return last.strip(" '\"()[],.")[:200] or type(exc).__name__


def _detail(response: requests.Response) -> str:
    ctype = response.headers.get("Content-Type", "")
    if "json" not in ctype:
        return ""
    try:
        data = response.json()
    except ValueError:
        return ""
    if isinstance(data, list) and data:
        data = data[0]
    if isinstance(data, dict):
        text = data.get("description") or data.get("detail") or data.get("title") or ""
        return f": {str(text)[:200]}" if text else ""
    return ""


def encode_params(params: Dict[str, Any]) -> str:
    return urlencode(params)
