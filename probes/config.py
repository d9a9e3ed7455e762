"""probes.yaml: targets (companies), their endpoints and allowlists, and settings.

Secrets never live in this file: values that could hold one are written as
``${ENV_VAR}`` references and resolved from the environment when used.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import zoneinfo
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .yamlsource import InputError, Problem, SourceDoc, load_yaml, validate

CONFIG_NAME = "probes.yaml"
ENV_REF = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)\}")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def expand_env(value: str, environ: dict[str, str] | None = None) -> str:
    """Replace ``${VAR}`` references with environment values; a missing one is an error."""
    env = os.environ if environ is None else environ

    def sub(m: re.Match) -> str:
        if m.group(1) not in env:
            raise InputError([Problem("environment", 0, m.group(1),
                                      f"environment variable {m.group(1)} is not set")])
        return env[m.group(1)]

    return ENV_REF.sub(sub, value)


class BrowserSettings(Strict):
    """How the prober starts Chromium. Every key is optional."""

    executable_path: str | None = Field(
        None, description="Chromium binary; auto-detected (Playwright's own, then /usr/bin/chromium) when unset")
    headless: bool = True
    args: list[str] = Field(default_factory=list, description="extra launch flags, added to the defaults")
    trace: bool = Field(True, description="keep a Playwright trace of every browser step")


class Settings(Strict):
    ledger: str | None = Field(
        None, description="SQLAlchemy URL of the ledger; default sqlite:///<reports_dir>/ledger.sqlite3. "
                          "Passwords only as ${VAR}")
    reports_dir: str = Field("reports", description="where reports and evidence go (relative to this file)")
    concurrency: int = Field(4, ge=1, le=64, description="journeys run at once")
    browser: BrowserSettings = Field(default_factory=BrowserSettings)

    @field_validator("ledger")
    @classmethod
    def _no_literal_password(cls, v: str | None) -> str | None:
        if v and (pw := urlsplit(v).password) and not ENV_REF.fullmatch(pw):
            raise ValueError("the ledger URL holds a password; write it as ${LEDGER_PASSWORD} "
                             "and set that environment variable")
        return v


class Target(Strict):
    """A company the prober may contact."""

    name: str = Field(description="the company's name as shown in reports")
    timezone: str = "UTC"
    business_hours: dict[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"], str] = Field(
        default_factory=dict, description='opening hours per weekday, like mon: "09:00-17:30"')
    holidays: list[dt.date] = Field(default_factory=list)
    endpoints: dict[str, str] = Field(
        default_factory=dict, description="named contact points (website, support_email, phone …), "
                                          "usable in scenarios as {target.<name>}")
    allowlist: list[str] = Field(
        min_length=1, description="URL prefixes, email addresses, @domains and phone numbers the prober may contact")
    auto_reply_within_s: float = Field(10.0, ge=0, description="an answer arriving sooner than this after the "
                                                               "contact counts as automatic")

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            zoneinfo.ZoneInfo(v)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone '{v}' (use an IANA name such as Europe/London)") from None
        return v

    @field_validator("business_hours")
    @classmethod
    def _hours(cls, v: dict[str, str]) -> dict[str, str]:
        from .business_time import BusinessCalendar

        for day, span in v.items():
            try:  # the calendar is the one judge of what an opening span is
                BusinessCalendar("UTC", {day: span})
            except ValueError:
                raise ValueError(f"{day}: '{span}' is not an opening time like 09:00-17:30") from None
        return v

    @field_validator("allowlist")
    @classmethod
    def _allow(cls, v: list[str]) -> list[str]:
        for entry in v:
            if not (_is_url(entry) or "@" in entry or re.fullmatch(r"\+\d{6,15}", entry)):
                raise ValueError(f"'{entry}' is not a URL prefix (http://…), an email address, "
                                 "an @domain or a phone number in +E.164 form")
        return v

    def allows(self, destination: str) -> bool:
        """True if ``destination`` (URL, email or phone number) is on the allowlist."""
        return any(_matches(entry, destination) for entry in self.allowlist)


    def covers(self, endpoint: str) -> bool:
        """True if the allowlist allows the endpoint, or (for a website) any page on its site."""
        if self.allows(endpoint):
            return True
        return _is_url(endpoint) and any(
            _is_url(e) and _origin(urlsplit(e)) == _origin(urlsplit(endpoint)) for e in self.allowlist)


def _is_url(s: str) -> bool:
    parts = urlsplit(s)
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def _origin(parts) -> tuple[str, str, int]:
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.scheme, (parts.hostname or "").lower(), port


def _matches(entry: str, dest: str) -> bool:
    if _is_url(entry):
        if not _is_url(dest):
            return False
        e, d = urlsplit(entry), urlsplit(dest)
        if _origin(e) != _origin(d):
            return False
        prefix = e.path or "/"
        path = d.path or "/"
        # A prefix of /support allows /support and /support/…, not /supportive.
        return prefix == "/" or path == prefix.rstrip("/") or path.startswith(prefix.rstrip("/") + "/")
    if entry.startswith("@"):
        return dest.lower().endswith(entry.lower()) and "@" in dest
    return entry.lower() == dest.lower()


def _secret_ref(v: str | None) -> str | None:
    if v is not None and not ENV_REF.fullmatch(v):
        raise ValueError("secrets are not written in files; give the name of an environment variable "
                         "like ${SMTP_PASSWORD} and set it where the prober runs")
    return v


class MailServer(Strict):
    """An SMTP or IMAP server the prober's mailbox uses."""

    host: str
    port: int | None = Field(None, ge=1, le=65535, description="default: 465/587/25 for SMTP, 993/143 for IMAP, "
                                                               "by tls")
    tls: Literal["implicit", "starttls", "none"] = Field(
        "starttls", description="implicit TLS (SMTPS 465, IMAPS 993), STARTTLS, or none (loopback and tests only)")
    username: str | None = None
    password: str | None = Field(None, description="a reference like ${IMAP_PASSWORD}, never the password")
    timeout_s: float = Field(30.0, gt=0)
    ca_file: str | None = Field(None, description="PEM file of a certificate authority to trust besides the "
                                                  "system's (a company-internal CA, a test server)")

    def tls_context(self):
        """The TLS settings for this server: certificates are always verified."""
        import ssl

        return ssl.create_default_context(cafile=self.ca_file)

    _password = field_validator("password")(classmethod(lambda cls, v: _secret_ref(v)))

    def secret(self) -> str | None:
        """The password, read from the environment now (never stored or logged)."""
        return expand_env(self.password) if self.password else None

    def port_for(self, protocol: Literal["smtp", "imap"]) -> int:
        if self.port:
            return self.port
        if protocol == "smtp":
            return {"implicit": 465, "starttls": 587, "none": 25}[self.tls]
        return 993 if self.tls == "implicit" else 143


