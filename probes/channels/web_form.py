"""web_form: a customer fills in a contact form on the company's website.

Open the page, fill fields (located by label, placeholder, name or CSS
selector), submit, and wait for the confirmation. Along the way, note what a
customer would run into: HTTP errors, validation messages, a CAPTCHA, a submit
that never confirms, JavaScript errors. Evidence: a screenshot before submit,
one after, and a Playwright trace (settings.browser.trace).
"""
from __future__ import annotations

import asyncio
import re
import time
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..browser import StepTrace
from ..durations import Duration
from ..netguard import NetGuard
from ..results import Evidence, Finding, Outcome, ProberError, utcnow
from ..steps import Regex, StepBase, Strict, compile_regex

USES_BROWSER = True


class FieldFill(Strict):
    """One form field and what to put in it. Give exactly one way to find it."""

    label: str | None = Field(None, description="the field's label text (exact words, case-insensitive)")
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
    within: Duration = Field(15.0, description="how long the customer waits for it, e.g. 10s")

    @model_validator(mode="after")
    def _something(self) -> "Expect":
        if not (self.text or self.text_pattern or self.url):
            raise ValueError("give text, text_pattern or url to recognise the confirmation")
        return self



class WebFormStep(StepBase):
    channel: Literal["web_form"]
    url: str = Field(description="the page with the form; may use {target.website}")
    fields: list[FieldFill] = Field(min_length=1)
    submit: Submit | None = None
    expect: Expect
    save: dict[str, str] = Field(default_factory=dict, description="name: regular expression with one group, "
                                                                   "matched on the confirmation text")
    load_within: Duration | None = Field(None, description="how long the page may take to finish loading; "
                                                           "default settings.browser.load_timeout_s (60 s)")
    retries: int = Field(1, ge=0, le=5, description="page-load retries on network errors and timeouts (before anything is sent)")

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
        for i, f in enumerate(self.fields):
            if f.value is not None:
                out[("fields", i, "value")] = f.value
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


def _locator(page, f: FieldFill):
    if f.label is not None:
        return page.get_by_label(f.label, exact=False)
    if f.placeholder is not None:
        return page.get_by_placeholder(f.placeholder)
    if f.name is not None:
        return page.locator(f"[name={_css_string(f.name)}]")
    return page.locator(f.selector)


