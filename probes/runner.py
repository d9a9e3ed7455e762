"""Runs journeys: concurrency, clocks, deadlines, ledger writes, pass or fail.

Channels only observe. The runner turns what they saw into a verdict:
a step with a critical or major finding *failed* (the company let the
customer down); a step whose channel raised *errored* (the prober broke).
A journey stops at its first failed or errored step; later steps are
recorded as skipped, since they usually build on the earlier one.
"""
from __future__ import annotations

import asyncio
import logging
import re
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import channels
from .browser import BrowserSession
from .checks import CheckContext, run_checks
from .config import Config, Target
from .ledger import Ledger, new_token
from .results import FAILING, Finding, Outcome, ProberError, utcnow
from .scenario import LoadedJourney, step_ids, template_values
from .templating import render

log = logging.getLogger("probes.runner")

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_PROBER_ERROR = 0, 1, 2, 3


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
    trace: bool = True
    locale: str = "en"

    async def browser(self):
        return await self.browser_session.get()

    def render(self, text: str) -> str:
        return render(text, self.values)

    def allows(self, destination: str) -> bool:
        return self.target.allows(destination)

    def evidence_path(self, name: str) -> Path:
        self.evidence_dir.mkdir(parents=True, exist_ok=True)
        return self.evidence_dir / f"{self.step_key}-{name}"


@dataclass
class RunResult:
    run_id: str
    statuses: dict[str, str] = field(default_factory=dict)   # journey name -> status

    @property
    def exit_code(self) -> int:
        values = set(self.statuses.values())
        if "error" in values:
            return EXIT_PROBER_ERROR
        if "failed" in values:
            return EXIT_FINDINGS
        return EXIT_OK


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "journey"


def step_budget_s(step) -> float:
    """Hard ceiling for one step, so a hung browser cannot hang the run."""
    load = getattr(step, "load_within", 20.0) * (getattr(step, "retries", 0) + 1)
    expect = getattr(getattr(step, "expect", None), "within", 15.0)
    return load + expect + 60.0


