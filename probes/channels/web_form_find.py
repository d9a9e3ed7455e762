"""web_form, before the send click: the step's `actions:`, finding elements by label, and frames.

A step's actions (or its short form, `fields:`) are done in order; each finds one element like a customer
would (by its label, placeholder, text, role, name="" or a CSS selector) in the page or in any of its frames,
same-origin or cross-origin. Labels, placeholders and texts match at three levels, best first: the whole
name (ignoring case, extra spaces, a `*`, `(required)`/`(optional)` and a trailing colon), then whole words,
then part of a word. Two elements that match equally well at the best level are a scenario that does not
fit the page: a prober error listing both, never a guess.
"""
from __future__ import annotations

import asyncio
import os
import re
import time
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ..browser import untraced
from ..durations import Duration
from ..results import Finding, ProberError, first_line
from ..steps import Strict

# How an element can be found; `role` goes with `label` (the accessible name, such as a button's text).
FINDERS = ("label", "placeholder", "name", "selector", "text")
TOP = "top"   # `frame: top`: the page itself, not one of its frames
NO_FRAME = "no frame on the page matches frame:"
# Keys Playwright knows by name (besides single characters), for `press:`.
NAMED_KEYS = frozenset("""Enter Tab Escape Backspace Delete Insert Home End PageUp PageDown ArrowUp ArrowDown
ArrowLeft ArrowRight Space F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12""".split())
MODIFIERS = frozenset("Shift Control Alt Meta ControlOrMeta".split())
ROLES = frozenset("""button link checkbox radio textbox combobox listbox option tab menuitem switch searchbox
spinbutton slider""".split())


class Find(Strict):
    """Where an element is: exactly one of label, placeholder, name, selector (and text, where allowed)."""

    label: str | None = Field(None, description="the field's label (its accessible name): the whole label "
                                                "first, then whole words, then part of a word; case-insensitive")
    placeholder: str | None = Field(None, description="the field's placeholder text (matched like label)")
    name: str | None = Field(None, description="the element's name=\"\" attribute")
    selector: str | None = Field(None, description="a CSS selector")
    frame: str | None = Field(None, description="look only in this iframe (a CSS selector of the <iframe>, "
                                                "or part of its address); 'top' for the page itself; "
                                                "default: the step's frame, else the page and all its frames")

    allowed: ClassVar[tuple[str, ...]] = ("label", "placeholder", "name", "selector")

    @model_validator(mode="after")
    def _one_finder(self):
        given = [k for k in FINDERS if getattr(self, k, None) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of {_either(self.allowed)} to find the element"
                             + (f" (got {', '.join(given)})" if given else ""))
        return self

    def how(self) -> tuple[str, str]:
        """(finder, what): the one way this element is found."""
        return next((k, getattr(self, k)) for k in FINDERS if getattr(self, k, None) is not None)

    def describe(self) -> str:
        kind, what = self.how()
        role = getattr(self, "role", None)
        return f"{role} '{what}'" if role and kind == "label" else f"{kind} '{what}'"


class Fill(Find):
    """Type text into a field (on a drop-down: choose the option with that text)."""

    value: str = Field(description="the text to type; may use {persona.name}, {token} …")


class Select(Find):
    """Choose an option in a drop-down."""

    option: str = Field(description="the option's text as shown")


class Tick(Find):
    """A checkbox (or radio button) to tick or untick."""


class Upload(Find):
    """Attach a file to a file field."""

    file: str = Field(description="the file to attach, relative to the scenario file")

    @field_validator("file")
    @classmethod
    def _exists(cls, v: str, info: ValidationInfo) -> str:
        base = (info.context or {}).get("scenario_dir")
        if base is None:   # validated without knowing the file (a quick re-check): checked on load
            return v
        path = (Path(base) / v).resolve()
        if not path.is_file():
            shown = os.path.relpath(path) if path.is_relative_to(Path.cwd()) else str(path)
            raise ValueError(f"no file at {shown} (a path is relative to the scenario file)")
        return str(path)


