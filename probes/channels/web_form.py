"""web_form: a customer fills in a contact form on the company's website.

Open the page, fill fields (located by label, placeholder, name or CSS
selector), submit, and wait for the confirmation. Along the way, note what a
customer would run into: HTTP errors, validation messages, a CAPTCHA, a submit
that never confirms, JavaScript errors. Evidence: a screenshot before submit,
one after, and a Playwright trace.
"""
from __future__ import annotations

import re
import time
from typing import Literal

from pydantic import Field, field_validator, model_validator

from ..durations import Duration
from ..results import Evidence, Finding, Outcome, utcnow
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
    load_within: Duration = Field(20.0, description="how long the page may take to load")
    retries: int = Field(1, ge=0, le=5, description="page-load retries on network errors (before anything is sent)")

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


async def run(step: "WebFormStep", ctx) -> Outcome:
    """Fill in and submit the form like a customer; report what happened."""
    out = Outcome()
    browser = await ctx.browser()
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, locale=ctx.locale)
    console_errors: list[str] = []
    http_errors: list[dict] = []
    blocked: list[str] = []
    submitted_at: list[float] = []

    async def guard(route, request):
        # Safety: only navigate to, or send data to, addresses on the target's allowlist.
        if (request.is_navigation_request() or request.method != "GET") and not ctx.allows(request.url):
            blocked.append(f"{request.method} {request.url}")
            await route.abort("blockedbyclient")
        else:
            await route.continue_()

    def on_response(response):
        req = response.request
        if response.status >= 400 and (req.is_navigation_request() or req.resource_type in ("xhr", "fetch")):
            http_errors.append({"url": response.url, "status": response.status, "method": req.method,
                                "after_submit": bool(submitted_at)})

    await context.route("**/*", guard)
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
    trace_path = ctx.evidence_path("trace.zip") if ctx.trace else None
    if trace_path:
        await context.tracing.start(screenshots=True, snapshots=True)
    try:
        await _exercise(step, ctx, page, out, http_errors, blocked, submitted_at)
    finally:
        if console_errors:
            out.findings.append(Finding(
                "web_form.console_error", "minor", "The page has JavaScript errors",
                f"{len(console_errors)} error(s) in the browser console; parts of the page may not work "
                "for every customer.", "\n".join(console_errors[:5])))
            out.observations["console_errors"] = console_errors
        if blocked:
            out.observations["blocked_requests"] = blocked
        if trace_path:
            await context.tracing.stop(path=str(trace_path))
            out.evidence.append(Evidence("trace", "Playwright trace", trace_path))
        await context.close()
    return out


