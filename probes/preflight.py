"""Preflight: before any contact, prove that the prober's own accounts work.

A missing secret, a mailbox that refuses the password or a Twilio token that
has expired is the prober's trouble, not the company's. Found mid-run, it
would leave half the journeys done and the rest in error; so `probes run`,
`probes nightly` and `probes validate --connect` check first, for exactly what
the chosen journeys use:

- every secret (``${VAR}``) they need resolves;
- each mailbox they read: IMAP connect (TLS as configured), login, select the
  inbox, logout;
- each SMTP relay they send through: connect, STARTTLS or TLS as configured,
  AUTH when a username is set, MAIL FROM the identity's address and RSET, QUIT
  (no message is sent);
- each Twilio account they call or text from: the account is fetched through
  the twilio SDK (with the project's HTTP client, so ``api_base`` is honoured).

Every check runs (the network ones in parallel) and every failure is returned,
each as one line naming the identity and the setting to fix.
"""
from __future__ import annotations

import concurrent.futures
import contextlib
import os
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .config import ENV_REF, Config, EmailIdentity, MailServer, PhoneIdentity
from .scenario import identity_of, needs_mailbox, needs_phone, uses
from .yamlsource import InputError

# What an identity is used for; each is one check (plus its secrets).
IMAP, SMTP, TWILIO = "imap", "smtp", "twilio"
SERVICES = (IMAP, SMTP, TWILIO)
PREFIX = {IMAP: "email.imap", SMTP: "email.smtp", TWILIO: "phone"}   # where each is set, under identities.<name>
MAX_PARALLEL = 8   # checks are network round trips: threads are cheap, and a slow server should not hold the rest


@dataclass(frozen=True)
class PreflightFailure:
    """One thing in the prober's own setup that does not work, printable as one line."""

    setting: str        # dotted path in probes.yaml, e.g. identities.shopper.email.imap.password
    message: str
    file: str = ""      # probes.yaml, when the config came from a file
    line: int = 0

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else f"{self.file}: " if self.file else ""
        return f"{where}{self.setting}: {self.message}"


@dataclass(frozen=True)
class Passed:
    """A check that worked (for `validate --connect`)."""

    setting: str
    what: str


class _Failed(Exception):
    """Raised inside a check: which setting to fix (relative to the check's own setting), and why."""

    def __init__(self, setting: str, message: str):
        super().__init__(message)
        self.setting = setting
        self.message = message


def needs_of(journeys: Iterable, config: Config) -> dict[str, set[str]]:
    """{identity name: {imap, smtp, twilio}}: what the journeys use of each identity.

    An email step sends (SMTP) and its copy and answers are read (IMAP); an await on email reads
    the mailbox only; a phone or SMS step, or an await on texts, uses the Twilio account.
    """
    out: dict[str, set[str]] = {}
    for loaded in journeys:
        journey = getattr(loaded, "journey", loaded)
        name, identity = identity_of(journey, config)
        if identity is None or name is None:
            continue
        for step in journey.steps:
            wanted = out.setdefault(name, set())
            if uses(step, "USES_MAILBOX"):
                wanted.add(SMTP)
            if needs_mailbox(step):
                wanted.add(IMAP)
            if needs_phone(step):
                wanted.add(TWILIO)
    return {name: services for name, services in out.items() if services}


def everything(config: Config) -> dict[str, set[str]]:
    """Every service of every identity (what `validate --connect probes.yaml` checks without scenarios)."""
    out: dict[str, set[str]] = {}
    for name, identity in config.identities.items():
        services = ({IMAP, SMTP} if identity.email else set()) | ({TWILIO} if identity.phone else set())
        if services:
            out[name] = services
    return out


