"""chat: a customer opens the website's chat widget and holds a conversation.

Open the page, open the widget (through an iframe and shadow DOM: Playwright's
CSS selectors pierce open shadow roots), wait until the customer can type,
then take the scripted turns: say something, wait for a reply that should
mention what a real answer mentions. Optionally ask for a person and wait for
one. Who is speaking is read from the widget's markup (selectors from a preset
in ``chat_widgets/<name>.yaml`` or given in the scenario), with a fallback on
how people introduce themselves. Every message is recorded with the moment it
appeared.

Timing rules (so a greeting is never taken for an answer):
- Before the first turn the widget must *settle*: no new message and no
  typing indicator for ``settle_quiet``, waited for at most ``settle_within``.
  What the company says before the customer's first message is the greeting.
- A reply is a message that appeared (by the page's own stamp) at or after the
  moment the customer's message was sent, and was not already taken as the
  reply to an earlier turn. Its time runs from the customer's message
  appearing in the chat (the widget's echo; the send when there is none).
- A time below zero means the page's stamps contradict each other: the prober
  cannot tell, so it is a ProberError, never a figure or a finding.
"""
from __future__ import annotations

import asyncio
import bisect
import datetime as dt
import json
import re
import time
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, field_validator, model_validator

from ..browser import StepTrace, open_page, untraced
from ..durations import Duration, format_duration
from ..netguard import NetGuard
from ..results import FAILING, Evidence, Finding, Outcome, ProberError, first_line, utcnow
from ..steps import MustMention, Regex, StepBase, Strict
from .console import ConsoleLog

USES_BROWSER = True
PRESETS_DIR = Path(__file__).parent / "chat_widgets"
# A person usually says who they are; a bot rarely does.
PERSON_PATTERN = re.compile(r"\b(my name is|this is [A-Z][a-z]+|I'?m [A-Z][a-z]+ from|speaking with [A-Z])", re.I)
POLL_S = 0.1
# A reply whose words have not changed for this long is whole (replies streamed in word by word).
STILL_S = 0.5
# Stamps are whole milliseconds (Date.now()); a message stamped in the same millisecond as the send counts as after it.
STAMP_SLACK_S = 0.001

# Installed in every frame before the page's own scripts: stamps each element with the moment it
# appeared (epoch ms), also inside shadow roots, so reply times do not depend on how often we look.
STAMP_JS = """(() => {
  const stamp = n => {
    if (n.nodeType !== 1 || n.__probesSeen) return;
    const now = Date.now();
    n.__probesSeen = now;
    for (const c of n.querySelectorAll('*')) if (!c.__probesSeen) c.__probesSeen = now;
  };
  const watch = root => new MutationObserver(ms => {
    for (const m of ms) for (const n of m.addedNodes) stamp(n);
  }).observe(root, {childList: true, subtree: true});
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) { const r = attach.call(this, init); watch(r); return r; };
  watch(document);
})();"""


class WidgetSelectors(Strict):
    """Where the widget's parts are. Everything but input and message is optional."""

    launcher: str | None = Field(None, description="the button that opens the chat")
    start: str | None = Field(None, description="a button to press after opening, when the widget shows a home "
                                                "screen first (e.g. 'Send us a message', 'New conversation')")
    frame: str | None = Field(None, description="the iframe that holds the chat, if any")
    input: str | None = Field(None, description="where the customer types")
    send: str | None = Field(None, description="the send button (default: press Enter)")
    message: str | None = Field(None, description="every message in the conversation")
    typing: str | None = Field(None, description="the typing indicator ('… is typing'); never a message")
    text: str | None = Field(None, description="the text inside a message (default: all of it)")
    customer: str | None = Field(None, description="matches the customer's own messages")
    bot: str | None = Field(None, description="matches a bot's messages")
    agent: str | None = Field(None, description="matches a person's messages")
    offline: str | None = Field(None, description="the 'leave a message' form shown when nobody is online")


def presets() -> list[str]:
    return sorted(p.stem for p in PRESETS_DIR.glob("*.yaml"))


