"""web_form: a customer fills in a contact form on the company's website.

Open the page, fill fields (located by label, placeholder, name or CSS
selector), submit, and wait for the confirmation. Along the way, note what a
customer would run into: HTTP errors, validation messages, a CAPTCHA, a submit
that never confirms, JavaScript errors. Evidence: a screenshot before submit,
one after, and a Playwright trace (settings.browser.trace).
"""
from __future__ import annotations

import asyncio
import functools
import json
import re
import time
from typing import Any, Literal
from urllib.parse import unquote, unquote_plus, urlsplit

from pydantic import Field, field_validator, model_validator

from ..browser import StepTrace, unless_gone, untraced
from ..durations import Duration
from ..netguard import NetGuard
from ..results import Evidence, Finding, Outcome, ProberError, Severity, first_line, utcnow
from ..steps import Regex, StepBase, Strict, compile_regex
from . import web_form_find
from .console import ConsoleLog
from .web_form_find import Action

USES_BROWSER = True


class FieldFill(Strict):
    """One form field and what to put in it. Give exactly one way to find it."""

    label: str | None = Field(None, description="the field's label: the whole label first, then whole words, "
                                                "then part of a word; case-insensitive")
    placeholder: str | None = Field(None, description="the field's placeholder text")
    name: str | None = Field(None, description="the field's name attribute")
    selector: str | None = Field(None, description="a CSS selector")
    value: str | None = Field(None, description="text to type, or the option to choose in a drop-down")
    check: bool | None = Field(None, description="tick (true) or untick (false) a checkbox")

    @model_validator(mode="after")
    def _one_locator(self) -> "FieldFill":
        given = [k for k in ("label", "placeholder", "name", "selector") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of label, placeholder, name or selector to find the field"
                             + (f" (got {', '.join(given)})" if given else ""))
        if (self.value is None) == (self.check is None):
            raise ValueError("give either value (text or option) or check (true/false)")
        return self

    def describe(self) -> str:
        for k in ("label", "placeholder", "name", "selector"):
            if (v := getattr(self, k)) is not None:
                return f"{k} '{v}'"
        return "field"


class Submit(Strict):
    """The button that sends the form. Default: the form's submit button."""

    text: str | None = Field(None, description="the button's text")
    selector: str | None = Field(None, description="a CSS selector")

    @model_validator(mode="after")
    def _one(self) -> "Submit":
        if (self.text is None) == (self.selector is None):
            raise ValueError("give either text or selector")
        return self


class Expect(Strict):
    """What tells the customer the message was received."""

    text: str | None = Field(None, description="words the confirmation shows (case-insensitive)")
    text_pattern: Regex | None = Field(None, description="a regular expression the confirmation text matches")
    url: str | None = Field(None, description="part of the address of the confirmation page")
    within: Duration = Field(30.0, description="how long the customer waits for it after pressing send, e.g. 10s "
                                               "(default 30s); later is web_form.no_confirmation")
    slow_after: Duration | None = Field(None, description="a confirmation later than this (but within `within`) is "
                                                          "a web_form.slow_confirmation finding, e.g. 5s")
    slow_severity: Severity = Field("minor", description="the severity of web_form.slow_confirmation")

    @model_validator(mode="after")
    def _something(self) -> "Expect":
        if not (self.text or self.text_pattern or self.url):
            raise ValueError("give text, text_pattern or url to recognise the confirmation")
        if self.slow_after is not None and self.slow_after >= self.within:
            raise ValueError(f"slow_after ({self.slow_after:g} s) must be shorter than within ({self.within:g} s): "
                             "a confirmation later than within is no confirmation at all")
        return self



class WebFormStep(StepBase):
    channel: Literal["web_form"]
    url: str = Field(description="the page with the form; may use {target.website}")
    fields: list[FieldFill] | None = Field(None, min_length=1, description="the short form of actions: fields "
                                           "to fill in (then the send button is clicked)")
    actions: list[Action] | None = Field(None, min_length=1, description="what the customer does, in order: "
                                         "fill, select, check, uncheck, click, press, wait_for, upload, scroll; "
                                         "the click that sends has submit: true (or give the step's submit:)")
    frame: str | None = Field(None, description="the iframe holding the form: a CSS selector of the <iframe>, "
                                                "or part of its address; default: the page and all its frames")
    submit: Submit | None = None
    expect: Expect
    save: dict[str, str] = Field(default_factory=dict, description="name: regular expression with one group, "
                                                                   "matched on the confirmation text")
    load_within: Duration | None = Field(None, description="how long the page may take to finish loading; "
                                                           "default settings.browser.load_timeout_s (60 s)")
    retries: int = Field(1, ge=0, le=5, description="page-load retries on network errors and timeouts (before anything is sent)")

    @model_validator(mode="after")
    def _what_to_do(self) -> "WebFormStep":
        if (self.fields is None) == (self.actions is None):
            raise ValueError("give fields (the short form) or actions, not both" if self.fields is not None
                             else "give fields or actions: what the customer fills in")
        if self.actions is not None:
            sends = [i for i, a in enumerate(self.actions) if a.sends]
            if len(sends) > 1 or (sends and self.submit is not None):
                raise ValueError("one click sends the form: mark one click with submit: true, or give the "
                                 "step's submit:, not both")
            if sends and sends[0] != len(self.actions) - 1:
                raise ValueError(f"the click that sends the form (actions.{sends[0]}) must be the last action")
            if not sends and self.submit is None:
                raise ValueError("say which click sends the form: add submit: true to that click (the last "
                                 "action, e.g. click: {text: Send, submit: true}), or give the step's submit:")
        return self

    @field_validator("save")
    @classmethod
    def _save(cls, v: dict[str, str]) -> dict[str, str]:
        for name, pattern in v.items():
            if not re.match(r"^[a-z][a-z0-9_]*$", name):
                raise ValueError(f"'{name}': saved names use lower-case letters, digits and _")
            try:
                groups = compile_regex(pattern).groups
            except ValueError as exc:
                raise ValueError(f"{name}: {exc}") from None
            if groups != 1:
                raise ValueError(f"{name}: the pattern needs exactly one (group) to save")
        return v

    def template_fields(self) -> dict[tuple, str]:
        out: dict[tuple, str] = {("url",): self.url}
        for i, f in enumerate(self.fields or []):
            if f.value is not None:
                out[("fields", i, "value")] = f.value
        for i, a in enumerate(self.actions or []):
            for kind, key in (("fill", "value"), ("select", "option"), ("wait_for", "text")):
                if (spec := getattr(a, kind)) is not None and getattr(spec, key) is not None:
                    out[("actions", i, kind, key)] = getattr(spec, key)
        return out

    def destination(self) -> str:
        return self.url

    def saved_names(self) -> list[str]:
        return list(self.save)