class Click(Find):
    """Click an element: a button, link, a cookie banner's "Accept", a "Show more"."""

    text: str | None = Field(None, description="the words shown on it (matched like label)")
    role: str | None = Field(None, description="with label: its ARIA role (button, link, checkbox, tab …); "
                                               "the label is then its accessible name, e.g. the button's text")
    submit: bool = Field(False, description="this click sends the form (the step's last action)")

    allowed: ClassVar[tuple[str, ...]] = ("label", "text", "placeholder", "name", "selector")

    @model_validator(mode="after")
    def _role(self):
        if self.role is not None:
            if self.label is None:
                raise ValueError("role goes with label (the accessible name), e.g. {role: button, label: Continue}")
            if self.role not in ROLES:
                raise ValueError(f"unknown role '{self.role}'; use one of {', '.join(sorted(ROLES))}")
        return self


class Press(Strict):
    """Press a key, in a field if one is given, else wherever the focus is."""

    key: str = Field(description="a key: Enter, Tab, Escape, ArrowDown …, a character, or with modifiers "
                                 "such as Control+a")
    label: str | None = None
    placeholder: str | None = None
    name: str | None = None
    selector: str | None = None
    frame: str | None = None

    @field_validator("key")
    @classmethod
    def _key(cls, v: str) -> str:
        *mods, key = v.split("+") if v != "+" else ["+"]
        if any(m not in MODIFIERS for m in mods) or not (len(key) == 1 or key in NAMED_KEYS):
            raise ValueError(f"'{v}' is not a key; use a single character, a key name such as Enter, Tab, "
                             "Escape, ArrowDown, PageDown or F5, optionally after modifiers (Control+a, Shift+Tab)")
        return v

    @model_validator(mode="after")
    def _at_most_one(self):
        given = [k for k in ("label", "placeholder", "name", "selector") if getattr(self, k) is not None]
        if len(given) > 1:
            raise ValueError(f"give at most one of label, placeholder, name or selector (got {', '.join(given)})")
        return self

    def target(self) -> Find | None:
        given = {k: getattr(self, k) for k in ("label", "placeholder", "name", "selector") if getattr(self, k)}
        return Find(**given, frame=self.frame) if given else None


class WaitFor(Strict):
    """Wait until words or an element show, e.g. the second page of a wizard."""

    text: str | None = Field(None, description="words that appear (case-insensitive)")
    selector: str | None = Field(None, description="a CSS selector of an element that becomes visible")
    within: Duration = Field(10.0, le=300, description="how long to wait, at most 5m (default 10s)")
    frame: str | None = None

    @model_validator(mode="after")
    def _one(self):
        if (self.text is None) == (self.selector is None):
            raise ValueError("give either text or selector to wait for")
        return self

    def describe(self) -> str:
        return f"text '{self.text}'" if self.text is not None else f"an element at '{self.selector}'"


class Scroll(Strict):
    """Scroll the page: to its bottom or top, or until an element is in view."""

    to: Literal["bottom", "top"] | None = Field(None, description="bottom or top of the page")
    label: str | None = None
    text: str | None = None
    selector: str | None = None
    frame: str | None = None

    @model_validator(mode="after")
    def _one(self):
        given = [k for k in ("to", "label", "text", "selector") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give one of to (bottom or top), label, text or selector"
                             + (f" (got {', '.join(given)})" if given else ""))
        return self

    def target(self) -> Click | None:
        given = {k: getattr(self, k) for k in ("label", "text", "selector") if getattr(self, k) is not None}
        return Click(**given, frame=self.frame) if given else None


KINDS = ("fill", "select", "check", "uncheck", "click", "press", "wait_for", "upload", "scroll")
# A bare string after these keys is the common case written short: `click: Accept all cookies`.
SHORT = {"click": "text", "press": "key", "wait_for": "text", "scroll": "to", "check": "label",
         "uncheck": "label"}


