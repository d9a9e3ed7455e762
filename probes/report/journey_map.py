"""The workshop journey map: what the customer lived through, one sheet per journey, for printing on a wall.

A reader of the results document (build.build_results), like the report: it places what the run recorded
(the steps, the answers and their times, the awaits, the findings and their snippets) on a grid of stages
(columns) by channels (swimlanes), draws the waits to scale, and scores each stage by a rule stated on the
sheet. It judges nothing of its own: every low point is a finding, or a contact that did not get through.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .. import __version__
from ..business_time import WEEKDAYS, BusinessCalendar
from .build import nearest_rank
from ..durations import format_duration
from .render import (SEVERITY, _environment, _evidence_view, business_note, channel_name, family_of, long_duration,
                     persona_words)

PAPERS = ("a3", "a4")
MAP_PAGE = "map.html"

# The stages a journey goes through when its scenario names none, in the customer's order.
FIND, CONTACT, ACK, WAIT, ANSWER, PROMISE = ("Find a way to get in touch", "Make contact", "Acknowledged",
                                             "Waiting", "Answered", "Promise kept")
DEFAULT_STAGES = (FIND, CONTACT, ACK, WAIT, ANSWER, PROMISE)

# How much each finding lowers its stage's mood, by severity (info: nothing).
SEVERITY_WEIGHT = {"critical": 3, "major": 2, "minor": 1, "info": 0}
DEAD_END_WEIGHT = 3
MOOD_MIN, MOOD_MAX = -6, 1
MOOD_RULE = ("Mood per stage: each stage starts at 0; it rises by 1 when something went as the customer hoped "
             "(the contact got through, an answer came, a promise was kept) and falls for each finding there: "
             "critical \u22123, major \u22122, minor \u22121 (a delay beyond the promised time, no answer, a hand-over "
             "that never came, a placeholder greeting, a cheerful reply to a grieving customer are such findings); a "
             "dead end (the contact did not get through) is \u22123 when no finding says so. Shown from "
             f"{MOOD_MIN} to +{MOOD_MAX}; a stage below 0 is a low point.")

# The plain-language "what to fix" under a low point: by check id, else by its family (the id before its dot).
WHAT_TO_FIX = {
    "reply.no_ack": "Send an automatic acknowledgement at once, saying when a person will answer.",
    "reply.late_ack": "Acknowledge within minutes, from the system that receives the message.",
    "reply.no_human": "Route every message to a queue someone owns; answer within the time you state.",
    "reply.late_human": "Staff the queue for the promised time, or promise a time you can keep.",
    "promise.broken": "Only promise a follow-up someone will own; track promised call-backs and e-mails.",
    "promise.late": "Track promised follow-ups with a due time; tell the customer before it passes.",
    "chat.no_handover": "When the bot offers a person, connect one, or say honestly when one is available.",
    "chat.late_handover": "Shorten the wait for a person in chat, or offer a call-back instead.",
    "chat.bot_loop": "Let the bot recognise it is repeating itself and hand over to a person.",
    "chat.offline": "Show opening hours and another way to get in touch when the chat is offline.",
    "phone.dead_end": "Give every menu branch a way out: to a person, or a clear next step.",
    "phone.menu_loop": "Fix the menu so no option leads back to where the caller started.",
    "phone.menu_too_deep": "Flatten the phone menu: a person within two choices.",
    "phone.no_person": "Make sure a person can be reached on the line within the opening hours.",
    "placeholder": "Fill every template field before a reply goes out, and block replies that still hold one.",
    "wrong_recipient": "Check the greeting's name against the customer's before sending.",
    "internal_note": "Keep staff notes out of replies: a separate notes field, checked before sending.",
    "profanity": "Review replies for rude words; give staff a second look before sending.",
    "tone": "Match the tone to the customer's situation: no cheerful phrases to someone grieving or upset.",
    "language": "Answer in the customer's language.",
    "canned": "Answer the customer's question, not with a generic template.",
    "answer": "Make sure the answer addresses what the customer asked.",
    "link": "Check the links in templates and replies; fix or remove broken ones.",
    "web_form": "Make the contact form work for every customer: it loads, accepts the message and says so.",
    "email": "Make the published e-mail address accept mail.",
    "sms": "Make the published number accept and answer texts.",
    "chat": "Make the chat reachable and answered during the hours it shows.",
    "phone": "Make the published phone number answer, with a menu that leads to help.",
    "reply": "Answer within the time you state.",
    "promise": "Keep the promises made in replies, or promise less.",
}
# Text checks judge what the company wrote back: their findings belong to the answer, not the contact.
TEXT_FAMILIES = {"placeholder", "wrong_recipient", "internal_note", "profanity", "tone", "language", "canned",
                 "answer", "link"}
QUOTE_CHARS = 220
# A nightly run's map says how each stage went over this many nights, that night's included.
NIGHTS_MAPPED = 14
# Opening hours shaded on the time axis: at most this many spans (a sheet over years draws none, and says so).
MAX_OPEN_SPANS = 400


def what_to_fix(check: str) -> str:
    """The plain-language advice for a check: by its id, else by its family; "" when none is written."""
    return WHAT_TO_FIX.get(check) or WHAT_TO_FIX.get(family_of(check), "")


def _parse(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def _offset(value: str | None, start: dt.datetime | None) -> float | None:
    t = _parse(value)
    return (t - start).total_seconds() if t is not None and start is not None else None


def _quote(text: str | None) -> str:
    """A short quote: the first lines of a text, cut at QUOTE_CHARS."""
    text = " ".join((text or "").split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1].rstrip() + "\u2026"


def _company_said(step: dict) -> str:
    """What the company said last in a call or chat (the IVR prompt heard, the bot's line), if recorded."""
    lines = [m for m in (step["observations"].get("transcript") or []) if isinstance(m, dict)
             and m.get("author") not in ("customer", None) and m.get("text")]
    return str(lines[-1]["text"]) if lines else ""


def hours_words(business_hours: Mapping[str, str]) -> str:
    """ "Mon–Fri 09:00–17:30, Sat 10:00–14:00": a target's weekly opening hours, days with the same hours
    run together."""
    groups: list[list[Any]] = []   # [first day, last day, span], consecutive days with one span
    for i, day in enumerate(WEEKDAYS):
        span = business_hours.get(day)
        if span is None:
            continue
        span = span.replace(" ", "").replace("-", "\u2013")
        if groups and groups[-1][2] == span and WEEKDAYS.index(groups[-1][1]) == i - 1:
            groups[-1][1] = day
        else:
            groups.append([day, day, span])
    return ", ".join((a.title() if a == b else f"{a.title()}\u2013{b.title()}") + f" {span}"
                     for a, b, span in groups)


def _hours(journey: dict, targets: Mapping[str, Any] | None) -> dict[str, Any]:
    """The journey's company's opening hours from probes.yaml (``targets``: its targets by key), for shading:
    ``calendar`` (None when not known or none are set) and ``words`` saying which hours are shaded, or why none."""
    target = (targets or {}).get(journey["target"])
    if target is None or (journey["target_name"] and target.name != journey["target_name"]):
        return {"calendar": None, "words": "business hours not shaded: the company is not in probes.yaml"}
    if not target.business_hours:
        return {"calendar": None, "words": "business hours not shaded: none are set for the company in probes.yaml"}
    return {"calendar": BusinessCalendar.for_target(target),
            "words": f"business hours ({hours_words(target.business_hours)}, {target.timezone}"
                     f"{', closed on its holidays' if target.holidays else ''})"}


class _Sheet:
    """Collects one journey's items per (lane, stage), in the order they happened."""

    def __init__(self, journey: dict, hours: dict[str, Any], out_dir: Path | None):
        self.journey = journey
        self.hours = hours
        self.out_dir = out_dir   # the map's folder, for links to the screenshots (None: no thumbnails)
        self.t0 = _parse(journey["started_at"])
        self.stages: list[str] = []
        self.lanes: list[str] = []
        self.items: list[dict[str, Any]] = []
        self.mood: dict[str, int] = {}
        self.why: dict[str, list[str]] = {}
        self.lows: dict[str, list[dict[str, Any]]] = {}
        # A scenario's own stage that stands where a default one would (the wait an await step names): ordered
        # as that one.
        self.roles: dict[str, str] = {}
        # Per stage, for the history across runs: how long it took (a contact, the first answer of its kind, a
        # promise kept) and how long the customer waited in it.
        self.took: dict[str, float] = {}
        self.waited: dict[str, float] = {}

    def _see(self, stage: str, lane: str) -> None:
        if stage not in self.stages:
            self.stages.append(stage)
        if lane not in self.lanes:
            self.lanes.append(lane)
        self.mood.setdefault(stage, 0)
        self.why.setdefault(stage, [])

    def add(self, stage: str, lane: str, item: dict[str, Any]) -> None:
        self._see(stage, lane)
        self.items.append({"stage": stage, "lane": lane, **item})

    def lift(self, stage: str, why: str, took_s: float | None = None) -> None:
        self.mood[stage] = self.mood.get(stage, 0) + 1
        if took_s is not None:
            self.took.setdefault(stage, took_s)
        self.why.setdefault(stage, []).append(f"+1 {why}")

    def lower(self, stage: str, lane: str, weight: int, why: str, low: dict[str, Any] | None) -> None:
        self._see(stage, lane)
        self.mood[stage] -= weight
        if weight:
            self.why[stage].append(f"\u2212{weight} {why}")
        if low is not None:
            self.lows.setdefault(stage, []).append(low)


def _finding_stage(f: dict, step: dict, own_stage: str, answer_stage: str | None) -> str:
    check = f["check"]
    if check.startswith("reply."):
        kind = check.rsplit("_", 1)[-1]
        if check.startswith("reply.late_"):
            return WAIT
        return ACK if kind == "ack" else ANSWER
    if family_of(check) == "promise":
        return PROMISE
    if family_of(check) in TEXT_FAMILIES and answer_stage is not None:
        return answer_stage
    return own_stage


def _journey_sheet(journey: dict, hours: dict[str, Any], out_dir: Path | None = None) -> dict[str, Any]:
    sheet = _Sheet(journey, hours, out_dir)
    steps = journey["steps"]
    by_key = {s["id"]: s for s in steps}
    # An await step may name the stage its wait is drawn in; by the key of the contact it awaits.
    wait_stage: dict[str, str] = {s["observations"].get("awaiting"): s["observations"]["stage"] for s in steps
                  if s["channel"] == "await" and s["observations"].get("stage")}
    waits: list[dict[str, Any]] = []
    for step in steps:
        own_stage = step["observations"].get("stage")
        if step["channel"] == "await":
            _await_step(sheet, step, by_key, own_stage, waits)
            continue
        reached = step["reachable"]
        stage = own_stage or (FIND if reached is False else CONTACT)
        lane = step["channel"]
        label = step["description"] or step["id"]
        took = f"took {format_duration(step['duration_s'])}" if step["duration_s"] is not None else ""
        if step["status"] == "error":
            sheet.add(stage, lane, {"kind": "error", "mark": "!", "title": f"{label}: could not be tested",
                                    "detail": step["error"] or "", "start_s": _offset(step["started_at"], sheet.t0),
                                    "end_s": _offset(step["finished_at"], sheet.t0)})
            continue
        if step["status"] == "skipped":
            continue
        # What the customer saw at the end of the step (the page after sending, the chat): the last screenshot.
        shot = next((e for e in reversed(step.get("evidence") or []) if e["kind"] == "screenshot"), None)
        sheet.add(stage, lane, {"kind": "dead_end" if reached is False else "contact",
                                "mark": "\u2716" if reached is False else "\u25b6",
                                "title": f"{label}: did not get through" if reached is False else label,
                                "detail": took, "start_s": _offset(step["started_at"], sheet.t0),
                                "end_s": _offset(step["finished_at"], sheet.t0)})
        if reached is True:
            sheet.lift(stage, f"{channel_name(lane)}: got through", step["duration_s"])
        answers = sorted((r for r in step["responses"] if r["kind"] in ("auto", "human")),
                         key=lambda r: r["arrived_at"] or "")
        first_human = next((r for r in answers if r["kind"] == "human"), None)
        answer_stage = (ANSWER if first_human else ACK) if answers else None
        for r in answers:
            r_stage = ANSWER if r["kind"] == "human" else ACK
            who = "A person answered" if r["kind"] == "human" else "Automatic reply"
            after = f" after {long_duration(r['after_s'])}" if r["after_s"] is not None else ""
            sheet.add(r_stage, r["channel"] or "email",
                      {"kind": r["kind"], "mark": "\u2709", "title": f"{who}{after}",
                       "detail": r["subject"], "quote": _quote(r["text"]),
                       "start_s": _offset(r["arrived_at"], sheet.t0), "end_s": None})
            if any(r is x for x in (answers[0], first_human)):   # the first of each kind lifts the mood
                sheet.lift(r_stage, "an answer came" if r_stage == ANSWER else "the message was acknowledged",
                           r["after_s"])
        if answers or any(a["kind"] in ("ack", "human") for a in step["awaits"]):
            _contact_waits(sheet, step, answers, first_human, wait_stage.get(step["id"]) or WAIT, waits)
        _promises(sheet, step, _offset((step.get("contact") or {}).get("sent_at"), sheet.t0))
        for f in step["findings"]:
            said_in = _answer_quoted(f, answers) if family_of(f["check"]) in TEXT_FAMILIES else None
            f_stage = _finding_stage(f, step, stage, _stage_of(said_in) if said_in else answer_stage)
            in_answer = bool(answers) and f_stage in (ACK, ANSWER)
            f_lane = ((said_in or answers[0])["channel"] or "email") if in_answer else lane
            quote = f["snippet"] or (
                _quote((said_in or first_human or answers[0])["text"]) if in_answer else _quote(_company_said(step)))
            _low(sheet, f_stage, f_lane, f, quote, None if in_answer else shot)
        if reached is False and not any(SEVERITY_WEIGHT.get(f["severity"], 0) for f in step["findings"]):
            sheet.lower(stage, lane, DEAD_END_WEIGHT, "dead end",
                        {"severity": "critical", "mark": SEVERITY["critical"]["mark"],
                         "title": f"{channel_name(lane)}: the contact did not get through", "check": "",
                         "quote": _quote(_company_said(step)), "fix": what_to_fix(lane),
                         "shot": _shot(sheet, shot)})
    for f in journey["findings"]:
        _low(sheet, _finding_stage(f, {}, CONTACT, None), sheet.lanes[0] if sheet.lanes else "web_form", f,
             f["snippet"])
    return _view(sheet, waits)


def _low(sheet: _Sheet, stage: str, lane: str, f: dict, quote: str, shot: dict | None = None) -> None:
    weight = SEVERITY_WEIGHT.get(f["severity"], 0)
    sev = SEVERITY.get(f["severity"], SEVERITY["info"])
    sheet.lower(stage, lane, weight, f"{sev['label'].lower()}: {f['title']}",
                {"severity": f["severity"], "mark": sev["mark"], "title": f["title"], "check": f["check"],
                 "quote": _quote(quote), "fix": what_to_fix(f["check"]), "shot": _shot(sheet, shot)}
                if weight else None)


def _shot(sheet: _Sheet, evidence: dict | None) -> dict[str, Any] | None:
    """A screenshot for a low point, as the report shows it (a thumbnail linking the full image); None when
    there is none or the map has no folder to link from."""
    if evidence is None or sheet.out_dir is None:
        return None
    return _evidence_view(evidence, sheet.out_dir)


def _contact_waits(sheet: _Sheet, step: dict, answers: list[dict], first_human: dict | None, stage: str,
                   waits: list[dict]) -> None:
    """The customer's silence after a contact: until the first answer, then until a person's (if later)."""
    sent = (step.get("contact") or {}).get("sent_at") or step["finished_at"]
    sent_s = _offset(sent, sheet.t0)
    lane = (answers[0]["channel"] if answers else None) or next(
        (a["channel"] for a in step["awaits"] if a["channel"]), None) or "email"
    first = answers[0] if answers else None
    if first is not None and first["after_s"] is not None:
        waits.append(_wait(sheet, stage, lane, sent_s, first["after_s"], "of silence"))
        if first_human is not None and first_human is not first and first_human["after_s"] is not None:
            waits.append(_wait(sheet, stage, lane, sent_s + first["after_s"] if sent_s is not None else None,
                               first_human["after_s"] - first["after_s"], "more until a person answered"))
        return
    # Nothing came: the longest wait the awaits judged (to its deadline, when no answer came at all).
    waited: list[tuple[float, str]] = []
    for a in step["awaits"]:
        if a["kind"] not in ("ack", "human"):
            continue
        if a["elapsed_s"] is not None:
            waited.append((a["elapsed_s"], "of silence so far" if a["status"] == "pending" else "of silence"))
        elif a["status"] == "no_response" and sent_s is not None and (due := _offset(a["due_at"], sheet.t0)):
            waited.append((due - sent_s, "of silence: no answer by the deadline"))
    if waited:
        wait_s, words = max(waited)
        waits.append(_wait(sheet, stage, lane, sent_s, wait_s, words))


def _wait(sheet: _Sheet, stage: str, lane: str, start_s: float | None, wait_s: float, words: str) -> dict:
    item = {"kind": "wait", "mark": "\u25d4", "title": f"{long_duration(wait_s)} {words}", "detail": "",
            "wait_s": wait_s, "start_s": start_s,
            "end_s": start_s + wait_s if start_s is not None else None, "open": None}
    if start_s is not None and wait_s > 0 and (spans := _open_spans(sheet, start_s, wait_s)) is not None:
        # Which part of the silence the company was open: shaded in the bar, and said in words.
        item["open"] = [{"x_pct": round(o / wait_s * 100, 3), "w_pct": round((c - o) / wait_s * 100, 3)}
                        for o, c in spans]
        item["detail"] = business_note(wait_s, sum(c - o for o, c in spans)) or "all in business hours"
    sheet.add(stage, lane, item)
    if stage not in DEFAULT_STAGES:
        sheet.roles.setdefault(stage, WAIT)
    sheet.waited[stage] = sheet.waited.get(stage, 0.0) + max(0.0, wait_s)
    return sheet.items[-1]


def _promises(sheet: _Sheet, step: dict, sent_s: float | None) -> None:
    """A promise an answer made, in the stage "Promise kept": kept, kept late, not kept or not due yet."""
    for a in step["awaits"]:
        if a["kind"] != "promise":
            continue
        words = {"met": "kept", "late": "kept late", "no_response": "not kept", "pending": "not due yet"}
        state = words.get(a["status"], a["status"])
        sheet.add(PROMISE, a["channel"] or "email",
                  {"kind": "promise", "mark": "\u2714" if a["status"] == "met" else "\u2717" if
                   a["status"] in ("late", "no_response") else "\u2026",
                   "title": f"{a['deadline']}: {state}", "detail": "",
                   # When it came true (elapsed from the contact), else when it was due.
                   "start_s": (sent_s + a["elapsed_s"]) if sent_s is not None and a["elapsed_s"] is not None
                   else _offset(a["due_at"], sheet.t0), "end_s": None})
        if a["status"] == "met":
            sheet.lift(PROMISE, "a promise was kept", a["elapsed_s"])


def _answer_quoted(f: dict, answers: list[dict]) -> dict | None:
    """The first answer whose text holds the finding's snippet: the answer a text check judged."""
    for snippet in [x for x in (f.get("snippets") or [f["snippet"]]) if x and x.strip()]:
        wanted = " ".join(snippet.split())
        for r in answers:
            if wanted in " ".join((r["text"] or "").split()):
                return r
    return None


def _stage_of(answer: dict) -> str:
    return ANSWER if answer["kind"] == "human" else ACK


def _await_step(sheet: _Sheet, step: dict, by_key: dict, own_stage: str | None, waits: list) -> None:
    """An await step: its promises and findings (no acknowledgement, no answer in time, what the answers said);
    the answers themselves are drawn with the contact it awaits, and so is the silence when that step has it."""
    awaited = by_key.get(step["observations"].get("awaiting")) or {}
    answers = sorted((r for r in awaited.get("responses", []) if r["kind"] in ("auto", "human")),
                     key=lambda r: r["arrived_at"] or "")
    first_human = next((r for r in answers if r["kind"] == "human"), None)
    answer_stage = (ANSWER if first_human else ACK) if answers else None
    if not answers and not any(a["kind"] in ("ack", "human") for a in awaited.get("awaits", [])):
        # The contact's step drew no silence (nothing came, and its deadlines live here): draw it here.
        _contact_waits(sheet, {**step, "contact": awaited.get("contact"), "finished_at": awaited.get("finished_at")},
                       [], None, own_stage or WAIT, waits)
    _promises(sheet, step, _offset((awaited.get("contact") or {}).get("sent_at"), sheet.t0))
    lane = step["observations"].get("channel") or "email"
    for f in step["findings"]:
        said_in = _answer_quoted(f, answers) if family_of(f["check"]) in TEXT_FAMILIES else None
        stage = _finding_stage(f, step, own_stage or WAIT, _stage_of(said_in) if said_in else answer_stage)
        in_answer = bool(answers) and stage in (ACK, ANSWER)
        f_lane = ((said_in or answers[0])["channel"] or lane) if in_answer else lane
        quote = f["snippet"] or (_quote((said_in or first_human or answers[0])["text"]) if answers else "")
        _low(sheet, stage, f_lane, f, quote)


def _order(stages: list[str], roles: dict[str, str] | None = None) -> list[str]:
    """Default stages in the customer's order; a scenario's own stages where they first appeared, or, when one
    stands for a default stage (``roles``: the wait an await step names stands for Waiting), where that one
    would be."""
    roles = roles or {}

    def rank(stage: str) -> int | None:
        default = stage if stage in DEFAULT_STAGES else roles.get(stage)
        return DEFAULT_STAGES.index(default) if default is not None else None

    out: list[str] = []
    for s in stages:
        if (mine := rank(s)) is not None:
            # Before the first default stage that comes later in the customer's order.
            later = next((i for i, o in enumerate(out) if (theirs := rank(o)) is not None and theirs > mine), None)
            out.insert(later if later is not None else len(out), s)
        else:
            out.append(s)
    return out


def _view(sheet: _Sheet, waits: list[dict]) -> dict[str, Any]:
    j = sheet.journey
    stages = _order(sheet.stages, sheet.roles)
    longest = max((w["wait_s"] for w in waits), default=0) or 1.0
    for w in waits:
        # One scale for every wait on the sheet: half the time, half the bar.
        w["width_pct"] = round(max(0.0, w["wait_s"]) / longest * 100, 2)
    lanes = [{"channel": lane, "title": channel_name(lane),
              "cells": [[i for i in sheet.items if i["lane"] == lane and i["stage"] == s] for s in stages]}
             for lane in sheet.lanes]
    curve = []
    for i, s in enumerate(stages):
        mood = max(MOOD_MIN, min(MOOD_MAX, sheet.mood.get(s, 0)))
        curve.append({"stage": s, "mood": mood, "x_pct": round((i + 0.5) / len(stages) * 100, 2),
                      "y_pct": round((MOOD_MAX - mood) / (MOOD_MAX - MOOD_MIN) * 100, 2),
                      "mark": "\u25b2" if mood > 0 else "\u25cf" if mood == 0 else "\u25bc",
                      "tone": "good" if mood > 0 else "flat" if mood == 0 else "low",
                      "why": sheet.why.get(s, [])})
    lows = [sorted(sheet.lows.get(s, []), key=lambda x: -SEVERITY_WEIGHT.get(x["severity"], 0))[:3]
            for s in stages]
    facts = {st: {"good": any(w.startswith("+") for w in sheet.why.get(st, [])),
                  "took_s": sheet.took.get(st), "waited_s": sheet.waited.get(st)} for st in stages}
    return {"name": j["name"], "target": j["target"], "target_name": j["target_name"], "facts": facts, "history": {}, "status": j["status"], "file": j["file"],
            "description": j["description"], "started_at": j["started_at"], "tags": j["tags"],
            "persona": {"name": (j["persona"] or {}).get("name") or "", "words": persona_words(j["persona"] or {})},
            "stages": stages, "lanes": lanes, "curve": curve, "lows": lows,
            "timeline": _timeline(sheet, lanes), "hours": sheet.hours["words"], "zero_pct": round(MOOD_MAX / (MOOD_MAX - MOOD_MIN) * 100, 2),
            "polyline": " ".join(f"{c['x_pct']},{c['y_pct']}" for c in curve)}


def _timeline(sheet: _Sheet, lanes: list[dict]) -> dict[str, Any] | None:
    """Everything on one time axis to scale: a bar per contact and wait, a tick per answer."""
    timed = [i for i in sheet.items if i.get("start_s") is not None]
    if not timed:
        return None
    total = max(max(i["end_s"] or i["start_s"] for i in timed), 1.0)
    rows = {lane["channel"]: n for n, lane in enumerate(lanes)}
    marks = []
    for i in timed:
        start = max(0.0, i["start_s"])
        end = max(start, i["end_s"] if i["end_s"] is not None else start)
        marks.append({"kind": i["kind"], "title": i["title"], "row": rows[i["lane"]],
                      "x_pct": round(start / total * 100, 3), "w_pct": round((end - start) / total * 100, 3)})
    ticks = [{"x_pct": f * 100, "text": long_duration(total * f) if f else "0"} for f in (0, 0.25, 0.5, 0.75, 1)]
    bands = _open_bands(sheet, 0.0, total)
    hours = sheet.hours["words"]
    if bands is None and sheet.hours["calendar"] is not None:
        hours = "business hours not shaded: too long a time to draw them"
    return {"marks": marks, "ticks": ticks, "total": long_duration(total), "rows": len(lanes),
            "open": bands, "hours": hours}


def _open_spans(sheet: _Sheet, start_s: float, length_s: float) -> list[tuple[float, float]] | None:
    """The company's opening hours within ``length_s`` from ``start_s`` (seconds from the journey's start), as
    (from, to) seconds after ``start_s``; None when they are not known or too many to draw."""
    calendar = sheet.hours["calendar"]
    if calendar is None or sheet.t0 is None or length_s <= 0:
        return None
    a = sheet.t0 + dt.timedelta(seconds=start_s)
    spans = calendar.open_spans(a, a + dt.timedelta(seconds=length_s))
    if len(spans) > MAX_OPEN_SPANS:
        return None
    return [((o - a).total_seconds(), (c - a).total_seconds()) for o, c in spans]


def _open_bands(sheet: _Sheet, start_s: float, length_s: float) -> list[dict[str, float]] | None:
    """_open_spans as bands in % of ``length_s``, to shade."""
    spans = _open_spans(sheet, start_s, length_s)
    if spans is None:
        return None
    return [{"x_pct": round(o / length_s * 100, 3), "w_pct": round((c - o) / length_s * 100, 3)} for o, c in spans]


def map_view(results: dict, *, journey: str | None = None, tag: str | None = None,
             target: str | None = None, targets: Mapping[str, Any] | None = None,
             out_dir: Path | None = None) -> list[dict[str, Any]]:
    """One sheet per journey of the results document, those named, tagged or of the target given.

    ``targets``: probes.yaml's targets by key (probes.config.Target), for the companies' opening hours;
    ``out_dir``: the folder the map is written to, for the screenshots' thumbnails at the low points."""
    out = []
    for j in results["journeys"]:
        if journey is not None and j["name"] != journey:
            continue
        if tag is not None and tag not in j["tags"]:
            continue
        if target is not None and target not in (j["target"], j["target_name"]):
            continue
        out.append({**_journey_sheet(j, _hours(j, targets), out_dir), "run_kind": results["run"]["kind"]})
    return out


def add_history(sheets: list[dict], earlier: list[list[dict]]) -> None:
    """Under each stage of each sheet, how it went over this run and the ``earlier`` runs' sheets (map_view of
    each) that have the same journey: in how many it got there, and the median and worst times."""
    for sheet in sheets:
        same = [sheet] + [o for run in earlier for o in run
                          if o["name"] == sheet["name"] and o["target"] == sheet["target"]]
        n = len(same)
        # Nightly runs are counted in nights ("9 of 14 nights"), as the workshop thinks of them.
        runs = "nights" if all(o.get("run_kind") == "nightly" for o in same) else "runs"
        for st in sheet["stages"]:
            facts = [o["facts"].get(st) or {} for o in same]
            if st == WAIT or not any(f.get("good") for f in facts) and any(f.get("waited_s") for f in facts):
                times = [f["waited_s"] for f in facts if f.get("waited_s") is not None]
                head = f"waited in {len(times)} of {n} {runs}"
            else:
                times = [f["took_s"] for f in facts if f.get("good") and f.get("took_s") is not None]
                head = f"{sum(1 for f in facts if f.get('good'))} of {n} {runs}"
            spread = (f"; median {long_duration(nearest_rank(times, 50))}, worst {long_duration(max(times))}"
                      if times else "")
            sheet["history"][st] = head + spread
        sheet["history_runs"] = n
        sheet["history_unit"] = runs


def nights_before(ledger: Any, run: dict, nights: int | None = None) -> list[dict]:
    """The results documents of the nightly runs before ``run`` (its results document's "run"), newest first:
    ``nights`` - 1 of them (default NIGHTS_MAPPED), so that with ``run`` itself the map counts ``nights``."""
    import sqlalchemy as sa

    from ..ledger import runs
    from .build import build_results

    started = _parse(run["started_at"])
    want = (nights or NIGHTS_MAPPED) - 1
    if started is None or want <= 0:
        return []
    rows = ledger._select(sa.select(runs.c.id).where(runs.c.kind == "nightly", runs.c.started_at < started,
                                                     runs.c.id != run["id"])
                          .order_by(runs.c.started_at.desc()).limit(want))
    return [build_results(ledger, r["id"]) for r in rows]


def render_map(results: dict, *, paper: str = "a3", journey: str | None = None, tag: str | None = None,
               target: str | None = None, earlier: list[dict] | None = None,
               targets: Mapping[str, Any] | None = None, out_dir: Path | None = None) -> str:
    """The journey map of one run as a self-contained HTML page, one sheet per journey, printed on ``paper``.

    ``earlier``: the results documents of earlier runs; each stage then says how it went over them all.
    ``targets``, ``out_dir``: as for map_view (opening hours shaded; screenshots at the low points).
    Raises LookupError when no journey of the run matches the filters."""
    if paper not in PAPERS:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}")
    sheets = map_view(results, journey=journey, tag=tag, target=target, targets=targets, out_dir=out_dir)
    if not sheets:
        raise LookupError("no journey of this run matches" if (journey or tag or target) else "the run has no journeys")
    if earlier:
        add_history(sheets, [map_view(r, journey=journey, tag=tag, target=target) for r in earlier])
    run = results["run"]
    return _environment().get_template("map.html.j2").render(
        sheets=sheets, run=run, paper=paper, rule=MOOD_RULE, generator_version=__version__,
        page_title=f"Journey map \u2013 run {run['id']}")


