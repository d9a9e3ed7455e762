"""probes.yaml: targets (companies), their endpoints and allowlists, and settings.

Secrets never live in this file: values that could hold one are written as
``${ENV_VAR}`` references and resolved from the environment when used.
"""
from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import zoneinfo
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import (AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, field_validator,
                      model_validator)

from .answers.rules import ReplyRules
from .maintenance import DuringMaintenance, MaintenanceWindow
from .durations import Duration
from .results import Severity
from .yamlsource import InputError, Problem, SourceDoc, load_yaml, validate

CONFIG_NAME = "probes.yaml"
# The project's ledger, beside probes.yaml, when settings.ledger is unset.
LEDGER_FILE = "ledger.sqlite3"
ENV_REF = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)\}")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


def _location_name(name: str) -> str:
    from .locations import check_name

    return check_name(name)


def _no_twice(names: list[str]) -> list[str]:
    if twice := sorted({n for n in names if names.count(n) > 1}):
        raise ValueError(f"location {', '.join(twice)} is named twice")
    return names


# `locations: [london, frankfurt]` on a target or a scenario: the journeys run only at these locations.
# Each name is checked on its own, so an error points at its line.
Locations = Annotated[list[Annotated[str, AfterValidator(_location_name)]], Field(min_length=1),
                      AfterValidator(_no_twice)]
LOCATIONS_HELP = ("the locations (--location, $PROBES_LOCATION, settings.location) its journeys run at; "
                  "elsewhere they are skipped (shown as 'pinned to …', never a finding). Default: anywhere")


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
    trace: Literal["on", "on_failure", "off", "full"] = Field(
        "on", description="the Playwright trace of each browser step: on (DOM snapshots and network, no "
                          "screenshot of every frame), on_failure (recorded, kept only when the step did not "
                          "pass), off, or full (on plus a screenshot of every frame; slows the page it records)")

    # Generous on purpose: on a busy machine Chromium is slow, and running out is a prober error, never a finding.
    action_timeout_s: float = Field(
        30.0, gt=0, le=600, description="how long one page action (fill a field, tick, choose, click, read "
                                        "text, screenshot) waits for its element to be ready")
    load_timeout_s: float = Field(
        60.0, gt=0, le=3600, description="how long a page may take to finish loading, when the step "
                                         "gives no load_within")

    @field_validator("trace", mode="before")
    @classmethod
    def _trace_words(cls, v):
        # YAML reads an unquoted on/off (and true/false, yes/no) as a boolean.
        return {True: "on", False: "off"}.get(v, v) if isinstance(v, bool) else v


class QueueSettings(Strict):
    """`probes run --queue` and `probes worker` (probes/queue.py): the queue is in the ledger's PostgreSQL database."""

    heartbeat_s: float = Field(10.0, gt=0, le=3600, description="how often a worker tells the database it is alive")
    stalled_after_s: float = Field(
        60.0, gt=0, le=86400, description="a worker silent this long is taken for dead: its jobs go back on the "
                                          "queue, and another worker resumes their journeys (nothing is sent twice)")
    harvest_cron: str = Field(
        "*/5 * * * *", description="when the workers read the mailboxes and texts and close overdue deadlines "
                                   "(cron; a 6th field is seconds); \"off\": never (run `probes harvest` instead)")
    tend_cron: str = Field(
        "* * * * *", description="when the workers look for the jobs of dead workers (and put them back) and for "
                                 "runs whose last journey ended but which were not finished (cron, as harvest_cron)")
    busy_retry_s: float = Field(
        30.0, gt=0, le=3600, description="a journey job whose journey another worker is running (a second job for "
                                         "another location, or a worker taken for dead that is not) is tried again "
                                         "after this long")
    nightly_cron: str = Field(
        "off", description="when the workers queue tonight's run of nightly_paths themselves, as `probes nightly "
                           "--queue` would, instead of a cron job or timer (cron, UTC; \"off\": never)")
    nightly_paths: list[str] = Field(
        default_factory=lambda: ["scenarios"], description="the scenario files and folders of the queued nightly run "
                                                           "(relative to this file)")

    @field_validator("harvest_cron", "tend_cron", "nightly_cron")
    @classmethod
    def _cron(cls, v: str) -> str:
        if v == "off":
            return v
        try:
            from croniter import croniter   # procrastinate's; only with the `postgres` extra
        except ImportError:
            return v
        if not croniter.is_valid(v):
            raise ValueError(f"'{v}' is not a cron expression (minute hour day month weekday [second]), nor \"off\"")
        return v