class Action(Strict):
    """One thing the customer does on the page. Exactly one of the keys below."""

    fill: Fill | None = Field(None, description="type into a field: {label: Your name, value: Jane}")
    select: Select | None = Field(None, description="choose in a drop-down: {label: Topic, option: Delivery}")
    check: Tick | None = Field(None, description="tick a checkbox: {label: I agree} (or just: I agree)")
    uncheck: Tick | None = Field(None, description="untick a checkbox")
    click: Click | None = Field(None, description="click: {text: Continue}, {role: button, label: Next}, "
                                                  "{selector: …}; `submit: true` on the click that sends")
    press: Press | None = Field(None, description="press a key: Enter, or {key: Enter, label: Search}")
    wait_for: WaitFor | None = Field(None, description="wait for words or an element: {text: Step 2, within: 10s}")
    upload: Upload | None = Field(None, description="attach a file: {label: Attachment, file: receipt.pdf}")
    scroll: Scroll | None = Field(None, description="scroll: bottom, top, or {text: …} into view")

    @model_validator(mode="before")
    @classmethod
    def _short(cls, data):
        if isinstance(data, dict):
            data = {k: ({SHORT[k]: v} if k in SHORT and isinstance(v, str) else v) for k, v in data.items()}
        return data

    @model_validator(mode="after")
    def _one_kind(self) -> "Action":
        given = [k for k in KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"an action is exactly one of {', '.join(KINDS)}"
                             + (f" (got {' and '.join(given)})" if given else ""))
        return self

    @property
    def kind(self) -> str:
        return next(k for k in KINDS if getattr(self, k) is not None)

    @property
    def sends(self) -> bool:
        return self.click is not None and self.click.submit


def _either(names) -> str:
    names = list(names)
    return ", ".join(names[:-1]) + " or " + names[-1]


def from_fields(fields) -> list[Action]:
    """The short form: each of a step's `fields:` as the fill or check action it stands for."""
    out = []
    for f in fields:
        where = {k: getattr(f, k) for k in ("label", "placeholder", "name", "selector") if getattr(f, k) is not None}
        if f.check is not None:
            out.append(Action(**{"check" if f.check else "uncheck": Tick(**where)}))
        else:
            out.append(Action(fill=Fill(**where, value=f.value)))
    return out


# --- finding elements at run time -----------------------------------------------------------------

# What each candidate is called, by the same rules Playwright matched it on, plus whether it shows.
NAMES_JS = """(els, how) => els.map(e => {
  const norm = s => (s || '').replace(/\\s+/g, ' ').trim();
  const bare = el => { const c = el.cloneNode(true);
      c.querySelectorAll('input, select, textarea, button, script, style').forEach(x => x.remove());
      return norm(c.textContent); };
  const names = [];
  const byIds = ids => ids.split(/\\s+/).map(id => document.getElementById(id)).filter(Boolean).map(bare).join(' ');
  if (how === 'placeholder') names.push(norm(e.getAttribute('placeholder')));
  else if (how === 'text') names.push(norm(e.tagName === 'INPUT' ? e.value : (e.innerText || e.textContent)));
  else {
    if (e.getAttribute('aria-labelledby')) names.push(norm(byIds(e.getAttribute('aria-labelledby'))));
    if (e.getAttribute('aria-label')) names.push(norm(e.getAttribute('aria-label')));
    for (const l of (e.labels || [])) names.push(bare(l));
    if (how === 'role') {
      names.push(norm(e.innerText || e.textContent));
      if (e.value && /^(submit|button|reset)$/i.test(e.type || '')) names.push(norm(e.value));
      if (e.getAttribute('title')) names.push(norm(e.getAttribute('title')));
    }
  }
  const style = getComputedStyle(e);
  const shown = !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length) && style.visibility !== 'hidden';
  const kind = e.tagName.toLowerCase() + (e.type && e.tagName === 'INPUT' ? '[type=' + e.type + ']' : '');
  // Which element this is, across reads, without touching the page's DOM.
  const ids = window.__probesIds || (window.__probesIds = new WeakMap());
  if (!ids.has(e)) ids.set(e, (window.__probesNextId = (window.__probesNextId || 0) + 1));
  return {names: names.filter(Boolean), shown, kind, id: ids.get(e)};
})"""
# A read of candidates, with when it was made and when the frame's DOM last changed (WATCH_JS), both on
# the frame's own clock: a pick made earlier still holds if the DOM has not changed since.
READ_JS = ("(els, [how, n]) => ({found: (" + NAMES_JS + ")(els.slice(0, n), how), now: performance.now(), "
           "changed: typeof window.__probesChanged === 'number' ? window.__probesChanged : null})")
LEVELS = ("the whole label", "whole words", "part of a word")
MAX_CANDIDATES = 30   # per frame; more than this many matches is a finder far too loose to pick from


def normalise(text: str) -> str:
    """A label as compared: case, spaces, required/optional markers and a trailing colon ignored."""
    text = re.sub(r"\((?:required|optional)\)|\*", " ", text, flags=re.I)
    return " ".join(text.split()).strip(" :").casefold()


