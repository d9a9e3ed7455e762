"""Write the results document as a self-contained HTML report, or as JSON.

The HTML needs no network: CSS is inline, charts are inline SVG. Screenshots
are shown as small thumbnails (JPEG files written once beside each screenshot,
``<name>.thumb.jpg``) that link to the full-size file. Every link is relative to
the report's folder, so the report works when opened from disk and when the
reports folder (with the evidence) is copied elsewhere.
"""
from __future__ import annotations

import base64
import contextlib
import copy
import functools
import datetime as dt
import io
import json
import os
import shlex
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from .. import __version__
from ..durations import format_duration
from ..ledger import Ledger
from .build import build_results
from .highlight import mark_text
from .openmetrics import write_atomically

TEMPLATES = Path(__file__).parent / "templates"
# Thumbnails: the top of the screenshot (a full-page one can be very tall), at most this big, as a JPEG.
THUMB_WIDTH = 480
THUMB_MAX_HEIGHT = 360
THUMB_QUALITY = 70
THUMB_SUFFIX = ".thumb.jpg"
# Lists that grow with the run (mail that matched no contact): this many rows on the page, the rest
# on a page of their own beside it.
LIST_PREVIEW_ROWS = 5
UNMATCHED_PAGE = "unmatched-mail.html"

CHANNEL_NAMES = {"web_form": "Web form", "email": "Email", "phone": "Phone", "sms": "SMS", "chat": "Chat",
                 "await": "Waiting for the answer"}
# Text plus a shape, so severity never depends on colour alone.
SEVERITY = {
    "critical": {"label": "Critical", "mark": "\u2716", "meaning": "the customer was blocked, or their message was lost"},
    "major": {"label": "Major", "mark": "\u25b2", "meaning": "an expectation was not met"},
    "minor": {"label": "Minor", "mark": "\u25cf", "meaning": "a flaw the customer may notice"},
    "info": {"label": "Info", "mark": "i", "meaning": "worth knowing, not a failure"},
}
STATUS = {
    "passed": {"label": "Passed", "mark": "\u2714", "tone": "good"},
    "failed": {"label": "Fell short", "mark": "\u2716", "tone": "bad"},
    "error": {"label": "Could not be tested", "mark": "!", "tone": "neutral"},
    "skipped": {"label": "Skipped", "mark": "\u2013", "tone": "neutral"},
    # Passed only when re-run after a prober error or a transient finding (settings.reruns).
    "flaky": {"label": "Flaky", "mark": "\u21bb", "tone": "wait"},
    # The prober's trouble stopped it before anything reached the company; a resumed run runs it.
    "not_started": {"label": "Not started", "mark": "\u2013", "tone": "neutral"},
    "running": {"label": "Did not finish", "mark": "\u2026", "tone": "neutral"},
    "interrupted": {"label": "Interrupted", "mark": "\u2026", "tone": "neutral"},
    # Waiting for the company's answer: not a failure, not yet a pass.
    "pending": {"label": "Waiting for an answer", "mark": "\u25f7", "tone": "wait"},
}
RESPONSE_KINDS = {
    "auto": {"label": "automatic", "meaning": "an automatic reply"},
    "human": {"label": "person", "meaning": "a reply from a person"},
    "bounce": {"label": "bounce", "meaning": "the mail came back undelivered"},
}
MATCHED_BY = {"reply_address": "its reply address", "token": "the reference token",
              "thread": "the email thread (In-Reply-To / References)", "message_id": "its Message-ID",
              "number": "the number it came from"}
AWAIT_KINDS = {"ack": "Acknowledgement", "human": "Reply from a person", "promise": "Promised follow-up"}
# Public context for the answer figures (shared/FAILURES.md).
ANSWERS_CONTEXT = ("In a 2018 benchmark of 1,000 companies, 62% never replied and the average reply took "
                   "12 h 10 min.")
MEASUREMENT_NAMES = {
    "page_load_s": "page load",
    "submit_to_confirmation_s": "confirmation after",
}
SITUATIONS = {"non_native_speaker": "non-native speaker"}
LANGUAGES = {"en": "English", "de": "German", "fr": "French", "nl": "Dutch", "es": "Spanish", "it": "Italian",
             "pt": "Portuguese", "pl": "Polish", "sv": "Swedish", "da": "Danish", "fi": "Finnish", "no": "Norwegian",
             "tr": "Turkish", "ar": "Arabic", "zh": "Chinese", "ja": "Japanese"}
_SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITY)}
# Check families (the check id before its first dot) in plain words; others: "web_form" -> "Web form".
FAMILY_NAMES = {"placeholder": "Placeholders", "wrong_recipient": "Wrong recipient", "internal_note": "Internal notes",
                "profanity": "Rude words", "tone": "Tone", "language": "Language", "reply": "Reply times",
                "web_form": "Web form", "email": "Email", "sms": "SMS", "chat": "Chat", "phone": "Phone"}
RESULT_WORDS = {"confirmed": "confirmation shown", "timeout": "no confirmation", "error": "error message shown",
                "invalid": "form refused a field", "http_error": "error page after sending"}


# --- small formatting helpers (also used by the templates) ---------------------

def channel_name(channel: str | None) -> str:
    """Human name of a channel id: web_form -> "Web form"; unknown ids title-cased."""
    if not channel:
        return ""
    return CHANNEL_NAMES.get(channel, channel.replace("_", " ").title())


