"""History across runs: which problems are new tonight, which were resolved, which persist and since when.

A *problem* is a finding above ``info`` identified by where it happened — target, journey, step and check —
never by its text (titles carry times and names that change every night). A journey is the same journey
from run to run when its target and name are the same.

The comparison is fair to the company: a problem counts as *resolved* only when the step it was found in
ran to a verdict again (passed or fell short) without it. A step that stopped on the prober's own error,
was skipped, or still waits for answers says nothing either way; its earlier problems are *unchecked*,
neither resolved nor persisting, and they do not break a streak.

The dashboard, the run pages and the alerts all read these results; none decides on its own what changed.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from .ledger import Ledger, contacts, findings, journeys, responses, runs, steps

# Severities that make a problem; info findings are worth knowing but never "broke".
PROBLEM_SEVERITIES = ("critical", "major", "minor")
# Step statuses that are a verdict about the company (an "error" is the prober's, "skipped"/"running" none).
JUDGED = ("passed", "failed")
# How far back a streak is followed (runs of the same journey).
MAX_LOOKBACK_RUNS = 400
# The comparison first reads this many earlier runs, and reads 4 times more only while a streak (or the last
# verdict on a step) goes back further: a year of nights costs what a few weeks cost.
FIRST_LOOKBACK_RUNS = 16


@dataclass(frozen=True)
class Problem:
    """One problem as seen in one run, with how long it has been seen."""

    key: str                  # target/journey/step/check: the problem's identity across runs
    target: str
    target_name: str
    journey: str
    step_key: str | None      # None for a finding about the whole journey
    channel: str | None
    check_id: str
    severity: str
    title: str                # as worded in the run it was (last) seen in
    run_id: str               # the run it was (last) seen in
    since: dt.datetime        # start of the first run of the unbroken streak of runs it was seen in
    since_run_id: str
    streak: int               # runs of this journey in a row that found it (unchecked runs are not counted)
    confirmed: bool           # streak >= confirm_after
    confirm_after: int = 1    # runs in a row it takes to be confirmed, for this journey
    location: str = "local"   # where it was seen (probes/locations.py); in the key unless "local"

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready (``since`` as an ISO string)."""
        d = dict(self.__dict__)
        d["since"] = self.since.isoformat()
        return d


@dataclass
class Changes:
    """What changed in one run against the previous run of each of its journeys."""

    run_id: str
    # "Before" is the last run of the journey that judged the step (runs where the prober could not are passed over).
    new: list[Problem] = field(default_factory=list)         # found now, not open before
    resolved: list[Problem] = field(default_factory=list)    # open before, judged again now without it
    persisting: list[Problem] = field(default_factory=list)  # found now and open before
    unchecked: list[Problem] = field(default_factory=list)   # open before; its step got no verdict now
    first_runs: list[str] = field(default_factory=list)      # journeys with no earlier run to compare with
    first_run_journeys: list[tuple[str, str]] = field(default_factory=list)   # the same as (target, name)

    def as_dict(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "first_runs": list(self.first_runs),
                **{name: [p.as_dict() for p in getattr(self, name)]
                   for name in ("new", "resolved", "persisting", "unchecked")}}


def problem_key(target: str, journey: str, step_key: str | None, check_id: str, location: str = "local") -> str:
    """The identity of a problem across runs; seen from another location than the default, it is another
    problem ("…/check@frankfurt"): the same form failing from two cities is two things to fix or explain."""
    key = "/".join((target, journey, step_key or "-", check_id))
    return key if location == "local" else f"{key}@{location}"


def comparable_kinds(kind: str) -> tuple[str, ...] | None:
    """Which earlier runs a run of this kind is compared with (None: any).

    A nightly run is compared with the nights before it, so an ad-hoc run in between never changes what
    "since last night" means; an ad-hoc run is compared with the latest earlier run of any kind.
    """
    return ("nightly",) if kind == "nightly" else None


def confirm_after_for(ledger: Ledger, run_id: str) -> dict[tuple[str, str], int]:
    """How many runs in a row each journey of ``run_id`` must find a problem before it is *confirmed*,
    by (target, journey name), as the run recorded it (the scenario's ``confirm_after``, else the target's,
    else ``settings.confirm_after``). Journeys the run recorded nothing for are left out (they count as 1).
    """
    run = ledger.get_run(run_id)
    kept = ((run or {}).get("options") or {}).get("confirm_after") or []
    out: dict[tuple[str, str], int] = {}
    for item in kept:
        if isinstance(item, (list, tuple)) and len(item) == 3 and isinstance(item[2], int):
            out[(str(item[0]), str(item[1]))] = max(1, item[2])
    return out