def load_preset(name: str) -> WidgetSelectors:
    return WidgetSelectors.model_validate(yaml.safe_load((PRESETS_DIR / f"{name}.yaml").read_text()))


class Turn(Strict):
    """One thing the customer says, and what the reply should contain."""

    say: str
    expect: Regex | None = Field(None, description="a regular expression a good reply matches (case-insensitive)")
    within: Duration = Field(30.0, description="how long the customer waits for a reply")



class Handover(Strict):
    """Ask for a person, and how long the customer waits for one."""

    ask: str = "Can I talk to a person, please? (agent)"
    within: Duration = 120.0
    grace: Duration | None = Field(None, description="how long to keep watching after `within` for a person who "
                                                     "comes late (default: half of within)")

    def grace_s(self) -> float:
        """The watch after the deadline: a person in it came late (chat.late_handover), after it not at all."""
        return self.grace if self.grace is not None else self.within / 2


class ChatStep(StepBase):
    channel: Literal["chat"]
    url: str = Field(description="the page with the chat widget")
    widget: str | None = Field(None, description="a preset: " + ", ".join(presets()))
    selectors: WidgetSelectors = Field(default_factory=WidgetSelectors,
                                       description="custom selectors, or overrides of the preset's")
    ready_within: Duration = Field(15.0, description="how long the widget may take to become usable")
    settle_quiet: Duration = Field(2.0, description="before the first turn: how long the widget must show no new "
                                                    "message and no typing indicator to count as settled")
    settle_within: Duration = Field(10.0, description="the longest wait for the widget to settle (after it became "
                                                      "usable); then the chat goes on and says so")
    turns: list[Turn] = Field(default_factory=list)
    handover: Handover | None = None
    must_mention: MustMention = Field(default_factory=list, description="what a real answer mentions: words, a "
                                      "/regex/, or a list of those meaning any of them; checked on the company's "
                                      "replies in the chat together, and on later answers from a person")

    @field_validator("widget")
    @classmethod
    def _preset(cls, v: str | None) -> str | None:
        if v is not None and v not in presets():
            raise ValueError(f"unknown widget preset '{v}'; presets: {', '.join(presets())}")
        return v

    @model_validator(mode="after")
    def _enough(self) -> "ChatStep":
        chosen = self.resolved()
        missing = [k for k in ("input", "message") if getattr(chosen, k) is None]
        if missing:
            raise ValueError(f"the widget's {' and '.join(missing)} selector is needed: name a preset "
                             "(widget: …) or give selectors")
        if not self.turns and self.handover is None:
            raise ValueError("give turns, a handover, or both")
        return self

    def resolved(self) -> WidgetSelectors:
        """The preset's selectors with the scenario's on top."""
        base = load_preset(self.widget).model_dump() if self.widget else {}
        base.update({k: v for k, v in self.selectors.model_dump().items() if v is not None})
        return WidgetSelectors.model_validate(base)

    def template_fields(self) -> dict[tuple, str]:
        out: dict[tuple, str] = {("url",): self.url}
        for i, t in enumerate(self.turns):
            out[("turns", i, "say")] = t.say
        return out

    def destination(self) -> str:
        return self.url

    def waits_s(self) -> float:
        """The longest the conversation itself may wait: ready, settling (before the first message, while the
        company types before each later one, and at the end), every turn, the hand-over and its grace."""
        handover = self.handover.within + self.handover.grace_s() if self.handover else 0.0
        settling = self.settle_within * (len(self.turns) + 2)
        # Each reply may take up to its within to arrive and as long again to finish streaming in.
        return self.ready_within + settling + 2 * (sum(t.within for t in self.turns) + handover)


Params = ChatStep  # the name every channel module exports


def budget_s(step: ChatStep, ctx) -> float:
    """The step's hard ceiling: the browser's usual allowance plus every wait the scenario allows."""
    from ..runner import step_budget_s  # here, not at the top: the runner imports the channels

    return step_budget_s(step, ctx.browser_session.settings) + step.waits_s()


