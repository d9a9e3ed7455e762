"""Findings marked inside the replies, findings by family per company, and tuned checks, in the report.

A real ledger: an email answer whose body holds a placeholder, a chat whose bot said something rude,
a confirmation page naming another customer; read back through build_results and opened in Chromium.
"""
from __future__ import annotations

import datetime as dt

import pytest
from markupsafe import Markup

from probes import ledger as ledger_module
from probes.ledger import Ledger
from probes.report import build_results, write_json, write_report
from probes.report.build import EXCERPT_CHARS, _excerpt
from probes.report.highlight import mark_text, spans
from probes.report.render import findings_by_family, tuning_lines
from probes.results import Finding

from .conftest import open_report

T0 = dt.datetime(2026, 3, 2, 9, 0, 0, tzinfo=dt.timezone.utc)
SUPPORT = "support@northwind.test"
GREETING = "Dear <Customer Name>,"
BODY = (f"{GREETING}\r\n\r\n\r\n\r\nThank you for contacting Northwind.   \r\nYour washing machine ships on Friday.\r\n"
        "\r\nKind regards,\r\nTom\r\n\r\n> Where is my washing machine?\r\n")
RUDE = "Honestly, that's a stupid question."
PAGE = "Thank you, Jane Doe!\nWe will answer Mark Brown within 2 days.\nReference NW-20413."
TUNING = {"tone": {"off": True, "severity": None, "reason": "a grieving customer expects a sober reply",
                   "from": "scenario"},
          "placeholder": {"off": False, "severity": "minor", "reason": "the shop's own template test",
                          "from": "target"}}


def at(seconds: float) -> dt.datetime:
    return T0 + dt.timedelta(seconds=seconds)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    base = tmp_path_factory.mktemp("highlight")
    root = base / "reports"
    clock = Clock()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ledger_module, "utcnow", clock)
        led = Ledger(f"sqlite:///{base / 'ledger.db'}")
        run_id = led.start_run("run", evidence_root=root)
        persona = {"name": "Jane Doe", "email": "jane@prober.test", "situation": "bereavement"}

        # 1. An email answered by a person whose template broke; findings sit on the await step (as harvest does).
        j1 = led.start_journey(run_id, name="Ask about a delivery by email", file="scenarios/mail.yaml",
                               target="northwind", target_name="Northwind Appliances", persona=persona,
                               tags=["email"], tuning=TUNING)
        s1 = led.start_step(j1, 0, "enquiry", "email", "Write to customer service")
        c1 = led.plan_contact(run_id=run_id, journey_id=j1, step_id=s1, channel="email", destination=SUPPORT,
                              token="k7q9mwx2ab", idempotency_key=f"{run_id}/k7q9mwx2ab",
                              message_id="<k7q9mwx2ab@prober.test>", reply_address="jane+k7q9mwx2ab@prober.test")
        led.mark_contact(c1, "sent", at(5))
        led.finish_step(s1, "passed", observations={"to": SUPPORT, "subject": "Where is my washing machine?"})
        w1 = led.start_step(j1, 1, "wait-reply", "await", "Wait for the answer")
        led.finish_step(w1, "failed", observations={"awaiting": "enquiry", "channel": "email"})
        led.add_response(channel="email", mailbox="shopper:jane@prober.test/INBOX", uidvalidity=1, uid=1,
                         contact_id=c1, matched_by="reply_address", kind="human", kind_reason="no sign of automation",
                         from_addr="Tom <tom@northwind.test>", subject="Re: Where is my washing machine?",
                         observed_at=at(3605), arrived_at=at(3605), body_text=BODY)
        led.add_finding(run_id, j1, w1, Finding("placeholder", "major", "Unreplaced placeholder <Customer Name>",
                                                "The customer sees template text.", GREETING), c1)
        # Not in the answer: listed below it, with its snippet, as before.
        led.add_finding(run_id, j1, w1, Finding("wrong_recipient.token", "critical",
                                                "The answer carries another customer's reference",
                                                "Seen in a header.", "Ref: m5n6p7q8rs"), c1)
        led.finish_journey(j1, "failed")

        # 2. A chat: the bot insults the customer; the customer's own words are never marked.
        j2 = led.start_journey(run_id, name="Ask the chat", file="scenarios/chat.yaml", target="northwind",
                               target_name="Northwind Appliances", persona=persona, tags=["chat"])
        s2 = led.start_step(j2, 0, "ask-bot", "chat", "Ask the bot")
        transcript = [{"author": "bot", "text": "Hi! How can I help?", "t_s": 0.4},
                      {"author": "customer", "text": "Is this a stupid question? <b>really</b>", "t_s": 2.0},
                      {"author": "bot", "text": f"{RUDE} Try our <FAQ> page.", "t_s": 2.9}]
        led.finish_step(s2, "failed", observations={"url": "http://127.0.0.1/chat", "reachable": True,
                                                    "transcript": transcript})
        led.add_finding(run_id, j2, s2, Finding("profanity", "major", "A rude word in a reply",
                                                "The company's reply calls the question stupid.", RUDE))
        led.add_finding(run_id, j2, s2, Finding("tone.exclamation", "minor", "Cheerful tone",
                                                "A sober reply was expected.", "Hi! How can I help?"))
        led.finish_journey(j2, "failed")

        # 3. Another company: the confirmation page names someone else.
        j3 = led.start_journey(run_id, name="Send the form", file="scenarios/form.yaml", target="acme",
                               target_name="Acme Ltd", persona=persona, tags=["web_form"])
        s3 = led.start_step(j3, 0, "contact-form", "web_form")
        led.finish_step(s3, "failed", observations={"url": "http://127.0.0.1/contact", "result": "confirmed",
                                                    "reachable": True, "confirmation_text": PAGE})
        led.add_finding(run_id, j3, s3, Finding("wrong_recipient.name", "critical",
                                                "The page names another customer",
                                                "Mark Brown is not this customer.",
                                                "We will answer Mark Brown within 2 days."))
        led.finish_journey(j3, "failed")
        led.finish_run(run_id, "failed")
    yield {"ledger": led, "run_id": run_id, "base": base}
    led.close()


