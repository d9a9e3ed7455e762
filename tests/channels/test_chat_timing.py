"""chat timing against real Chromium: a late greeting behind a typing indicator, a typing bubble that a naive
message selector matches, a person who comes after the deadline (or never), and a widget whose times contradict.

One run, one browser, five journeys at once, each against its own variant of a small scripted widget on
loopback. The widget posts what it really did, and when (its own Date.now()), to /log: the figures the
prober measured are compared with those, so a slow machine (late timers) does not make the tests flaky.
"""
import asyncio
import datetime as dt
import json
import textwrap

import pytest
from conftest import PageServer, Ran, write_scenario

REPLY_S = 1.0            # every answer comes this long after the customer's message
GREETING_AT_S = 3.5      # the late greeting, after a typing indicator from 0.3 s
GREETING = "Hi, I'm Ava! Deliveries take 3 to 5 working days. What can I do for you?"
RETURNS = "You can return it within 30 days."
DELIVERY = "Delivery takes 3 to 5 working days."
KETTLE, WHEN = "Can I return a kettle?", "How long does delivery take?"
ASK = "I would like to talk to a person, please"
PERSON = "Hi, this is Sam from the shop. How can I help?"
FOLLOW_UP = "Is there anything else I can help with?"
WITHIN_S, LATE_BY_S = 2.0, 3.0   # the hand-over deadline, and how much later the late person comes
# How far a measured time may be from the page's own account of it: the page stamps an element when the task
# that showed it ends, which a very busy machine (other tests beside these) can delay by a few tenths.
TOLERANCE_S = 0.5

# A scripted widget. C: greet_ms (null: greets at once), bubble (the typing indicator is a .msg bubble in the
# conversation, as a naive selector sees it, instead of a separate line), reply_ms, echo_ms (the customer's
# own message is shown this late), agent_ms (a person, this long after the request; null: never), follow_up_ms
# (each answer is followed by a second bubble, typed for this long), always_typing (the indicator never goes),
# redraw (every change draws the whole conversation again, new elements for old messages), stream (answers
# appear word by word).
WIDGET = """<!doctype html><html><head><title>Help</title><style>.typing[hidden]{display:none}</style></head>
<body><h1>Help</h1><div id="log"></div><div class="typing" id="typing" hidden>Ava is typing…</div>
<textarea class="box"></textarea><button class="send">Send</button>
<script>
const C = __CONFIG__;
const log = document.getElementById('log'), box = document.querySelector('.box');
const report = data => fetch('/log', {method: 'POST', body: new URLSearchParams({widget: C.name, ...data})});
let bubble = null, greeted = C.greet_ms === null, waiting = [];
function typing(on) {
  if (C.always_typing) on = true;
  if (!C.bubble) { document.getElementById('typing').hidden = !on; return; }
  if (on && !bubble) { bubble = document.createElement('div'); bubble.className = 'msg bot typing';
                       bubble.textContent = 'Ava is typing…'; log.append(bubble); }
  if (!on && bubble) { bubble.remove(); bubble = null; }
}
const drawn = [];
function add(who, text) {
  const make = ([who, text]) => { const m = document.createElement('div'); m.className = 'msg ' + who;
                                  m.textContent = text; return m; };
  drawn.push([who, text]);
  if (C.redraw) log.replaceChildren(...drawn.map(make)); else log.append(make([who, text]));
  return Date.now();
}
function stream(who, text) {  // the first word, then one more every 150 ms
  const words = text.split(' '), m = document.createElement('div');
  m.className = 'msg ' + who; m.textContent = words.shift(); log.append(m);
  const more = setInterval(() => { if (words.length) m.textContent += ' ' + words.shift(); else clearInterval(more); }, 150);
  return Date.now();
}
function greet() {
  typing(false); greeted = true;
  report({kind: 'greeting', shown_ms: add('bot', C.greeting), origin_ms: performance.timeOrigin});
  waiting.forEach(f => f()); waiting = [];
}
if (C.greet_ms === null) add('bot', C.greeting);
else { setTimeout(() => typing(true), 300); setTimeout(greet, C.greet_ms); }
if (C.always_typing) typing(true);
function answer(text) {
  if (/return/i.test(text)) return C.returns;
  if (/deliver/i.test(text)) return C.delivery;
  if (/person|agent/i.test(text)) return 'Let me find someone for you.';
  return 'Could you tell me more?';
}
function send() {
  const text = box.value.trim(); if (!text) return; box.value = '';
  let echo_ms = null;
  const echo = () => { echo_ms = add('customer', text); };
  if (C.echo_ms) setTimeout(echo, C.echo_ms); else echo();
  // The bot answers only once it has greeted (its greeting is on its way first).
  const respond = () => {
    typing(true);
    setTimeout(() => { typing(false); const shown_ms = (C.stream ? stream : add)('bot', answer(text));
                       report({kind: 'reply', question: text, echo_ms, shown_ms});
                       if (C.follow_up_ms) {  // a second bubble, typed after the answer
                         typing(true); setTimeout(() => { typing(false); add('bot', C.follow_up); }, C.follow_up_ms);
                       } }, C.reply_ms);
  };
  if (greeted) respond(); else waiting.push(respond);
  if (/person|agent/i.test(text) && C.agent_ms !== null)
    setTimeout(() => report({kind: 'agent', echo_ms, shown_ms: add('agent', C.person)}), C.agent_ms);
}
document.querySelector('.send').onclick = send;
</script></body></html>"""

