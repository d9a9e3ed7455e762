"""The simulator's numbers file: which Twilio accounts exist and what answers each phone number.

One YAML file (or a dict of the same shape) describes the whole simulated
telephone network, so a test or a demo can say in a few lines "this number is
the company's IVR, this one is a person called Anna, this one is busy"::

    accounts:
      prober:  {sid: AC0000000000000000000000000000a001, auth_token: ${PROBES_TWILIO_TOKEN}}
      company: {sid: AC0000000000000000000000000000a002, auth_token: company-secret}
    numbers:
      "+15005550006": {account: prober}
      "+18005550100": {account: company, voice: {url: "http://127.0.0.1:8791/voice"},
                       sms: {url: "http://127.0.0.1:8791/sms"}}
      "+18005550109": {account: company, voice: {twiml: ivr.xml}}
      "+18005550190": {person: {name: Anna, answer_after: 1s, greet_after: 1.5s, greeting: "Hello, this is Anna."}}
      "+18005550111": {busy: true}
      "+18005550122": {no_answer: true}
    unknown_numbers: no_answer        # failed (the default) | busy | no_answer | {person: {...}}

A number is exactly one of: owned by an account (optionally with a voice
and/or an SMS application), a simulated person, busy, or never answering.
``unknown_numbers`` says what a call to a number the file does not list
meets (every such call is logged as an ``unknown_number`` event).
Errors name the file, line and field, like every other input file of the
project.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from probes.durations import Duration
from probes.yamlsource import InputError, SourceDoc, load_yaml, validate

__all__ = ["Numbers", "AccountSpec", "AppSpec", "PersonSpec", "NumberSpec", "UnknownPerson", "load_numbers",
           "E164", "bare_number"]

E164 = re.compile(r"^\+[1-9]\d{1,14}$")
ACCOUNT_SID = re.compile(r"^AC[0-9a-fA-F]{32}$")
_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def bare_number(address: str) -> str:
    """``whatsapp:+1555…`` → ``+1555…``: WhatsApp addresses route like the number inside them."""
    return address.split(":", 1)[1] if address.startswith("whatsapp:") else address


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AccountSpec(_Strict):
    """A Twilio account the simulator knows: its SID and auth token (literal or ``${VAR}``)."""

    sid: str
    auth_token: str = Field(repr=False)

    @field_validator("sid")
    @classmethod
    def _sid(cls, v: str) -> str:
        if not ACCOUNT_SID.match(v):
            raise ValueError(f"'{v}' is not an account SID (AC followed by 32 hex digits)")
        return v

    @field_validator("auth_token")
    @classmethod
    def _token(cls, v: str, info: ValidationInfo) -> str:
        env = (info.context or {}).get("environ") or os.environ

        def sub(m: re.Match) -> str:
            if m.group(1) not in env:
                raise ValueError(f"environment variable {m.group(1)} is not set")
            return env[m.group(1)]

        v = _ENV_REF.sub(sub, v)
        if not v:
            raise ValueError("the auth token is empty")
        return v


class AppSpec(_Strict):
    """Where a number's calls or messages go: a webhook URL, or TwiML (a file or inline XML)."""

    url: str | None = None
    method: Literal["GET", "POST"] = "POST"
    twiml: str | None = Field(None, description="a TwiML file (relative to the numbers file) or inline <Response>")

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^https?://[^/\s]+", v):
            raise ValueError(f"'{v}' is not an http(s) URL")
        return v

    @field_validator("twiml")
    @classmethod
    def _twiml(cls, v: str | None, info: ValidationInfo) -> str | None:
        if v is None or v.lstrip().startswith("<"):
            return v
        base = Path((info.context or {}).get("base_dir") or ".")
        path = (base / v) if not Path(v).is_absolute() else Path(v)
        try:
            return path.read_text(encoding="utf-8")
        except OSError as exc:
            raise ValueError(f"cannot read TwiML file {path}: {exc.strerror or exc}") from None

    @model_validator(mode="after")
    def _one_source(self) -> AppSpec:
        if (self.url is None) == (self.twiml is None):
            raise ValueError("give exactly one of url or twiml")
        return self


class PersonSpec(_Strict):
    """A simulated person: answers after a while, greets once connected, hangs up eventually."""

    name: str
    answer_after: Duration = 1.0
    greeting: str
    # People draw breath once the line connects; without the pause, the tail of a hold message and the
    # greeting would reach a speech Gather as one sentence.
    greet_after: Duration = Field(1.5, description="from being connected to starting the greeting")
    hangup_after: Duration = Field(60.0, description="from answering")


class NumberSpec(_Strict):
    """What one phone number is in the simulated network."""

    account: str | None = None
    voice: AppSpec | None = None
    sms: AppSpec | None = None
    person: PersonSpec | None = None
    busy: bool = False
    no_answer: bool = False
    friendly_name: str | None = None

    @model_validator(mode="after")
    def _one_role(self) -> NumberSpec:
        roles = [name for name, on in (("account", self.account is not None), ("person", self.person is not None),
                                       ("busy", self.busy), ("no_answer", self.no_answer)) if on]
        if len(roles) != 1:
            raise ValueError("a number is exactly one of: account (owned), person, busy: true, no_answer: true"
                             + (f"; this one has {', '.join(roles)}" if roles else ""))
        if (self.voice or self.sms) and self.account is None:
            raise ValueError("voice and sms applications need the number to be owned by an account")
        return self

    @property
    def owned(self) -> bool:
        return self.account is not None