# Reads the messages: [id, author, text, stamp] for each one not read before, with the author from the markup
# ('' when it does not say), and [id, '', text, -1] for one read before whose words have changed since (a
# reply streamed in word by word). A typing indicator is never a message, even when the message selector
# matches it; a bubble without words yet (a typing bubble, or one filled in later) is left for a later look,
# and its stamp (when the element appeared) is then not when its words did: 0 says "use the time of the
# look". A message drawn again (a widget that re-renders its whole list) takes the place of the one whose
# element went away, instead of being new.
READ_JS = """(els, s) => {
  const m = (e, sel) => { try { return !!sel && e.matches(sel); } catch (_) { return false; } };
  const words = e => {
    if (s.typing) { try { if (e.matches(s.typing) || e.closest(s.typing)) return ''; } catch (_) {} }
    const t = s.text ? e.querySelector(s.text) : null;
    let text = ((t || e).innerText || '').trim();
    if (text && s.typing) {
      try {
        for (const ty of (t || e).querySelectorAll(s.typing)) {
          const typed = (ty.innerText || '').trim();
          if (typed) text = text.replace(typed, '').trim();
        }
      } catch (_) {}
    }
    return text;
  };
  const read = window.__probesMessages || (window.__probesMessages = []);
  const out = [];
  for (const r of read) {
    if (!r.el.isConnected) continue;
    const text = words(r.el);
    if (text && text !== r.text) { r.text = text; out.push([r.id, '', text, -1]); }
  }
  for (const e of els) {
    if (e.__probesRead) continue;
    const text = words(e);
    if (!text) { e.__probesBlank = true; continue; }
    e.__probesRead = true;
    const author = m(e, s.customer) ? 'customer' : m(e, s.agent) ? 'agent' : m(e, s.bot) ? 'bot' : '';
    const again = read.find(r => !r.el.isConnected && r.author === author && r.text === text);
    if (again) { again.el = e; continue; }
    read.push({id: read.length, author, text, el: e});
    out.push([read.length - 1, author, text, e.__probesBlank ? 0 : (e.__probesSeen || 0)]);
  }
  return out;
}"""

# The typing indicators shown now: [how many, the first one's words, the latest stamp among them].
TYPING_JS = """els => {
  const shown = els.filter(e => e.checkVisibility
    ? e.checkVisibility({opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true})
    : e.getClientRects().length > 0);
  return [shown.length, shown.length ? (shown[0].innerText || '').trim().slice(0, 200) : '',
          Math.max(0, ...shown.map(e => e.__probesSeen || 0))];
}"""