Params = WebFormStep  # the name every channel module exports


# Widgets that make a customer prove they are human.
CAPTCHA_JS = """() => {
  const sel = '.g-recaptcha, .h-captcha, .cf-turnstile, iframe[src*="recaptcha"], iframe[src*="hcaptcha"],'
            + ' iframe[src*="turnstile"], [data-sitekey]';
  const el = document.querySelector(sel);
  if (el) return el.className || el.tagName.toLowerCase();
  return /i'?m not a robot|verify you are human/i.test(document.body ? document.body.innerText : '') ? 'text' : null;
}"""

# One round trip that resolves as soon as the page shows confirmation, an error, or invalid fields.
# A confirmation already showing on the form page before sending does not count until the page changes.
CONFIRMED_JS = """([text, pattern, url]) => {
  const body = document.body ? document.body.innerText : '';
  return (!text || body.toLowerCase().includes(text.toLowerCase()))
      && (!pattern || new RegExp(pattern, 'i').test(body))
      && (!url || location.href.includes(url));
}"""
OUTCOME_JS = """([text, pattern, url, since, already]) => {
  const visible = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length);
  const confirmed = (""" + CONFIRMED_JS + """)([text, pattern, url]);
  const texts = () => ({body: document.body ? document.body.innerText : '',
                        main: (document.querySelector('main') || {}).innerText || ''});
  if (confirmed && !(already && window.__probesFormPage === 1)) return {state: 'confirmed', ...texts()};
  const alerts = [...document.querySelectorAll('[role=alert], .error, .errors, .alert-danger, .invalid-feedback, .field-error, .form-error')]
      .filter(visible).map(e => e.innerText.trim()).filter(Boolean);
  if (alerts.length) return {state: 'error', messages: alerts, ...texts()};
  if (Date.now() - since > 600) {
    const invalid = [...document.querySelectorAll('form:not([novalidate]) input, form:not([novalidate]) select, form:not([novalidate]) textarea')]
        .filter(e => e.willValidate && !e.checkValidity());
    if (invalid.length) return {state: 'invalid', ...texts(), fields: invalid.map(e => ({
        label: (e.labels && e.labels[0] ? e.labels[0].innerText : (e.getAttribute('aria-label') || e.name || e.id || '')).trim(),
        message: e.validationMessage, required: e.required}))};
  }
  return false;
}"""


class _Attempt:
    """What the step has done so far: tells the prober's trouble from the company's."""

    def __init__(self) -> None:
        self.clicked = False                  # send was pressed: the company may have the message
        self.page_crashed = False
        self.in_flight: dict[object, str] = {}  # request -> URL, for "has the page finished loading?"
        self.after_click: list[str] = []      # requests the page made once send was pressed
        self.last_change = time.monotonic()   # the page's DOM last changed (see WATCH_JS)

    def note_request(self, request) -> None:
        self.in_flight[request] = request.url
        if self.clicked:
            self.after_click.append(f"{request.method} {request.url}")

    def note_done(self, request) -> None:
        self.in_flight.pop(request, None)


# Notes when the page's DOM last changed: a page still building its form has not finished loading.
WATCH_JS = """() => {
  window.__probesChanged = performance.now();
  new MutationObserver(() => { window.__probesChanged = performance.now(); })
      .observe(document, {subtree: true, childList: true, attributes: true});
}"""
SETTLED_JS = """() => [document.readyState, performance.now() - (window.__probesChanged || 0)]"""
# How long the DOM must stay unchanged (and the network quiet) before an absent element counts as absent.
QUIET_S = 1.0


