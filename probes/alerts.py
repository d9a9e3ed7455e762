"""Alerts: tell people when a confirmed problem appears, when it is resolved, and remind them while it stays open.

Destinations are data, never code paths: each is an apprise URL in probes.yaml (``alerts.to``), with its secrets
as ``${VAR}`` read from the environment only at the moment a message is sent. What changed comes from
probes.history (the same verdicts the report shows); this module only decides whom to tell and when:

- a *new* problem once it is confirmed (``confirm_after`` runs in a row), a *resolved* one once a step that had a
  confirmed problem is judged again without it, and a *reminder* while a confirmed problem stays open, at most
  once per ``remind_after`` (timed by the runs' start times, so nightly runs remind nightly with 24h);
- never for an unconfirmed problem, a step the prober could not judge, a prober error or an info finding.

Every event is written to the ledger (``alerts_sent``) before it is sent, keyed by destination, event, problem and
streak, so running a command again never sends it twice; a failed delivery stays pending and goes out with the
next run's or harvest's message. A delivery failure is the prober's trouble: it is printed and recorded, and
never changes a run's findings or exit code. The ledger and every printed line hold the URL as written in
probes.yaml (or its ``name``), never the secrets.
"""
from __future__ import annotations

import datetime as dt
import logging
import re
import socket
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from .config import ENV_REF, AlertDestination, AlertSettings
from .ledger import Ledger, alerts_sent, awaits, findings, runs
from .results import utcnow

if TYPE_CHECKING:
    from .config import Config
    from .history import Problem

# A run that starts a little earlier than the one before it (cron, a slow start last night) still reminds:
# without this, "24h" between two 02:00 runs could come out as 23:59:58 and skip a night.
REMIND_EARLY_S = 3600.0
REMIND_EARLY_SHARE = 0.05
# Each destination's message lists at most this many events; the rest go out next time.
MAX_EVENTS_PER_MESSAGE = 50
# Events another process (a harvest beside the nightly run) is sending are left to it; a claim older than this
# is taken as that process having died mid-send.
CLAIM_S = 600.0

SECTION = {"new": "New problems", "resolved": "Resolved", "reminder": "Still open (reminder)"}
NOUN = {"new": ("new problem", "new problems"), "resolved": ("resolved", "resolved"),
        "reminder": ("reminder", "reminders")}


class AlertConfigError(Exception):
    """A destination cannot be used as configured (an environment variable it needs is not set)."""


@dataclass
class Delivery:
    """What happened to one destination's message."""

    destination: str            # the label: its name, or the URL as written (no secret values)
    title: str
    events: int
    ok: bool
    error: str | None = None    # why it failed, without secrets
    bad_config: bool = False    # it failed on the configuration (an unset variable), not on delivery

    def line(self) -> str:
        """One line for the prober's output."""
        if self.ok:
            return f"Alert sent to {self.destination}: {self.title}"
        what = f"{self.events} alert event(s) kept, sent with the next run or harvest" if self.events else \
            "test message not sent"
        return f"Alert NOT sent to {self.destination}: {self.error} ({what})"


# --- destinations ------------------------------------------------------------------------------------

def destination_label(dest: AlertDestination) -> str:
    """How output and ledger name a destination: its name, else its URL as written (${VAR} names, and a
    password written in the URL itself masked)."""
    if dest.name:
        return dest.name
    return re.sub(r"(://[^/:@]*:)(?!\$\{)[^@/]+@", r"\1***@", dest.url)


