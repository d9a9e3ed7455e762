"""Runs journeys: concurrency, clocks, deadlines, ledger writes, pass or fail.

Channels only observe. The runner turns what they saw into a verdict:
a step with a critical or major finding *failed* (the company let the
customer down); a step whose channel raised *errored* (the prober broke).
A journey stops only at a step that blocks it (see ``blocking_reason``): the
prober could not carry it out, its contact did not get through, or it has a
finding as severe as its ``stop_on``; later steps are recorded as skipped,
since they build on the earlier one. A finding that does not block the
customer (a placeholder on a confirmation page) fails the step, and the
journey goes on, so the answers to that contact are still awaited and judged.
"""
from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import secrets
import time
import traceback
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from . import channels, locations, maintenance
from .browser import BrowserSession
from .checks import run_checks
from .awaits import AwaitStep
from .business_time import BusinessCalendar
from .config import BrowserSettings, Config, EmailIdentity, PhoneIdentity, Target
from .ledger import Ledger, LedgerBusy, new_token
from .results import FAILING, SEVERITIES, Finding, Outcome, ProberError, utcnow
from .scenario import (LoadedJourney, effective_tuning, identity_of, needs_phone, step_ids, template_values,
                       uses)
from .templating import render

log = logging.getLogger("probes.runner")
# How often --wait looks for texts: every second, or with the messaging webhook at once when told and every
# HOOKED_LOOK_S anyway (in case a webhook call was lost).
UNHOOKED_LOOK_S = 1.0
HOOKED_LOOK_S = 5.0

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_PROBER_ERROR = 0, 1, 2, 3

# Findings that say only "could not get through just now": a journey whose failing findings are all of
# these is re-run (settings.reruns). Never a finding about what the company said or did.
TRANSIENT_CHECKS = frozenset({"web_form.unreachable", "phone.no_answer", "phone.busy"})
# These are transient only when the server answered 5xx, 408 or 429, or the request failed on the network.
TRANSIENT_WHEN_SERVER_TROUBLE = frozenset({"web_form.http_error", "chat.widget_missing"})
_HTTP_STATUS = re.compile(r"^HTTP (\d{3})\b", re.M)


def is_transient(check: str, title: str, snippet: str) -> bool:
    """Is this finding a momentary failure to get through (worth one more try), not a verdict on content?"""
    if check in TRANSIENT_CHECKS:
        return True
    if check not in TRANSIENT_WHEN_SERVER_TROUBLE:
        return False
    codes = [int(c) for c in _HTTP_STATUS.findall(snippet or "")]
    if codes:
        return all(c >= 500 or c in (408, 429) for c in codes)
    # No status: the page could not be opened at all, or the submit failed on the network.
    return "on the network" in title or "could not be opened" in title


class Reporter(Protocol):
    """Progress callbacks (the CLI draws a live display from them)."""

    def journey_started(self, name: str, steps: int) -> None: ...
    def step_finished(self, name: str, step_key: str, status: str, findings: list[Finding]) -> None: ...
    def journey_finished(self, name: str, status: str) -> None: ...


class QuietReporter:
    def journey_started(self, name, steps): pass
    def step_finished(self, name, step_key, status, findings): pass
    def journey_finished(self, name, status): pass


@dataclass
class StepContext:
    """What a channel may use while it runs one step."""

    target: Target
    values: dict[str, Any]
    evidence_dir: Path
    step_key: str
    browser_session: BrowserSession
    trace: str = "on"              # settings.browser.trace: on | on_failure | off | full
    locale: str = "en"
    token: str = ""
    persona_name: str = ""
    email_identity: EmailIdentity | None = None
    identity_name: str = ""       # its name in probes.yaml, for errors that name the setting to fix
    reply_address: str = ""
    message_id: str = ""
    phone_identity: PhoneIdentity | None = None
    webhooks: Any = None          # async () -> the run's WebhookServer for phone_identity

    async def webhook_server(self):
        if self.webhooks is None:
            raise ProberError("this step needs the identity's webhooks (a public URL Twilio can reach)")
        return await self.webhooks()

    async def browser(self):
        return await self.browser_session.get()

    def render(self, text: str) -> str:
        return render(text, self.values)

    def allows(self, destination: str) -> bool:
        return self.target.allows(destination)

    def business_open(self) -> bool:
        """Is the company open now, by its business hours (always, when it gives none)?"""
        return BusinessCalendar.for_target(self.target).is_open(utcnow())

    def evidence_path(self, name: str) -> Path:
        self.evidence_dir.mkdir(parents=True, exist_ok=True)
        return self.evidence_dir / f"{self.step_key}-{name}"


@dataclass
class RunResult:
    run_id: str
    statuses: dict[str, str] = field(default_factory=dict)   # journey name -> status
    pending_awaits: int = 0
    # Why deadlines that passed could not be judged (a mailbox not read past them): a prober error.
    held_open: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        values = set(self.statuses.values())
        if values & {"error", "not_started"} or self.held_open:
            return EXIT_PROBER_ERROR
        if "failed" in values:
            return EXIT_FINDINGS
        return EXIT_OK


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "journey"


def step_budget_s(step, browser: BrowserSettings | None = None) -> float:
    """Hard ceiling for one step, so a hung browser cannot hang the run."""
    if hasattr(step, "budget_s"):
        return step.budget_s()
    browser = browser or BrowserSettings()
    load_s = getattr(step, "load_within", None) or browser.load_timeout_s
    load = load_s * (getattr(step, "retries", 0) + 1)
    # Each field, the click, two screenshots and reading the page may each wait for their element.
    done = getattr(step, "actions", None) or []   # web_form: what the customer does on the page
    actions = browser.action_timeout_s * (len(getattr(step, "fields", None) or []) + 2 * len(done) + 6)
    waits = sum(a.wait_for.within for a in done if getattr(a, "wait_for", None))
    expect = getattr(getattr(step, "expect", None), "within", 15.0)
    return load + actions + waits + (expect if isinstance(expect, (int, float)) else 15.0) + 60.0


