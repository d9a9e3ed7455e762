"""Journeys as jobs on a task queue (procrastinate), run by `probes worker` processes on any machine that
reaches the ledger's PostgreSQL database.

* The queue lives in the ledger's own database (procrastinate's ``procrastinate_*`` tables beside the ledger's):
  PostgreSQL is the only moving part, and a run's rows and its jobs are in one backup.
* `probes run --queue` / `probes nightly --queue` write the run into the ledger, then put one job per journey on
  the queue and exit. A journey for anywhere goes to the queue ``journeys``; one pinned to locations gets one job
  on ``journeys@<location>`` for each of them, and runs once, from whichever location takes it first (the others
  find it done). A worker of location L takes jobs from ``journeys``, ``journeys@L`` and ``probes`` (harvest,
  tending).
* A journey job holds a PostgreSQL advisory lock on (run, journey file) while it runs or resumes the journey, so
  no two workers ever run one journey at once: not two jobs of a pinned journey, nor a job put back on the queue
  because its worker looked dead while that worker is in fact alive. PostgreSQL releases the lock when the
  holder's connection ends, however its process ended. A job that finds the lock held is tried again later.
* Never twice: a resumed journey goes through the runner's planned-before-sent protocol (runner.py): steps that
  finished are kept, a contact left 'planned' is looked for (the mailbox copy, Twilio's log) before anything is
  sent again, and an unprovable web form is not resent.
* Who finishes the run: every journey job holds the run's advisory lock *shared* while it works; when it is done
  it takes that lock exclusively, which it gets only when no other job of the run is working, and then, under the
  ledger's write lock, finishes the run if every journey of it has ended. The run's page, JSON, exports and alerts
  are written after the status is committed; ``published`` in the run's options says whether they were, and the
  periodic tend job finishes or publishes whatever a crash left undone.
* Workers send a heartbeat (settings.queue.heartbeat_s); the tend job puts the jobs of a worker silent for
  settings.queue.stalled_after_s back on the queue, where another worker resumes them.
* Harvest: a periodic job (settings.queue.harvest_cron; procrastinate defers it once per tick however many
  workers run) that reads every mailbox and number holding an advisory lock per source, so exactly one harvester
  reads a mailbox at a time (a second one skips its turn).
"""
from __future__ import annotations

import asyncio
import logging
import os
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .locations import journey_locations
from .results import ProberError

log = logging.getLogger("probes.queue")

ANY_QUEUE = "journeys"            # journeys for any location
SERVICE_QUEUE = "probes"          # harvest and tending: every worker takes them
JOURNEY_TASK = "probes.journey"
HARVEST_TASK = "probes.harvest"
TEND_TASK = "probes.tend"
NIGHTLY_TASK = "probes.nightly"
# Advisory lock key spaces (the two-int4 form, apart from the ledger's one-bigint write lock).
LOCK_SCHEMA, LOCK_JOURNEY, LOCK_RUN, LOCK_SOURCE = 16001, 16002, 16003, 16004
POSTGRES_EXTRA = "pip install 'mystery-shopper[postgres]'"


class QueueError(ProberError):
    """The queue cannot be used: a SQLite ledger, procrastinate missing, the database unreachable."""


class JourneyBusy(Exception):
    """Another worker holds this journey: the job is tried again after settings.queue.busy_retry_s."""


def queue_for(location: str | None) -> str:
    """The procrastinate queue of jobs for this location (None: for any location)."""
    return f"{ANY_QUEUE}@{location}" if location else ANY_QUEUE


def worker_queues(location: str) -> list[str]:
    return [ANY_QUEUE, queue_for(location), SERVICE_QUEUE]


def conninfo_for(ledger_url: str) -> str:
    """The libpq connection string of a PostgreSQL ledger URL; QueueError for any other ledger."""
    import sqlalchemy as sa

    from .ledger import engine_url

    if not ledger_url.startswith(("postgresql", "postgres://")):
        shown = ledger_url.split("?")[0]
        raise QueueError(
            f"--queue and `probes worker` need a PostgreSQL ledger (the queue lives in its database, and workers "
            f"on other machines must reach it); this ledger is {shown}. Set `ledger: postgresql://…` under "
            f"settings in probes.yaml (or pass --ledger) and install the driver: {POSTGRES_EXTRA}")
    url = sa.engine.make_url(engine_url(ledger_url)).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