async def run(step: "WebFormStep", ctx) -> Outcome:
    """Fill in and submit the form like a customer; report what happened.

    Raises ProberError for the prober's own trouble (Chromium died, an element that is there but would
    not respond in time, a page that never finished loading, a request the allowlist had to stop);
    nothing_sent says whether send was pressed.
    """
    out = Outcome()
    session = ctx.browser_session
    settings = session.settings
    # A tab of its own (an emptied one from an earlier step, or a new context): see BrowserSession.tab.
    try:
        tab = await session.tab({"viewport": {"width": 1280, "height": 900}, "locale": ctx.locale},
                                init_script="(" + WATCH_JS + ")()")
    except BaseException as exc:
        if isinstance(exc, ProberError):
            raise ProberError(str(exc), nothing_sent=True) from exc
        if isinstance(exc, Exception):  # playwright raises its own errors
            raise ProberError(f"could not open a browser tab: {first_line(exc)}; nothing was sent",
                              nothing_sent=True) from exc
        raise
    context, page = tab.context, tab.page
    # Safety: every request and connection of this context is held to the target's allowlist.
    guard = await NetGuard(ctx.target, "web_form").start(tab.gate)
    listening: list[tuple[str, Any]] = []   # the step's listeners on the tab, taken off at its end
    ended_cleanly = False
    browser = context.browser
    console = ConsoleLog()   # sorted at the end: what breaks the page is a finding, noise an observation
    failed_urls: set[str] = set()   # pages and API calls that answered 400 or more
    submitted_at: list[float] = []
    attempt = _Attempt()

    def on_response(response):
        req = response.request
        if response.status >= 400 and (req.is_navigation_request() or req.resource_type in ("xhr", "fetch")):
            failed_urls.add(response.url)

    trace = StepTrace(ctx.trace, ctx.evidence_path("trace.zip"))
    try:
        await guard.attach(context, page)
        await trace.start(context)

        def on_console(msg):
            # "Failed to load resource" for a page we already report as an HTTP error says nothing new.
            if msg.type == "error" and not (msg.text.startswith("Failed to load resource")
                                            and (msg.location or {}).get("url") in failed_urls):
                console.console(msg)

        for event, handler in (("console", on_console), ("pageerror", console.page_error),
                               ("response", on_response), ("response", console.response),
                               ("requestfailed", console.request_failed), ("request", attempt.note_request),
                               ("requestfinished", attempt.note_done), ("requestfailed", attempt.note_done),
                               ("crash", lambda _page: setattr(attempt, "page_crashed", True))):
            page.on(event, handler)
            listening.append((event, handler))
        # A call Chromium's death left unanswered must not hold the step for its whole budget.
        await unless_gone(browser, _exercise(step, ctx, page, out, submitted_at, attempt, settings, listening))
        ended_cleanly = True
    except ProberError as exc:
        ended_cleanly = not (session.lost(browser) or attempt.page_crashed)
        raise ProberError(str(exc), nothing_sent=exc.nothing_sent or not attempt.clicked) from exc
    except Exception as exc:  # noqa: BLE001 - playwright raises its own Error/TimeoutError
        if not (session.lost(browser) or attempt.page_crashed or _closed(exc)):
            raise
        where = ("after the form was sent: the company may have received it, so it is not sent again"
                 if attempt.clicked else
                 "before the form was sent: nothing reached the company, and a resumed run "
                 "(probes run --run-id) sends it")
        raise ProberError(f"Chromium went away while the step ran (it crashed or was killed), {where} "
                          f"({first_line(exc)})", nothing_sent=not attempt.clicked) from exc
    finally:
        console_errors, console_noise = console.split()
        if console_noise:   # a blocked font, a CSP notice, a missing favicon: the customer cannot see them
            out.observations["console_noise"] = console_noise
        if console_errors:
            out.findings.append(Finding(
                "web_form.console_error", "minor", "The page has JavaScript errors",
                f"{len(console_errors)} error(s) in the browser console; parts of the page may not work "
                "for every customer.", "\n".join(console_errors[:5])))
            out.observations["console_errors"] = console_errors
        await _close(session, tab, trace, guard, listening, out,
                     clean=ended_cleanly and not attempt.page_crashed)
    # A block is the prober's doing: noted when the form confirmed, else the step cannot be judged.
    guard.settle(out, passed=out.observations.get("result") == "confirmed",
                 sent_at_s=submitted_at[0] if submitted_at else None)
    return out


async def _close(session, tab, trace: StepTrace, guard: NetGuard, listening: list, out: Outcome,
                 clean: bool) -> None:
    """Save the trace (as settings.browser.trace says), stop the guard, take the step's listeners off and
    give the tab back (emptied for a later step, or closed); a browser that died on its way has nothing left
    to save."""
    await trace.stop(tab.context, out, passed=out.observations.get("result") == "confirmed")
    await guard.close()   # from here the tab's gate lets nothing through
    for event, handler in listening:
        tab.page.remove_listener(event, handler)
    try:
        await guard.detach(tab.context)
        await session.give_back(tab, clean=clean)
    except Exception as exc:  # noqa: BLE001 - a tab that will not close must not hide what the step saw
        out.observations.setdefault("evidence_errors", []).append(f"closing the tab: {first_line(exc)}")


def _closed(exc: BaseException) -> bool:
    """Did this error come from a browser, tab or renderer that is gone?"""
    text = str(exc)
    return (type(exc).__name__ == "TargetClosedError" or "has been closed" in text or "Target crashed" in text
            or "Browser closed" in text or "Connection closed" in text)


def _timed_out(exc: BaseException) -> bool:
    return type(exc).__name__ == "TimeoutError" or "Timeout" in first_line(exc)


async def _settled(page, attempt: _Attempt, wait_s: float) -> str | None:
    """Wait up to wait_s for the page to settle: None once it has, else why it has not.

    Settled: the load event has fired, no request is under way and the DOM has not changed for QUIET_S.
    """
    deadline = time.monotonic() + wait_s
    while True:
        ready, unchanged_ms = await _frames_settled(page)
        running = [u for u in attempt.in_flight.values() if not u.startswith("data:")]
        if ready != "complete":
            why = f"the page had not finished loading (document {ready})"
        elif running:
            why = f"the page was still loading {len(running)} request(s), e.g. {running[0]}"
        elif unchanged_ms < QUIET_S * 1000:
            why = "the page was still changing"
        else:
            return None
        if time.monotonic() >= deadline:
            return why
        await asyncio.sleep(0.2)