def _parse(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def human_time(value: str | None) -> str:
    """ "Sunday 22 November 2026, 11:05 UTC" from an ISO string."""
    t = _parse(value)
    if t is None:
        return "not recorded"
    t = t.astimezone(dt.timezone.utc)
    return f"{t:%A} {t.day} {t:%B %Y}, {t:%H:%M} UTC"


def short_time(value: str | None) -> str:
    """ "Tue 3 Mar 17:30 UTC" from an ISO string."""
    t = _parse(value)
    if t is None:
        return "not recorded"
    t = t.astimezone(dt.timezone.utc)
    return f"{t:%a} {t.day} {t:%b} {t:%H:%M} UTC"


def long_duration(seconds: float | None) -> str:
    """Like format_duration, but days for long waits: "1 min 12 s", "3 h 5 min", "2 d 4 h"."""
    if seconds is None:
        return "\u2013"
    if seconds >= 48 * 3600:
        d, rest = divmod(round(seconds), 86400)
        return f"{d} d {rest // 3600} h" if rest // 3600 else f"{d} d"
    return format_duration(seconds)


def business_note(elapsed_s: float | None, business_s: float | None) -> str:
    """ "8 h 30 min in business hours", "outside business hours", or "" when it says nothing new."""
    if elapsed_s is None or business_s is None or long_duration(business_s) == long_duration(elapsed_s):
        return ""
    if business_s < 0.5:
        return "outside business hours"
    return f"{long_duration(business_s)} in business hours"


def after_text(elapsed_s: float | None, business_s: float | None = None) -> str:
    """ "after 18 h 5 min (2 h 5 min in business hours)"; the business part only when it differs."""
    if elapsed_s is None:
        return ""
    note = business_note(elapsed_s, business_s)
    return f"after {long_duration(elapsed_s)}" + (f" ({note})" if note else "")


def server_words(answer: str | None) -> str:
    """An SMTP answer with its meaning first: "accepted (250 2.0.0 Ok: queued)"."""
    if not answer:
        return ""
    code = answer.strip()[:1]
    if code == "2":
        return f"accepted ({answer})"
    if code in ("4", "5"):
        return f"refused ({answer})"
    return answer


def measurement_text(name: str, value: Any) -> str:
    """ "page load 420 ms" for page_load_s=0.42; other names in plain words."""
    label = MEASUREMENT_NAMES.get(name) or name.removesuffix("_s").replace("_", " ")
    if name.endswith("_s") and isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{label} {format_duration(value)}"
    return f"{label}: {value}"


def persona_words(persona: dict) -> list[str]:
    """The persona's situation and language as short phrases."""
    out = []
    # "general" is the default and says nothing about the customer.
    if (situation := persona.get("situation")) and situation != "general":
        out.append(SITUATIONS.get(situation, situation.replace("_", " ")))
    if language := persona.get("language"):
        out.append(f"writes in {LANGUAGES.get(language, language)}")
    return out


def human_size(n: int | None) -> str:
    """ "840 KB", "2.1 MB"; small files read "under 1 KB"."""
    if n is None:
        return ""
    if n < 1024:
        return "under 1 KB"
    if n < 1024 * 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n / 1024 / 1024:.1f} MB"


def _href(target: Path, base: Path) -> str:
    """A relative URL from folder ``base`` to ``target`` (a file: URL if no relative path exists)."""
    try:
        rel = os.path.relpath(target, base)
    except ValueError:  # another drive on Windows
        return target.as_uri()
    return quote(Path(rel).as_posix())


def _rel_display(target: Path, base: Path) -> str:
    try:
        return Path(os.path.relpath(target, base)).as_posix()
    except ValueError:
        return str(target)


def thumbnail_path(screenshot: Path) -> Path:
    """Where the thumbnail of a screenshot is kept: beside it, ``after.png`` -> ``after.thumb.jpg``."""
    return screenshot.with_suffix(THUMB_SUFFIX)