def _procrastinate():
    try:
        import procrastinate
    except ImportError:
        raise QueueError(f"the task queue (procrastinate) is not installed. Run: {POSTGRES_EXTRA}") from None
    return procrastinate


def make_app(conninfo: str, settings=None):
    """A procrastinate App on the database, with the prober's tasks (and, given the settings, its periodic
    jobs: a worker's app; the app that only enqueues needs none)."""
    procrastinate = _procrastinate()
    from .config import QueueSettings

    qs = settings.queue if settings is not None else QueueSettings()
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=conninfo))
    # A busy journey is tried again until its holder lets go (a dead holder's lock goes with its connection).
    busy = procrastinate.RetryStrategy(max_attempts=100_000, wait=int(qs.busy_retry_s),
                                       retry_exceptions={JourneyBusy})
    app.task(name=JOURNEY_TASK, queue=ANY_QUEUE, pass_context=True, retry=busy)(journey_job)
    harvest = app.task(name=HARVEST_TASK, queue=SERVICE_QUEUE, pass_context=True, queueing_lock=HARVEST_TASK)(
        harvest_job)
    tend = app.task(name=TEND_TASK, queue=SERVICE_QUEUE, pass_context=True, queueing_lock=TEND_TASK)(tend_job)
    nightly = app.task(name=NIGHTLY_TASK, queue=SERVICE_QUEUE, pass_context=True, queueing_lock=NIGHTLY_TASK)(
        nightly_job)
    if settings is not None:
        if qs.nightly_cron != "off":
            app.periodic(cron=qs.nightly_cron)(nightly)
        if qs.harvest_cron != "off":
            app.periodic(cron=qs.harvest_cron)(harvest)
        if qs.tend_cron != "off":
            app.periodic(cron=qs.tend_cron)(tend)
    return app


def ensure_schema(conninfo: str) -> None:
    """Create procrastinate's tables in the database if they are not there (once, under an advisory lock, however
    many workers start at once)."""
    procrastinate = _procrastinate()
    import psycopg

    try:
        conn = psycopg.connect(conninfo, autocommit=True)
    except psycopg.Error as exc:
        raise QueueError(f"cannot reach the queue's database: {exc}") from None
    with conn:
        conn.execute("SELECT pg_advisory_lock(%s, 0)", (LOCK_SCHEMA,))
        try:
            row = conn.execute("SELECT to_regclass('procrastinate_jobs')").fetchone()
            if row is None or row[0] is None:
                conn.execute(procrastinate.schema.SchemaManager.get_schema())
        finally:
            conn.execute("SELECT pg_advisory_unlock(%s, 0)", (LOCK_SCHEMA,))


# --- enqueueing ---------------------------------------------------------------------------------------------
@dataclass
class Enqueued:
    run_id: str
    queues: dict[str, int]     # queue -> jobs put on it
    already_done: int          # journeys of a resumed run that had ended: no job


