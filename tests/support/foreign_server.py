"""An OGC API – Features server that is not QGIS Server, emulated in front of a real test central.

Issue 15 measured a widely used server over PostGIS, configured by environment variables with
central/schema.sql. This loopback proxy (tests/support/faulty_proxy.py underneath) puts its
behaviours in front of qgis_mapserver over PostGIS or over the embedded central, so that every
sync test still reads and writes the real central:

- collection ids are ``<schema>.<table>`` (``public.service_points``), in /collections, in the
  OpenAPI document and in every link; an id without a schema answers HTTP 422 ``Invalid
  Collection format '<id>'.`` and an unknown one HTTP 404 (``schemas``: the schemas it lists,
  each with both tables — two make the layer names ambiguous); ``prefix=""`` keeps QGIS
  Server's ids;
- ``max_limit``: a ``limit`` above it answers HTTP 422 with a FastAPI validation error naming
  the maximum (``{"detail": [{"loc": ["query", "limit"], "msg": "Input should be less than or
  equal to 50", "ctx": {"le": 50}, …}]}``), never a capped page; with ``advertise_limit`` its
  OpenAPI document says the maximum (the items' ``limit`` parameter), without it the
  document still says QGIS Server's 10 000;
- ``datetime_column``: ``datetime`` filters that column the way that server's SQL does —
  ``start/end`` is ``column >= start AND column < end``, ``../end`` is ``column <= end``,
  ``start/..`` is ``column >= start``, and a site whose column is NULL is never selected. By
  default that server takes a table's first timestamp column: ``surveyed_at`` in
  central/schema.sql (``deleted_at`` in the schema the issue saw). The sites come from the
  real central through QGIS Server (every page asked of it without ``datetime``), and are
  paged here by ``limit``/``offset`` with next links. None: QGIS Server's own filter on
  updated_at.

Writes (Part 4) go through to QGIS Server, so a full round trip (push included) runs.
"""

import json
import re
import urllib.request
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

from faulty_proxy import FaultyProxy, rewrite, status

from paser_smartcity_plugin.core.timestamps import parse as parse_datetime

LAYERS = ("service_points", "tower_plans")
_LINKED = re.compile(rb"/collections/(service_points|tower_plans)(?=[/\"?.#]|$)")


def fastapi_limit_error(limit: str, maximum: int) -> bytes:
    return json.dumps(
        {
            "detail": [
                {
                    "type": "less_than_equal",
                    "loc": ["query", "limit"],
                    "msg": f"Input should be less than or equal to {maximum}",
                    "input": limit,
                    "ctx": {"le": maximum},
                }
            ]
        }
    ).encode()