def _make_thumbnail(path: Path) -> bytes:
    """A small JPEG of the top of the image at ``path``; raises ValueError if it cannot be read."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as opened:
            width, height = opened.size
            # The top of a tall page, in the thumbnail's proportions, before scaling it down.
            keep = min(height, max(1, round(width * THUMB_MAX_HEIGHT / THUMB_WIDTH)))
            im: Image.Image = opened.crop((0, 0, width, keep)) if keep < height else opened
            im.thumbnail((THUMB_WIDTH, THUMB_MAX_HEIGHT), Image.Resampling.BILINEAR, reducing_gap=2.0)
            if im.mode in ("RGBA", "LA", "P"):   # JPEG has no transparency: lay it on white
                im = im.convert("RGBA")
                back = Image.new("RGB", im.size, "white")
                back.paste(im, mask=im.getchannel("A"))
                im = back
            elif im.mode != "RGB":
                im = im.convert("RGB")
            out = io.BytesIO()
            im.save(out, "JPEG", quality=THUMB_QUALITY, optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, EOFError) as exc:
        raise ValueError(str(exc) or type(exc).__name__) from exc


def _thumbnail(path: Path, out_dir: Path) -> dict[str, Any]:
    """The thumbnail of one screenshot for the page: ``thumb_src`` (a relative URL, or a small data: URL when
    the evidence folder cannot be written), or ``shot_problem`` saying why there is none."""
    try:
        made = path.stat().st_mtime
    except OSError:
        return {"thumb_src": None, "shot_problem": "screenshot missing"}
    thumb = thumbnail_path(path)
    try:  # written once; a newer screenshot (or a symlink planted there) makes a new one
        if thumb.is_file() and not thumb.is_symlink() and thumb.stat().st_mtime >= made:
            return {"thumb_src": _href(thumb, out_dir), "shot_problem": None}
    except OSError:
        pass
    try:
        data = _make_thumbnail(path)
    except ValueError:
        return {"thumb_src": None, "shot_problem": "screenshot could not be read (damaged or not an image)"}
    part = thumb.with_name(f".{thumb.name}.{os.getpid()}.part")
    try:
        part.write_bytes(data)
        part.replace(thumb)   # whole or not at all, also with two renders at once
        return {"thumb_src": _href(thumb, out_dir), "shot_problem": None}
    except OSError:  # a read-only evidence folder: the small image goes into the page instead
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        return {"thumb_src": "data:image/jpeg;base64," + base64.b64encode(data).decode("ascii"),
                "shot_problem": None}


def pruned_words(pruned_at: str | None) -> str:
    """ "evidence pruned (3 Mar 2027)" for a file `probes prune` deleted; "" otherwise."""
    t = _parse(pruned_at)
    return f"evidence pruned ({t.day} {t:%b %Y})" if t else ""


# --- view model -------------------------------------------------------------------

def _evidence_view(ev: dict, out_dir: Path) -> dict[str, Any]:
    target = Path(ev["abs_path"])
    pruned = pruned_words(ev.get("pruned_at"))
    view = {**ev, "href": _href(target, out_dir), "display_path": _rel_display(target, out_dir),
            "exists": not pruned and target.exists(), "pruned": pruned, "thumb_src": None, "shot_problem": None}
    if ev["kind"] == "screenshot":
        view.update({"thumb_src": None, "shot_problem": pruned} if pruned else _thumbnail(target, out_dir))
    if ev["kind"] == "trace":
        view["command"] = "playwright show-trace " + shlex.quote(view["display_path"])
    return view


def first_answers(responses: list[dict]) -> dict[str, dict | None]:
    """The answer that acknowledges the contact (the first of any kind) and the first from a person."""
    answers = [r for r in responses if r["kind"] in ("auto", "human")]
    return {"ack": answers[0] if answers else None,
            "human": next((r for r in answers if r["kind"] == "human"), None)}


def _deadline_view(a: dict, response_by_id: dict[int, dict], answer: dict | None = None) -> dict[str, Any]:
    """One deadline in plain words: "due within 15m: late by 3 min", with a tone.

    ``answer``: the contact's answer of this kind, if any; one that came after the await was
    closed as "no response" still shows how late it was.
    """
    what = AWAIT_KINDS.get(a["kind"], a["kind"])
    view = {**a, "what": what, "label": f"due within {a['deadline']}"}
    status, due = a["status"], _parse(a["due_at"])
    if a["kind"] == "promise":  # 'promised "by Friday"': the words, and when that is
        view["label"] = f"{a['deadline']}, due {short_time(a['due_at'])}"

    def late_by(r: dict | None) -> float | None:
        arrived = _parse(r["arrived_at"]) if r else None
        return (arrived - due).total_seconds() if arrived and due and arrived > due else None

    if status == "met":
        view.update(tone="good", mark="\u2714", verdict="met")
    elif status == "late":
        late = late_by(response_by_id.get(a["response_id"]) or answer)
        view.update(tone="bad", mark="\u2716", verdict=f"late by {long_duration(late)}" if late else "late")
    elif status == "no_response":
        late = late_by(answer)
        view.update(tone="bad", mark="\u2716",
                    verdict=f"no answer in time; one came {long_duration(late)} late" if late
                    else f"no answer (it was due {short_time(a['due_at'])})")
    elif status == "pending" and a.get("held_open"):
        view.update(tone="wait", mark="\u25f7", verdict=f"due {short_time(a['due_at'])}, {a['held_open']}")
    elif status == "pending":
        view.update(tone="wait", mark="\u25f7", verdict=f"pending until {short_time(a['due_at'])}")
    else:
        view.update(tone="neutral", mark="?", verdict=str(status))
    return view


def _response_view(r: dict, out_dir: Path) -> dict[str, Any]:
    kind = RESPONSE_KINDS.get(r["kind"] or "", {"label": "unclassified", "meaning": "not classified"})
    eml = Path(r["eml"]) if r.get("eml") else None
    return {**r, "kind_label": kind["label"], "kind_meaning": kind["meaning"],
            "matched_words": MATCHED_BY.get(r["matched_by"] or "", r["matched_by"] or "not matched"),
            "when": short_time(r["arrived_at"]), "after": after_text(r["after_s"]),
            "eml_href": _href(eml, out_dir) if eml else None, "eml_exists": bool(eml and eml.exists()),
            "eml_pruned": pruned_words(r.get("eml_pruned_at"))}


def _answers(step: dict, awaits: list[dict], response_by_id: dict[int, dict], out_dir: Path) -> dict[str, Any]:
    """The per-contact story: sent, acknowledged, first reply from a person, against their deadlines."""
    contact = step["contact"] or {}
    first = first_answers(step["responses"])
    deadlines = [_deadline_view(a, response_by_id, first.get(a["kind"])) for a in awaits]
    bounce = next((r for r in step["responses"] if r["kind"] == "bounce"), None)
    sent: dict[str, Any] = {"title": "Sent", "state": "done" if contact.get("sent_at") else "none",
            "when": short_time(contact.get("sent_at")) if contact.get("sent_at") else "not sent",
            "detail": "", "deadlines": []}
    if bounce:
        sent.update(state="bounced", detail="but it came back undelivered" +
                    (f" {after_text(bounce['after_s'])}" if bounce["after_s"] is not None else ""))
    stages = [sent]
    for kind in ("ack", "human"):
        answer, mine = first[kind], [d for d in deadlines if d["kind"] == kind]
        business = next((d["business_s"] for d in mine if answer and d["response_id"] == answer["id"]), None)
        if answer is not None:
            state = "late" if any(d["tone"] == "bad" for d in mine) else "done"
            when = after_text(answer["after_s"], business) or f"at {short_time(answer['arrived_at'])}"
            if kind == "ack":
                detail = "by an automatic reply" if answer["kind"] == "auto" else "by a reply from a person"
            else:
                detail = f"from {answer['from']}" if answer["from"] else ""
        elif any(d["status"] == "pending" for d in mine):
            state, when, detail = "pending", "not yet: still waiting", ""
        elif any(d["status"] == "no_response" for d in mine):
            state, when, detail = "missed", "none by the deadline", ""
        else:
            state, when, detail = "none", "none received", ""
        stages.append({"title": "Acknowledged" if kind == "ack" else "First reply from a person",
                       "state": state, "when": when, "detail": detail, "deadlines": mine})
    promised = [d for d in deadlines if d["kind"] == "promise"]
    if promised:  # follow-ups the answers promised ("within 24 hours"), each its own deadline
        bad = any(d["tone"] == "bad" for d in promised)
        state = ("missed" if any(d["status"] == "no_response" for d in promised) else "late" if bad
                 else "pending" if any(d["status"] == "pending" for d in promised) else "done")
        when = {"missed": "not kept", "late": "kept late", "pending": "not yet due or not yet kept",
                "done": "kept"}[state]
        stages.append({"title": "Promises kept", "state": state, "when": when, "detail": "", "deadlines": promised})
    by_text = bool(step["responses"]) and all(r.get("channel") == "sms" for r in step["responses"]) \
        or any(a.get("channel") == "sms" for a in awaits)
    return {"stages": stages, "responses": [_response_view(r, out_dir) for r in step["responses"]],
            "waiting": any(d["status"] == "pending" for d in deadlines),
            "title": "Answers by text message" if by_text else "Answers by email"}


def family_of(check: str) -> str:
    """A check's family: its id before the first dot ("web_form.http_error" -> "web_form")."""
    return (check or "").split(".", 1)[0]