def enqueue_run(config, ledger_url: str, journeys: list, reports: Path, *, kind: str, run_id: str | None,
                options: dict, json_path: str | None = None, exports: dict[str, Path] | None = None,
                location: str = "local") -> Enqueued:
    """Write the run into the ledger (or reopen it), then put one job per journey (per pinned location) on the
    queue. A journey that already ended in this run gets none. The run's options say what the finishing job
    needs: the journeys, their evidence folder names, every persona, where JSON and exports go. location: where
    the run is queued from (the run's; each journey and contact records its worker's)."""
    from .ledger import Ledger
    from .runner import _unique_slugs

    conninfo = conninfo_for(ledger_url)
    ensure_schema(conninfo)
    ledger = Ledger(ledger_url, lock_wait_s=config.settings.ledger_lock_wait_s)
    try:
        personas = list({repr(p): p for p in (j.journey.persona.model_dump() for j in journeys)}.values())
        jobs = []
        for loaded, slug in zip(journeys, _unique_slugs(journeys), strict=True):
            jobs.append({"path": loaded.path, "file": str(Path(loaded.path).resolve()), "slug": slug,
                         "locations": journey_locations(loaded, config)})
        queued = {"jobs": jobs, "personas": personas, "published": False,
                  "json": str(Path(json_path).resolve()) if json_path else None,
                  "exports": {k: str(Path(v).resolve()) for k, v in (exports or {}).items()}}
        with ledger.transaction():
            existing = ledger.get_run(run_id) if run_id else None
            if existing:
                ledger.reopen_run(existing["id"])
                ledger.update_row("runs", existing["id"], options={**(existing.get("options") or {}), **options,
                                                                   "queue": queued})
            else:
                run_id = ledger.start_run(kind, reports, config.source, {**options, "queue": queued}, run_id=run_id,
                                          location=location)
        assert run_id is not None
        todo, done = [], 0
        for job in jobs:
            row = ledger.journey_in_run(run_id, job["path"])
            if row is not None and row["status"] != "running":
                done += 1
            else:
                todo.append(job)
    finally:
        ledger.close()
    counts: dict[str, int] = {}

    async def defer() -> None:
        procrastinate = _procrastinate()
        app = make_app(conninfo)
        async with app.open_async():
            for job in todo:
                for place in job["locations"] or [None]:
                    queue = queue_for(place)
                    try:
                        await app.configure_task(
                            JOURNEY_TASK, queue=queue,
                            # Enqueued twice (a resumed run): one waiting job per journey and location.
                            queueing_lock=f"{run_id}:{place or ''}:{job['path']}",
                        ).defer_async(run_id=run_id, path=job["path"], file=job["file"], slug=job["slug"])
                    except procrastinate.exceptions.AlreadyEnqueued:
                        pass
                    counts[queue] = counts.get(queue, 0) + 1

    asyncio.run(defer())
    if not todo:
        asyncio.run(finish_if_done(config, ledger_url, run_id))
    return Enqueued(run_id, counts, done)


# --- the worker -----------------------------------------------------------------------------------------------
@dataclass
class WorkerState:
    """What every job of one worker process shares."""

    config: Any
    ledger_url: str
    conninfo: str
    location: str
    ledger: Any = None
    browser: Any = None
    say: Any = print


async def run_worker(config, ledger_url: str, location: str, concurrency: int, say=print) -> None:
    """Take jobs from this location's queues until SIGINT/SIGTERM (then the journeys under way finish first)."""
    from .browser import BrowserSession
    from .ledger import Ledger

    conninfo = conninfo_for(ledger_url)
    await asyncio.to_thread(ensure_schema, conninfo)
    state = WorkerState(config, ledger_url, conninfo, location, say=say)
    state.ledger = Ledger(ledger_url, lock_wait_s=config.settings.ledger_lock_wait_s)
    state.browser = BrowserSession(config.settings.browser)
    app = make_app(conninfo, config.settings)
    qs = config.settings.queue
    name = f"{socket.gethostname()}-{os.getpid()}@{location}"
    try:
        async with app.open_async():
            await app.run_worker_async(
                queues=worker_queues(location), name=name, concurrency=concurrency,
                additional_context={"probes": state}, update_heartbeat_interval=qs.heartbeat_s,
                # A job that succeeded is forgotten (the ledger keeps what it did); failed ones stay to be looked at.
                delete_jobs="successful",
                stalled_worker_timeout=qs.stalled_after_s, fetch_job_polling_interval=min(5.0, qs.heartbeat_s))
    finally:
        try:
            await state.browser.close()
        finally:
            state.ledger.close()


@asynccontextmanager
async def advisory_lock(conninfo: str, space: int, key: str, *, shared: bool = False,
                        wait: bool = False) -> AsyncIterator[bool]:
    """Try (wait: take) a session-level advisory lock on (space, hashtext(key)) on a connection of its own, held
    until the block ends (or the process dies: PostgreSQL lets go with the connection). Yields whether it was got."""
    import psycopg

    conn = await psycopg.AsyncConnection.connect(conninfo, autocommit=True)
    try:
        fn = f"pg_{'' if wait else 'try_'}advisory_lock{'_shared' if shared else ''}"
        cur = await conn.execute(f"SELECT {fn}(%s, hashtext(%s))", (space, key))
        row = await cur.fetchone()
        yield wait or bool(row and row[0])
    finally:
        await conn.close()   # releases the lock