class Settings(Strict):
    ledger: str | None = Field(
        None, description="SQLAlchemy URL of the ledger; default: ledger.sqlite3 beside this file, whatever the "
                          "reports folder. A relative SQLite path is relative to this file. Passwords only as ${VAR}")
    ledger_lock_wait_s: float = Field(
        120.0, gt=0, le=86400, description="how long a write to a SQLite ledger waits, with backoff, while another "
                                           "prober process holds its lock; then the command stops with a prober "
                                           "error (exit 3) and records nothing more")
    reports_dir: str = Field("reports", description="where reports and evidence go (relative to this file); "
                                                    "the ledger is not kept there")
    concurrency: int = Field(4, ge=1, le=64, description="journeys run at once")
    browser: BrowserSettings = Field(default_factory=BrowserSettings)
    reruns: int | None = Field(
        None, ge=0, le=3, description="how many times a journey that ended in a prober error or only transient "
                                      "findings (a page that did not load, a call nobody answered) is re-run, "
                                      "as a new contact; default 1 for `probes nightly`, 0 for `probes run` "
                                      "and the demo; 0 disables. A target's or a journey's reruns win")
    rerun_pause_s: float = Field(30.0, ge=0, le=3600, description="how long to wait before re-running a journey")
    confirm_after: int = Field(1, ge=1, le=30, description="a problem is confirmed when this many runs of its "
                                                          "journey in a row found it; targets and scenarios may "
                                                          "set their own")
    dashboard_days: int = Field(30, ge=1, le=3660, description="days of runs the dashboard (reports/index.html) "
                                                               "shows, up to the latest run")
    queue: QueueSettings = Field(default_factory=QueueSettings)
    location: str | None = Field(None, description="where this prober runs (a city, a data centre), recorded on "
                                                   "every run and contact; --location and $PROBES_LOCATION win. "
                                                   "Default: local")

    @field_validator("location")
    @classmethod
    def _location_name(cls, v: str | None) -> str | None:
        from .locations import check_name

        return None if v is None else check_name(v)

    @field_validator("ledger")
    @classmethod
    def _no_literal_password(cls, v: str | None) -> str | None:
        if v and (pw := urlsplit(v).password) and not ENV_REF.fullmatch(pw):
            raise ValueError("the ledger URL holds a password; write it as ${LEDGER_PASSWORD} "
                             "and set that environment variable")
        return v


# Checks harvest runs with the ledger or the network (probes/harvest.py), kept out of checks.CHECKS,
# which holds the pure text checks; they are tuned by these ids like the others.
HARVEST_CHECKS = ("canned", "link")


