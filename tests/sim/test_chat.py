"""Tests for the demo company's live chat: the WebSocket server for real, the widget in a real Chromium."""

from __future__ import annotations

import asyncio
import json
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import quote

import pytest
from playwright.sync_api import expect, sync_playwright
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from probes.sim.chat import (AGENT_GREETING, AGENT_NAME, ANSWER_DELIVERY, ANSWER_HOURS, ANSWER_ORDER,
                             ANSWER_RETURNS, ANSWER_UNKNOWN, BOT_NAME, GREETING, HANDOVER, LOOP_ANSWER,
                             QUEUED, ChatServer)
from probes.sim.company import DemoCompany

BOT_DELAY = 0.2
AGENT_DELAY = 0.5
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run",
                 "--disable-sync", "--disable-quic", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def chat():
    with ChatServer(bot_delay_s=BOT_DELAY, agent_delay_s=AGENT_DELAY) as server:
        yield server


@pytest.fixture(scope="module")
def site(chat):
    with DemoCompany(chat=chat) as company:
        yield company


# --------------------------------------------------------------------------
# helpers


def run(coroutine):
    """Run a coroutine on its own loop in its own thread (Playwright's sync API owns this one)."""
    outcome: dict = {}

    def target():
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            outcome["error"] = exc

    thread = threading.Thread(target=target)
    thread.start()
    thread.join(30)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class Client:
    """A real websockets client that timestamps every frame it receives."""

    def __init__(self, ws):
        self.ws = ws
        self.frames: list[tuple[float, dict]] = []

    async def say(self, text: str) -> float:
        await self.ws.send(json.dumps({"type": "message", "text": text}))
        return time.time()

    async def message(self, timeout: float = 60.0) -> dict:
        """The next message frame (typing frames are kept in ``frames`` and skipped)."""
        while True:
            frame = json.loads(await asyncio.wait_for(self.ws.recv(), timeout))
            self.frames.append((time.time(), frame))
            if frame["type"] == "message":
                return frame

    async def messages_within(self, seconds: float) -> list[dict]:
        found = []
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                found.append(await self.message(timeout=left))
            except TimeoutError:
                break
        return found


def chat_url(chat: ChatServer, mode: str, session: str) -> str:
    return f"{chat.ws_url}/chat?mode={mode}&session={session}"


def session_log(chat: ChatServer, session: str) -> list[dict]:
    return [entry for entry in chat.log_snapshot() if entry["session"] == session]


def fetch(url: str, data: bytes | None = None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=5) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read().decode("utf-8")


# --------------------------------------------------------------------------
# the chat server, over a real WebSocket


def test_bot_greets_at_once_and_logs_it(chat):
    async def talk():
        started = time.time()
        async with connect(chat_url(chat, "healthy", "greet")) as ws:
            greeting = await Client(ws).message()
            return started, greeting, time.time()

    started, greeting, got = run(talk())
    assert greeting == {"type": "message", "author": "bot", "name": BOT_NAME, "text": GREETING}
    [entry] = session_log(chat, "greet")
    assert entry["mode"] == "healthy" and entry["author"] == "bot" and entry["text"] == GREETING
    assert entry["delay_s"] == 0 and entry["customer_at"] is None
    # Sent while the customer waited for it. Wall-clock readings in two threads may differ by a hair
    # (the clock is slewed, and the log may round): a few milliseconds either way still says "at once".
    assert started - 0.005 <= entry["sent_at"] <= got + 0.005


def test_a_late_greeting_comes_after_its_delay_behind_the_typing_indicator():
    # Many real widgets greet a few seconds after opening, "typing" meanwhile (benchmarks time against it).
    async def talk(server, session):
        async with connect(chat_url(server, "healthy", session)) as ws:
            client = Client(ws)
            opened = time.time()
            greeting = await client.message()
            return opened, client.frames, greeting

    with ChatServer(bot_delay_s=0.05, greeting_delay_s=lambda session: 0.6 if session == "late" else 0.0) as server:
        opened, frames, greeting = run(talk(server, "late"))
        _, at_once, _ = run(talk(server, "prompt"))
        log = server.log_snapshot()
    assert greeting["text"] == GREETING
    assert [f["type"] for _, f in frames] == ["typing", "message"] and frames[0][1]["author"] == "bot"
    late = next(e for e in log if e["session"] == "late")
    assert late["delay_s"] == 0.6 and late["sent_at"] - opened >= 0.6 - 0.05
    assert [f["type"] for _, f in at_once] == ["message"]  # the default: greeted at once, no typing


