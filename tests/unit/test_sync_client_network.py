"""The sync client against real sockets on loopback: the timeout is a deadline, retries are
reported, and a TLS failure is told in words an officer can act on (issue 10, section 4)."""

import json
import os
import socket
import ssl
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from central.servers import free_port
from paser_smartcity_plugin.core.sync import OgcApiClient, ServerError

LIBRARY_WORDS = ("SSLError", "Caused by", "CertificateError", "certificate verify failed", "_ssl.c", "Max retries")


@pytest.fixture
def silent_server():
    """Accepts connections and never answers."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    accepted = []
    stop = threading.Event()

    def accept():
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                accepted.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", accepted
    stop.set()
    thread.join(5)
    for conn in accepted:
        conn.close()
    listener.close()


def test_the_timeout_is_what_the_officer_waits_in_all_retries_included(silent_server):
    url, accepted = silent_server
    client = OgcApiClient(url, timeout=1.0, retries=3, backoff=0.05)
    with pytest.raises(ServerError) as caught:
        client.conformance()
    # One try took the whole second: no second try of another second (the old client made 4).
    assert client.requests_made == 1
    assert len(accepted) == 1
    assert "within 1 s (tried 1 time)" in str(caught.value)


class _Flaky(BaseHTTPRequestHandler):
    failures = 2

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        cls = type(self)
        code, body = (503, b"{}") if cls.failures > 0 else (200, json.dumps({"conformsTo": []}).encode())
        cls.failures -= 1
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_retries_are_told_as_progress():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Flaky)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    said = []
    try:
        client = OgcApiClient(
            f"http://127.0.0.1:{server.server_port}", retries=3, backoff=0.01, on_retry=lambda m: said.append(str(m))
        )
        assert client.conformance() == []
    finally:
        server.shutdown()
        server.server_close()
    assert said == ["retrying 2/4", "retrying 3/4"]


# ---------------------------------------------------------------- TLS


def _openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A self-signed certificate, and a regency CA that signed one for 127.0.0.1 and one for another name."""
    folder = str(tmp_path_factory.mktemp("tls"))
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl(
        "req",
        "-x509",
        *ec,
        "-keyout",
        "self.key",
        "-out",
        "self.pem",
        "-days",
        "2",
        "-subj",
        "/CN=127.0.0.1",
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        cwd=folder,
    )
    _openssl(
        "req",
        "-x509",
        *ec,
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=Paser test CA",
        cwd=folder,
    )
    for name, san in (("ip", "IP:127.0.0.1"), ("other", "DNS:gis.example.org")):
        with open(os.path.join(folder, f"{name}.ext"), "w") as ext:
            ext.write(f"subjectAltName={san}\n")
        _openssl("req", *ec, "-keyout", f"{name}.key", "-out", f"{name}.csr", "-subj", f"/CN={name}", cwd=folder)
        _openssl(
            "x509",
            "-req",
            "-in",
            f"{name}.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            f"{name}.pem",
            "-days",
            "2",
            "-extfile",
            f"{name}.ext",
            cwd=folder,
        )
    return folder


class _Landing(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        body = json.dumps({"conformsTo": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def tls_server(certificates):
    servers = []

    def start(name):
        server = ThreadingHTTPServer(("127.0.0.1", free_port()), _Landing)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.path.join(certificates, f"{name}.pem"), os.path.join(certificates, f"{name}.key"))
        server.socket = context.wrap_socket(server.socket, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"https://127.0.0.1:{server.server_port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def _session(certificates=None):
    session = requests.Session()
    if certificates:
        session.trust_env = False  # else REQUESTS_CA_BUNDLE would replace the CA we trust here
        session.verify = os.path.join(certificates, "ca.pem")
    return session


@pytest.mark.parametrize(
    "certificate, trust_ca, expected",
    [
        ("self", False, "self-signed"),
        ("ip", False, "issued by an authority this computer does not know"),
        ("other", True, "made out to another name"),
    ],
)
def test_a_tls_failure_says_what_is_wrong_and_what_to_do(tls_server, certificates, certificate, trust_ca, expected):
    session = _session(certificates if trust_ca else None)
    client = OgcApiClient(tls_server(certificate), session=session, retries=0)
    with pytest.raises(ServerError) as caught:
        client.conformance()
    text = str(caught.value)
    assert expected in text
    assert "127.0.0.1" in text
    assert not [word for word in LIBRARY_WORDS if word in text], text


def test_a_certificate_from_a_trusted_authority_works(tls_server, certificates):
    session = _session(certificates)
    assert OgcApiClient(tls_server("ip"), session=session, retries=0).conformance() == []