@pytest.fixture(scope="module")
def results(recorded):
    return build_results(recorded["ledger"], recorded["run_id"])


# --- marking, on its own ----------------------------------------------------------------------

def test_mark_wraps_exactly_the_snippet_and_escapes_everything():
    f = {"check": "placeholder", "severity": "major", "title": 'Unreplaced "<x>"', "snippet": "<Customer Name>"}
    marked = mark_text("Dear <Customer Name>, <script>x</script>", [f], "p")
    assert isinstance(marked.html, Markup)
    assert str(marked.html) == ('Dear <mark class="finding-mark sev-major" id="p-m1" '
                                'title="placeholder: Unreplaced &#34;&lt;x&gt;&#34;">&lt;Customer Name&gt;</mark>, '
                                '&lt;script&gt;x&lt;/script&gt;')
    assert marked.anchors == {0: "p-m1"}
    # Not found: nothing marked, the text still escaped.
    assert mark_text("a <b>", [{**f, "snippet": "zzz"}], "p").html == Markup("a &lt;b&gt;")


def test_overlapping_findings_never_nest_and_take_the_worst_severity():
    text = "one two three four"
    fs = [{"check": "a", "severity": "minor", "title": "A", "snippet": "one two three"},
          {"check": "b", "severity": "critical", "title": "B", "snippet": "three four"}]
    html = str(mark_text(text, fs, "x").html)
    assert html == ('<mark class="finding-mark sev-minor" id="x-m1" title="a: A">one two </mark>'
                    '<mark class="finding-mark sev-critical" id="x-m2" title="b: B\na: A">three</mark>'
                    '<mark class="finding-mark sev-critical" id="x-m3" title="b: B"> four</mark>')


def test_spans_whitespace_and_lines_cut_by_the_check():
    assert spans("Thank you   for\nwriting", "Thank you for writing") == [(0, 23)]
    line = "x" * 350
    text = f"hello\n  {line}  \nbye"
    # The check kept the line's first 300 characters: the whole line is marked.
    assert spans(text, line[:300]) == [(8, 358)]
    assert spans(text, "") == [] and spans(text, "   ") == []


# --- the results document ------------------------------------------------------------------------