def test_bot_answers_by_keyword_after_its_delay(chat):
    questions = [
        ("Where is my ORDER?", ANSWER_ORDER),
        ("Can I get a tracking number", ANSWER_ORDER),
        ("How long does delivery take?", ANSWER_DELIVERY),
        ("I want a refund", ANSWER_RETURNS),
        ("What are your opening hours?", ANSWER_HOURS),
        ("My kettle sings", ANSWER_UNKNOWN),
        ("Is anyone there, agentless bot?", ANSWER_UNKNOWN),  # "agentless" is not the word "agent"
    ]

    async def talk():
        async with connect(chat_url(chat, "healthy", "keywords")) as ws:
            client = Client(ws)
            await client.message()
            answers = []
            for question, _ in questions:
                sent = await client.say(question)
                answer = await client.message()
                answers.append((answer, time.time() - sent))
            return client, answers

    client, answers = run(talk())
    for (question, expected), (answer, took) in zip(questions, answers, strict=True):
        assert answer["author"] == "bot" and answer["text"] == expected, question
        assert took >= BOT_DELAY - 0.05, question   # never sooner; later on a busy machine
    # The bot "types" before each answer.
    assert [f["type"] for _, f in client.frames].count("typing") == len(questions)
    assert all(f == {"type": "typing", "author": "bot"} for _, f in client.frames if f["type"] == "typing")
    for entry in session_log(chat, "keywords")[1:]:
        assert entry["delay_s"] == BOT_DELAY
        assert entry["sent_at"] - entry["customer_at"] >= BOT_DELAY - 0.005


def test_asking_for_a_person_brings_sam_after_the_agent_delay(chat):
    async def talk():
        async with connect(chat_url(chat, "healthy", "handover")) as ws:
            client = Client(ws)
            await client.message()
            asked = await client.say("Can I speak to a HUMAN please?")
            notice = await client.message()
            noticed = time.time()
            greeting = await client.message()
            greeted = time.time()
            question = "My dishwasher delivery never came"
            sent = await client.say(question)
            reply = await client.message()
            replied = time.time()
            await client.say("And can I return the old fridge?")
            reply2 = await client.message()
            return asked, notice, noticed, greeting, greeted, sent, reply, replied, question, reply2, client

    asked, notice, noticed, greeting, greeted, sent, reply, replied, question, reply2, client = run(talk())
    assert notice["author"] == "bot" and notice["text"] == HANDOVER
    assert noticed - asked >= BOT_DELAY - 0.05
    assert greeting == {"type": "message", "author": "agent", "name": AGENT_NAME, "text": AGENT_GREETING}
    assert greeted - asked >= AGENT_DELAY - 0.05
    assert any(f == {"type": "typing", "author": "agent"} for _, f in client.frames)
    # Sam answers like a person: about what the customer wrote, differently each time.
    assert reply["author"] == "agent" and reply["name"] == AGENT_NAME
    assert question in reply["text"] and "delivery" in reply["text"].lower()
    assert replied - sent >= BOT_DELAY - 0.05
    assert reply2["author"] == "agent" and "return" in reply2["text"].lower()
    assert reply2["text"] != reply["text"] and reply2["text"].split()[0] != reply["text"].split()[0]

    log = session_log(chat, "handover")
    assert [(e["author"], e["delay_s"]) for e in log] == [
        ("bot", 0.0), ("bot", BOT_DELAY), ("agent", AGENT_DELAY), ("agent", BOT_DELAY), ("agent", BOT_DELAY)]
    agent_greeting = log[2]
    assert agent_greeting["text"] == AGENT_GREETING
    assert agent_greeting["customer_at"] == log[1]["customer_at"]  # measured from the request for a person
    assert asked - 0.05 <= agent_greeting["customer_at"] <= noticed   # received after it was asked
    for entry in log[1:]:
        # The server's own clock: every answer waits its delay, never less (more on a busy machine).
        assert entry["sent_at"] - entry["customer_at"] >= entry["delay_s"] - 0.005