async def journey_job(context, run_id: str, path: str, file: str, slug: str) -> str:
    """Run or resume one journey of a run, then finish the run if it was the last (see the module docstring)."""
    state: WorkerState = context.additional_context["probes"]
    ledger = state.ledger
    run = await asyncio.to_thread(ledger.get_run, run_id)
    if run is None:
        log.warning("job for %s: the ledger has no run %s; nothing done", path, run_id)
        return "no such run"
    status = "already done"
    async with advisory_lock(state.conninfo, LOCK_JOURNEY, f"{run_id}:{path}") as mine:
        if not mine:
            # Held by a job that works on it (and finishes the run if it is the last): nothing to hold here.
            raise JourneyBusy(f"{path} of run {run_id} is being run by another worker")
        # The run's lock, shared: no job finishes the run while this one works (waits out a finisher's check).
        async with advisory_lock(state.conninfo, LOCK_RUN, run_id, shared=True, wait=True):
            row = await asyncio.to_thread(ledger.journey_in_run, run_id, path)
            if row is None or row["status"] == "running":
                try:
                    status = await _run_one(state, run, path, file, slug)
                except Exception as exc:  # noqa: BLE001 - a bug or the database: the journey is a prober error
                    log.exception("journey %s of run %s", path, run_id)
                    status = "error"
                    await asyncio.to_thread(_record_unloadable, ledger, run_id, path,
                                            f"internal error in the worker at {state.location}: "
                                            f"{type(exc).__name__}: {exc}", state.location, status)
                state.say(f"{run_id}: {path}: {status} (at {state.location})")
    if await finish_if_done(state.config, state.ledger_url, run_id, ledger):
        _say_finished(state, run_id)
    return status


def _say_finished(state: WorkerState, run_id: str) -> None:
    run = state.ledger.get_run(run_id) or {}
    page = Path(run.get("evidence_root") or state.config.reports_dir()) / "runs" / run_id / "index.html"
    state.say(f"{run_id}: run finished: {run.get('status')}; report {page}")


async def _run_one(state: WorkerState, run: dict, path: str, file: str, slug: str) -> str:
    from .runner import Runner
    from .scenario import load_journey
    from .yamlsource import InputError

    ledger, config = state.ledger, state.config
    options = run.get("options") or {}
    try:
        loaded = await asyncio.to_thread(load_journey, _journey_file(path, file, config), config)
    except (InputError, OSError) as exc:
        # The worker's copy of the scenario (or of probes.yaml) does not fit: the prober's trouble, recorded.
        why = "; ".join(str(p) for p in getattr(exc, "problems", [])) or str(exc)
        await asyncio.to_thread(_record_unloadable, ledger, run["id"], path,
                                f"the worker at {state.location} could not load {path}: {why}", state.location)
        return "error"
    loaded.doc.path = path   # the journey's name in the ledger is the enqueuer's, wherever this copy is
    runner = Runner(config, ledger, Path(run["evidence_root"] or config.reports_dir()), concurrency=1,
                    kind=run["kind"], location=state.location)
    runner.browser = state.browser   # one Chromium per worker, shared by its jobs
    return await runner.run_journey(run["id"], loaded, slug, (options.get("queue") or {}).get("personas"))


def _journey_file(path: str, file: str, config) -> Path:
    """The scenario file on this machine: the enqueuer's absolute path if it is here, else the path it gave,
    relative to this worker's probes.yaml folder."""
    if Path(file).exists():
        return Path(file)
    candidate = Path(path)
    return candidate if candidate.is_absolute() else config.base_dir / candidate


def _record_unloadable(ledger, run_id: str, path: str, why: str, location: str, status: str = "not_started") -> None:
    """A journey the worker could not run (its file, or a crash in the prober): ended, as a prober error, so the
    run can end; its contacts stay as they are (a planned one is not resent by anyone)."""
    with ledger.transaction():
        row = ledger.journey_in_run(run_id, path)
        jid = row["id"] if row else ledger.start_journey(run_id, name=Path(path).stem, file=path, target="",
                                                         target_name="", persona={}, tags=[], description="",
                                                         location=location)
        ledger.finish_journey(jid, status, error=why)


