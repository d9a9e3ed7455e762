"""``TwilioSim``: the simulator as one object a test, a demo or the CLI starts and stops.

It serves the REST API and runs the simulated network on one asyncio loop in
a background thread, so synchronous callers (the official SDK, pytest, the
prober's channels) use it like the real service. ``events`` is the network's
own record of what happened and when, for assertions and benchmarks.
"""
from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, TextIO

from aiohttp import web

from probes.sim.twilio.events import Clock, EventLog, EventWriter, SimEvent
from probes.sim.twilio.faults import Faults
from probes.sim.twilio.network import Network
from probes.sim.twilio.numbers import AccountSpec, Numbers, load_numbers
from probes.sim.twilio.rest import make_app

__all__ = ["TwilioSim", "main", "DEFAULT_PORT"]

DEFAULT_PORT = 8793


class TwilioSim:
    """A Twilio-compatible REST API and telephone network on loopback.

    ``numbers`` is a Numbers model, a dict of the numbers-file shape, or a path to a numbers file.
    ``time_scale`` multiplies every simulated duration (0.1: a 10 s ring takes 1 s).
    ``faults`` cues Twilio's 500/503/429 for the next requests to a route (``sim.faults.add(...)``, or
    ``POST /_sim/faults`` from another process; see faults.py).
    ``echo`` (a text stream, e.g. sys.stdout) gets every event as a line of clear text while calls run;
    ``log_path`` gets them as JSON lines (appended; see events.event_json).
    """

    def __init__(self, numbers: Numbers | dict | str | Path, host: str = "127.0.0.1", port: int = 0,
                 speech_rate_wps: float = 2.5, time_scale: float = 1.0, echo: TextIO | None = None,
                 log_path: str | Path | None = None):
        self.numbers = load_numbers(numbers)
        self.host, self.port = host, port
        self.clock = Clock(time_scale)
        self.log = EventLog()
        self._writer = EventWriter(self.log, echo, log_path) if echo is not None or log_path is not None else None
        self.net = Network(self.numbers, self.clock, self.log, speech_rate_wps)
        self.faults = Faults()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # --- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> TwilioSim:
        """Serve in a background thread; returns once the port is open."""
        if self._thread is not None:
            return self
        if self.port == 0:  # pick the port here so base_url is known before the loop starts
            with socket.socket() as s:
                s.bind((self.host, 0))
                self.port = s.getsockname()[1]
        self.net.set_base_url(self.base_url)
        self._thread = threading.Thread(target=self._serve, name="twilio-sim", daemon=True)
        self._thread.start()
        self._ready.wait(10)
        if self._error is not None:
            self._thread.join(5)
            self._thread = None
            raise RuntimeError(f"Twilio simulator could not start on {self.host}:{self.port}: {self._error}")
        return self

    def stop(self) -> None:
        """Hang up everything, stop serving, join the thread."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        future = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
        try:
            future.result(10)
        except Exception:  # noqa: BLE001 - stopping must not fail the caller
            pass
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._thread = self._loop = None
        if self._writer is not None:
            self._writer.close()

    def __enter__(self) -> TwilioSim:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def _serve(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        try:
            self._runner = web.AppRunner(make_app(self.net, self.faults), access_log=None)
            loop.run_until_complete(self._runner.setup())
            site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
            loop.run_until_complete(site.start())
        except BaseException as exc:  # noqa: BLE001 - reported by start()
            self._error = exc
            self._ready.set()
            loop.close()
            return
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def _shutdown(self) -> None:
        await self.net.shutdown()
        if self._runner is not None:
            await self._runner.cleanup()
        pending = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    # --- what callers read ---------------------------------------------------------------------------
    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def accounts(self) -> dict[str, AccountSpec]:
        """The numbers file's accounts by name (sid, auth_token)."""
        return dict(self.numbers.accounts)

    @property
    def events(self) -> list[SimEvent]:
        """A snapshot of everything that happened so far, oldest first."""
        return self.log.snapshot()

    def describe(self) -> list[str]:
        """What the CLI prints: the base URL, the accounts' SIDs (never their tokens), the numbers."""
        lines = [f"Twilio simulator: {self.base_url}"]
        lines += [f"  account {name}: {account.sid}" for name, account in self.numbers.accounts.items()]
        for number, spec in self.numbers.numbers.items():
            role = (f"{spec.account}'s number" if spec.account else f"{spec.person.name} (a person)" if spec.person
                    else "busy" if spec.busy else "never answers")
            lines.append(f"  {number}: {role}")
        u = self.numbers.unknown_numbers
        lines.append("  any other number: " + (f"{u.person.name} (a person)" if not isinstance(u, str)
                                               else {"failed": "not in service (fails)"}.get(u, u.replace("_", " "))))
        return lines

    def wait_for(self, predicate: Callable[[SimEvent], bool] | None = None, timeout_s: float = 10.0,
                 **match: Any) -> SimEvent | None:
        """The first event (already logged or still to come) matching ``predicate`` and field values.

        ``sim.wait_for(kind="status", call_sid=sid, text="completed", timeout_s=5)``
        """
        def ok(event: SimEvent) -> bool:
            return all(getattr(event, k) == v for k, v in match.items()) and (predicate is None or predicate(event))

        return self.log.wait_for(ok, timeout_s)


def main(argv: list[str] | None = None) -> None:
    """``python -m probes.sim.twilio --numbers numbers.yaml``: serve until Ctrl-C."""
    parser = argparse.ArgumentParser(prog="python -m probes.sim.twilio",
                                     description="Serve a Twilio-compatible REST API and telephone network.")
    parser.add_argument("--numbers", required=True, help="the numbers file (YAML)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT)
    parser.add_argument("--time-scale", type=float, default=1.0, help="multiplies every simulated duration")
    parser.add_argument("--log", default=None, help="also append every event to this file as JSON lines")
    args = parser.parse_args(argv)
    from probes.yamlsource import InputError

    try:
        sim = TwilioSim(args.numbers, host=args.host, port=args.port, time_scale=args.time_scale,
                        echo=sys.stdout, log_path=args.log)
    except InputError as err:
        print(err, file=sys.stderr)
        raise SystemExit(2) from None
    with sim:
        try:  # Ctrl-C as soon as the SIDs are printed is a clean stop too
            print("\n".join(sim.describe()), flush=True)
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            print("Stopped.")