VARIANTS = {
    "greeting": dict(greet_ms=int(GREETING_AT_S * 1000), bubble=False, echo_ms=0, agent_ms=None),
    "bubble": dict(greet_ms=None, bubble=True, echo_ms=0, agent_ms=None, follow_up_ms=1500),
    "late": dict(greet_ms=None, bubble=False, echo_ms=0, agent_ms=int((WITHIN_S + LATE_BY_S) * 1000)),
    "nobody": dict(greet_ms=None, bubble=False, echo_ms=0, agent_ms=None),
    "redraw": dict(greet_ms=None, bubble=False, echo_ms=0, agent_ms=None, redraw=True),
    "stream": dict(greet_ms=None, bubble=False, echo_ms=0, agent_ms=None, stream=True),
    "busy": dict(greet_ms=None, bubble=False, echo_ms=0, agent_ms=None, always_typing=True),
    "contradicts": dict(greet_ms=None, bubble=False, echo_ms=800, agent_ms=None, reply_ms=300),
}


def page(name: str) -> str:
    config = {"name": name, "greeting": GREETING, "returns": RETURNS, "delivery": DELIVERY, "person": PERSON,
              "follow_up": FOLLOW_UP, "follow_up_ms": 0, "always_typing": False, "redraw": False, "stream": False, "reply_ms": int(REPLY_S * 1000), **VARIANTS[name]}
    return WIDGET.replace("__CONFIG__", json.dumps(config))


def scenario(name: str, selectors: str, rest: str) -> str:
    return textwrap.dedent(f"""
        name: {name}
        persona: {{name: Jane Doe}}
        target: demo
        steps:
          - id: chat
            channel: chat
            url: "{{target.website}}/{name}"
            ready_within: 30s
            selectors: {{input: textarea.box, send: button.send, message: .msg, customer: .msg.customer,
                         agent: .msg.agent{selectors}}}
        """) + textwrap.indent(textwrap.dedent(rest), "    ")