# --- finishing a run ------------------------------------------------------------------------------------------
async def finish_if_done(config, ledger_url: str, run_id: str, ledger=None) -> bool:
    """Finish the run if every journey of it has ended and no job of it is working; then publish it. True if
    this call finished it. Safe to call from anywhere, any number of times (every journey job and the tend job
    do). ledger: an open Ledger to use (default: one opened and closed here)."""
    from .ledger import Ledger

    own = ledger is None
    ledger = ledger or Ledger(ledger_url, lock_wait_s=config.settings.ledger_lock_wait_s)
    try:
        async with advisory_lock(conninfo_for(ledger_url), LOCK_RUN, run_id) as alone:
            if not alone:
                return False   # another job of the run is working: it (or the last of them) finishes the run
            finished = await asyncio.to_thread(_close_run, ledger, run_id)
        run = await asyncio.to_thread(ledger.get_run, run_id) or {}
        if run.get("status") != "running" and ((run.get("options") or {}).get("queue") or {}).get("published") is False:
            await asyncio.to_thread(publish, config, ledger, run_id)
        return finished
    finally:
        if own:
            ledger.close()


def _close_run(ledger, run_id: str) -> bool:
    """Under the ledger's write lock: set the run's final status if every journey of it has ended."""
    from .answers.settle import refresh_statuses
    from .runner import RunResult

    with ledger.transaction():
        run = ledger.get_run(run_id)
        queued = ((run or {}).get("options") or {}).get("queue")
        if run is None or run["status"] != "running" or not queued:
            return False
        rows = [ledger.journey_in_run(run_id, job["path"]) for job in queued["jobs"]]
        if any(row is None or row["status"] == "running" for row in rows):
            return False
        result = RunResult(run_id)
        for row in rows:
            if row:
                result.statuses[f"{row['name']} ({row['file']})"] = row["status"]
        ledger.finish_run(run_id, {0: "passed", 1: "failed", 3: "error"}[result.exit_code])
        # As Runner.run ends a run: answers harvested meanwhile give journeys and the run their verdicts
        # (a run whose answers are still awaited is 'pending').
        refresh_statuses(ledger, {row["id"] for row in rows if row})
        return True


def publish(config, ledger, run_id: str, *, alerts: bool = True) -> None:
    """The run's page, the dashboard, its JSON and exports (a queued run's), and alerts; then ``published`` in a
    queued run's options. Written again if a crash came between (every part is a whole file written afresh)."""
    from .cli import _send_alerts, _write_exports
    from .report import build_results, write_json
    from .report.dashboard import publish_run

    run = ledger.get_run(run_id)
    assert run is not None
    options = run.get("options") or {}
    queued = options.get("queue") or {}
    reports = Path(run["evidence_root"] or config.reports_dir())
    results = build_results(ledger, run_id)
    publish_run(ledger, reports, run_id, results=results, days=config.settings.dashboard_days)
    if queued.get("json"):
        write_json(results, Path(queued["json"]))
    _write_exports(results, {k: Path(v) for k, v in (queued.get("exports") or {}).items()})
    if alerts:
        _send_alerts(ledger, config, run["started_at"], run_id)
    if queued and not queued.get("published"):
        ledger.update_row("runs", run_id, options={**options, "queue": {**queued, "published": True}})


# --- periodic jobs ---------------------------------------------------------------------------------------------
async def harvest_job(context, timestamp: int) -> str:
    """Read every mailbox and number once, holding each source's advisory lock: if another harvester holds one,
    this one skips its turn (the other reads them)."""
    from contextlib import AsyncExitStack

    from .channels.email_inbox import mailboxes_of
    from .channels.sms_inbox import TextBox, phones_of
    from .harvest import MailboxError, harvest
    from .results import utcnow

    state: WorkerState = context.additional_context["probes"]
    config = state.config
    if not config.identities:
        return "no identities"
    keys = [b.key for b in mailboxes_of(config)] + [TextBox(p).key for p in phones_of(config)]
    async with AsyncExitStack() as stack:
        for key in keys:
            if not await stack.enter_async_context(advisory_lock(state.conninfo, LOCK_SOURCE, key)):
                return f"skipped: another harvester is reading {key}"
        started = utcnow()
        try:
            got = await asyncio.to_thread(harvest, state.ledger, config, config.reports_dir())
        except MailboxError as exc:
            log.warning("harvest: %s", exc)
            if exc.result is None:
                return f"failed: {exc}"
            got = exc.result   # the other sources were read all the same
    if got.matched or got.closed or got.settled:
        state.say(f"harvest: {got.matched} answer(s) matched, {got.settled} await(s) settled, "
                  f"{got.closed} closed without answer")
        await asyncio.to_thread(_republish, config, state.ledger, started)
    return f"read {got.read}"