def test_email_answers_carry_a_tidy_excerpt_and_journeys_their_tuning(results, recorded):
    mail, chat, form = results["journeys"]
    (answer,) = mail["steps"][0]["responses"]
    assert answer["text"] == (f"{GREETING}\n\nThank you for contacting Northwind.\nYour washing machine ships on "
                              "Friday.\n\nKind regards,\nTom\n\n> Where is my washing machine?")
    assert answer["text_shortened"] is False
    assert mail["tuning"] == TUNING and chat["tuning"] == {} and form["tuning"] == {}
    out = write_json(results, recorded["base"] / "results.json")
    assert '"tuning"' in out.read_text(encoding="utf-8")


def test_a_long_answer_is_cut_at_a_line_end():
    long_body = "\n".join(f"Line {i}: " + " ".join(["words"] * 12) for i in range(80))
    long = _excerpt(long_body)
    assert long["text_shortened"] is True and EXCERPT_CHARS - 400 < len(long["text"]) <= EXCERPT_CHARS
    assert long_body.startswith(long["text"]) and long_body[len(long["text"])] == "\n"
    assert _excerpt(None) == {"text": "", "text_shortened": False}


def test_findings_by_family_per_company_and_tuning_words(results):
    groups = {g["target_name"]: g for g in findings_by_family(results)}
    assert list(groups) == ["Northwind Appliances", "Acme Ltd"]
    rows = {r["family"]: (r["counts"], [j["name"] for j in r["journeys"]]) for r in groups["Northwind Appliances"]["rows"]}
    assert rows == {
        "wrong_recipient": ({"critical": 1, "major": 0, "minor": 0, "info": 0}, ["Ask about a delivery by email"]),
        "placeholder": ({"critical": 0, "major": 1, "minor": 0, "info": 0}, ["Ask about a delivery by email"]),
        "profanity": ({"critical": 0, "major": 1, "minor": 0, "info": 0}, ["Ask the chat"]),
        "tone": ({"critical": 0, "major": 0, "minor": 1, "info": 0}, ["Ask the chat"])}
    assert groups["Northwind Appliances"]["rows"][0]["family"] == "wrong_recipient"  # worst first
    assert groups["Acme Ltd"]["totals"] == {"critical": 1, "major": 0, "minor": 0, "info": 0}
    assert tuning_lines(TUNING) == [
        "placeholder: severity minor \u2014 the shop's own template test (target)",
        "tone switched off \u2014 a grieving customer expects a sober reply (scenario)"]


# --- the HTML report in a real browser ------------------------------------------------------------

