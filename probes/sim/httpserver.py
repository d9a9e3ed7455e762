"""The simulators' HTTP server: handler threads never joined on close, and no traceback when a client hangs up."""
from __future__ import annotations

import sys
from http.server import ThreadingHTTPServer


class QuietServer(ThreadingHTTPServer):
    # Handler threads must never be joined on close: one may be parked in a slow endpoint or on an idle
    # browser pre-connect.
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:
        # Browsers, callers and webhook clients drop connections all the time; that is not worth a traceback.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)