async def _frames_settled(page) -> tuple[str, float]:
    """(document state, ms since the DOM last changed) over the page and its frames: the least settled."""
    ready, unchanged_ms = "complete", float("inf")
    for frame in page.frames:
        try:
            state, quiet_ms = await untraced(frame, functools.partial(frame.evaluate, SETTLED_JS))
        except Exception as exc:  # noqa: BLE001 - navigated away mid-check: not settled
            if _closed(exc) and frame is page.main_frame:
                raise
            if frame is not page.main_frame:
                continue   # a frame torn down (or an error page the allowlist left) holds no form
            state, quiet_ms = "navigating", 0.0
        if state != "complete" and ready == "complete":
            ready = state
        unchanged_ms = min(unchanged_ms, quiet_ms)
    return ready, unchanged_ms


async def _absent(page, loc, attempt: _Attempt, settings, exc: BaseException) -> tuple[bool, str]:
    """After an action on loc failed: (True, proof) if the element is truly not on a loaded page, else (False, why)."""
    # Long enough to see QUIET_S of calm even when the action's own limit was tiny; short, as it adds up.
    why = await _settled(page, attempt, min(max(settings.action_timeout_s, 3 * QUIET_S), 10.0))
    count = await loc.count()
    if count:
        found = f"it is on the page ({count} match{'es' if count > 1 else ''})"
        if not _timed_out(exc):
            return False, f"{found} but could not be used that way (the scenario may not fit the page)"
        return False, f"{found} but did not become usable within {settings.action_timeout_s:g} s"
    if why:
        return False, f"it was not on the page, but {why}"
    return True, (f"The page had finished loading (load event fired, no request under way, no change for "
                  f"{QUIET_S:g} s) and no element on it matches")


def _prober_hint(settings) -> str:
    return (f"on a busy machine raise settings.browser.action_timeout_s (now {settings.action_timeout_s:g} s)")