async def _exercise(step: "WebFormStep", ctx, page, out: Outcome, http_errors, blocked, submitted_at) -> None:
    url = ctx.render(step.url)
    out.observations["url"] = url
    # Load the page; network errors are retried (nothing has been sent yet).
    response = None
    for attempt in range(step.retries + 1):
        t0 = time.perf_counter()
        try:
            response = await page.goto(url, wait_until="load", timeout=step.load_within * 1000)
            break
        except Exception as exc:  # noqa: BLE001 - playwright raises its own Error/TimeoutError
            reason = str(exc).strip().splitlines()[0]
            out.observations.setdefault("load_attempts", []).append(reason)
            if attempt == step.retries:
                out.findings.append(Finding("web_form.unreachable", "critical", "The contact page could not be opened",
                                            f"After {attempt + 1} attempt(s) the page at {url} did not load.", reason))
                return
    out.measurements["page_load_s"] = time.perf_counter() - t0
    status = response.status if response else None
    out.observations["http_status"] = status
    if status is not None and status >= 400:
        out.findings.append(Finding("web_form.http_error", "critical", f"The contact page answered HTTP {status}",
                                    f"A customer opening {url} gets an error page instead of the form.",
                                    f"HTTP {status} {url}"))
        await _screenshot(ctx, page, out, "after", "Error page")
        return

    for f in step.fields:
        loc = _locator(page, f).first
        try:
            if f.check is not None:
                await loc.set_checked(f.check, timeout=3000)
            else:
                await _fill(loc, ctx.render(f.value))
        except Exception as exc:  # noqa: BLE001
            out.findings.append(Finding("web_form.field_missing", "major", f"The form has no field with {f.describe()}",
                                        "The journey could not fill in this field; the form may have changed.",
                                        str(exc).strip().splitlines()[0]))
            await _screenshot(ctx, page, out, "before", "Form as found")
            return
    await _screenshot(ctx, page, out, "before", "Filled form before sending")

    if step.submit and step.submit.text:
        button = page.get_by_role("button", name=step.submit.text)
    elif step.submit:
        button = page.locator(step.submit.selector)
    else:
        button = page.locator("form button[type=submit], form input[type=submit], form button:not([type])")
    out.contacted = True  # from the click on, the company may have received it
    out.sent_at = utcnow()
    expect = step.expect
    # One round trip: mark the form page, note a CAPTCHA, and whether the confirmation already shows.
    captcha, already = await page.evaluate(
        "a => { window.__probesFormPage = 1; return [(" + CAPTCHA_JS + ")(), (" + CONFIRMED_JS + ")(a)]; }",
        [expect.text, expect.text_pattern, expect.url])
    out.observations["captcha"] = captcha
    t_submit = time.perf_counter()
    submitted_at.append(t_submit)  # before the click: its response can arrive before click() returns
    try:
        await button.first.click(timeout=3000)
    except Exception as exc:  # noqa: BLE001
        out.contacted = False
        submitted_at.clear()
        out.findings.append(Finding("web_form.field_missing", "major", "The form's send button was not found",
                                    "The journey could not send the form.", str(exc).strip().splitlines()[0]))
        return

    result = await _wait_outcome(page, expect, already, http_errors)
    elapsed = time.perf_counter() - t_submit
    out.observations["result"] = result.get("state")
    if result["state"] == "confirmed":
        out.measurements["submit_to_confirmation_s"] = elapsed
    await _screenshot(ctx, page, out, "after", "After sending")
    if "body" not in result:  # timeouts and HTTP errors come back without the page's text
        result["body"], result["main"] = await _text(page, "body"), await _text(page, "main")
    text = result["body"]
    shown = result["main"] or text  # for snippets: the page's content, not its menu
    out.observations["final_url"] = page.url

    if blocked:
        out.findings.append(Finding("web_form.blocked", "major", "The form sends to an address not on the allowlist",
                                    "The prober stopped the request; add the address to the target's allowlist "
                                    "if it belongs to the company.", blocked[0]))
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


async def _wait_outcome(page, expect: Expect, already: bool, http_errors: list[dict]) -> dict:
    """Wait for the page to confirm, show an error, or for time to run out."""
    deadline = time.perf_counter() + expect.within
    since = int(time.time() * 1000)
    args = [expect.text, expect.text_pattern, expect.url, since, already]
    while (left := deadline - time.perf_counter()) > 0:
        if errs := [e for e in http_errors if e["after_submit"]]:
            try:  # let the error page render for the screenshot
                await page.wait_for_load_state("load", timeout=2000)
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


async def _fill(loc, value: str) -> None:
    """Type into an input or textarea; for a drop-down, choose the option with that label."""
    try:
        await loc.fill(value, timeout=3000)
    except Exception as exc:  # noqa: BLE001
        if "<select>" not in str(exc) and "not an <input>" not in str(exc):
            raise
        await loc.select_option(label=value, timeout=3000)


async def _text(page, selector: str) -> str:
    try:
        if selector != "body" and not await page.locator(selector).count():
            return ""
        return await page.locator(selector).first.inner_text(timeout=2000)
    except Exception:  # noqa: BLE001
        return ""


async def _screenshot(ctx, page, out: Outcome, which: str, label: str) -> None:
    path = ctx.evidence_path(f"{which}.png")
    try:
        await page.screenshot(path=str(path), full_page=True, timeout=5000)
        out.evidence.append(Evidence("screenshot", label, path))
    except Exception as exc:  # noqa: BLE001 - a missing screenshot must not hide the finding
        out.observations.setdefault("evidence_errors", []).append(f"{which}.png: {exc}")
