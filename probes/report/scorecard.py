"""The scorecard across companies: per company and channel, what customers got, and a rank.

Benchmark-study style (the public studies that wrote to 1,000 companies): for the targets of one run, or
of every run in a period, per company and channel: was it reached, did an answer come, did a person
reply and how long it took, did the answer address the question, was it personal or a form letter, and
were the promises kept. Read from the ledger only, with the figures the report and the dashboard count
(``build.step_reach``, ``build.answer_groups``, ``history.measured_times`` with the dashboard's
"to a person" times), so that a name means one thing on every page.

The rank (``rank_method`` says it on the page): a company's score is the mean of the shares it has data
for among ``SCORED`` (each share counts only what was judged); what the prober could not judge (its own
errors, a run cut short, an answer still awaited, a promise still open) is left out of every share and
shown as unknown, never counted against the company; a company with fewer than ``min_contacts`` judged
contacts is listed "too few judged contacts to rank" instead of being ranked as if it were known.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from ..history import measured_times
from ..ledger import Ledger, runs
from .build import answer_groups, build_results, iso, nearest_rank, step_reach
from .dashboard import FIGURES

SCORECARD_PAGE = "scorecard.html"
MIN_JUDGED_CONTACTS = 2
# The time "to a person", as the dashboard measures it: a person's reply (mail, texts), a person on the
# phone, a person in the chat.
PERSON_METRICS = next(metrics for fid, _, metrics in FIGURES if fid == "person")
# The shares the score averages: (key, words).
SCORED = (
    ("reach_rate", "reached"),
    ("person_rate", "a person replied"),
    ("addressed_rate", "the answer addressed the question"),
    ("personal_rate", "the answer was personal, not a form letter"),
    ("promises_rate", "promises kept"),
)
ANSWER_CHECKS = ("answer.complete", "answer.incomplete")
CANNED_CHECK = "canned"

# The CSV's columns, in order, with what each means (README "Scorecard" lists the same).
CSV_COLUMNS = (
    ("rank", "the company's rank (1 is best); empty when it is not ranked"),
    ("ranked", "yes, or why not: too few judged contacts, nothing judged"),
    ("score", "mean of the shares the company has data for (0 to 1)"),
    ("company", "the company's name"),
    ("target", "its key in probes.yaml"),
    ("channel", "the channel id, or 'all' for the company's total row"),
    ("contacts_tried", "contacts the prober made whose reach it could judge"),
    ("reached", "of those, how many got through to the company"),
    ("reach_unknown", "contacts the prober could not judge (its own error, a run cut short)"),
    ("reach_rate", "reached / contacts_tried"),
    ("awaited", "contacts whose answer was awaited"),
    ("answered", "of those, how many got any answer (automatic or from a person)"),
    ("acknowledged", "how many got an acknowledgement: the first answer of any kind"),
    ("person_replied", "how many got an answer from a person"),
    ("answer_unknown", "awaited contacts with no answer yet and a deadline still open (not judged)"),
    ("response_rate", "answered / (awaited - answer_unknown)"),
    ("ack_rate", "acknowledged / (awaited - answer_unknown)"),
    ("person_rate", "person_replied / (awaited - answer_unknown)"),
    ("person_median_s", "median time to a person, seconds (nearest rank)"),
    ("person_p90_s", "90th percentile time to a person, seconds (nearest rank)"),
    ("person_times", "how many times to a person were measured"),
    ("addressed", "contacts whose answers from a person covered every point the question asked"),
    ("not_addressed", "contacts whose answer from a person missed a point"),
    ("addressed_rate", "addressed / (addressed + not_addressed)"),
    ("canned", "contacts answered by a person with a form letter sent to other questions too"),
    ("personal_rate", "(person_replied - canned) / person_replied"),
    ("promises_kept", "follow-ups promised in an answer that came in time"),
    ("promises_broken", "promised follow-ups that came late or never"),
    ("promises_open", "promises whose time has not come yet (not judged)"),
    ("promises_rate", "promises_kept / (promises_kept + promises_broken)"),
)


def runs_for(ledger: Ledger, *, run_id: str | None = None, days: int | None = None,
             since: dt.datetime | None = None) -> list[dict]:
    """The runs a scorecard covers, oldest first: the one run (default the latest), or every run started
    in the last ``days`` days up to the latest run, or since ``since`` (UTC)."""
    if days is None and since is None:
        rid = run_id or ledger.latest_run_id()
        run = ledger.get_run(rid) if rid else None
        return [run] if run else []
    if since is None:
        latest = ledger.get_run(ledger.latest_run_id() or "")
        if latest is None:
            return []
        since = _aware(latest["started_at"]) - dt.timedelta(days=days or 0)
    return ledger._select(sa.select(runs).where(runs.c.started_at >= since).order_by(runs.c.started_at))


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def _cell(target: str, target_name: str, channel: str) -> dict[str, Any]:
    return {"target": target, "company": target_name, "channel": channel,
            "contacts_tried": 0, "reached": 0, "reach_unknown": 0,
            "awaited": 0, "answered": 0, "acknowledged": 0, "person_replied": 0, "answer_unknown": 0,
            "addressed": 0, "not_addressed": 0, "canned": 0,
            "promises_kept": 0, "promises_broken": 0, "promises_open": 0, "_times": []}


_COUNTS = ("contacts_tried", "reached", "reach_unknown", "awaited", "answered", "acknowledged", "person_replied",
           "answer_unknown", "addressed", "not_addressed", "canned", "promises_kept", "promises_broken",
           "promises_open")


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole > 0 else None


def _rounded(value: float | None) -> float | None:
    return round(value, 3) if value is not None else None


def _finish(c: dict[str, Any]) -> dict[str, Any]:
    """Rates and times of a cell from its counts; None where nothing was judged."""
    judged_answers = c["awaited"] - c["answer_unknown"]
    times = c.pop("_times")
    return {**c,
            "reach_rate": _share(c["reached"], c["contacts_tried"]),
            "response_rate": _share(c["answered"], judged_answers),
            "ack_rate": _share(c["acknowledged"], judged_answers),
            "person_rate": _share(c["person_replied"], judged_answers),
            "person_median_s": _rounded(nearest_rank(times, 50)), "person_p90_s": _rounded(nearest_rank(times, 90)),
            "person_times": len(times),
            "addressed_rate": _share(c["addressed"], c["addressed"] + c["not_addressed"]),
            "personal_rate": _share(c["person_replied"] - c["canned"], c["person_replied"]),
            "promises_rate": _share(c["promises_kept"], c["promises_kept"] + c["promises_broken"])}


def scorecard_data(ledger: Ledger, run_ids: list[str], *, min_contacts: int = MIN_JUDGED_CONTACTS,
                   results: dict[str, dict] | None = None) -> dict[str, Any]:
    """The scorecard of these runs as plain data: ``companies`` (ranked ones first, by rank), each with its
    total figures and ``channels``; ``runs``; ``min_contacts``; ``method`` (the rank's method, in words).
    ``results``: results documents already built ({run id: document}), to save building them again."""
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    names: dict[str, str] = {}
    order: list[str] = []

    def cell(target: str, channel: str) -> dict[str, Any]:
        if target not in order:
            order.append(target)
        return cells.setdefault((target, channel), _cell(target, names.get(target, target), channel))

    for rid in run_ids:
        doc = (results or {}).get(rid) or build_results(ledger, rid)
        for j in doc["journeys"]:
            names.setdefault(j["target"], j["target_name"])
            for s in j["steps"]:
                said = step_reach(s)
                if said is None:
                    continue
                c = cell(j["target"], s["channel"])
                if said == "could_not_tell":
                    c["reach_unknown"] += 1
                else:
                    c["contacts_tried"] += 1
                    c["reached"] += said == "reached"
        rows = ledger.run_rows(rid, parts=("journeys", "contacts", "awaits", "responses", "findings"))
        contact_by_id = {c["id"]: c for c in rows["contacts"]}
        journey_by_id = {j["id"]: j for j in rows["journeys"]}
        for j in rows["journeys"]:
            names.setdefault(j["target"], j["target_name"] or j["target"])
        by_contact: dict[int, list[dict]] = {}
        for r in rows["responses"]:
            if r["kind"] != "own_copy":
                by_contact.setdefault(r["contact_id"], []).append(r)
        for (target, channel), g in answer_groups(rows, contact_by_id, by_contact,
                                                  key=lambda c, j: (j.get("target") or "", c["channel"])).items():
            c = cell(target, channel)
            c["awaited"] += g["contacts"]
            c["answered"] += g["responded"]
            c["acknowledged"] += g["acknowledged"]
            c["person_replied"] += g["human"]
            c["answer_unknown"] += g["waiting"]

        def where(contact_id: int | None, contact_by_id=contact_by_id,
                  journey_by_id=journey_by_id) -> tuple[str, str] | None:
            contact = contact_by_id.get(contact_id) if contact_id is not None else None
            if contact is None:
                return None
            return ((journey_by_id.get(contact["journey_id"]) or {}).get("target") or "", contact["channel"])

        # Per contact: an answer missing a point makes the contact "not addressed", however many answers.
        answer_verdict: dict[int, str] = {}
        canned: set[int] = set()
        for f in rows["findings"]:
            if f["contact_id"] is None:
                continue
            if f["check_id"] in ANSWER_CHECKS:
                if answer_verdict.get(f["contact_id"]) != "answer.incomplete":
                    answer_verdict[f["contact_id"]] = f["check_id"]
            elif f["check_id"] == CANNED_CHECK:
                canned.add(f["contact_id"])
        for contact_id, verdict in answer_verdict.items():
            if (key := where(contact_id)) is not None:
                cell(*key)["addressed" if verdict == "answer.complete" else "not_addressed"] += 1
        for contact_id in canned:
            if (key := where(contact_id)) is not None:
                cell(*key)["canned"] += 1
        for a in rows["awaits"]:
            if a["kind"] != "promise" or (key := where(a["contact_id"])) is None:
                continue
            status = a["status"]
            cell(*key)["promises_kept" if status == "met" else "promises_open" if status == "pending"
                       else "promises_broken"] += 1
    for p in measured_times(ledger, run_ids).values():
        if p["metric"] in PERSON_METRICS:
            names.setdefault(p["target"], p["target_name"])
            cell(p["target"], p["channel"])["_times"].append(p["value_s"])

    companies = []
    for target in order:
        channels = [c for (t, _), c in cells.items() if t == target]
        channels.sort(key=lambda c: c["channel"])
        total = _cell(target, names.get(target, target), "all")
        for c in channels:
            c["company"] = names.get(target, target)
            for k in _COUNTS:
                total[k] += c[k]
            total["_times"].extend(c["_times"])
        company = _finish(total)
        company["channels"] = [_finish(c) for c in channels]
        company["score"] = _score(company)
        if company["score"] is None:
            company["ranked"] = "nothing judged"
        elif company["contacts_tried"] < min_contacts:
            company["ranked"] = "too few judged contacts"
        else:
            company["ranked"] = "yes"
        companies.append(company)
    _rank(companies)
    run_rows = [ledger.get_run(r) or {"id": r} for r in run_ids]
    return {"companies": companies, "min_contacts": min_contacts,
            "runs": [{"id": r["id"], "kind": r.get("kind"), "started_at": iso(r.get("started_at"))}
                     for r in run_rows],
            "method": rank_method(min_contacts), "columns": CSV_COLUMNS}


def _score(company: dict[str, Any]) -> float | None:
    shares = [company[key] for key, _ in SCORED if company[key] is not None]
    return round(sum(shares) / len(shares), 4) if shares else None


def _rank(companies: list[dict[str, Any]]) -> None:
    """Rank the companies in place: best score first; ties by the shorter median time to a person (unknown
    last), then by name. Companies not ranked follow, by name, with ``rank`` None."""
    ranked = [c for c in companies if c["ranked"] == "yes"]
    ranked.sort(key=lambda c: (-c["score"], c["person_median_s"] is None, c["person_median_s"] or 0.0,
                               c["company"]))
    rank = 0
    for i, c in enumerate(ranked):
        previous = ranked[i - 1] if i else None
        tied = previous is not None and (previous["score"], previous["person_median_s"]) == (
            c["score"], c["person_median_s"])
        rank = rank if tied else i + 1
        c["rank"] = rank
    rest = sorted((c for c in companies if c["ranked"] != "yes"), key=lambda c: c["company"])
    for c in rest:
        c["rank"] = None
    companies[:] = ranked + rest


def rank_method(min_contacts: int = MIN_JUDGED_CONTACTS) -> list[str]:
    """How the rank is computed, in sentences for the page and the README."""
    shares = "; ".join(words for _, words in SCORED)
    return [
        f"A company's score is the mean of these shares, over every channel, each counted only where it has "
        f"data: {shares}. 1 is best.",
        "Each share counts only what was judged. What the prober could not judge — its own errors (a relay, a "
        "password, a crashed browser, a timeout on a busy machine), a run cut short, an answer whose deadline "
        "is still open, a promise whose time has not come — is left out of the share and shown as unknown: "
        "it never counts against the company.",
        f"A company with fewer than {min_contacts} judged contacts is marked \u201ctoo few judged contacts\u201d "
        "and listed after the ranked ones, unranked, rather than ranked as if its figures were known.",
        "Equal scores are ordered by the shorter median time to a person (a company with none measured comes "
        "after), and share a rank when that is equal too.",
    ]


def write_csv(data: dict[str, Any], path: Path) -> Path:
    """The scorecard as CSV: one row per company and channel, and one per company with channel "all"
    (columns: ``CSV_COLUMNS``; rates 0 to 1, times in seconds; empty where nothing was judged)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([name for name, _ in CSV_COLUMNS])
    for company in data["companies"]:
        for row in [company, *company["channels"]]:
            values = {**row, "rank": company["rank"], "ranked": company["ranked"], "score": company["score"]}
            writer.writerow(["" if values.get(name) is None else values[name] for name, _ in CSV_COLUMNS])
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path.resolve()


def render_scorecard(data: dict[str, Any], *, title: str | None = None, run_href: str | None = None) -> str:
    """The scorecard page as self-contained HTML. ``run_href``: the run's page, linked when given."""
    from .. import __version__
    from .render import _environment, human_time

    return _environment().get_template("scorecard.html.j2").render(
        **data, title=title or "Mystery Shopper scorecard", run_href=run_href, scored=SCORED,
        generator_version=__version__, generated_at=human_time(dt.datetime.now(dt.timezone.utc).isoformat()))


def write_scorecard(data: dict[str, Any], path: Path, *, title: str | None = None,
                    run_href: str | None = None) -> Path:
    """Write the scorecard page to ``path`` (its folder made if need be); returns the absolute path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_scorecard(data, title=title, run_href=run_href), encoding="utf-8")
    return path.resolve()
