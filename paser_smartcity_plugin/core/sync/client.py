"""An OGC API – Features client over ``requests``: what the sync needs, and nothing trusted blindly.

- The session is injected: the QGIS side puts the Auth Manager's headers and QGIS's proxy
  on it; TLS verification stays on (requests' default, never turned off here).
- Every request has a deadline: ``timeout`` is the longest an officer waits for one request,
  retries included. 5xx, timeouts and dropped connections are retried within it a bounded
  number of times with exponential backoff, for idempotent requests only (GET, PUT, PATCH,
  DELETE), and a write refused with a 4xx/5xx is not retried here: the push re-reads the
  site and decides (push.py). A POST is never re-sent blindly: the push looks the site up by
  uid first.
- The server's clock is remembered from its answers (HTTP ``Date``, else the ``timeStamp``
  of a feature collection): the pull never trusts a change time past it.
- Answers are checked: an HTML page, malformed or truncated JSON, a 401/403 each end in a
  message naming the problem (and, for 401/403, the auth configuration).
- Paging follows ``next`` links, but re-imposes the query parameters we sent (QGIS Server
  3.22 mangles the ``datetime`` value in its next links) and keeps going while pages come
  back full even without a next link; ``numberMatched`` is never used.
- The page size follows the server: the ``limit`` maximum its OpenAPI document advertises,
  and a smaller page when it refuses a ``limit`` with a 4xx that names it (the number in the
  error when there is one, else half, down to one).
- A ``datetime`` window is trusted only while the server's filter is proven to select on
  updated_at (proof.py); every windowed answer is checked against its window.
- The URL is the central's key (core/central_url.py): a URL with credentials is refused.
"""

import errno
import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from queue import Queue
from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple, Union
from urllib.parse import parse_qsl, quote, urlsplit, urlunsplit

import requests

from .. import timestamps
from ..central_url import central_key, credentials_message, has_credentials
from ..messages import N_, Message, N_plural
from .errors import AuthError, ProtocolError, ServerError, SyncCancelled, SyncError
from .paging import CAPPED, COMPLETE, FULL, PROBE_LIMIT, KeysetPlanner
from .proof import DatetimeTrust, outside_window, stray_reason

PART4 = "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete"
GEOJSON = "application/geo+json"
IDEMPOTENT = {"GET", "PUT", "PATCH", "DELETE", "HEAD"}
LIMIT_REFUSALS = (400, 413, 422)  # the statuses of a request the server finds too large or invalid
MAX_LIMIT_REFUSALS = 16  # smaller pages asked for in a row before a refusal is final (halving 10 000 takes 14)


class WriteRefusedError(ServerError):
    """The server refused a write (any 4xx/5xx but 401/403): a stale version, a 412 of If-Match,
    a constraint. The push re-reads the site and decides; ``status`` is the HTTP status."""

    def __init__(self, *messages, status: int = 0):
        super().__init__(*messages)
        self.status = status


class PagingRefusedError(ProtocolError):
    """The server refused an offset it had itself asked for (QGIS Server with a stale count)."""


class DatetimeFilterError(ProtocolError):
    """A ``datetime`` window of an incremental pull cannot be trusted: the server's filter is
    not proven to select on updated_at, or an answer contradicted it. The caller compares
    every site instead (pull.py)."""


@dataclass(frozen=True)
class CollectionInfo:
    """One collection the server lists."""

    id: str
    title: str = ""


@dataclass
class Capabilities:
    """What the server lets us do, from /conformance or, failing that, its OpenAPI document."""

    conformance: List[str]
    can_create: bool = False
    can_replace: bool = False
    can_delete: bool = False
    source: str = "conformance"

    @property
    def can_push(self) -> bool:
        return self.can_create and self.can_replace and self.can_delete  # the push uses PUT, not PATCH