async def _exercise(step: "WebFormStep", ctx, page, out: Outcome, submitted_at: list[float],
                    attempt: _Attempt, settings, listening: list) -> None:
    url = ctx.render(step.url)
    out.observations["url"] = url
    action_ms = settings.action_timeout_s * 1000
    load_s = step.load_within if step.load_within is not None else settings.load_timeout_s
    # Load the page; network errors and timeouts are retried (nothing has been sent yet).
    response = None
    timed_out = False
    for tries in range(step.retries + 1):
        t0 = time.perf_counter()
        try:
            response = await page.goto(url, wait_until="load", timeout=load_s * 1000)
            break
        except Exception as exc:  # noqa: BLE001 - playwright raises its own Error/TimeoutError
            if _closed(exc) or attempt.page_crashed:
                raise
            reason = first_line(exc)
            out.observations.setdefault("load_attempts", []).append(reason)
            timed_out = timed_out or _timed_out(exc)
            if tries < step.retries:
                continue
            # A page that never finishes loading may be the company's, or a prober too busy to load it; so is
            # an attempt the browser itself aborted (net::ERR_ABORTED), as it does after an earlier attempt
            # timed out on the same tab. Only a definite refusal on every attempt is the company's.
            if timed_out or "ERR_ABORTED" in reason:
                raise ProberError(f"could not tell: the page at {url} did not finish loading within {load_s:g} s "
                                  f"({tries + 1} attempt(s): {'; '.join(out.observations['load_attempts'])}); "
                                  f"nothing was sent. The limit is the step's load_within, else "
                                  f"settings.browser.load_timeout_s", nothing_sent=True) from exc
            out.findings.append(Finding("web_form.unreachable", "critical", "The contact page could not be opened",
                                        f"After {tries + 1} attempt(s) the page at {url} did not load.", reason))
            return
    out.measurements["page_load_s"] = time.perf_counter() - t0
    status = response.status if response else None
    out.observations["http_status"] = status
    if status is not None and status >= 400:
        out.findings.append(Finding("web_form.http_error", "critical", f"The contact page answered HTTP {status}",
                                    f"A customer opening {url} gets an error page instead of the form.",
                                    f"HTTP {status} {url}"))
        await _screenshot(ctx, page, out, "after", "Error page", action_ms)
        return

    # The actions (or fields) in order, in whichever frame holds them; then the send button.
    send = await web_form_find.before_submit(step, ctx, page, out, attempt, settings)
    if send is None:  # something the scenario needs is missing: recorded as a finding
        return
    await _screenshot(ctx, page, out, "before", "Filled form before sending", action_ms)
    button, which = send.locator, send.which
    # The form's own frame: where the confirmation is looked for (the page, when the form is not in a frame).
    where = (page if send.frame is page.main_frame
             else await web_form_find.FormFrame.watch(page, send.frame, CONFIRMED_JS, step.expect))
    expect = step.expect
    # One round trip: mark the form page, note a CAPTCHA, and whether the confirmation already shows.
    captcha, already = await untraced(where, lambda: where.evaluate(
        "a => { window.__probesFormPage = 1; return [(" + CAPTCHA_JS + ")(), (" + CONFIRMED_JS + ")(a)]; }",
        [expect.text, expect.text_pattern, expect.url]))
    out.observations["captcha"] = captcha
    # From here on the step watches what the page does with the message (see _SubmitWatch).
    watch = await _SubmitWatch.arm(page, _typed_values(step, ctx), ctx.target, action_ms, listening)
    out.contacted = True  # from the click on, the company may have received it
    out.sent_at = utcnow()
    t_submit = time.perf_counter()
    submitted_at.append(t_submit)  # before the click: its response can arrive before click() returns
    attempt.clicked = True
    try:
        # no_wait_after: the click is done once the browser took it; a slow answer is the outcome's business
        # (up to expect.within), not the click's (action_timeout_s).
        await button.first.click(timeout=action_ms, no_wait_after=True)
    except Exception as exc:  # noqa: BLE001
        if _closed(exc) or attempt.page_crashed:
            raise
        if _click_performed(exc) or attempt.after_click:
            # The browser pressed the button (or the page already sent something) and then the page was slow
            # to take it, e.g. a busy script: the company may have it, so wait for the outcome as usual.
            out.observations["click"] = (f"pressed, but the page took longer than {settings.action_timeout_s:g} s "
                                         f"to take the click ({first_line(exc)})")
        else:
            attempt.clicked = False
            out.contacted = False
            submitted_at.clear()
            absent, why = await _absent(page, button, attempt, settings, exc)
            if not absent:
                raise ProberError(f"could not tell whether the form has a {which}: {why} ({first_line(exc)}); "
                                  f"nothing was sent; {_prober_hint(settings)}", nothing_sent=True) from exc
            out.findings.append(Finding("web_form.field_missing", "major", "The form's send button was not found",
                                        f"{why} a {which}. The journey could not send the form.",
                                        first_line(exc)))
            return

    deadline = t_submit + expect.within
    result = await _wait_outcome(where, expect, already, watch, deadline, action_ms)
    elapsed = time.perf_counter() - t_submit
    state = result["state"]
    # After a confirmation, the form's own requests still under way get until the step's end (at least
    # CONFIRM_GRACE_S) to complete; then every request of the submit is judged.
    await watch.settle(max(deadline, time.perf_counter() + CONFIRM_GRACE_S) if state == "confirmed"
                       else time.perf_counter())
    if watch.sent:
        out.observations["submit_requests"] = [r.describe() for r in list(watch.sent.values())[:20]]
    if blocked := [s for s in watch.own() if watch.blocked(s)]:
        # The allowlist stopped the message itself: whatever the page showed, the step cannot be judged.
        raise ProberError(f"sending needed {blocked[0].url}, which is not on the target's allowlist; the prober "
                          "blocked it, so this step cannot be judged. Add the address to the target's allowlist if "
                          "it belongs to the company (or a service it uses).")
    failures = watch.failures()
    unfinished = watch.unfinished() if state == "confirmed" and not failures else []
    if failures:
        state = "http_error"
    elif unfinished:
        state = "false_confirmation"
    out.observations["result"] = state
    # Got through: the page confirmed it and nothing says otherwise. Pressing send alone proves nothing.
    out.observations["reachable"] = state == "confirmed"
    if state == "confirmed":
        out.measurements["submit_to_confirmation_s"] = elapsed
    await _screenshot(ctx, page, out, "after", "After sending", action_ms)
    if "body" not in result:  # timeouts and HTTP errors come back without the page's text
        result["body"], result["main"] = await _text(page, "body", action_ms), await _text(page, "main", action_ms)
    text = result["body"]
    shown = result["main"] or text  # for snippets: the page's content, not its menu
    out.observations["final_url"] = page.url

    if failures:
        # Whatever the page shows: say so when it confirmed all the same (the customer believes it was sent).
        confirmed = result["state"] == "confirmed" or (not already and await _confirms(where, expect))
        out.findings.append(_http_error_finding(failures, expect if confirmed else None))
        return
    if unfinished:
        out.responses.append(text)  # what the customer read is still checked
        out.observations["confirmation_text"] = shown[:3000]
        first = unfinished[0]
        out.findings.append(Finding(
            "web_form.false_confirmation", "critical",
            "The page said the message was sent, but the form's request never completed",
            f"The page showed its confirmation {elapsed:.1f} s after sending while the request carrying the "
            f"message {first.unfinished_why(time.perf_counter())}. The customer believes the message was sent; "
            "the company may never have received it.",
            "\n".join(f"{r.method} {r.url}" for r in unfinished[:3]) + "\n" + shown[:200]))
        return
    if state == "confirmed":
        out.responses.append(text)
        # What the customer read after sending: the report shows it, with the checks' findings marked in it.
        out.observations["confirmation_text"] = shown[:3000]
        if expect.slow_after is not None and elapsed > expect.slow_after:
            out.findings.append(Finding(
                "web_form.slow_confirmation", expect.slow_severity, f"The confirmation took {elapsed:.1f} s",
                f"The customer waited {elapsed:.1f} s after pressing send before the page confirmed; the "
                f"journey's slow_after is {expect.slow_after:g} s.", shown[:300]))
        for name, pattern in step.save.items():
            if m := re.search(pattern, text):
                out.saved[name] = m.group(1)
            else:
                out.findings.append(Finding("web_form.not_saved", "major", f"The confirmation does not show the {name}",
                                            f"Expected to find /{pattern}/ in the confirmation.", shown[:300]))
        if captcha:
            out.findings.append(Finding("web_form.captcha", "info", "The form has a CAPTCHA, but it let the customer through",
                                        snippet=str(captcha)))
        return
    if captcha:
        out.findings.append(Finding("web_form.captcha", "major", "A CAPTCHA blocks the customer",
                                    "The form would not send without solving a CAPTCHA; customers who cannot "
                                    "solve it (or use assistive technology) cannot get in touch.",
                                    "\n".join(result.get("messages", [])) or str(captcha)))
    elif state == "invalid":
        fields = result["fields"]
        unmentioned = [f for f in fields if f["required"] and not re.search(r"\*|required", f["label"], re.I)]
        detail = "The browser refused to send the form. "
        if unmentioned:
            detail += ("A field is required, but its label does not say so: "
                       + ", ".join(f"'{f['label']}'" for f in unmentioned) + ".")
        out.findings.append(Finding("web_form.validation", "major", "The form would not send: a field was rejected",
                                    detail, "\n".join(f"{f['label']}: {f['message']}" for f in fields)))
    elif state == "error":
        out.findings.append(Finding("web_form.error_message", "major", "The form showed an error message",
                                    "The customer filled in the form and was told something went wrong.",
                                    "\n".join(result["messages"])))
    else:
        answered = [r for r in watch.own() if r.status is not None and r.status < 400]
        delivered = (f" The form's request was answered ({answered[0].describe()}), so the company may well have "
                     "the message; the customer was not told." if answered else "")
        out.findings.append(Finding("web_form.no_confirmation", "critical",
                                    f"No confirmation within {step.expect.within:g} s of sending",
                                    "The customer cannot tell whether the message arrived." + delivered,
                                    shown[:300]))