SCENARIOS = {
    # Two turns; the first one's expect names what the late greeting says, not what its real answer does.
    "greeting": scenario("greeting", ", typing: .typing", f"""
        turns:
          - {{say: "{KETTLE}", expect: working days, within: 8s}}
          - {{say: "{WHEN}", expect: working days, within: 8s}}
        """),
    # Each answer comes in two bubbles, a typing bubble before each: the next turn waits for the second.
    "bubble": scenario("bubble", ", typing: .typing", f"""
        turns:
          - {{say: "{WHEN}", expect: working days, within: 8s}}
          - {{say: "{KETTLE}", expect: 30 days, within: 8s}}
        """),
    "late": scenario("late", "", f"""
        settle_quiet: 500ms
        handover: {{ask: "{ASK}", within: {WITHIN_S}s, grace: 8s}}
        """),
    "nobody": scenario("nobody", "", f"""
        settle_quiet: 500ms
        handover: {{ask: "{ASK}", within: 1s}}
        """),
    "redraw": scenario("redraw", ", typing: .typing", f"""
        settle_quiet: 500ms
        turns:
          - {{say: "{WHEN}", expect: working days, within: 8s}}
          - {{say: "{KETTLE}", expect: 30 days, within: 8s}}
        """),
    "stream": scenario("stream", "", f"""
        settle_quiet: 500ms
        turns:
          - {{say: "{WHEN}", expect: working days, within: 8s}}
        """),
    "busy": scenario("busy", ", typing: .typing", f"""
        settle_within: 1s
        turns:
          - {{say: "{WHEN}", expect: working days, within: 8s}}
        """),
    # The widget shows the customer's own message after the answer to it.
    "contradicts": scenario("contradicts", "", f"""
        settle_quiet: 500ms
        turns:
          - {{say: "{WHEN}", within: 8s}}
        handover: {{ask: "{ASK}", within: 1s}}
        """),
}


class Journey:
    """One journey of the shared run: its step, findings and what the widget logged."""

    def __init__(self, ran: Ran, name: str, posts: list[tuple[str, dict]]):
        (j,) = [j for j in ran.rows["journeys"] if j["name"] == name]
        (self.step,) = [s for s in ran.steps if s["journey_id"] == j["id"]]
        self.findings = [f for f in ran.rows["findings"] if f["journey_id"] == j["id"]]
        self.logged = [p for path, p in posts if path == "/log" and p.get("widget") == name]
        self.m = self.step["measurements"] or {}
        self.transcript = (self.step["observations"] or {}).get("transcript", [])

    def checks(self) -> list[str]:
        return sorted(f["check_id"] for f in self.findings)

    def said(self) -> list[dict]:
        """The transcript without the typing indicator's comings and goings."""
        return [m for m in self.transcript if m["author"] != "typing"]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    """All the journeys in one run (one Chromium), against the widget variants."""
    from probes.cli import demo_config
    from probes.ledger import Ledger
    from probes.runner import Runner
    from probes.scenario import load_journey

    folder = tmp_path_factory.mktemp("chat-timing")
    reports = folder / "reports"
    site = PageServer({**{f"/{name}": page(name) for name in VARIANTS}, "/favicon.ico": ""})
    try:
        config = demo_config(site.base_url, reports)
        config.targets["demo"].business_hours = {}
        config.settings.browser.trace = False  # not under test here, and it costs CPU that the timings then lack
        journeys = [load_journey(write_scenario(folder, f"{name}.yaml", text), config)
                    for name, text in SCENARIOS.items()]
        ledger = Ledger(f"sqlite:///{reports / 'ledger.sqlite3'}")
        result = asyncio.run(Runner(config, ledger, reports, concurrency=len(journeys)).run(journeys))
        ran = Ran(result, ledger)
        yield {name: Journey(ran, name, list(site.posts)) for name in VARIANTS}
    finally:
        site.close()


