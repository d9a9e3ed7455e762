"""The `probes` command: the product's front door.

Exit codes (every command): 0 all expectations met; 1 some expectation
failed (a finding about the company); 2 bad input or configuration;
3 the prober itself failed.
"""
from __future__ import annotations

import asyncio
import json
import logging
import sys
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

import click

from .runner import EXIT_BAD_INPUT, EXIT_OK, EXIT_PROBER_ERROR, QuietReporter
from .yamlsource import InputError

# `probes demo`'s ledger, in its reports folder: a name of its own, so that the demo never writes into the
# ledger a project kept at <reports>/ledger.sqlite3 before projects had one ledger beside probes.yaml.
DEMO_LEDGER = "demo-ledger.sqlite3"

EXIT_CODES_HELP = """\b
Exit codes:
  0  every expectation was met
  1  some expectation failed (a finding about the company)
  2  bad input or configuration (nothing was contacted)
  3  the prober itself failed (an error, not the company's fault)"""

# `probes nightly` (and `run --run-id nightly-…`) only: nothing ran because another nightly of the same ledger
# holds the lock. Not 0 (nothing was checked, so "every expectation was met" would be false) and not 3 (the
# prober is not broken): a code of its own, so that a scheduler can tell it apart (README, "Scheduling").
EXIT_ALREADY_RUNNING = 4
QUEUE_HELP = ("Do not run the journeys here: record the run in the ledger and put one job per journey on the "
              "task queue in the ledger's PostgreSQL database, for `probes worker` processes (any machine, any "
              "location) to run; exit 0 once queued. The last journey to end writes the report, JSON and exports. "
              "Needs a PostgreSQL ledger.")
NIGHTLY_EXIT_CODES_HELP = EXIT_CODES_HELP + """
  4  not started: another nightly run of the same ledger is running (it
     holds the lock; the one line on stderr says which process)"""


def _fail_input(err: InputError, contacting: bool = True) -> None:
    for p in err.problems:
        click.echo(str(p), err=True)
    n = len(err.problems)
    tail = "; nothing was contacted." if contacting else "."
    click.secho(f"{n} problem{'s' if n != 1 else ''} found{tail}", fg="red", err=True)
    sys.exit(EXIT_BAD_INPUT)


LOCATION_HELP = ("Where this prober runs (a city, a data centre: lowercase letters, digits, hyphens), recorded on the "
                 "run and every contact; journeys pinned (`locations:`) to other locations are skipped. Default: "
                 "$PROBES_LOCATION, else settings.location, else local.")
JUNIT_HELP = ("Also write the results as JUnit XML here, for CI servers: one test suite per journey, one test case "
              "per step; findings are failures, prober errors errors.")
METRICS_HELP = ("Also write the run's figures here as OpenMetrics text (reachability, times, findings by severity, "
                "prober errors), for node_exporter's textfile collector: a *.prom file in its "
                "--collector.textfile.directory. Written atomically.")


def export_options(command):
    """--junit FILE and --metrics FILE, on every command that writes a run's results."""
    command = click.option("--metrics", "metrics_path", type=click.Path(dir_okay=False), metavar="FILE",
                           help=METRICS_HELP)(command)
    return click.option("--junit", "junit_path", type=click.Path(dir_okay=False), metavar="FILE",
                        help=JUNIT_HELP)(command)


def _exports_ready(junit_path, metrics_path, contacting: bool = True) -> dict[str, Path]:
    """Check, before anything is contacted, that --junit and --metrics can be written (their folder is made if
    need be): a path that cannot be is bad input, exit 2. Returns {option: path} of the exports asked for."""
    from .report.openmetrics import check_writable

    exports: dict[str, Path] = {}
    for option, path in (("--junit", junit_path), ("--metrics", metrics_path)):
        if not path:
            continue
        try:
            check_writable(Path(path))
        except OSError as exc:
            tail = "; nothing was contacted." if contacting else "."
            click.secho(f"Cannot write {option} {path}: {exc.strerror or exc}{tail}", fg="red", err=True)
            sys.exit(EXIT_BAD_INPUT)
        exports[option] = Path(path)
    if metrics_path and not str(metrics_path).endswith(".prom"):
        click.secho(f"Note: node_exporter's textfile collector reads only *.prom files; {metrics_path} is not one.",
                    fg="yellow", err=True)
    return exports