class Transcript:
    """Every message and typing indicator, with when it appeared (seconds since the page was opened).

    ``messages`` is kept in order of those times. A message taken as a reply carries ``reply_to`` (the turn's
    number, or ``"handover"``); the company's messages before the customer's first one carry ``greeting``;
    the typing indicator's comings and goings are entries with the author ``typing``.
    """

    def __init__(self, root, selectors: WidgetSelectors, t0: float):
        # t0: time.time() when the page was opened; message times are seconds after it.
        self.root, self.sel, self.t0 = root, selectors, t0
        self.messages: list[dict] = []
        self.said: set[str] = set()   # what the customer typed: its echo is not a reply
        self.typing = False           # a typing indicator is shown (as of the last look)
        self.changes = 0              # new messages and typing changes seen so far (for settling)
        self.looked_at_s = 0.0
        self._by_id: dict[int, dict] = {}   # the page's number for each message (READ_JS) -> its entry
        self._guessed: set[int] = set()     # messages whose author the markup does not say

    def _at(self, t_s: float) -> str:
        return dt.datetime.fromtimestamp(self.t0 + t_s, dt.timezone.utc).isoformat()

    def _add(self, entry: dict) -> None:
        bisect.insort(self.messages, entry, key=lambda m: m["t_s"])
        self.changes += 1

    async def poll(self) -> list[dict]:
        """Read the widget; return messages that appeared since the last look."""
        # The indicator first: a message shown as it goes away (in the same task) is then read in this look.
        # The prober's polling is its own business, not the customer's story: kept out of the trace.
        typing = None
        if self.sel.typing:
            shown = self.root.locator(self.sel.typing)
            typing = await untraced(shown, lambda: shown.evaluate_all(TYPING_JS))
        listed = self.root.locator(self.sel.message)
        rows = await untraced(listed, lambda: listed.evaluate_all(READ_JS, self.sel.model_dump()))
        previous_look, self.looked_at_s = self.looked_at_s, time.time() - self.t0
        new = []
        for msg_id, author, text, stamped_ms in rows:
            if stamped_ms < 0:  # words added to a message already read: it keeps the time it appeared
                if (entry := self._by_id.get(msg_id)) is not None:
                    entry["text"] = text
                    if msg_id in self._guessed and entry["author"] == "bot" and PERSON_PATTERN.search(text):
                        entry["author"] = "agent"  # the introduction came with the later words
                    self.changes += 1
                continue
            # The page's stamp (same clock) when it has one; else when we looked.
            seen_at = stamped_ms / 1000 - self.t0 if stamped_ms else self.looked_at_s
            if not author:  # the markup does not say: our own words, else people introduce themselves
                author = ("customer" if text in self.said else
                          "agent" if PERSON_PATTERN.search(text) else "bot")
                self._guessed.add(msg_id)
            entry = {"author": author, "text": text, "t_s": round(seen_at, 3), "at": self._at(seen_at)}
            self._by_id[msg_id] = entry
            self._add(entry)
            new.append(entry)
        if typing is not None and bool(typing[0]) != self.typing:
            self.typing = bool(typing[0])
            # A new indicator element carries its stamp; one that was only unhidden shows when we looked.
            stamped_s = typing[2] / 1000 - self.t0 if typing[2] else 0.0
            at_s = stamped_s if self.typing and stamped_s > previous_look else self.looked_at_s
            event = {"author": "typing", "text": "typing started" if self.typing else "typing stopped",
                     "t_s": round(at_s, 3), "at": self._at(at_s)}
            if self.typing and typing[1]:
                event["indicator"] = typing[1]
            self._add(event)
        return new

    async def reply_after(self, sent_s: float, pred, timeout_s: float) -> dict | None:
        """The earliest message not yet taken as a reply that appeared at or after sent_s and matches pred,
        waiting up to timeout_s for one; None if none came."""
        deadline = time.monotonic() + timeout_s
        while True:
            await self.poll()
            found = [m for m in self.messages if m["author"] in ("bot", "agent") and "reply_to" not in m
                     and m["t_s"] >= sent_s - STAMP_SLACK_S and pred(m)]
            if found:
                return found[0]  # messages are in order of appearance
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(POLL_S)

    async def until_still(self, message: dict, quiet_s: float, timeout_s: float) -> None:
        """Wait until the message's words have not changed for quiet_s (a reply streamed in word by word is
        judged whole), at most timeout_s."""
        deadline = time.monotonic() + timeout_s
        text, since = message["text"], time.monotonic()
        while True:
            await self.poll()
            now = time.monotonic()
            if message["text"] != text:
                text, since = message["text"], now
            if now - since >= quiet_s or now >= deadline:
                return
            await asyncio.sleep(POLL_S)

    def echo(self, text: str, sent_s: float) -> dict | None:
        """The customer's own message as the widget showed it: the first with these words after sent_s."""
        return next((m for m in self.messages if m["author"] == "customer" and m["text"] == text.strip()
                     and m["t_s"] >= sent_s - STAMP_SLACK_S), None)

    async def settle(self, quiet_s: float, within_s: float) -> bool:
        """Wait until nothing changes and no typing indicator shows for quiet_s, at most within_s.

        True when it settled, False when the bound was reached first."""
        start = quiet_since = time.monotonic()
        await self.poll()
        seen = self.changes
        while True:
            now = time.monotonic()
            if self.changes != seen:
                seen, quiet_since = self.changes, now
            if not self.typing and now - quiet_since >= quiet_s:
                return True
            if now - start >= within_s:
                return False
            await asyncio.sleep(POLL_S)
            await self.poll()