def test_a_late_greeting_behind_a_typing_indicator_is_the_greeting_not_the_answer(run):
    j = run["greeting"]
    assert j.step["status"] == "failed", j.step["error"]
    # The greeting's keyword ("working days") does not satisfy the first turn: its own answer is judged.
    (f,) = j.findings
    assert f["check_id"] == "chat.unexpected_reply" and KETTLE in f["detail"] and f["snippet"] == RETURNS
    said = j.said()
    assert [(m["author"], m["text"], m.get("greeting"), m.get("reply_to")) for m in said] == [
        ("bot", GREETING, True, None),
        ("customer", KETTLE, None, None), ("bot", RETURNS, None, 1),
        ("customer", WHEN, None, None), ("bot", DELIVERY, None, 2)]
    # The greeting is measured from opening the page (a moment before the page's own clock starts), at the
    # moment the widget showed it; the typing indicator was seen before it.
    (greeted,) = [p for p in j.logged if p["kind"] == "greeting"]
    assert j.m["greeting_s"] >= (int(greeted["shown_ms"]) - float(greeted["origin_ms"])) / 1000 >= GREETING_AT_S
    # (Stamped when the page's task that showed it ends: never sooner, a little later on a busy machine.)
    assert -0.002 <= dt.datetime.fromisoformat(said[0]["at"]).timestamp() - int(greeted["shown_ms"]) / 1000 < TOLERANCE_S
    typing = [m for m in j.transcript if m["author"] == "typing"]
    if j.m["widget_load_s"] < GREETING_AT_S - 1:  # (on a very busy machine the page may load after the greeting)
        assert typing[0]["text"] == "typing started" and typing[0]["t_s"] < j.m["greeting_s"]
        assert typing[0]["indicator"] == "Ava is typing…"
    # Each turn's time is its own answer's, as the widget really showed them (never negative).
    replies = {p["question"]: (int(p["shown_ms"]) - int(p["echo_ms"])) / 1000 for p in j.logged if p["kind"] == "reply"}
    for n, question in ((1, KETTLE), (2, WHEN)):
        took = j.m[f"turn_{n}_reply_s"]
        assert abs(took - replies[question]) < TOLERANCE_S, (n, took, replies)
    assert j.m["first_reply_s"] == j.m["turn_1_reply_s"]


