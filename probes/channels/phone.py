"""phone: the customer calls the company, walks its phone menu, and waits for a person.

The call is placed through the official `twilio` SDK from the prober's Twilio
number (an identity's ``phone`` section in probes.yaml). A step holds an IVR
script: ordered turns of what the customer expects to hear and what to answer
(digits or words), then what counts as reaching a person.

Two ways to drive a call:

- **interactive** (the identity has ``webhooks``: a public URL that reaches
  the prober). The prober serves TwiML for its own leg. Each prompt is heard
  through ``<Gather input="speech dtmf" actionOnEmptyResult="true">``; the
  answer goes back as ``<Play digits>`` or ``<Say>``. ``partialResultCallback``
  tells when a voice *began*, so time to a person is measured from the moment
  the person started speaking, not from when the recogniser finished.
  Status callbacks give the call's progress. All webhooks are signed and
  checked (probes/webhooks.py).
- **scripted** (no public URL). The whole call is one TwiML document sent with
  the request: ``<Record transcribe="true">`` to hear each prompt, then
  ``<Play digits>`` or ``<Say>``, then short recordings while waiting for a
  person. The prober polls the call, its recordings and their transcriptions
  through the REST API, and hangs up by REST as soon as a person is heard.
  Coarser: times come from polling and from recordings' one-second start
  times. Each recording is judged together with the one or two before it, so
  a greeting split by a recording's end is heard, and the person is placed
  inside the recording that holds their first words.

Speech recognition is imperfect, so prompts are matched tolerantly: a share
of the expected words must be heard (``match``), or a /regular expression/.
"""
from __future__ import annotations

import asyncio
import json
import math
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from email.utils import parsedate_to_datetime
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

import requests
from pydantic import Field, ValidationError, field_validator, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError
from twilio.base.exceptions import TwilioException, TwilioRestException

from ..durations import Duration, format_duration
from ..results import Evidence, Finding, Outcome, ProberError, utcnow
from ..steps import MustMention, Regex, StepBase, Strict, compile_regex
from ..twilio_http import send_with_retry
from ..twilio_http import step_budget_s as budget_s  # noqa: F401 - the runner asks each channel for its ceiling

USES_TWILIO = True
FINAL = ("completed", "busy", "failed", "no-answer", "canceled")
# How a person usually opens; a recorded prompt rarely says this.
PERSON_PATTERN = r"\bmy name is\b|\bthis is [a-z]+ speaking\b|\bhow (can|may) i help\b|\bspeaking, how\b"
HOLD_PATTERN = (r"\bhold\b|\bwait(ing)?\b|\bqueue\b|\bimportant to us\b|\bnext available\b|\bbusy\b"
                r"|\bplace in line\b|\bposition\b")
# Words every menu option has ("For sales, press 1"): they do not tell one option from another.
MENU_FILLERS = frozenset("press for to or and say dial key option the a an please now of our your you if "
                         "would like in on is".split())
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine".split())}
# Twilio errors about the prober's own setup (credentials, caller number, trial limits): not the company's fault.
PROBER_CODES = frozenset({20003, 20005, 20008, 21210, 21212, 21213, 21219, 21606, 21608})
APP_ERROR_PATTERN = r"\ban application error has (occurred|occured)\b"
# Speech that offers a choice is a menu; speech that offers none is information (directions, a goodbye).
MENU_PATTERN = r"\bpress\b|\bsay\b|\benter\b|\bdial\b|\bchoose\b|\bselect\b|\boption\b|\bkey\b"
# What each transcript row is, as the report labels it.
KINDS = {"menu": "Phone menu", "information": "Information", "application_error": "Application error",
         "hold": "Hold message", "person": "Person", "press": "Customer", "say": "Customer",
         "not_done": "Not done", "end": "End of call"}
LATE_RESULT_S = 3.0              # interactive: how long a speech result may come after the call ended
END_MARGIN_S = 2.0               # an answer due this long before the call's end was surely played
POLL_S = 0.5                     # scripted mode: how often the call is looked at
SCRIPTED_SILENCE_S = 3           # scripted mode: silence that ends listening to a prompt
TRANSCRIPTS_WAIT_S = 180.0       # scripted mode: the longest wait for transcriptions after the call
JOIN_CHUNKS = 3                  # scripted mode: recordings judged together, so a greeting split by a chunk's end
SPEECH_WPS = 2.5                 # words a second of ordinary speech (to place words inside a recording)


class MenuTurn(Strict):
    """One level of the phone menu: what the customer expects to hear, and the answer."""

    expect: str = Field(description="words the prompt should contain (matched tolerantly), or a /regex/")
    press: str | None = Field(None, description="digits to press, e.g. '2' ('w' waits half a second)")
    say: str | None = Field(None, description="words to say instead of pressing")
    listen: Duration = Field(30.0, description="scripted mode: the longest the prompt may take")
    back_to: Literal["main"] | int | None = Field(
        None, description="after this answer the line is expected to play an earlier level's prompt again: "
                          "'main' (level 1) or a level number; the next turn is at that level. Only a return "
                          "nobody scripted is a loop")

    @field_validator("press")
    @classmethod
    def _digits(cls, v: str | None) -> str | None:
        if v is not None and not re.fullmatch(r"[0-9*#w]{1,32}", v):
            raise ValueError("press takes up to 32 of 0-9, *, # and w (a half-second pause)")
        return v

    @field_validator("expect")
    @classmethod
    def _expect(cls, v: str) -> str:
        if _is_regex(v):
            compile_regex(v[1:-1])
        return v

    @field_validator("back_to")
    @classmethod
    def _back_to(cls, v):
        if isinstance(v, int) and v < 1:
            raise ValueError("back_to takes 'main' or a menu level number (1 is the main menu)")
        return v

    @model_validator(mode="after")
    def _one_answer(self) -> "MenuTurn":
        if self.press and self.say:
            raise ValueError("give press or say, not both")
        return self

    def back_level(self) -> int | None:
        """The 0-based level this answer leads back to, or None."""
        if self.back_to is None:
            return None
        return 0 if self.back_to == "main" else int(self.back_to) - 1


def menu_levels(menu: Sequence[MenuTurn]) -> list[int]:
    """The 0-based menu level each turn of a script is answered at (back_to turns lead up again)."""
    levels, level = [], 0
    for turn in menu:
        levels.append(level)
        back = turn.back_level()
        level = level + 1 if back is None else back
    return levels


class PersonSign(Strict):
    """What counts as reaching a person."""

    says: Regex = Field(PERSON_PATTERN, description="a regular expression a person's greeting matches "
                                                    "(case-insensitive)")
    after_menu: bool = Field(False, description="also count any voice after the menu that is not a prompt "
                                                "heard before and not a hold message")