def _write_exports(results: dict, exports: dict[str, Path] | None) -> bool:
    """Write the --junit and --metrics files of a run's results; say on stderr any that could not be written
    (the run itself is in the ledger all the same). True when every one was written."""
    from .report.junit import write_junit
    from .report.openmetrics import write_metrics

    ok = True
    for option, path in (exports or {}).items():
        write, label = (write_junit, "JUnit:  ") if option == "--junit" else (write_metrics, "Metrics:")
        try:
            click.echo(f"{label} {write(results, path)}")
        except OSError as exc:
            ok = False
            click.secho(f"Could not write {option} {path}: {exc.strerror or exc}. The run is recorded in the "
                        f"ledger; `probes report --run {results['run']['id']} {option} FILE` writes it again.",
                        fg="red", err=True)
    return ok


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(package_name="mystery-shopper", prog_name="probes")
@click.option("-v", "--verbose", is_flag=True, help="Log what the prober does (to stderr).")
def cli(verbose: bool) -> None:
    """Mystery Shopper: contact a company like a customer would, and report what the customer lives through.

    \b
    Quick start:
      probes demo                      run the example journeys against the built-in demo company
      probes validate scenarios/       check scenario files and probes.yaml
      probes run scenarios/            run journeys against the targets in probes.yaml
      probes run scenarios/ --wait 10m ...and wait for the answers (email, SMS) as they arrive
      probes harvest                   read the mailboxes and texts later: record and judge the answers
      probes run --queue scenarios/    put the journeys on the task queue (PostgreSQL ledger) ...
      probes worker --location london  ... and run them on any number of machines
      probes alerts test               send a test message to every alert destination in probes.yaml
      probes sim phone                 the demo's phone lines on a built-in Twilio simulator
      probes report                    re-render the HTML report of the latest run
      probes scorecard --days 30       compare the companies: who answers, how fast, how well
      probes prune --dry-run           what evidence the `retention:` limits in probes.yaml would delete
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


# --- run ----------------------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml to use (default: ./probes.yaml, "
              "$PROBES_CONFIG, or the nearest one above the scenarios).")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), help="Folder for the HTML report and "
              "evidence (not the ledger). Default: reports_dir from probes.yaml, else ./reports.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the results as JSON here.")
@click.option("--tag", "tags", multiple=True, help="Run only journeys with this tag (repeat for any of several).")
@click.option("--concurrency", type=click.IntRange(1, 64), help="Journeys run at once (default 4, or settings.concurrency).")
@click.option("--ledger", "ledger_url", help="SQLAlchemy URL of the ledger, instead of the project's (`ledger:` in "
              "probes.yaml, else ledger.sqlite3 beside probes.yaml, whatever --report is).")
@click.option("--dry-run", is_flag=True, help="Print every contact the run would make, and make none.")
@click.option("--wait", "wait", metavar="DURATION", help="After sending, stay connected to the mailbox (IMAP IDLE; "
              "texts: every second) and record answers the moment they arrive, until every await is settled or "
              "DURATION (e.g. 10m) has passed. Awaits still pending stay in the ledger for `probes harvest`. A dropped "
              "connection is made again; a deadline that passes while the mailbox cannot be read is not judged "
              "(exit 3).")
@click.option("--run-id", help="Resume this earlier run (e.g. after a crash): steps it finished are kept, "
              "and nothing it may already have sent is sent again. A nightly run's id (nightly-…) takes "
              "the nightly lock: while `probes nightly` runs, exit 4.")
@click.option("--location", "location", metavar="NAME", help=LOCATION_HELP)
@click.option("--no-preflight", is_flag=True, help="Skip the check, before any contact, that every secret "
              "resolves and every mailbox, mail relay and Twilio account the journeys use accepts the "
              "prober's login. Problems then show up in the steps that meet them.")
@click.option("--queue", "queued", is_flag=True, help=QUEUE_HELP)
@export_options
def run(paths, config_path, report_dir, json_path, tags, concurrency, ledger_url, dry_run, wait, run_id,
        location, no_preflight, junit_path, metrics_path, queued):
    """Run the journeys in PATHS (scenario files, or folders: searched through their sub-folders, hidden
    folders and the reports folder left out).

    Journeys run concurrently; every contact is recorded in the project's
    ledger before it is made (the line "Ledger: ..." says which). The run's
    page is written to REPORT/runs/<run id>/index.html, and the dashboard,
    REPORT/index.html, is rendered again.
    """
    from .config import find_config, load_config
    from .locations import resolve_location

    try:
        config = load_config(find_config(config_path, list(paths)))
        reports = Path(report_dir).resolve() if report_dir else config.reports_dir()
        journeys = _load_journeys(_scenario_files(paths, [config.reports_dir(), reports]), config)
        location = resolve_location(location, config)
    except InputError as err:
        _fail_input(err)
    if tags:
        journeys = [j for j in journeys if set(tags) & set(j.journey.tags)]
        if not journeys:
            click.secho(f"No journey has the tag(s) {', '.join(tags)}; nothing to run.", fg="yellow", err=True)
            sys.exit(EXIT_BAD_INPUT)
    if dry_run:
        from .locations import describe_pin, pinned_elsewhere
        from .runner import plan
        here = [j for j in journeys if not pinned_elsewhere(j, config, location)]
        click.echo(f"Dry run: {len(here)} journey(s); these contacts would be made (none is):")
        for line in plan(here, config):
            click.echo("  " + line)
        for j in journeys:
            if (pinned := pinned_elsewhere(j, config, location)) is not None:
                click.echo(f"Not run at {location}: {j.journey.name} ({describe_pin(pinned)})")
        sys.exit(EXIT_OK)
    exports = _exports_ready(junit_path, metrics_path)
    if queued:
        sys.exit(_enqueue(config, journeys, reports, ledger_url=ledger_url, kind="run", run_id=run_id, wait=wait,
                          json_path=json_path, exports=exports, preflight=not no_preflight, location=location))
    with ExitStack() as stack:
        if run_id and run_id.startswith("nightly-"):
            # Resuming tonight's run while `probes nightly` runs it would run its unfinished steps twice.
            from .locations import nightly_location
            _take_nightly_lock(stack, config, reports, 0.0, run_id, ledger_url, nightly_location(run_id))
        code = execute(config, journeys, reports, ledger_url=ledger_url, json_path=json_path,
                       concurrency=concurrency, kind="run", wait_s=_wait_seconds(wait), run_id=run_id,
                       preflight=not no_preflight, exports=exports, location=location)
    sys.exit(code)


def _wait_seconds(text: str | None, option: str = "--wait") -> float:
    from .durations import parse_duration_s

    if not text or text.strip() in ("0", "0s"):
        return 0.0
    try:
        return parse_duration_s(text)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _scenario_files(paths, skip: list[Path]) -> list[Path]:
    """The scenario files of PATHS: folders searched through their sub-folders (not hidden ones, not skip: the
    reports folders), probes.yaml left out."""
    from .config import CONFIG_NAME
    from .scenario import expand_paths

    return [f for f in expand_paths(list(paths), skip=skip) if f.name != CONFIG_NAME]


def _ledger_for(config, explicit: str | None, reports: Path | None, to_stderr: bool = True) -> str:
    """The URL of the ledger a command uses, said on one line on stderr (a password masked): --ledger, else
    settings.ledger, else the project's ledger beside probes.yaml; until that exists, a ledger with runs left at
    the old default place (<reports folder>/ledger.sqlite3) is used, and the user told how to keep or move it."""
    import os

    from .config import shown_ledger_url

    if explicit:
        url = explicit
    elif old := config.old_default_ledger(reports):
        url = f"sqlite:///{old}"
        keep = os.path.relpath(old, config.base_dir.resolve())
        click.secho(f"Using the ledger left at the old default place, {old}: it holds earlier runs. A project's "
                    f"ledger is now {config.project_ledger()}, whatever --report is. To keep this one, set "
                    f"`ledger: sqlite:///{keep}` under settings in probes.yaml; or, with no prober running, move it "
                    f"there: mv {old} {config.project_ledger()}", fg="yellow", err=True)
    else:
        url = config.ledger_url()
    click.echo(f"Ledger: {shown_ledger_url(url)}", err=to_stderr)
    return url


def _load_journeys(files: list[Path], config):
    from .scenario import load_journey

    if not files:
        raise InputError([_problem("(arguments)", "no scenario files found (*.yaml or *.yml)")])
    problems, journeys = [], []
    for f in files:
        try:
            journeys.append(load_journey(f, config))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        raise InputError(problems)
    return journeys


def _problem(file: str, message: str):
    from .yamlsource import Problem
    return Problem(file, 1, "", message)


def _report_what_was_done(ledger, run_id: str | None, reports: Path, title, json_path, exports=None) -> None:
    """A run cut short (Ctrl-C, a locked ledger, a bug): the report and JSON of what was recorded, then close."""
    from .report import build_results, write_json
    from .report.dashboard import publish_run

    if run_id:
        results = build_results(ledger, run_id)
        page, dashboard = publish_run(ledger, reports, run_id, results=results, title=title)
        click.echo(f"Report of what was done: {page}")
        click.echo(f"Dashboard: {dashboard}")
        if json_path:
            write_json(results, Path(json_path))
        _write_exports(results, exports)
    ledger.close()


def execute(config, journeys, reports: Path, *, ledger_url=None, json_path=None, concurrency=None,
            kind="run", title=None, wait_s: float = 0.0, run_id: str | None = None, harvest_first=False,
            preflight: bool = True, plain: bool = False, exports: dict[str, Path] | None = None,
            location: str = "local") -> int:
    """Run journeys with a live progress display, write the report, return the exit code.

    preflight: first check the secrets, mailboxes, relays and Twilio accounts the journeys use
    (probes/preflight.py); if any fails, nothing is contacted and the run is recorded as an error.
    plain: for a scheduler's log or mail (no terminal): no progress display, and what is said goes to
    stdout, stderr keeping only the prober's trouble (_PlainLog).
    exports: {"--junit"/"--metrics": path} (see _exports_ready); one that cannot be written is said on stderr,
    and turns an exit code 0 into 3 (any other code is the run's own and is kept).
    location: where this process runs (probes/locations.py): recorded on the run and every contact.
    """
    from .ledger import Ledger, LedgerBusy
    from .report import build_results, write_json
    from .report.dashboard import publish_run
    from .results import utcnow
    from .runner import Runner

    started = utcnow()  # alerts: the runs this command changed (a harvest first can change earlier runs)
    reports.mkdir(parents=True, exist_ok=True)
    if preflight:
        from .preflight import needs_of
        from .preflight import preflight as check

        if failures := check(config, needs_of(journeys, config), ledger=not ledger_url):
            return _preflight_failed(config, journeys, failures, reports, ledger_url=ledger_url,
                                     json_path=json_path, kind=kind, title=title, run_id=run_id,
                                     exports=exports, location=location)
    runner = None
    try:
        ledger = Ledger(_ledger_for(config, ledger_url, reports, to_stderr=not plain),
                        lock_wait_s=config.settings.ledger_lock_wait_s)
    except InputError as err:
        _fail_input(err)
    except Exception as exc:  # noqa: BLE001 - an unreachable database is the prober's failure
        click.secho(f"Cannot open the ledger: {exc}", fg="red", err=True)
        return EXIT_PROBER_ERROR
    try:
        total_steps = sum(len(j.journey.steps) for j in journeys)
        with (_PlainLog() if plain else _Progress(total_steps)) as progress:
            if harvest_first and config.identities:
                _harvest_and_say(ledger, config, reports, to_stderr=not plain)
            runner = Runner(config, ledger, reports, concurrency=concurrency, reporter=progress, kind=kind,
                            location=location)
            result = asyncio.run(runner.run(journeys, {"journeys": [j.path for j in journeys],
                                                       "confirm_after": _confirm_after(config, journeys)},
                                            run_id=run_id, wait_s=wait_s))
    except LedgerBusy as exc:
        # Another process kept the ledger locked: what was recorded until then is still reported.
        click.secho(f"\nProber error: {exc}", fg="red", err=True)
        _report_what_was_done(ledger, getattr(runner, "run_id", None), reports, title, json_path, exports)
        return EXIT_PROBER_ERROR
    except KeyboardInterrupt:
        click.secho("\nInterrupted. Steps under way are recorded as unfinished; their contacts stay "
                    "'planned' in the ledger.", fg="yellow", err=True)
        _report_what_was_done(ledger, ledger.latest_run_id(), reports, title, json_path, exports)
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug in the prober: still write what was done, exit 3
        import traceback

        click.secho(f"Internal error: {type(exc).__name__}: {exc}\n{traceback.format_exc()}", fg="red", err=True)
        _report_what_was_done(ledger, ledger.latest_run_id(), reports, title, json_path, exports)
        return EXIT_PROBER_ERROR
    results = build_results(ledger, result.run_id)
    progress.settled(results)
    index, dashboard = publish_run(ledger, reports, result.run_id, results=results, title=title,
                                   days=config.settings.dashboard_days, targets=config.targets)
    if json_path:
        write_json(results, Path(json_path))
    if plain:
        _print_problems(results)
    _print_summary(results, index, json_path, dashboard)
    exported = _write_exports(results, exports)
    if result.pending_awaits:
        click.echo(f"Awaiting: {result.pending_awaits} answer deadline(s) still open; "
                   "`probes harvest` records the answers as they come.")
    for reason in result.held_open:
        click.secho(f"Not judged: a deadline passed, but {reason.removeprefix('not closed: ')}", fg="yellow",
                    err=True)
    _send_alerts(ledger, config, started, result.run_id)
    ledger.close()
    return result.exit_code if exported or result.exit_code != EXIT_OK else EXIT_PROBER_ERROR


def _send_alerts(ledger, config, since, run_id: str | None = None) -> None:
    """Alerts about the runs this command changed (README: Alerts). A failure is printed and retried by the
    next command; it never changes the exit code (it is the prober's trouble, not the company's)."""
    if getattr(config, "alerts", None) is None:
        return
    from .alerts import notify, runs_touched_since

    try:
        run_ids = runs_touched_since(ledger, since)
        if run_id and run_id not in run_ids:
            run_ids.append(run_id)
        for delivery in notify(ledger, config, run_ids):
            click.secho(delivery.line(), fg=None if delivery.ok else "red", err=not delivery.ok)
    except Exception as exc:  # noqa: BLE001 - alerts are the prober's side job: say so, never fail the run
        click.secho(f"Alerts not sent: {type(exc).__name__}: {exc}; they are tried again with the next run "
                    "or harvest.", fg="red", err=True)


def _confirm_after(config, journeys) -> list[list]:
    """[target, journey name, confirm_after] for each journey, kept in the run's options for probes.history:
    the scenario's value, else the target's, else settings.confirm_after."""
    out = []
    for j in journeys:
        target = config.targets.get(j.journey.target)
        n = (j.journey.confirm_after or (target.confirm_after if target else None)
             or config.settings.confirm_after)
        out.append([j.journey.target, j.journey.name, n])
    return out


def _preflight_failed(config, journeys, failures, reports: Path, *, ledger_url, json_path, kind, title,
                      run_id, exports=None, location: str = "local") -> int:
    """Say every preflight failure on one line each, record the run as an error, write its report: exit 3."""
    from .ledger import Ledger
    from .preflight import record_failed_run
    from .report import build_results, write_json
    from .report.dashboard import publish_run

    for failure in failures:
        click.echo(str(failure), err=True)
    n = len(failures)
    click.secho(f"Preflight: {n} problem{'s' if n != 1 else ''} with the prober's own setup; nothing was "
                "contacted. Fix them (`probes validate --connect` checks again) and run again.", fg="red", err=True)
    if any(f.setting == "settings.ledger" for f in failures):
        return EXIT_PROBER_ERROR   # no ledger, no report: the lines above are the record
    try:
        ledger = Ledger(_ledger_for(config, ledger_url, reports))
        run_id = record_failed_run(ledger, config, journeys, failures, reports, kind=kind, run_id=run_id,
                                   options={"journeys": [j.path for j in journeys]}, location=location)
        results = build_results(ledger, run_id)
        index, dashboard = publish_run(ledger, reports, run_id, results=results, title=title,
                                       days=config.settings.dashboard_days, targets=config.targets)
        if json_path:
            write_json(results, Path(json_path))
        ledger.close()
    except Exception as exc:  # noqa: BLE001 - the lines above already say what matters
        click.secho(f"The failed preflight could not be recorded: {exc}", fg="red", err=True)
        return EXIT_PROBER_ERROR
    click.echo(f"Report: {index}")
    click.echo(f"Dashboard: {dashboard}")
    if json_path:
        click.echo(f"JSON:   {Path(json_path).resolve()}")
    _write_exports(results, exports)   # CI must see these journeys as errors, not as nothing
    return EXIT_PROBER_ERROR


def _human(seconds: float) -> str:
    from .durations import format_duration

    return format_duration(seconds)


def _harvest_and_say(ledger, config, reports: Path, to_stderr: bool = True):
    from .harvest import MailboxError, harvest

    failed = None
    try:
        got = harvest(ledger, config, reports)
    except MailboxError as exc:
        click.secho(f"Harvest failed: {exc}", fg="red", err=True)
        if exc.result is None:
            return None
        got, failed = exc.result, exc   # the other sources were read all the same
    click.echo(f"Harvest: {got.read} new message(s): {got.matched} answer(s) matched, "
               f"{got.unmatched} unmatched, {got.bounces} bounce(s), {got.own_copies} own copies; "
               f"{got.settled} await(s) settled, {got.closed} closed without answer.", err=to_stderr)
    if got.held_open:
        click.echo(f"  {got.held_open} await(s) past their deadline left open: a mailbox or number was not read "
                   "past the deadline; the report says which.", err=True)
    for u in got.unmatched_samples:
        click.echo(f"  unmatched: {u['arrived_at']:%Y-%m-%d %H:%M} from {u['from']}: {u['subject']}",
                   err=to_stderr)
    if got.unmatched > len(got.unmatched_samples):
        click.echo(f"  … and {got.unmatched - len(got.unmatched_samples)} more unmatched (counted, not listed)",
                   err=to_stderr)
    return None if failed else got


class _Progress:
    """Live progress on stderr: a bar over all steps, and one line per finished journey."""

    SYMBOL = {"passed": ("✔", "green"), "failed": ("✘", "red"), "error": ("!", "yellow"), "skipped": ("-", "dim"),
              "pending": ("…", "blue"), "not_started": ("-", "yellow")}

    def __init__(self, total_steps: int):
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.console = Console(stderr=True, highlight=False, soft_wrap=True)
        self.progress = Progress(TextColumn("[bold]Running journeys"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("steps"), TimeElapsedColumn(), console=self.console,
                                 transient=True)
        self.task = self.progress.add_task("run", total=total_steps)
        self.findings: dict[str, int] = {}
        self.reported: dict[str, str] = {}   # journey -> status printed when it finished dispatching
        self.worst: dict = {}   # journey -> the most severe finding of its first step with any
        self.steps: dict[str, int] = {}

    def __enter__(self):
        self.progress.start()
        return self

    def note(self, text: str) -> None:
        self.console.print(text)

    def waiting(self, seconds: float, pending: int) -> None:
        from .durations import format_duration

        self.progress.stop()
        self.console.print(f"Waiting up to {format_duration(seconds)} for {pending} answer deadline(s) "
                           "(mail asked for while answers are due, else IMAP IDLE; texts every second: answers are "
                           "recorded as they arrive)…")

    def settled(self, results: dict) -> None:
        """After waiting: the final verdict of every journey that was waiting for answers."""
        from rich.markup import escape

        from .results import SEVERITIES

        for j in results["journeys"]:
            if self.reported.get(j["name"]) != "pending":
                continue
            symbol, colour = self.SYMBOL.get(j["status"], ("?", "white"))
            found = sorted((f for s in j["steps"] for f in s["findings"]), key=lambda f: SEVERITIES.index(f["severity"]))
            extra = f" — {found[0]['title']}" + (f" (+{len(found) - 1} more)" if len(found) > 1 else "") if found else ""
            if j["status"] == "pending":
                extra = " — still waiting: `probes harvest` records the answers later"
            self.console.print(f"[{colour}]{symbol} {j['status']:<7}[/{colour}] {escape(j['name'])}{escape(extra)}")

    def __exit__(self, *exc):
        self.progress.stop()

    def journey_started(self, name, steps):
        self.steps[name] = steps
        self.findings[name] = 0
        self.worst.pop(name, None)   # a retried journey's line tells of its last attempt

    def step_finished(self, name, step_key, status, findings):
        from .results import SEVERITIES

        self.findings[name] = self.findings.get(name, 0) + len(findings)
        ranked = sorted(findings, key=lambda f: SEVERITIES.index(f.severity))
        if ranked and name not in self.worst:
            self.worst[name] = ranked[0]
        self.steps[name] -= 1
        self.progress.advance(self.task)

    def journey_finished(self, name, status):
        # Steps skipped after a failure still count towards the bar.
        self.progress.advance(self.task, self.steps.get(name, 0))
        symbol, colour = self.SYMBOL.get(status, ("?", "white"))
        self.reported[name] = status
        n = self.findings.get(name, 0)
        extra = " — waiting for the answer" if status == "pending" else ""
        if name in self.worst:
            extra = f" — {self.worst[name].title}" + (f" (+{n - 1} more)" if n > 1 else "")
        from rich.markup import escape

        self.console.print(f"[{colour}]{symbol} {status:<7}[/{colour}] {escape(name)}{escape(extra)}")


def _print_summary(results: dict, index: Path, json_path, dashboard: Path | None = None) -> None:
    from .report.render import channel_name

    s = results["summary"]
    j = s["journeys"]
    f = s["findings"]
    not_started = f", {j['not_started']} not started" if j.get("not_started") else ""
    flaky = f" ({j['flaky']} flaky: passed on a retry)" if j.get("flaky") else ""
    skipped = f", {j['skipped']} skipped (maintenance window)" if j.get("skipped") else ""
    click.echo(f"Journeys: {j['passed']} passed{flaky}, {j['failed']} failed, {j['error']} could not run{not_started}"
               f"{skipped} (of {j['total']}).")
    click.echo(f"Findings: {f.get('critical', 0)} critical, {f.get('major', 0)} major, "
               f"{f.get('minor', 0)} minor, {f.get('info', 0)} info.")
    for r in s.get("reachability", []):
        unsure = f" ({r['could_not_tell']} more could not tell)" if r.get("could_not_tell") else ""
        click.echo(f"Reached by {channel_name(r['channel']).lower()}: {r['reached']} of {r['total']}{unsure}.")
    click.echo(f"Report: {index}")
    from .report.scorecard import SCORECARD_PAGE

    if (scorecard := index.parent / SCORECARD_PAGE).exists():   # the run's companies compared (publish_run)
        click.echo(f"Scorecard: {scorecard}")
    if dashboard is not None:
        click.echo(f"Dashboard: {dashboard}")
    if json_path:
        click.echo(f"JSON:   {Path(json_path).resolve()}")


# --- alerts ------------------------------------------------------------------------------------------
@cli.group()
def alerts():
    """Alerts of new, resolved and still-open problems (`alerts:` in probes.yaml)."""


@alerts.command("test", epilog=EXIT_CODES_HELP)
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml to use.")
def alerts_test(config_path):
    """Send a test message to every destination in alerts.to, and say which received it.

    Nothing is recorded in the ledger. Exits 2 when probes.yaml has no alerts or a destination needs an
    environment variable that is not set, 3 when a destination did not accept the message.
    """
    from .alerts import send_test
    from .config import find_config, load_config

    try:
        config = load_config(find_config(config_path))
    except InputError as err:
        _fail_input(err, contacting=False)
    if config.alerts is None:
        click.secho("probes.yaml has no alerts: section; nothing to test (README: Alerts).", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    deliveries = send_test(config)
    for d in deliveries:
        click.secho(f"ok      {d.destination}" if d.ok else f"FAILED  {d.destination}: {d.error}",
                    fg="green" if d.ok else "red", err=not d.ok)
    if any(d.bad_config for d in deliveries):
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(EXIT_OK if all(d.ok for d in deliveries) else EXIT_PROBER_ERROR)
class _PlainLog(QuietReporter):
    """The reporter of a run with no terminal (cron, systemd, CI): no progress display, no colour; the
    problems are printed once the run is judged (_print_problems), one line each. The runner's other events
    print nothing (QuietReporter's)."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def note(self, text: str) -> None:
        click.echo(text)

    def waiting(self, seconds: float, pending: int) -> None:
        click.echo(f"Waiting up to {_human(seconds)} for {pending} answer deadline(s)…")

    def settled(self, results: dict) -> None:
        return None


PROBLEM_LINES = 20   # per kind; a scheduler's mail lists this many, then says how many more the report has


def _print_problems(results: dict) -> None:
    """One line per problem: findings about the company (not info) on stdout, the prober's errors on
    stderr (the trouble someone must fix on the prober's side), each list cut at PROBLEM_LINES."""
    def where(p: dict) -> str:
        return f"{p['journey']} / {p['step']}" if p.get("step") else str(p.get("journey") or "run")

    def first_line(text: str) -> str:
        line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
        return line if len(line) <= 200 else line[:199] + "…"

    findings = [f for f in results["findings"] if f["severity"] != "info"]
    for f in findings[:PROBLEM_LINES]:
        click.echo(f"{f['severity']}: {where(f)}: {first_line(f['title'])}")
    if len(findings) > PROBLEM_LINES:
        click.echo(f"… and {len(findings) - PROBLEM_LINES} more finding(s): see the report")
    errors = results["errors"]
    for e in errors[:PROBLEM_LINES]:
        click.echo(f"prober error: {where(e)}: {first_line(e['message'])}", err=True)
    if len(errors) > PROBLEM_LINES:
        click.echo(f"… and {len(errors) - PROBLEM_LINES} more prober error(s): see the report", err=True)


# --- harvest / nightly ---------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml (identities, targets, ledger).")
@click.option("--ledger", "ledger_url", help="SQLAlchemy URL of the ledger, instead of the project's (`ledger:` in "
              "probes.yaml, else ledger.sqlite3 beside probes.yaml).")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), help="Reports folder (default from "
              "probes.yaml); the report of the latest run is written again. Answers' .eml files go beside the "
              "evidence of the run they answer, wherever its report was.")
