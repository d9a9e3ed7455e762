"""Match an answer to the contact it answers, in this order of trust: the reply address it was sent to
(``shopper+<token>@…``), a contact's token in its subject or text, ``In-Reply-To``/``References``
threading, and for a text the number it came from.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import re

from ..config import Config
from ..ledger import Ledger
from .inbound import Inbound, arrival

TOKEN_WORD = re.compile(r"\b[a-km-z2-9]{10}\b")  # shape of ledger.new_token()


def candidates(ledger: Ledger, item: Inbound) -> list[dict]:
    """Every contact the message could belong to, by its own Message-ID (our copy of a sent message),
    reply address, token-shaped words or threading: one indexed query per message."""
    return ledger.contacts_matching(tokens=words(item),
                                    message_ids=[item.message_id, *item.thread_ids] if item.channel == "email"
                                    else item.thread_ids,
                                    reply_addresses=item.reply_addresses)


def match(ledger: Ledger, config: Config, item: Inbound,
          found: list[dict] | None = None) -> tuple[dict | None, str | None]:
    """(contact, how) for one inbound message; (None, None) if nothing fits.

    found: the message's candidates(), when the caller has them."""
    found = candidates(ledger, item) if found is None else found
    for addr in item.reply_addresses:
        if hit := next((c for c in found if c["reply_address"] == addr), None):
            return hit, "reply_address"
    tokens = {c["token"]: c for c in found}
    if hit := next((tokens[w] for w in words(item) if w in tokens), None):
        return hit, "token"
    for mid in reversed(item.thread_ids):  # the nearest ancestor first
        if hit := next((c for c in found if c["message_id"] == mid), None):
            return hit, "thread"
    if item.channel == "sms" and (hit := by_number(ledger, config, item.from_addr,
                                                   arrival(item.internal, item.observed))):
        return hit, "number"
    return None, None


def _searched(item: Inbound) -> str:
    """Where a token is looked for: a mail's subject and text, a text message's text."""
    text = f"{item.subject}\n{item.body}" if item.channel == "email" else item.body
    return f"{text}\n{item.search_text}" if item.search_text else text


def words(item: Inbound) -> list[str]:
    """The token-shaped words of a message, found once."""
    if item.token_words is None:
        item.token_words = token_words(_searched(item))
    return item.token_words


def fits(contact: dict, item: Inbound) -> bool:
    """Whether a contact looked up for a batch of messages is a candidate for this one."""
    return (contact["token"] in words(item) or contact["reply_address"] in item.reply_addresses
            or contact["message_id"] in item.thread_ids
            or (item.channel == "email" and bool(item.message_id) and contact["message_id"] == item.message_id))


def token_words(text: str) -> list[str]:
    """Words shaped like a token, in order of appearance, each once (ordinary words too: "understand")."""
    return list(dict.fromkeys(TOKEN_WORD.findall(text)))


def by_number(ledger: Ledger, config: Config, sender: str, arrived: dt.datetime) -> dict | None:
    """The latest contact texted at that number before the text arrived; else the oldest contact awaiting
    a text from a target whose allowlist has that number (a web form answered by SMS)."""
    earlier = [c for c in ledger.contacts_where(destination=sender, status="sent")
               if c.get("sent_at") and c["sent_at"] <= arrived]
    if earlier:
        return max(earlier, key=lambda c: c["sent_at"])
    for a in ledger.awaits_where(channel="sms", status="pending"):
        contact = ledger.get_contact(a["contact_id"])
        if contact is None:
            continue
        journey = ledger.get_journey(contact["journey_id"]) or {}
        target = config.targets.get(journey.get("target", ""))
        if target and target.allows(sender) and contact.get("sent_at") and contact["sent_at"] <= arrived:
            return contact
    return None


def template_hash(body: str, contact: dict) -> str:
    """The reply's text with what differs per contact blanked: a form letter hashes the same for everyone."""
    text = body.lower()
    text = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))  # quoted customer
    text = TOKEN_WORD.sub("#", text)
    text = re.sub(r"\S+@\S+", "@", text)
    text = re.sub(r"\d+", "0", text)
    text = re.sub(r"^(dear|hi|hello|hey)\b[^\n,]*", r"\1", text, flags=re.M)  # the greeting's name
    text = re.sub(r"\s+", " ", text).strip()
    return hashlib.sha256(text.encode()).hexdigest()