class PhoneStep(StepBase):
    destination_field = "to"

    channel: Literal["phone"]
    to: str = Field("{target.phone}", description="the number to call, +E.164; default the target's phone endpoint")
    mode: Literal["interactive", "scripted"] | None = Field(
        None, description="interactive needs the identity's webhooks (a public URL); default: interactive "
                          "when the identity has webhooks, else scripted")
    menu: list[MenuTurn] = Field(default_factory=list, description="the phone menu, level by level")
    person: PersonSign = Field(default_factory=PersonSign)
    answer_within: Duration = Field(20.0, description="the line must answer within this (it rings no longer)")
    human_within: Duration = Field(300.0, description="a person must speak within this after the answer")
    max_menu_depth: int | None = Field(None, ge=1, description="more menu levels than this is a finding")
    hold_words: Regex = Field(HOLD_PATTERN, description="what marks a hold message (not a prompt, not a person)")
    match: float = Field(0.6, gt=0, le=1, description="share of a prompt's expected words that must be heard")
    goodbye: str = Field("Thank you, that is all I needed. Goodbye.",
                         description="what the customer says to the person before hanging up")
    language: str | None = Field(None, description="speech recognition language, e.g. en-GB (Twilio's default "
                                                   "en-US)")
    record: bool = Field(True, description="record the call (kept as evidence)")
    must_mention: MustMention = Field(default_factory=list, description="what a real answer mentions: words, a "
                                      "/regex/, or a list of those meaning any of them; checked on what the person "
                                      "said in the call (not the menu), and on later answers from a person")

    @model_validator(mode="after")
    def _back_levels(self) -> "PhoneStep":
        # back_to must name a level the caller has already been at: the level of this turn or one above it.
        for i, (turn, level) in enumerate(zip(self.menu, menu_levels(self.menu), strict=True)):
            back = turn.back_level()
            if back is not None and back > level:
                raise ValidationError.from_exception_data(type(self).__name__, [InitErrorDetails(
                    type=PydanticCustomError("back_to", "back_to {back} is not an earlier level: this turn is "
                                             "at level {level} (1 is the main menu)",
                                             {"back": turn.back_to, "level": level + 1}),
                    loc=("menu", i, "back_to"), input=turn.back_to)])
        return self

    def template_fields(self) -> dict[tuple, str]:
        fields: dict[tuple, str] = {("to",): self.to, ("goodbye",): self.goodbye}
        for i, turn in enumerate(self.menu):
            if turn.say:
                fields[("menu", i, "say")] = turn.say
        return fields

    def destination(self) -> str:
        return self.to

    def budget_s(self) -> float:
        """The runner's hard ceiling for this step."""
        return self.answer_within + self.human_within + sum(t.listen for t in self.menu) + 90.0


Params = PhoneStep


# --- matching what was heard ------------------------------------------------------------------------

def _is_regex(text: str) -> bool:
    return len(text) > 2 and text.startswith("/") and text.endswith("/")


def _digits_s(digits: str) -> float:
    """How long Twilio takes to play ``digits`` (a tone and a gap each; w: half a second)."""
    return sum(0.5 if c == "w" else 0.3 for c in digits)


def words(text: str) -> list[str]:
    out = []
    for w in re.findall(r"[\w']+", text.lower()):
        out.append(NUMBER_WORDS.get(w, w))
    return out


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!;])\s+", text.strip()) if words(s)]