def level(wanted: str, names: list[str]) -> int:
    """0: a name is the whole of `wanted`; 1: it holds it as whole words; 2: only as part of a word."""
    want = normalise(wanted)
    best = 2   # Playwright matched it on a substring, even where our reading of its name differs
    for name in map(normalise, names):
        if name == want:
            return 0
        if want and re.search(r"(?<!\w)" + re.escape(want) + r"(?!\w)", name):
            best = 1
    return best


class Candidate:
    def __init__(self, frame, locator, names: list[str], shown: bool, kind: str, level: int, id: int = 0):
        self.frame, self.locator, self.names, self.shown, self.kind, self.level = (
            frame, locator, names, shown, kind, level)
        self.id = id   # the element's number in its frame (NAMES_JS), the same across reads

    def describe(self, main) -> str:
        name = f"'{self.names[0]}'" if self.names else "(no label)"
        where = "" if self.frame is main else f" in the frame at {self.frame.url}"
        return f"{name} ({self.kind}{'' if self.shown else ', hidden'}{where})"


class Ambiguous(Exception):
    def __init__(self, tied: list[Candidate]):
        self.tied = tied


def _locator(frame, find: Find):
    kind, what = find.how()
    if kind == "label" and (role := getattr(find, "role", None)):
        return frame.get_by_role(role, name=what), "role"
    if kind == "label":
        return frame.get_by_label(what), "label"
    if kind == "placeholder":
        return frame.get_by_placeholder(what), "placeholder"
    if kind == "text":
        return frame.get_by_text(what), "text"
    if kind == "name":
        return frame.locator(f"[name={_css_string(what)}]"), None
    return frame.locator(what), None


def _css_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


async def _candidates(frame, find: Find, unread: list | None = None,
                      stamps: dict | None = None) -> list[Candidate]:
    """The elements in frame that find matches; a frame that cannot be read is added to unread.

    stamps[frame] becomes (when the first read of the frame was made, when its DOM last changed as of
    this read), if given: on the frame's own clock.
    """
    loc, how = _locator(frame, find)
    try:
        # By name="" or selector the scenario points at one element: the first, as a browser's querySelector.
        arg = ["label", 1] if how is None else [how, MAX_CANDIDATES]
        read = await untraced(loc, lambda: loc.evaluate_all(READ_JS, arg))
        infos = read["found"]
        if stamps is not None:   # reads may overlap: the earliest read, the latest change seen
            first, last = stamps.get(frame, (read["now"], read["changed"]))
            changed = None if None in (last, read["changed"]) else max(last, read["changed"])
            stamps[frame] = (min(first, read["now"]), changed)
        if how is None:
            return [Candidate(frame, loc.first, i["names"], i["shown"], i["kind"], 0, i["id"]) for i in infos]
    except Exception as exc:  # noqa: BLE001 - a frame that went away or never loaded holds nothing
        if bad_selector(exc):
            raise ProberError(f"the scenario does not fit the page: '{find.how()[1]}' is not a CSS selector "
                              f"({first_line(exc)}); nothing was sent", nothing_sent=True) from exc
        if unread is not None and not frame.is_detached():
            unread.append(frame.url)
        return []
    return [Candidate(frame, loc.nth(i), info["names"], info["shown"], info["kind"],
                      level(find.how()[1], info["names"]), info["id"]) for i, info in enumerate(infos)]


def bad_selector(exc: BaseException) -> bool:
    """Did Playwright or the browser refuse a CSS selector (the scenario's mistake, not the page's)?"""
    text = str(exc)
    return "while parsing css selector" in text or "is not a valid selector" in text


def pick(found: list[Candidate]) -> Candidate | None:
    """The one element a customer would mean: the best level; among equals, the only one shown.

    Raises Ambiguous when several match equally well and more than one (or none) of them shows.
    """
    if not found:
        return None
    best = min(c.level for c in found)
    tied = [c for c in found if c.level == best]
    if len(tied) == 1:
        return tied[0]
    shown = [c for c in tied if c.shown]
    if len(shown) == 1:
        return shown[0]
    raise Ambiguous(shown or tied)


