"""chat: a customer opens the website's chat widget and holds a conversation.

Open the page, open the widget (through an iframe and shadow DOM: Playwright's
CSS selectors pierce open shadow roots), wait until the customer can type,
then take the scripted turns: say something, wait for a reply that should
mention what a real answer mentions. Optionally ask for a person and wait for
one. Who is speaking is read from the widget's markup (selectors from a preset
in ``chat_widgets/<name>.yaml`` or given in the scenario), with a fallback on
how people introduce themselves. Every message is recorded with the moment it
appeared.
"""
from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path
from typing import Literal

import yaml
from pydantic import Field, field_validator, model_validator

from ..browser import StepTrace
from ..durations import Duration
from ..netguard import NetGuard
from ..results import FAILING, Evidence, Finding, Outcome, utcnow
from ..steps import Regex, StepBase, Strict

USES_BROWSER = True
PRESETS_DIR = Path(__file__).parent / "chat_widgets"
# A person usually says who they are; a bot rarely does.
PERSON_PATTERN = re.compile(r"\b(my name is|this is [A-Z][a-z]+|I'?m [A-Z][a-z]+ from|speaking with [A-Z])", re.I)
POLL_S = 0.1

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


class ChatStep(StepBase):
    channel: Literal["chat"]
    url: str = Field(description="the page with the chat widget")
    widget: str | None = Field(None, description="a preset: " + ", ".join(presets()))
    selectors: WidgetSelectors = Field(default_factory=WidgetSelectors,
                                       description="custom selectors, or overrides of the preset's")
    ready_within: Duration = Field(15.0, description="how long the widget may take to become usable")
    turns: list[Turn] = Field(default_factory=list)
    handover: Handover | None = None

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


Params = ChatStep  # the name every channel module exports

# Reads every message once: [author, text] with the author from the markup ('' when it does not say).
READ_JS = """(els, s) => els.map(e => {
  const m = sel => { try { return !!sel && e.matches(sel); } catch (_) { return false; } };
  const author = m(s.customer) ? 'customer' : m(s.agent) ? 'agent' : m(s.bot) ? 'bot' : '';
  const t = s.text ? e.querySelector(s.text) : null;
  return [author, ((t || e).innerText || '').trim(), e.__probesSeen || 0];
})"""


class Transcript:
    """Every message, with when it first appeared (seconds since the page was opened)."""

    def __init__(self, root, selectors: WidgetSelectors, t0: float):
        # t0: time.time() when the page was opened; message times are seconds after it.
        self.root, self.sel, self.t0 = root, selectors, t0
        self.messages: list[dict] = []
        self.said: set[str] = set()   # what the customer typed: its echo is not a reply

    async def poll(self) -> list[dict]:
        """Read the widget; return messages that appeared since the last look."""
        rows = await self.root.locator(self.sel.message).evaluate_all(READ_JS, self.sel.model_dump())
        looked_at = time.time() - self.t0
        new = []
        for author, text, stamped_ms in rows[len(self.messages):]:
            # The page's stamp (same clock) when it has one; else when we looked.
            seen_at = stamped_ms / 1000 - self.t0 if stamped_ms else looked_at
            if not author:  # the markup does not say: our own words, else people introduce themselves
                author = ("customer" if text in self.said else
                          "agent" if PERSON_PATTERN.search(text) else "bot")
            entry = {"author": author, "text": text, "t_s": round(seen_at, 3), "at": utcnow().isoformat()}
            self.messages.append(entry)
            new.append(entry)
        return new

    async def wait_for(self, pred, timeout_s: float) -> dict | None:
        """The first new message matching pred within timeout_s, or None."""
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            for m in await self.poll():
                if pred(m):
                    return m
            await asyncio.sleep(POLL_S)
        return None


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
    errors: list[str] = []
    page = await context.new_page()
    def on_console(m) -> None:
        if m.type == "error":
            errors.append(m.text)

    def on_response(r) -> None:
        if r.status >= 400:
            errors.append(f"HTTP {r.status} {r.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", on_response)
    trace = StepTrace(ctx.trace, ctx.evidence_path("trace.zip"))
    await trace.start(context)
    try:
        await _converse(step, ctx, sel, page, out, errors)
    finally:
        if errors and not any(f.check == "chat.widget_missing" for f in out.findings):
            out.findings.append(Finding("chat.console_error", "minor", "The page has errors in the browser console",
                                        f"{len(errors)} error(s); parts of the page may not work.",
                                        "\n".join(errors[:5])))
        await trace.stop(context, out)
        await context.close()
        await guard.close()
    # A block is the prober's doing: noted when the chat went well, else the step cannot be judged.
    guard.settle(out, passed=not any(f.severity in FAILING for f in out.findings), sent_at_s=None)
    return out


async def _shot(ctx, page, out: Outcome, name: str, label: str) -> None:
    path = ctx.evidence_path(f"{name}.png")
    try:
        await page.screenshot(path=str(path), timeout=5000)
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
                                    f"{url} did not load.", str(exc).splitlines()[0]))
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
                                    "appeared.", "\n".join(errors[:5]) or str(exc).splitlines()[0]))
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
    await transcript.poll()  # greetings already there are not replies to anything

    async def say(text: str) -> float:
        """Type and send; returns when it was sent, in seconds after the page was opened."""
        transcript.said.add(text.strip())
        await root.locator(sel.input).first.fill(text)
        sent = time.time() - t0
        if sel.send:
            await root.locator(sel.send).first.click()
        else:
            await root.locator(sel.input).first.press("Enter")
        return sent

    replies_by_question: list[tuple[str, str]] = []
    for i, turn in enumerate(step.turns):
        said = ctx.render(turn.say)
        t_said = await say(said)
        reply = await transcript.wait_for(lambda m: m["author"] != "customer", turn.within)
        await _shot(ctx, page, out, f"turn-{i + 1}", f"After turn {i + 1}")
        if reply is None:
            out.findings.append(Finding("chat.no_reply", "critical", f"No reply within {turn.within:g} s",
                                        "The customer wrote and nobody answered.", said))
            break
        # From the customer's message appearing in the chat (the widget's own echo, stamped by the page)
        # to the reply appearing: what the customer sees, whatever the load on this machine.
        echo = next((m for m in reversed(transcript.messages) if m["author"] == "customer" and m["text"] == said.strip()),
                    None)
        took = reply["t_s"] - (echo["t_s"] if echo else t_said)
        out.measurements.setdefault("first_reply_s", round(took, 4))
        out.measurements[f"turn_{i + 1}_reply_s"] = round(took, 4)
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
        t_ask = await say(ctx.render(step.handover.ask))
        person = await transcript.wait_for(lambda m: m["author"] == "agent", step.handover.within)
        await _shot(ctx, page, out, "handover", "After asking for a person")
        if person is None:
            out.findings.append(Finding("chat.no_handover", "major",
                                        f"No person within {step.handover.within:g} s of asking for one",
                                        "The customer asked to talk to a person and nobody came.",
                                        "\n".join(m["text"] for m in transcript.messages[-3:])[:300]))
        else:
            asked = next((m for m in reversed(transcript.messages) if m["author"] == "customer"), None)
            out.measurements["handover_s"] = round(person["t_s"] - (asked["t_s"] if asked else t_ask), 4)
            out.responses.append(person["text"])
    await transcript.poll()
    out.observations["transcript"] = transcript.messages
    path = ctx.evidence_path("transcript.json")
    path.write_text(json.dumps(transcript.messages, indent=2, ensure_ascii=False), encoding="utf-8")
    out.evidence.append(Evidence("text", "Transcript", path))
