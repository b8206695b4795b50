"""Which collection of the server holds each layer: servers name collections their own way.

QGIS Server names a collection after its layer (``service_points``); a server over PostGIS
may name it ``<schema>.<table>`` (``public.service_points``) and refuse anything else, GeoServer
``<workspace>:<layer>``, and an administrator may choose any id. Per layer:

1. The id the officer named (sync settings, the algorithm's parameters) is used, if the server
   serves it; otherwise the sync stops and lists what the server has.
2. Otherwise one-item probes — not /collections first, which QGIS Server 3.22 answers with HTTP
   500 while a table is empty: the id this central had at the last sync, then the layer name.
3. Otherwise the server's /collections: a collection whose id ends in the layer name after a
   prefix separator (``.``, ``:``, ``/``), or whose title is the layer's name or title, when
   exactly one fits.
4. Otherwise the sync stops with a message listing the server's collections and saying how to
   name the one to use.

The one-item probe also tells whether the collection holds any site: a first pull that then
receives nothing is an error, never "ok" (pull.py).
"""

import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional

from ..messages import N_, Message
from ..schema import LAYER_NAMES, layer_schema
from .client import CollectionInfo, OgcApiClient
from .errors import ProtocolError, SyncError

SEPARATORS = ".:/"
_SHOWN = 15  # collections named in a message, at most
NAMED, REMEMBERED, EXACT, LISTED = "named", "remembered", "exact", "listed"


@dataclass
class Collections:
    ids: Dict[str, str] = field(default_factory=dict)  # layer -> the server's collection id
    has_sites: Dict[str, bool] = field(default_factory=dict)  # layer -> the one-item probe saw a site
    how: Dict[str, str] = field(default_factory=dict)  # layer -> NAMED, REMEMBERED, EXACT or LISTED


def _words(text: str) -> str:
    return re.sub(r"[\s_\-]+", " ", text or "").strip().lower()


def matches(layer: str, info: CollectionInfo) -> bool:
    """Whether ``info`` could be the collection of ``layer`` (by id suffix or by title)."""
    ident = info.id.lower()
    if ident == layer:
        return True
    tail = re.split(f"[{re.escape(SEPARATORS)}]", ident)[-1]
    if tail == layer and tail != ident:
        return True
    schema = layer_schema(layer)
    return bool(info.title) and _words(info.title) in {_words(layer), _words(schema.title_en), _words(schema.title_id)}


def listing(collections: List[CollectionInfo]) -> str:
    """The server's collections for a message: id (title), at most _SHOWN of them."""
    shown = [c.id if not c.title or c.title == c.id else f"{c.id} ({c.title})" for c in collections[:_SHOWN]]
    more = len(collections) - len(shown)
    return ", ".join(shown) + (f", … (+{more})" if more > 0 else "") if shown else "—"


def find_collections(
    client: OgcApiClient, named: Optional[Dict[str, str]] = None, remembered: Optional[Dict[str, str]] = None
) -> Collections:
    """The collection of each layer (see the module's text); raises ProtocolError naming what is wrong."""
    named = {k: v.strip() for k, v in (named or {}).items() if v and v.strip()}
    remembered = remembered or {}
    found = Collections()
    listed: Optional[List[CollectionInfo]] = None
    list_problem: Optional[SyncError] = None

    def server_list() -> Optional[List[CollectionInfo]]:
        nonlocal listed, list_problem
        if listed is None and list_problem is None:
            try:
                listed = client.collection_list()
            except SyncError as exc:
                list_problem = exc
        return listed

    for layer in LAYER_NAMES:
        if layer in named:
            collection = named[layer]
            has_sites = client.probe_collection(collection)
            if has_sites is None:
                raise ProtocolError(
                    Message(
                        N_(
                            "the server at {url} has no collection {collection} (named for {layer} in the "
                            "sync settings); it serves: {collections}"
                        ),
                        url=client.url,
                        collection=collection,
                        layer=layer,
                        collections=listing(server_list() or []),
                    )
                )
            found.ids[layer], found.has_sites[layer], found.how[layer] = collection, has_sites, NAMED
            continue
        for collection, how in ((remembered.get(layer), REMEMBERED), (layer, EXACT)):
            if not collection or (how == EXACT and collection == remembered.get(layer)):
                continue
            has_sites = client.probe_collection(collection)
            if has_sites is not None:
                found.ids[layer], found.has_sites[layer], found.how[layer] = collection, has_sites, how
                break
        if layer in found.ids:
            continue
        collections = server_list()
        if collections is None:
            raise ProtocolError(
                Message(
                    N_(
                        "the server at {url} has no collection {layer} and its list of collections cannot be "
                        "read ({problem}): name the collection to use in the sync settings"
                    ),
                    url=client.url,
                    layer=layer,
                    problem=list_problem,
                )
            )
        candidates = [c for c in collections if matches(layer, c)]
        if len(candidates) > 1:
            raise ProtocolError(
                Message(
                    N_(
                        "the server at {url} has several collections that could hold {layer}: {candidates}. "
                        "Name the one to use in the sync settings"
                    ),
                    url=client.url,
                    layer=layer,
                    candidates=listing(candidates),
                )
            )
        has_sites = client.probe_collection(candidates[0].id) if candidates else None
        if has_sites is None:
            raise ProtocolError(
                Message(
                    N_(
                        "the server at {url} has no collection for {layer}; it serves: {collections}. Publish "
                        "the central tables (see central/) or name the collection to use in the sync settings"
                    ),
                    url=client.url,
                    layer=layer,
                    collections=listing(collections),
                )
            )
        found.ids[layer], found.has_sites[layer], found.how[layer] = candidates[0].id, has_sites, LISTED
    if len(set(found.ids.values())) < len(found.ids):
        raise ProtocolError(
            Message(
                N_("both layers would sync with the server's collection {collection}: name a collection for each"),
                collection=next(iter(found.ids.values())),
            )
        )
    return found
