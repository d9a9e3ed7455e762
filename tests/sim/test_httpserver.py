"""The simulators' HTTP server: a client that hangs up is no traceback in the test output; a real error still is."""
import io
import sys
from http.server import BaseHTTPRequestHandler

from probes.sim.httpserver import QuietServer
from probes.sim.twilio.appserver import AppServer


def _errors_printed(exc: BaseException, monkeypatch) -> str:
    server = QuietServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stderr", out)
    try:
        raise exc
    except BaseException:
        server.handle_error(None, ("127.0.0.1", 1))
    finally:
        server.server_close()
    return out.getvalue()


def test_a_client_hanging_up_prints_nothing_and_a_bug_prints_its_traceback(monkeypatch):
    assert _errors_printed(BrokenPipeError(32, "Broken pipe"), monkeypatch) == ""
    assert _errors_printed(ConnectionResetError(104, "reset"), monkeypatch) == ""
    assert "ZeroDivisionError" in _errors_printed(ZeroDivisionError("a bug"), monkeypatch)


def test_the_twilio_app_server_uses_it():
    app = AppServer("token")
    try:
        assert isinstance(app._httpd, QuietServer)
    finally:
        app._httpd.server_close()