async def run(step: ChatStep, ctx) -> Outcome:
    """Chat like a customer; report what happened."""
    out = Outcome()
    sel = step.resolved()
    browser = await ctx.browser()
    # Safety: every request and connection of this context (the widget's WebSocket too) is held to the allowlist.
    guard = await NetGuard(ctx.target, "chat").start()
    try:
        context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale=ctx.locale,
                                            proxy=guard.proxy)
    except BaseException:
        await guard.close()
        raise
    await guard.attach(context)
    await context.add_init_script(STAMP_JS)
    console = ConsoleLog()   # sorted at the end: what breaks the widget is a finding, noise an observation
    errors = console.lines   # every error, for the finding that the widget did not load
    page = await open_page(context)
    def on_console(m) -> None:
        console.console(m)

    def on_response(r) -> None:
        if r.status >= 400:
            console.failed_response(r)
        else:
            console.response(r)

    page.on("console", on_console)
    page.on("pageerror", console.page_error)
    page.on("response", on_response)
    page.on("requestfailed", console.request_failed)
    trace = StepTrace(ctx.trace, ctx.evidence_path("trace.zip"))
    await trace.start(context)
    try:
        await _converse(step, ctx, sel, page, out, errors)
    finally:
        breaking, noise = console.split()
        if noise:   # a blocked font, a CSP notice, a missing favicon: the customer cannot see them
            out.observations["console_noise"] = noise
        if breaking and not any(f.check == "chat.widget_missing" for f in out.findings):
            out.findings.append(Finding("chat.console_error", "minor", "The page has errors in the browser console",
                                        f"{len(breaking)} error(s); parts of the page may not work.",
                                        "\n".join(breaking[:5])))
        await trace.stop(context, out)
        await context.close()
        await guard.close()
    # A block is the prober's doing: noted when the chat went well, else the step cannot be judged.
    guard.settle(out, passed=not any(f.severity in FAILING for f in out.findings), sent_at_s=None)
    return out


async def _shot(ctx, page, out: Outcome, name: str, label: str) -> None:
    path = ctx.evidence_path(f"{name}.png")
    try:
        await untraced(page, lambda: page.screenshot(path=str(path), timeout=5000))
        out.evidence.append(Evidence("screenshot", label, path))
    except Exception as exc:  # noqa: BLE001 - a missing screenshot must not hide a finding
        out.observations.setdefault("evidence_errors", []).append(str(exc))