def family_name(family: str) -> str:
    """A family in plain words: "wrong_recipient" -> "Wrong recipient"."""
    return FAMILY_NAMES.get(family) or family.replace("_", " ").capitalize()


def findings_by_family(doc: dict) -> list[dict[str, Any]]:
    """Per company, one row per check family: how many findings of each severity, and in which journeys.

    Rows with the most severe findings come first; findings of no journey form a last group, "Whole run".
    """
    journeys = {j["id"]: j for j in doc["journeys"]}
    groups: dict[str, dict[str, Any]] = {}
    for j in doc["journeys"]:
        groups.setdefault(j["target_name"], {"target_name": j["target_name"], "families": {}})
    for f in doc["findings"]:
        j = journeys.get(f.get("journey_id"))
        g = groups.setdefault(j["target_name"] if j else "", {"target_name": j["target_name"] if j else "",
                                                                 "families": {}})
        family = family_of(f["check"])
        row = g["families"].setdefault(family, {"family": family, "name": family_name(family), "total": 0,
                                                "counts": {s: 0 for s in SEVERITY}, "journeys": {}})
        row["counts"][f["severity"]] = row["counts"].get(f["severity"], 0) + 1
        row["total"] += 1
        if j:
            row["journeys"][j["id"]] = j["name"]
    out = []
    for g in groups.values():
        rows = sorted(g["families"].values(),
                      key=lambda r: (*(-r["counts"].get(s, 0) for s in SEVERITY), r["name"]))
        for r in rows:
            r["journeys"] = [{"id": jid, "name": name} for jid, name in r["journeys"].items()]
        totals = {s: sum(r["counts"].get(s, 0) for r in rows) for s in SEVERITY}
        out.append({"target_name": g["target_name"] or "Whole run", "rows": rows, "totals": totals,
                    "total": sum(totals.values())})
    return out


def tuning_lines(tuning: dict[str, dict]) -> list[str]:
    """How checks were tuned for a journey, one line each: "tone switched off — grieving customer (scenario)"."""
    lines = []
    for check, t in sorted(tuning.items()):
        if t.get("off"):
            what = f"{check} switched off"
        elif t.get("severity"):
            what = f"{check}: severity {t['severity']}"
        else:
            what = f"{check}: tuned"
        reason = f" — {t['reason']}" if t.get("reason") else ""
        source = f" ({t['from']})" if t.get("from") else ""
        lines.append(what + reason + source)
    return lines


NO_PERSON_CHECKS = ("reply.no_human", "promise.broken")


def _link_automatic_answers(findings: list[dict], responses: list[dict], anchor: str) -> None:
    """A "no answer from a person" beside answer cards: link the finding to the cards it says were automatic,
    so the reader sees why those answers did not count."""
    autos = [r for r in responses if r.get("kind") == "auto"]
    for f in findings:
        if f.get("check") in NO_PERSON_CHECKS and autos:
            f["automatic_answers"] = [{"href": f"#{anchor}-answer-{r['id']}",
                                       "label": f"automatic answer {r['after']}" if r.get("after")
                                       else f"automatic answer at {r['when']}"} for r in autos]