def _click_performed(exc: BaseException) -> bool:
    """Did Playwright press the button before its click gave up? (Its call log says so.)

    A click that timed out while the page was busy handling it was still made: the page may send the form.
    """
    log = str(exc).partition("Call log:")[2]
    at = log.rfind("performing click action")
    return at >= 0 and not any(w in log[at:] for w in ("retrying", "intercepts pointer events", "attempting"))


async def _wait_outcome(page, expect: Expect, already: bool, watch: "_SubmitWatch", deadline: float,
                        action_ms: float) -> dict:
    """Wait until the deadline for the page to confirm or show an error, or for a request of the submit to fail."""
    since = int(time.time() * 1000)
    args = [expect.text, expect.text_pattern, expect.url, since, already]
    while (left := deadline - time.perf_counter()) > 0:
        if watch.failures(certain=True):
            try:  # let the error page render for the screenshot
                await page.wait_for_load_state("load", timeout=action_ms)
            except Exception:  # noqa: BLE001
                pass
            return {"state": "http_error"}
        try:
            handle = await untraced(page, lambda: page.wait_for_function(
                OUTCOME_JS, arg=args, timeout=min(left, 1.0) * 1000, polling="raf"))
            return await handle.json_value()
        except Exception as exc:  # noqa: BLE001
            # A timeout slice passed, or the page navigated mid-check: look again.
            if "Timeout" not in type(exc).__name__ and "context was destroyed" not in str(exc) \
                    and "navigat" not in str(exc).lower() and "Timeout" not in str(exc):
                raise
    return {"state": "timeout"}


# --- The requests of the submit: which ones carry the message, and whether they got through -------------------
#
# The form's own requests, made from the click on: those that carry the message (the longest value the
# customer typed, at least MIN_NEEDLE characters, in the URL or body, as typed, URL-encoded or JSON-escaped);
# when none does (nothing that long was typed, or the page encodes it), those that send data (not
# GET/HEAD/OPTIONS) to a form's origin (the page's own, a frame holding a form, a form's action).
# Counted: the form's own requests, and every page opened in the tab (the form's submission, the confirmation
# or error page) or in a frame of a form's origin. Nothing else is a finding about the form: a third party's
# analytics beacon, an image, a GET that sends nothing the customer typed, an own-origin analytics POST beside
# a request that does carry the message.
# A counted request fails when it is answered 4xx/5xx, fails on the network, or is answered 2xx with JSON
# that says it failed (see _json_says_failed). A request the allowlist blocked is the prober's doing (see
# NetGuard.settle); one the page cancelled itself (net::ERR_ABORTED) is not a failure. The form's own
# requests must also complete: still under way at the step's end, or cancelled, after a confirmation is
# web_form.false_confirmation.

MIN_NEEDLE = 8                   # shorter values ("Yes", a name) appear in too many unrelated requests
BODY_EXCERPT_CHARS = 300         # of a failing answer, for the finding's evidence
MAX_BODY_BYTES = 1_000_000       # answers larger than this are not read for a JSON verdict; nor bodies searched further
CONFIRM_GRACE_S = 5.0            # after a confirmation, the form's own requests get at least this long
_FAILED_STATUS_WORDS = frozenset({"error", "fail", "failed", "failure"})
# The prober's own network, never the company's: its proxy, its machine's connection.
_PROBER_NET_ERRORS = ("ERR_PROXY_CONNECTION_FAILED", "ERR_INTERNET_DISCONNECTED", "ERR_NETWORK_CHANGED",
                      "ERR_NETWORK_IO_SUSPENDED")

FORM_ORIGINS_JS = """() => document.forms.length ? [location.origin,
    ...[...document.forms].map(f => f.action), ...[...document.querySelectorAll('[formaction]')].map(b => b.formAction)]
  : []"""


def _typed_values(step, ctx) -> list[str]:
    """What the customer typed into the form (fields, and any typing actions)."""
    values = [f.value for f in (getattr(step, "fields", None) or []) if isinstance(getattr(f, "value", None), str)]
    values += [a.fill.value for a in (getattr(step, "actions", None) or []) if a.fill is not None]
    return [ctx.render(v) for v in values]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme in ("http", "https") else ""