def journey_confirm_after(ledger: Ledger, run_id: str, target: str, journey: str) -> int:
    """The ``confirm_after`` of one journey in ``run_id`` (1 when the run recorded none)."""
    return confirm_after_for(ledger, run_id).get((target, journey), 1)


def changes_for_run(ledger: Ledger, run_id: str, *,
                    confirm_after: int | Mapping[tuple[str, str], int] | None = None) -> Changes:
    """New, resolved, persisting and unchecked problems of ``run_id`` against each journey's previous run.

    ``confirm_after``: one number for every journey, a mapping (target, journey name) -> number, or None
    (default) for what the run recorded for each journey (``confirm_after_for``; 1 where it recorded none).
    Raises LookupError if the ledger has no such run.
    """
    run = ledger.get_run(run_id)
    if run is None:
        raise LookupError(f"the ledger has no run {run_id!r}")
    if confirm_after is None:
        confirm_after = confirm_after_for(ledger, run_id)
    lookback = FIRST_LOOKBACK_RUNS
    while True:
        history, complete = _journey_history(ledger, run, lookback)
        ran_off: list[str] = []
        out = _compare(run_id, history, confirm_after, ran_off)
        if complete or not ran_off or lookback >= MAX_LOOKBACK_RUNS:
            return out
        lookback = min(MAX_LOOKBACK_RUNS, lookback * 4)


def _compare(run_id: str, history: dict[tuple[str, str], list[dict]],
             confirm_after: int | Mapping[tuple[str, str], int], ran_off: list[str]) -> Changes:
    """The changes, from each journey's visits; ``ran_off`` gets a note when the answer may lie further back."""
    out = Changes(run_id=run_id)
    for ident, visits in history.items():
        current, earlier = visits[0], visits[1:]
        if current["run_id"] != run_id:
            continue
        if not earlier:
            out.first_runs.append(ident[1])
            out.first_run_journeys.append(ident)
        needed = confirm_after if isinstance(confirm_after, int) else confirm_after.get(ident, 1)
        now = _problems_of(visits, 0, needed, ran_off)
        before = _open_before(visits, needed, ran_off)
        for key, problem in now.items():
            (out.persisting if key in before else out.new).append(problem)
        for key, problem in before.items():
            if key in now:
                continue
            if _status(current, problem.step_key) in JUDGED:
                out.resolved.append(problem)
            else:
                out.unchecked.append(problem)
    for bucket in (out.new, out.resolved, out.persisting, out.unchecked):
        bucket.sort(key=lambda p: (PROBLEM_SEVERITIES.index(p.severity)
                                   if p.severity in PROBLEM_SEVERITIES else 9, p.key))
    return out


# --- internals ----------------------------------------------------------------------------------------