class OgcApiClient:
    def __init__(
        self,
        url: str,
        session: Optional[requests.Session] = None,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.5,
        auth_label: str = "",
        page_size: int = 10000,
        is_cancelled: Optional[Callable[[], bool]] = None,
        sleep: Callable[[float], None] = time.sleep,
        on_retry: Optional[Callable[[Message], None]] = None,
    ):
        if not url or not url.lower().startswith(("http://", "https://")):
            raise SyncError(
                Message(N_("the central server URL {url!r} is not an http(s) URL of an OGC API landing page"), url=url)
            )
        if has_credentials(url):
            raise SyncError(credentials_message(url))
        self.url = central_key(url)  # normalised, and the key of this central in the workspace
        self.session = session or requests.Session()
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.auth_label = auth_label
        self.page_size = page_size
        self.is_cancelled = is_cancelled or (lambda: False)
        self.sleep = sleep
        self.on_retry = on_retry or (lambda text: None)  # "retrying 2/4" for the progress text
        self.requests_made = 0
        self.collection_ids: Dict[str, str] = {}  # layer -> the server's collection id (discovery.py)
        self.conformance_classes: List[str] = []
        self._api: Optional[dict] = None  # the OpenAPI document, once read
        self._api_read = False
        self._own_session = session is None
        self._server_clock: Optional[Tuple[datetime, float]] = None  # (server time, monotonic then)
        self._date_seen = False

    def server_now(self) -> Optional[datetime]:
        """The server's time now, from its last answer that told it (None: none did)."""
        if self._server_clock is None:
            return None
        moment, seen = self._server_clock
        return moment + timedelta(seconds=time.monotonic() - seen)

    def _note_server_time(self, moment: Optional[datetime]) -> None:
        if moment is not None:
            self._server_clock = (moment, time.monotonic())

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

    def request(
        self, method: str, url: str, expect_json: bool = True, retry_status: bool = True, **kwargs
    ) -> requests.Response:
        """One HTTP exchange with bounded retries, all within ``timeout`` seconds; raises SyncError
        subclasses, never requests'. ``retry_status=False``: a 5xx answer is returned, not retried."""
        attempts = 1 + (self.retries if method in IDEMPOTENT else 0)
        deadline = time.monotonic() + self.timeout
        last: Message = Message("")
        tried = 0
        for attempt in range(attempts):
            self._check_cancel()
            if attempt:
                pause = self.backoff * (2 ** (attempt - 1))
                if time.monotonic() + pause >= deadline:
                    break  # no time left for another try
                self.on_retry(Message(N_("retrying {attempt}/{attempts}"), attempt=attempt + 1, attempts=attempts))
                self.sleep(pause)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            tried += 1
            try:
                self.requests_made += 1
                response = self.session.request(method, url, timeout=remaining, **kwargs)
            except requests.exceptions.SSLError as exc:
                raise ServerError(_tls_message(url, exc)) from None
            except requests.exceptions.Timeout:
                last = Message(N_("no answer from {host} within {seconds:g} s"), host=_host(url), seconds=self.timeout)
                continue
            except (requests.exceptions.ChunkedEncodingError, requests.exceptions.ContentDecodingError):
                last = Message(
                    N_("the answer of {host} to {method} {path} was cut off"),
                    host=_host(url),
                    method=method,
                    path=_path(url),
                )
                continue
            except requests.exceptions.ConnectionError as exc:
                last = Message(N_("cannot reach {host}: {reason}"), host=_host(url), reason=_reason(exc))
                continue
            except requests.exceptions.RequestException as exc:
                raise ServerError(
                    Message(N_("{method} {path} failed: {reason}"), method=method, path=_path(url), reason=_reason(exc))
                ) from None
            status = response.status_code
            date = timestamps.from_http_date(response.headers.get("Date"))
            if date is not None:
                self._date_seen = True
                self._note_server_time(date)
            if status in (401, 403):
                raise AuthError(self._auth_message(status))
            if status >= 500 and not retry_status:
                return response
            if status >= 500:
                last = Message(
                    N_("{host} answered HTTP {status} to {method} {path}{detail}"),
                    host=_host(url),
                    status=status,
                    method=method,
                    path=_path(url),
                    detail=_detail(response),
                )
                continue
            expected = response.headers.get("Content-Length", "")
            if (
                expected.isdigit()
                and not response.headers.get("Content-Encoding")
                and int(expected) != len(response.content)
                and method != "HEAD"
            ):
                last = Message(
                    N_("the answer of {host} to {method} {path} was cut off ({received} of {expected} bytes)"),
                    host=_host(url),
                    method=method,
                    path=_path(url),
                    received=len(response.content),
                    expected=expected,
                )
                continue
            if expect_json and status < 300 and status != 204:
                self._check_json(response, method, url)
            return response
        raise ServerError(
            Message(
                N_plural("{problem} (tried {attempts} time)", "{problem} (tried {attempts} times)", tried),
                problem=last,
                attempts=tried,
            )
        )

    def _auth_message(self, status: int) -> Message:
        what = Message(N_("refused the credentials") if status == 401 else N_("denied access"))
        if self.auth_label:
            return Message(
                N_(
                    "the central server {what} (HTTP {status}): check the QGIS authentication "
                    "configuration {label} (Settings > Options > Authentication)"
                ),
                what=what,
                status=status,
                label=self.auth_label,
            )
        return Message(
            N_(
                "the central server {what} (HTTP {status}) and no QGIS authentication configuration is "
                "set for it: choose one in the sync settings"
            ),
            what=what,
            status=status,
        )

    @staticmethod
    def _check_json(response: requests.Response, method: str, url: str) -> None:
        ctype = response.headers.get("Content-Type", "").lower()
        body = response.content
        if "html" in ctype or body.lstrip()[:1] == b"<":
            raise ProtocolError(
                Message(
                    N_(
                        "{host} answered {method} {path} with an HTML page (HTTP {status}), "
                        "not JSON: is the URL the landing page of an OGC API – Features "
                        "service, and is no proxy or login page in between?"
                    ),
                    host=_host(url),
                    method=method,
                    path=_path(url),
                    status=response.status_code,
                )
            )

    def get_json(self, url: str, params: Optional[Dict[str, Any]] = None, accept: str = "application/json") -> Any:
        response = self.request("GET", url, params=params, headers={"Accept": accept})
        return self._answer_json(url, params, response)

    @staticmethod
    def _answer_json(url: str, params: Optional[Dict[str, Any]], response: requests.Response) -> Any:
        if response.status_code == 404:
            raise ProtocolError(Message(N_("{path} not found on {host} (HTTP 404)"), path=_path(url), host=_host(url)))
        if response.status_code >= 400:
            error = (
                PagingRefusedError if response.status_code == 400 and params and "offset" in params else ProtocolError
            )
            raise error(_refused_get(url, response))
        return _parse_json(response, url)

    # ------------------------------------------------------------ discovery

    def conformance(self) -> List[str]:
        data = self.get_json(self.url + "/conformance")
        classes = data.get("conformsTo") if isinstance(data, dict) else None
        if not isinstance(classes, list):
            raise ProtocolError(
                Message(N_("{url}/conformance has no conformsTo list: not an OGC API – Features server"), url=self.url)
            )
        self.conformance_classes = [str(c) for c in classes]
        return self.conformance_classes

    def api_document(self) -> Optional[dict]:
        """The server's OpenAPI document (/api), read once; None when it has none that we can read."""
        if not self._api_read:
            self._api_read = True
            try:
                api = self.get_json(
                    self.url + "/api", accept="application/vnd.oai.openapi+json;version=3.0, application/json"
                )
            except SyncError:
                api = None
            self._api = api if isinstance(api, dict) else None
        return self._api

    def advertised_limit(self, collection: str) -> Optional[int]:
        """The largest ``limit`` the server's OpenAPI document allows on ``collection``'s items, if it says."""
        api = self.api_document()
        if api is None:
            return None
        for param in _items_parameters(api, collection):
            if param.get("name") == "limit" and param.get("in", "query") == "query":
                schema = _resolve(api, param.get("schema")) or {}
                for key, less in (("maximum", 0), ("exclusiveMaximum", 1)):
                    value = schema.get(key)
                    if isinstance(value, (int, float)) and not isinstance(value, bool) and value - less >= 1:
                        return int(value - less)
        return None

    def signature(self, collection: str) -> str:
        """What identifies the server's software and configuration for ``collection``: its
        conformance classes and the query parameters its OpenAPI document lists for the items.
        A datetime proof holds for one signature (proof.py)."""
        api = self.api_document()
        names = sorted(str(p.get("name")) for p in _items_parameters(api, collection)) if api else []
        text = json.dumps([sorted(self.conformance_classes), names])
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]

    def capabilities(self) -> Capabilities:
        classes = self.conformance()
        if not any(c.startswith("http://www.opengis.net/spec/ogcapi-features-1/") for c in classes):
            raise ProtocolError(
                Message(N_("{url} does not declare OGC API – Features Part 1 (core) in /conformance"), url=self.url)
            )
        if PART4 in classes:
            return Capabilities(classes, True, True, True, "conformance")
        # Part 4 is still a draft and some servers (QGIS Server 3.22) implement it without
        # declaring it: their OpenAPI document says which methods the items paths accept.
        caps = Capabilities(classes, source="openapi")
        api = self.api_document()
        if api is None:
            return caps
        paths = api.get("paths", {}) if isinstance(api.get("paths"), dict) else {}
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

    def collection_list(self, max_pages: int = 20) -> List[CollectionInfo]:
        """Every collection the server lists (id and title), following its next links."""
        out: List[CollectionInfo] = []
        url, params = self.url + "/collections", None
        for _ in range(max_pages):
            data = self.get_json(url, params=params)
            items = data.get("collections") if isinstance(data, dict) else None
            if not isinstance(items, list):
                raise ProtocolError(Message(N_("{url}/collections has no collections list"), url=self.url))
            out += [
                CollectionInfo(str(c["id"]), str(c.get("title") or ""))
                for c in items
                if isinstance(c, dict) and c.get("id") not in (None, "")
            ]
            following = _next_link(data)
            if not following or not items:
                break
            url, params = following, None
        return out

    def probe_collection(self, collection: str) -> Optional[bool]:
        """Whether the server serves ``collection``, by asking for one item of it: None when it
        does not (404, or another 4xx such as a server's "invalid collection format"), else
        whether it holds at least one feature.

        (Not /collections: QGIS Server 3.22 answers that with HTTP 500 while a table is empty.)
        """
        url = self.items_url(collection)
        response = self.request(
            "GET", url, params={"limit": 1}, headers={"Accept": f"{GEOJSON}, application/json;q=0.9"}
        )
        if 400 <= response.status_code < 500:
            return None
        data = _parse_json(response, url)
        features = data.get("features") if isinstance(data, dict) else None
        if not isinstance(features, list):
            raise ProtocolError(Message(N_("{path} did not answer with a GeoJSON FeatureCollection"), path=_path(url)))
        matched = data.get("numberMatched")
        return bool(features) or (isinstance(matched, int) and not isinstance(matched, bool) and matched > 0)

    def collection_for(self, layer: str) -> str:
        """The server's id of the collection that holds ``layer`` (the layer name until discovery chose one)."""
        return self.collection_ids.get(layer, layer)

    def items_url(self, collection: str) -> str:
        return f"{self.url}/collections/{quote(collection, safe='')}/items"

    # ------------------------------------------------------------ reading

    def iter_pages(
        self,
        collection: str,
        params: Optional[Dict[str, Any]] = None,
        prefetch: bool = False,
        transform: Optional[Callable[[List[dict]], Any]] = None,
        trust: Optional[DatetimeTrust] = None,
    ) -> Iterator[Any]:
        """Pages of features (lists of GeoJSON dicts) until the collection is exhausted.

        With ``prefetch`` the next page is fetched in a thread while the caller works on this
        one (the server and the client then work at the same time); at most two pages are
        in memory either way, however large the collection. ``transform`` turns each page into
        what the caller keeps (in the fetching thread), so the parsed JSON is freed at once.
        ``trust``: what the sync knows of the collection's datetime filter (see _pages_or_windows).
        """
        pages = self._pages_or_windows(collection, params, trust)
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

    def _pages_or_windows(
        self, collection: str, params: Optional[Dict[str, Any]], trust: Optional[DatetimeTrust] = None
    ) -> Iterator[List[dict]]:
        """Everything ``params`` selects, as pages of at most ``limit`` features.

        One request when it all fits in a page (an incremental pull, a small table). Otherwise
        by keyset on updated_at — time windows (see _keyset) — because offset pages cost the
        server more the deeper they go: QGIS Server 3.22 reads and drops every feature before
        the offset (figures: CHANGELOG, 0.1.0), while a window costs only what it returns. Offset pages, as the server links them,
        remain for servers whose ``datetime`` filter does not select on updated_at. Features
        may come twice (at window edges): the caller de-duplicates by (uid, updated_at).

        Windows are used only once ``trust`` holds (proof.py; without one, the filter is proven
        here from the first page, for this call only). A selection that starts at a time
        (``datetime=<lo>/..``: an incremental pull) needs a ``trust`` that holds already, and
        its answers are checked: a site changed before ``lo``, or outside a window, raises
        DatetimeFilterError — an empty or partial answer is never taken for "nothing changed"
        on an unproven filter.
        """
        params = {k: str(v) for k, v in (params or {}).items()}
        params["limit"] = str(min(int(params.get("limit") or self.page_size), self.page_size))
        lo = None
        window = params.get("datetime", "")
        if window:
            if "/" not in window or window.split("/", 1)[1] not in ("", ".."):
                yield from self._pages(collection, params)  # a closed window: not ours to split
                return
            if not window.startswith(".."):
                lo = timestamps.parse(window.split("/")[0])
                if trust is None or not trust.holds:
                    raise DatetimeFilterError(
                        Message(
                            N_("{collection}: the server's datetime filter is not proven to select on updated_at"),
                            collection=collection,
                        )
                    )
        trust = trust or DatetimeTrust(collection)  # proven here for this call only, never stored
        # A first, smaller page: all there is in the usual case (an incremental pull, a
        # regency's few hundred sites), else a sample of updated_at that sizes the windows.
        probe = min(int(params["limit"]), PROBE_LIMIT)
        data = self._get_items(collection, dict(params, limit=str(probe)))
        features, state = data["features"], data["state"]
        params["limit"] = str(min(int(params["limit"]), self.page_size))  # the server may have refused a page size
        if state == CAPPED:
            size = _server_page_size(len(features), data["next"])
            params["limit"] = str(min(int(params["limit"]), size))  # the server's own page size is ours now
            if len(features) < size:
                state = COMPLETE  # short of the server's own page: that was all
        if lo is not None:
            stray = outside_window(features, lo, None)
            if stray is not None:
                reason = stray_reason(window, stray)
                trust.contradict(reason)
                raise DatetimeFilterError(reason)
        if state == COMPLETE:
            if features:
                yield features
            return
        times = _sorted_times(features)
        hint, following = data.get("numberMatched"), (data["next"], len(features))
        del data
        if times is None or not trust.ensure(self, features=features):
            # Some feature has no updated_at (no window would ever select it), or the filter is
            # not proven (windows could skip sites): offset pages, after this first one (lo is
            # None here: a selection from a time needs a proven filter, see above).
            yield features
            del features
            yield from self._offset_pages(collection, params, following)
            return
        del features
        try:
            yield from self._keyset(collection, params, lo, times, hint if isinstance(hint, int) else 0)
        except _WindowsUnusableError as exc:
            trust.contradict(exc.reason)
            if lo is not None:
                raise DatetimeFilterError(exc.reason) from None
            yield from self._offset_pages(collection, params)

    def _offset_pages(self, collection: str, params: Dict[str, str], following=None) -> Iterator[List[dict]]:
        try:
            yield from self._pages(collection, params, following)
        except PagingRefusedError as exc:
            raise ProtocolError(
                Message(
                    N_(
                        "{collection}: the server refuses its own offset pages and its datetime "
                        "filter does not select on updated_at, so the features cannot be paged "
                        "({problem}); configure the server's datetime column to updated_at"
                    ),
                    collection=collection,
                    problem=exc,
                )
            ) from None

    def items_page(self, collection: str, query: Dict[str, Any]) -> Dict[str, Any]:
        """One items page of ``collection`` as _get_items_at describes it."""
        return self._get_items(collection, {k: str(v) for k, v in query.items()})

    def _get_items(self, collection: str, query: Dict[str, str]) -> Dict[str, Any]:
        return self._get_items_at(self.items_url(collection), query)

    def _get_items_at(self, url: str, query: Dict[str, str]) -> Dict[str, Any]:
        """One items page: its features, its next link, its state (see _page_state), its
        numberMatched (a hint, never trusted) and the ``limit`` it was asked with — smaller than
        asked when the server refused the page size (client.page_size follows it)."""
        query = dict(query)
        for _ in range(MAX_LIMIT_REFUSALS + 1):
            response = self.request("GET", url, params=query, headers={"Accept": f"{GEOJSON}, application/json;q=0.9"})
            smaller = _smaller_limit(response, query)
            if smaller is None:
                break
            self.page_size = min(self.page_size, smaller)
            query["limit"] = str(smaller)
        data = self._answer_json(url, query, response)
        features = data.get("features") if isinstance(data, dict) else None
        if isinstance(data, dict) and not self._date_seen and data.get("timeStamp"):
            # A server without HTTP Date (QGIS Server 3.22) tells its time in the collection.
            try:
                self._note_server_time(timestamps.parse(data["timeStamp"]))
            except (TypeError, ValueError):
                pass
        if not isinstance(features, list) or data.get("type", "FeatureCollection") != "FeatureCollection":
            raise ProtocolError(Message(N_("{path} did not answer with a GeoJSON FeatureCollection"), path=_path(url)))
        next_link = _next_link(data)
        return {
            "features": features,
            "next": next_link,
            "numberMatched": data.get("numberMatched"),
            "state": _page_state(len(features), query, next_link),
            "limit": int(query.get("limit") or 0),
        }

    def _window(self, collection: str, params: Dict[str, str], lo, hi):
        """One closed window [lo, hi] of updated_at (whole seconds, None = open): its features,
        their sorted updated_at and the page's state.

        The answer is checked against the window: a server whose ``datetime`` filter selects
        on another property, or on none, would make the keyset skip sites.
        """
        query = dict(params, datetime=f"{_iso(lo)}/{_iso(hi)}")
        query.pop("offset", None)
        data = self._get_items(collection, query)
        features = data["features"]
        stray = outside_window(features, lo, hi)
        if stray is not None:
            raise _WindowsUnusableError(stray_reason(query["datetime"], stray))
        times = _sorted_times(features)
        return features, times, data["state"], data["next"]

    def _keyset(self, collection: str, params: Dict[str, str], lo, sample: list, hint: int) -> Iterator[List[dict]]:
        """Keyset paging on updated_at, windows planned by paging.KeysetPlanner (see there);
        ``sample`` holds the sorted updated_at of a first full (probe) page of the whole
        selection and ``hint`` the server's count, used only to size windows."""
        planner = KeysetPlanner(int(params["limit"]), lo, sample, hint)
        while True:
            self._check_cancel()
            if self.page_size < planner.limit:
                planner.server_limit(self.page_size)  # the server refused a larger page
            ask = planner.next_ask()
            if ask is None:
                return
            query = dict(params, limit=str(ask.limit))
            if ask.offsets:
                # More than a page within one second: offset pages inside this window.
                inside = f"{_iso(ask.lo)}/{_iso(ask.hi)}"
                try:
                    for page in self._pages(collection, dict(query, datetime=inside)):
                        stray = outside_window(page, ask.lo, ask.hi)
                        if stray is not None:
                            raise _WindowsUnusableError(stray_reason(inside, stray))
                        yield page
                except PagingRefusedError:
                    raise ProtocolError(
                        Message(
                            N_(
                                "{collection}: more than {limit} sites changed within one second "
                                "and the server refuses to page them: raise its page limit"
                            ),
                            collection=collection,
                            limit=ask.limit,
                        )
                    ) from None
                planner.second_paged()
                continue
            features, times, state, next_link = self._window(collection, query, ask.lo, ask.hi)
            if self.page_size < planner.limit:
                planner.server_limit(self.page_size)
            server_page = _server_page_size(len(times), next_link) if state == CAPPED else None
            if planner.answered(times, state, server_page) and features:
                yield features
            del features

    def _pages(self, collection: str, params: Optional[Dict[str, Any]], following=None) -> Iterator[List[dict]]:
        """Offset pages as the server links them (re-imposing our filter, see _repair_next);
        ``following``: (next link, features received) of a first page already had."""
        ours = {k: str(v) for k, v in (params or {}).items()}
        ours["limit"] = str(min(int(ours.get("limit") or self.page_size), self.page_size))
        query = dict(ours)
        seen_pages = set()
        offset = 0
        url = self.items_url(collection)
        if following is not None:
            link, offset = following
            url, query = _repair_next(link, ours) if link else (url, dict(ours, offset=str(offset)))
        while True:
            self._check_cancel()
            data = self._get_items_at(url, query)
            features, next_link, state = data["features"], data["next"], data["state"]
            ours["limit"] = str(data["limit"])  # smaller when the server refused the page size
            del data  # only the features are kept: memory stays at a page or two
            count = len(features)
            if features:
                signature = hash(tuple(str(f.get("id")) for f in features if isinstance(f, dict)))
                if signature in seen_pages:
                    raise ProtocolError(
                        Message(
                            N_("{path}: the server's paging goes round in circles (the same page came back twice)"),
                            path=_path(url),
                        )
                    )
                seen_pages.add(signature)
                yield features
                del features
            offset += count
            if state == COMPLETE:
                return
            if next_link:
                url, query = _repair_next(next_link, ours)
            else:
                # A full page and no next link: ask for the rest ourselves.
                url, query = self.items_url(collection), dict(ours, offset=str(offset))

    def find_by_uid(self, collection: str, uid: str) -> List[dict]:
        """Every feature of ``collection`` whose uid property is ``uid`` (filtered again here)."""
        found = []
        for page in self.iter_pages(collection, {"uid": uid, "limit": 10}):
            found += [f for f in page if isinstance(f, dict) and (f.get("properties") or {}).get("uid") == uid]
        return found

    # ------------------------------------------------------------ writing (Part 4)

    def _write(self, method: str, url: str, body: Optional[dict], if_match: Optional[str] = None) -> requests.Response:
        headers = {"Accept": f"{GEOJSON}, application/json;q=0.9"}
        if if_match:
            headers["If-Match"] = if_match
        data = None
        if body is not None:
            headers["Content-Type"] = GEOJSON
            data = json.dumps(body).encode("utf-8")
        response = self.request(method, url, data=data, headers=headers, expect_json=False, retry_status=False)
        if response.status_code >= 400:
            raise WriteRefusedError(
                Message(
                    N_("{host} refused {method} {path} (HTTP {status}){detail}"),
                    host=_host(url),
                    method=method,
                    path=_path(url),
                    status=response.status_code,
                    detail=_detail(response),
                ),
                status=response.status_code,
            )
        return response

    def item(self, collection: str, feature_id: Any) -> Tuple[Optional[dict], Optional[str]]:
        """One feature by its id and the ETag the server sent with it: (feature, etag);
        (None, None) when the server has no such feature."""
        url = f"{self.items_url(collection)}/{quote(str(feature_id), safe='')}"
        response = self.request("GET", url, headers={"Accept": f"{GEOJSON}, application/json;q=0.9"})
        if response.status_code == 404:
            return None, None
        if response.status_code >= 400:
            raise ProtocolError(_refused_get(url, response))
        feature = _parse_json(response, url)
        if not isinstance(feature, dict):
            raise ProtocolError(Message(N_("{path} did not answer with a GeoJSON feature"), path=_path(url)))
        return feature, response.headers.get("ETag")

    def create(self, collection: str, feature: dict) -> Optional[str]:
        """POST a new feature; returns its id from the Location header when given."""
        response = self._write("POST", self.items_url(collection), feature)
        location = response.headers.get("Location", "")
        return location.rstrip("/").rsplit("/", 1)[-1] if location else None

    def replace(self, collection: str, feature_id: Any, feature: dict, if_match: Optional[str] = None) -> None:
        """PUT the whole feature; raises WriteRefusedError when the server refuses it."""
        self._write("PUT", f"{self.items_url(collection)}/{quote(str(feature_id), safe='')}", feature, if_match)

    def delete(self, collection: str, feature_id: Any, if_match: Optional[str] = None) -> None:
        self._write("DELETE", f"{self.items_url(collection)}/{quote(str(feature_id), safe='')}", None, if_match)