def heard_matches(expect: str, heard: str, share: float) -> bool:
    """Does what was heard contain the expected prompt, tolerating recognition errors?

    At least ``share`` of the expected words, and of its words that name the option (not "press", "for", …),
    and every key number it names, all heard close together: in as many sentences as the expected text has,
    within a few words more than it. So "For sales, press 2. For billing, press 1." is not "for sales press 1",
    nor is "press 2 for sales support".
    """
    if _is_regex(expect):
        return re.search(expect[1:-1], heard, re.I) is not None
    wanted = words(expect)
    if not wanted:
        return True
    digits = {w for w in wanted if w.isdigit()}
    keys = [w for w in wanted if not w.isdigit() and w not in MENU_FILLERS]
    span = len(wanted) + max(2, len(wanted) // 2)
    sentences = _sentences(heard) or [heard]
    n = max(1, len(_sentences(expect)))
    for i in range(max(1, len(sentences) - n + 1)):
        said = words(" ".join(sentences[i:i + n]))
        for j in range(max(1, len(said) - span + 1)):
            got = set(said[j:j + span])
            stems = {w[:4] for w in got if len(w) >= 4}   # "bill in" for "billing": a recognition slip
            if digits <= got and sum(w in got for w in wanted) / len(wanted) >= share \
                    and (not keys or sum(w in got or (len(w) >= 4 and w[:4] in stems)
                                         for w in keys) / len(keys) >= share):
                return True
    return False


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def contains_prompt(heard: str, prompt: str) -> bool:
    """Does what was heard repeat an earlier prompt (allowing for recognition noise)?"""
    wanted = set(words(prompt))
    if len(wanted) < 4:
        return False  # "Goodbye." twice is no loop
    got = set(words(heard))
    if len(wanted & got) / len(wanted) >= 0.8:
        return True
    # A prompt cut short by an early press, or said again after other words ("You can return most products
    # within 30 days. For billing, press 1 …"): most of its sentences came again, each word for word (menus
    # share their shape, "For X, press 1 or say X", so like words are not enough).
    said = words(heard)
    sentences = [w for w in (words(s) for s in re.split(r"(?<=[.!?])\s+", prompt)) if len(w) >= 4]
    again = sum(_contains(said, w) for w in sentences)
    return len(sentences) >= 2 and again >= 2 and again / len(sentences) >= 0.6


# --- what a call observed, whichever way it was driven -------------------------------------------------

@dataclass
class CallLog:
    """Everything heard and done on one call, with monotonic times."""

    step: PhoneStep
    t0: float                                   # just before the call was requested
    statuses: list[tuple[str, float]] = field(default_factory=list)
    answered: float | None = None
    transcript: list[dict] = field(default_factory=list)
    path: list[str] = field(default_factory=list)
    menu_done: float | None = None
    person_at: float | None = None
    person_text: str = ""
    mismatch: tuple[int, str] | None = None    # (turn, what was heard)
    loop: str | None = None
    we_hung_up: str | None = None              # why, when the prober ended the call
    final: str | None = None
    final_at: float | None = None
    scripted: bool = False
    level: int = 0                              # the menu level the caller is at now (0: the main menu)
    presses: list[dict] = field(default_factory=list)   # answers sent, each confirmed once the line went on
    app_error: str | None = None               # the line said Twilio's "an application error has occurred"
    end: dict | None = None                    # who ended the call, when, and the last thing heard
    depth: int = 0                              # the deepest menu level reached (after finish)
    end_at: float | None = None                # when the call ended, if Twilio said (scripted: its end_time)
    carry: list[dict] = field(default_factory=list)   # scripted: the last recordings heard as nothing decisive

    def status(self, status: str, at: float) -> None:
        if not self.statuses or self.statuses[-1][0] != status:
            self.statuses.append((status, at))
        if status == "in-progress" and self.answered is None:
            self.answered = at
        if status in FINAL and self.final is None:
            self.final, self.final_at = status, at

    def say(self, author: str, text: str, at: float, kind: str | None = None) -> dict:
        """Add a transcript row; kind says what the speech is (see KINDS), default the author's usual one."""
        base = self.answered if self.answered is not None else self.t0
        kind = kind or {"hold": "hold", "agent": "person", "customer": "say"}.get(author, "menu")
        row = {"author": author, "kind": kind, "label": KINDS.get(kind, kind), "text": text,
               "t_s": round(max(0.0, at - base), 3), "at": utcnow().isoformat()}
        if author == "ivr":
            row["level"] = self.level + 1
        self.transcript.append(row)
        return row

    def settled(self) -> bool:
        """Nothing more to learn: a person answered, or the customer is lost."""
        return self.person_at is not None or self.mismatch is not None or self.loop is not None

    def prompts(self) -> list[str]:
        return [m["text"] for m in self.transcript if m["author"] == "ivr"]

    def confirm(self, at: float | None = None) -> None:
        """The line went on after the answers sent so far (or those due to have been played by ``at``):
        they were really played on the call."""
        for p in self.presses:
            if not p["confirmed"] and (at is None or p["sent"] + p["takes_s"] <= at):
                p["confirmed"] = True

    def hear(self, text: str, at: float, partials: Sequence[tuple[float, int]] = (),
             person_from: int | None = None) -> str:
        """Judge one thing the company said. Returns what to do: 'answer', 'listen', 'person' or 'stop'.

        at: when the utterance began; partials: (time, words recognised so far) while it went on;
        person_from: where a person's words begin, when the caller already knows (``person_start``).
        """
        step = self.step
        if re.search(APP_ERROR_PATTERN, text, re.I):
            # What Twilio says when the company's IVR application fails (error 11200 and the like).
            self.say("ivr", text, at, kind="application_error")
            self.app_error = self.app_error or text
            return "listen"
        if self.person_at is None:
            k = self.person_start(text) if person_from is None else person_from
            if k is not None:
                fresh = " ".join(text.split()[k:]) if k else text
                if k:
                    self.say("hold", " ".join(text.split()[:k]), at)
                    # The first partial result with more words than the hold fragment: the person began.
                    at = next((t for t, n in partials if n > k), at)
                self.person_at, self.person_text = at, fresh
                self.say("agent", fresh, at)
                return "person"
        turn = len(self.path)
        answered, current = self._prompts_by_level()
        if any(contains_prompt(text, p) for p in answered):
            # A menu level already answered came round again, and the script did not lead back there
            # (back_to): the customer was sent back.
            self.say("ivr", text, at)
            self.loop = text
            return "stop"
        if turn < len(step.menu) and heard_matches(step.menu[turn].expect, text, step.match):
            self.say("ivr", text, at)
            return "answer"
        if re.search(step.hold_words, text, re.I):
            self.say("hold", text, at)
            return "listen"
        kind = "menu" if re.search(MENU_PATTERN, text, re.I) else "information"
        self.say("ivr", text, at, kind=kind)
        if kind == "menu" and ((turn < len(step.menu) and current)
                               or any(contains_prompt(text, p) for p in current)):
            # One prompt that is not the expected one is a greeting; a second one (often the same menu,
            # repeated because nothing was chosen) means the option the script wants is not offered,
            # or, after the script's last answer, that the menu wants yet another choice. Information
            # (directions, opening hours, a goodbye) asks for nothing: it is listened to.
            self.mismatch = (turn, text)
            return "stop"
        return "listen"

    def person_start(self, text: str, split_sentences: bool = False) -> int | None:
        """Where a person's words begin in ``text`` (a word index), or None when no person speaks in it.

        split_sentences: ``text`` was joined from recordings, not one utterance: whole sentences of a hold
        message before the person's sentence are the hold message's.
        """
        if self.person_at is not None:
            return None
        # A person often starts while a hold message is still playing: one utterance holds both.
        k = self._repeated_prefix(text) or self._hold_prefix(text, split_sentences)
        fresh = " ".join(text.split()[k:]) if k else text
        step = self.step
        if fresh and (re.search(step.person.says, fresh, re.I)
                      or (step.person.after_menu and self.menu_done is not None
                          and not re.search(step.hold_words, fresh, re.I)
                          and not any(contains_prompt(fresh, p) for p in self.prompts()))):
            return k
        return None

    def _prompts_by_level(self) -> tuple[list[str], list[str]]:
        """Menu prompts of the levels the customer already answered (and has not been led back above, by a
        back_to), and those heard since the last answer."""
        last = max((i for i, m in enumerate(self.transcript) if m["author"] == "customer"), default=-1)
        menus = [(i, m) for i, m in enumerate(self.transcript) if m["author"] == "ivr" and m["kind"] == "menu"]
        answered = [m["text"] for i, m in menus if i < last and not m.get("left")]
        current = [m["text"] for i, m in menus if i > last]
        return answered, current

    def _repeated_prefix(self, text: str) -> int:
        """How many leading words of text continue something already heard (a hold message cut short)."""
        heard = [words(m["text"]) for m in self.transcript if m["author"] in ("hold", "ivr")]
        said = words(text)
        if len(said) != len(text.split()):
            return 0  # numbers or punctuation split differently: do not guess
        k = 0
        for n in range(1, len(said) + 1):
            if any(_contains(h, said[:n]) for h in heard):
                k = n
            else:
                break
        return k if k >= 2 else 0

    def _hold_prefix(self, text: str, split_sentences: bool = False) -> int:
        """Where a person's words begin after a hold message heard for the first time, glued to it.

        Recognisers capitalise the start of what they take for a new sentence: the first capitalised word
        of the last sentence before the person's greeting that follows no punctuation ("… will be Hello,
        you're through …") is where the person began, if what comes before it is a hold message.
        """
        tokens = text.split()
        m = re.search(self.step.person.says, text, re.I)
        if not m:
            return 0
        upto = len(text[:m.start()].split())           # tokens before the greeting's sign
        start = max((i + 1 for i in range(upto) if tokens[i].endswith((".", "?", "!"))), default=0)
        for i in range(start + 1, upto + 1):
            word, before = tokens[min(i, len(tokens) - 1)], tokens[i - 1]
            if word[:1].isupper() and word != "I" and not before.endswith((",", ";", ":")):
                if re.search(self.step.hold_words, " ".join(tokens[:i]), re.I):
                    return i
                break
        if split_sentences and start and re.search(self.step.hold_words, " ".join(tokens[:start]), re.I):
            return start
        return 0

    def answered_turn(self, at: float, said: str | None = None, unmatched: bool = False) -> MenuTurn:
        """The prober sends this level's answer now. It stays unconfirmed until the line goes on after it
        (``confirm``): an answer the call never played is reported as planned, never as done."""
        index = len(self.path)
        turn = self.step.menu[index]
        self.path.append(turn.press or turn.say or "")
        said = said or turn.say or ""
        row = self.say("customer", f"pressed {turn.press}" if turn.press else (said or "(listened)"), at,
                       kind="press" if turn.press else "say")
        if unmatched:
            row["note"] = "played on the scripted schedule; the expected prompt was not what was heard"
        takes_s = _digits_s(turn.press) if turn.press else max(0.5, len(said.split()) / 2.0)
        self.presses.append({"row": row, "turn": index, "sent": at, "takes_s": takes_s, "confirmed": False,
                             "unmatched": unmatched,
                             "what": f"press {turn.press}" if turn.press else f"say \u201c{said}\u201d",
                             "doing": f"pressing {turn.press}" if turn.press else f"saying \u201c{said}\u201d"})
        back = turn.back_level()
        if back is None:
            self.level += 1
        else:
            # Led back on purpose: the prompts of that level and below may come again without being a loop.
            for m in self.transcript:
                if m["author"] == "ivr" and m.get("level", 1) - 1 >= back:
                    m["left"] = True
            self.level = back
        if len(self.path) == len(self.step.menu):
            self.menu_done = at
        return turn

    def finish(self, now: float, end_at: float | None = None) -> None:
        """After the call: answers never confirmed become "planned, not done" rows; the end-of-call row.

        end_at: the best known time the call ended (default: when its final status was seen). An answer
        due to have been played END_MARGIN_S before that is taken as played: the line was still up.
        """
        end_at = end_at if end_at is not None else self.end_at
        ended = end_at if end_at is not None else self.final_at if self.final_at is not None else now
        self.confirm(ended - END_MARGIN_S)
        done, lost = [], False
        for p in self.presses:
            if p.get("unsent"):
                p["confirmed"] = False
            if p["confirmed"] and not lost:
                done.append(p)
                continue
            lost = True
            # Sent as (or after) the line went dead, or too close to its end to have been played for sure.
            text = (f"planned: {p['what']}, not sent: {p['unsent']}" if p.get("unsent") else
                    f"planned: {p['what']}, not sent: the call had ended" if p["sent"] >= ended - 0.5 else
                    f"planned: {p['what']}, not confirmed: the call ended before it was surely played")
            p["row"].update(author="prober", kind="not_done", label=KINDS["not_done"], text=text)
        self.path = [self.path[p["turn"]] for p in done]
        if len(done) < len(self.step.menu):
            self.menu_done = None
        # The deepest level reached by answers really played (back_to leads up again).
        level = depth = 0
        for p in done:
            back = self.step.menu[p["turn"]].back_level()
            level = level + 1 if back is None else back
            depth = max(depth, level)
        self.depth = depth
        self.end = self._end_of_call(ended)
        self.say("call", self.end["text"], ended, kind="end")

    def _end_of_call(self, ended: float) -> dict:
        """Who ended the call, when, and the last thing heard."""
        last = next((m["text"] for m in reversed(self.transcript)
                     if m["author"] not in ("customer", "prober", "call")), "")
        at_s = round(ended - (self.answered if self.answered is not None else self.t0), 3)
        when = f"{format_duration(at_s)} after the answer" if self.answered is not None else \
            f"{format_duration(at_s)} after the call was placed"
        if self.answered is None:
            by, what = "network", {"busy": "The line was busy", "failed": "The network could not connect the call",
                                   "no-answer": "Nobody answered", "canceled": "Nobody answered: the prober "
                                   "stopped the ringing"}.get(self.final or "", "The call never connected")
        elif self.we_hung_up:
            by = "prober"
            what = {"person": "The prober said goodbye to the person and hung up",
                    "lost": "The prober hung up: the menu did not go where the script leads",
                    "human_within": f"The prober hung up: no person within "
                                    f"{format_duration(self.step.human_within)}"}.get(self.we_hung_up,
                                                                                    "The prober hung up")
        elif self.final == "completed":
            by, what = "company", ("The company's line hung up after an application error" if self.app_error
                                   else "The company hung up")
        elif self.final in ("failed", "canceled", "busy", "no-answer"):
            by, what = "network", f"The call was cut off (status {self.final})"
        else:
            by, what = "unknown", "The call's end is not known"
        text = f"{what}, {when}." + (f" Last heard: \u201c{last}\u201d" if last and self.answered is not None
                                     else "")
        return {"by": by, "t_s": at_s, "last_heard": last, "text": text}

    def where(self) -> str:
        """Where in the menu the caller is, in words (for a deadline that passed)."""
        done = [p for p in self.presses if p["confirmed"]] if self.end else self.presses
        # Scripted answers played on their schedule though their prompts were not heard need not have led on:
        # the caller is placed where the answers up to the last one whose prompt was heard led, never further.
        blind = len(done)
        while blind and done[blind - 1].get("unmatched"):
            blind -= 1
        pressed = " then ".join(p["doing"] for p in done[:blind])
        if blind == len(done) and self.menu_done is not None and len(done) == len(self.step.menu):
            return "past the menu" + (f" (after {pressed})" if pressed else "")
        level = (menu_levels(self.step.menu)[done[blind]["turn"]] if blind < len(done) else
                 self.depth if self.end else self.level) + 1
        where = f"still in the menu at level {level}, " + (f"after {pressed}" if pressed else "before any choice")
        if blind < len(done):
            where += (f" ({' then '.join(p['doing'] for p in done[blind:])} followed on the script's schedule, "
                      + ("its prompt" if len(done) - blind == 1 else "their prompts") + " not heard)")
        return where


def outcome_of(log: CallLog, out: Outcome) -> Outcome:
    """Measurements and findings from a finished call."""
    step = log.step
    out.observations["call_status"] = log.final or "unknown"
    out.observations["statuses"] = [{"status": s, "t_s": round(t - log.t0, 3)} for s, t in log.statuses]
    out.observations["menu_path"] = log.path
    out.observations["menu_depth"] = log.depth
    if log.end is not None:
        out.observations["call_end"] = log.end
    out.observations["transcript"] = log.transcript
    out.observations["transcript_note"] = ("Times are seconds after the company answered, when each voice began"
                                           + (" (to the second: read from recordings)." if log.scripted else "."))
    if log.answered is not None:
        out.measurements["answer_s"] = log.answered - log.t0
        if log.person_at is not None:
            out.measurements["time_to_person_s"] = log.person_at - log.answered
            start = log.menu_done if log.menu_done is not None else log.answered
            out.measurements["hold_s"] = max(0.0, log.person_at - start)
        if log.menu_done is not None:
            out.measurements["menu_s"] = max(0.0, log.menu_done - log.answered)   # time in menus, not on hold
        if log.final_at is not None:
            out.measurements["duration_s"] = log.final_at - log.answered
    out.responses.extend(m["text"] for m in log.transcript if m["author"] not in ("customer", "prober", "call"))
    out.observations["reachable"] = log.person_at is not None
    last = next((m["text"] for m in reversed(log.transcript) if m["author"] not in ("customer", "prober", "call")),
                "")
    status = log.final
    if status == "busy":
        out.findings.append(Finding("phone.busy", "critical", "The line was busy",
                                    "The call got a busy signal: a customer cannot get through."))
    elif status == "no-answer":
        out.findings.append(Finding("phone.no_answer", "critical",
                                    f"Nobody answered within {format_duration(step.answer_within)}",
                                    "The phone rang out."))
    elif status == "failed":
        out.findings.append(Finding("phone.failed", "critical", "The call could not be connected",
                                    "The network could not put the call through (a wrong or dead number)."))
    elif status == "canceled" and log.answered is None:
        out.findings.append(Finding("phone.no_answer", "critical",
                                    f"Nobody answered within {format_duration(step.answer_within)}",
                                    "The prober gave up ringing."))
    if log.mismatch:
        turn, heard = log.mismatch
        if turn < len(step.menu):
            out.findings.append(Finding("phone.prompt_mismatch", "major",
                                        f"The menu did not offer what the script expects at level {turn + 1}",
                                        f"Expected to hear \u201c{step.menu[turn].expect}\u201d; heard this instead. "
                                        "The menu may have changed, or the customer is lost in it.", heard))
        else:
            out.findings.append(Finding("phone.prompt_mismatch", "major",
                                        f"The menu asked for another choice after level {turn}",
                                        "The script's menu ends here, but the line kept asking: the menu may "
                                        "have grown a level.", heard))
    if log.loop:
        out.findings.append(Finding("phone.menu_loop", "major", "The menu went round in a loop",
                                    "A prompt already heard came again: the customer is back where they "
                                    "started.", log.loop))
    if log.app_error:
        out.findings.append(Finding("phone.application_error", "critical", "The company's phone menu is down",
                                    "The line answered with Twilio's \u201can application error has occurred\u201d "
                                    "(error 11200 or the like): the company's IVR application failed, and every "
                                    f"caller on this path is cut off. Where: {log.where()}.", log.app_error))
    if step.max_menu_depth is not None and log.depth > step.max_menu_depth:
        out.findings.append(Finding("phone.menu_too_deep", "major",
                                    f"{log.depth} menu levels to get through; at most "
                                    f"{step.max_menu_depth} expected",
                                    "Every level costs the customer time and patience.",
                                    " → ".join(log.path)))
    if log.answered is not None and log.person_at is None and not (log.mismatch or log.loop or log.app_error):
        if log.we_hung_up == "human_within":
            where = log.where()
            out.findings.append(Finding("phone.no_person", "critical",
                                        f"No person within {format_duration(step.human_within)}"
                                        + ("" if where.startswith("past") else f": {where.split(',')[0]}"),
                                        f"The customer was {where} when the deadline passed"
                                        + ("" if where.startswith("still") else ", waiting on hold") + ".", last))
        elif log.we_hung_up is None:
            out.findings.append(Finding("phone.dead_end", "critical",
                                        "The company hung up before the customer reached a person",
                                        "The call ended on a branch that leads nowhere.", last))
    return out


def _twilio_finding(exc: TwilioRestException, to: str) -> Finding:
    if exc.code in (21211, 21214, 21215, 21217, 13224):
        return Finding("phone.invalid_number", "critical", "The number cannot be called",
                       f"Twilio refused to call {to}: it is not a valid, reachable number.",
                       f"{exc.code}: {exc.msg}")
    return Finding("phone.refused", "critical", "Twilio refused to place the call",
                   f"The request to call {to} was refused.", f"{exc.code}: {exc.msg}")


def _identity(ctx):
    identity = getattr(ctx, "phone_identity", None)
    if identity is None:
        raise ProberError("the phone channel needs an identity with a phone section in probes.yaml")
    return identity


async def run(step: PhoneStep, ctx) -> Outcome:
    identity = _identity(ctx)
    to = ctx.render(step.to)
    mode = step.mode or ("interactive" if identity.webhooks else "scripted")
    if mode == "interactive" and identity.webhooks is None:
        raise ProberError("an interactive call needs the identity's webhooks.public_url (a URL Twilio can "
                          "reach the prober at, e.g. a tunnel); or use mode: scripted")
    client = identity.client()
    out = Outcome()
    out.observations.update(to=to, mode=mode)
    log = await (_interactive if mode == "interactive" else _scripted)(step, ctx, identity, client, to, out)
    if log is None:
        return out
    await _own_call_errors(client, out.observations.get("call_sid"), out)
    log.finish(time.monotonic())
    outcome_of(log, out)
    path = ctx.evidence_path("call-transcript.json")
    path.write_text(json.dumps({"statuses": out.observations["statuses"], "menu_path": log.path,
                                "transcript": log.transcript}, indent=2, ensure_ascii=False), encoding="utf-8")
    out.evidence.append(Evidence("text", "Call transcript (JSON)", path))
    if step.record and out.observations.get("call_sid"):
        await _keep_recordings(client, identity, out.observations["call_sid"], ctx, out)
    return out


async def _create(client, identity, out: Outcome, to: str, log: CallLog, **params):
    """Place the call. None (with a finding) when Twilio refuses it for the company's number.

    Twilio's temporary trouble (5xx, 429, timeouts) is waited out for the identity's ``retry_for_s``,
    then is a ProberError; after a 5xx the call is looked for before it is placed again (never twice).
    """
    since = utcnow()
    notes: list[str] = []

    def place():
        log.t0 = time.monotonic()   # the call's clock starts with the attempt that places it
        return client.calls.create(to=to, **params)

    try:
        call = await send_with_retry(place, what=f"placing the call to {to}", retry_for_s=identity.retry_for_s,
                                     find_created=lambda: _find_call(client, identity.number, to, since),
                                     notes=notes)
    except TwilioRestException as exc:
        if exc.code in PROBER_CODES:
            raise ProberError(f"Twilio refused the prober's own account or number: {exc.code} {exc.msg}") from None
        out.findings.append(_twilio_finding(exc, to))
        out.observations["server_answer"] = f"{exc.code}: {exc.msg}"
        return None
    except (TwilioException, requests.RequestException) as exc:
        raise ProberError(f"Twilio could not be reached: {exc}") from None
    finally:
        if notes:
            out.observations["twilio_retries"] = notes
    out.contacted, out.sent_at = True, utcnow()
    out.observations["call_sid"] = call.sid
    out.observations["server_answer"] = f"call {call.sid} {call.status}"
    return call


async def _own_call_errors(client, sid: str | None, out: Outcome) -> None:
    """Twilio's errors on the prober's own leg (its Call Notifications): when Twilio could not fetch or run
    the prober's TwiML (11200, 12100, …), the call ended for the prober's reasons, and how it ended says
    nothing about the company: a prober error. (The company's own 11200 is on its account, out of sight:
    the prober knows it by what the caller hears.)"""
    if not sid:
        return
    try:
        notes = await asyncio.to_thread(client.calls(sid).notifications.list, log=0, limit=20)
    except (TwilioException, requests.RequestException):
        return   # an older Twilio-like API without the route: nothing more to learn
    codes = sorted({str(n.error_code) for n in notes if n.error_code})
    if codes:
        out.observations["own_call_errors"] = codes
        raise ProberError(f"Twilio reported error {', '.join(codes)} on the prober's own call leg (its webhooks "
                          "or TwiML): how the call went says nothing about the company")


async def _hang_up(client, sid: str) -> None:
    try:
        await asyncio.to_thread(client.calls(sid).update, status="completed")
    except TwilioException:
        pass  # already over


# --- interactive ---------------------------------------------------------------------------------------

async def _interactive(step: PhoneStep, ctx, identity, client, to: str, out: Outcome) -> CallLog | None:
    server = await ctx.webhook_server()
    log = CallLog(step, time.monotonic())
    changed = asyncio.Event()
    partials: list[tuple[float, int]] = []             # (time, words so far) of the utterance being recognised
    unstable: list[str] = [""]                         # its latest partial text
    gen = [0]                                          # the prober's TwiML document now running on the call
    sending: set[asyncio.Task] = set()                 # early presses being sent by REST
    trouble: list[str] = []                            # Twilio refused an early press for the prober's reasons

    def listen(say: str = "", digits: str = "", new: bool = True) -> str:
        before = (f"<Play digits={quoteattr(digits)}/>" if digits else "") + \
                 (f"<Say>{escape(say)}</Say>" if say else "")
        lang = f" language={quoteattr(step.language)}" if step.language else ""
        gen[0] += 1 if new else 0
        # URLs of this document's own: two empty Gather results are otherwise the same request (a "replay");
        # the document's number tells results of a document replaced by an early press (stale) apart.
        heard = server.url(key, f"heard.{gen[0]}", once=True)
        partial = server.url(key, f"partial.{gen[0]}", once=True)
        return (f'<?xml version="1.0" encoding="UTF-8"?><Response>{before}'
                f'<Gather input="speech dtmf" actionOnEmptyResult="true" speechTimeout="auto" timeout="5"'
                f' action={quoteattr(heard)} method="POST"'
                f' partialResultCallback={quoteattr(partial)}{lang}/>'
                f'<Redirect method="POST">{escape(heard)}</Redirect></Response>')

    def press_early(text: str, at: float, call_sid: str) -> None:
        """The expected words are all in a partial result: answer now, by REST, not after the whole prompt
        (which may loop for many seconds)."""
        if log.hear(text, partials[0][0] if partials else at, list(partials)) != "answer":
            return
        said = ctx.render(step.menu[len(log.path)].say or "")
        turn = log.answered_turn(at, said)
        press = log.presses[-1]
        doc = listen(say=said, digits=turn.press or "")   # the old Gather's results are stale from now on
        partials.clear()
        unstable[0] = ""

        async def send() -> None:
            try:
                await asyncio.to_thread(client.calls(call_sid).update, twiml=doc)
            except TwilioRestException as exc:
                press["unsent"] = "the call had ended" if exc.code in (20404, 21220) or log.final else \
                    f"Twilio refused it ({exc.code})"
                if not press["unsent"].startswith("the call"):
                    trouble.append(f"{exc.code} {exc.msg}")
            except (TwilioException, requests.RequestException) as exc:
                press["unsent"] = "Twilio could not be reached"
                trouble.append(str(exc))
            changed.set()

        task = asyncio.get_running_loop().create_task(send())
        sending.add(task)
        task.add_done_callback(sending.discard)

    def early_ok(text: str) -> bool:
        """Is this partial result surely the expected prompt, complete, and nothing else?"""
        if log.final is not None or log.we_hung_up or log.person_at is not None or log.settled() \
                or len(log.path) >= len(step.menu):
            return False
        expect = step.menu[len(log.path)].expect
        if not heard_matches(expect, text, 1.0 if not _is_regex(expect) else step.match):
            return False
        if re.search(APP_ERROR_PATTERN, text, re.I) or re.search(step.person.says, text, re.I) \
                or re.search(step.hold_words, text, re.I):
            return False
        answered, _ = log._prompts_by_level()
        return not any(contains_prompt(text, p) for p in answered)

    def handle(kind: str, params: dict, at: float) -> str | None:
        kind, _, number = kind.partition(".")
        if kind in ("partial", "heard") and number and int(number) != gen[0]:
            # From a document an early press replaced: its prompt was judged already. (Twilio drops a
            # redirected Gather; if a result comes all the same, keep listening to the current document.)
            return listen(new=False) if kind == "heard" else None
        try:
            if kind == "status":
                log.status(params.get("CallStatus", ""), at)
                return None
            if kind == "voice":
                log.status("in-progress", at)
                return listen()
            if kind in ("partial", "heard"):
                log.confirm()   # a later Gather is listening: every answer sent before was played
            if kind == "partial":
                text = params.get("UnstableSpeechResult") or ""
                if len(text.split()) >= len(unstable[0].split()):   # callbacks may overtake each other
                    unstable[0] = text
                partials.append((at, len(text.split())))
                if early_ok(unstable[0]):
                    press_early(unstable[0], at, params.get("CallSid", ""))
                return None
            if kind == "heard":
                text = (params.get("SpeechResult") or "").strip()
                began = partials[0][0] if partials else at
                heard = list(partials)
                partials.clear()
                unstable[0] = ""
                if log.final is not None:
                    # The result of what was said as the line went dead: heard, but nothing can answer it.
                    if text and not log.settled():
                        late(text, began, heard, at)
                    return '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>'
                if not text:
                    return listen()
                decision = log.hear(text, began, heard)
                if decision == "answer":
                    said = ctx.render(step.menu[len(log.path)].say or "")
                    turn = log.answered_turn(at, said)
                    return listen(say=said, digits=turn.press or "")
                if decision == "person":
                    log.we_hung_up = "person"
                    log.say("customer", ctx.render(step.goodbye), at)
                    return (f'<?xml version="1.0" encoding="UTF-8"?><Response><Say>'
                            f'{escape(ctx.render(step.goodbye))}</Say><Hangup/></Response>')
                if decision == "stop":
                    log.we_hung_up = "lost"
                    return '<?xml version="1.0" encoding="UTF-8"?><Response><Hangup/></Response>'
                return listen()
            return None
        finally:
            changed.set()

    def late(text: str, began: float, heard: list, at: float) -> None:
        if log.hear(text, began, heard) == "answer":
            log.answered_turn(at, ctx.render(step.menu[len(log.path)].say or ""))   # planned, never played

    key = server.register(handle)
    try:
        call = await _create(client, identity, out, to, log, from_=identity.number, url=server.url(key, "voice"),
                             method="POST",
                             status_callback=server.url(key, "status"), status_callback_method="POST",
                             status_callback_event=["initiated", "ringing", "answered", "completed"],
                             timeout=max(5, math.ceil(step.answer_within)), record=step.record)
        if call is None:
            return None
        log.status(call.status, log.t0)
        while log.final is None:
            now = time.monotonic()
            if log.answered is None:
                left = log.t0 + step.answer_within + 15.0 - now   # Twilio stops ringing itself; this is a backstop
                if left <= 0:
                    await _hang_up(client, call.sid)
                    log.status("canceled", time.monotonic())
                    break
            elif log.person_at is None and log.we_hung_up is None:
                left = log.answered + step.human_within - now
                if left <= 0:
                    log.we_hung_up = "human_within"
                    await _hang_up(client, call.sid)
                    continue
            else:
                left = 30.0   # we said goodbye; Twilio reports completion
                if log.we_hung_up and now - (log.person_at or log.answered or now) > 30:
                    await _hang_up(client, call.sid)
            changed.clear()
            try:
                await asyncio.wait_for(changed.wait(), timeout=max(0.05, min(left, 5.0)))
            except asyncio.TimeoutError:
                if log.answered is not None and now - log.statuses[-1][1] > 30:
                    # No callback for a while: ask Twilio how the call is doing.
                    try:
                        fetched = await asyncio.to_thread(client.calls(call.sid).fetch)
                    except (TwilioException, requests.RequestException):
                        continue
                    if fetched.status in FINAL:
                        log.status(fetched.status, time.monotonic())
        # The line went dead mid-sentence: Twilio may post that Gather's result late, or never. Wait a
        # moment for it, else judge the partial result heard so far.
        grace = time.monotonic() + LATE_RESULT_S
        while partials and time.monotonic() < grace:
            changed.clear()
            try:
                await asyncio.wait_for(changed.wait(), timeout=max(0.05, grace - time.monotonic()))
            except asyncio.TimeoutError:
                break
        if partials and unstable[0] and not log.settled():
            late(unstable[0], partials[0][0], list(partials), time.monotonic())
            partials.clear()
        if sending:
            await asyncio.wait(set(sending), timeout=30)
        if trouble:
            raise ProberError(f"Twilio refused to play the prober's answer on its own call: {trouble[0]}")
        return log
    finally:
        server.unregister(key)


# --- scripted ------------------------------------------------------------------------------------------

def scripted_twiml(step: PhoneStep, render) -> tuple[str, int]:
    """The whole call as one TwiML document, and how many recordings it makes."""
    parts, records = [], 0
    for turn in step.menu:
        parts.append(f'<Record maxLength="{math.ceil(turn.listen)}" timeout="{SCRIPTED_SILENCE_S}" '
                     f'playBeep="false" transcribe="true" trim="do-not-trim"/>')
        records += 1
        if turn.press:
            parts.append(f"<Play digits={quoteattr(turn.press)}/>")
        elif turn.say:
            parts.append(f"<Say>{escape(render(turn.say))}</Say>")
    chunks = min(40, max(1, math.ceil(step.human_within / 5)))
    chunk = max(5, math.ceil(step.human_within / chunks))
    for _ in range(chunks):
        parts.append(f'<Record maxLength="{chunk}" timeout="{chunk}" playBeep="false" transcribe="true" '
                     f'trim="do-not-trim"/>')
        records += 1
    return f'<?xml version="1.0" encoding="UTF-8"?><Response>{"".join(parts)}</Response>', records


def _wall(rfc2822: str | None):
    return parsedate_to_datetime(rfc2822) if rfc2822 else None


async def _scripted(step: PhoneStep, ctx, identity, client, to: str, out: Outcome) -> CallLog | None:
    twiml, planned = scripted_twiml(step, ctx.render)
    log = CallLog(step, time.monotonic(), scripted=True)
    call = await _create(client, identity, out, to, log, from_=identity.number, twiml=twiml,
                         timeout=max(5, math.ceil(step.answer_within)), record=step.record)
    if call is None:
        return None
    wall0 = utcnow() - timedelta(seconds=time.monotonic() - log.t0)   # the wall-clock time of log.t0
    log.status(call.status, log.t0)
    seen: dict[str, dict] = {}           # recording sid -> {"start", "text"}
    judged = 0
    while True:
        await asyncio.sleep(POLL_S)
        now = time.monotonic()
        try:
            fetched = await asyncio.to_thread(client.calls(call.sid).fetch)
            log.status(fetched.status, now)
            if fetched.status in FINAL and fetched.end_time is not None:
                # Twilio's own end time (whole seconds), on the call's monotonic clock.
                log.end_at = log.t0 + (fetched.end_time - wall0).total_seconds()
            if log.answered is not None:
                judged = await _read_recordings(client, call.sid, log, seen, judged, wall0, ctx.render)
        except (TwilioException, requests.RequestException) as exc:
            # A flaky connection to Twilio: look again next time, and say so in the report.
            out.observations["api_retries"] = out.observations.get("api_retries", 0) + 1
            if out.observations["api_retries"] > 20:
                raise ProberError(f"Twilio stopped answering while the call was under way: {exc}") from None
            continue
        if log.final is not None:
            break
        if log.answered is None and now - log.t0 > step.answer_within + 15.0:
            await _hang_up(client, call.sid)
            log.status("canceled", time.monotonic())
            break
        if log.answered is not None and log.we_hung_up is None:
            if log.person_at is not None:
                log.we_hung_up = "person"
                await _hang_up(client, call.sid)
            elif log.mismatch or log.loop:
                log.we_hung_up = "lost"
                await _hang_up(client, call.sid)
            elif now - log.answered > step.human_within:
                log.we_hung_up = "human_within"
                await _hang_up(client, call.sid)
    # The last recording and the transcriptions come after the call ends (Twilio's take a minute or two; a
    # recording cut short by the hang-up appears only seconds later): wait until every recording has its
    # text and no new one has appeared for the identity's late_recordings_s (a few polls once the verdict is settled).
    deadline, quiet_since, count = time.monotonic() + TRANSCRIPTS_WAIT_S, time.monotonic(), -1
    while time.monotonic() < deadline:
        try:
            judged = await _read_recordings(client, call.sid, log, seen, judged, wall0, ctx.render)
        except (TwilioException, requests.RequestException):
            out.observations["api_retries"] = out.observations.get("api_retries", 0) + 1
        complete = all(r["text"] is not None for r in seen.values())
        if not complete or len(seen) != count:
            quiet_since, count = time.monotonic(), len(seen)
        elif time.monotonic() - quiet_since >= (3 * POLL_S if log.settled() else identity.late_recordings_s):
            break
        await asyncio.sleep(POLL_S)
    if log.we_hung_up is None and log.final == "completed" and len(seen) >= planned and log.person_at is None:
        log.we_hung_up = "human_within"   # our own document ran out: waited as long as asked
    out.observations["recordings"] = len(seen)
    return log


async def _read_recordings(client, call_sid: str, log: CallLog, seen: dict, judged: int, wall0, render) -> int:
    """Fetch new recordings and transcriptions; judge them in order. Returns how many are judged."""
    recordings = await asyncio.to_thread(client.recordings.list, call_sid=call_sid)
    # Twilio lists the newest first; starts are whole seconds: oldest first, so that two recordings started in
    # the same second keep their order (the sort below is stable).
    for rec in reversed(recordings):
        if rec.source != "RecordVerb":
            continue  # the whole-call recording is evidence, not a prompt
        entry = seen.setdefault(rec.sid, {"start": rec.start_time or rec.date_created, "text": None,
                                          "duration": float(rec.duration or 0)})
        if entry["text"] is None:
            texts = await asyncio.to_thread(client.recordings(rec.sid).transcriptions.list)
            done = [t for t in texts if t.status == "completed"]
            failed = [t for t in texts if t.status == "failed"]
            if done:
                entry["text"] = done[0].transcription_text or ""
            elif failed:
                entry["text"] = ""
    ordered = sorted(seen.values(), key=lambda r: r["start"])
    while judged < len(ordered) and ordered[judged]["text"] is not None:
        rec = ordered[judged]
        judged += 1
        # Wall-clock start (one-second resolution) mapped onto the monotonic clock of the call.
        at = log.t0 + (rec["start"] - wall0).total_seconds()
        text = rec["text"].strip()
        # The document answers right after each prompt's recording: a later recording means the answers
        # before it were played on a live call.
        log.confirm()
        rows = len(log.transcript)
        decision = _hear_recording(log, text, at, rec["duration"]) if text and not log.settled() else None
        index = judged - 1   # the document's first Record verbs hear the menu's levels, one each
        if index < len(log.step.menu) and len(log.path) == index:
            # The document answers after each level's recording whatever was heard (a fixed schedule): the
            # transcript says what it played, and when the expected prompt was not what was heard.
            log.answered_turn(at + rec["duration"], render(log.step.menu[index].say or ""),
                              unmatched=decision != "answer")
            log.carry.clear()
        elif decision == "listen" and not re.search(APP_ERROR_PATTERN, text, re.I):
            # Speech may run on into the next recording: keep this one to be judged with it.
            log.carry.append({"text": text, "at": at, "duration": rec["duration"], "row": rows})
            del log.carry[:-(JOIN_CHUNKS - 1)]
        else:
            log.carry.clear()
    return judged


def _hear_recording(log: CallLog, text: str, at: float, duration_s: float) -> str:
    """Judge one recording's transcription, joined to the recordings before it that were heard as nothing
    decisive: a person who began speaking just before a recording ended is split over two (or three), and
    neither part alone may say who they are. The person is placed where their first words were said."""
    carry = log.carry
    if carry and log.person_at is None:
        parts = [*carry, {"text": text, "at": at, "duration": duration_s}]
        first_row = carry[0]["row"]
        kept = log.transcript[first_row:]
        found: tuple[int, int] | None = None     # (recording, word) where the person's words begin
        for c in range(len(carry) - 1, -1, -1):
            # Judged again with what came after it; what came before it stays as heard.
            log.transcript[first_row:] = kept[:carry[c]["row"] - first_row]
            k = log.person_start(" ".join(p["text"] for p in parts[c:]), split_sentences=True)
            if k is None:
                if found:
                    break
                continue              # the person's sign may begin further back
            if k >= len(parts[c]["text"].split()):
                break                 # the person begins after this recording
            found = (c, k)
            if k > 0 or c == 0 or parts[c - 1]["text"].rstrip().endswith((".", "?", "!")):
                break                 # something else came first in it, or the speech before it had ended
        if found is not None:
            c, offset = found
            log.transcript[first_row:] = kept[:carry[c]["row"] - first_row]
            part = parts[c]
            # The person's words there run on into the next recording: they were said at its end.
            mine = len(part["text"].split()) - offset
            began = max(part["at"], part["at"] + part["duration"] - mine / SPEECH_WPS)
            carry.clear()
            return log.hear(" ".join(p["text"] for p in parts[c:]), began if offset == 0 else part["at"],
                            [(began, offset + 1)], person_from=offset)
        log.transcript[first_row:] = kept
    return log.hear(text, at)


async def _keep_recordings(client, identity, call_sid: str, ctx, out: Outcome) -> None:
    """Download the whole-call recording as evidence, where Twilio made one."""
    try:
        recordings = await asyncio.to_thread(client.recordings.list, call_sid=call_sid)
    except TwilioException:
        return
    for rec in recordings:
        if rec.source == "RecordVerb":
            continue
        url = f"https://api.twilio.com/2010-04-01/Accounts/{rec.account_sid}/Recordings/{rec.sid}.wav"
        route = getattr(client.http_client, "route", None)
        try:
            response = await asyncio.to_thread(requests.get, route(url) if route else url,
                                               auth=(identity.sid(), identity.secret()), timeout=identity.timeout_s)
        except requests.RequestException:
            continue
        if response.status_code == 200:
            path = ctx.evidence_path(f"call-{rec.sid}.wav")
            path.write_bytes(response.content)
            out.evidence.append(Evidence("audio", f"Call recording ({format_duration(float(rec.duration or 0))})",
                                         path))


async def _find_call(client, number: str, to: str, since):
    """The newest call from the prober's number to ``to`` created since ``since`` (a UTC datetime), or None."""
    calls = await asyncio.to_thread(client.calls.list, to=to, from_=number, limit=50)
    since = since.replace(microsecond=0)   # Twilio's dates have whole seconds
    return next((c for c in calls if c.date_created is not None and c.date_created >= since), None)


async def find_sent(contact: dict, ctx) -> bool:
    """After a crash mid-call: did Twilio take this contact's call? Never call a company twice."""
    identity = _identity(ctx)
    return await _find_call(identity.client(), identity.number, contact["destination"],
                            contact["planned_at"]) is not None