class Frames:
    """Which frames to look in: a step's `frame:`, else the form's frame once known, else all of them."""

    def __init__(self, page, step_frame: str | None):
        self.page = page
        self.step_frame = step_frame
        self.form = None   # the frame the form's fields were found in
        self.stamps: dict = {}   # frame -> (first read, DOM last changed), see _candidates

    async def named(self, spec: str):
        """The frame `spec` names (a CSS selector of an <iframe>, else part of its URL), or None."""
        if spec == TOP:
            return self.page.main_frame
        for frame in self.page.frames:   # the selector may point into a frame inside a frame
            try:
                handles = await frame.query_selector_all(spec)
            except Exception:  # noqa: BLE001 - not CSS: it is part of an address
                break
            for h in handles:
                if (inner := await h.content_frame()) is not None:
                    return inner
        return next((f for f in self.page.frames if f is not self.page.main_frame and spec in f.url), None)

    async def search_order(self, spec: str | None) -> list[list]:
        """Groups of frames to look in, in order: a group with a match ends the search."""
        spec = spec or self.step_frame
        if spec:
            frame = await self.named(spec)
            return [[frame]] if frame is not None else []
        frames = [f for f in self.page.frames if not f.is_detached()]
        if self.form is not None and self.form in frames:
            return [[self.form], frames]
        return [frames]

    def describe(self, frame) -> str:
        if frame is self.page.main_frame:
            return "the page itself"
        return f"the frame at {frame.url}" + (f" (named '{frame.name}')" if frame.name else "")


async def find(frames: Frames, target: Find) -> tuple[Candidate | None, str | None]:
    """(the element target means, None); (None, why) when nothing matches, why saying what could not be
    looked at (None when everything was); or raises Ambiguous."""
    groups = await frames.search_order(target.frame)
    if not groups:
        return None, f"{NO_FRAME} '{target.frame or frames.step_frame}'"
    unread: list[str] = []
    for group in groups:
        found = [c for frame in group for c in await _candidates(frame, target, unread, frames.stamps)]
        if found:
            return pick(found), None
    # A frame that could not be read may hold it: that is not proof of absence.
    return None, (f"the frame at {unread[0]} could not be read" if unread else None)


async def locate(frames: Frames, target: Find, timeout_s: float, settle) -> tuple[Candidate | None, str | None]:
    """Look for target until it shows or timeout_s passes; then, if the page settles, once more.

    Returns (candidate, None), or (None, why) where why is None when the page had settled without it
    (it is truly absent), else what kept the prober from telling. Raises ProberError for two equally
    good matches (the scenario does not fit the page).
    """
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            cand, unseen = await find(frames, target)
        except Ambiguous:
            # A page still building may show two for a moment: judge the settled page.
            await settle()
            try:
                cand, unseen = await find(frames, target)
            except Ambiguous as tie2:
                raise ProberError(_ambiguity(frames, target, tie2.tied), nothing_sent=True) from None
        if cand is not None:   # a hidden one is waited for by the action itself, up to its own limit
            return cand, None
        if time.monotonic() >= deadline:
            break
        await asyncio.sleep(0.2)
    why = await settle()
    try:
        cand, unseen = await find(frames, target)
    except Ambiguous as tie:
        raise ProberError(_ambiguity(frames, target, tie.tied), nothing_sent=True) from None
    if cand is not None:
        return cand, None
    return None, why or unseen