class ForeignServer(FaultyProxy):
    def __init__(
        self,
        upstream: str,
        prefix: str = "public.",
        schemas=("public",),
        max_limit=None,
        advertise_limit=False,
        datetime_column=None,
    ):
        super().__init__(upstream, self._fault)
        self.datetime_column = datetime_column
        self.prefix = prefix
        self.schemas = tuple(schemas)
        self.max_limit = max_limit
        self.advertise_limit = advertise_limit
        self.refused_limits = 0  # requests answered 422 for their limit
        self.rewrite_answer = self._answer if prefix else self._limits_only

    # -- requests

    def _fault(self, method, path, n):
        parts = urlsplit(path)
        query = dict(parse_qsl(parts.query, keep_blank_values=True))
        found = re.match(r"^/wfs3/collections/([^/]+?)(\.json|\.html)?(/.*)?$", parts.path)
        if not found:
            return None
        ident, suffix, rest = unquote(found.group(1)), found.group(2) or "", found.group(3) or ""
        if self.prefix:
            schema, dot, table = ident.rpartition(".")
            if not dot:
                return status(422, json.dumps({"detail": f"Invalid Collection format '{ident}'."}).encode())
            if schema not in self.schemas or table not in LAYERS:
                return status(404, json.dumps({"detail": f"Table/Function '{ident}' not found."}).encode())
        else:
            table = ident
        if method == "GET" and rest.startswith("/items") and self.max_limit and "limit" in query:
            if not query["limit"].isdigit() or int(query["limit"]) > self.max_limit:
                self.refused_limits += 1
                return status(422, fastapi_limit_error(query["limit"], self.max_limit))
        if method == "GET" and rest in ("/items", "/items.json") and self.datetime_column and "datetime" in query:
            page = self._filtered_page(ident, table, query)
            return status(200, json.dumps(page).encode(), "application/geo+json")
        target = f"/wfs3/collections/{table}{suffix}{rest}"
        return rewrite(target + (f"?{urlencode(query)}" if query else ""))

    def _filtered_page(self, ident: str, table: str, query: dict) -> dict:
        query = dict(query)
        window = query.pop("datetime")
        limit, offset = int(query.pop("limit", 10)), int(query.pop("offset", 0))
        start, slash, end = window.partition("/")
        lo = None if start in ("", "..") else parse_datetime(start)
        hi = None if end in ("", "..") else parse_datetime(end)
        if not slash:
            hi = lo

        def selected(feature):
            value = parse_datetime(feature["properties"].get(self.datetime_column))
            if value is None:
                return False
            if not slash:
                return value == lo
            return (lo is None or value >= lo) and (hi is None or (value < hi if lo is not None else value <= hi))

        everything, upstream_offset = [], 0
        while True:  # the whole (uid-filtered) table from QGIS Server, its own pages
            asked = dict(query, limit="10000", offset=str(upstream_offset))
            with urllib.request.urlopen(
                f"{self.upstream}/collections/{table}/items?{urlencode(asked)}", timeout=60
            ) as r:
                features = json.loads(r.read())["features"]
            everything += features
            upstream_offset += len(features)
            if len(features) < 10000:
                break
        chosen = [f for f in everything if selected(f)]
        page = chosen[offset : offset + limit]
        links = []
        if offset + limit < len(chosen):
            following = dict(query, datetime=window, limit=str(limit), offset=str(offset + limit))
            links.append(
                {
                    "rel": "next",
                    "type": "application/geo+json",
                    "href": f"{self.url}/collections/{ident}/items?{urlencode(following)}",
                }
            )
        return {
            "type": "FeatureCollection",
            "numberMatched": len(chosen),
            "numberReturned": len(page),
            "links": links,
            "features": page,
        }

    # -- answers

    def _limits_only(self, method, path, payload: bytes) -> bytes:
        if method == "GET" and urlsplit(path).path.rstrip("/") in ("/wfs3/api", "/wfs3/api.json"):
            return self._api(payload)
        return payload

    def _answer(self, method, path, payload: bytes) -> bytes:
        route = urlsplit(path).path.rstrip("/")
        if method == "GET" and route in ("/wfs3/collections", "/wfs3/collections.json"):
            data = json.loads(payload)
            listed = []
            for schema in self.schemas:
                for collection in data.get("collections", []):
                    copy = json.loads(
                        _LINKED.sub(f"/collections/{schema}.\\1".encode(), json.dumps(collection).encode())
                    )
                    copy["id"] = copy["title"] = f"{schema}.{collection['id']}"
                    listed.append(copy)
            data["collections"] = listed
            return json.dumps(data).encode()
        if method == "GET" and route in ("/wfs3/api", "/wfs3/api.json"):
            return self._api(payload)
        renamed = _LINKED.sub(f"/collections/{self.schemas[0]}.\\1".encode(), payload)
        if method == "GET" and re.match(r"^/wfs3/collections/[^/]+$", route) and renamed[:1] == b"{":
            data = json.loads(renamed)
            if data.get("id") in LAYERS:
                data["id"] = data["title"] = f"{self.schemas[0]}.{data['id']}"
            return json.dumps(data).encode()
        return renamed

    def _api(self, payload: bytes) -> bytes:
        api = json.loads(payload)
        if self.prefix:
            api["paths"] = {
                _LINKED.sub(f"/collections/{self.schemas[0]}.\\1".encode(), k.encode()).decode(): v
                for k, v in api.get("paths", {}).items()
            }
        if self.advertise_limit and self.max_limit:
            limit = api.get("components", {}).get("parameters", {}).get("limit")
            if limit:
                limit["schema"]["maximum"] = self.max_limit
        return json.dumps(api).encode()