def preflight(config: Config, needs: dict[str, set[str]], *, ledger: bool = True,
              passed: list[Passed] | None = None) -> list[PreflightFailure]:
    """Run every check for ``needs`` (see needs_of); return every failure, in a stable order.

    ledger: also check the secret in settings.ledger. passed: if given, gets the checks that worked.
    """
    where = _locator(config)
    failures: list[PreflightFailure] = []
    checks: list[tuple[str, str, Callable[[], None]]] = []   # (setting, what, check)

    def secret_missing(setting: str, template: str | None, purpose: str) -> bool:
        missing = [v for v in ENV_REF.findall(template or "") if not os.environ.get(v)]
        for variable in missing:
            state = "is empty" if variable in os.environ else "is not set"
            failures.append(where(setting, f"environment variable {variable} {state}; {purpose}"))
        return bool(missing)

    if ledger and config.settings.ledger:
        secret_missing("settings.ledger", config.settings.ledger, "the ledger URL needs it")
    for name in sorted(needs):
        identity = config.identities.get(name)
        if identity is None:
            continue
        base = f"identities.{name}"
        email, phone = identity.email, identity.phone
        if email is not None and IMAP in needs[name]:
            setting = f"{base}.email.imap"
            if not secret_missing(f"{setting}.password", email.imap.password,
                                  f"identity '{name}' needs it to log in to its mailbox (IMAP)"):
                checks.append((setting, f"IMAP {_address(email.imap, 'imap')}", _imap_check(email)))
        if email is not None and SMTP in needs[name]:
            setting = f"{base}.email.smtp"
            if not secret_missing(f"{setting}.password", email.smtp.password,
                                  f"identity '{name}' needs it to log in to its mail relay (SMTP)"):
                checks.append((setting, f"SMTP {_address(email.smtp, 'smtp')}",
                               _smtp_check(email.smtp, email.address)))
        if phone is not None and TWILIO in needs[name]:
            setting = f"{base}.phone"
            purpose = f"identity '{name}' needs it to call and text through Twilio"
            sid_missing = secret_missing(f"{setting}.account_sid", phone.account_sid, purpose)
            if not secret_missing(f"{setting}.auth_token", phone.auth_token, purpose) and not sid_missing:
                checks.append((setting, f"Twilio account {phone.sid()}", _twilio_check(phone)))

    if checks:
        with concurrent.futures.ThreadPoolExecutor(max_workers=min(MAX_PARALLEL, len(checks)),
                                                   thread_name_prefix="preflight") as pool:
            futures = [(setting, what, pool.submit(check)) for setting, what, check in checks]
            for setting, what, future in futures:
                try:
                    future.result()
                except _Failed as exc:
                    failures.append(where(setting + exc.setting, exc.message))
                except Exception as exc:  # noqa: BLE001 - whatever broke, it is the prober's setup
                    failures.append(where(setting, f"{what}: the check itself failed: {type(exc).__name__}: "
                                                   f"{_one_line(exc)}"))
                else:
                    if passed is not None:
                        passed.append(Passed(setting, what))
    return failures


# --- the checks -----------------------------------------------------------------------------------
def _imap_check(email: EmailIdentity) -> Callable[[], None]:
    def check() -> None:
        from imapclient import IMAPClient
        from imapclient.exceptions import IMAPClientError, LoginError

        server = email.imap
        address = _address(server, "imap")
        user = server.username or email.address
        try:
            context = server.tls_context()
        except (OSError, ValueError) as exc:
            raise _Failed(".ca_file", f"cannot read the certificate authority file: {_one_line(exc)}") from None
        try:
            client = IMAPClient(server.host, port=server.port_for("imap"), ssl=server.tls == "implicit",
                                ssl_context=context, timeout=server.timeout_s)
        except ssl.SSLError as exc:
            raise _Failed(".tls", f"TLS with the IMAP server {address} failed: {_one_line(exc)}") from None
        except (OSError, IMAPClientError) as exc:
            raise _Failed("", _unreachable("IMAP", address, exc)) from None
        try:
            if server.tls == "starttls":
                try:
                    client.starttls(context)
                except (ssl.SSLError, IMAPClientError) as exc:
                    raise _Failed(".tls", f"STARTTLS with the IMAP server {address} failed: "
                                          f"{_one_line(exc)}") from None
            try:
                client.login(user, server.secret() or "")
            except LoginError as exc:
                raise _Failed(".password", f"the IMAP server {address} refused the login as '{user}': "
                                           f"{_one_line(exc)} ({_password_hint(server)})") from None
            try:
                client.select_folder(email.inbox, readonly=True)
            except IMAPClientError as exc:
                raise _Failed("", f"the IMAP server {address} has no folder '{email.inbox}' for '{user}' "
                                  f"(set inbox): {_one_line(exc)}") from None
        except (OSError, EOFError) as exc:
            raise _Failed("", f"the IMAP server {address} dropped the connection: {_one_line(exc)}") from None
        finally:
            with contextlib.suppress(Exception):   # a failed check may leave the connection half closed
                try:
                    client.logout()
                except Exception:  # noqa: BLE001
                    client.shutdown()
    return check