class Together:
    """The short form's fields, their labels read all at once before the first is filled.

    One round of reads instead of one before each field (a web_form step was 5-10 % slower than a
    hand-written script for it). Each field gets the element ``find`` would have picked: the same
    candidates, levels and ties, the form's frame first once the first field found it. A field the read
    cannot settle (nothing matches yet, a tie, a frame that could not be read, a field with its own
    ``frame:``) and every field after it are looked for one by one as before. The picks stand for the
    page as it was read; ``check`` proves that filling did not change which elements they mean.
    """

    def __init__(self) -> None:
        self.picks: list[tuple[Find, Candidate]] = []
        self.read_at: dict = {}   # frame -> its clock when the fields were read

    @classmethod
    async def read(cls, frames: Frames, targets: list[Find]) -> "Together":
        together = cls()
        groups = await frames.search_order(None)
        if len(groups) != 1 or any(t.frame for t in targets):
            return together
        group = groups[0]
        stamps: dict = {}
        unread: list[list] = [[] for _ in targets]
        reads = await asyncio.gather(*(_candidates(f, t, unread[k], stamps) for k, t in enumerate(targets)
                                       for f in group), return_exceptions=True)
        together.read_at = {f: now for f, (now, _changed) in stamps.items()}
        form = frames.form
        for k, target in enumerate(targets):
            per_frame = reads[k * len(group):(k + 1) * len(group)]
            if unread[k] or any(isinstance(r, BaseException) for r in per_frame):
                break   # looked for one by one, with its own waiting and errors
            by_frame = dict(zip(group, per_frame, strict=True))
            found: list[Candidate] = []
            for g in ([[form], group] if form in group else [group]):   # as Frames.search_order
                if found := [c for f in g for c in by_frame[f]]:
                    break
            try:
                cand = pick(found)
            except Ambiguous:
                break
            if cand is None or cand.frame not in together.read_at:
                break
            together.picks.append((target, cand))
            form = form or cand.frame
        return together

    def get(self, k: int) -> Candidate | None:
        return self.picks[k][1] if k < len(self.picks) else None

    async def check(self, frames: Frames) -> None:
        """After the fields were filled: if a frame they are in changed since the read, read each field
        again; a field that now means another element is a ProberError (nothing was sent).

        Uses frames.stamps of reads made after the filling (the send button's), else reads the frame's.
        """
        from .web_form import _closed

        changed = False
        for frame in {id(c.frame): c.frame for _t, c in self.picks}.values():
            if frame in frames.stamps:
                last = frames.stamps[frame][1]
            else:
                try:
                    last = await untraced(frame, lambda f=frame: f.evaluate(
                        "() => typeof window.__probesChanged === 'number' ? window.__probesChanged : null"))
                except Exception as exc:  # noqa: BLE001 - a frame that cannot be read: read the fields again
                    if _closed(exc):
                        raise
                    last = None
            if last is None or last > self.read_at[frame]:
                changed = True
        if not changed:
            return
        for target, before in self.picks:
            try:
                now_cand, _unseen = await find(frames, target)
            except Ambiguous as tie:
                raise ProberError(_ambiguity(frames, target, tie.tied), nothing_sent=True) from None
            if now_cand is None or now_cand.frame is not before.frame or now_cand.id != before.id:
                main = frames.page.main_frame
                now_is = f"now means {now_cand.describe(main)}" if now_cand else "now matches nothing"
                raise ProberError(f"the form changed while it was being filled: {target.describe()} meant "
                                  f"{before.describe(main)} when the labels were read, but {now_is}; could not "
                                  "tell which field a customer would fill; nothing was sent. Written as actions: "
                                  "(fill: ...), each field is looked for after the one before it is filled",
                                  nothing_sent=True)


def _ambiguity(frames: Frames, target: Find, tied: list[Candidate]) -> str:
    kind, what = target.how()
    lvl = LEVELS[tied[0].level] if kind in ("label", "placeholder", "text") else "the same way"
    listed = "; ".join(c.describe(frames.page.main_frame) for c in tied[:6])
    return (f"the scenario does not fit the page: {target.describe()} matches {len(tied)} elements equally well "
            f"({lvl}): {listed}. " + ("Write the element's whole label, or find" if tied[0].level else "Find")
            + " it by placeholder, name or selector"
            + ("" if len({id(c.frame) for c in tied}) == 1 else ", or name its frame with frame:")
            + "; nothing was sent")


# --- doing the actions ----------------------------------------------------------------------------

FIELD_KINDS = ("fill", "select", "check", "uncheck", "upload")
DEFAULT_SEND = "form button[type=submit], form input[type=submit], form button:not([type])"


class Send:
    """The element whose click sends the form, and where it is."""

    def __init__(self, locator, which: str, frame):
        self.locator, self.which, self.frame = locator, which, frame


def send_target(step) -> tuple[Click, str]:
    """The click that sends the form: an action with submit: true, the step's submit:, or the form's button."""
    marked = [a.click for a in step.actions or [] if a.sends]
    if marked:
        return marked[0], marked[0].describe()
    if step.submit and step.submit.text:
        return Click(role="button", label=step.submit.text), f"button '{step.submit.text}'"
    if step.submit:
        return Click(selector=step.submit.selector), f"send button at '{step.submit.selector}'"
    return Click(selector=DEFAULT_SEND), "submit button in a form"