def test_a_typing_bubble_that_the_message_selector_matches_is_not_a_message(run):
    j = run["bubble"]
    assert j.findings == [] and j.step["status"] == "passed", j.findings
    said = j.said()
    assert [(m["author"], m["text"], m.get("reply_to")) for m in said] == [
        ("bot", GREETING, None), ("customer", WHEN, None), ("bot", DELIVERY, 1), ("bot", FOLLOW_UP, None),
        ("customer", KETTLE, None), ("bot", RETURNS, 2), ("bot", FOLLOW_UP, None)]
    assert said[0]["greeting"] is True
    # The bubbles are recorded as typing (as often as the prober looked while one showed: each shows 2.5 s,
    # from a question until its second bubble), starting and stopping in turn, stopped at the end.
    events = [(m["text"], m["t_s"]) for m in j.transcript if m["author"] == "typing"]
    assert events and [e for e, _ in events] == ["typing started", "typing stopped"] * (len(events) // 2)
    assert events[0][1] >= said[1]["t_s"] and events[-1][1] >= said[-1]["t_s"]
    replies = {p["question"]: (int(p["shown_ms"]) - int(p["echo_ms"])) / 1000 for p in j.logged if p["kind"] == "reply"}
    for n, question in ((1, WHEN), (2, KETTLE)):
        took = j.m[f"turn_{n}_reply_s"]
        assert abs(took - replies[question]) < TOLERANCE_S, (n, took, replies)


def test_a_person_who_comes_after_the_deadline_is_late_not_missing(run):
    j = run["late"]
    assert j.checks() == ["chat.late_handover"], j.findings
    (f,) = j.findings
    assert f["severity"] == "minor" and f["snippet"] == PERSON
    (came,) = [p for p in j.logged if p["kind"] == "agent"]
    real_s = (int(came["shown_ms"]) - int(came["echo_ms"])) / 1000
    assert abs(j.m["handover_s"] - real_s) < TOLERANCE_S and j.m["handover_s"] > WITHIN_S + LATE_BY_S - TOLERANCE_S
    assert f["title"] == f"A person came {j.m['handover_s'] - WITHIN_S:.1f} s late"
    assert [m for m in j.said() if m.get("reply_to") == "handover"][0]["text"] == PERSON


def test_nobody_coming_is_no_handover_without_a_time(run):
    j = run["nobody"]
    assert j.checks() == ["chat.no_handover"] and j.findings[0]["severity"] == "major"
    assert "handover_s" not in j.m and "1.5 s" in j.findings[0]["detail"]   # watched within + half of it


def test_a_reply_shown_before_the_customer_s_own_message_is_a_prober_error_not_a_figure(run):
    j = run["contradicts"]
    assert j.step["status"] == "error" and j.findings == []
    assert "could not tell how long the reply to turn 1 took" in j.step["error"]
    assert "first_reply_s" not in j.m


def test_a_widget_that_never_settles_is_waited_for_within_the_bound_and_noted(run):
    j = run["busy"]
    assert j.findings == [] and j.step["status"] == "passed", j.findings
    note = j.step["observations"]["settle_note"]
    assert note.startswith("The widget had not settled within 1 s (settle_within): a typing indicator was still shown")
    assert [(m["author"], m.get("reply_to")) for m in j.said()] == [("bot", None), ("customer", None), ("bot", 1)]
    (logged,) = [p for p in j.logged if p["kind"] == "reply"]
    assert abs(j.m["first_reply_s"] - (int(logged["shown_ms"]) - int(logged["echo_ms"])) / 1000) < TOLERANCE_S


def test_the_new_settings_and_their_defaults(tmp_path):
    from probes.channels.chat import ChatStep, WidgetSelectors

    assert WidgetSelectors.model_fields["typing"].description == "the typing indicator ('… is typing'); never a message"
    step = ChatStep.model_validate({"channel": "chat", "url": "http://x/", "widget": "northwind",
                                    "handover": {"within": "2m"}})
    assert (step.settle_quiet, step.settle_within, step.handover.grace_s()) == (2.0, 10.0, 60.0)
    assert step.resolved().typing == ".nw-typing:not([hidden])"
    later = ChatStep.model_validate({"channel": "chat", "url": "http://x/", "widget": "northwind",
                                     "handover": {"within": "2m", "grace": "5m"}})
    assert later.handover.grace_s() == 300.0 and later.waits_s() - step.waits_s() == 2 * 240.0
    with pytest.raises(ValueError, match="grace"):
        ChatStep.model_validate({"channel": "chat", "url": "http://x/", "widget": "northwind",
                                 "handover": {"within": "2m", "grace": "soon"}})


def test_a_widget_that_draws_the_whole_conversation_again_gets_no_duplicates(run):
    j = run["redraw"]
    assert j.findings == [] and j.step["status"] == "passed", j.findings
    assert [(m["author"], m["text"], m.get("reply_to")) for m in j.said()] == [
        ("bot", GREETING, None), ("customer", WHEN, None), ("bot", DELIVERY, 1),
        ("customer", KETTLE, None), ("bot", RETURNS, 2)]
    # (No times asserted: an element drawn again is stamped when it was drawn, so when the prober does not look
    # between two drawings, as on a very busy machine, the customer's message looks as new as the answer.)


def test_a_reply_streamed_word_by_word_is_judged_whole(run):
    j = run["stream"]
    assert j.findings == [] and j.step["status"] == "passed", j.findings   # "working days" comes last
    assert [(m["author"], m["text"]) for m in j.said()][-1] == ("bot", DELIVERY)
    (logged,) = [p for p in j.logged if p["kind"] == "reply"]
    # Timed to its first word.
    assert abs(j.m["first_reply_s"] - (int(logged["shown_ms"]) - int(logged["echo_ms"])) / 1000) < TOLERANCE_S