def _journey_history(ledger: Ledger, run: dict, lookback: int) -> tuple[dict[tuple[str, str], list[dict]], bool]:
    """For each journey of ``run``: its visits (one per run, newest first, this run first), each with its
    step statuses and problem findings. Only ``run`` and the ``lookback`` comparable runs started before it.
    Also whether that is all there is (no earlier comparable run was left out)."""
    # A journey is compared with its runs from the same location (probes/locations.py): a form that fails
    # from Frankfurt and passes from London is not "new" and "resolved" by turns, night after night. Journeys
    # skipped here for being pinned elsewhere have no history here.
    # (Oldest row first, so a journey re-run at another location is compared where its last attempt ran.)
    idents = ledger._select(sa.select(journeys.c.target, journeys.c.name, journeys.c.location)
                            .where(journeys.c.run_id == run["id"], journeys.c.pinned_to.is_(None))
                            .order_by(journeys.c.id))
    if not idents:
        return {}, True
    kinds = comparable_kinds(run["kind"])
    wanted = {(r["target"], r["name"]) for r in idents}
    location_of = {(r["target"], r["name"]): r["location"] for r in idents}
    earlier = sa.select(runs.c.id).where(runs.c.started_at < run["started_at"], runs.c.id != run["id"])
    if kinds is not None:
        earlier = earlier.where(runs.c.kind.in_(kinds))
    run_ids = [r["id"] for r in ledger._select(earlier.order_by(runs.c.started_at.desc()).limit(lookback))]
    complete = len(run_ids) < lookback
    q = (sa.select(journeys.c.id, journeys.c.run_id, journeys.c.target, journeys.c.target_name, journeys.c.name,
                   journeys.c.status, journeys.c.location, runs.c.started_at.label("run_started_at"))
         .join(runs, runs.c.id == journeys.c.run_id)
         .where(sa.tuple_(journeys.c.target, journeys.c.name).in_(list(wanted)))
         .where(journeys.c.run_id.in_([run["id"], *run_ids]))
         .order_by(runs.c.started_at.desc(), journeys.c.id.desc()))
    visits: dict[tuple[str, str], list[dict]] = {}
    by_journey: dict[int, dict] = {}
    for row in ledger._select(q):
        ident = (row["target"], row["name"])
        if row["location"] != location_of[ident]:
            continue
        seen = visits.setdefault(ident, [])
        # The newest journey row of a run counts (a retried journey has a later attempt in the same run).
        if seen and seen[-1]["run_id"] == row["run_id"]:
            continue
        visit = {**row, "step_status": {}, "step_channel": {}, "findings": []}
        seen.append(visit)
        by_journey[row["id"]] = visit
    ids = list(by_journey)
    for chunk in _chunks(ids, 500):
        for s in ledger._select(sa.select(steps.c.journey_id, steps.c.step_key, steps.c.channel, steps.c.status)
                                .where(steps.c.journey_id.in_(chunk))):
            by_journey[s["journey_id"]]["step_status"][s["step_key"]] = s["status"]
            by_journey[s["journey_id"]]["step_channel"][s["step_key"]] = s["channel"]
        q = (sa.select(findings.c.journey_id, findings.c.check_id, findings.c.severity, findings.c.title,
                       steps.c.step_key)
             .select_from(findings.outerjoin(steps, steps.c.id == findings.c.step_id))
             .where(findings.c.journey_id.in_(chunk))
             .where(findings.c.severity.in_(PROBLEM_SEVERITIES))
             .order_by(findings.c.id))
        for f in ledger._select(q):
            by_journey[f["journey_id"]]["findings"].append(f)
    return visits, complete