def test_loop_mode_gives_the_same_answer_to_everything(chat):
    async def talk():
        async with connect(chat_url(chat, "loop", "loop")) as ws:
            client = Client(ws)
            greeting = await client.message()
            answers = []
            for text in ["Where is my order?", "My oven is broken", "agent", "Please let me talk to a person"]:
                await client.say(text)
                answers.append(await client.message())
            answers += await client.messages_within(AGENT_DELAY + 0.2)
            return greeting, answers

    greeting, answers = run(talk())
    assert greeting["text"] == GREETING
    assert len(answers) == 4
    assert {(a["author"], a["text"]) for a in answers} == {("bot", LOOP_ANSWER)}
    assert {e["mode"] for e in session_log(chat, "loop")} == {"loop"}


def test_no_agent_mode_never_hands_over(chat):
    async def talk():
        async with connect(chat_url(chat, "no-agent", "noagent")) as ws:
            client = Client(ws)
            await client.message()
            await client.say("Where is my order?")
            order = await client.message()
            await client.say("I need an agent")
            notice = await client.message()
            waited = await client.messages_within(2 * AGENT_DELAY)
            await client.say("Hello? Is someone there?")
            queued = await client.message()
            return order, notice, waited, queued, client

    order, notice, waited, queued, client = run(talk())
    assert order["text"] == ANSWER_ORDER  # an ordinary bot until the hand-over
    assert notice["text"] == HANDOVER
    assert waited == []
    assert queued == {"type": "message", "author": "bot", "name": BOT_NAME, "text": QUEUED}
    assert all(f["author"] != "agent" for _, f in client.frames)
    assert all(e["author"] == "bot" for e in session_log(chat, "noagent"))


def test_delays_callback_overrides_per_session_and_kind():
    asked: list[tuple[str, str]] = []

    def delays(kind: str, session: str) -> float:
        asked.append((kind, session))
        return {"bot": 0.05, "agent": 0.3}[kind] * (2 if session == "slow" else 1)

    async def talk(server, session):
        async with connect(chat_url(server, "healthy", session)) as ws:
            client = Client(ws)
            await client.message()
            await client.say("agent please")
            await client.message()
            return (await client.message())["author"]

    with ChatServer(bot_delay_s=5, agent_delay_s=5, delays=delays) as server:
        assert run(talk(server, "fast")) == "agent"
        assert run(talk(server, "slow")) == "agent"
        log = server.log_snapshot()
    assert {("bot", "fast"), ("agent", "fast"), ("bot", "slow"), ("agent", "slow")} <= set(asked)
    agent = {e["session"]: e for e in log if e["author"] == "agent"}
    assert agent["fast"]["delay_s"] == pytest.approx(0.3) and agent["slow"]["delay_s"] == pytest.approx(0.6)
    for entry in agent.values():
        assert entry["sent_at"] - entry["customer_at"] >= entry["delay_s"] - 0.005


def test_ignores_frames_that_are_not_customer_messages(chat):
    async def talk():
        async with connect(chat_url(chat, "healthy", "junk")) as ws:
            client = Client(ws)
            await client.message()
            for junk in ["not json", json.dumps([1]), json.dumps({"type": "typing"}),
                         json.dumps({"type": "message", "text": "   "}), json.dumps({"type": "message"})]:
                await ws.send(junk)
            await ws.send(b"\x00binary")
            silent = await client.messages_within(BOT_DELAY + 0.2)
            await client.say("opening hours?")
            return silent, await client.message()

    silent, answer = run(talk())
    assert silent == [] and answer["text"] == ANSWER_HOURS


def test_only_the_chat_path_upgrades(chat):
    async def talk():
        async with connect(chat.ws_url + "/elsewhere"):
            pass

    with pytest.raises(InvalidStatus) as caught:
        run(talk())
    assert caught.value.response.status_code == 404


def test_stop_is_prompt_closes_connections_and_is_idempotent():
    server = ChatServer(bot_delay_s=600, agent_delay_s=600)
    server.start()
    url = chat_url(server, "healthy", "stop")
    closed = threading.Event()
    connected = threading.Event()

    async def hold():
        async with connect(url) as ws:
            await ws.recv()
            await ws.send(json.dumps({"type": "message", "text": "agent"}))  # a reply is now pending
            connected.set()
            try:
                while True:
                    await ws.recv()
            except ConnectionClosed:
                closed.set()

    client = threading.Thread(target=lambda: asyncio.run(hold()), daemon=True)
    client.start()
    assert connected.wait(60)
    started = time.monotonic()
    server.stop()
    # It did not wait for the pending reply (due after 600 s).
    assert time.monotonic() - started < 600 / 2
    assert closed.wait(60)
    server.stop()  # again: nothing happens
    with pytest.raises(OSError):
        run(_connect_once(url))
    with pytest.raises(RuntimeError):
        server.start()
    client.join(2)


