"""A ``requests`` session that sends what QGIS itself would send: Auth Manager credentials,
QGIS's proxy, verified TLS.

Credentials: the Auth Manager's own ``updateNetworkRequest`` decorates a QNetworkRequest
exactly as it would for a QGIS layer (Basic -> ``Authorization: Basic``, EsriToken ->
``X-Esri-Authorization: Bearer``, OAuth2 -> ``Authorization: Bearer`` once a token is held);
its headers are copied onto the session. Nothing secret is ever logged or put in a message:
errors name the configuration by its name and id only.
"""

from typing import Dict, Optional, Tuple
from urllib.parse import quote, unquote, urlsplit

from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtNetwork import QNetworkRequest

from ..core.central_url import central_key, has_credentials
from .i18n import tr

# Methods that put their credentials in headers; the PKI methods work on the TLS layer.
HEADER_METHODS = ("Basic", "EsriToken", "OAuth2")


class NetworkSetupError(Exception):
    """The session cannot be prepared (unknown auth config, unsupported method or proxy)."""


def auth_label(authcfg: str) -> str:
    """How messages name an auth configuration: its name and id, never its content."""
    if not authcfg:
        return ""
    config = QgsAuthMethodConfig()
    manager = QgsApplication.authManager()
    if authcfg in manager.configIds() and manager.loadAuthenticationConfig(authcfg, config, False):
        return f"'{config.name()}' (id {authcfg})"
    return f"(id {authcfg})"


def auth_headers(authcfg: str, url: str) -> Dict[str, str]:
    """The headers the Auth Manager puts on a request to ``url`` for ``authcfg``."""
    if not authcfg:
        return {}
    manager = QgsApplication.authManager()
    if authcfg not in manager.configIds():
        raise NetworkSetupError(
            tr("the QGIS authentication configuration {id} does not exist in this profile").format(id=authcfg)
        )
    method = manager.configAuthMethodKey(authcfg)
    if method not in HEADER_METHODS:
        raise NetworkSetupError(
            tr("the authentication configuration {label} uses the {method} method; the sync supports {methods}").format(
                label=auth_label(authcfg), method=method, methods=", ".join(HEADER_METHODS)
            )
        )
    request = QNetworkRequest(QUrl(url))
    updated = manager.updateNetworkRequest(request, authcfg)
    if isinstance(updated, tuple):  # PyQGIS returns (ok, request)
        updated, request = updated[0], updated[1]
    if not updated:
        raise NetworkSetupError(
            tr(
                "QGIS could not apply the authentication configuration {label} (is the master password entered?)"
            ).format(label=auth_label(authcfg))
        )
    headers = {}
    for name in request.rawHeaderList():
        # Surrounding whitespace is not part of an HTTP field value (RFC 9110 5.5); QGIS 3.22's
        # EsriToken leaves a trailing blank that requests would send as is.
        headers[bytes(name).decode("latin-1")] = bytes(request.rawHeader(name)).decode("latin-1").strip()
    if not headers:
        raise NetworkSetupError(
            tr(
                "the authentication configuration {label} gave no credentials (an OAuth2 "
                "configuration must have been authorised in QGIS once)"
            ).format(label=auth_label(authcfg))
        )
    return headers


def proxies_for(url: str) -> Tuple[Optional[Dict[str, str]], bool]:
    """(proxies for requests, trust the environment) from QGIS's Options > Network > Proxy."""
    settings = QgsSettings()
    if not settings.value("proxy/proxyEnabled", False, type=bool):
        return {}, False
    excluded = [u for u in (settings.value("proxy/proxyExcludedUrls", "", type=str) or "").split("|") if u]
    if any(url.startswith(prefix) for prefix in excluded):
        return {}, False
    kind = settings.value("proxy/proxyType", "DefaultProxy", type=str)
    if kind == "DefaultProxy":
        return None, True  # the system's proxy: requests reads it from the environment
    host = settings.value("proxy/proxyHost", "", type=str)
    port = settings.value("proxy/proxyPort", "", type=str)
    if not host:
        return {}, False
    if kind not in ("HttpProxy", "HttpCachingProxy"):
        raise NetworkSetupError(
            tr("the QGIS proxy type {kind} is not supported by the sync; use an HTTP proxy").format(kind=kind)
        )
    user = settings.value("proxy/proxyUser", "", type=str)
    password = settings.value("proxy/proxyPassword", "", type=str)
    credentials = f"{quote(user, safe='')}:{quote(password, safe='')}@" if user else ""
    proxy = f"http://{credentials}{host}" + (f":{port}" if port else "")
    return {"http": proxy, "https": proxy}, False


def requests_session(url: str, authcfg: str = ""):
    """A requests.Session for the central server at ``url``; returns (session, auth label)."""
    import requests

    if urlsplit(url).scheme not in ("http", "https"):
        raise NetworkSetupError(f"{url!r} is not an http(s) URL")
    session = requests.Session()
    session.verify = True  # never turned off
    proxies, trust_env = proxies_for(url)
    session.trust_env = trust_env
    if proxies:
        session.proxies.update(proxies)
    session.headers.update(auth_headers(authcfg, url))
    session.headers["User-Agent"] = "PaserSmartCity-QGIS-plugin"
    return session, auth_label(authcfg)


def move_credentials_to_auth_config(url: str) -> Tuple[str, str]:
    """Put the user name and password typed into ``url`` into a new Basic configuration of the
    QGIS Auth Manager, where QGIS keeps them encrypted; returns (the URL without them, the
    configuration's id). QGIS asks for its master password first if it has not been entered."""
    if not has_credentials(url):
        raise NetworkSetupError(tr("the URL holds no user name or password"))
    parts = urlsplit(url.strip())
    clean = central_key(url)
    manager = QgsApplication.authManager()
    if manager.isDisabled():
        raise NetworkSetupError(
            tr("the QGIS authentication system is not available: {reason}").format(reason=manager.disabledMessage())
        )
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword(True):
        raise NetworkSetupError(tr("the QGIS master password was not entered: nothing was stored"))
    config = QgsAuthMethodConfig("Basic")
    config.setName(tr("Paser Smart City central ({host})").format(host=urlsplit(clean).netloc))
    config.setUri(clean)
    config.setConfig("username", unquote(parts.username or ""))
    config.setConfig("password", unquote(parts.password or ""))
    stored = manager.storeAuthenticationConfig(config)
    if not (stored[0] if isinstance(stored, tuple) else stored) or not config.id():
        raise NetworkSetupError(tr("QGIS could not store the authentication configuration"))
    return clean, config.id()