def _css_string(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


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
    # Safety: every request and connection of this context is held to the target's allowlist.
    guard = await NetGuard(ctx.target, "web_form").start()
    try:
        context = await session.new_context(viewport={"width": 1280, "height": 900}, locale=ctx.locale,
                                            proxy=guard.proxy)
    except BaseException as exc:
        await guard.close()
        if isinstance(exc, ProberError):
            raise ProberError(str(exc), nothing_sent=True) from exc
        if isinstance(exc, Exception):  # playwright raises its own errors
            raise ProberError(f"could not open a browser tab: {_first_line(exc)}; nothing was sent",
                              nothing_sent=True) from exc
        raise
    browser = context.browser
    console_errors: list[str] = []
    http_errors: list[dict] = []
    submitted_at: list[float] = []
    attempt = _Attempt()

    def on_response(response):
        req = response.request
        if response.status >= 400 and (req.is_navigation_request() or req.resource_type in ("xhr", "fetch")):
            http_errors.append({"url": response.url, "status": response.status, "method": req.method,
                                "after_submit": bool(submitted_at)})

    trace = StepTrace(ctx.trace, ctx.evidence_path("trace.zip"))
    try:
        await guard.attach(context)
        await context.add_init_script("(" + WATCH_JS + ")()")
        page = await context.new_page()

        def on_console(msg):
            # "Failed to load resource" for a page we already report as an HTTP error says nothing new.
            failed_urls = {e["url"] for e in http_errors}
            if msg.type == "error" and not (msg.text.startswith("Failed to load resource")
                                            and (msg.location or {}).get("url") in failed_urls):
                console_errors.append(msg.text)

        page.on("console", on_console)
        page.on("pageerror", lambda e: console_errors.append(str(e)))
        page.on("response", on_response)
        page.on("request", attempt.note_request)
        page.on("requestfinished", attempt.note_done)
        page.on("requestfailed", attempt.note_done)
        page.on("crash", lambda _page: setattr(attempt, "page_crashed", True))
        await trace.start(context)
        await _exercise(step, ctx, page, out, http_errors, submitted_at, attempt, settings)
    except ProberError as exc:
        raise ProberError(str(exc), nothing_sent=exc.nothing_sent or not attempt.clicked) from exc
    except Exception as exc:  # noqa: BLE001 - playwright raises its own Error/TimeoutError
        if not (session.lost(browser) or attempt.page_crashed or _closed(exc)):
            raise
        where = ("after the form was sent: the company may have received it, so it is not sent again"
                 if attempt.clicked else
                 "before the form was sent: nothing reached the company, and a resumed run "
                 "(probes run --run-id) sends it")
        raise ProberError(f"Chromium went away while the step ran (it crashed or was killed), {where} "
                          f"({_first_line(exc)})", nothing_sent=not attempt.clicked) from exc
    finally:
        if console_errors:
            out.findings.append(Finding(
                "web_form.console_error", "minor", "The page has JavaScript errors",
                f"{len(console_errors)} error(s) in the browser console; parts of the page may not work "
                "for every customer.", "\n".join(console_errors[:5])))
            out.observations["console_errors"] = console_errors
        await _close(context, trace, out)
        await guard.close()
    # A block is the prober's doing: noted when the form confirmed, else the step cannot be judged.
    guard.settle(out, passed=out.observations.get("result") == "confirmed",
                 sent_at_s=submitted_at[0] if submitted_at else None)
    return out


async def _close(context, trace: StepTrace, out: Outcome) -> None:
    """Save the trace (as settings.browser.trace says) and close the tab; a browser that died on its way
    has nothing left to save."""
    await trace.stop(context, out, passed=out.observations.get("result") == "confirmed")
    try:
        await context.close()
    except Exception as exc:  # noqa: BLE001 - a tab that will not close must not hide what the step saw
        out.observations.setdefault("evidence_errors", []).append(f"closing the tab: {_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _closed(exc: BaseException) -> bool:
    """Did this error come from a browser, tab or renderer that is gone?"""
    text = str(exc)
    return (type(exc).__name__ == "TargetClosedError" or "has been closed" in text or "Target crashed" in text
            or "Browser closed" in text or "Connection closed" in text)


def _timed_out(exc: BaseException) -> bool:
    return type(exc).__name__ == "TimeoutError" or "Timeout" in _first_line(exc)


async def _settled(page, attempt: _Attempt, wait_s: float) -> str | None:
    """Wait up to wait_s for the page to settle: None once it has, else why it has not.

    Settled: the load event has fired, no request is under way and the DOM has not changed for QUIET_S.
    """
    deadline = time.monotonic() + wait_s
    while True:
        try:
            ready, unchanged_ms = await page.evaluate(SETTLED_JS)
        except Exception as exc:  # noqa: BLE001 - the page navigated away mid-check: not settled
            if _closed(exc):
                raise
            ready, unchanged_ms = "navigating", 0.0
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


async def _exercise(step: "WebFormStep", ctx, page, out: Outcome, http_errors, submitted_at,
                    attempt: _Attempt, settings) -> None:
    url = ctx.render(step.url)
    out.observations["url"] = url
    action_ms = settings.action_timeout_s * 1000
    load_s = step.load_within if step.load_within is not None else settings.load_timeout_s
    # Load the page; network errors and timeouts are retried (nothing has been sent yet).
    response = None
    for tries in range(step.retries + 1):
        t0 = time.perf_counter()
        try:
            response = await page.goto(url, wait_until="load", timeout=load_s * 1000)
            break
        except Exception as exc:  # noqa: BLE001 - playwright raises its own Error/TimeoutError
            if _closed(exc) or attempt.page_crashed:
                raise
            reason = _first_line(exc)
            out.observations.setdefault("load_attempts", []).append(reason)
            if tries < step.retries:
                continue
            if _timed_out(exc):
                # A page that never finishes loading may be the company's, or a prober too busy to load it.
                raise ProberError(f"could not tell: the page at {url} did not finish loading within {load_s:g} s "
                                  f"({tries + 1} attempt(s)); nothing was sent. The limit is the step's "
                                  f"load_within, else settings.browser.load_timeout_s", nothing_sent=True) from exc
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

    for f in step.fields:
        loc = _locator(page, f)
        try:
            if f.check is not None:
                await loc.first.set_checked(f.check, timeout=action_ms)
            else:
                await _fill(loc.first, ctx.render(f.value), action_ms)
        except Exception as exc:  # noqa: BLE001
            if _closed(exc) or attempt.page_crashed:
                raise
            absent, why = await _absent(page, loc, attempt, settings, exc)
            if not absent:
                raise ProberError(f"could not tell whether the form has a field with {f.describe()}: {why} "
                                  f"({_first_line(exc)}); nothing was sent; {_prober_hint(settings)}",
                                  nothing_sent=True) from exc
            out.findings.append(Finding("web_form.field_missing", "major", f"The form has no field with {f.describe()}",
                                        f"{why} {f.describe()}. The journey could not fill in this field; "
                                        "the form may have changed.", _first_line(exc)))
            await _screenshot(ctx, page, out, "before", "Form as found", action_ms)
            return
    await _screenshot(ctx, page, out, "before", "Filled form before sending", action_ms)

    if step.submit and step.submit.text:
        button, which = page.get_by_role("button", name=step.submit.text), f"button '{step.submit.text}'"
    elif step.submit:
        button, which = page.locator(step.submit.selector), f"send button at '{step.submit.selector}'"
    else:
        button = page.locator("form button[type=submit], form input[type=submit], form button:not([type])")
        which = "submit button in a form"
    expect = step.expect
    # One round trip: mark the form page, note a CAPTCHA, and whether the confirmation already shows.
    captcha, already = await page.evaluate(
        "a => { window.__probesFormPage = 1; return [(" + CAPTCHA_JS + ")(), (" + CONFIRMED_JS + ")(a)]; }",
        [expect.text, expect.text_pattern, expect.url])
    out.observations["captcha"] = captcha
    out.contacted = True  # from the click on, the company may have received it
    out.sent_at = utcnow()
    t_submit = time.perf_counter()
    submitted_at.append(t_submit)  # before the click: its response can arrive before click() returns
    attempt.clicked = True
    try:
        await button.first.click(timeout=action_ms)
    except Exception as exc:  # noqa: BLE001
        if _closed(exc) or attempt.page_crashed:
            raise
        if attempt.after_click:
            # The click went through but Playwright gave up waiting afterwards: the form may have gone.
            raise ProberError(f"could not tell whether the form was sent: the click on the {which} timed out "
                              f"after the page had started a request ({attempt.after_click[0]}); the company may "
                              f"have it, so it is not sent again ({_first_line(exc)})") from exc
        attempt.clicked = False
        out.contacted = False
        submitted_at.clear()
        absent, why = await _absent(page, button, attempt, settings, exc)
        if not absent:
            raise ProberError(f"could not tell whether the form has a {which}: {why} ({_first_line(exc)}); "
                              f"nothing was sent; {_prober_hint(settings)}", nothing_sent=True) from exc
        out.findings.append(Finding("web_form.field_missing", "major", "The form's send button was not found",
                                    f"{why} a {which}. The journey could not send the form.",
                                    _first_line(exc)))
        return

    result = await _wait_outcome(page, expect, already, http_errors, action_ms)
    elapsed = time.perf_counter() - t_submit
    out.observations["result"] = result.get("state")
    # Got through: the page confirmed it. Pressing send alone proves nothing (the company may never have it).
    out.observations["reachable"] = result.get("state") == "confirmed"
    if result["state"] == "confirmed":
        out.measurements["submit_to_confirmation_s"] = elapsed
    await _screenshot(ctx, page, out, "after", "After sending", action_ms)
    if "body" not in result:  # timeouts and HTTP errors come back without the page's text
        result["body"], result["main"] = await _text(page, "body", action_ms), await _text(page, "main", action_ms)
    text = result["body"]
    shown = result["main"] or text  # for snippets: the page's content, not its menu
    out.observations["final_url"] = page.url

    state = result["state"]
    if state == "confirmed":
        out.responses.append(text)
        # What the customer read after sending: the report shows it, with the checks' findings marked in it.
        out.observations["confirmation_text"] = shown[:3000]
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
    errors = [e for e in http_errors if e["after_submit"]]
    if state == "http_error" or errors:
        e = errors[0] if errors else result
        out.findings.append(Finding("web_form.http_error", "critical", f"Sending the form failed with HTTP {e['status']}",
                                    "The customer pressed send and got an error page: the message was most likely lost.",
                                    f"HTTP {e['status']} {e.get('method', '')} {e['url']}".replace("  ", " ")))
    elif captcha:
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
        out.findings.append(Finding("web_form.no_confirmation", "critical",
                                    f"No confirmation within {step.expect.within:g} s of sending",
                                    "The customer cannot tell whether the message arrived.",
                                    shown[:300]))


async def _wait_outcome(page, expect: Expect, already: bool, http_errors: list[dict], action_ms: float) -> dict:
    """Wait for the page to confirm, show an error, or for time to run out."""
    deadline = time.perf_counter() + expect.within
    since = int(time.time() * 1000)
    args = [expect.text, expect.text_pattern, expect.url, since, already]
    while (left := deadline - time.perf_counter()) > 0:
        if errs := [e for e in http_errors if e["after_submit"]]:
            try:  # let the error page render for the screenshot
                await page.wait_for_load_state("load", timeout=action_ms)
            except Exception:  # noqa: BLE001
                pass
            return {"state": "http_error", **errs[0]}
        try:
            handle = await page.wait_for_function(OUTCOME_JS, arg=args, timeout=min(left, 1.0) * 1000, polling="raf")
            return await handle.json_value()
        except Exception as exc:  # noqa: BLE001
            # A timeout slice passed, or the page navigated mid-check: look again.
            if "Timeout" not in type(exc).__name__ and "context was destroyed" not in str(exc) \
                    and "navigat" not in str(exc).lower() and "Timeout" not in str(exc):
                raise
    return {"state": "timeout"}


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
        if selector != "body" and not await page.locator(selector).count():
            return ""
        return await page.locator(selector).first.inner_text(timeout=timeout_ms)
    except Exception as exc:  # noqa: BLE001
        if _closed(exc):
            raise
        return ""


async def _screenshot(ctx, page, out: Outcome, which: str, label: str, timeout_ms: float) -> None:
    path = ctx.evidence_path(f"{which}.png")
    try:
        await page.screenshot(path=str(path), full_page=True, timeout=timeout_ms)
        out.evidence.append(Evidence("screenshot", label, path))
    except Exception as exc:  # noqa: BLE001 - a missing screenshot must not hide the finding
        out.observations.setdefault("evidence_errors", []).append(f"{which}.png: {exc}")