def _known_check(check_id: str) -> str:
    from .checks import CHECKS  # imported here: the checks are many modules, the config is read first

    if check_id not in CHECKS and check_id not in HARVEST_CHECKS:
        close = difflib.get_close_matches(check_id, [*CHECKS, *HARVEST_CHECKS], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ValueError(f"unknown check '{check_id}'{hint}; known checks: "
                         f"{', '.join(sorted([*CHECKS, *HARVEST_CHECKS]))}")
    return check_id


class CheckTuning(Strict):
    """One check switched off, or given another severity, for a target or a journey. The report shows it."""

    off: bool = Field(False, description="true: the check does not run and records nothing")
    severity: Severity | None = Field(None, description="record the check's findings with this severity instead")
    reason: str = Field(description="why (shown in the report next to the check)")

    @model_validator(mode="before")
    @classmethod
    def _off_key(cls, data):
        # YAML 1.1 (PyYAML) reads the key `off` as the boolean false; here it can only mean "off".
        if isinstance(data, dict) and any(k is False for k in data):
            data = {("off" if k is False else k): v for k, v in data.items()}
        return data

    @field_validator("reason")
    @classmethod
    def _reason(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("say why the check is tuned; the report shows the reason")
        return v.strip()

    @model_validator(mode="after")
    def _one_change(self) -> "CheckTuning":
        if self.off and self.severity:
            raise ValueError("give either off: true or a severity, not both")
        if not self.off and not self.severity:
            raise ValueError("say what changes: off: true, or a severity (critical, major, minor, info)")
        return self


CheckId = Annotated[str, AfterValidator(_known_check)]
Tuning = dict[CheckId, CheckTuning]
TUNING_HELP = ("checks to switch off or give another severity, by check id: "
               "{tone: {off: true, reason: ...}} or {language: {severity: minor, reason: ...}}")


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
    checks: Tuning = Field(default_factory=dict, description=TUNING_HELP + "; for every journey to this target")
    confirm_after: int | None = Field(None, ge=1, le=30, description="runs in a row that must find a problem "
                                                                    "before it is confirmed, for every journey "
                                                                    "to this target (default: settings)")
    replies: ReplyRules | None = Field(None, description="this company's own signs of automatic and personal "
                                                         "answers, which decide before the general rules: "
                                                         "{automatic_when: [{header: X}], person_when: "
                                                         "[{header: Y, matches: regex}, {text: regex}]}")
    reruns: int | None = Field(None, ge=0, le=3, description="settings.reruns for journeys to this target")
    maintenance: list[MaintenanceWindow] = Field(
        default_factory=list, description="times the company's channels may be down, in its timezone: "
                                          "{name, start, end} once, or {name, days, from, to} every week")
    during_maintenance: DuringMaintenance = Field(
        "skip", description="inside a maintenance window: skip the journey (no contact), or downgrade its "
                            "findings to info; a window's own during_maintenance wins")
    locations: Locations | None = Field(None, description=LOCATIONS_HELP)

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
            if entry.lower().startswith(("http://", "https://")) and (why := url_problem(entry)):
                raise ValueError(f"'{entry}' {why}")
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


def url_problem(s: str) -> str | None:
    """What is wrong with an http(s) URL (no host, a port that is not a number up to 65535), or None."""
    try:
        parts = urlsplit(s)
        if parts.scheme not in ("http", "https"):
            return "is not an http(s) URL"
        if not parts.hostname:
            return "has no host"
        if "{" in parts.netloc or "}" in parts.netloc:
            return "has a {reference} in its host or port; only the path and query may hold references"
        _ = parts.port  # raises for a port that is not a number from 0 to 65535
    except ValueError as exc:  # urlsplit refuses a port like ':TOKEN' or ':99999', and a broken [IPv6]
        return f"is not a valid URL ({exc})"
    return None


def _is_url(s: str) -> bool:
    return url_problem(s) is None


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
    if E164.fullmatch(entry):
        # A number allows itself by phone, SMS and WhatsApp.
        return dest.removeprefix("whatsapp:").replace(" ", "") == entry
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


class SmtpRelay(MailServer):
    """The SMTP server (relay) the prober's mailbox sends through."""

    retry_for_s: float = Field(600.0, ge=0, le=86400, description="how long a temporary refusal (a 4xx answer such "
                                                                  "as greylisting, or a dropped connection before "
                                                                  "the message) is retried, with growing pauses; "
                                                                  "then the step is a prober error")


class EmailIdentity(Strict):
    """The prober's own mailbox: it sends from it and reads the answers in it."""

    address: str = Field(description="the mailbox address, e.g. shopper@mystery-shopper.example")
    subaddress: bool = Field(True, description="give each contact its own reply address, "
                                               "local+<token>@domain (Gmail, Microsoft 365, Fastmail … support it)")
    smtp: SmtpRelay
    imap: MailServer
    inbox: str = "INBOX"
    reconnect_within_s: float = Field(30.0, ge=0, description="when the mailbox cannot be read (connection "
                                      "refused or dropped), `harvest` and `nightly` try again with backoff for "
                                      "this long, then leave its answers for the next harvest; `run --wait` "
                                      "keeps trying until its wait ends")
    poll_s: float = Field(0.25, ge=0, le=60, description="while answers are expected soon (see poll_for_s), "
                          "`run --wait` asks the mailbox for new mail (IMAP NOOP) this often instead of waiting "
                          "for IDLE's notice, which Dovecot sends half a second after the mail lands; 0: IDLE only")
    poll_for_s: float = Field(120.0, ge=0, le=3600, description="how long after waiting starts, and after each new "
                              "message, answers count as expected soon (asked every poll_s); then the prober "
                              "waits in IDLE until the next message")
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


E164 = re.compile(r"\+[1-9]\d{5,14}")


class Webhooks(Strict):
    """Where Twilio reaches the prober during an interactive call (and with SMS answers)."""

    listen: str = Field("127.0.0.1:8794", description="host:port the prober's webhook server binds to")
    public_url: str = Field(description="the address Twilio posts to, e.g. a tunnel such as "
                                        "https://abc123.ngrok.app that forwards to `listen`")

    @field_validator("listen")
    @classmethod
    def _listen(cls, v: str) -> str:
        host, _, port = v.rpartition(":")
        if not host or not port.isdigit() or not 0 <= int(port) <= 65535:
            raise ValueError(f"'{v}' is not host:port, e.g. 127.0.0.1:8794")
        return v

    @field_validator("public_url")
    @classmethod
    def _public(cls, v: str) -> str:
        if why := url_problem(v):
            raise ValueError(f"'{v}' {why}")
        parts = urlsplit(v)
        # Twilio signs the exact URL it posts to: public_url + /twilio/…; a trailing slash, a query or a
        # fragment would make every signature check fail, so they are refused rather than guessed at.
        if parts.query or parts.fragment or v.endswith(("?", "#")):
            raise ValueError(f"'{v}' has a query or fragment; give only scheme, host, port (and a path prefix)")
        if v.endswith("/"):
            raise ValueError(f"'{v}' ends with '/'; write it without: {v.rstrip('/')} "
                             "(the prober adds /twilio/… to it)")
        return v

    def host_port(self) -> tuple[str, int]:
        host, _, port = self.listen.rpartition(":")
        return host, int(port)


class PhoneIdentity(Strict):
    """The prober's Twilio account and number: it calls and texts from it."""

    number: str = Field(description="the prober's Twilio number in +E.164 form: caller ID and SMS sender")
    account_sid: str = Field(description="the Twilio account SID (AC…), or a reference like ${TWILIO_ACCOUNT_SID}")
    auth_token: str = Field(description="a reference like ${TWILIO_AUTH_TOKEN}, never the token")
    api_base: str | None = Field(None, description="where the Twilio REST API is; default Twilio itself. "
                                                   "The simulator (`probes sim twilio`) prints its own")
    webhooks: Webhooks | None = Field(None, description="needed for interactive calls: the prober serves "
                                                        "TwiML and hears each prompt live")
    timeout_s: float = Field(30.0, gt=0, description="HTTP timeout for each Twilio API request")
    retry_for_s: float = Field(120.0, ge=0, le=3600,
                               description="how long Twilio's temporary trouble (5xx, 429, timeouts) is waited "
                                           "out before the step is a prober error")
    late_recordings_s: float = Field(8.0, ge=0, le=600,
                                     description="scripted calls: after the call, how long no new recording may "
                                                 "appear before none is awaited (Twilio posts a recording cut "
                                                 "short by the hang-up seconds later)")

    @field_validator("number")
    @classmethod
    def _number(cls, v: str) -> str:
        if not E164.fullmatch(v):
            raise ValueError(f"'{v}' is not a phone number in +E.164 form, like +15005550006")
        return v

    @field_validator("account_sid")
    @classmethod
    def _sid(cls, v: str) -> str:
        if not (ENV_REF.fullmatch(v) or re.fullmatch(r"AC[0-9a-fA-F]{32}", v)):
            raise ValueError(f"'{v}' is not an account SID (AC followed by 32 hex digits) "
                             "or a reference like ${TWILIO_ACCOUNT_SID}")
        return v

    @field_validator("auth_token")
    @classmethod
    def _token(cls, v: str) -> str:
        _secret_ref(v)
        return v

    @field_validator("api_base")
    @classmethod
    def _api(cls, v: str | None) -> str | None:
        if v is not None and not _is_url(v):
            raise ValueError(f"'{v}' is not an http(s) URL")
        return v

    def sid(self) -> str:
        return expand_env(self.account_sid)

    def secret(self) -> str:
        return expand_env(self.auth_token)

    def client(self):
        """The official twilio SDK client for this account (pointed at api_base when set)."""
        from .twilio_http import RoutedHttpClient, twilio_client

        return twilio_client(self.sid(), self.secret(),
                             http_client=RoutedHttpClient(self.api_base, timeout=self.timeout_s))

    def sender_for(self, to: str) -> str:
        """The From for a message to `to` (WhatsApp answers from whatsapp:<number>)."""
        return f"whatsapp:{self.number}" if to.startswith("whatsapp:") else self.number


class Identity(Strict):
    """Who the prober is on each channel."""

    email: EmailIdentity | None = None
    phone: PhoneIdentity | None = None


AlertEvent = Literal["new", "resolved", "reminder"]


def _all_alert_events() -> list[AlertEvent]:
    return ["new", "resolved", "reminder"]


class AlertDestination(Strict):
    """One place alerts go: an apprise URL (Slack, Microsoft Teams, e-mail, a webhook …)."""

    url: str = Field(description="an apprise URL, such as slack://${SLACK_TOKEN_A}/${SLACK_TOKEN_B}/${SLACK_TOKEN_C}/"
                                 "#ops or mailtos://user:${SMTP_PASSWORD}@mail.example.com?to=ops@example.com; "
                                 "secrets only as ${VAR}, read from the environment when a message is sent")
    name: str | None = Field(None, description="how the prober's output and the ledger call it (default: the URL "
                                               "as written here, ${VAR} names and not their values)")
    targets: list[str] | None = Field(None, description="only problems of these targets (ids under targets:) go "
                                                        "here; default: every target")

    @field_validator("url")
    @classmethod
    def _url(cls, v: str) -> str:
        # A whole URL in a variable (a Teams workflow's or Slack's webhook address is itself the secret).
        if not (re.match(r"^[a-z][a-z0-9+.-]*://\S", v, re.IGNORECASE) or ENV_REF.fullmatch(v)):
            raise ValueError(f"'{v[:60]}' is not an apprise URL like json://host/path or mailto://…, "
                             "nor a ${VAR} holding one")
        return v


def _duration(v: object) -> float:
    from .durations import parse_duration_s

    return parse_duration_s(v)


class AlertSettings(Strict):
    """When and where the prober tells people about problems (confirmed new ones, resolved ones, reminders)."""

    to: list[AlertDestination] = Field(min_length=1, description="apprise URLs (or {url, name, targets}); one "
                                                                 "message per run goes to each")
    on: list[AlertEvent] = Field(
        default_factory=_all_alert_events, description="which events are sent: new (a confirmed "
                                                                "problem), resolved, reminder")
    remind_after_s: Annotated[float, BeforeValidator(_duration)] = Field(
        86400.0, alias="remind_after", description="remind of a confirmed problem still open this long after "
                                                   "the last message about it (timed by the runs' starts; "
                                                   "e.g. 24h, 3d); never more often")

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    @model_validator(mode="before")
    @classmethod
    def _on_key(cls, data):
        # YAML 1.1 (PyYAML) reads the key `on` as the boolean true; here it can only mean "on".
        if isinstance(data, dict) and any(k is True for k in data):
            data = {("on" if k is True else k): v for k, v in data.items()}
        if isinstance(data, dict) and isinstance(data.get("to"), list):
            data = {**data, "to": [{"url": d} if isinstance(d, str) else d for d in data["to"]]}
        return data
class Retention(Strict):
    """How long `probes prune` keeps each kind of evidence file, counted from when it was saved. A kind left
    unset is kept for ever (the default for all). Ledger rows are never deleted."""

    screenshots: Duration | None = Field(None, description="screenshots (and their thumbnails), e.g. 90d")
    traces: Duration | None = Field(None, description="Playwright traces (the largest files), e.g. 14d")
    emails: Duration | None = Field(None, description="the raw .eml of answers, bounces and unmatched mail, "
                                                      "e.g. 365d")
    texts: Duration | None = Field(None, description="text files: chat and call transcripts, text messages")
    recordings: Duration | None = Field(None, description="call recordings, e.g. 90d")

    def limits_s(self) -> dict[str, float]:
        """Seconds to keep, by evidence kind (the ledger's evidence.kind); kinds kept for ever are left out."""
        by_kind = {"screenshot": self.screenshots, "trace": self.traces, "email": self.emails,
                   "text": self.texts, "audio": self.recordings}
        return {kind: s for kind, s in by_kind.items() if s is not None}


class Config(Strict):
    """The whole probes.yaml."""

    settings: Settings = Field(default_factory=Settings)
    targets: dict[str, Target] = Field(min_length=1)
    identities: dict[str, Identity] = Field(default_factory=dict, description="the prober's own mailboxes "
                                                                              "and numbers, by name")
    alerts: AlertSettings | None = Field(None, description="notifications of new and resolved problems "
                                                         "(README: Alerts)")
    report_url: str | None = Field(None, description="where the reports folder is published (http(s) URL); "
                                                     "alerts link to <report_url>/runs/<run-id>/index.html")
    retention: Retention = Field(default_factory=Retention, description="how long `probes prune` keeps evidence "
                                                                        "files; default: for ever")

    # Where the file was loaded from; relative paths in settings are relative to it.
    base_dir: Path = Field(default=Path("."), exclude=True)
    source: str = Field(default="", exclude=True)

    @field_validator("report_url")
    @classmethod
    def _report_url(cls, v: str | None) -> str | None:
        if v is not None and (why := url_problem(v)):
            raise ValueError(f"'{v}' {why}")
        return v.rstrip("/") if v else v

    @model_validator(mode="after")
    def _alert_targets(self) -> "Config":
        for i, dest in enumerate(self.alerts.to if self.alerts else []):
            if unknown := [t for t in dest.targets or [] if t not in self.targets]:
                raise ValueError(f"alerts.to.{i}.targets: {', '.join(unknown)} is not a target id "
                                 f"(targets: {', '.join(self.targets)})")
        return self

    def reports_dir(self) -> Path:
        return (self.base_dir / self.settings.reports_dir).resolve()

    def project_ledger(self) -> Path:
        """The project's ledger file when settings.ledger is unset: beside probes.yaml, so that every command
        of the project (whatever --report it is given) reads and writes the same one."""
        return self.base_dir.resolve() / LEDGER_FILE

    def ledger_url(self) -> str:
        """settings.ledger (a relative SQLite path taken from probes.yaml's folder), else the project's ledger."""
        if self.settings.ledger:
            return _anchored(expand_env(self.settings.ledger), self.base_dir)
        return f"sqlite:///{self.project_ledger()}"

    def old_default_ledger(self, reports_dir: Path | None = None) -> Path | None:
        """A ledger with runs in it left at the default place of earlier versions (<reports folder>/ledger.sqlite3,
        the given one, then reports_dir's), while settings.ledger is unset and the project's ledger does not exist
        yet: its history and pending answers must not be abandoned for a new, empty ledger."""
        if self.settings.ledger or self.project_ledger().exists():
            return None
        for folder in dict.fromkeys(p for p in (reports_dir, self.reports_dir()) if p is not None):
            if _has_runs(old := Path(folder).resolve() / LEDGER_FILE):
                return old
        return None


def _anchored(url: str, base_dir: Path) -> str:
    """A SQLite URL with a relative path made absolute from base_dir (the folder of probes.yaml), so that the
    ledger does not depend on the folder the command is started from."""
    prefix = "sqlite:///"
    path = url[len(prefix):] if url.startswith(prefix) else ""
    if not path or path.startswith((":memory:", "file:")) or Path(path.split("?")[0]).is_absolute():
        return url
    return prefix + str(base_dir.resolve() / path)


def _has_runs(path: Path) -> bool:
    """Does the SQLite ledger at path hold a run? Read only: nothing is created or migrated."""
    import sqlite3
    from contextlib import closing

    if not path.is_file():
        return False
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)) as conn:
            return conn.execute("SELECT 1 FROM runs LIMIT 1").fetchone() is not None
    except sqlite3.Error:
        return False