def harvest(config_path, ledger_url, report_dir):
    """Read the prober's mailboxes and the texts sent to its numbers, and record the answers.

    Matches each new message to its contact (email: by reply address, token,
    then threading; SMS/WhatsApp: by token, then the number it came from),
    tells automatic acknowledgements from answers by a person, keeps the raw
    .eml (or .txt), runs the checks, settles awaits and closes those whose
    deadline passed as "no response" (only once the mailbox was read past the
    deadline). A mailbox that cannot be read is tried again for its
    reconnect_within_s, then reported (exit 3); the others are read all the
    same. Messages that match nothing are listed, never deleted. Running it
    twice records nothing new the second time.

    It uses the project's ledger, the one `probes run` used (the line
    "Ledger: ..." says which). A ledger that holds no contact has nothing to
    match: harvest says so, reads no mailbox and exits 2.
    """
    from .config import find_config, load_config, shown_ledger_url
    from .ledger import Ledger
    from .report.dashboard import publish_run
    from .results import utcnow

    started = utcnow()
    try:
        config = load_config(find_config(config_path))
    except InputError as err:
        _fail_input(err)
    if not config.identities:
        click.secho("probes.yaml has no identities with a mailbox; nothing to harvest.", fg="yellow", err=True)
        sys.exit(EXIT_BAD_INPUT)
    reports = Path(report_dir).resolve() if report_dir else config.reports_dir()
    try:
        url = _ledger_for(config, ledger_url, reports)
    except InputError as err:
        _fail_input(err, contacting=False)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        _nothing_to_harvest(f"there is no ledger at {url.removeprefix('sqlite:///')}")
    try:
        ledger = Ledger(url, lock_wait_s=config.settings.ledger_lock_wait_s)
    except Exception as exc:  # noqa: BLE001 - an unreachable database (or no driver for it) is the prober's failure
        click.secho(f"Cannot open the ledger {shown_ledger_url(url)}: {exc}", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    if not ledger.has_contacts():
        ledger.close()
        _nothing_to_harvest(f"the ledger {shown_ledger_url(url)} has no contacts")
    got = _harvest_and_say(ledger, config, reports)
    # Written also when a mailbox could not be read: the report says which deadlines that leaves open.
    if run_id := ledger.latest_run_id():
        page, dashboard = publish_run(ledger, reports, run_id, days=config.settings.dashboard_days,
                                      targets=config.targets)
        click.echo(f"Report: {page}")
        click.echo(f"Dashboard: {dashboard}")
    _send_alerts(ledger, config, started)
    ledger.close()
    if got is None:
        sys.exit(EXIT_PROBER_ERROR)


def _nothing_to_harvest(why: str) -> None:
    """A harvest with no contacts to match answers to: almost always another ledger than the runs used."""
    click.secho(f"Nothing to harvest: {why}: did `probes run` use another ledger? A project's runs and harvests "
                "share one ledger: `ledger:` in probes.yaml, else ledger.sqlite3 beside probes.yaml; `--ledger URL` "
                "chooses another (versions before kept it in <reports folder>/ledger.sqlite3). No mailbox was read.",
                fg="red", err=True)
    sys.exit(EXIT_BAD_INPUT)


@cli.command(epilog=NIGHTLY_EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml to use.")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), help="Reports folder.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the results as JSON here.")
@click.option("--wait", "wait", metavar="DURATION", help="Wait this long for answers after sending (IMAP IDLE).")
@click.option("--no-preflight", is_flag=True, help="Skip the login checks made before any contact (see run).")
@click.option("--lock-wait", "lock_wait", metavar="DURATION", default="0", show_default=True,
              help="While another nightly run of the same ledger is running, wait this long (e.g. 10m) for it "
                   "to end; then (or at once, with 0) exit 4, nothing done.")
@click.option("--location", "location", metavar="NAME", help=LOCATION_HELP + " Tonight's run id ends with it "
              "(nightly-YYYYMMDD-NAME) unless it is the default, local.")
@click.option("--queue", "queued", is_flag=True, help=QUEUE_HELP + " Queued again the same night (the same run "
              "id), only the journeys that have not ended get a job.")
@export_options
def nightly(paths, config_path, report_dir, json_path, wait, no_preflight, lock_wait, location, junit_path,
            metrics_path, queued):
    """The scheduled run: harvest first, then run PATHS as tonight's run.

    Tonight's run has the id nightly-YYYYMMDD (UTC; nightly-YYYYMMDD-NAME at
    --location NAME): started again the same night (after a crash, or by an
    over-eager scheduler), it resumes that run instead of contacting the
    companies a second time.

    Only one nightly run per ledger and location runs at a time: it holds a
    lock (a file beside the ledger, released by the system however the
    process ends; on a PostgreSQL ledger also an advisory lock in the
    database, which holds across machines); a second start exits 4 with one
    line saying which process holds it.
    Without a terminal (cron, systemd, CI) it prints no progress display:
    stdout gets a few lines (one per finding, then the summary), stderr only
    the prober's own trouble.
    """
    from .config import find_config, load_config
    from .locations import nightly_run_id, resolve_location
    from .results import utcnow

    try:
        config = load_config(find_config(config_path, list(paths)))
        reports = Path(report_dir).resolve() if report_dir else config.reports_dir()
        journeys = _load_journeys(_scenario_files(paths, [config.reports_dir(), reports]), config)
        location = resolve_location(location, config)
    except InputError as err:
        _fail_input(err)
    exports = _exports_ready(junit_path, metrics_path)
    run_id = nightly_run_id(f"{utcnow():%Y%m%d}", location)
    wait_s = _wait_seconds(wait)
    with ExitStack() as stack:
        _take_nightly_lock(stack, config, reports, _wait_seconds(lock_wait, "--lock-wait"), run_id,
                           location=location)
        if queued:
            sys.exit(_enqueue(config, journeys, reports, ledger_url=None, kind="nightly", run_id=run_id, wait=wait,
                              json_path=json_path, exports=exports, preflight=not no_preflight, location=location))
        code = execute(config, journeys, reports, json_path=json_path, kind="nightly", wait_s=wait_s,
                       run_id=run_id, harvest_first=True, preflight=not no_preflight, plain=not sys.stderr.isatty(),
                       exports=exports, location=location)
    sys.exit(code)


def _take_nightly_lock(stack: ExitStack, config, reports: Path, wait_s: float, run_id: str,
                       ledger_url: str | None = None, location: str = "local") -> None:
    """Hold the nightly lock of the project's ledger at this location until stack closes (a file lock, and on
    a PostgreSQL ledger also the database's advisory lock, which holds across machines); if another process
    holds it (for longer than wait_s): one line on stderr naming it, exit 4."""
    from .nightly_lock import NightlyBusy, lock_path, nightly_lock, server_ledger_url, server_nightly_lock

    path = lock_path(config, reports, ledger_url, location)
    at = "" if location == "local" else f" at location {location}"
    started = time.monotonic()
    try:
        stack.enter_context(nightly_lock(path, wait_s=wait_s, run_id=run_id))
        if url := server_ledger_url(config, reports, ledger_url):
            stack.enter_context(server_nightly_lock(url, location,
                                                    wait_s=max(0.0, wait_s - (time.monotonic() - started))))
    except NightlyBusy as busy:
        waited = f" (waited {_human(wait_s)})" if wait_s else ""
        where = f"lock file {busy.path}" if busy.path else "an advisory lock in the PostgreSQL ledger"
        click.echo(f"Not started: another nightly run of this ledger{at} is running{waited}: {busy}; {where}. "
                   "Nothing was contacted.", err=True)
        sys.exit(EXIT_ALREADY_RUNNING)
    except OSError as exc:
        click.secho(f"Prober error: cannot take the nightly lock {path}: {exc}", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    except Exception as exc:  # noqa: BLE001 - the database cannot be reached: the prober's trouble
        from .config import shown_ledger_url
        detail = " ".join(str(getattr(exc, "orig", None) or exc).split())   # the driver's words, on one line
        click.secho(f"Prober error: cannot take the nightly lock in the ledger "
                    f"{shown_ledger_url(server_ledger_url(config, reports, ledger_url) or '')}: {detail}"
                    f"{'' if detail.endswith(('.', '?', '!')) else '.'} Nothing was contacted.", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)


# --- queue and workers -----------------------------------------------------------------------------
def _enqueue(config, journeys, reports: Path, *, ledger_url, kind: str, run_id: str | None, wait, json_path,
             exports, preflight: bool, location: str) -> int:
    """--queue: record the run, put one job per journey on the queue (probes/queue.py), say how to follow it."""
    from .config import shown_ledger_url
    from .queue import QueueError, conninfo_for, enqueue_run

    if wait:
        click.secho("--wait does not go with --queue: the workers read the answers (settings.queue.harvest_cron).",
                    fg="red", err=True)
        return EXIT_BAD_INPUT
    try:
        url = _ledger_for(config, ledger_url, reports)
        conninfo_for(url)
    except InputError as err:
        _fail_input(err)
    except QueueError as exc:
        click.secho(f"Cannot queue: {exc}", fg="red", err=True)
        return EXIT_BAD_INPUT
    if preflight:
        from .preflight import needs_of
        from .preflight import preflight as check

        if failures := check(config, needs_of(journeys, config), ledger=not ledger_url):
            return _preflight_failed(config, journeys, failures, reports, ledger_url=url, json_path=json_path,
                                     kind=kind, title=None, run_id=run_id, exports=exports, location=location)
    try:
        done = enqueue_run(config, url, journeys, reports, kind=kind, run_id=run_id, json_path=json_path,
                           location=location,
                           exports=exports, options={"journeys": [j.path for j in journeys],
                                                     "confirm_after": _confirm_after(config, journeys)})
    except QueueError as exc:
        click.secho(f"Cannot queue: {exc}", fg="red", err=True)
        return EXIT_PROBER_ERROR
    except Exception as exc:  # noqa: BLE001 - the database went away: the prober's trouble
        click.secho(f"Cannot queue the run on {shown_ledger_url(url)}: {type(exc).__name__}: {exc}", fg="red",
                    err=True)
        return EXIT_PROBER_ERROR
    jobs = ", ".join(f"{n} on {q}" for q, n in sorted(done.queues.items())) or "none"
    click.echo(f"Run {done.run_id}: queued {sum(done.queues.values())} job(s) ({jobs})"
               + (f"; {done.already_done} journey(s) had already ended" if done.already_done else "") + ".")
    click.echo("Workers run them: probes worker --location NAME (a journey pinned to locations waits for a worker "
               "of one of them).")
    click.echo(f"The last journey to end writes the report: {reports / 'runs' / done.run_id / 'index.html'}")
    return EXIT_OK


@cli.command()
@click.option("--location", metavar="NAME", help="Where this worker runs (a city, a data centre: lowercase letters, "
              "digits, hyphens), recorded on every journey and contact it makes. It takes the jobs of journeys for "
              "any location and of those pinned to this one (`locations:` on a journey or its target). Default: "
              "$PROBES_LOCATION, else settings.location, else local.")
@click.option("--concurrency", type=click.IntRange(1, 64), help="Journeys this worker runs at once (default: "
              "settings.concurrency, 4). About one core per browser journey at a time.")
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml (targets, identities, settings.queue); "
              "the scenario files must be at the same paths as where the runs were queued, or at the same place "
              "relative to it.")
@click.option("--ledger", "ledger_url", help="PostgreSQL URL of the ledger (and queue), instead of the project's "
              "(`ledger:` in probes.yaml).")
def worker(location, concurrency, config_path, ledger_url):
    """Run queued journeys (`probes run --queue`, `probes nightly --queue`) until stopped.

    Any number of workers on any machines that reach the ledger's PostgreSQL
    database; each journey runs once. The workers also read the mailboxes
    (settings.queue.harvest_cron, one reader per mailbox at a time) and put
    back the jobs of a worker that died (no heartbeat for
    settings.queue.stalled_after_s), which another worker then resumes
    without sending anything twice. SIGTERM or Ctrl-C: no new job is taken;
    the journeys under way finish first. The last journey of a run to end
    writes its report, JSON and exports and sends its alerts.
    """
    from .config import find_config, load_config, shown_ledger_url
    from .locations import resolve_location
    from .queue import QueueError, run_worker

    try:
        config = load_config(find_config(config_path))
        url = _ledger_for(config, ledger_url, None)
        where = resolve_location(location, config)
    except InputError as err:
        _fail_input(err, contacting=False)
    n = concurrency or config.settings.concurrency
    from .queue import worker_queues

    click.echo(f"Worker at {where}: running up to {n} journey(s) at once from the queues "
               f"{', '.join(worker_queues(where))} in {shown_ledger_url(url)}.")
    try:
        asyncio.run(run_worker(config, url, where, n, say=lambda text: click.echo(text)))
    except QueueError as exc:
        click.secho(f"Cannot start the worker: {exc}", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT if "need a PostgreSQL ledger" in str(exc) else EXIT_PROBER_ERROR)
    except KeyboardInterrupt:
        pass


# --- validate / schema ----------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml the scenarios refer to.")
@click.option("--connect", is_flag=True, help="Also check the prober's own accounts, as every run does before "
              "any contact: every secret (${VAR}) the journeys need is set, and each mailbox (IMAP login), mail "
              "relay (SMTP login, no mail sent) and Twilio account they use accepts the prober. With only "
              "probes.yaml files: every identity. Failures exit 3.")
def validate(paths, config_path, connect):
    """Check scenario files and probes.yaml without contacting anyone.

    PATHS may be scenario files, probes.yaml files, or folders: searched
    through their sub-folders for *.yaml/*.yml, hidden folders and the
    reports folder left out; a folder with none is a problem.
    Every problem is printed as FILE:LINE: FIELD.PATH: MESSAGE.
    With --connect, the prober's own logins are tried too (the companies are not contacted).
    """
    from .config import CONFIG_NAME, find_config, load_config
    from .scenario import expand_paths

    problems = []
    try:
        files = expand_paths(list(paths), skip=_reports_near(config_path, paths))
    except InputError as err:
        problems.extend(err.problems)
        files = []
    config_files = [f for f in files if f.name == CONFIG_NAME]
    scenario_files = [f for f in files if f.name != CONFIG_NAME]
    checked = 0
    to_connect = []   # (config, journeys or None for every identity)
    for cf in config_files:
        try:
            loaded_config = load_config(cf)
            checked += 1
            if not scenario_files:
                to_connect.append((loaded_config, None))
        except InputError as err:
            problems.extend(err.problems)
    if scenario_files:
        try:
            config = load_config(find_config(config_path or (str(config_files[0]) if config_files else None),
                                             [str(f) for f in scenario_files]))
            journeys = []
            for f in scenario_files:
                try:
                    journeys.extend(_load_journeys([f], config))
                    checked += 1
                except InputError as err:
                    problems.extend(err.problems)
            to_connect.append((config, journeys))
        except InputError as err:
            problems.extend(err.problems)
    if problems:
        _fail_input(InputError(problems), contacting=False)
    click.secho(f"{checked} file{'s' if checked != 1 else ''} OK.", fg="green")
    if connect:
        _connect(to_connect)


def _reports_near(config_path: str | None, paths) -> list[Path]:
    """The reports folder of the probes.yaml that PATHS belong to (left out of the folder search), if any."""
    from .config import find_config, load_config

    try:
        found = find_config(config_path, list(paths))
    except InputError:
        return []
    try:
        return [load_config(found).reports_dir()]
    except InputError:   # validate reports the file's problems; its default reports folder is still left out
        return [found.resolve().parent / "reports"]


def _connect(to_connect) -> None:
    """validate --connect: the preflight of every run, reported check by check."""
    from .preflight import everything, needs_of, preflight

    failures: list = []
    passed: list = []
    for config, journeys in to_connect:
        needs = everything(config) if journeys is None else needs_of(journeys, config)
        failures.extend(preflight(config, needs, passed=passed))
    for p in passed:
        click.echo(f"Connected: {p.what} ({p.setting})")
    for failure in failures:
        click.echo(str(failure), err=True)
    if failures:
        n = len(failures)
        click.secho(f"Preflight: {n} problem{'s' if n != 1 else ''} with the prober's own setup.", fg="red",
                    err=True)
        sys.exit(EXIT_PROBER_ERROR)
    if not passed:
        click.echo("Nothing to connect to: the journeys use no mailbox and no Twilio account.")


@cli.command()
@click.option("--out", type=click.Path(dir_okay=False), help="Write here instead of printing.")
@click.option("--kind", type=click.Choice(["scenario", "config"]), default="scenario", show_default=True,
              help="Schema of scenario files, or of probes.yaml.")
def schema(out, kind):
    """Print the JSON Schema of scenario files (or probes.yaml).

    \b
    For editor completion with the YAML language server, write it to a file
    and put this first line in scenario files:
      # yaml-language-server: $schema=./scenario.schema.json
    """
    from .config import Config
    from .scenario import Journey

    model = Journey if kind == "scenario" else Config
    doc = model.model_json_schema(mode="validation")
    doc["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    doc["title"] = "Mystery Shopper scenario" if kind == "scenario" else "Mystery Shopper probes.yaml"
    text = json.dumps(doc, indent=2)
    if out:
        Path(out).write_text(text + "\n", encoding="utf-8")
        click.echo(f"Wrote {out}", err=True)
    else:
        click.echo(text)


# --- report -------------------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.option("--ledger", "ledger_url", help="SQLAlchemy URL of the ledger (default: the project's, as for run; "
              "with no probes.yaml, the demo's: reports/demo-ledger.sqlite3).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), help="Reports folder to write to: the run's "
              "page goes to OUT/runs/<run id>/index.html, the dashboard to OUT/index.html (default: the reports "
              "folder).")
@click.option("--run", "run_id", help="Which run's page to write (default: the latest). See --list.")
@click.option("--days", type=click.IntRange(1, 3660), help="Days the dashboard shows, up to the latest run "
              "(default 30, or settings.dashboard_days).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the results as JSON here.")
@click.option("--list", "list_runs", is_flag=True, help="List the runs in the ledger and stop.")
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml (for its ledger and reports folder).")
@export_options
def report(ledger_url, out_dir, run_id, days, json_path, list_runs, config_path, junit_path, metrics_path):
    """Write a run's page and the dashboard again from the ledger (no contacts are made).

    The run's page (REPORTS/runs/<run id>/index.html, results.json beside it) opens with what changed since
    each journey's previous run; the dashboard (REPORTS/index.html) shows the nightly runs of the last DAYS.

    With --junit or --metrics, also those files, for any run (--run ID): they read the same results as the
    report. The exit code is 0 when the files were written, whatever the run found (`probes run` gives codes
    that follow the run's verdict), 3 when one could not be written.
    """
    from .report import build_results, write_json
    from .report.dashboard import DEFAULT_DAYS, publish_run

    ledger, config, reports = _ledger_to_read(ledger_url, config_path)
    if list_runs:
        for r in ledger.list_runs():
            click.echo(f"{r['id']}  {r['kind']:<7} {r['status']:<8} {r['started_at']:%Y-%m-%d %H:%M} UTC")
        return
    run_id = run_id or ledger.latest_run_id()
    if not run_id or not ledger.get_run(run_id):
        click.secho("The ledger has no such run." if run_id else "The ledger has no runs yet.", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    exports = _exports_ready(junit_path, metrics_path, contacting=False)
    results = build_results(ledger, run_id)
    days = days or (config.settings.dashboard_days if config is not None else DEFAULT_DAYS)
    index, dashboard = publish_run(ledger, Path(out_dir).resolve() if out_dir else reports, run_id,
                                   results=results, days=days, targets=_targets_for_map(config, config_path))
    if json_path:
        write_json(results, Path(json_path))
    click.echo(f"Report: {index}")
    click.echo(f"Dashboard: {dashboard}")
    if not _write_exports(results, exports):
        sys.exit(EXIT_PROBER_ERROR)


# --- map ----------------------------------------------------------------------------------------
@cli.command("map")
@click.option("--run", "run_id", help="Which run to map (default: the latest). See `probes report --list`.")
@click.option("--journey", "journey_name", help="Only the journey of this name (default: every journey of the run, "
              "one sheet each).")
@click.option("--tag", help="Only the journeys with this tag.")
@click.option("--target", help="Only the journeys of this company (its key or name in probes.yaml).")
@click.option("--paper", type=click.Choice(["a3", "a4"]), default="a3", show_default=True,
              help="Paper the map prints on, landscape.")
@click.option("--last", "last_runs", type=click.IntRange(1, 366), default=1, show_default=True,
              help="Also say under each stage how it went over the last N runs up to --run (of any kind; those "
                   "that have the journey count): how many got there, the median and worst times.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="HTML file to write (default: "
              "REPORTS/runs/<run id>/map.html, beside the run's page).")
@click.option("--pdf", "pdf_path", type=click.Path(dir_okay=False), help="Also print the map to this PDF "
              "through Chromium (landscape, on --paper).")
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml (for its ledger, reports folder and "
              "the companies' business hours, shaded on the map; also read with --ledger).")
@click.option("--ledger", "ledger_url", help="SQLAlchemy URL of the ledger (default: the project's, as for run; "
              "with no probes.yaml, the demo's: reports/demo-ledger.sqlite3).")
def map_command(run_id, journey_name, tag, target, paper, last_runs, out_path, pdf_path, config_path, ledger_url):
    """Write the journey map of a run: what the customer lived through, one sheet per journey, to print on a wall.

    Columns are the journey's stages, swimlanes its channels; the waits are drawn to scale, with a mood curve
    whose low points name the finding, quote the evidence and say what to fix. Read from the ledger only: no
    contacts are made. Exit code 0 when written, 2 when no run or journey matches, 3 when it could not be written.
    """
    from .report import build_results
    from .report.dashboard import run_page_dir
    from .report.journey_map import MAP_PAGE, write_map, write_pdf

    ledger, config, reports = _ledger_to_read(ledger_url, config_path)
    run_id = run_id or ledger.latest_run_id()
    if not run_id or not ledger.get_run(run_id):
        click.secho("The ledger has no such run." if run_id else "The ledger has no runs yet.", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    results = build_results(ledger, run_id)
    out = Path(out_path).resolve() if out_path else run_page_dir(reports, run_id) / MAP_PAGE
    try:
        earlier = [build_results(ledger, r) for r in _runs_before(ledger, run_id, last_runs - 1)]
        write_map(results, out, paper=paper, journey=journey_name, tag=tag, target=target, earlier=earlier,
                  targets=_targets_for_map(config, config_path))
    except LookupError as err:
        click.secho(f"Nothing to map in run {run_id}: {err}.", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except OSError as err:
        click.secho(f"Cannot write {out}: {err}", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    click.echo(f"Map: {out}")
    if pdf_path:
        from .browser import find_chromium, playwright_chromium

        try:
            pdf = write_pdf(out, Path(pdf_path).resolve(), paper,
                            find_chromium(config.settings.browser if config else None, playwright_chromium()))
        except Exception as exc:  # noqa: BLE001 - no Chromium, or it failed: the prober's trouble
            click.secho(f"Cannot print the map to {pdf_path}: {exc}", fg="red", err=True)
            sys.exit(EXIT_PROBER_ERROR)
        click.echo(f"PDF: {pdf}")


def _targets_for_map(config, config_path: str | None) -> dict:
    """The targets whose business hours the journey map shades: the project's (also with --ledger, when a
    probes.yaml is found), else the demo company's (the demo's ledger is what such a command reads). The map
    uses a target only where its name is the one the run recorded."""
    from .config import find_config, load_config

    if config is None:
        try:
            config = load_config(find_config(config_path))
        except InputError:
            config = demo_config("http://127.0.0.1", Path("reports"))
    return dict(config.targets)


def _runs_before(ledger, run_id: str, n: int) -> list[str]:
    """The ids of the ``n`` runs started before ``run_id``, newest first."""
    if n <= 0:
        return []
    ids = [r["id"] for r in ledger.list_runs(limit=10_000)]   # newest first
    return ids[ids.index(run_id) + 1:][:n] if run_id in ids else []


# --- scorecard ----------------------------------------------------------------------------------
def _since_date(text: str | None) -> Any:
    """--since DATE (YYYY-MM-DD, or an ISO date and time; UTC unless it says otherwise), or None."""
    import datetime as dt

    if not text:
        return None
    try:
        value = dt.datetime.fromisoformat(text)
    except ValueError:
        click.secho(f"--since {text!r} is not a date: write it as YYYY-MM-DD (or YYYY-MM-DDTHH:MM).", fg="red",
                    err=True)
        sys.exit(EXIT_BAD_INPUT)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


@cli.command("scorecard")
@click.option("--run", "run_id", help="Score the companies of this run (default: the latest run). See "
              "`probes report --list`.")
@click.option("--days", type=click.IntRange(1, 3660), help="Instead, every run started in the last N days, up to "
              "the latest run.")
@click.option("--since", "since", metavar="DATE", help="Instead, every run started since DATE (YYYY-MM-DD, UTC).")
@click.option("--min-contacts", type=click.IntRange(1, 100_000), default=2, show_default=True,
              help="Judged contacts a company needs to be ranked; with fewer it is listed as \"too few judged "
                   "contacts\", unranked.")
@click.option("--out", "out_path", type=click.Path(dir_okay=False), help="HTML file to write (default: "
              "REPORTS/runs/<run id>/scorecard.html for one run, REPORTS/scorecard.html for --days/--since).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False), metavar="FILE", help="Also write the figures "
              "as CSV here: one row per company and channel and one per company (channel \"all\"); the README's "
              "\"Scorecard\" section lists the columns.")
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml (for its ledger and reports folder).")
@click.option("--ledger", "ledger_url", help="SQLAlchemy URL of the ledger (default: the project's, as for run; "
              "with no probes.yaml, the demo's: reports/demo-ledger.sqlite3).")
def scorecard(run_id, days, since, min_contacts, out_path, csv_path, config_path, ledger_url):
    """Write the scorecard across companies: per company and channel, reached?, answered, a person replied,
    time to a person, answers that addressed the question, personal or canned, promises kept; and a rank.

    The rank is the mean of the shares each company has data for; what the prober could not judge (its own
    errors, answers still awaited) is shown as unknown and never counts against a company, and a company with
    fewer than --min-contacts judged contacts is not ranked. The page states the method. Read from the
    ledger only: no contacts are made. Exit code 0 when written, 2 when no run matches, 3 when a file could
    not be written.
    """
    from .report.dashboard import run_page_dir
    from .report.scorecard import SCORECARD_PAGE, runs_for, scorecard_data, write_csv, write_scorecard

    if run_id and (days or since):
        click.secho("--run scores one run; --days and --since a period: give one or the other.", fg="red",
                    err=True)
        sys.exit(EXIT_BAD_INPUT)
    if days and since:
        click.secho("Give --days or --since, not both.", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    since_at = _since_date(since)
    ledger, _config, reports = _ledger_to_read(ledger_url, config_path)
    chosen = runs_for(ledger, run_id=run_id, days=days, since=since_at)
    if not chosen:
        what = ("The ledger has no such run." if run_id else "The ledger has no runs in that period."
                if (days or since) else "The ledger has no runs yet.")
        click.secho(what, fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    data = scorecard_data(ledger, [r["id"] for r in chosen], min_contacts=min_contacts)
    one_run = not (days or since)
    if out_path:
        out = Path(out_path).resolve()
    else:
        out = run_page_dir(reports, chosen[0]["id"]) / SCORECARD_PAGE if one_run else reports / SCORECARD_PAGE
    run_page = run_page_dir(reports, chosen[0]["id"]) / "index.html"
    run_href = None
    if one_run and run_page.exists():
        import os

        run_href = Path(os.path.relpath(run_page, out.parent)).as_posix()
    try:
        click.echo(f"Scorecard: {write_scorecard(data, out, run_href=run_href)}")
        if csv_path:
            click.echo(f"CSV: {write_csv(data, Path(csv_path))}")
    except OSError as err:
        click.secho(f"Cannot write the scorecard: {err}", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    for c in data["companies"]:
        place = f"{c['rank']}." if c["rank"] is not None else "–"
        score = f"{c['score']:.2f}" if c["score"] is not None else "–"
        tail = "" if c["ranked"] == "yes" else f" (not ranked: {c['ranked']})"
        click.echo(f"{place:>3} {c['company']}: score {score}{tail}")


# --- prune --------------------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.option("--config", "config_path", type=click.Path(), help="probes.yaml (its `retention:` limits, ledger and "
              "reports folder).")
@click.option("--ledger", "ledger_url", help="SQLAlchemy URL of the ledger, instead of the project's (`ledger:` in "
              "probes.yaml, else ledger.sqlite3 beside probes.yaml).")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), help="Reports folder (default from "
              "probes.yaml); only files inside its evidence/ folder are ever deleted.")
@click.option("--dry-run", is_flag=True, help="List what would be deleted and how much space it frees; delete "
              "nothing.")
def prune(config_path, ledger_url, report_dir, dry_run):
    """Delete evidence files older than the `retention:` limits in probes.yaml.

    Each kind has its own limit (screenshots, traces, emails, texts,
    recordings), counted from when the file was saved; a kind with no limit
    is kept for ever, and with no `retention:` nothing is deleted. Ledger
    rows are never deleted: a pruned file is marked in the ledger, and its
    run's page says "evidence pruned (<date>)" where it was.

    Never deleted: the evidence of a run still running or still waiting for
    an answer, and anything outside <reports folder>/evidence/ (a path with
    "..", a symbolic link, a run whose evidence is in another reports folder:
    refused and counted).
    """
    from .config import find_config, load_config, shown_ledger_url
    from .ledger import Ledger
    from .prune import KIND_WORDS, prune as prune_evidence
    from .report.render import human_size

    try:
        config = load_config(find_config(config_path))
    except InputError as err:
        _fail_input(err, contacting=False)
    reports = Path(report_dir).resolve() if report_dir else config.reports_dir()
    limits = config.retention.limits_s()
    if not limits:
        click.echo("No `retention:` limits in probes.yaml: every evidence file is kept; nothing was deleted.")
        return
    try:
        url = _ledger_for(config, ledger_url, reports)
    except InputError as err:
        _fail_input(err, contacting=False)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        click.secho(f"No ledger at {url.removeprefix('sqlite:///')}; nothing to prune.", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    try:
        ledger = Ledger(url, lock_wait_s=config.settings.ledger_lock_wait_s)
    except Exception as exc:  # noqa: BLE001 - an unreachable database (or no driver for it) is the prober's failure
        click.secho(f"Cannot open the ledger {shown_ledger_url(url)}: {exc}", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    try:
        done = prune_evidence(ledger, reports, limits, dry_run=dry_run)
    finally:
        ledger.close()
    if dry_run:
        for d in done.files:
            size = human_size(d.bytes) if d.exists else "already gone"
            click.echo(f"would delete {_shown_path(d.path, reports)}  ({size}; {d.kind}, saved "
                       f"{d.saved_at:%Y-%m-%d}, {'run ' + d.run_id if d.run_id else 'unmatched mail'})")
    by_kind: dict[str, list] = {}
    for d in done.files:
        by_kind.setdefault(d.kind, []).append(d)
    for kind, files in by_kind.items():
        click.echo(f"{KIND_WORDS.get(kind, kind)}: {len(files)} file{'s' if len(files) != 1 else ''}, "
                   f"{human_size(sum(d.bytes for d in files)) or '0 KB'}")
    for path, why in done.refused:
        click.secho(f"Refused {path}: {why}; left alone.", fg="yellow", err=True)
    for path, why in done.failed:
        click.secho(f"Could not delete {path}: {why}", fg="red", err=True)
    n = len(done.files)
    freed = human_size(done.freed_bytes) if done.freed_bytes else "0 bytes"
    summary = (f"{'Would prune' if dry_run else 'Pruned'} {n} evidence file{'s' if n != 1 else ''} "
               f"({freed} {'would be freed' if dry_run else 'freed'}) of {len(done.runs)} "
               f"run{'s' if len(done.runs) != 1 else ''}")
    if done.protected_runs:
        k = len(done.protected_runs)
        summary += f"; kept all evidence of {k} run{'s' if k != 1 else ''} still running or waiting for answers"
    if done.refused:
        summary += f"; refused {len(done.refused)} outside {reports / 'evidence'}"
    if done.failed:
        summary += f"; {len(done.failed)} could not be deleted"
    click.echo(summary + (". Dry run: nothing was deleted." if dry_run else "."))
    if done.failed:
        sys.exit(EXIT_PROBER_ERROR)


def _shown_path(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def _ledger_to_read(ledger_url: str | None, config_path: str | None):
    """The ledger a reading command (report, map) works from, with the project's config (None without one)
    and reports folder: --ledger, else the project's, else the demo's. Exits 2 when there is no ledger yet,
    3 when it cannot be opened."""
    from .config import find_config, load_config, shown_ledger_url
    from .ledger import Ledger

    reports = Path("reports").resolve()
    config = None
    if not ledger_url:
        try:
            config = load_config(find_config(config_path))
        except InputError:
            ledger_url = f"sqlite:///{reports / DEMO_LEDGER}"   # no project: the demo is all that runs
        if config is not None:
            reports = config.reports_dir()
            try:
                ledger_url = _ledger_for(config, None, None)
            except InputError as err:   # settings.ledger names a variable that is not set
                _fail_input(err, contacting=False)
    assert ledger_url is not None
    if ledger_url.startswith("sqlite:///") and not Path(ledger_url[10:]).exists():
        click.secho(f"No ledger at {ledger_url[10:]}; run some journeys first (probes run / probes demo), or "
                    "pass --ledger URL.", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    try:
        return Ledger(ledger_url), config, reports
    except Exception as exc:  # noqa: BLE001 - an unreachable database (or no driver for it) is the prober's failure
        click.secho(f"Cannot open the ledger {shown_ledger_url(ledger_url)}: {exc}", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)


# --- demo / sim / browser -------------------------------------------------------------------------
@cli.command(epilog=EXIT_CODES_HELP)
@click.option("--scenarios", "scenarios_dir", type=click.Path(), default="scenarios", show_default=True,
              help="Journeys to run against the demo company.")
@click.option("--report", "report_dir", type=click.Path(file_okay=False), default="reports", show_default=True,
              help="Folder for the report, evidence and the demo's own ledger (demo-ledger.sqlite3; never the "
                   "ledger of the project in the current folder).")
@click.option("--port", type=int, default=0, help="Port for the demo company (default: any free port).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Also write the results as JSON here.")
@click.option("--wait", "wait", metavar="DURATION", default="60s", show_default=True,
              help="How long to wait for the mail desk's answers (it stops as soon as all are in).")
@export_options
def demo(scenarios_dir, report_dir, port, json_path, wait, junit_path, metrics_path):
    """Start the built-in demo company on 127.0.0.1, run the journeys against it, write the report.

    The demo company ("Northwind Appliances") has a healthy contact form and
    forms that fail the way real ones do: a server error, a message silently
    dropped, a "Dear [name]" confirmation, a required field nobody mentions, a
    CAPTCHA, and a send button that never confirms. Its mail desk answers
    email (and contact-form messages) the way real ones do: promptly, with a
    broken "Dear [name]" template, from another address, or never; one
    address bounces. Its chat widget answers, loops, never hands over, is
    offline, or never loads. Its phone line (through a built-in Twilio
    simulator) has a menu with a queue to a person, a dead end, a loop back to
    the main menu and a busy sales line; its SMS number answers automatically,
    then in person. Beside it, two other demo companies answer the same two
    questions (a contact form answered by email, and an email): Contoso
    Kitchens, quick and personal, and Fabrikam Home, slow and with a form
    letter; their journeys (probes/sim/peer_scenarios/) always run too, so the
    scorecard beside the report (runs/<run id>/scorecard.html) compares
    something. Needs Dovecot (installed with apt-get when run as root), no
    accounts and no network. Exits 1 when it finds something — which, for the
    demo, it should. The demo is a project of its own: its ledger is
    REPORT/demo-ledger.sqlite3 (`probes report --ledger sqlite:///REPORT/demo-ledger.sqlite3`
    renders it again).
    """
    from .sim import DemoCompany

    if not Path(scenarios_dir).is_dir():
        click.secho(f"No scenarios folder at {scenarios_dir}; run from the repository root or pass --scenarios.",
                    fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    exports = _exports_ready(junit_path, metrics_path)
    import tempfile

    from .sim.mailnet import DemoMail
    from .sim.mailserver import ensure_dovecot

    try:
        ensure_dovecot(say=lambda text: click.echo(text, err=True))
    except RuntimeError as exc:
        click.secho(str(exc), fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    from .sim.chat import ChatServer
    from .sim.peers import PEER_SCENARIOS, PEERS, PeerDesk
    from .sim.phonenet import DemoPhone

    with tempfile.TemporaryDirectory(prefix="probes-demo-mail-") as mail_root, \
            DemoMail(Path(mail_root), ack_delay_s=1.0, human_delay_s=5.0) as mail, \
            ChatServer(bot_delay_s=1.0, agent_delay_s=4.0) as chat, \
            DemoPhone(hold_s=4.0, sms_human_delay_s=5.0, speech_rate_wps=4.0) as phone, \
            DemoCompany(port=port, on_message=mail.forward_form, chat=chat) as company, \
            ExitStack() as others:
        click.echo(f"Demo company running at {company.base_url}; its mail desk answers at "
                   f"@northwind.example; the shopper's mailbox is IMAP {mail.imap.host}:{mail.imap.port}; "
                   f"its phone lines are on the Twilio simulator at {phone.base_url}")
        peers = []
        for peer in PEERS:   # the scorecard's other companies: the same website and mail desk, other behaviour
            mail.add_desk(lambda deliver, peer=peer: PeerDesk(deliver, peer)).start()
            site = others.enter_context(DemoCompany(
                on_message=lambda message, domain=peer.domain: mail.forward_form(message, domain),
                company_name=peer.name.split(" (")[0]))
            peers.append((peer, site.base_url))
        click.echo("Other demo companies, for the scorecard: " + "; ".join(
            f"{p.name.split(' (')[0]} at {url}, @{p.domain}" for p, url in peers))
        config = demo_config(company.base_url, Path(report_dir), mail, phone, chat=chat, peers=peers)
        try:
            journeys = _load_journeys(_scenario_files([scenarios_dir, PEER_SCENARIOS], [Path(report_dir)]),
                                      config)
        except InputError as err:
            _fail_input(err)
        code = execute(config, journeys, Path(report_dir).resolve(), json_path=json_path, kind="demo",
                       title="Mystery Shopper demo report", wait_s=_wait_seconds(wait), exports=exports)
    sys.exit(code)


def demo_config(base_url: str, reports: Path, mail=None, phone=None, interactive: bool = True, chat=None,
                peers=()):
    """The configuration `probes demo` uses: one target, the demo company, at base_url.

    With mail (a running probes.sim.mailnet.DemoMail): the shopper's mailbox as the only identity,
    and the company's mail addresses on the target. With phone (a running probes.sim.phonenet.DemoPhone):
    the prober's Twilio number on the same identity, and the company's numbers on the target. With chat
    (a running probes.sim.chat.ChatServer): its WebSocket's host and port on the allowlist, as a company's
    chat provider must be. With peers (``[(probes.sim.peers.PeerCompany, its website's base URL)]``): a
    target for each of the demo's other companies.
    """
    from .config import Config

    target: dict[str, Any] = {
        "name": "Northwind Appliances (demo company)",
        "timezone": "Europe/London",
        "business_hours": {d: "09:00-17:30" for d in ("mon", "tue", "wed", "thu", "fri")},
        "endpoints": {"website": base_url},
        "allowlist": [base_url + "/"],
    }
    if chat is not None:
        from urllib.parse import urlsplit

        target["allowlist"].append(f"http://{urlsplit(chat.ws_url).netloc}/")  # ws:// is checked as http://
    # The demo is a project of its own: its ledger stays in its reports folder, apart from any project's.
    doc: dict[str, Any] = {"settings": {"reports_dir": str(reports),
                                        "ledger": f"sqlite:///{Path(reports).resolve() / DEMO_LEDGER}"},
                           "targets": {"demo": target}}
    if mail is not None:
        target["endpoints"]["support_email"] = "support@northwind.example"
        target["allowlist"].append("@northwind.example")
        target["auto_reply_within_s"] = 2.0  # the demo's people answer within seconds
        doc["identities"] = {"shopper": mail.identity()}
    if phone is not None:
        from .sim import phoneline

        numbers = {"phone": phoneline.MAIN_LINE, "sales_phone": phoneline.SALES_LINE, "sms": phoneline.SMS_NUMBER}
        target["endpoints"].update(numbers)
        target["allowlist"].extend(numbers.values())
        target["auto_reply_within_s"] = 2.0
        doc.setdefault("identities", {}).setdefault("shopper", {})["phone"] = phone.identity(interactive=interactive)
    for peer, url in peers:
        doc["targets"][peer.key] = {
            "name": peer.name, "timezone": "Europe/London",
            "endpoints": {"website": url, "support_email": peer.support},
            "allowlist": [url + "/", f"@{peer.domain}"], "auto_reply_within_s": peer.auto_reply_within_s}
    return Config.model_validate(doc)


@cli.group()
def sim():
    """Run parts of the built-in simulator on their own."""


@sim.command("web")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8780, show_default=True, type=int)
@click.option("--chat-port", default=8781, show_default=True, type=int,
              help="The live chat the /chat pages' widget talks to (a WebSocket server).")
def sim_web(host, port, chat_port):
    """Serve the demo company's website and its live chat until Ctrl-C (point probes.yaml's demo target at it)."""
    from .sim import company

    sys.exit(company.main(["--host", host, "--port", str(port), "--chat-port", str(chat_port)]))


@sim.command("mail")
@click.option("--smtp-port", default=8825, show_default=True, type=int, help="The relay the prober sends through.")
@click.option("--imap-port", default=8143, show_default=True, type=int, help="The shopper's mailbox (Dovecot).")
@click.option("--ack-delay", default=1.0, show_default=True, type=float, help="Seconds to an automatic reply.")
@click.option("--human-delay", default=5.0, show_default=True, type=float, help="Seconds to a person's answer.")
def sim_mail(smtp_port, imap_port, ack_delay, human_delay):
    """Serve the demo's mail world until Ctrl-C: the company's mail desk, the shopper's mailbox, a relay.

    The identity "shopper" in the repository's probes.yaml points at these ports; the command prints
    the mailbox password to export as PROBES_DEMO_MAILBOX_PASSWORD in the terminal that runs probes.
    """
    import tempfile

    from .sim.mailnet import PASSWORD_VARIABLE, DemoMail
    from .sim.mailserver import ensure_dovecot

    try:
        ensure_dovecot(say=lambda text: click.echo(text, err=True))
    except RuntimeError as exc:
        click.secho(str(exc), fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    with tempfile.TemporaryDirectory(prefix="probes-sim-mail-") as root, \
            DemoMail(Path(root), ack_delay_s=ack_delay, human_delay_s=human_delay, imap_port=imap_port,
                     smtp_port=smtp_port) as mail:
        _serve_until_stopped([
            f"SMTP relay: 127.0.0.1:{mail.relay.port}   shopper's mailbox (IMAP): 127.0.0.1:{mail.imap.port}",
            "Company addresses: support@ (answers), sales@ (broken template), help@ (answers from a "
            "person's address), returns@ (never answers), anything else @northwind.example bounces.",
            f"In the terminal that runs probes:\n  export {PASSWORD_VARIABLE}={mail.password}"])


def _serve_until_stopped(banner) -> None:
    """Print a simulator's banner, then wait for Ctrl-C or SIGTERM (a service manager's stop) and say "Stopped.".

    The handlers are in place before the first line is printed: a user who presses Ctrl-C as soon as the
    banner appears (or a script that stops us once it has read it) gets a clean stop, not "Aborted!".
    """
    import signal
    import time

    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        for line in banner:
            click.echo(line)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        click.echo("Stopped.")


@sim.command("twilio")
@click.option("--numbers", "numbers_file", required=True, type=click.Path(dir_okay=False),
              help="The numbers file: accounts, and what answers each number.")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8793, show_default=True, type=int)
@click.option("--time-scale", default=1.0, show_default=True, type=click.FloatRange(min=0.001),
              help="Multiplies every simulated duration (rings, speech, pauses); 0.1 runs ten times faster.")
@click.option("--log", "log_file", default=None, type=click.Path(dir_okay=False),
              help="Also append every event to FILE as JSON lines (the console shows them as text).")
def sim_twilio(numbers_file, host, port, time_scale, log_file):
    """Serve a Twilio-compatible REST API and telephone network until Ctrl-C.

    Point the official SDK (or probes.yaml's twilio api_base) at the printed URL. Prints the accounts'
    SIDs; their auth tokens stay in the numbers file (or the environment variables it names). While
    calls run, prints what happens on the network: statuses, webhooks (status, time), <Say>, <Gather>,
    digits, <Dial> and its outcome, unknown numbers, hang-ups and why, errors such as 11200.
    """
    from .sim.twilio import TwilioSim

    try:
        sim = TwilioSim(numbers_file, host=host, port=port, time_scale=time_scale, echo=sys.stdout,
                        log_path=log_file)
    except InputError as err:
        _fail_input(err, contacting=False)
    except OSError as exc:  # the --log file cannot be opened
        click.secho(f"Cannot write the event log: {exc}", fg="red", err=True)
        sys.exit(EXIT_BAD_INPUT)
    try:
        sim.start()
    except RuntimeError as exc:
        click.secho(str(exc), fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    with sim:
        _serve_until_stopped(sim.describe())


@sim.command("phone")
@click.option("--twilio-port", default=8793, show_default=True, type=int,
              help="The Twilio simulator's REST API (probes.yaml's api_base).")
@click.option("--line-port", default=8791, show_default=True, type=int,
              help="The company's TwiML application (the simulator calls it).")
@click.option("--hold", "hold_s", default=6.0, show_default=True, type=float,
              help="Seconds in the queue before an agent is called.")
@click.option("--sms-human-delay", default=4.0, show_default=True, type=float,
              help="Seconds to a person's answer by SMS.")
@click.option("--log", "log_file", default=None, type=click.Path(dir_okay=False),
              help="Also append the simulator's events to FILE as JSON lines (the console shows them as text).")
def sim_phone(twilio_port, line_port, hold_s, sms_human_delay, log_file):
    """Serve the demo's telephone world until Ctrl-C: the Twilio simulator and the company's phone lines.

    The identity "shopper" in the repository's probes.yaml points at these ports; the command prints
    the prober's auth token to export as PROBES_DEMO_TWILIO_TOKEN in the terminal that runs probes.
    """
    from .sim import phoneline
    from .sim.phonenet import PROBER_NUMBER, TOKEN_VARIABLE, DemoPhone

    try:
        phone = DemoPhone(hold_s=hold_s, sms_human_delay_s=sms_human_delay, sim_port=twilio_port,
                          line_port=line_port, echo=sys.stdout, log_path=log_file).start()
    except (OSError, RuntimeError) as exc:
        click.secho(f"Cannot start the telephone world: {exc}", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
    try:
        _serve_until_stopped([f"Twilio simulator: {phone.base_url}   company's TwiML app: {phone.line.base_url}",
                              f"The prober's number: {PROBER_NUMBER}",
                              *(f"  {line.number}  {line.title}: {line.fault}" for line in phoneline.LINES),
                              f"In the terminal that runs probes:\n  export {TOKEN_VARIABLE}={phone.token}"])
    finally:
        phone.stop()


@cli.command()
@click.option("--install", is_flag=True, help="Install a Chromium if none is found (Playwright's, else "
              "Debian's chromium package via apt-get when root).")
def browser(install):
    """Show which Chromium the browser channels use (and install one with --install)."""
    from .browser import describe, ensure_chromium
    from .results import ProberError

    if install:
        try:
            ensure_chromium(say=click.echo)
        except ProberError as exc:
            click.secho(str(exc), fg="red", err=True)
            sys.exit(EXIT_PROBER_ERROR)
    else:
        click.echo(describe())


@cli.command()
def setup():
    """Install what the demo and the tests need: a Chromium and Dovecot (the demo's IMAP server).

    Each is looked for first; only what is missing is installed (Playwright's Chromium where it can be
    downloaded, else Debian's chromium; Debian's dovecot-imapd), with apt-get when run as root.
    Otherwise it stops with the exact command to run.
    """
    from .browser import ensure_chromium
    from .results import ProberError
    from .sim.mailserver import ensure_dovecot

    try:
        ensure_chromium(say=click.echo)
        click.echo(f"Dovecot: {ensure_dovecot(say=click.echo)}")
    except (ProberError, RuntimeError) as exc:
        click.secho(str(exc), fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)


def main() -> None:
    from .ledger import LedgerBusy

    try:
        cli(prog_name="probes")
    except LedgerBusy as exc:
        # The ledger stayed locked by another prober process: the prober's trouble, said in one line.
        click.secho(f"Prober error: {exc}", fg="red", err=True)
        sys.exit(EXIT_PROBER_ERROR)