def _highlight(journey: dict) -> None:
    """Mark each finding's snippet inside the texts of the journey the customer read.

    A step's texts are its answers (findings about them sit on the step that waits for them, or on the
    step itself), its conversation and its confirmation page. A finding marked somewhere gets ``mark_href``
    (the first mark) and ``marked_in`` (where, in words); the others keep showing their snippet as before.
    """
    prefix = f"journey-{journey['id']}"
    for step in journey["steps"]:
        waits = [s for s in journey["steps"] if s.get("awaited_step") is step]
        candidates = [*step["findings"], *(f for w in waits for f in w["findings"]), *journey["findings"]]
        anchor = f"{prefix}-step-{step['position']}"
        texts: list[tuple[dict, str, str, str]] = []   # (holder, text, id prefix, where in words)
        for r in (step["answers"] or {}).get("responses", []):
            if r.get("text"):
                who = f" from {r['from']}" if r.get("from") else ""
                texts.append((r, r["text"], f"{anchor}-r{r['id']}", f"the answer{who}"))
        transcript = step["observations"].get("transcript")
        step["transcript_view"] = None
        if isinstance(transcript, list):
            step["transcript_view"] = [dict(m) for m in transcript if isinstance(m, dict)]
            for k, m in enumerate(step["transcript_view"]):
                # The customer's own words are not the company's.
                if m.get("author") not in ("customer", "prober", "call") and m.get("text"):
                    texts.append((m, str(m["text"]), f"{anchor}-t{k}",
                                  "the call" if step["channel"] == "phone" else "the conversation"))
        confirmation = step["observations"].get("confirmation_text")
        step["confirmation"] = {"text": str(confirmation)} if confirmation else None
        if step["confirmation"]:
            texts.append((step["confirmation"], step["confirmation"]["text"], f"{anchor}-page",
                          "the page shown after sending"))
        step["transcript_marks"] = []
        for holder, text, id_prefix, where in texts:
            marked = mark_text(text, candidates, id_prefix)
            holder["marked"] = marked.html
            for i, mark_id in marked.anchors.items():
                candidates[i].setdefault("mark_href", "#" + mark_id)
                candidates[i].setdefault("marked_in", where)
            # Under the text, in words: what its marks are (a mark's title shows only on hover, never on paper).
            in_transcript = any(holder is m for m in step["transcript_view"] or [])
            legend = step["transcript_marks"] if in_transcript else holder.setdefault("mark_legend", [])
            for i in sorted(marked.anchors, key=lambda i: _SEVERITY_RANK.get(candidates[i]["severity"], 9)):
                item = {"severity": candidates[i]["severity"], "check": candidates[i]["check"],
                        "title": candidates[i]["title"], "href": "#" + marked.anchors[i]}
                if not any((x["check"], x["title"]) == (item["check"], item["title"]) for x in legend):
                    legend.append(item)
        _link_automatic_answers([*step["findings"], *(f for w in waits for f in w["findings"])],
                                (step["answers"] or {}).get("responses", []), anchor)
        step["transcript_marks"].sort(key=lambda x: _SEVERITY_RANK.get(x["severity"], len(_SEVERITY_RANK)))
        step["has_marks"] = any(holder.get("mark_legend") for holder, *_ in texts) or bool(step["transcript_marks"])


def _timeline(journey: dict) -> dict[str, Any] | None:
    """Geometry of the journey's timeline chart: one bar per step, on a shared time axis."""
    rows = [s for s in journey["steps"] if s["offset_s"] is not None]
    if not rows:
        return None
    ends = [s["offset_s"] + (s["duration_s"] or 0) for s in rows]
    total = max([journey["duration_s"] or 0, *ends]) or 1.0
    label_w, chart_w, row_h, top = 170, 610, 44, 8
    scale = chart_w / total
    bars = []
    for i, s in enumerate(rows):
        x = label_w + max(0.0, s["offset_s"]) * scale
        w = max(3.0, (s["duration_s"] or 0) * scale)
        w = min(w, label_w + chart_w - x) if x < label_w + chart_w else 3.0
        notes = [format_duration(s["duration_s"])] if s["duration_s"] is not None else ["still running"]
        notes += [measurement_text(k, v) for k, v in s["measurements"].items()]
        y = top + i * row_h
        label = f"{s['position'] + 1}. {s['id']}"
        # Notes hang under the bar; past the middle they end at the bar's end so they stay inside the chart.
        right_half = x + w / 2 > label_w + chart_w / 2
        bars.append({"y": y, "x": round(x, 1), "w": round(w, 1), "status": s["status"],
                     "label": label if len(label) <= 24 else label[:23] + "\u2026",
                     "full_label": label, "channel": channel_name(s["channel"]),
                     "status_label": STATUS.get(s["status"], {"label": s["status"]})["label"],
                     "notes": " \u00b7 ".join(notes),
                     "note_x": round(x + w if right_half else x, 1), "note_anchor": "end" if right_half else "start"})
    axis_y = top + len(rows) * row_h + 4
    ticks = [{"x": round(label_w + chart_w * f, 1), "text": format_duration(total * f) if f else "0",
              "anchor": "start" if f == 0 else ("end" if f == 1 else "middle")} for f in (0, 0.25, 0.5, 0.75, 1)]
    return {"width": label_w + chart_w + 10, "height": axis_y + 22, "bars": bars, "axis_y": axis_y,
            "left": label_w, "right": label_w + chart_w, "ticks": ticks}


