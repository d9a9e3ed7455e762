"""A phone menu (IVR) written for the tests, not the demo's: a small TwiML app on loopback behind the simulator.

It has what real menus have and the prober must tell apart: a main menu whose
prompt loops, informational speech after a key press, ``*`` back to the main
menu, a ``<Dial>`` to a number nobody has, a branch whose webhook fails (HTTP
500, so Twilio says "an application error has occurred" and logs 11200), a
branch with TwiML that does not parse (12100) and a person to reach. Every URL
in its TwiML is relative, as in most real apps.

The URL layout (all under ``/ivr/``; the number's voice URL is ``/ivr/voice``)
and what each key does:

- ``voice``: the main menu, ``<Gather numDigits="1" action="menu">`` around
  ``<Say loop="3">MAIN_MENU</Say>``; nothing pressed: ``NO_CHOICE`` and hang up.
- ``menu`` (the main menu's key):
  1 directions: ``DIRECTIONS`` (information), then ``<Gather action="directions">``
    around ``BACK_HINT`` ("press star" to return), then ``GOODBYE`` and hang up;
  2 billing: redirect to ``billing``, a second menu level (``BILLING_MENU``,
    ``<Say loop="2">``): 1 ``HOLD_MESSAGE`` and ``<Dial>`` the agent (a simulated
    person, ``AGENT_GREETING``), ``*`` back to ``voice``, anything else repeats it;
  3 repairs: ``PARTNER_MESSAGE`` and ``<Dial>`` ``UNKNOWN_NUMBER`` (not in the numbers
    file: what ``unknown_numbers`` says), then ``dialled``;
  4 order tracking: redirect to ``orders``, which answers HTTP 500 (error 11200);
  5 returns: redirect to ``returns``, which answers TwiML that does not parse (12100);
  0 operator: ``OPERATOR_MESSAGE`` and ``<Dial>`` the agent;
  ``*``: the main menu again; anything else: ``INVALID`` and the main menu again.
- ``directions``: ``*`` back to ``voice``; anything else ``GOODBYE`` and hang up.
- ``dialled`` (a ``<Dial>``'s action): completed: hang up; otherwise ``NOBODY`` and hang up.

``IvrPhone`` starts the app and a Twilio simulator with the prober's account and
number, the company's account owning ``IVR_NUMBER``, and the agent on ``AGENT_NUMBER``.
"""
from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any, TextIO

from .phonenet import SimulatedPhone
from .twilio import TwilioSim
from .twilio.appserver import AppServer

__all__ = ["IvrPhone", "ivr_routes", "IVR_NUMBER", "AGENT_NUMBER", "UNKNOWN_NUMBER", "PROBER_NUMBER",
           "PROBER_ACCOUNT_SID", "COMPANY_ACCOUNT_SID", "TOKEN_VARIABLE", "MAIN_MENU", "DIRECTIONS",
           "BACK_HINT", "GOODBYE", "BILLING_MENU", "HOLD_MESSAGE", "AGENT_GREETING", "PARTNER_MESSAGE",
           "OPERATOR_MESSAGE", "NOBODY", "NO_CHOICE", "INVALID"]

PROBER_NUMBER = "+15005550006"
PROBER_ACCOUNT_SID = "AC0000000000000000000000000000b001"
COMPANY_ACCOUNT_SID = "AC0000000000000000000000000000b002"
IVR_NUMBER = "+18005550400"
AGENT_NUMBER = "+18005550490"
UNKNOWN_NUMBER = "+18005550477"   # deliberately missing from the numbers file
TOKEN_VARIABLE = "PROBES_TEST_IVR_TWILIO_TOKEN"

MAIN_MENU = ("Thank you for calling Contoso Electronics. For directions to our store, press 1. "
             "For billing, press 2. For repairs, press 3. To track an order, press 4. "
             "For returns, press 5. For the operator, press 0.")
DIRECTIONS = ("Our store is at 12 Harbour Street, next to the central station. "
              "We are open from nine in the morning to six in the evening, Monday to Saturday.")
BACK_HINT = "To return to the main menu, press star."
GOODBYE = "Thank you for calling Contoso Electronics. Goodbye."
BILLING_MENU = "Billing. To speak to a billing agent, press 1. To return to the main menu, press star."
HOLD_MESSAGE = "Please hold while we connect you to a billing agent."
AGENT_GREETING = "Hello, my name is Sam in billing. How can I help you today?"
PARTNER_MESSAGE = "Connecting you to our repair partner."
OPERATOR_MESSAGE = "Connecting you to the operator."
NOBODY = "Sorry, nobody could take your call. Goodbye."
NO_CHOICE = "We did not receive a choice. Goodbye."
INVALID = "Sorry, that is not a valid choice."
COMPANY_TOKEN = "contoso-company-secret"


def _doc(*verbs: str) -> str:
    return "<Response>" + "".join(verbs) + "</Response>"