def _json_says_failed(data: object) -> str | None:
    """Why a 2xx JSON answer says the sending failed, or None. The rule, on the top-level object only:

    `"success": false`, `"ok": false`, `"status"` one of error/fail/failed/failure or a number >= 400, or an
    `"error"`/`"errors"` that is truthy (not null, false, 0, "", [] or {}) unless `"success"`/`"ok"` is true.
    """
    if not isinstance(data, dict):
        return None
    keys = {str(k).lower(): v for k, v in data.items()}
    for key in ("success", "ok"):
        if keys.get(key) is False:
            return f'"{key}": false'
    status = keys.get("status")
    if isinstance(status, str) and status.strip().lower() in _FAILED_STATUS_WORDS:
        return f'"status": {json.dumps(status)}'
    if isinstance(status, int) and not isinstance(status, bool) and status >= 400:
        return f'"status": {status}'
    if keys.get("success") is True or keys.get("ok") is True:
        return None
    for key in ("error", "errors"):
        if keys.get(key):
            return f'"{key}": {json.dumps(keys[key], ensure_ascii=False)[:120]}'
    return None


def _excerpt(body: bytes) -> str:
    text = body[:BODY_EXCERPT_CHARS * 8].decode("utf-8", "replace")
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text)).strip()
    return text[:BODY_EXCERPT_CHARS] + ("…" if len(text) > BODY_EXCERPT_CHARS else "")


class _Sent:
    """One counted request of the submit and what became of it."""

    def __init__(self, request, carries: bool, form_send: bool, navigation: bool) -> None:
        self.method, self.url = request.method, request.url
        self.carries = carries             # the message is in it
        self.form_send = form_send         # it sends data to a form's origin
        self.navigation = navigation       # it opens a page in the tab, or in a frame of a form's origin
        self.at_s = time.perf_counter()
        self.done_s: float | None = None   # finished or failed
        self.status: int | None = None
        self.failure: str | None = None    # Chromium's network error
        self.excerpt = ""                  # of a failing answer's body
        self.json_failed: str | None = None

    def describe(self) -> str:
        if self.failure:
            return f"{self.method} {self.url} -> {self.failure}"
        return f"{self.method} {self.url} -> " + (f"HTTP {self.status}" if self.status is not None else "no answer yet")

    def unfinished_why(self, now: float) -> str:
        if self.failure:
            return f"was cancelled by the page ({self.failure})"
        return f"was still under way {now - self.at_s:.1f} s after it started"


class _SubmitWatch:
    """The requests the page makes from the click on (see the rule above), judged at the step's end."""

    def __init__(self, origins: set[str], values: list[str], target) -> None:
        self.origins = origins
        self.target = target
        longest = max(values, key=len, default="").replace("\r\n", "\n")
        self.needles = ([longest, json.dumps(longest)[1:-1], json.dumps(longest, ensure_ascii=False)[1:-1]]
                        if len(longest) >= MIN_NEEDLE else [])
        self.sent: dict[object, _Sent] = {}
        self._reads: set[asyncio.Task] = set()

    @classmethod
    async def arm(cls, page, values: list[str], target, action_ms: float, listening: list) -> "_SubmitWatch":
        """Note the form's origins, then listen to the page's requests (call it right before the click)."""
        origins = {_origin(page.url)}

        async def form_origins(frame) -> list[str]:
            try:
                return await asyncio.wait_for(untraced(frame, lambda: frame.evaluate(FORM_ORIGINS_JS)), action_ms / 1000)
            except Exception as exc:  # noqa: BLE001 - a frame that went away or is busy holds no form we know of
                if _closed(exc) and frame is page.main_frame:
                    raise
                return []

        for found in await asyncio.gather(*(form_origins(f) for f in page.frames)):
            origins.update(_origin(u) for u in found)
        watch = cls(origins - {""}, values, target)
        for event, handler in (("request", watch._on_request), ("response", watch._on_response),
                               ("requestfinished", watch._on_done), ("requestfailed", watch._on_done)):
            page.on(event, handler)
            listening.append((event, handler))
        return watch

    def _carries_message(self, request) -> bool:
        if not self.needles:
            return False
        try:
            body = (request.post_data_buffer or b"")[:MAX_BODY_BYTES].decode("utf-8", "replace")
        except Exception:  # noqa: BLE001 - a body Playwright cannot give is not the message
            body = ""
        for text in (request.url, body):
            if not text:
                continue
            for hay in {text, unquote_plus(text), unquote(text)}:
                hay = hay.replace("\r\n", "\n").replace("\\r\\n", "\\n")
                if any(n in hay for n in self.needles):
                    return True
        return False

    def _on_request(self, request) -> None:
        url = request.url
        if not url.startswith(("http:", "https:")):
            return
        try:
            frame = request.frame
            main = request.is_navigation_request() and frame.parent_frame is None
        except Exception:  # noqa: BLE001 - a service worker's request belongs to no frame
            main = False
        to_form = _origin(url) in self.origins
        carries = self._carries_message(request)
        form_send = to_form and request.method not in ("GET", "HEAD", "OPTIONS")
        navigation = main or (to_form and request.is_navigation_request())
        if carries or form_send or navigation:
            self.sent[request] = _Sent(request, carries, form_send, navigation)

    def _on_response(self, response) -> None:
        sent = self.sent.get(response.request)
        if sent is None:
            return
        sent.status = response.status
        json_like = "json" in (response.headers.get("content-type") or "")
        if response.status >= 400 or (200 <= response.status < 300 and json_like):
            # Read now: a page that navigates away takes the body with it.
            task = asyncio.get_running_loop().create_task(self._read(sent, response))
            self._reads.add(task)
            task.add_done_callback(self._reads.discard)

    async def _read(self, sent: _Sent, response) -> None:
        try:
            if int(response.headers.get("content-length") or 0) > MAX_BODY_BYTES:
                return
            body = await response.body()
        except Exception:  # noqa: BLE001 - no body (a redirect, a page gone): judged on its status alone
            return
        if sent.status is not None and sent.status >= 400:
            sent.excerpt = _excerpt(body)
            return
        try:
            why = _json_says_failed(json.loads(body[:MAX_BODY_BYTES]))
        except ValueError:
            return
        if why:
            sent.json_failed, sent.excerpt = why, _excerpt(body)

    def _on_done(self, request) -> None:
        sent = self.sent.get(request)
        if sent is not None:
            sent.done_s = time.perf_counter()
            sent.failure = request.failure

    def blocked(self, sent: _Sent) -> bool:
        """Stopped by the allowlist (the route, or the proxy for a host it does not name): the prober's doing."""
        return "ERR_BLOCKED_BY_CLIENT" in (sent.failure or "") or not self.target.covers(sent.url)

    def own(self) -> list[_Sent]:
        """The form's own requests: those carrying the message, else those sending data to a form's origin."""
        return [s for s in self.sent.values() if s.carries] or [s for s in self.sent.values() if s.form_send]

    def failures(self, certain: bool = False) -> list[_Sent]:
        """Counted requests that failed: 4xx/5xx, a network failure, or 2xx JSON that says it failed.

        certain: only those that are surely the form's (carrying the message, or a page opened in the tab),
        for while the submit is still under way and it is not yet known which requests carry the message.
        """
        own = self.own()
        out = []
        for sent in self.sent.values():
            if not (sent.carries or sent.navigation or (not certain and sent in own)):
                continue
            if sent.failure:
                if self.blocked(sent) or "ERR_ABORTED" in sent.failure:
                    continue
                if any(e in sent.failure for e in _PROBER_NET_ERRORS):
                    raise ProberError(f"could not tell whether the form was sent: the prober's own network failed "
                                      f"while it was ({sent.failure} at {sent.url}); the company may have it, so it "
                                      "is not sent again")
                out.append(sent)
            elif (sent.status is not None and sent.status >= 400) or sent.json_failed:
                out.append(sent)
        return out

    def unfinished(self) -> list[_Sent]:
        """The form's own requests that never completed: still under way, or cancelled by the page."""
        return [s for s in self.own() if not self.blocked(s)
                and (s.done_s is None or "ERR_ABORTED" in (s.failure or ""))]

    async def settle(self, until: float) -> None:
        """Wait until the form's own requests are done (at most until `until`) and their answers are read."""
        while time.perf_counter() < until and any(s.done_s is None for s in self.own()):
            await asyncio.sleep(0.1)
        if self._reads:
            await asyncio.wait(set(self._reads), timeout=max(1.0, until - time.perf_counter()))