def _verdict(summary: dict, run: dict, journeys: list[dict] | None = None) -> dict[str, str]:
    j, f = summary["journeys"], summary["findings"]
    pending = j.get("pending", 0)
    total = j["total"]
    # Skipped because pinned to other locations (probes/locations.py), not for a maintenance window.
    pinned = sum(1 for jr in journeys or [] if jr["status"] == "skipped" and jr.get("pinned_to"))
    if total == 0:
        return {"tone": "neutral", "sentence": "No journeys were run.",
                "detail": "There is nothing to judge in this run."}
    if j.get("skipped") == total:
        why = ("pinned to other locations than " + run.get("location", "this one") if pinned == total else
               "skipped in a maintenance window" if not pinned else
               "skipped (a maintenance window, or pinned to other locations)")
        return {"tone": "neutral", "sentence": "No journey was run: " + ("it was" if total == 1 else f"all {total} were")
                + f" {why}.",
                "detail": "Nobody was contacted."}
    total -= j.get("skipped", 0)   # skipped in a maintenance window: neither met nor missed an expectation
    sentence = (f"All {total} journeys met every expectation." if j["passed"] == total and total > 1 else
                f"{j['passed']} of {total} journey{'s' if total != 1 else ''} met every expectation.")
    parts = []
    if j["failed"]:
        parts.append(f"{j['failed']} fell short of what a customer should expect")
    if j["error"]:
        parts.append(f"{j['error']} could not be tested (a problem on the prober's side)")
    if j.get("not_started"):
        parts.append(f"{j['not_started']} {'was' if j['not_started'] == 1 else 'were'} not started (a problem on "
                     "the prober's side before anything reached the company; resuming the run runs "
                     f"{'it' if j['not_started'] == 1 else 'them'})")
    if pending:
        parts.append(f"{pending} {'is' if pending == 1 else 'are'} waiting for the company's answer "
                     "(not a failure)")
    if j["unfinished"]:
        parts.append(f"{j['unfinished']} did not finish")
    if (windows := j.get("skipped", 0) - pinned) > 0:
        parts.append(f"{windows} {'was' if windows == 1 else 'were'} skipped (a maintenance window)")
    if pinned:
        parts.append(f"{pinned} {'was' if pinned == 1 else 'were'} not run here (pinned to other locations)")
    if j.get("flaky"):
        parts.append(f"{j['flaky']} passed only when re-run (flaky)")
    if run.get("status") == "interrupted":
        parts.append("the run was interrupted (Ctrl-C or a crash) before it finished")
    detail = "; ".join(parts) + "." if parts else "Every journey went as a customer would hope."
    detail = detail[0].upper() + detail[1:]
    if j["failed"] and f.get("critical", 0):
        tone = "bad"
    elif j["passed"] == total:
        tone = "good"
    elif pending and j["passed"] + pending == total:
        tone = "wait"
    else:
        tone = "warn"
    return {"tone": tone, "sentence": sentence, "detail": detail}


def _view(results: dict, out_dir: Path, title: str | None, history: dict | None = None) -> dict[str, Any]:
    doc = copy.deepcopy(results)
    response_by_id = {r["id"]: r for j in doc["journeys"] for s in j["steps"] for r in s.get("responses", [])}
    for journey in doc["journeys"]:
        journey["evidence"] = [_evidence_view(e, out_dir) for e in journey.get("evidence", [])]
        by_id = {s["id"]: s for s in journey["steps"]}
        # Awaits belong to the step that waits (an await step, or the email step itself); the
        # answers' story is told on the step that made the contact, with every deadline on it.
        awaits_of_contact: dict[str, list[dict]] = {}
        for step in journey["steps"]:
            step.setdefault("awaits", [])
            step.setdefault("responses", [])
            owner = step["observations"].get("awaiting") if step["channel"] == "await" else step["id"]
            step["awaited_step"] = by_id.get(owner) if step["channel"] == "await" else None
            awaits_of_contact.setdefault(owner, []).extend(step["awaits"])
        for step in journey["steps"]:
            step["evidence"] = [_evidence_view(e, out_dir) for e in step["evidence"]]
            step["screenshots"] = [e for e in step["evidence"] if e["kind"] == "screenshot"]
            # The raw .eml of each answer is linked from the answers list; not twice.
            emls = {r["eml"] for r in step["responses"] if r.get("eml")}
            step["other_evidence"] = [e for e in step["evidence"]
                                      if e["kind"] != "screenshot" and e["abs_path"] not in emls]
            step["measurement_texts"] = [measurement_text(k, v) for k, v in step["measurements"].items()]
            step["facts"] = _step_facts(step)
            mine = awaits_of_contact.get(step["id"], []) if step["channel"] != "await" else []
            step["answers"] = (_answers(step, mine, response_by_id, out_dir)
                               if step["contact"] and (step["responses"] or mine) else None)
            contact_step = step["awaited_step"] if step["channel"] == "await" else step
            first = first_answers((contact_step or {}).get("responses", []))
            step["deadlines"] = [_deadline_view(a, response_by_id, first.get(a["kind"])) for a in step["awaits"]]
        _highlight(journey)
        journey["tuning_lines"] = tuning_lines(journey.setdefault("tuning", {}))
        journey["timeline"] = _timeline(journey)
        # Shown on the journey only when no step already says the same thing.
        journey["own_error"] = journey["error"] if journey["error"] not in {
            s["error"] for s in journey["steps"] if s["status"] == "error"} else None
        journey["persona_words"] = persona_words(journey["persona"])
    _unmatched_view(doc.setdefault("unmatched_mail", []), out_dir)
    # The run-wide list points at the same marks as the journeys' own lists.
    marks = {(j["id"], s["id"], f["check"], f["title"], f["snippet"]): f for j in doc["journeys"]
             for s in [*j["steps"], {"id": None, "findings": j["findings"]}] for f in s["findings"]}
    for f in doc["findings"]:
        twin = marks.get((f.get("journey_id"), f.get("step"), f["check"], f["title"], f["snippet"]))
        if twin and twin.get("mark_href"):
            f.update(mark_href=twin["mark_href"], marked_in=twin["marked_in"])
    figures = doc.setdefault("targets_figures", [])
    doc["summary"].setdefault("awaits", {})
    doc["summary"]["journeys"].setdefault("pending", 0)
    run = doc["run"]
    return {
        "doc": doc, "run": run, "summary": doc["summary"], "title": title,
        "figures": figures, "answers_context": ANSWERS_CONTEXT, "families": findings_by_family(doc),
        # Shown apart only if the two ever differ (today an acknowledgement is any first answer).
        "ack_apart": any(f["acknowledged"] != f["responded"] for f in figures),
        "page_title": title or f"Mystery Shopper report \u2013 run {run['id']}",
        "verdict": _verdict(doc["summary"], run, doc["journeys"]),
        # Deadlines that passed while a mailbox could not be read: not judged, and why.
        "held_open": list(dict.fromkeys(a["held_open"] for j in doc["journeys"] for s in j["steps"]
                                        for a in s.get("awaits", []) if a.get("held_open"))),
        # A list that grows with the run: a few rows here, all of them on a page beside this one.
        "unmatched_preview": doc["unmatched_mail"][:LIST_PREVIEW_ROWS], "unmatched_page": UNMATCHED_PAGE,
        "generator_version": __version__,
        "generated_at": human_time(dt.datetime.now(dt.timezone.utc).isoformat()),
        "history": history,
    }