async def _connect_once(url):
    async with connect(url, open_timeout=30):
        pass


def test_ws_url_needs_a_started_server():
    server = ChatServer()
    with pytest.raises(RuntimeError):
        _ = server.ws_url


# --------------------------------------------------------------------------
# the widget pages, over plain HTTP


CHAT_PAGES = {"/chat": "healthy", "/chat/loop": "loop", "/chat/no-agent": "no-agent",
              "/chat/offline": "offline", "/chat/broken": "healthy"}


@pytest.mark.parametrize("path, mode", CHAT_PAGES.items())
def test_chat_pages_carry_the_widget_pointing_at_the_chat_server(site, chat, path, mode):
    status, headers, body = fetch(site.base_url + path)
    assert status == 200 and headers.get_content_type() == "text/html"
    src = "/static/chat-widget-v2.js" if path == "/chat/broken" else "/static/chat-widget.js"
    assert f'<script src="{src}" data-mode="{mode}" data-ws="{chat.ws_url}" defer></script>' in body
    assert "<details>" in body  # a real help-centre page, with FAQs
    assert "http://" not in body and "https://" not in body and "//" not in body.replace("://", "")


def test_home_page_lists_the_chat_pages(site):
    body = fetch(site.base_url + "/")[2]
    for path in CHAT_PAGES:
        assert f'href="{path}"' in body
    assert "Live chat" in body


def test_widget_script_is_javascript_and_its_v2_is_missing(site):
    status, headers, body = fetch(site.base_url + "/static/chat-widget.js")
    assert status == 200 and headers.get_content_type() == "application/javascript"
    assert "nw-chat-launcher" in body and "/chat/frame?mode=" in body
    assert fetch(site.base_url + "/static/chat-widget-v2.js")[0] == 404


def test_without_a_chat_server_the_widget_points_at_a_closed_port():
    with DemoCompany() as company:
        body = fetch(company.base_url + "/chat")[2]
    assert 'data-ws="ws://127.0.0.1:9"' in body


def test_frame_escapes_and_checks_its_parameters(site):
    body = fetch(site.base_url + "/chat/frame?mode=%3Cb%3E&ws=" + quote('ws://x"><script>alert(1)</script>'))[2]
    assert "<nw-chat mode=\"healthy\"" in body
    assert "alert(1)</script>" not in body
    body = fetch(site.base_url + "/chat/frame?mode=loop&ws=" + quote("javascript:alert(1)"))[2]
    assert '<nw-chat mode="loop" ws="ws://127.0.0.1:9">' in body


def test_offline_form_thanks_but_keeps_nothing(site):
    before = len(site.inbox)
    status, _, body = fetch(site.base_url + "/chat/frame", b"name=Ann&email=ann%40example.com&message=Hi")
    assert status == 200 and "we've got your message" in body
    assert len(site.inbox) == before


# --------------------------------------------------------------------------
# the widget in a real Chromium