class Runner:
    def __init__(self, config: Config, ledger: Ledger, reports_dir: Path, *, concurrency: int | None = None,
                 reporter: Reporter | None = None, kind: str = "run"):
        self.config = config
        self.ledger = ledger
        self.reports_dir = reports_dir
        self.concurrency = concurrency or config.settings.concurrency
        self.reporter = reporter or QuietReporter()
        self.kind = kind
        self.browser = BrowserSession(config.settings.browser)

    async def run(self, journeys: list[LoadedJourney], options: dict | None = None) -> RunResult:
        run_id = self.ledger.start_run(self.kind, self.reports_dir, self.config.source, options or {})
        result = RunResult(run_id)
        limit = asyncio.Semaphore(self.concurrency)
        slugs = _unique_slugs(journeys)

        async def one(loaded: LoadedJourney, journey_slug: str) -> None:
            async with limit:
                result.statuses[loaded.journey.name + f" ({loaded.path})"] = await self._journey(
                    run_id, loaded, journey_slug)

        try:
            if any(getattr(channels.REGISTRY[s.channel], "USES_BROWSER", False)
                   for j in journeys for s in j.journey.steps):
                # Start Chromium before the clocks run, so step times are the company's, not the launch.
                # A failure here is raised again, as a step error, by each browser step.
                try:
                    await self.browser.get()
                except ProberError as exc:
                    log.warning("%s", exc)
            await asyncio.gather(*(one(j, s) for j, s in zip(journeys, slugs)))
        except BaseException:
            # Ctrl-C or a crash: journeys still under way stay 'running' (the report shows them as
            # unfinished) and their contacts stay 'planned', so nothing is resent blindly.
            self.ledger.finish_run(run_id, "interrupted")
            raise
        finally:
            await self._close_browser()
        self.ledger.finish_run(run_id, {0: "passed", 1: "failed", 3: "error"}[result.exit_code])
        return result

    async def _close_browser(self) -> None:
        try:
            await self.browser.close()
        except Exception as exc:  # noqa: BLE001 - a browser that died on its own is already closed
            log.warning("closing Chromium: %s", exc)

    async def _journey(self, run_id: str, loaded: LoadedJourney, journey_slug: str) -> str:
        j = loaded.journey
        target = self.config.targets[j.target]
        jid = self.ledger.start_journey(run_id, name=j.name, file=loaded.path, target=j.target,
                                        target_name=target.name, persona=j.persona.model_dump(), tags=j.tags,
                                        description=j.description)
        self.reporter.journey_started(j.name, len(j.steps))
        saved: dict[str, dict] = {}
        status = "passed"
        ids = step_ids(j)
        stop_reason = None
        for position, (key, step) in enumerate(zip(ids, j.steps)):
            if stop_reason:
                self.ledger.skip_step(jid, position, key, step.channel, stop_reason)
                continue
            step_status, found = await self._step(run_id, jid, loaded, position, key, step, target, saved,
                                                  journey_slug)
            self.reporter.step_finished(j.name, key, step_status, found)
            if step_status in ("failed", "error"):
                status = "error" if step_status == "error" or status == "error" else "failed"
                stop_reason = f"not run: step '{key}' {'failed' if step_status == 'failed' else 'could not run'}"
        self.ledger.finish_journey(jid, status)
        self.reporter.journey_finished(j.name, status)
        return status

    async def _step(self, run_id, jid, loaded, position, key, step, target, saved,
                    journey_slug) -> tuple[str, list[Finding]]:
        j = loaded.journey
        module = channels.REGISTRY[step.channel]
        token = new_token()
        values = template_values(j, self.config, token, saved)
        step_id = self.ledger.start_step(jid, position, key, step.channel, step.description)
        started = utcnow()
        destination = render(step.destination(), values) if step.destination() else ""
        if destination and not target.allows(destination):
            # Validation checks this too; checked again here with real values, before any contact.
            return self._step_error(step_id, f"{destination} is not on the target's allowlist; nothing was sent")
        # Written before the contact is made: a crash leaves 'planned', never a silent double send.
        contact_id = self.ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=step_id, channel=step.channel,
                                              destination=destination, token=token,
                                              idempotency_key=f"{run_id}/{loaded.path}/{key}")
        ctx = StepContext(target=target, values=values, evidence_dir=self.reports_dir / "evidence" / run_id / journey_slug,
                          step_key=key, browser_session=self.browser, trace=self.config.settings.browser.trace,
                          locale=j.persona.language)
        try:
            outcome: Outcome = await asyncio.wait_for(module.run(step, ctx), timeout=step_budget_s(step))
        except asyncio.TimeoutError:
            return self._step_error(step_id, f"the step did not finish within {step_budget_s(step):.0f} s")
        except ProberError as exc:
            return self._step_error(step_id, str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug in the prober is an error, not a finding
            log.error("step %s of %s crashed:\n%s", key, loaded.path, traceback.format_exc())
            return self._step_error(step_id, f"internal error: {type(exc).__name__}: {exc}")

        self.ledger.mark_contact(contact_id, "sent" if outcome.contacted else "not_sent",
                                 utcnow() if outcome.contacted else None)
        check_ctx = CheckContext(persona=j.persona.model_dump(), channel=step.channel)
        found = list(outcome.findings)
        for text in outcome.responses:
            found.extend(run_checks(text, check_ctx))
        for f in found:
            self.ledger.add_finding(run_id, jid, step_id, f, contact_id)
        for ev in outcome.evidence:
            size = ev.path.stat().st_size if ev.path.exists() else None
            rel = ev.path.relative_to(self.reports_dir) if ev.path.is_relative_to(self.reports_dir) else ev.path
            self.ledger.add_evidence(run_id, jid, step_id, ev.kind, ev.label, str(rel), size)
        saved[key] = {"token": token, **outcome.saved}
        failed = any(f.severity in FAILING for f in found)
        observations = {**outcome.observations, "reachable": not any(f.severity == "critical" for f in found)}
        status = "failed" if failed else "passed"
        measurements = {k: round(v, 4) for k, v in outcome.measurements.items()}
        self.ledger.finish_step(step_id, status, measurements, observations, started_at=started)
        return status, found

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
        for key, step in zip(step_ids(j), j.steps):
            values = template_values(j, config, "<token>", saved)
            dest = render(step.destination(), values) if step.destination() else "(no contact)"
            lines.append(f"{loaded.path}: {key}: {step.channel} -> {dest}  (as {j.persona.name})")
            saved[key] = {"token": "<token>", **{n: f"<{n}>" for n in step.saved_names()}}
    return lines