def blocking_reason(key: str, status: str, reachable: bool | None, severities: list[str],
                    stop_on: str = "critical") -> str | None:
    """Why the journey stops after step ``key`` (the skipped steps' reason), or None if it goes on.

    The one rule for every channel. A step blocks the journey when the prober could not carry it out
    (status error); when its contact did not get through (``reachable`` false: not sent, refused,
    not confirmed, no widget, nobody answered; the runner also counts a critical finding as not
    reached unless the channel says otherwise); or when it has a finding of the step's ``stop_on``
    severity or worse (default critical; "never": only the first two). Other findings fail the step
    but let the journey go on.
    """
    if status == "error":
        return f"not run: step '{key}' could not run"
    if reachable is False:
        return f"not run: step '{key}' failed (its contact did not get through)"
    if stop_on in SEVERITIES:
        worst = min((SEVERITIES.index(s) for s in severities if s in SEVERITIES), default=len(SEVERITIES))
        if worst <= SEVERITIES.index(stop_on):
            return f"not run: step '{key}' failed with a {SEVERITIES[worst]} finding (stop_on: {stop_on})"
    return None


def message_id_for(token: str, identity: EmailIdentity | None) -> str:
    domain = identity.address.split("@", 1)[1] if identity else "mystery-shopper.invalid"
    return f"<{token}.{secrets.token_hex(4)}@{domain}>"


def _answer_text(outcome: Outcome) -> str:
    """What the company answered in a conversation (a chat's replies, what the person said in a call: not
    the greeting, the menu or hold messages), all of it; "" for a step that is no conversation."""
    transcript = outcome.observations.get("transcript")
    if not isinstance(transcript, list):
        return ""
    return "\n\n".join(str(m.get("text", "")) for m in transcript if isinstance(m, dict)
                        and m.get("author") in ("bot", "agent") and not m.get("greeting"))