def _chunks(items: list[int], size: int) -> list[list[int]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _keys_of(visit: dict) -> dict[str, dict]:
    """The visit's problems by key (worked out once per visit: streaks look at the same visits again)."""
    if "keys" not in visit:
        out: dict[str, dict] = {}
        for f in visit["findings"]:
            out.setdefault(problem_key(visit["target"], visit["name"], f["step_key"], f["check_id"],
                                       visit.get("location") or "local"), f)
        visit["keys"] = out
    return visit["keys"]


def _status(visit: dict, step_key: str | None) -> str | None:
    """The verdict status of a step in a visit (the journey's own for a finding about the whole journey)."""
    return visit["step_status"].get(step_key) if step_key else visit["status"]


def _open_before(visits: list[dict], confirm_after: int, ran_off: list[str] | None = None) -> dict[str, Problem]:
    """The problems still open before the newest visit: each step's problems as of the last visit that judged
    that step (visits in between where the prober could not judge it neither close nor open anything)."""
    open_: dict[str, Problem] = {}
    judged: set[str | None] = set()  # steps judged in a visit newer than the one looked at
    wanted = set(visits[0]["step_status"]) | {None}
    for i in range(1, len(visits)):
        older = visits[i]
        fresh = {k: f for k, f in _keys_of(older).items() if f["step_key"] not in judged and k not in open_}
        if fresh:
            problems = _problems_of(visits, i, confirm_after, ran_off)
            open_.update({k: problems[k] for k in fresh})
        judged |= {k for k, st in older["step_status"].items() if st in JUDGED}
        if older["status"] in JUDGED:
            judged.add(None)
        if wanted <= judged:
            break
    else:
        if ran_off is not None:
            ran_off.append("open before")   # some step's last verdict may lie further back
    return open_


def _problems_of(visits: list[dict], at: int, confirm_after: int,
                 ran_off: list[str] | None = None) -> dict[str, Problem]:
    """The problems of visit ``at`` with their streaks, following older visits back."""
    visit = visits[at]
    problems: dict[str, Problem] = {}
    for key, f in _keys_of(visit).items():
        streak, since_visit = 1, visit
        for older in visits[at + 1:]:
            if key in _keys_of(older):
                streak, since_visit = streak + 1, older
                continue
            if _status(older, f["step_key"]) in JUDGED:
                break  # judged without it: the streak started after this run
            # unchecked run (prober error, skipped, still waiting): neither breaks nor extends the streak
        else:
            if ran_off is not None:
                ran_off.append(key)   # the streak may go back further than the visits read
        problems[key] = Problem(
            key=key, target=visit["target"], target_name=visit["target_name"] or visit["target"],
            journey=visit["name"], step_key=f["step_key"],
            channel=visit["step_channel"].get(f["step_key"]) if f["step_key"] else None,
            check_id=f["check_id"], severity=f["severity"], title=f["title"], run_id=visit["run_id"],
            since=since_visit["run_started_at"], since_run_id=since_visit["run_id"], streak=streak,
            confirmed=streak >= max(1, confirm_after), confirm_after=max(1, confirm_after),
            location=visit.get("location") or "local")
    return problems


# --- regressions: a response time worse than its own recent distribution ----------------------------

# A time is a regression when it is above the REGRESSION_PERCENT-th percentile of the same journey, step and
# measurement over the last REGRESSION_NIGHTS nightly runs before it, with at least REGRESSION_MIN_VALUES
# earlier values, and at least REGRESSION_MARGIN above it (so a 2 ms wobble on a fast page is no regression).
REGRESSION_NIGHTS = 14
REGRESSION_MIN_VALUES = 5
REGRESSION_PERCENT = 90
REGRESSION_MARGIN = 0.10
# Answer times measured from the contact (as the report's figures): to the first answer, to a person's.
ANSWER_METRICS = {"ack_s": "time to acknowledgement", "human_s": "time to a reply from a person"}


@dataclass(frozen=True)
class Regression:
    """One time in a run that is worse than the same time's recent distribution."""

    key: str                  # target/journey/step/metric
    target: str
    target_name: str
    journey: str
    step_key: str
    channel: str
    metric: str               # a step measurement (e.g. page_load_s) or ack_s / human_s
    value_s: float            # tonight's value
    p90_s: float              # the percentile of the earlier values it is compared with
    earlier: int              # how many earlier values there were
    run_id: str

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def regressions(ledger: Ledger, run_id: str, *, nights: int = REGRESSION_NIGHTS,
                min_values: int = REGRESSION_MIN_VALUES, percent: float = REGRESSION_PERCENT,
                margin: float = REGRESSION_MARGIN) -> list[Regression]:
    """The times of ``run_id`` above the ``percent``-th percentile of the same journey/step/metric over the last
    ``nights`` nightly runs before it (at least ``min_values`` earlier values).

    Fair to the company: only times measured in steps that ran to a verdict count, tonight's and the earlier
    ones alike; a step that stopped on the prober's own error measured the prober, not the company.
    Raises LookupError if the ledger has no such run.
    """
    run = ledger.get_run(run_id)
    if run is None:
        raise LookupError(f"the ledger has no run {run_id!r}")
    # Nights at the same location only: another city's times are not this one's "usual".
    earlier_runs = [r["id"] for r in ledger._select(
        sa.select(runs.c.id).where(runs.c.kind == "nightly", runs.c.started_at < run["started_at"],
                                   runs.c.id != run_id, runs.c.location == run.get("location", "local"))
        .order_by(runs.c.started_at.desc()).limit(nights))]
    values = measured_times(ledger, [run_id, *earlier_runs], only_journeys_of=run_id)
    out = []
    for (key, rid), point in values.items():
        if rid != run_id:
            continue
        history = [values[(key, r)]["value_s"] for r in earlier_runs if (key, r) in values]
        if len(history) < min_values:
            continue
        ordered = sorted(history)
        p = ordered[max(1, -(-int(percent * len(ordered)) // 100)) - 1]  # nearest rank
        if point["value_s"] > p * (1 + margin) and point["value_s"] > p:
            out.append(Regression(key=key, target=point["target"], target_name=point["target_name"],
                                  journey=point["journey"], step_key=point["step_key"], channel=point["channel"],
                                  metric=point["metric"], value_s=round(point["value_s"], 3), p90_s=round(p, 3),
                                  earlier=len(history), run_id=run_id))
    out.sort(key=lambda r: r.key)
    return out


def measured_times(ledger: Ledger, run_ids: list[str], *, only_journeys_of: str | None = None
                   ) -> dict[tuple[str, str], dict[str, Any]]:
    """Every time measured in steps that ran to a verdict in ``run_ids``: {(target/journey/step/metric, run id):
    point}. Step measurements ending in ``_s`` and the answer times ack_s / human_s of the step's contact.
    The newest journey row of a run counts (a retried journey's earlier attempt does not).
    ``only_journeys_of``: only the journeys (target and name) of this run."""
    if not run_ids:
        return {}
    newest = (sa.select(sa.func.max(journeys.c.id)).where(journeys.c.run_id.in_(run_ids))
              .group_by(journeys.c.run_id, journeys.c.target, journeys.c.name))
    if only_journeys_of is not None:
        wanted = [(r["target"], r["name"]) for r in ledger._select(
            sa.select(journeys.c.target, journeys.c.name).where(journeys.c.run_id == only_journeys_of).distinct())]
        if not wanted:
            return {}
        newest = newest.where(sa.tuple_(journeys.c.target, journeys.c.name).in_(wanted))
    judged = (steps.join(journeys, journeys.c.id == steps.c.journey_id))
    where = (journeys.c.id.in_(newest.scalar_subquery()), steps.c.status.in_(JUDGED))
    out: dict[tuple[str, str], dict[str, Any]] = {}

    def put(run_id: str, target: str, target_name: str | None, name: str, step_key: str, channel: str,
            metric: str, value: float) -> None:
        out[("/".join((target, name, step_key, metric)), run_id)] = {
            "target": target, "target_name": target_name or target, "journey": name, "step_key": step_key,
            "channel": channel, "metric": metric, "value_s": float(value)}

    # Plain rows, not dicts: a month of 50 journeys is thousands of them.
    for run_id, target, target_name, name, step_key, channel, measured in _rows(ledger, sa.select(
            journeys.c.run_id, journeys.c.target, journeys.c.target_name, journeys.c.name, steps.c.step_key,
            steps.c.channel, steps.c.measurements).select_from(judged).where(*where)):
        for metric, value in (measured or {}).items():
            if metric.endswith("_s") and isinstance(value, (int, float)) and not isinstance(value, bool):
                put(run_id, target, target_name, name, step_key, channel, metric, value)
    q = (sa.select(journeys.c.run_id, journeys.c.target, journeys.c.target_name, journeys.c.name, steps.c.step_key,
                   steps.c.channel, contacts.c.sent_at,
                   sa.func.min(responses.c.arrived_at).label("ack_at"),
                   sa.func.min(sa.case((responses.c.kind == "human", responses.c.arrived_at))).label("human_at"))
         .select_from(judged.join(contacts, contacts.c.step_id == steps.c.id)
                      .join(responses, responses.c.contact_id == contacts.c.id))
         .where(*where, contacts.c.sent_at.is_not(None), responses.c.kind.in_(("auto", "human")))
         .group_by(contacts.c.id, journeys.c.run_id, journeys.c.target, journeys.c.target_name, journeys.c.name,
                   steps.c.step_key, steps.c.channel, contacts.c.sent_at)
         .order_by(contacts.c.id))
    for run_id, target, target_name, name, step_key, channel, sent_at, ack_at, human_at in _rows(ledger, q):
        for metric, at in (("ack_s", ack_at), ("human_s", human_at)):
            if at is not None:
                put(run_id, target, target_name, name, step_key, channel, metric,
                    (_aware(at) - _aware(sent_at)).total_seconds())
    return out


def _rows(ledger: Ledger, stmt: Any) -> list[Any]:
    """Rows as tuples (cheaper than the ledger's dicts for thousands of rows); datetimes may be naive (UTC)."""
    def read() -> list[Any]:
        with ledger._reading() as conn:
            return list(conn.execute(stmt).all())
    return ledger.retry_locked(read, "reading the ledger")


def _aware(value: Any) -> dt.datetime:
    if isinstance(value, str):  # SQLite through a raw aggregate hands back text
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)