async def before_submit(step, ctx, page, out, attempt, settings) -> Send | None:
    """Do the step's actions (or fill its fields), then find the send button; None if a finding ended it.

    Raises ProberError (nothing sent) when the scenario does not fit the page or the prober could not tell.
    """
    from . import web_form as wf

    action_s = settings.action_timeout_s
    frames = Frames(page, step.frame)

    async def settle() -> str | None:
        # Long enough to see QUIET_S of calm even when the action's own limit was tiny; short, as it adds up.
        return await wf._settled(page, attempt, min(max(action_s, 3 * wf.QUIET_S), 10.0))

    async def missing(title: str, desc: str, why: str | None, exc: BaseException | None = None) -> None:
        if why and why.startswith(NO_FRAME):
            raise ProberError(f"the scenario does not fit the page: {why}, where it looks for {desc}; "
                              "nothing was sent", nothing_sent=True)
        if why:
            raise ProberError(f"could not tell whether the page has {desc}: it was not on the page, but {why}; "
                              f"nothing was sent; {wf._prober_hint(settings)}", nothing_sent=True)
        proof = (f"The page had finished loading (load event fired, no request under way, no change for "
                 f"{wf.QUIET_S:g} s) and no element on it matches")
        out.findings.append(Finding("web_form.field_missing", "major", title,
                                    f"{proof} {desc}. The journey could not go on; the form may have changed.",
                                    first_line(exc) if exc else f"{desc}: no match"))
        await wf._screenshot(ctx, page, out, "before", "Form as found", action_s * 1000)

    actions = step.actions or from_fields(step.fields)
    # The short form's fields are only filled in: their labels are read together (see Together).
    together = (await Together.read(frames, [getattr(a, a.kind) for a in actions])
                if not step.actions and len(actions) > 1 else Together())
    for k, action in enumerate(actions):
        if action.sends:
            break
        if not await _do(action, ctx, page, frames, out, attempt, settings, settle, missing, together.get(k)):
            return None
    target, which = send_target(step)
    frames.stamps.clear()   # from here: reads made after the filling, for together.check
    cand, why = await locate(frames, target, action_s, settle)
    if together.picks:
        await together.check(frames)
    if cand is None:
        await missing("The form's send button was not found", f"a {which}", why)
        return None
    if frames.form is None:
        frames.form = cand.frame
        out.observations["form_frame"] = frames.describe(cand.frame)
    return Send(cand.locator, which, cand.frame)


async def _do(action: Action, ctx, page, frames: Frames, out, attempt, settings, settle, missing,
              found: Candidate | None = None) -> bool:
    """One action; False when it found something missing (a finding is recorded). found: its element,
    already picked (Together)."""
    from . import web_form as wf

    action_ms = settings.action_timeout_s * 1000
    kind = action.kind
    spec = getattr(action, kind)
    if kind == "wait_for":
        return await _wait_for(spec, ctx, frames, settle, missing)
    if kind == "scroll" and spec.to is not None:
        named = spec.frame or frames.step_frame
        frame = (await frames.named(named) if named else frames.form) or page.main_frame
        await frame.evaluate("b => window.scrollTo(0, b ? document.documentElement.scrollHeight : 0)",
                             spec.to == "bottom")
        return True
    target = spec.target() if kind in ("press", "scroll") else spec
    if target is None:   # a key pressed wherever the focus is
        await page.keyboard.press(spec.key)
        return True
    field = kind in FIELD_KINDS
    desc = f"a field with {target.describe()}" if field else f"an element with {target.describe()}"
    cand, why = ((found, None) if found is not None
                 else await locate(frames, target, settings.action_timeout_s, settle))
    if cand is None:
        title = (f"The form has no field with {target.describe()}" if field
                 else f"The page has no element with {target.describe()}")
        await missing(title, desc, why)
        return False
    if field and frames.form is None:
        frames.form = cand.frame
        out.observations["form_frame"] = frames.describe(cand.frame)
    loc = cand.locator
    try:
        if kind == "fill":
            await wf._fill(loc, ctx.render(spec.value), action_ms)
        elif kind == "select":
            await loc.select_option(label=ctx.render(spec.option), timeout=action_ms)
        elif kind in ("check", "uncheck"):
            await loc.set_checked(kind == "check", timeout=action_ms)
        elif kind == "upload":
            await loc.set_input_files(spec.file, timeout=action_ms)
        elif kind == "click":
            await loc.click(timeout=action_ms)
        elif kind == "press":
            await loc.press(spec.key, timeout=action_ms)
        else:  # scroll to an element
            await loc.scroll_into_view_if_needed(timeout=action_ms)
    except Exception as exc:  # noqa: BLE001 - playwright raises its own Error/TimeoutError
        if wf._closed(exc) or attempt.page_crashed:
            raise
        absent, why = await wf._absent(page, loc, attempt, settings, exc)
        if not absent:
            raise ProberError(f"could not tell whether the page has {desc}: {why} ({first_line(exc)}); "
                              f"nothing was sent; {wf._prober_hint(settings)}", nothing_sent=True) from exc
        await missing(f"The form has no field with {target.describe()}" if field
                      else f"The page has no element with {target.describe()}", desc, None, exc)
        return False
    return True