def _smtp_check(server: MailServer, sender: str) -> Callable[[], None]:
    def check() -> None:
        address = _address(server, "smtp")
        try:
            context = server.tls_context()
        except (OSError, ValueError) as exc:
            raise _Failed(".ca_file", f"cannot read the certificate authority file: {_one_line(exc)}") from None
        conn: smtplib.SMTP
        try:
            if server.tls == "implicit":
                conn = smtplib.SMTP_SSL(server.host, server.port_for("smtp"), timeout=server.timeout_s,
                                        context=context)
            else:
                conn = smtplib.SMTP(server.host, server.port_for("smtp"), timeout=server.timeout_s)
        except smtplib.SMTPConnectError as exc:   # a greeting other than 220, e.g. 421
            raise _Failed("", f"the SMTP server {address} turned the prober away: {exc.smtp_code} "
                              f"{_text(exc.smtp_error)}") from None
        except ssl.SSLError as exc:
            raise _Failed(".tls", f"TLS with the SMTP server {address} failed: {_one_line(exc)}") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise _Failed("", _unreachable("SMTP", address, exc)) from None
        try:
            conn.ehlo_or_helo_if_needed()
            if server.tls == "starttls":
                try:
                    conn.starttls(context=context)
                except smtplib.SMTPNotSupportedError:
                    raise _Failed(".tls", f"the SMTP server {address} does not offer STARTTLS "
                                          "(set tls: implicit, or none on loopback)") from None
                except ssl.SSLError as exc:
                    raise _Failed(".tls", f"STARTTLS with the SMTP server {address} failed: "
                                          f"{_one_line(exc)}") from None
                conn.ehlo()
            if server.username:
                try:
                    conn.login(server.username, server.secret() or "")
                except smtplib.SMTPAuthenticationError as exc:
                    raise _Failed(".password", f"the SMTP server {address} refused the login as "
                                               f"'{server.username}': {exc.smtp_code} {_text(exc.smtp_error)} "
                                               f"({_password_hint(server)})") from None
                except smtplib.SMTPNotSupportedError:
                    raise _Failed(".tls", f"the SMTP server {address} offers no login (AUTH) on this "
                                          "connection; many offer it only after STARTTLS (check tls)") from None
            # The envelope's sender, then RSET: the relay says whether it would take mail from us, and no
            # message is sent (a relay that wants STARTTLS or a login first says so here).
            code, words = conn.mail(sender)
            if code != 250:
                text = _text(words)
                if code == 530 and "starttls" in text.lower():
                    raise _Failed(".tls", f"the SMTP server {address} wants STARTTLS first: {code} {text} "
                                          "(set tls: starttls)")
                if code == 530 and not server.username:
                    raise _Failed(".username", f"the SMTP server {address} wants a login first: {code} {text} "
                                               "(set username and password)")
                raise _Failed("", f"the SMTP server {address} would not take mail from {sender}: {code} {text}")
            conn.rset()
        except _Failed:
            raise
        except smtplib.SMTPResponseException as exc:
            raise _Failed("", f"the SMTP server {address} answered {exc.smtp_code} "
                              f"{_text(exc.smtp_error)}") from None
        except (OSError, smtplib.SMTPException) as exc:
            raise _Failed("", f"the SMTP server {address} dropped the connection: {_one_line(exc)}") from None
        finally:
            try:
                conn.quit()
            except (smtplib.SMTPException, OSError):
                conn.close()
    return check


def _twilio_check(phone: PhoneIdentity) -> Callable[[], None]:
    def check() -> None:
        import requests
        from twilio.base.exceptions import TwilioException, TwilioRestException
        from twilio.http.http_client import TwilioHttpClient

        from .twilio_http import TWILIO_API, RoutedHttpClient, twilio_client

        where = phone.api_base or TWILIO_API
        sid = phone.sid()
        # The project's HTTP client, with the identity's timeout for Twilio itself too: a check must end.
        http = (RoutedHttpClient(phone.api_base, timeout=phone.timeout_s) if phone.api_base
                else TwilioHttpClient(timeout=phone.timeout_s))
        try:
            account = twilio_client(sid, phone.secret(), http_client=http).api.v2010.accounts(sid).fetch()
        except TwilioRestException as exc:
            if exc.status in (401, 403):
                token = ENV_REF.fullmatch(phone.auth_token)
                hint = f" and ${token.group(1)}" if token else ""
                raise _Failed(".auth_token", f"Twilio ({where}) refused the credentials of account {sid}: "
                                             f"HTTP {exc.status}, error {exc.code}: {_one_line(exc.msg)} "
                                             f"(check account_sid{hint})") from None
            raise _Failed("", f"Twilio ({where}) answered HTTP {exc.status}, error {exc.code} when asked for "
                              f"account {sid}: {_one_line(exc.msg)}") from None
        except (requests.RequestException, TwilioException, OSError) as exc:
            setting = ".api_base" if phone.api_base else ""
            raise _Failed(setting, f"cannot reach Twilio at {where}: {type(exc).__name__}: "
                                   f"{_one_line(exc)}") from None
        status = getattr(account, "status", None)
        if status and status != "active":
            raise _Failed(".account_sid", f"the Twilio account {sid} is {status}, not active") from None
    return check