class EmailIdentity(Strict):
    """The prober's own mailbox: it sends from it and reads the answers in it."""

    address: str = Field(description="the mailbox address, e.g. shopper@mystery-shopper.example")
    subaddress: bool = Field(True, description="give each contact its own reply address, "
                                               "local+<token>@domain (Gmail, Microsoft 365, Fastmail … support it)")
    smtp: MailServer
    imap: MailServer
    inbox: str = "INBOX"
    copy_to_self: bool = Field(True, description="send a copy of each message to this mailbox: after a crash, "
                                                 "it proves the server accepted the message, so it is not resent")
    sent_folder: str | None = Field(None, description="a folder where the provider keeps sent mail "
                                                      "(e.g. '[Gmail]/Sent Mail'), searched too after a crash")
    resend_after_s: float = Field(300.0, ge=0, description="after a crash mid-send, resend only if the copy has "
                                                           "not appeared within this long of the attempt")

    @field_validator("address")
    @classmethod
    def _address(cls, v: str) -> str:
        if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", v):
            raise ValueError(f"'{v}' is not an email address")
        return v

    def reply_address(self, token: str) -> str:
        """The address a reply to this contact should come back to."""
        if not self.subaddress:
            return self.address
        local, domain = self.address.split("@", 1)
        return f"{local}+{token}@{domain}"


class Identity(Strict):
    """Who the prober is on each channel."""

    email: EmailIdentity | None = None


class Config(Strict):
    """The whole probes.yaml."""

    settings: Settings = Field(default_factory=Settings)
    targets: dict[str, Target] = Field(min_length=1)
    identities: dict[str, Identity] = Field(default_factory=dict, description="the prober's own mailboxes "
                                                                              "and numbers, by name")

    # Where the file was loaded from; relative paths in settings are relative to it.
    base_dir: Path = Field(default=Path("."), exclude=True)
    source: str = Field(default="", exclude=True)

    def reports_dir(self) -> Path:
        return (self.base_dir / self.settings.reports_dir).resolve()

    def ledger_url(self, reports_dir: Path | None = None) -> str:
        if self.settings.ledger:
            return expand_env(self.settings.ledger)
        return f"sqlite:///{(reports_dir or self.reports_dir()) / 'ledger.sqlite3'}"


def load_config(path: str | Path) -> Config:
    """Load and validate probes.yaml; raises InputError with file:line problems."""
    path = Path(path)
    doc: SourceDoc = load_yaml(path)
    cfg = validate(Config, doc)
    # An endpoint on a site or address the allowlist never mentions is almost always a typo.
    problems = [doc.problem(("targets", tid, "endpoints", name), f"{value} is not on the target's allowlist")
                for tid, target in cfg.targets.items() for name, value in target.endpoints.items()
                if (_is_url(value) or "@" in value) and not target.covers(value)]
    if problems:
        raise InputError(problems)
    cfg.base_dir = path.resolve().parent
    cfg.source = str(path)
    return cfg


def find_config(explicit: str | None, near: list[str] | None = None) -> Path:
    """--config, then $PROBES_CONFIG, then probes.yaml in the current folder or above the scenarios."""
    if explicit:
        return Path(explicit)
    if os.environ.get("PROBES_CONFIG"):
        return Path(os.environ["PROBES_CONFIG"])
    candidates = [Path.cwd()]
    for p in near or []:
        candidates.extend(Path(p).resolve().parents if Path(p).is_file() else [Path(p).resolve(), *Path(p).resolve().parents])
    for folder in candidates:
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    raise InputError([Problem(CONFIG_NAME, 1, "", "no probes.yaml found in the current folder or above the "
                              "scenario files; pass --config FILE or set PROBES_CONFIG")])