async def _wait_for(spec: WaitFor, ctx, frames: Frames, settle, missing) -> bool:
    """Wait up to spec.within for words or an element to show in the page or its frames."""
    text = ctx.render(spec.text) if spec.text is not None else None

    unread: list[str] = []

    async def shows() -> bool:
        unread.clear()
        for group in await frames.search_order(spec.frame):
            for frame in group:
                loc = frame.get_by_text(text) if text is not None else frame.locator(spec.selector)
                try:
                    if await loc.filter(visible=True).count():
                        return True
                except Exception as exc:  # noqa: BLE001 - a frame going away mid-look
                    if bad_selector(exc):
                        raise ProberError(f"the scenario does not fit the page: '{spec.selector}' is not a "
                                          f"CSS selector ({first_line(exc)}); nothing was sent",
                                          nothing_sent=True) from exc
                    if not frame.is_detached():
                        unread.append(frame.url)
        return False

    deadline = time.monotonic() + spec.within
    while time.monotonic() < deadline:
        if await shows():
            return True
        await asyncio.sleep(0.2)
    why = await settle()
    if await shows():
        return True
    if why is None and unread:   # a frame that could not be read may show it: not proof it is absent
        why = f"the frame at {unread[0]} could not be read"
    if why is None and not await frames.search_order(spec.frame):
        why = f"{NO_FRAME} '{spec.frame or frames.step_frame}'"
    await missing(f"The page never showed {spec.describe()}", f"{spec.describe()} within {spec.within:g} s", why)
    return False


class FormFrame:
    """The frame a form was sent from, as the page to watch for the outcome.

    Everything goes to the form's frame, or to the page once that frame has gone (a form that posts to the
    whole window). A confirmation the page around the frame shows (a toast outside an embedded form) counts
    too, unless it was already showing before the click; errors are judged only inside the form's frame.
    """

    def __init__(self, page, frame, confirmed_js: str, args: list, page_already: bool):
        self.page, self.frame = page, frame
        self._confirmed_js, self._args, self._page_already = confirmed_js, args, page_already

    @classmethod
    async def watch(cls, page, frame, confirmed_js: str, expect) -> "FormFrame":
        args = [expect.text, expect.text_pattern, expect.url]
        try:
            already = bool(await page.evaluate(confirmed_js, args))
        except Exception:  # noqa: BLE001 - a page that cannot say: its own words never count
            already = True
        return cls(page, frame, confirmed_js, args, already)

    def _now(self):
        return self.page if self.frame.is_detached() else self.frame

    def __getattr__(self, name):
        return getattr(self._now(), name)

    async def wait_for_function(self, expression, *, arg=None, timeout=None, polling=None):
        try:
            return await self._now().wait_for_function(expression, arg=arg, timeout=timeout, polling=polling)
        except Exception:
            if self.frame.is_detached():   # it went away while watched: the page holds the outcome now
                return await self.page.wait_for_function(expression, arg=arg, timeout=timeout, polling=polling)
            if not self._page_already and (shown := await self._page_confirms()):
                return _Value(shown)
            raise

    async def _page_confirms(self) -> dict | None:
        try:
            return await self.page.evaluate(
                "a => (" + self._confirmed_js + ")(a) ? {state: 'confirmed', body: document.body.innerText, "
                "main: (document.querySelector('main') || {}).innerText || ''} : null", self._args)
        except Exception:  # noqa: BLE001 - navigating: look again on the next round
            return None


class _Value:
    """What wait_for_function's handle gives, for a result read another way."""

    def __init__(self, value):
        self.value = value

    async def json_value(self):
        return self.value