async def _confirms(page, expect: Expect) -> bool:
    """Does the page show the confirmation now?"""
    try:
        return bool(await untraced(page, lambda: page.evaluate(CONFIRMED_JS, [expect.text, expect.text_pattern, expect.url])))
    except Exception as exc:  # noqa: BLE001 - a page mid-navigation shows nothing yet
        if _closed(exc):
            raise
        return False


def _http_error_finding(failures: list[_Sent], confirmed: Expect | None) -> Finding:
    """web_form.http_error for the failed requests of the submit; confirmed: the page confirmed all the same."""
    first = failures[0]
    if first.failure:
        title = "Sending the form failed: its request failed on the network"
        what = f"failed on the network ({first.failure} at {first.url})"
    elif first.json_failed:
        title = f"Sending the form failed: the server answered HTTP {first.status}, but said it did not work"
        what = f"was answered HTTP {first.status} with {first.json_failed}"
    else:
        title = f"Sending the form failed with HTTP {first.status}"
        what = f"was answered HTTP {first.status}"
    detail = (f"The customer pressed send and the page's request {first.method} {first.url} {what}: the message "
              "was most likely lost.")
    if confirmed:
        words = f" ({confirmed.text!r})" if confirmed.text else ""
        detail += f" The page showed its confirmation{words} all the same, so the customer believes it was sent."
    if len(failures) > 1:
        detail += f" {len(failures) - 1} more request(s) of the submit failed too."

    def evidence(s: _Sent) -> str:
        if s.failure:
            return f"{s.method} {s.url}\n{s.failure} at {s.url}"
        return f"HTTP {s.status} {s.method} {s.url}" + (f"\n{s.excerpt}" if s.excerpt else "")

    return Finding("web_form.http_error", "critical", title, detail, "\n".join(evidence(s) for s in failures[:3]))


async def _fill(loc, value: str, timeout_ms: float) -> None:
    """Type into an input or textarea; for a drop-down, choose the option with that label."""
    try:
        await loc.fill(value, timeout=timeout_ms)
    except Exception as exc:  # noqa: BLE001
        if "<select>" not in str(exc) and "not an <input>" not in str(exc):
            raise
        await loc.select_option(label=value, timeout=timeout_ms)


async def _text(page, selector: str, timeout_ms: float) -> str:
    try:
        loc = page.locator(selector)
        if selector != "body" and not await untraced(page, loc.count):
            return ""
        return await untraced(page, lambda: loc.first.inner_text(timeout=timeout_ms))
    except Exception as exc:  # noqa: BLE001
        if _closed(exc):
            raise
        return ""


async def _screenshot(ctx, page, out: Outcome, which: str, label: str, timeout_ms: float) -> None:
    path = ctx.evidence_path(f"{which}.png")
    try:
        await untraced(page, lambda: page.screenshot(path=str(path), full_page=True, timeout=timeout_ms))
        out.evidence.append(Evidence("screenshot", label, path))
    except Exception as exc:  # noqa: BLE001 - a missing screenshot must not hide the finding
        out.observations.setdefault("evidence_errors", []).append(f"{which}.png: {exc}")