class Runner:
    def __init__(self, config: Config, ledger: Ledger, reports_dir: Path, *, concurrency: int | None = None,
                 reporter: Reporter | None = None, kind: str = "run", location: str = locations.DEFAULT_LOCATION):
        """location: where this process runs (locations.resolve_location); recorded on the run, its journeys
        and every contact, and journeys pinned to other locations are skipped here."""
        self.config = config
        self.location = location
        self.ledger = ledger
        self.reports_dir = reports_dir
        self.concurrency = concurrency or config.settings.concurrency
        self.reporter = reporter or QuietReporter()
        self.kind = kind
        self.browser = BrowserSession(config.settings.browser)
        self._webhook_servers: dict[str, Any] = {}   # identity name -> WebhookServer, started on first use
        self._texts_told = asyncio.Event()
        self._personas: list[dict] = []
        self._attempts: dict[int, int] = {}   # journey row id -> its attempt number (1, or 2 for a retry)

    async def run(self, journeys: list[LoadedJourney], options: dict | None = None, *,
                  run_id: str | None = None, wait_s: float = 0.0) -> RunResult:
        """Run journeys; with run_id of an earlier, interrupted run, resume it without resending.

        wait_s: afterwards, stay connected to the mailboxes (IMAP IDLE) until every await of this
        run is settled or this long has passed.
        """
        if run_id and self.ledger.get_run(run_id):
            self.ledger.reopen_run(run_id)
        else:
            run_id = self.ledger.start_run(self.kind, self.reports_dir, self.config.source, options or {},
                                           run_id=run_id, location=self.location)
        self.run_id = run_id
        result = RunResult(run_id)
        self._personas = [j.journey.persona.model_dump() for j in journeys]  # for the wrong-recipient check
        limit = asyncio.Semaphore(self.concurrency)
        slugs = _unique_slugs(journeys)

        async def one(loaded: LoadedJourney, journey_slug: str) -> None:
            await self._attempts_of(run_id, loaded, journey_slug, limit, result)

        try:
            if wait_s > 0 and any(needs_phone(s) for j in journeys for s in j.journey.steps):
                # Answers to texts can come within a second: be listening before the first is sent.
                await self._listen_for_texts()
            if any(uses(s, "USES_BROWSER") for j in journeys for s in j.journey.steps
                   if not locations.pinned_elsewhere(j, self.config, self.location)):
                # Start Chromium before the clocks run, so step times are the company's, not the launch.
                # A failure here is raised again, as a step error, by each browser step.
                try:
                    await self.browser.get()
                except ProberError as exc:
                    log.warning("%s", exc)
            await asyncio.gather(*(one(j, s) for j, s in zip(journeys, slugs, strict=True)))
            await self._close_browser()
            if wait_s > 0 and (pending := self.ledger.awaits_where(run_id=run_id, status="pending")):
                if hasattr(self.reporter, "waiting"):
                    self.reporter.waiting(wait_s, len(pending))
                await self.wait_for_answers(run_id, wait_s)
        except BaseException as exc:
            # Ctrl-C or a crash: journeys still under way stay 'running' (the report shows them as
            # unfinished) and their contacts stay 'planned', so nothing is resent blindly.
            if not isinstance(exc, LedgerBusy):   # a locked ledger would make this wait as long again
                self.ledger.finish_run(run_id, "interrupted")
            raise
        finally:
            await self._close_browser()
            for server in self._webhook_servers.values():
                await server.stop()
            self._record_refused_webhooks(run_id)
        self.ledger.finish_run(run_id, {0: "passed", 1: "failed", 3: "error"}[result.exit_code])
        if self.ledger.awaits_where(run_id=run_id):
            # Answers may have settled journeys while we waited: take their verdicts from the ledger.
            from .harvest import refresh_statuses

            journey_rows = self.ledger.run_rows(run_id)["journeys"]
            refresh_statuses(self.ledger, {row["id"] for row in journey_rows})
            rows = self.ledger.run_rows(run_id)["journeys"]
            retried = {row["retried_from"] for row in rows if row.get("retried_from")}
            for row in rows:
                if row["id"] not in retried:   # the verdict is the last attempt's
                    result.statuses[row["name"] + f" ({row['file']})"] = row["status"]
            pending = self.ledger.awaits_where(run_id=run_id, status="pending")
            result.pending_awaits = len(pending)
            if wait_s > 0:
                # Deadlines that passed while the mailbox could not be read: no verdict, and the run says why.
                result.held_open = list(dict.fromkeys(a["held_open"] for a in pending
                                                      if a.get("held_open") and a["due_at"] <= utcnow()))
        return result

    async def _attempts_of(self, run_id: str, loaded: LoadedJourney, journey_slug: str,
                           limit: asyncio.Semaphore, result: RunResult) -> None:
        """Run one journey, then its re-runs (settings.reruns), each attempt under the limit."""
        row = None   # the journey's latest attempt in the ledger (a resumed run carries on from it)
        while True:
            attempt = int((row or self.ledger.journey_in_run(run_id, loaded.path) or {}).get("attempt") or 1)
            async with limit:
                result.statuses[loaded.journey.name + f" ({loaded.path})"] = await self._journey(
                    run_id, loaded, journey_slug if attempt == 1 else f"{journey_slug}-attempt{attempt}", row)
            row = await self._retry(run_id, loaded)
            if row is None:
                return

    async def run_journey(self, run_id: str, loaded: LoadedJourney, journey_slug: str,
                          personas: list[dict] | None = None) -> str:
        """Run (or resume) one journey, with its re-runs, under the existing run ``run_id``, as a queue's job
        does (probes/queue.py): the run is neither started nor finished here, and the browser session is the
        caller's (a worker shares one among its jobs). personas: every persona of the run (the wrong-recipient
        check). Returns the journey's status (its last attempt's)."""
        self.run_id = run_id
        self._personas = personas or [loaded.journey.persona.model_dump()]
        result = RunResult(run_id)
        try:
            await self._attempts_of(run_id, loaded, journey_slug, asyncio.Semaphore(1), result)
        finally:
            for server in self._webhook_servers.values():
                await server.stop()
            self._record_refused_webhooks(run_id)
        return next(iter(result.statuses.values()), "not_started")

    async def wait_for_answers(self, run_id: str, wait_s: float) -> None:
        """Harvest now, then on every new message (IMAP NOOP while answers are expected soon, else IDLE), until
        this run's awaits settle or time is up.

        Text messages have no IDLE: with a phone identity, the prober looks every second. A mailbox
        that cannot be read (down, or its connection dropped, as servers do to idle ones) is tried
        again with backoff until the time is up; its awaits stay pending meanwhile (see
        harvest.close_overdue), so nothing is judged on what was not read. Never raises for that.
        """
        from .channels.email_inbox import wait_for_any
        from .harvest import BACKOFF_FIRST_S, BACKOFF_MAX_S, MailboxError, harvest, mailboxes_of

        channels_awaited = {a["channel"] for a in self.ledger.awaits_where(run_id=run_id, status="pending")}
        boxes = mailboxes_of(self.config) if "email" in channels_awaited else []
        texts = "sms" in channels_awaited and any(i.phone for i in self.config.identities.values())
        told = self._texts_told   # set when Twilio calls the messaging webhook: a text arrived
        hooked = texts and await self._listen_for_texts()
        deadline = time.monotonic() + wait_s
        pause = 0.0   # after a failed read: how long before the next try (doubles, up to BACKOFF_MAX_S)
        try:
            while True:
                failed = False
                try:
                    # record_first: each answer is in the ledger before any is judged, and mail landing
                    # while they are judged is recorded first (see harvest).
                    began = utcnow()
                    await asyncio.to_thread(harvest, self.ledger, self.config, self.reports_dir, open_boxes=boxes,
                                            retry_s=0, record_first=True)
                except MailboxError as exc:
                    failed = True
                    log.warning("%s", exc)
                    failures = exc.result.failures if exc.result else {}
                    # A refused login or certificate will not get better by waiting: stop reading that box.
                    boxes = [b for b in boxes if b.key not in failures or failures[b.key].transient]
                except Exception as exc:  # noqa: BLE001 - e.g. the ledger locked by another process
                    failed = True
                    log.warning("reading the answers failed (%s: %s); trying again", type(exc).__name__, exc)
                # Promises ("within 3 working days") are left to later harvests: --wait is for the answers.
                pending = [a for a in self.ledger.awaits_where(run_id=run_id, status="pending")
                           if a["kind"] != "promise"]
                left = deadline - time.monotonic()
                if not pending or left <= 0 or not (boxes or texts):
                    return
                if failed:
                    pause = min(max(BACKOFF_FIRST_S, pause * 2), BACKOFF_MAX_S)
                    await asyncio.sleep(min(pause, left))
                    continue
                pause = 0.0
                # Wake just after the next deadline, to close it. One that a read begun after it left pending
                # is held open, for a source that cannot be read: new mail or the next deadline wakes the
                # wait, not a harvest every 0.05 s for the rest of it.
                now = utcnow()
                due_in = [(a["due_at"] - now).total_seconds() + 0.05 for a in pending if a["due_at"] >= began]
                timeout = max(0.05, min([left, 60.0, *due_in]))
                if texts:
                    # Look every second; with the messaging webhook, at once when told (and every 5 s anyway).
                    told.clear()
                    try:
                        await asyncio.wait_for(told.wait(), timeout=min(timeout, HOOKED_LOOK_S if hooked
                                                                          else UNHOOKED_LOOK_S))
                    except asyncio.TimeoutError:
                        pass
                else:
                    try:
                        # NOOP every poll_s while answers are expected soon, else IDLE (see Mailbox.wait_for_mail);
                        # several boxes: each asked in turn, else all read every second (see wait_for_any).
                        if len(boxes) == 1:
                            await asyncio.to_thread(boxes[0].wait_for_mail, timeout)
                        else:
                            await asyncio.to_thread(wait_for_any, boxes, timeout)
                    except MailboxError as exc:
                        log.warning("%s; connecting again", exc)   # the next harvest connects again
        finally:
            for b in boxes:
                b.close()

    async def _listen_for_texts(self) -> bool:
        """Have the webhook servers of identities with webhooks tell us of incoming texts. True if any does."""
        from .webhooks import EMPTY, INBOX

        def heard(kind, params, at):
            if kind == "sms":
                self._texts_told.set()
            return EMPTY

        hooked = False
        for name, ident in self.config.identities.items():
            start = self._webhooks_for(name, ident.phone)
            if start is None:
                continue
            try:
                (await start()).register(heard, key=INBOX)
                hooked = True
            except ProberError as exc:
                log.warning("%s; looking for texts every second instead", exc)
        return hooked

    def _record_refused_webhooks(self, run_id: str) -> None:
        """Keep the webhooks refused in this run (forged, replayed) with the run, for the report and JSON.

        Kept in the run's options under ``webhooks_refused`` (no schema change); a resumed run adds to them.
        """
        counts = {"forged": 0, "replayed": 0}
        for server in self._webhook_servers.values():
            for kind, n in server.refused().items():
                counts[kind] += n
            server.forged = server.replayed = 0   # counted into this run; a later run starts from zero
        if not any(counts.values()):
            return
        options = dict((self.ledger.get_run(run_id) or {}).get("options") or {})
        earlier = options.get("webhooks_refused") or {}
        options["webhooks_refused"] = {k: n + int(earlier.get(k, 0)) for k, n in counts.items()}
        self.ledger.update_row("runs", run_id, options=options)

    async def _close_browser(self) -> None:
        try:
            await self.browser.close()
        except Exception as exc:  # noqa: BLE001 - a browser that died on its own is already closed
            log.warning("closing Chromium: %s", exc)

    def reruns_for(self, loaded: LoadedJourney) -> int:
        """How many times this journey may be re-run: the journey's, the target's, then settings.reruns;
        unset everywhere: 1 for a nightly run, 0 for `probes run` and the demo (a person watches those)."""
        target = self.config.targets[loaded.journey.target]
        for value in (loaded.journey.reruns, target.reruns, self.config.settings.reruns):
            if value is not None:
                return value
        return 1 if self.kind == "nightly" else 0

    def retry_reason(self, jid: int, status: str) -> str | None:
        """Why the finished journey ``jid`` is worth one more try, or None: it ended in a prober error, or
        every finding that failed it is transient (is_transient). Never while answers are still awaited."""
        if status not in ("error", "not_started", "failed"):
            return None
        if self.ledger.awaits_where(journey_id=jid, status="pending"):
            return None   # answers are still expected: a new contact would muddle whose answer is whose
        if status in ("error", "not_started"):
            errors = [s["error"] for s in self.ledger.run_rows(self.run_id, ("steps",))["steps"]
                      if s["journey_id"] == jid and s["status"] == "error" and s["error"]]
            why = (errors[0] if errors else (self.ledger.get_journey(jid) or {}).get("error")) or "a prober error"
            return f"prober error: {why.splitlines()[0][:200]}"
        failing = [f for f in self.ledger.findings_where(journey_id=jid) if f["severity"] in FAILING]
        if failing and all(is_transient(f["check_id"], f["title"], f["snippet"] or "") for f in failing):
            return "; ".join(dict.fromkeys(f["title"] for f in failing))
        return None

    async def _retry(self, run_id: str, loaded: LoadedJourney) -> dict | None:
        """After a journey's attempt: plan the next attempt and wait settings.rerun_pause_s, or return None.

        The next attempt's row is written before the pause, so a crash during the pause resumes it (and a
        resumed run never plans an attempt beyond retries + 1: the count is in the ledger)."""
        row = self.ledger.journey_in_run(run_id, loaded.path)
        if row is None or row["status"] == "running":
            return None
        attempt = int(row.get("attempt") or 1)
        if attempt > self.reruns_for(loaded) or locations.pinned_elsewhere(loaded, self.config, self.location):
            return None
        why = self.retry_reason(row["id"], row["status"])
        if why is None:
            return None
        j = loaded.journey
        target = self.config.targets[j.target]
        pause_s = self.config.settings.rerun_pause_s
        window = maintenance.window_during(target, utcnow(), utcnow() + dt.timedelta(seconds=pause_s))
        if window is not None and maintenance.mode(window, target) == "skip":
            self._note(f"not retrying {j.name}: maintenance window {window.describe(target.timezone)}")
            return None
        jid = self.ledger.start_journey(run_id, name=j.name, file=loaded.path, target=j.target,
                                        target_name=target.name, persona=j.persona.model_dump(), tags=j.tags,
                                        description=j.description, tuning=effective_tuning(j, self.config) or None,
                                        attempt=attempt + 1, retried_from=row["id"], retry_reason=why,
                                        location=self.location)
        self._note(f"retrying {j.name} in {pause_s:g} s (attempt {attempt}: {why})")
        log.info("retrying %s in %g s (attempt %d: %s)", loaded.path, pause_s, attempt, why)
        await asyncio.sleep(pause_s)
        self.ledger.update_row("journeys", jid, started_at=utcnow())
        return self.ledger.get_journey(jid)

    def _note(self, text: str) -> None:
        if hasattr(self.reporter, "note"):
            self.reporter.note(text)

    async def _journey(self, run_id: str, loaded: LoadedJourney, journey_slug: str, row: dict | None = None) -> str:
        j = loaded.journey
        target = self.config.targets[j.target]
        earlier = row or self.ledger.journey_in_run(run_id, loaded.path)
        attempt = int((earlier or {}).get("attempt") or 1)
        if (pinned := locations.pinned_elsewhere(loaded, self.config, self.location)) is not None:
            if earlier and self.ledger.contacts_where(journey_id=earlier["id"]):
                if earlier["status"] not in ("running", "not_started"):
                    return earlier["status"]   # it ran at a location it is pinned to: its result stands
                # Started there and cut short: only a run there may carry it on (its contacts were made there).
                why = (f"{locations.describe_pin(pinned)}: it was started there and cut short; it is not carried "
                       f"on at {self.location}. Resume the run at one of those locations")
                self.ledger.finish_journey(earlier["id"], "error", error=why)
                self._note(f"not resumed: {j.name}: {why}")
                return "error"
            return self._skip_pinned(run_id, loaded, earlier, pinned)
        window = maintenance.window_during(target, utcnow())
        if (window is not None and maintenance.mode(window, target) == "skip"
                and not (earlier and self.ledger.contacts_where(journey_id=earlier["id"]))):
            return self._skip_for_maintenance(run_id, loaded, earlier, window.describe(target.timezone))
        # Checks read the tuning back from the ledger (harvest too), so it is written before any step runs.
        tuning = effective_tuning(j, self.config) or None
        if earlier:
            jid = earlier["id"]
            self.ledger.update_row("journeys", jid, status="running", finished_at=None, tuning=tuning,
                                   location=self.location)
        else:
            jid = self.ledger.start_journey(run_id, name=j.name, file=loaded.path, target=j.target,
                                            target_name=target.name, persona=j.persona.model_dump(), tags=j.tags,
                                            description=j.description, tuning=tuning, location=self.location)
        self._attempts[jid] = attempt
        self.reporter.journey_started(j.name, len(j.steps))
        saved: dict[str, dict] = {}
        contacts: dict[str, dict] = {}   # step id -> its contact row, for await steps
        status = "passed"
        stop_reason = None
        for position, (key, step) in enumerate(zip(step_ids(j), j.steps, strict=True)):
            kind = "await" if isinstance(step, AwaitStep) else step.channel
            done = self.ledger.step_at(jid, position) if earlier else None
            if stop_reason:
                if not done:
                    self.ledger.skip_step(jid, position, key, kind, stop_reason)
                continue
            if done and done["status"] in ("passed", "failed", "pending"):
                # Resumed run: this step finished before; keep its result, send nothing.
                step_status, found = done["status"], []
                contact = self.ledger.contact_for_step(done["id"])
                if contact:
                    contacts[key] = contact
                    saved[key] = {"token": contact["token"], **(contact.get("saved") or {})}
            elif isinstance(step, AwaitStep):
                step_status, found = self._await_step(run_id, jid, position, key, step, target, contacts, done)
            else:
                step_status, found = await self._step(run_id, jid, loaded, position, key, step, target, saved,
                                                      contacts, journey_slug, done)
            # Judged from what the ledger holds, so a resumed run stops (and skips) exactly where this one did.
            stop_reason = self._stops_journey(key, step, jid, position, step_status)
            self.reporter.step_finished(j.name, key, step_status, found)
            if step_status in ("failed", "error"):
                status = "error" if step_status == "error" or status == "error" else "failed"
            elif step_status == "pending" and status == "passed":
                status = "pending"
        if status == "error" and self._never_reached(jid):
            # The prober's trouble stopped it before anything reached the company: a resumed run runs it.
            status = "not_started"
        self.ledger.finish_journey(jid, status)
        self.reporter.journey_finished(j.name, status)
        return status

    def _skip_pinned(self, run_id: str, loaded: LoadedJourney, earlier: dict | None, pinned: list[str]) -> str:
        """Record the journey as skipped, contacting nobody: it is pinned to other locations than this one."""
        j = loaded.journey
        target = self.config.targets[j.target]
        jid = earlier["id"] if earlier else self.ledger.start_journey(
            run_id, name=j.name, file=loaded.path, target=j.target, target_name=target.name,
            persona=j.persona.model_dump(), tags=j.tags, description=j.description, location=self.location)
        self.ledger.update_row("journeys", jid, status="skipped", finished_at=utcnow(), error=None,
                               pinned_to=", ".join(pinned), location=self.location)
        self.reporter.journey_started(j.name, len(j.steps))
        self._note(f"skipped: {j.name}: {locations.describe_pin(pinned)} (this is {self.location})")
        self.reporter.journey_finished(j.name, "skipped")
        return "skipped"

    def _skip_for_maintenance(self, run_id: str, loaded: LoadedJourney, earlier: dict | None, described: str) -> str:
        """Record the journey as skipped, contacting nobody: its target is in a maintenance window."""
        j = loaded.journey
        target = self.config.targets[j.target]
        jid = earlier["id"] if earlier else self.ledger.start_journey(
            run_id, name=j.name, file=loaded.path, target=j.target, target_name=target.name,
            persona=j.persona.model_dump(), tags=j.tags, description=j.description, location=self.location)
        self.ledger.update_row("journeys", jid, status="skipped", finished_at=utcnow(), maintenance=described,
                               error=None)
        self.reporter.journey_started(j.name, len(j.steps))
        self._note(f"skipped: {j.name}: maintenance window {described}")
        self.reporter.journey_finished(j.name, "skipped")
        return "skipped"

    def _stops_journey(self, key: str, step, jid: int, position: int, status: str) -> str | None:
        """blocking_reason for the step at ``position``, from its row and the findings it had when it finished.

        Findings added later (an answer harvested, a deadline missed) are the answer's verdict, not the
        step's: they do not change where the journey stopped.
        """
        row = self.ledger.step_at(jid, position)
        if row is None:
            return blocking_reason(key, status, None, [])
        reachable = (row.get("observations") or {}).get("reachable")
        finished = row.get("finished_at")
        severities = [f["severity"] for f in self.ledger.findings_where(step_id=row["id"])
                      if finished is None or f["created_at"] <= finished]
        return blocking_reason(key, status, reachable, severities, getattr(step, "stop_on", "critical"))

    def _never_reached(self, jid: int) -> bool:
        """True if the journey's contacts are all known not to have been made (and it has some)."""
        made = self.ledger.contacts_where(journey_id=jid)
        return bool(made) and all(c["status"] == "not_sent" for c in made)

    def _await_step(self, run_id, jid, position, key, step: AwaitStep, target, contacts, done):
        """Write one await row per deadline, due from the moment the awaited contact was made."""
        step_id = done["id"] if done else self.ledger.start_step(jid, position, key, "await", step.description)
        contact = contacts.get(step.await_)
        if not contact or contact["status"] != "sent" or not contact.get("sent_at"):
            return self._step_error(step_id, f"step '{step.await_}' made no contact to await")
        self._add_awaits(run_id, jid, step_id, contact, step.channel, step.deadlines(), target)
        observations: dict[str, Any] = {"awaiting": step.await_, "channel": step.channel}
        if step.stage:
            observations["stage"] = step.stage   # the journey map draws the step in it
        if step.must_mention:
            observations["must_mention"] = step.must_mention   # harvest judges the answers by it
        self.ledger.finish_step(step_id, "pending", observations=observations)
        return "pending", []

    def _add_awaits(self, run_id, jid, step_id, contact, channel, deadlines, target) -> None:
        from .harvest import settle

        calendar = BusinessCalendar.for_target(target)
        # One transaction with the answers already recorded: another process (a harvest, another run
        # waiting) may have recorded an answer to this contact before its awaits existed.
        with self.ledger.transaction():
            existing = {(a["kind"]) for a in self.ledger.awaits_where(step_id=step_id, contact_id=contact["id"])}
            for kind, deadline in deadlines.items():
                if kind not in existing:
                    self.ledger.add_await(run_id=run_id, journey_id=jid, step_id=step_id, contact_id=contact["id"],
                                          channel=channel, kind=kind, deadline_text=deadline.describe(),
                                          due_at=deadline.due(contact["sent_at"], calendar))
            for r in self.ledger.responses_where(contact_id=contact["id"]):
                if r["kind"] in ("auto", "human"):
                    settle(self.ledger, calendar, contact, r["id"], r["kind"], r["arrived_at"])

    async def _step(self, run_id, jid, loaded, position, key, step, target, saved, contacts,
                    journey_slug, done) -> tuple[str, list[Finding]]:
        j = loaded.journey
        module = channels.REGISTRY[step.channel]
        identity_name, identity = identity_of(j, self.config)
        email_identity = identity.email if identity else None
        phone_identity = identity.phone if identity else None
        attempt = self._attempts.get(jid, 1)
        # Each attempt is its own contact: attempt 2 has keys of its own, so neither is ever made twice.
        idempotency_key = f"{run_id}/{loaded.path}/{key}" if attempt == 1 else f"{run_id}/{loaded.path}#{attempt}/{key}"
        earlier = self.ledger.contact_by_key(idempotency_key) if done else None
        token = earlier["token"] if earlier else new_token()
        values = template_values(j, self.config, token, saved)
        step_id = done["id"] if done else self.ledger.start_step(jid, position, key, step.channel, step.description)
        started = utcnow()
        destination = render(step.destination(), values) if step.destination() else ""
        if destination and not target.allows(destination):
            # Validation checks this too; checked again here with real values, before any contact.
            return self._step_error(step_id, f"{destination} is not on the target's allowlist; nothing was sent")
        if earlier:
            contact_id = earlier["id"]
            verdict = await self._recover(earlier, module, email_identity, phone_identity)
            if verdict == "sent":
                contact = contacts[key] = self.ledger.get_contact(contact_id)
                assert contact is not None   # the row `earlier` was read from
                saved[key] = {"token": token, **(contact.get("saved") or {})}
                status = "pending" if self._await_replies(step, run_id, jid, step_id, contact, target) else "passed"
                self.ledger.finish_step(step_id, status,
                                        observations={"recovered": "the earlier attempt was sent; not resent",
                                                      "reachable": True,
                                                      **({"stage": step.stage} if step.stage else {})})
                return status, []
            if verdict != "resend":
                return self._step_error(step_id, verdict)
            message_id = earlier["message_id"] or message_id_for(token, email_identity)
            # A new attempt: 'planned' again until it is known to have gone, so a crash never resends blindly.
            self.ledger.mark_contact(contact_id, "planned", None, planned_at=utcnow())
        else:
            message_id = message_id_for(token, email_identity)
            # Written before the contact is made: a crash leaves 'planned', never a silent double send.
            contact_id = self.ledger.plan_contact(
                run_id=run_id, journey_id=jid, step_id=step_id, channel=step.channel, destination=destination,
                token=token, idempotency_key=idempotency_key,
                message_id=message_id if uses(step, "USES_MAILBOX") else None,
                reply_address=values.get("reply_to"), identity=identity_of(j, self.config)[0],
                location=self.location)
        ctx = StepContext(target=target, values=values, evidence_dir=self.reports_dir / "evidence" / run_id / journey_slug,
                          step_key=key, browser_session=self.browser, trace=self.config.settings.browser.trace,
                          locale=j.persona.language, token=token, persona_name=j.persona.name,
                          email_identity=email_identity, identity_name=identity_name or "",
                          reply_address=values.get("reply_to", ""), message_id=message_id,
                          phone_identity=phone_identity,
                          webhooks=self._webhooks_for(identity_name, phone_identity))
        # A channel that retries (email: a relay's refusals; phone, sms: Twilio's trouble) knows its own ceiling.
        budget_s = (module.budget_s(step, ctx) if hasattr(module, "budget_s")
                    else step_budget_s(step, self.config.settings.browser))
        lost_before = self.browser.disconnects
        try:
            outcome: Outcome = await asyncio.wait_for(module.run(step, ctx), timeout=budget_s)
        except asyncio.TimeoutError:
            return self._step_error(step_id, f"the step did not finish within {budget_s:.0f} s")
        except ProberError as exc:
            if exc.nothing_sent:
                # Certain it never reached the company: a resumed run sends it, without waiting to check.
                self.ledger.mark_contact(contact_id, "not_sent", None)
            return self._step_error(step_id, str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug in the prober is an error, not a finding
            if uses(step, "USES_BROWSER") and self.browser.disconnects != lost_before:
                # Chromium died under the step; the company may have its contact, so it stays 'planned'.
                return self._step_error(step_id, f"Chromium went away while the step ran (it crashed or was "
                                                 f"killed): {type(exc).__name__}: {exc}")
            log.error("step %s of %s crashed:\n%s", key, loaded.path, traceback.format_exc())
            return self._step_error(step_id, f"internal error: {type(exc).__name__}: {exc}")

        from .harvest import check_context

        # The checks read the ledger and think; they run before the write transaction, so a busy machine's
        # other journeys and a waiting harvest are not held up behind them (the lock is held from the first write).
        contact_row = self.ledger.get_contact(contact_id)
        assert contact_row is not None   # planned above, or read back as `earlier`
        check_ctx = check_context(self.ledger, contact_row, j.persona.model_dump(),
                                  step.channel, personas=self._personas)
        found = list(outcome.findings)
        # Each reply alone; what the question asked (must_mention) on a conversation's answers together.
        for text in outcome.responses:
            found.extend(run_checks(text, replace(check_ctx, must_mention=[])))
        answer = _answer_text(outcome)
        if getattr(step, "must_mention", None) and answer:
            found.extend(f for f in run_checks(answer, replace(check_ctx, must_mention=list(step.must_mention)))
                         if f.check.startswith("answer."))
        # A step that ran (even partly) inside a maintenance window: what it found is no verdict on the company.
        window = maintenance.window_during(target, started, utcnow())
        as_found = found   # before any downgrade: whether the contact got through does not change
        if window is not None and found:
            described = window.describe(target.timezone)
            found = [maintenance.downgrade(f, described) for f in found]
            self.ledger.update_row("journeys", jid, maintenance=described)
        # What the step did, its findings, evidence and verdict commit together: one durable write (each
        # commit waits for the disk), and never half of a step's record after a crash.
        with self.ledger.transaction():
            sent_at = (outcome.sent_at or utcnow()) if outcome.contacted else None
            self.ledger.mark_contact(contact_id, "sent" if outcome.contacted else "not_sent", sent_at,
                                     server_answer=outcome.observations.get("server_answer"), saved=outcome.saved,
                                     accepted_at=outcome.accepted_at)
            for f in found:
                self.ledger.add_finding(run_id, jid, step_id, f, contact_id)
            for ev in outcome.evidence:
                size = ev.path.stat().st_size if ev.path.exists() else None
                rel = ev.path.relative_to(self.reports_dir) if ev.path.is_relative_to(self.reports_dir) else ev.path
                self.ledger.add_evidence(run_id, jid, step_id, ev.kind, ev.label, str(rel), size)
            saved[key] = {"token": token, **outcome.saved}
            contacts[key] = self.ledger.get_contact(contact_id)
            if answer and outcome.contacted:
                self._await_promises(run_id, jid, step_id, contacts[key], j.persona.language, target, outcome, identity)
            failed = any(f.severity in FAILING for f in found)
            # Reached: the company's side got the contact, and no critical finding says otherwise, unless the
            # channel knows better (an offline chat answers nobody; a form reached only if it confirmed).
            reachable = outcome.contacted and bool(
                outcome.observations.get("reachable", not any(f.severity == "critical" for f in as_found)))
            observations = {**outcome.observations, "reachable": reachable}
            if step.stage:
                observations["stage"] = step.stage   # the journey map draws the step in it
            if getattr(step, "must_mention", None):
                observations["must_mention"] = step.must_mention   # harvest judges the answers by it
            status = "failed" if failed else "passed"
            # The answers to a contact that got through are awaited even when the step failed on a finding that
            # does not stop the journey (the step stays failed; the answers get their own verdicts).
            goes_on = blocking_reason(key, status, reachable, [f.severity for f in found], step.stop_on) is None
            if goes_on and self._await_replies(step, run_id, jid, step_id, contacts[key], target) and not failed:
                status = "pending"
            measurements = {k: round(v, 4) for k, v in outcome.measurements.items()}
            self.ledger.finish_step(step_id, status, measurements, observations, started_at=started)
        return status, found

    def _await_promises(self, run_id, jid, step_id, contact, language, target, outcome: Outcome, identity) -> None:
        """A chat or a call that promises a follow-up ("we will email you the label within 2 hours") is
        awaited like an answer's promise: a person's next answer must come by then. Only on a channel the
        prober reads and can tie to this contact: a text, or an email when the customer gave this contact's
        own reply address or its token; a promised call back is not awaited (the prober takes no calls)."""
        from .checks import promises

        said = " ".join(str(m.get("text", "")) for m in outcome.observations.get("transcript") or []
                        if m.get("author") == "customer").lower()
        email = identity.email if identity else None
        address = (contact.get("reply_address") or "").lower()
        readable = {"sms": bool(identity and identity.phone),
                    "email": email is not None and bool((address and address != email.address.lower()
                                                         and address in said)
                                                        or (contact.get("token") and contact["token"] in said))}
        at = utcnow()
        calendar = BusinessCalendar.for_target(target)
        found = [(p, promises.follow_up_channel(p.sentence))
                 for p in promises.find(_answer_text(outcome), language or "en", at, calendar) if p.awaitable(at)]
        found = [(p, channel) for p, channel in found if readable.get(channel)]
        if not found or self.ledger.awaits_where(contact_id=contact["id"], kind="promise"):
            return   # one promise await per contact (a resumed step has it already)
        soonest, channel = min(found, key=lambda f: f[0].due)
        self.ledger.add_await(run_id=run_id, journey_id=jid, step_id=step_id, contact_id=contact["id"],
                              channel=channel, kind="promise", deadline_text=f"promised \u201c{soonest.text}\u201d",
                              due_at=soonest.due)

    def _await_replies(self, step, run_id, jid, step_id, contact, target) -> bool:
        """Awaits for a step's own reply deadlines (an email or SMS step's expect:). True if it has any."""
        expect = getattr(step, "expect", None)
        if expect is None or not hasattr(expect, "deadlines"):
            return False
        channel = getattr(channels.REGISTRY[step.channel], "REPLY_CHANNEL", "email")
        self._add_awaits(run_id, jid, step_id, contact, channel, expect.deadlines(), target)
        return True

    def _webhooks_for(self, name: str | None, phone: PhoneIdentity | None):
        """A starter for the identity's webhook server, shared by every step of the run."""
        if phone is None or phone.webhooks is None:
            return None

        async def start():
            from .webhooks import WebhookServer

            server = self._webhook_servers.get(name or "")
            if server is None:
                server = self._webhook_servers[name or ""] = WebhookServer(phone.webhooks, phone.secret())
            try:
                return await server.start()
            except OSError as exc:
                raise ProberError(str(exc)) from None
        return start

    async def _recover(self, contact: dict, module, identity: EmailIdentity | None,
                       phone: PhoneIdentity | None = None) -> str:
        """A resumed step whose contact was planned: 'sent', 'resend', or why it is left alone."""
        if contact["status"] == "sent":
            return "sent"
        if contact["status"] == "not_sent":
            return "resend"
        if hasattr(module, "find_sent") and phone is not None:
            # Twilio keeps every call and message: ask it whether the interrupted attempt went out.
            # find_sent uses only the phone identity: no target or browser is needed to ask Twilio.
            ctx = StepContext(target=None, values={}, evidence_dir=self.reports_dir, step_key="",  # type: ignore[arg-type]
                              browser_session=None, phone_identity=phone)  # type: ignore[arg-type]
            if await module.find_sent(contact, ctx):
                self.ledger.mark_contact(contact["id"], "sent", contact["planned_at"])
                return "sent"
            return "resend"
        if not getattr(module, "USES_MAILBOX", False) or identity is None:
            return ("the earlier attempt was interrupted while sending and may have reached the company; "
                    "it is not sent again")
        from .harvest import Mailbox

        box = Mailbox("recovery", identity)
        try:
            await asyncio.to_thread(box.connect)
            accepted_at = await asyncio.to_thread(box.find_message_id, contact["message_id"])
        finally:
            box.close()
        if accepted_at is not None:
            # The copy's date is the server's acceptance; the customer's clock started at the attempt.
            self.ledger.mark_contact(contact["id"], "sent", contact["planned_at"], accepted_at=accepted_at)
            return "sent"
        waited = (utcnow() - contact["planned_at"]).total_seconds()
        if waited >= identity.resend_after_s:
            return "resend"
        return (f"the earlier attempt was interrupted while sending and its copy has not appeared in the "
                f"mailbox yet; it is not resent before {identity.resend_after_s - waited:.0f} s have passed")

    def _step_error(self, step_id: int, message: str) -> tuple[str, list[Finding]]:
        self.ledger.finish_step(step_id, "error", error=message)
        return "error", []


def _unique_slugs(journeys: list[LoadedJourney]) -> list[str]:
    out, seen = [], set()
    for loaded in journeys:
        base = slug(Path(loaded.path).stem)
        s, n = base, 2
        while s in seen:
            s, n = f"{base}-{n}", n + 1
        seen.add(s)
        out.append(s)
    return out


def plan(journeys: list[LoadedJourney], config: Config) -> list[str]:
    """For --dry-run: one line per contact a run would make, with its destination."""
    lines = []
    for loaded in journeys:
        j = loaded.journey
        saved: dict[str, dict] = {}
        for key, step in zip(step_ids(j), j.steps, strict=True):
            values = template_values(j, config, "<token>", saved)
            if isinstance(step, AwaitStep):
                waits = ", ".join(f"{k} within {d.describe()}" for k, d in step.deadlines().items())
                lines.append(f"{loaded.path}: {key}: await the answer to '{step.await_}' by {step.channel} "
                             f"({waits}); contacts nobody")
                continue
            dest = render(step.destination(), values) if step.destination() else "(no contact)"
            lines.append(f"{loaded.path}: {key}: {step.channel} -> {dest}  (as {j.persona.name})")
            saved[key] = {"token": "<token>", **{n: f"<{n}>" for n in step.saved_names()}}
    return lines