def _unmatched_view(mails: list[dict], out_dir: Path) -> None:
    for mail in mails:
        eml = Path(mail["eml"]) if mail.get("eml") else None
        mail.update(when=short_time(mail["arrived_at"]), eml_href=_href(eml, out_dir) if eml else None,
                    eml_exists=bool(eml and eml.exists()), eml_pruned=pruned_words(mail.get("eml_pruned_at")))


def _step_facts(step: dict) -> list[tuple[str, str]]:
    """The few observations a customer-service lead cares about, in plain words."""
    obs, facts = step["observations"], []
    contact = step["contact"] or {}
    if step["channel"] == "email":
        for label, value in (("Sent to", obs.get("to") or contact.get("destination")),
                             ("Subject", obs.get("subject")),
                             ("Server said", server_words(obs.get("server_answer") or contact.get("server_answer"))),
                             ("Reply address", obs.get("reply_address") or contact.get("reply_address"))):
            if value:
                facts.append((label, str(value)))
        for label, key in (("Sending note", "slow_acceptance"), ("Copy to self", "copy_to_self")):
            if obs.get(key):   # the prober's own sending, never the company's doing
                facts.append((label, str(obs[key])))
    elif step["channel"] == "await":
        awaited = step.get("awaited_step")
        if awaited:
            facts.append(("Waiting for", f"the answer to step {awaited['position'] + 1} ({awaited['id']})"
                                         f" by {channel_name(obs.get('channel') or 'email').lower()}"))
        elif obs.get("awaiting"):
            facts.append(("Waiting for", f"the answer to step '{obs['awaiting']}'"))
    destination = obs.get("url") or contact.get("destination")
    if destination and step["channel"] != "email":
        facts.append(("Contacted at", str(destination)))
    if obs.get("form_frame") and obs["form_frame"] != "the page itself":   # web_form: a form inside an iframe
        facts.append(("Form found in", str(obs["form_frame"])))
    if step["reachable"] is not None:
        facts.append(("Got through", "yes" if step["reachable"] else "no"))
    elif step["status"] == "error" and step["channel"] != "await":
        facts.append(("Got through", "could not tell (a problem on the prober's side)"))
    if isinstance(obs.get("http_status"), int):
        code = obs["http_status"]
        facts.append(("Page opened", f"normally (HTTP {code})" if code < 400 else f"with an error (HTTP {code})"))
    if obs.get("result"):
        facts.append(("After sending", RESULT_WORDS.get(obs["result"], str(obs["result"]))))
    if obs.get("final_url") and obs.get("final_url") != obs.get("url"):
        facts.append(("Ended on", str(obs["final_url"])))
    if obs.get("settle_note"):  # chat: the widget was still busy when the customer wrote
        facts.append(("Timing note", str(obs["settle_note"])))
    if step["contact"] and step["contact"].get("token"):
        facts.append(("Reference token", step["contact"]["token"]))
    return facts