# ---------------------------------------------------------------- helpers


class _WindowsUnusableError(Exception):
    """The server's datetime filter does not select on updated_at (or some feature lacks it)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _next_link(data: Any) -> Optional[str]:
    links = data.get("links") if isinstance(data, dict) else None
    return next(
        (
            lk.get("href")
            for lk in (links if isinstance(links, list) else [])
            if isinstance(lk, dict) and lk.get("rel") == "next" and lk.get("href")
        ),
        None,
    )


def _smaller_limit(response: requests.Response, query: Dict[str, str]) -> Optional[int]:
    """The page size to ask for after the server refused ``query``'s limit, or None when the
    answer is no such refusal: a 400, 413 or 422 whose body names the limit (never an answer
    about authorisation or a rate limit: 401, 403, 429). The number it names below what we
    asked (its maximum: "[0-10000]", "less than or equal to 1000"), else half of what we asked."""
    if response.status_code not in LIMIT_REFUSALS or "limit" not in query:
        return None
    try:
        asked = int(query["limit"])
    except ValueError:
        return None
    if asked <= 1:
        return None
    text = response.content[:4000].decode("utf-8", "replace")
    if not re.search(r"limit", text, re.IGNORECASE):
        return None
    named = [int(n) for n in re.findall(r"(?<![\d.])\d{1,9}(?![\d.])", text) if 0 < int(n) < asked]
    return max(named) if named else max(1, asked // 2)


def _resolve(api: dict, node: Any) -> Any:
    """A node of an OpenAPI document with its local $ref followed (a few levels)."""
    for _ in range(5):
        if not isinstance(node, dict) or not isinstance(node.get("$ref"), str):
            return node
        target: Any = api
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target.get(part.replace("~1", "/").replace("~0", "~")) if isinstance(target, dict) else None
        node = target
    return node


def _items_parameters(api: dict, collection: str) -> List[dict]:
    """The parameters the OpenAPI document lists for GET on ``collection``'s items (the
    collection's own path, else the templated one)."""
    paths = api.get("paths") if isinstance(api.get("paths"), dict) else {}
    exact = template = None
    for path, operations in paths.items():
        parts = str(path).rstrip("/").split("/")
        if len(parts) < 3 or parts[-1] != "items" or parts[-3] != "collections" or not isinstance(operations, dict):
            continue
        if parts[-2] == collection:
            exact = operations
        elif parts[-2].startswith("{") and parts[-2].endswith("}"):
            template = operations
    operations = exact or template
    if not operations:
        return []
    found = list(operations.get("parameters") or [])
    get = operations.get("get")
    if isinstance(get, dict):
        found += list(get.get("parameters") or [])
    out = []
    for param in found:
        param = _resolve(api, param)
        if isinstance(param, dict) and param.get("name"):
            out.append(param)
    return out