def write_map(results: dict, path: Path, **options: Any) -> Path:
    """Write the journey map (render_map's options) to ``path``, creating its folder; returns the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_map(results, out_dir=path.parent.absolute(), **options), encoding="utf-8")
    return path


def write_pdf(html_path: Path, pdf_path: Path, paper: str = "a3", executable_path: str | None = None) -> Path:
    """Print the map page to PDF with Chromium (landscape, on ``paper``), as a browser's print would."""
    import concurrent.futures

    pdf_path = Path(pdf_path)
    pdf_path.parent.mkdir(parents=True, exist_ok=True)
    # In a thread of its own: Playwright's sync API refuses a thread that already runs an event loop.
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        pool.submit(_print_pdf, Path(html_path).absolute().as_uri(), pdf_path, paper, executable_path).result()
    return pdf_path


def _print_pdf(url: str, pdf_path: Path, paper: str, executable_path: str | None) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable_path,
                                    args=["--no-sandbox", "--disable-background-networking", "--no-first-run",
                                          "--disable-dev-shm-usage"])
        try:
            page = browser.new_page()
            page.goto(url, wait_until="load")
            page.pdf(path=str(pdf_path), format=paper.upper(), landscape=True, print_background=True,
                     prefer_css_page_size=True)
        finally:
            browser.close()