def ivr_routes(agent_timeout_s: int = 20, partner_timeout_s: int = 15) -> dict[str, Any]:
    """The app's path → TwiML table (for ``AppServer``)."""
    hang_up = "<Hangup/>"
    main = _doc(f'<Gather numDigits="1" action="menu" timeout="5"><Say loop="3">{MAIN_MENU}</Say></Gather>',
                f"<Say>{NO_CHOICE}</Say>", hang_up)
    billing = _doc(f'<Gather numDigits="1" action="billing-choice" timeout="5">'
                   f'<Say loop="2">{BILLING_MENU}</Say></Gather>', f"<Say>{GOODBYE}</Say>", hang_up)
    dial_agent = f'<Dial action="dialled" timeout="{agent_timeout_s}">{AGENT_NUMBER}</Dial>'

    def menu(p: dict[str, str]) -> str:
        return {
            "1": _doc(f"<Say>{DIRECTIONS}</Say>",
                      f'<Gather numDigits="1" action="directions" timeout="3"><Say>{BACK_HINT}</Say></Gather>',
                      f"<Say>{GOODBYE}</Say>", hang_up),
            "2": _doc("<Redirect>billing</Redirect>"),
            "3": _doc(f"<Say>{PARTNER_MESSAGE}</Say>",
                      f'<Dial action="dialled" timeout="{partner_timeout_s}">{UNKNOWN_NUMBER}</Dial>'),
            "4": _doc("<Redirect>orders</Redirect>"),
            "5": _doc("<Redirect>returns</Redirect>"),
            "0": _doc(f"<Say>{OPERATOR_MESSAGE}</Say>", dial_agent),
            "*": _doc("<Redirect>voice</Redirect>"),
        }.get(p.get("Digits", ""), _doc(f"<Say>{INVALID}</Say>", "<Redirect>voice</Redirect>"))

    def billing_choice(p: dict[str, str]) -> str:
        return {"1": _doc(f"<Say>{HOLD_MESSAGE}</Say>", dial_agent),
                "*": _doc("<Redirect>voice</Redirect>")}.get(p.get("Digits", ""), _doc("<Redirect>billing</Redirect>"))

    def directions(p: dict[str, str]) -> str:
        return _doc("<Redirect>voice</Redirect>") if p.get("Digits") == "*" else _doc(f"<Say>{GOODBYE}</Say>",
                                                                                     hang_up)

    def dialled(p: dict[str, str]) -> str:
        return _doc(hang_up) if p.get("DialCallStatus") == "completed" else _doc(f"<Say>{NOBODY}</Say>", hang_up)

    return {"/ivr/voice": main, "/ivr/menu": menu, "/ivr/billing": billing, "/ivr/billing-choice": billing_choice,
            "/ivr/directions": directions, "/ivr/dialled": dialled,
            "/ivr/orders": (500, "Internal Server Error"),                 # the app is down: 11200
            "/ivr/returns": "<Response><Say>Returns are easy</Say></Respons>",  # not XML: 12100
            "/status": "<Response/>"}


class IvrPhone(SimulatedPhone):
    """The test IVR and a Twilio simulator around it, started and stopped together.

    ``unknown_numbers`` is the numbers file's setting for ``UNKNOWN_NUMBER`` (key 3): "failed",
    "busy", "no_answer" or ``{"person": {...}}``. ``echo``/``log_path`` as in ``TwilioSim``.
    The prober's auth token is random and handed over in ``TOKEN_VARIABLE``, as a real one would be.
    """

    prober_number = PROBER_NUMBER
    prober_account_sid = PROBER_ACCOUNT_SID
    token_variable = TOKEN_VARIABLE

    def __init__(self, *, time_scale: float = 1.0, speech_rate_wps: float = 2.5,
                 unknown_numbers: str | dict = "failed", agent_answer_after_s: float = 2.0,
                 agent_greet_after_s: float = 1.0, agent_hangup_after_s: float = 120.0,
                 echo: TextIO | None = None, log_path: str | Path | None = None):
        self.token = secrets.token_urlsafe(18)
        self.app = AppServer([COMPANY_TOKEN], ivr_routes())
        self.time_scale, self.speech_rate_wps = time_scale, speech_rate_wps
        self._echo, self._log_path = echo, log_path
        self.unknown_numbers = unknown_numbers
        self.agent = {"name": "Sam", "answer_after": agent_answer_after_s, "greet_after": agent_greet_after_s,
                      "hangup_after": agent_hangup_after_s, "greeting": AGENT_GREETING}
        self.sim: TwilioSim | None = None

    def numbers(self) -> dict:
        """The numbers file (as a dict) the simulator runs."""
        return {"accounts": {"prober": {"sid": PROBER_ACCOUNT_SID, "auth_token": self.token},
                             "company": {"sid": COMPANY_ACCOUNT_SID, "auth_token": COMPANY_TOKEN}},
                "numbers": {PROBER_NUMBER: {"account": "prober"},
                            IVR_NUMBER: {"account": "company",
                                         "voice": {"url": self.app.url("/ivr/voice")}},
                            AGENT_NUMBER: {"person": dict(self.agent)}},
                "unknown_numbers": self.unknown_numbers}

    def start(self) -> IvrPhone:
        self.app.start()
        try:
            self.sim = TwilioSim(self.numbers(), time_scale=self.time_scale, speech_rate_wps=self.speech_rate_wps,
                                 echo=self._echo, log_path=self._log_path).start()
        except BaseException:
            self.app.stop()
            raise
        os.environ[TOKEN_VARIABLE] = self.token
        return self

    def _parts(self) -> tuple:
        return (self.sim, self.app)

    def target(self) -> dict:
        """A probes.yaml target whose phone is the IVR (its number, and the agent's, on the allowlist)."""
        return {"name": "Contoso Electronics (test IVR)", "timezone": "UTC",
                "endpoints": {"phone": IVR_NUMBER}, "allowlist": [IVR_NUMBER, AGENT_NUMBER]}

    def config(self, reports: str | Path, *, interactive: bool = True, webhook_port: int = 0):
        """A whole configuration: the target "ivr" (``target()``) and the identity "shopper" (``identity()``)."""
        from probes.config import Config

        return Config.model_validate({
            "settings": {"reports_dir": str(reports), "ledger": f"sqlite:///{Path(reports).resolve() / 'ledger.db'}"},
            "targets": {"ivr": self.target()},
            "identities": {"shopper": {"phone": self.identity(interactive=interactive, webhook_port=webhook_port)}}})