def test_marks_table_and_tuning_in_chromium(chromium, results, recorded):
    out_dir = recorded["base"] / "site"
    path = write_report(results, out_dir)
    html = path.read_text(encoding="utf-8")
    assert "<Customer Name>" not in html and "<FAQ>" not in html and "<b>really</b>" not in html
    page, requests, url = open_report(chromium, path)
    try:
        assert all(r == url or r.startswith("data:") for r in requests), requests
        assert page.locator("customer, faq, b").count() == 0

        # The email answer: its body shown, the placeholder line marked, nothing else.
        mail = page.locator("section.journey", has_text="Ask about a delivery by email")
        body = mail.locator("blockquote.mail-text")
        assert body.inner_text().startswith(GREETING + "\n\nThank you for contacting Northwind.")
        mark = body.locator("mark.finding-mark")
        assert mark.count() == 1
        assert mark.inner_text() == GREETING
        assert mark.evaluate("e => e.innerHTML") == "Dear &lt;Customer Name&gt;,"
        assert mark.get_attribute("title") == "placeholder: Unreplaced placeholder <Customer Name>"
        assert mark.get_attribute("class") == "finding-mark sev-major finding-line"
        # Under the answer, in words (a title shows only on hover, and never on paper).
        legend = mail.locator(".response .mark-legend li")
        assert legend.all_inner_texts() == ["\u25b2Major Unreplaced placeholder <Customer Name> placeholder"]
        assert legend.locator("a").get_attribute("href") == "#" + mark.get_attribute("id")
        assert "No problems found in this step." not in mail.locator("li.step", has_text="Step 1: enquiry").inner_text()
        # The finding below points at the mark instead of repeating it; the one not in the text keeps its quote.
        wait = mail.locator("li.step", has_text="Step 2: wait-reply")
        placeholder = wait.locator("li.finding", has_text="Unreplaced placeholder")
        link = placeholder.locator(".marked-in a")
        assert link.inner_text() == "Highlighted in the answer from Tom <tom@northwind.test>"
        assert link.get_attribute("href") == "#" + mark.get_attribute("id")
        assert placeholder.locator("pre.quote").count() == 0
        other = wait.locator("li.finding", has_text="another customer's reference")
        assert other.locator("pre.quote").inner_text() == "Ref: m5n6p7q8rs" and other.locator(".marked-in").count() == 0
        # The run-wide list keeps the snippet and links to the mark too.
        top = page.locator("#findings-h ~ ul.findings li.finding", has_text="Unreplaced placeholder")
        assert top.locator("pre.quote").inner_text() == GREETING
        assert top.locator(".marked-in a").get_attribute("href") == link.get_attribute("href")
        assert "Checks tuned" in mail.locator(".facts").first.inner_text()
        assert mail.locator("ul.tuning li").all_inner_texts() == tuning_lines(TUNING)

        # The chat: the bot's words marked, the customer's (same word) not; "<FAQ>" stays text.
        chat = page.locator("section.journey", has_text="Ask the chat")
        marks = chat.locator(".chat-log mark.finding-mark")
        assert marks.all_inner_texts() == ["Hi! How can I help?", RUDE]
        assert chat.locator(".chat-customer mark").count() == 0
        assert chat.locator(".conversation .mark-legend li").all_inner_texts() == [
            "\u25b2Major A rude word in a reply profanity", "\u25cfMinor Cheerful tone tone.exclamation"]
        assert chat.locator(".chat-customer .chat-text").inner_text() == "Is this a stupid question? <b>really</b>"
        rude = chat.locator(".chat-log li", has_text="Try our").locator(".chat-text")
        assert rude.inner_text() == f"{RUDE} Try our <FAQ> page."
        assert rude.locator("mark").get_attribute("class") == "finding-mark sev-major"
        assert chat.locator("li.finding .marked-in a").all_inner_texts() == ["Highlighted in the conversation"] * 2
        assert chat.locator("li.finding pre.quote").count() == 0
        assert "Checks tuned" not in chat.inner_text()

        # The confirmation page: the line naming another customer marked.
        form = page.locator("section.journey", has_text="Send the form")
        assert form.locator(".page-text mark").inner_text() == "We will answer Mark Brown within 2 days."
        assert form.locator(".page-text mark").get_attribute("class") == "finding-mark sev-critical finding-line"
        assert form.locator(".marked-in a").inner_text() == "Highlighted in the page shown after sending"

        # Findings by company and kind, with links to the journeys.
        card = page.locator(".card.families")
        northwind = card.locator("table", has=page.locator("caption", has_text="Northwind Appliances"))
        rows = northwind.locator("tbody tr")
        assert rows.count() == 4
        cells = {rows.nth(i).get_attribute("data-family"): rows.nth(i).locator("td.num").all_inner_texts()
                 for i in range(4)}
        assert cells == {"wrong_recipient": ["1", "0", "0", "0"], "placeholder": ["0", "1", "0", "0"],
                         "profanity": ["0", "1", "0", "0"], "tone": ["0", "0", "1", "0"]}
        assert northwind.locator("thead th").all_inner_texts() == [
            "Kind of problem", "\u2716Critical", "\u25b2Major", "\u25cfMinor", "iInfo", "Journeys"]
        href = rows.nth(0).locator("a").get_attribute("href")
        assert rows.nth(0).locator("a").inner_text() == "Ask about a delivery by email"
        assert page.locator(href).locator("h3").inner_text() == "Ask about a delivery by email"
        acme = card.locator("table", has=page.locator("caption", has_text="Acme Ltd"))
        assert acme.locator("tbody tr").locator("td.num").all_inner_texts() == ["1", "0", "0", "0"]

        # The marks are visible: a tint under the text, and a shape before it.
        style = mark.evaluate("e => [getComputedStyle(e).backgroundColor, getComputedStyle(e, '::before').content]")
        assert style[0] != "rgba(0, 0, 0, 0)" and style[1] == '"\u25b2"'

        page.set_viewport_size({"width": 1100, "height": 1400})
        mail.screenshot(path="/tmp/report-highlight.png")
        chat.screenshot(path="/tmp/report-highlight-chat.png")
        form.screenshot(path="/tmp/report-highlight-page.png")
        card.screenshot(path="/tmp/report-families.png")
        page.emulate_media(media="print")
        assert page.pdf(format="A4", print_background=False).startswith(b"%PDF")
    finally:
        page.context.close()