def shown_ledger_url(url: str) -> str:
    """The ledger's URL as printed: a SQLite file as its path, any other URL with its password masked."""
    if url.startswith("sqlite:///"):
        return url[len("sqlite:///"):]
    try:
        from sqlalchemy.engine import make_url

        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - not a URL SQLAlchemy reads: say only its scheme
        return url.split("://")[0] + "://…"


def load_config(path: str | Path) -> Config:
    """Load and validate probes.yaml; raises InputError with file:line problems."""
    path = Path(path)
    doc: SourceDoc = load_yaml(path)
    problems: list[Problem] = []
    checked: list[tuple[str, Target | None, dict]] = []  # (target id, the Target if valid, its endpoints)
    try:
        cfg: Config | None = validate(Config, doc)  # type: ignore[assignment]
        checked = [(tid, t, t.endpoints) for tid, t in cfg.targets.items()] if cfg else []
    except InputError as err:
        # Go on with each target on its own, so every problem shows in one pass.
        problems.extend(err.problems)
        cfg = None
        raw = doc.data.get("targets") if isinstance(doc.data, dict) else None
        for tid, raw_target in (raw.items() if isinstance(raw, dict) else ()):
            try:
                t: Target | None = Target.model_validate(raw_target)
            except ValueError:
                t = None
            endpoints = raw_target.get("endpoints") if isinstance(raw_target, dict) else None
            checked.append((tid, t, t.endpoints if t else endpoints if isinstance(endpoints, dict) else {}))
    # An endpoint on a site or address the allowlist never mentions is almost always a typo.
    for tid, target, endpoints in checked:
        for name, value in endpoints.items():
            loc = ("targets", tid, "endpoints", name)
            if not isinstance(value, str):
                continue  # the schema said so
            if value.lower().startswith(("http://", "https://")) and (why := url_problem(value)):
                problems.append(doc.problem(loc, f"'{value}' {why}"))
            elif (target is not None and (_is_url(value) or "@" in value
                                          or E164.fullmatch(value.removeprefix("whatsapp:")))
                  and not target.covers(value)):
                problems.append(doc.problem(loc, f"{value} is not on the target's allowlist"))
    if problems or cfg is None:
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