async def _converse(step: ChatStep, ctx, sel: WidgetSelectors, page, out: Outcome, errors: list[str]) -> None:
    url = ctx.render(step.url)
    out.observations["url"] = url
    t0 = time.time()  # the clock the page's stamps use too
    try:
        response = await page.goto(url, wait_until="load", timeout=30000)
    except Exception as exc:  # noqa: BLE001
        out.findings.append(Finding("chat.widget_missing", "critical", "The page with the chat could not be opened",
                                    f"{url} did not load.", first_line(exc)))
        return
    if response is not None and response.status >= 400:
        out.findings.append(Finding("chat.widget_missing", "critical", f"The chat page answered HTTP {response.status}",
                                    f"A customer opening {url} gets an error page.", f"HTTP {response.status} {url}"))
        return
    deadline = time.perf_counter() + step.ready_within
    root = page
    try:
        if sel.launcher:
            await page.locator(sel.launcher).first.click(timeout=step.ready_within * 1000)
        if sel.frame:
            root = page.frame_locator(sel.frame).first
        # Ready: the customer can type, or the widget shows its offline form instead.
        wanted = root.locator(f"{sel.input}:not([disabled])")
        if sel.offline:
            wanted = wanted.or_(root.locator(sel.offline))
        if sel.start:
            # A home screen first: press its button when it shows; a widget that opens straight
            # into the conversation skips it.
            start = root.locator(sel.start)
            left = max(0.1, deadline - time.perf_counter())
            await wanted.or_(start).first.wait_for(state="visible", timeout=left * 1000)
            if not await wanted.first.is_visible() and await start.first.is_visible():
                await start.first.click(timeout=left * 1000)
        left = max(0.1, deadline - time.perf_counter())
        await wanted.first.wait_for(state="visible", timeout=left * 1000)
    except Exception as exc:  # noqa: BLE001
        await _shot(ctx, page, out, "widget", "The page without a working chat")
        out.findings.append(Finding("chat.widget_missing", "critical", "The chat widget did not load",
                                    f"Within {step.ready_within:g} s of opening the page, no chat a customer could use "
                                    "appeared.", "\n".join(errors[:5]) or first_line(exc)))
        return
    out.measurements["widget_load_s"] = time.time() - t0
    if sel.offline and await root.locator(sel.offline).count() and await root.locator(sel.offline).first.is_visible():
        await _shot(ctx, page, out, "offline", "Offline form instead of a chat")
        open_now = ctx.business_open()
        out.observations["reachable"] = False  # nobody to chat with
        out.findings.append(Finding(
            "chat.offline", "major" if open_now else "info",
            "Live chat is offline during business hours" if open_now else "Live chat is offline (outside business hours)",
            "Instead of a chat, the widget offers a 'leave a message' form"
            + (", although the company is open now." if open_now else "."),
            (await root.locator(sel.offline).first.inner_text())[:300]))
        return
    out.contacted = True
    out.sent_at = utcnow()
    transcript = Transcript(root, sel, t0)
    # Settle first: a greeting still on its way (often behind a typing indicator) must not be taken for
    # the answer to the customer's first question.
    settle_started = time.monotonic()
    settled = await transcript.settle(step.settle_quiet, step.settle_within)
    out.observations["settle_s"] = round(time.monotonic() - settle_started, 3)
    if not settled:
        out.observations["settle_note"] = (
            f"The widget had not settled within {step.settle_within:g} s (settle_within): "
            + ("a typing indicator was still shown" if transcript.typing else "new messages kept coming")
            + "; the chat went on, so a late greeting may have been taken for the first reply.")

    async def say(text: str) -> float:
        """Type and send; returns when it was sent, in seconds after the page was opened."""
        if transcript.said and not await transcript.settle(0.0, step.settle_within):
            # Like a customer, let the company finish typing its answer (in several bubbles, say) first.
            out.observations["settle_note"] = (out.observations.get("settle_note", "") + (
                f" A typing indicator still showed {step.settle_within:g} s (settle_within) before the "
                f"customer's message {text[:60]!r}; it was sent anyway.")).strip()
        transcript.said.add(text.strip())
        await root.locator(sel.input).first.fill(text)
        await transcript.poll()  # what is there now appeared before the customer's message
        sent = time.time() - t0
        if sel.send:
            await root.locator(sel.send).first.click()
        else:
            await root.locator(sel.input).first.press("Enter")
        return sent

    # (what was said, when it was sent, its reply, the turn's number or "handover"): timed once all is seen.
    asked: list[tuple[str, float, dict, int | str]] = []
    first_said_s: float | None = None
    replies_by_question: list[tuple[str, str]] = []
    for i, turn in enumerate(step.turns):
        said = ctx.render(turn.say)
        t_said = await say(said)
        first_said_s = t_said if first_said_s is None else first_said_s
        reply = await transcript.reply_after(t_said, lambda m: True, turn.within)
        if reply is not None:
            reply["reply_to"] = i + 1
            await transcript.until_still(reply, STILL_S, turn.within)
        await _shot(ctx, page, out, f"turn-{i + 1}", f"After turn {i + 1}")
        if reply is None:
            out.findings.append(Finding("chat.no_reply", "critical", f"No reply within {turn.within:g} s",
                                        "The customer wrote and nobody answered.", said))
            break
        asked.append((said, t_said, reply, i + 1))
        replies_by_question.append((said, reply["text"]))
        out.responses.append(reply["text"])
        if turn.expect and not re.search(turn.expect, reply["text"], re.I):
            out.findings.append(Finding("chat.unexpected_reply", "major", "The reply does not answer the question",
                                        f"Asked: {said!r}; a real answer mentions /{turn.expect}/.", reply["text"][:300]))
    # The same answer to different questions: a bot going round in circles.
    answers: dict[str, set[str]] = {}
    for question, answer in replies_by_question:
        answers.setdefault(answer, set()).add(question)
    for answer, questions in answers.items():
        if len(questions) > 1:
            out.findings.append(Finding("chat.bot_loop", "major", "The chat gives the same answer to different questions",
                                        f"{len(questions)} different questions got this reply.", answer[:300]))
    if step.handover and not any(f.check == "chat.no_reply" for f in out.findings):
        ask = ctx.render(step.handover.ask)
        t_ask = await say(ask)
        first_said_s = t_ask if first_said_s is None else first_said_s
        # Past the deadline too, for a while: a person who comes late is not the same as nobody.
        watch_s = step.handover.within + step.handover.grace_s()
        person = await transcript.reply_after(t_ask, lambda m: m["author"] == "agent", watch_s)
        if person is not None:
            person["reply_to"] = "handover"
            await transcript.until_still(person, STILL_S, watch_s)
        await _shot(ctx, page, out, "handover", "After asking for a person")
        if person is None:
            out.findings.append(Finding("chat.no_handover", "major",
                                        f"No person within {step.handover.within:g} s of asking for one",
                                        f"The customer asked to talk to a person and nobody came (watched for "
                                        f"{watch_s:g} s).",
                                        "\n".join([m["text"] for m in transcript.messages if m["author"] != "typing"][-3:])[:300]))
        else:
            asked.append((ask, t_ask, person, "handover"))
            out.responses.append(person["text"])
    await transcript.settle(0.0, step.settle_within)  # what is still being typed belongs in the transcript
    # What the company said before the customer's first message is its greeting, never a reply.
    greeting = [m for m in transcript.messages if m["author"] in ("bot", "agent")
                and (first_said_s is None or m["t_s"] < first_said_s - STAMP_SLACK_S)]
    for m in greeting:
        m["greeting"] = True
    if greeting:
        out.measurements["greeting_s"] = greeting[0]["t_s"]
    out.observations["transcript"] = transcript.messages
    path = ctx.evidence_path("transcript.json")
    path.write_text(json.dumps(transcript.messages, indent=2, ensure_ascii=False), encoding="utf-8")
    out.evidence.append(Evidence("text", "Transcript", path))
    # Timed now that everything is seen: an echo shown after its reply still counts (and then contradicts it).
    for said, t_said, reply, which in asked:
        took = _reply_time(transcript, said, t_said, reply, which)
        if which == "handover":
            assert step.handover is not None  # asked for a person only when the step says so
            out.measurements["handover_s"] = took
            deadline_s = step.handover.within
            if took > deadline_s:
                out.findings.append(Finding(
                    "chat.late_handover", "minor", f"A person came {format_duration(took - deadline_s)} late",
                    f"The customer asked for a person; one came after {format_duration(took)}, where the scenario "
                    f"allows {format_duration(deadline_s)}.", reply["text"][:300]))
        else:
            out.measurements.setdefault("first_reply_s", took)
            out.measurements[f"turn_{which}_reply_s"] = took


def _reply_time(transcript: Transcript, said: str, sent_s: float, reply: dict, turn: int | str) -> float:
    """From the customer's message appearing in the chat (the widget's own echo, stamped by the page; the send
    when there is no echo) to the reply appearing: what the customer sees, whatever the load on this machine.

    Below zero, the page's times contradict each other: the prober cannot tell, and says so."""
    echo = transcript.echo(said, sent_s)
    start_s = echo["t_s"] if echo else sent_s
    took = round(reply["t_s"] - start_s, 4)
    if took < 0:
        what = "the person's first message" if turn == "handover" else f"the reply to turn {turn}"
        raise ProberError(
            f"could not tell how long {what} took: it appeared at {reply['t_s']:.3f} s, before the customer's "
            f"message at {start_s:.3f} s ({'the widget showed it' if echo else 'sent'}; sent at {sent_s:.3f} s; "
            f"seconds after the page was opened, by the page's own stamps). The widget's times contradict each "
            f"other, so no figure is given.")
    return took