def resolve_url(dest: AlertDestination, environ: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """The URL with its ${VAR} references filled in from the environment, and the secret values used.

    Raises AlertConfigError naming the first variable that is not set.
    """
    import os

    env = os.environ if environ is None else environ
    missing = [m.group(1) for m in ENV_REF.finditer(dest.url) if m.group(1) not in env]
    if missing:
        raise AlertConfigError(f"environment variable {missing[0]} is not set (alerts.to: "
                               f"{destination_label(dest)})")
    values = [env[m.group(1)] for m in ENV_REF.finditer(dest.url)]
    return ENV_REF.sub(lambda m: env[m.group(1)], dest.url), [v for v in values if v]


def redact(text: str, secrets: list[str]) -> str:
    """``text`` with every secret (and its URL-encoded form) replaced by ***."""
    from urllib.parse import quote

    for secret in sorted(set(secrets), key=len, reverse=True):
        if len(secret) >= 3:  # a 1-2 character value would garble the text and hide nothing
            for form in {secret, quote(secret, safe=""), quote(secret)}:
                text = text.replace(form, "***")
    return text


def _send(url: str, secrets: list[str], title: str, body: str) -> str | None:
    """Send one message through apprise; None when it went out, else why not (without secrets)."""
    import apprise

    # apprise says why a delivery failed only in its log: catch that, keep it out of the user's log (it may
    # hold the URL), and give the reason back with the secrets masked.
    said: list[str] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                said.append(record.getMessage())

    logger = logging.getLogger("apprise")
    handler, propagate = Catch(), logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        notifier = apprise.Apprise()
        if not notifier.add(url):
            return "apprise does not understand this URL (check its scheme and parts against the apprise docs)"
        ok = bool(notifier.notify(title=title, body=body, body_format=apprise.NotifyFormat.TEXT))
    except Exception as exc:  # noqa: BLE001 - any failure to deliver is the prober's trouble, reported
        said.append(f"{type(exc).__name__}: {exc}")
        ok = False
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate
    if ok:
        return None
    reason = "; ".join(dict.fromkeys(" ".join(s.split()) for s in said)) or "the destination did not accept it"
    return redact(reason, [*secrets, url])[:500]


# --- what to send ------------------------------------------------------------------------------------

def runs_touched_since(ledger: Ledger, since: dt.datetime) -> list[str]:
    """Runs that got a finding or a settled await since ``since`` (what a harvest changed), oldest first.
    Runs still under way (another process's) are left to the command that runs them."""
    touched = {r["run_id"] for r in ledger._select(
        sa.select(findings.c.run_id).where(findings.c.created_at >= since).distinct())}
    touched |= {r["run_id"] for r in ledger._select(
        sa.select(awaits.c.run_id).where(awaits.c.settled_at >= since).distinct())}
    if not touched:
        return []
    rows = ledger._select(sa.select(runs.c.id).where(runs.c.id.in_(sorted(touched)), runs.c.status != "running")
                          .order_by(runs.c.started_at))
    return [r["id"] for r in rows]


def _event_key(event: str, problem: Problem, run_id: str) -> str:
    # A new or resolved event happens once per streak of a problem; a reminder once per run at most.
    base = f"{event}|{problem.key}|{problem.since_run_id}"
    return f"{base}|{run_id}" if event == "reminder" else base


def queue_events(ledger: Ledger, settings: AlertSettings, run_ids: list[str], *,
                 confirm_after: int | None = None) -> int:
    """Write the alert events of these runs to the ledger as pending (once: an event already there is kept
    as it is). Returns how many were added."""
    from .history import changes_for_run

    added = 0
    for run_id in run_ids:
        run = ledger.get_run(run_id)
        if run is None:
            continue
        kwargs: dict[str, Any] = {} if confirm_after is None else {"confirm_after": confirm_after}
        changes = changes_for_run(ledger, run_id, **kwargs)
        with ledger.transaction():
            for dest in settings.to:
                label = destination_label(dest)
                for problem in [*changes.new, *changes.persisting]:
                    if not problem.confirmed or not _routed(dest, problem):
                        continue
                    if "new" in settings.on:
                        added += _add(ledger, label, "new", problem, run)
                    if "reminder" in settings.on and _reminder_due(ledger, settings, label, problem, run):
                        added += _add(ledger, label, "reminder", problem, run)
                for problem in changes.resolved:
                    if problem.confirmed and _routed(dest, problem) and "resolved" in settings.on:
                        added += _add(ledger, label, "resolved", problem, run)
                        _drop_reminders(ledger, label, problem)
    return added


def _routed(dest: AlertDestination, problem: Problem) -> bool:
    return dest.targets is None or problem.target in dest.targets


def _add(ledger: Ledger, label: str, event: str, problem: Problem, run: dict) -> int:
    key = _event_key(event, problem, run["id"])
    if ledger._select(sa.select(alerts_sent.c.id).where(alerts_sent.c.destination == label,
                                                        alerts_sent.c.event_key == key)):
        return 0
    with ledger.transaction() as conn:
        conn.execute(alerts_sent.insert().values(
            destination=label, event_key=key, event=event, problem_key=problem.key,
            since_run_id=problem.since_run_id, run_id=run["id"], run_at=run["started_at"],
            problem=problem.as_dict(), status="pending", attempts=0, created_at=utcnow()))
    return 1


def _reminder_due(ledger: Ledger, settings: AlertSettings, label: str, problem: Problem, run: dict) -> bool:
    """Is a reminder of this open problem due in this run? Not while a message about it waits to be sent;
    then once ``remind_after`` has passed since the last one sent (or since it began, when new problems
    are not announced)."""
    rows = ledger._select(sa.select(alerts_sent.c.status, alerts_sent.c.sent_run_at).where(
        alerts_sent.c.destination == label, alerts_sent.c.problem_key == problem.key,
        alerts_sent.c.since_run_id == problem.since_run_id, alerts_sent.c.event.in_(("new", "reminder"))))
    if any(r["status"] == "pending" for r in rows):
        return False
    sent = [r["sent_run_at"] for r in rows if r["status"] == "sent" and r["sent_run_at"] is not None]
    if sent:
        last = max(sent)
    elif "new" not in settings.on:
        last = problem.since
    else:
        return False  # announced as new first (that row is queued in this same pass)
    early_s = min(REMIND_EARLY_S, REMIND_EARLY_SHARE * settings.remind_after_s)
    return (run["started_at"] - last).total_seconds() >= settings.remind_after_s - early_s


def _drop_reminders(ledger: Ledger, label: str, problem: Problem) -> None:
    # A reminder not yet delivered of a problem now resolved would only confuse.
    with ledger.transaction() as conn:
        conn.execute(alerts_sent.update().where(
            alerts_sent.c.destination == label, alerts_sent.c.problem_key == problem.key,
            alerts_sent.c.since_run_id == problem.since_run_id, alerts_sent.c.event == "reminder",
            alerts_sent.c.status == "pending").values(status="dropped"))


# --- the message -------------------------------------------------------------------------------------

def run_page_url(report_url: str | None, run_id: str) -> str | None:
    """The published page of a run, when the reports folder is published (``report_url``)."""
    return f"{report_url.rstrip('/')}/runs/{run_id}/index.html" if report_url else None


def _when(value: Any) -> str:
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return "?"


def _count(events: list[str]) -> str:
    parts = []
    for event in ("new", "resolved", "reminder"):
        n = events.count(event)
        if n:
            parts.append(f"{n} {NOUN[event][n != 1]}")
    return ", ".join(parts)


def compose(rows: list[dict], report_url: str | None) -> tuple[str, str]:
    """The title and plain-text body of one message about these alert rows (reads well in Slack and e-mail)."""
    names = list(dict.fromkeys(r["problem"]["target_name"] for r in rows))
    counts = _count([r["event"] for r in rows])
    title = f"{names[0]}: {counts}" if len(names) == 1 else f"Mystery Shopper: {counts} ({', '.join(names)})"
    lines: list[str] = []
    for event in ("new", "resolved", "reminder"):
        group = [r for r in rows if r["event"] == event]
        if not group:
            continue
        lines.append(f"{SECTION[event]} ({len(group)}):")
        for r in group:
            lines.extend(_describe(r, report_url))
        lines.append("")
    run_ids = list(dict.fromkeys(r["run_id"] for r in rows))
    if report_url and len(run_ids) == 1:
        lines.append(f"Run page: {run_page_url(report_url, run_ids[0])}")
    elif not report_url:
        lines.append(f"Run {', '.join(run_ids)}: `probes report --run {run_ids[-1]}` shows it "
                     "(set report_url in probes.yaml to link the published page).")
    return title, "\n".join(lines).strip() + "\n"


def _describe(row: dict, report_url: str | None) -> list[str]:
    p = row["problem"]
    where = [p["target_name"]]
    if p.get("channel"):
        where.append(str(p["channel"]).replace("_", " "))
    where.append(f"journey \"{p['journey']}\"" + (f", step \"{p['step_key']}\"" if p.get("step_key") else ""))
    if p.get("location", "local") != "local":
        where.append(f"from {p['location']}")   # seen at this location (probes/locations.py)
    runs_in_row = f" ({p['streak']} runs in a row)" if p["streak"] > 1 else ""
    if row["event"] == "resolved":
        when = (f"Open since {_when(p['since'])}{runs_in_row}; resolved in run {row['run_id']} "
                f"({_when(row['run_at'])})")
    else:
        when = f"Since {_when(p['since'])}{runs_in_row}"
    out = [f"- [{p['severity']}] {p['title']}",
           f"  {' · '.join(where)} · check {p['check_id']}",
           f"  {when}"]
    if report_url:
        out.append(f"  {run_page_url(report_url, row['run_id'])}")
    return out


# --- sending -----------------------------------------------------------------------------------------

def deliver_pending(ledger: Ledger, config: Config, *, environ: dict[str, str] | None = None,
                    run_at: dt.datetime | None = None) -> list[Delivery]:
    """Send each destination's pending events as one message; record what went out and why not.

    run_at: the start of the latest run this pass is about (default: now); reminders are timed from it, so
    an event delivered a night late is not followed by a reminder the same night.
    """
    settings = config.alerts
    if settings is None:
        return []
    out: list[Delivery] = []
    for dest in settings.to:
        label = destination_label(dest)
        rows = _claim(ledger, label)
        if not rows:
            continue
        title, body = compose(rows, config.report_url)
        bad_config = False
        try:
            url, secrets = resolve_url(dest, environ)
        except AlertConfigError as exc:
            error: str | None = str(exc)
            bad_config = True
        else:
            error = _send(url, secrets, title, body)
        now = utcnow()
        ids = [r["id"] for r in rows]
        with ledger.transaction() as conn:
            conn.execute(alerts_sent.update().where(alerts_sent.c.id.in_(ids)).values(
                attempts=alerts_sent.c.attempts + 1, attempted_at=now, error=error, claimed_at=None,
                **({"status": "sent", "sent_at": now, "sent_run_at": run_at or now} if error is None else {})))
        out.append(Delivery(label, title, len(rows), error is None, error, bad_config))
    return out


def _claim(ledger: Ledger, label: str) -> list[dict]:
    """This destination's pending events that no other process is sending, marked as being sent by this one
    (two commands at once — a harvest beside the nightly run — never send the same event twice)."""
    now = utcnow()
    with ledger.transaction() as conn:
        rows = ledger._select(sa.select(alerts_sent).where(
            alerts_sent.c.destination == label, alerts_sent.c.status == "pending",
            sa.or_(alerts_sent.c.claimed_at.is_(None),
                   alerts_sent.c.claimed_at < now - dt.timedelta(seconds=CLAIM_S)))
            .order_by(alerts_sent.c.id).limit(MAX_EVENTS_PER_MESSAGE))
        if rows:
            conn.execute(alerts_sent.update().where(alerts_sent.c.id.in_([r["id"] for r in rows]))
                         .values(claimed_at=now))
    return rows


def notify(ledger: Ledger, config: Config, run_ids: list[str], *, confirm_after: int | None = None,
           environ: dict[str, str] | None = None) -> list[Delivery]:
    """Queue the alert events of these runs and send every destination's pending ones (this run's and
    earlier failed deliveries). Does nothing without ``alerts:`` in probes.yaml."""
    if config.alerts is None:
        return []
    queue_events(ledger, config.alerts, run_ids, confirm_after=confirm_after)
    starts = [r["started_at"] for r in (ledger.get_run(i) for i in run_ids) if r]
    return deliver_pending(ledger, config, environ=environ, run_at=max(starts, default=None))


def send_test(config: Config, *, environ: dict[str, str] | None = None) -> list[Delivery]:
    """Send a test message to every destination (nothing is recorded in the ledger)."""
    if config.alerts is None:
        return []
    title = "Mystery Shopper: test message"
    out: list[Delivery] = []
    for dest in config.alerts.to:
        label = destination_label(dest)
        body = (f"This is a test of the Mystery Shopper's alerts, sent by `probes alerts test` on "
                f"{socket.gethostname()} to {label}.\n"
                f"Alerts are sent on: {', '.join(config.alerts.on)}; reminders at most every "
                f"{_hours(config.alerts.remind_after_s)}.\n"
                + (f"Run pages: {config.report_url}/runs/<run-id>/index.html\n" if config.report_url else
                   "No report_url is set: messages will not link to the run pages.\n"))
        try:
            url, secrets = resolve_url(dest, environ)
        except AlertConfigError as exc:
            out.append(Delivery(label, title, 0, False, str(exc), bad_config=True))
            continue
        error = _send(url, secrets, title, body)
        out.append(Delivery(label, title, 0, error is None, error))
    return out


def _hours(seconds: float) -> str:
    from .durations import format_duration

    return format_duration(seconds)
