"""The demo's whole telephone world on loopback.

- the Twilio simulator (``probes.sim.twilio``), with two accounts: the
  prober's, owning its number ``PROBER_NUMBER``, and the company's;
- the company's phone lines and SMS number (``probes.sim.phoneline``), a
  TwiML application the simulator calls with signed webhooks.

``identity()`` gives the probes.yaml ``phone`` identity that points at it; the
prober's auth token is handed over in an environment variable, as a real one
would be.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import TextIO

from .phoneline import DEFAULT_HOLD_S, DEFAULT_SMS_HUMAN_DELAY_S, DemoPhoneLine, demo_numbers
from .twilio import TwilioSim

PROBER_NUMBER = "+15005550006"
PROBER_ACCOUNT_SID = "AC0000000000000000000000000000a001"
TOKEN_VARIABLE = "PROBES_DEMO_TWILIO_TOKEN"


class SimulatedPhone:
    """What every phone world on loopback shares: a Twilio simulator (``self.sim``) and the company's side,
    stopped together, and the probes.yaml ``phone`` identity of the prober's number. Subclasses set the
    prober's number, its account and the variable its auth token is handed over in, and list their parts."""

    prober_number = PROBER_NUMBER
    prober_account_sid = PROBER_ACCOUNT_SID
    token_variable = TOKEN_VARIABLE
    sim: TwilioSim | None = None

    def start(self):
        raise NotImplementedError

    def _parts(self) -> tuple:
        """What stop() stops, in order."""
        return (self.sim,)

    def stop(self) -> None:
        for part in self._parts():
            try:
                if part is not None:
                    part.stop()
            except Exception:  # noqa: BLE001 - stop the other all the same
                pass

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """The simulator's REST API (probes.yaml's ``api_base``)."""
        assert self.sim is not None, "start() first"
        return self.sim.base_url

    def identity(self, *, interactive: bool = True, webhook_port: int = 0) -> dict:
        """The probes.yaml phone identity for the prober's number (webhooks: interactive calls)."""
        ident: dict[str, object] = {"number": self.prober_number, "account_sid": self.prober_account_sid,
                                    "auth_token": "${" + self.token_variable + "}", "api_base": self.base_url,
                                    # The simulator posts a recording cut short by a hang-up at once, not
                                    # seconds later as Twilio does.
                                    "late_recordings_s": 2.0}
        if interactive:
            # On loopback Twilio (the simulator) reaches the prober directly: no tunnel needed.
            ident["webhooks"] = {"listen": f"127.0.0.1:{webhook_port}",
                                 "public_url": f"http://127.0.0.1:{webhook_port}"}
        return ident


class DemoPhone(SimulatedPhone):
    """The Twilio simulator and the company's TwiML application, wired to each other."""

    def __init__(self, *, hold_s: float = DEFAULT_HOLD_S, sms_human_delay_s: float = DEFAULT_SMS_HUMAN_DELAY_S,
                 time_scale: float = 1.0, speech_rate_wps: float = 2.5, sim_port: int = 0, line_port: int = 0,
                 greet_after_s: float | None = None, prober_sms_url: str | None = None,
                 echo: TextIO | None = None, log_path: str | Path | None = None):
        self.token = secrets.token_urlsafe(18)
        self.line = DemoPhoneLine(port=line_port, hold_s=hold_s, sms_human_delay_s=sms_human_delay_s)
        self._sim_port, self._time_scale, self._speech_rate_wps = sim_port, time_scale, speech_rate_wps
        self.sim: TwilioSim | None = None
        self.greet_after_s = greet_after_s   # the agents' breath before greeting (None: the simulator's default)
        self.prober_sms_url = prober_sms_url  # the prober's messaging webhook, as set in Twilio's console
        self._echo, self._log_path = echo, log_path   # the simulator's event log (see TwilioSim)

    def start(self) -> "DemoPhone":
        self.line.start()
        numbers = demo_numbers(self.line.base_url, PROBER_NUMBER, PROBER_ACCOUNT_SID, self.token)
        if self.prober_sms_url:
            numbers["numbers"][PROBER_NUMBER]["sms"] = {"url": self.prober_sms_url}
        if self.greet_after_s is not None:
            for spec in numbers["numbers"].values():
                if "person" in spec:
                    spec["person"]["greet_after"] = self.greet_after_s
        self.sim = TwilioSim(numbers, port=self._sim_port, time_scale=self._time_scale,
                             speech_rate_wps=self._speech_rate_wps, echo=self._echo,
                             log_path=self._log_path).start()
        self.line.api_base = self.sim.base_url
        os.environ[TOKEN_VARIABLE] = self.token
        return self

    def _parts(self) -> tuple:
        return (self.line, self.sim)