def _page_state(count: int, query: Dict[str, str], next_link: Optional[str]) -> str:
    """COMPLETE: this page ends its query's results. FULL: a whole page (``limit``), so maybe
    more. CAPPED: fewer than asked, yet the next link continues right after them — the
    server pages by fewer features than ``limit``.

    A short page with a next link that skips to offset + limit is complete: QGIS Server
    3.22 links a next page whenever its count of the whole table (not of the filtered
    result) goes further.
    """
    limit = int(query.get("limit") or 0)
    if limit and count >= limit:
        return FULL
    if not next_link or not count:
        return COMPLETE
    following = _link_offset(next_link)
    if limit and following is not None and following >= int(query.get("offset") or 0) + limit:
        return COMPLETE
    return CAPPED


def _server_page_size(count: int, next_link: Optional[str]) -> int:
    """A capping server's page size, asked at offset 0: where its next link goes on from,
    else the features it sent."""
    return max(1, count, _link_offset(next_link) or 0)


def _link_offset(link: Optional[str]) -> Optional[int]:
    """The offset a next link asks for (None: none, or not a number — an opaque cursor)."""
    try:
        return int(dict(parse_qsl(urlsplit(link or "").query))["offset"])
    except (KeyError, ValueError):
        return None


def _iso(dt) -> str:
    return ".." if dt is None else timestamps.format_seconds(dt)