def _republish(config, ledger, since) -> None:
    """After a harvest, as `probes harvest` does: the pages (and a queued run's JSON and exports) of the runs whose
    answers it settled, and the alerts about them."""
    from .alerts import runs_touched_since
    from .cli import _send_alerts

    for run_id in runs_touched_since(ledger, since):
        publish(config, ledger, run_id, alerts=False)
    _send_alerts(ledger, config, since)


async def tend_job(context, timestamp: int) -> str:
    """Put the jobs of dead workers back on the queue; finish and publish queued runs a crash left undone."""
    state: WorkerState = context.additional_context["probes"]
    qs = state.config.settings.queue
    manager = context.app.job_manager
    requeued = 0
    for job in await manager.get_stalled_jobs(seconds_since_heartbeat=qs.stalled_after_s):
        if job.id == context.job.id:
            continue
        try:
            await manager.retry_job(job)
            requeued += 1
            log.info("job %s (%s) of a dead worker put back on the queue", job.id, job.task_name)
        except Exception as exc:  # noqa: BLE001 - another tender was first
            log.info("job %s not put back: %s", job.id, exc)
    if requeued:
        state.say(f"tend: {requeued} job(s) of a dead worker put back on the queue")
    for run in await asyncio.to_thread(_queued_runs_to_tend, state.ledger):
        if await finish_if_done(state.config, state.ledger_url, run, state.ledger):
            _say_finished(state, run)
    return f"requeued {requeued}"


async def nightly_job(context, timestamp: int) -> str:
    """settings.queue.nightly_cron: queue tonight's run of settings.queue.nightly_paths, as `probes nightly --queue`
    does (its id: nightly-YYYYMMDD at settings.location, the day of the tick in UTC). Queued again the same night,
    only the journeys that have not ended get a job. The queue defers it once per tick, however many workers run."""
    import datetime as dt

    from .locations import nightly_run_id, resolve_location
    from .scenario import expand_paths, load_journey
    from .yamlsource import InputError

    state: WorkerState = context.additional_context["probes"]
    config = state.config
    location = resolve_location(None, config)   # the project's (settings.location), not this worker's
    run_id = nightly_run_id(f"{dt.datetime.fromtimestamp(timestamp, dt.timezone.utc):%Y%m%d}", location)
    base = config.base_dir
    files = [f for f in expand_paths([str(base / p) for p in config.settings.queue.nightly_paths],
                                     skip=[config.reports_dir()]) if f.name != "probes.yaml"]
    try:
        journeys = [load_journey(f, config) for f in files]
        for loaded, f in zip(journeys, files, strict=True):
            # Named as from the project's folder (as `probes nightly scenarios/` run there names them), so
            # workers elsewhere find them beside their own probes.yaml.
            loaded.doc.path = os.path.relpath(f, base)
    except InputError as exc:
        state.say(f"nightly: not queued: {exc}")
        return "bad input"
    if not journeys:
        state.say(f"nightly: not queued: no scenario files in {', '.join(config.settings.queue.nightly_paths)}")
        return "nothing to queue"
    from .cli import _confirm_after

    done = await asyncio.to_thread(
        enqueue_run, config, state.ledger_url, journeys, config.reports_dir(), kind="nightly", run_id=run_id,
        options={"journeys": [j.path for j in journeys], "confirm_after": _confirm_after(config, journeys)},
        location=location)
    state.say(f"nightly: run {done.run_id}: queued {sum(done.queues.values())} job(s)")
    return done.run_id


def _queued_runs_to_tend(ledger) -> list[str]:
    """Queued runs still running, or finished but not published."""
    out = []
    for run in ledger.list_runs(200):
        queued = (run.get("options") or {}).get("queue")
        if queued and (run["status"] == "running" or queued.get("published") is False):
            out.append(run["id"])
    return out