class _TemplateCache(jinja2.FileSystemBytecodeCache):
    """The compiled templates, kept between processes; never in the way: a cache that cannot be read or
    written is only slower (the templates are compiled again)."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - unreadable or damaged (pickle's errors are its own): compiled again
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)


def _template_cache(env: jinja2.Environment) -> _TemplateCache | None:
    """$XDG_CACHE_HOME/mystery-shopper/templates (else ~/.cache/…), or None where it cannot be made.

    Compiling the report's templates takes about 0.6 s of CPU, in every `probes` command that writes a page
    (a run, each harvest, a worker's finished run): kept compiled, they load in about 0.01 s. A template
    whose source changed is compiled again (the cache checks each one's checksum); another Jinja version or
    other options of env use files of their own."""
    import hashlib

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "mystery-shopper" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    if not os.access(folder, os.W_OK | os.X_OK):
        return None
    options = (jinja2.__version__, env.autoescape, env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline,
               env.block_start_string, env.variable_start_string, env.comment_start_string)
    flavour = hashlib.sha1(repr(options).encode()).hexdigest()[:12]
    return _TemplateCache(str(folder), f"report-{flavour}-%s.cache")


@functools.cache   # one environment: its templates are compiled once per process, not once per page
def _environment() -> jinja2.Environment:
    # One environment per process: compiling the templates costs more than rendering a page (the dashboard
    # and a run page are rendered together after every run); compiled, they are kept between processes.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.bytecode_cache = _template_cache(env)
    env.filters["duration"] = format_duration
    env.filters["when"] = human_time
    env.filters["channel"] = channel_name
    env.filters["size"] = human_size
    env.filters["short_time"] = short_time
    env.filters["long_duration"] = long_duration
    env.filters["business_note"] = business_note
    env.filters["percent"] = lambda rate: f"{rate * 100:.0f}%" if rate is not None else "\u2013"
    # Plain JSON for people to read; autoescaping then makes it safe (tojson's \u003c escapes would show).
    env.filters["pretty_json"] = lambda v: json.dumps(v, indent=2, ensure_ascii=False, default=str)
    env.globals.update(SEVERITY=SEVERITY, STATUS=STATUS, RESPONSE_KINDS=RESPONSE_KINDS)
    return env


# --- public API ---------------------------------------------------------------------

def render_html(results: dict, out_dir: Path, *, title: str | None = None, history: dict | None = None,
                map_href: str | None = None, scorecard_href: str | None = None) -> str:
    """The report as an HTML string, with evidence links relative to ``out_dir``.

    ``history``: what changed since earlier runs (probes.report.dashboard.run_history), shown first.
    ``map_href``: the run's journey map (probes.report.journey_map), linked from the header when given.
    ``scorecard_href``: the scorecard of the run's companies (probes.report.scorecard), likewise.
    """
    out_dir = Path(out_dir).absolute()
    return _environment().get_template("report.html.j2").render(**_view(results, out_dir, title, history),
                                                                map_href=map_href,
                                                                scorecard_href=scorecard_href)


def render_unmatched_html(results: dict, out_dir: Path, *, title: str | None = None) -> str:
    """The page listing all the mail that matched no contact (index.html shows the first few and links here)."""
    out_dir = Path(out_dir).absolute()
    mails = copy.deepcopy(results.get("unmatched_mail") or [])
    _unmatched_view(mails, out_dir)
    run = results["run"]
    return _environment().get_template("unmatched.html.j2").render(
        run=run, mails=mails, title=title, generator_version=__version__,
        page_title=f"Mail that matched no contact \u2013 run {run['id']}")


def write_report(results: dict, out_dir: Path, *, title: str | None = None, history: dict | None = None,
                 map_href: str | None = None, scorecard_href: str | None = None) -> Path:
    """Write ``out_dir/index.html`` (creating the folder) and return its path.

    When more mail matched no contact than the page lists, the whole list goes to ``out_dir/unmatched-mail.html``.
    """
    out_dir = Path(out_dir).absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "index.html"
    path.write_text(render_html(results, out_dir, title=title, history=history, map_href=map_href,
                                scorecard_href=scorecard_href),
                    encoding="utf-8")
    listing = out_dir / UNMATCHED_PAGE
    if len(results.get("unmatched_mail") or []) > LIST_PREVIEW_ROWS:
        listing.write_text(render_unmatched_html(results, out_dir, title=title), encoding="utf-8")
    else:
        listing.unlink(missing_ok=True)   # an earlier report's list in this folder would be another run's
    return path


def write_json(results: dict, path: Path) -> Path:
    """Write the results document as JSON; each evidence ``path`` is relative to the JSON file's folder."""
    path = Path(path).absolute()
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = copy.deepcopy(results)
    for journey in doc["journeys"]:
        for ev in [*journey.get("evidence", []), *(e for s in journey["steps"] for e in s["evidence"])]:
            ev["path"] = _rel_display(Path(ev.pop("abs_path")), path.parent)
        for r in (r for s in journey["steps"] for r in s.get("responses", [])):
            r["eml"] = _rel_display(Path(r["eml"]), path.parent) if r.get("eml") else None
    for mail in doc.get("unmatched_mail", []):
        mail["eml"] = _rel_display(Path(mail["eml"]), path.parent) if mail.get("eml") else None
    # Whole or not at all: a harvest rewrites a run's results.json while a worker, a dashboard or CI may read it.
    write_atomically(path, (json.dumps(doc, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    return path


def render_latest(ledger: Ledger, out_dir: Path, run_id: str | None = None) -> Path:
    """Build the results for ``run_id`` (default: the latest run) and write index.html and results.json.

    Returns the path of index.html. Raises LookupError if the ledger has no runs (or not that one).
    """
    run_id = run_id or ledger.latest_run_id()
    if run_id is None:
        raise LookupError("the ledger has no runs yet")
    results = build_results(ledger, run_id)
    out_dir = Path(out_dir)
    write_json(results, out_dir / "results.json")
    return write_report(results, out_dir)