def _sorted_times(features: List[dict]) -> Optional[list]:
    """The features' updated_at, sorted (None if one lacks it); read them with timestamps.parse.

    Kept as text when every value is UTC ("Z") text of one length — ISO 8601 then sorts
    chronologically — so a page of 10 000 costs one sort, not 10 000 parses.
    """
    values = [(f.get("properties") or {}).get("updated_at") if isinstance(f, dict) else None for f in features]
    if not values:
        return []
    if all(isinstance(v, str) for v in values):
        width = len(values[0])
        if all(len(v) == width and v[-1:] in ("Z", "z") for v in values):
            values.sort()
            return values
    parsed = [timestamps.parse(v) for v in values]
    if any(v is None for v in parsed):
        return None
    parsed.sort()
    return parsed


def _parse_json(response: requests.Response, url: str) -> Any:
    try:
        return json.loads(response.content.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ProtocolError(
            Message(N_("the answer to GET {path} is malformed or truncated JSON ({error})"), path=_path(url), error=exc)
        ) from None


def _repair_next(href: str, ours: Dict[str, str]):
    parts = urlsplit(href)
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    query.update(ours)  # our filter exactly as we sent it; the server's paging keys stay
    url = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
    return url, query


def _host(url: str) -> str:
    return urlsplit(url).netloc.rpartition("@")[2] or url  # never a user:password@


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
    errno.ECONNREFUSED: _REFUSED,
    10061: _REFUSED,
    errno.ECONNRESET: _DROPPED_CONNECTION,
    10054: _DROPPED_CONNECTION,
    errno.ECONNABORTED: _DROPPED_CONNECTION,
    errno.ENETUNREACH: Message(N_("network unreachable")),
    errno.EHOSTUNREACH: Message(N_("no route to the server")),
    errno.ETIMEDOUT: Message(N_("timed out")),
    -2: _UNKNOWN_NAME,
    -3: _NO_DNS,
    -5: _UNKNOWN_NAME,
    11001: _UNKNOWN_NAME,
    11002: _NO_DNS,
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


# What is wrong with a server's certificate, from OpenSSL's verify messages, and what to do.
_TLS_PROBLEMS = (
    (
        ("self signed certificate", "self-signed certificate"),
        N_(
            "the secure connection to {host} was refused: the server's certificate is self-signed, "
            "so nobody vouches for it. Ask the server's administrator for a certificate from a "
            "recognised authority, or have this computer trust the regency's own certificate "
            "authority (install it in the system's certificate store)"
        ),
    ),
    (
        ("unable to get local issuer certificate", "unable to get issuer certificate", "unknown ca"),
        N_(
            "the secure connection to {host} was refused: the server's certificate was issued by an "
            "authority this computer does not know. Have this computer trust that authority "
            "(install its certificate in the system's certificate store), or ask the server's "
            "administrator to send the whole certificate chain"
        ),
    ),
    (
        ("certificate has expired", "certificate expired"),
        N_(
            "the secure connection to {host} was refused: the server's certificate has expired. Ask "
            "the server's administrator to renew it (and check this computer's date and time)"
        ),
    ),
    (
        ("certificate is not yet valid",),
        N_(
            "the secure connection to {host} was refused: the server's certificate is not valid yet. "
            "Check this computer's date and time"
        ),
    ),
    (
        ("hostname mismatch", "doesn't match", "does not match", "not valid for"),
        N_(
            "the secure connection to {host} was refused: the server's certificate is made out to "
            "another name. Use the address written in the certificate, or ask the server's "
            "administrator for a certificate that names {host}"
        ),
    ),
)


def _tls_message(url: str, exc: Exception) -> Message:
    """Say what is wrong with the server's certificate and what to do; no library text."""
    text = str(exc).lower()
    for markers, template in _TLS_PROBLEMS:
        if any(marker in text for marker in markers):
            return Message(template, host=_host(url))
    return Message(
        N_(
            "the secure connection to {host} failed: the server's certificate could not be verified "
            "or the server does not speak TLS. Check the address (https:// or http://) and ask the "
            "server's administrator to check its certificate"
        ),
        host=_host(url),
    )


def _refused_get(url: str, response: requests.Response) -> Message:
    return Message(
        N_("{host} refused GET {path} (HTTP {status}){detail}"),
        host=_host(url),
        path=_path(url),
        status=response.status_code,
        detail=_detail(response),
    )


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