# --- helpers --------------------------------------------------------------------------------------
def _address(server: MailServer, protocol: str) -> str:
    return f"{server.host}:{server.port_for(protocol)}"   # type: ignore[arg-type]


def _password_hint(server: MailServer) -> str:
    ref = ENV_REF.fullmatch(server.password or "")
    return (f"check username, and the password in ${ref.group(1)}" if ref
            else "check username; no password is set")


def _text(value) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _one_line(value) -> str:
    text = _text(value.args[0] if isinstance(value, Exception) and len(value.args) == 1 else value)
    # imapclient passes the server's words on as the repr of bytes; the twilio SDK prefixes its own words.
    text = re.sub(r"^b(['\"])(.*)\1$", r"\2", text.strip(), flags=re.DOTALL)
    text = re.sub(r"^Unable to \w+ record: ", "", text)
    return " ".join(text.split()) or type(value).__name__


def _unreachable(protocol: str, address: str, exc: BaseException) -> str:
    if isinstance(exc, socket.timeout | TimeoutError):
        return f"the {protocol} server {address} did not answer in time (check host and port)"
    return f"cannot connect to the {protocol} server {address}: {_one_line(exc)} (check host and port)"


def _locator(config: Config) -> Callable[[str, str], PreflightFailure]:
    """Failures point at the setting's line in probes.yaml, when the config came from a file."""
    doc = None
    if config.source:
        from .yamlsource import load_yaml

        try:
            doc = load_yaml(config.source)
        except InputError:
            doc = None

    def where(setting: str, message: str) -> PreflightFailure:
        if doc is None:
            return PreflightFailure(setting, message, config.source)
        return PreflightFailure(setting, message, config.source, doc.line_of(tuple(setting.split("."))))
    return where


# --- a run that failed preflight --------------------------------------------------------------------
NOT_RUN = "not run: the preflight found the prober's own setup broken; nothing was contacted"


def record_failed_run(ledger, config: Config, journeys: list, failures: list[PreflightFailure], reports_dir, *,
                      kind: str = "run", options: dict | None = None, run_id: str | None = None,
                      location: str = "local") -> str:
    """Record a run stopped by preflight: every journey in error with its steps skipped, nothing contacted.

    Each journey's error lists the failures of the identity it uses (and those of the whole run, such as
    the ledger's); the report's "Prober errors" shows them. A resumed run (run_id already in the ledger)
    keeps the journeys it has; they run when the run is resumed again after the fix.
    """
    from .awaits import AwaitStep
    from .scenario import effective_tuning, step_ids

    if run_id and ledger.get_run(run_id):
        ledger.reopen_run(run_id)
    else:
        run_id = ledger.start_run(kind, reports_dir, config.source, options or {}, run_id=run_id,
                                  location=location)
    everyone = [f for f in failures if not f.setting.startswith("identities.")]
    for loaded in journeys:
        journey = loaded.journey
        if ledger.journey_in_run(run_id, loaded.path):
            continue
        # A journey's own failures: those of the services it uses (a web form uses no mailbox).
        prefixes = tuple(f"identities.{name}.{PREFIX[service]}" for name, services in needs_of([loaded], config).items()
                         for service in services)
        own = everyone + [f for f in failures if prefixes and f.setting.startswith(prefixes)]
        error = ("preflight failed: " + "; ".join(str(f) for f in own) if own
                 else NOT_RUN + " (see the other journeys' errors)")
        target = config.targets[journey.target]
        jid = ledger.start_journey(run_id, name=journey.name, file=loaded.path, target=journey.target,
                                   target_name=target.name, persona=journey.persona.model_dump(),
                                   tags=journey.tags, description=journey.description,
                                   tuning=effective_tuning(journey, config) or None, location=location)
        for position, (key, step) in enumerate(zip(step_ids(journey), journey.steps, strict=True)):
            channel = "await" if isinstance(step, AwaitStep) else step.channel
            ledger.skip_step(jid, position, key, channel, NOT_RUN)
        ledger.finish_journey(jid, "error", error=error)
    ledger.finish_run(run_id, "error")
    return run_id