@pytest.fixture(scope="module")
def chromium():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def tab(chromium):
    context = chromium.new_context(viewport={"width": 1100, "height": 800})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def test_widget_chat_with_the_bot_through_iframe_and_shadow_dom(site, chat, tab):
    tab.goto(site.base_url + "/chat")
    launcher = tab.locator("button.nw-chat-launcher")
    expect(launcher).to_have_attribute("aria-label", "Chat with us")
    expect(launcher).to_have_text("Chat with us")
    launcher.click()
    iframe = tab.locator("iframe#nw-chat-frame")
    expect(iframe).to_have_attribute("title", "Northwind chat")
    assert iframe.get_attribute("src") == f"/chat/frame?mode=healthy&ws={quote(chat.ws_url, safe='')}"
    box = iframe.bounding_box()
    assert box["width"] == 360 and box["height"] == 520

    frame = tab.frame_locator("#nw-chat-frame")
    # The UI really is in an open shadow root: not in the frame's light DOM.
    expect(frame.locator("nw-chat")).to_be_attached()   # the frame has loaded (under load it is about:blank first)
    inner = tab.frame(url=lambda url: "/chat/frame" in url)
    assert inner is not None
    inner.wait_for_function("document.querySelector('nw-chat') && document.querySelector('nw-chat').shadowRoot")
    assert inner.evaluate("document.querySelector('.nw-input')") is None
    assert inner.evaluate("document.querySelector('nw-chat').shadowRoot.querySelector('.nw-input') !== null")

    expect(frame.locator(".nw-header")).to_contain_text("Northwind chat")
    box_input = frame.locator("textarea.nw-input")
    expect(box_input).to_have_attribute("placeholder", "Type your message…")
    expect(box_input).to_be_enabled(timeout=30_000)
    expect(frame.locator(".nw-messages[role=log] [data-author=bot] .nw-text").first).to_have_text(GREETING)
    session = frame.locator("nw-chat").get_attribute("data-session")

    box_input.fill("How long does delivery take?")
    frame.locator("button.nw-send").click()
    mine = frame.locator(".nw-msg--customer[data-author=customer]")
    expect(mine).to_have_count(1)
    expect(mine.locator(".nw-author")).to_have_text("You")
    expect(mine.locator(".nw-text")).to_have_text("How long does delivery take?")
    expect(box_input).to_have_value("")
    reply = frame.locator(".nw-msg--bot[data-author=bot]").nth(1)
    expect(reply.locator(".nw-text")).to_have_text(ANSWER_DELIVERY)
    expect(reply.locator(".nw-author")).to_have_text("Northwind assistant")

    # Enter sends too; the typing indicator shows while the agent is on the way, then Sam answers.
    box_input.fill("I'd like to talk to someone")
    box_input.press("Enter")
    expect(frame.locator(".nw-typing")).to_be_visible(timeout=2000)
    agent = frame.locator(".nw-msg--agent[data-author=agent]").first
    expect(agent.locator(".nw-author")).to_have_text("Sam (Customer Care)")
    expect(agent.locator(".nw-text")).to_have_text(AGENT_GREETING)
    expect(frame.locator(".nw-typing")).to_be_hidden()
    assert [e["author"] for e in session_log(chat, session)] == ["bot", "bot", "bot", "agent"]
    assert tab.errors == []


def test_broken_widget_script_is_a_404_and_no_launcher_appears(site, tab):
    failed = []
    tab.on("response", lambda r: failed.append((r.url, r.status)) if "chat-widget" in r.url else None)
    with tab.expect_response(lambda r: "chat-widget" in r.url):   # the event, not a pause that hopes for it
        tab.goto(site.base_url + "/chat/broken", wait_until="load")
    assert failed == [(site.base_url + "/static/chat-widget-v2.js", 404)]
    assert tab.locator(".nw-chat-launcher").count() == 0
    assert tab.locator("#nw-chat-frame").count() == 0


def test_offline_chat_shows_a_leave_a_message_form(site, tab):
    tab.goto(site.base_url + "/chat/offline")
    tab.locator(".nw-chat-launcher").click()
    frame = tab.frame_locator("#nw-chat-frame")
    form = frame.locator("form.nw-offline")
    expect(form).to_contain_text("We're offline right now. Leave us a message and we'll reply by email.")
    assert frame.locator(".nw-input").count() == 0
    form.get_by_label("Name").fill("Ann")
    form.get_by_label("Email").fill("ann@example.com")
    form.get_by_label("Message").fill("Please call me back")
    form.get_by_role("button", name="Send message").click()
    expect(frame.locator(".nw-sent")).to_contain_text("we've got your message")


def test_widget_without_a_chat_server_never_becomes_ready(chromium):
    with DemoCompany() as company:
        context = chromium.new_context()
        page = context.new_page()
        page.goto(company.base_url + "/chat")
        page.locator(".nw-chat-launcher").click()
        chat_element = page.frame_locator("#nw-chat-frame").locator("nw-chat")
        expect(chat_element).to_have_attribute("data-state", "closed", timeout=30_000)
        expect(chat_element.locator(".nw-input")).to_be_disabled()
        expect(chat_element.locator(".nw-status")).to_have_text("Chat is unavailable right now")
        context.close()