class UnknownPerson(_Strict):
    """``unknown_numbers: {person: {...}}``: the same simulated person answers every unknown number."""

    person: PersonSpec


class Numbers(_Strict):
    """The whole numbers file."""

    accounts: dict[str, AccountSpec] = Field(min_length=1)
    numbers: dict[str, NumberSpec] = Field(default_factory=dict)
    # What a number the file does not list does. "failed": not in service (SIP 404) after half a second.
    unknown_numbers: Literal["failed", "busy", "no_answer"] | UnknownPerson = "failed"

    def unknown_spec(self) -> NumberSpec | None:
        """How an unknown number behaves, as a numbers-file entry (None: the call fails)."""
        u = self.unknown_numbers
        if isinstance(u, UnknownPerson):
            return NumberSpec(person=u.person)
        return {"busy": NumberSpec(busy=True), "no_answer": NumberSpec(no_answer=True)}.get(u)

    @field_validator("numbers")
    @classmethod
    def _e164(cls, v: dict[str, NumberSpec]) -> dict[str, NumberSpec]:
        for number in v:
            if not E164.match(str(number)):
                raise ValueError(_not_e164(number))
        return v

    @model_validator(mode="after")
    def _known_accounts(self) -> Numbers:
        if problem := next(iter(self.problems()), None):
            raise ValueError(problem[1])
        return self

    def problems(self) -> list[tuple[tuple, str]]:
        """Cross-references that do not hold, as (location, message)."""
        out: list[tuple[tuple, str]] = []
        seen: dict[str, str] = {}
        for name, acc in self.accounts.items():
            if acc.sid in seen:
                out.append((("accounts", name, "sid"), f"the same sid as account '{seen[acc.sid]}'"))
            seen.setdefault(acc.sid, name)
        for number, spec in self.numbers.items():
            if spec.account is not None and spec.account not in self.accounts:
                out.append((("numbers", number, "account"),
                            f"unknown account '{spec.account}'; accounts: {', '.join(self.accounts)}"))
        return out

    def account_by_sid(self, sid: str) -> tuple[str, AccountSpec] | None:
        for name, acc in self.accounts.items():
            if acc.sid == sid:
                return name, acc
        return None

    def number(self, address: str) -> NumberSpec | None:
        """The entry for a number or a ``whatsapp:`` address, None when it is not in the file."""
        return self.numbers.get(bare_number(address))


def load_numbers(source: str | Path | dict | Numbers, base_dir: str | Path | None = None,
                 environ: dict[str, str] | None = None) -> Numbers:
    """Read and check a numbers file (YAML path) or dict; raises InputError naming file, line and field.

    TwiML file names are relative to the numbers file (for a dict: to ``base_dir``, default the
    working directory). ``${VAR}`` in auth tokens is read from ``environ`` (default os.environ).
    """
    if isinstance(source, Numbers):
        return source
    if isinstance(source, dict):
        doc = SourceDoc("<numbers>", dict(source))
        base = Path(base_dir) if base_dir else Path.cwd()
    else:
        doc = load_yaml(source)
        base = Path(base_dir) if base_dir else Path(source).resolve().parent
        if not isinstance(doc.data, dict):
            raise InputError([doc.problem((), "expected a mapping with accounts: and numbers:")])
    _check_number_keys(doc)
    # Unknown accounts are reported at the number that names them (the model alone can only say "somewhere").
    crossed = _cross_reference_problems(doc)
    try:
        result = validate(Numbers, doc, context={"base_dir": str(base), "environ": environ})
    except InputError as err:
        raise InputError(crossed + [p for p in err.problems if all(p.message != c.message for c in crossed)]) from None
    if crossed:
        raise InputError(crossed)
    assert isinstance(result, Numbers)
    return result


def _not_e164(number: object) -> str:
    return f"'{number}' is not a phone number in E.164 form like +18005550100"


def _cross_reference_problems(doc: SourceDoc) -> list:
    data = doc.data if isinstance(doc.data, dict) else {}
    accounts = found if isinstance(found := data.get("accounts"), dict) else {}
    numbers = found if isinstance(found := data.get("numbers"), dict) else {}
    out = []
    for number, spec in numbers.items():
        if isinstance(spec, dict) and isinstance(spec.get("account"), str) and spec["account"] not in accounts:
            out.append(doc.problem(("numbers", number, "account"),
                                   f"unknown account '{spec['account']}'; accounts: {', '.join(map(str, accounts))}"))
    return out


def _check_number_keys(doc: SourceDoc) -> None:
    numbers = doc.data.get("numbers") if isinstance(doc.data, dict) else None
    if not isinstance(numbers, dict):
        return
    problems = []
    fixed = {}
    for k, v in numbers.items():
        if isinstance(k, int):  # an unquoted +18005550100 in YAML is an int
            problems.append(doc.problem(("numbers", k), f"{k}: write phone numbers as quoted strings like \"+{k}\""))
        elif not E164.match(str(k)):
            problems.append(doc.problem(("numbers", k), _not_e164(k)))
        fixed[str(k)] = v
    if problems:
        raise InputError(problems)
    doc.data["numbers"] = fixed
