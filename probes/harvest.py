"""Harvest: read every channel's inbound source and hand each message to the answers pipeline.

The sources: every identity's mailbox (``channels.email_inbox``: messages that arrived since the last
harvest, by IMAP UID) and every identity's Twilio number (``channels.sms_inbox``: texts and WhatsApp
messages sent to it since the last harvest). Every message takes the same way, whatever its channel
(``answers.pipeline``): own copy, bounce, match, classify, record, judge, settle.

Messages are recorded in batches: one ledger transaction per batch (up to ``BATCH_MESSAGES`` messages,
or ``BATCH_S`` of work, whichever comes first) holds each message's record, its verdicts, the awaits it
settles and the source's position after the batch. A process stopped half-way loses nothing: the batch
is rolled back, the position stays before it, and the next harvest reads those messages again.

The waiting path (``record_first``: ``probes run --wait`` between IMAP IDLE notifications) puts the
answers in the ledger first and judges them after: a batch's transaction records every message (raw
message, arrival time, match and kind) and commits; then each answer is judged (checks, awaits settled,
promises) in a transaction of its own, oldest first, and before each the mailbox is asked again for
new mail, which is recorded before the next judgment. The mailbox position stays before the oldest
answer not judged yet, so a process stopped in between reads it again and judges it, once
(``answers.pipeline``). The harvest returns once everything it read is judged.

Each source is read on its own: one that cannot be read (server down, connection dropped) is tried
again with backoff and, failing that, left for the next harvest, while the others are read. A complete
read moves the source's *read watermark* (in the ledger) to the instant that read started: every
message that had arrived by then was seen.

Then awaits whose deadline has passed are closed as *no response*, but only when every source that
could carry the answer has been read past the deadline (``answers.settle.close_overdue``); otherwise
the await stays pending and says why (``held_open``). Nothing is ever deleted or flagged on the server;
every message is recorded once (by source, UIDVALIDITY and UID), so harvesting twice records nothing
new the second time. Messages that match nothing are counted; the first few are listed and kept.
"""
from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path

from .answers.inbound import HarvestResult, Inbound, MailboxError, arrival  # noqa: F401 - the harvest's API
from .answers.judge import check_context, harvest_checks  # noqa: F401 - used by the runner
from .answers.match import TOKEN_WORD, template_hash  # noqa: F401
from .answers.pipeline import DEFAULT_AUTO_WITHIN_S, Pipeline, Unjudged  # noqa: F401
from .answers.settle import close_overdue, refresh_statuses, settle, source_name, sources_of  # noqa: F401
from .channels.email_inbox import Mailbox, mailboxes_of
from .channels.sms_inbox import TextBox, phones_of
from .config import Config, PhoneIdentity
from .ledger import Ledger
from .results import utcnow

log = logging.getLogger("probes.harvest")

BACKOFF_FIRST_S = 1.0      # the first wait before reading a source again after a failure; doubled each time
BACKOFF_MAX_S = 60.0
BATCH_MESSAGES = 200       # messages per ledger transaction
BATCH_S = 2.0              # ... or this much work, whichever comes first: others wait for the write lock


def harvest(ledger: Ledger, config: Config, reports_dir: Path, *, open_boxes: list[Mailbox] | None = None,
            now: dt.datetime | None = None, retry_s: float | None = None,
            record_first: bool = False) -> HarvestResult:
    """Read every mailbox and number once and settle what can be settled. See the module docstring.

    open_boxes: mailboxes the caller keeps (and closes); one not connected, or whose connection
    dropped, is connected again. retry_s: how long to keep trying a source that cannot be read
    (default: the identity's reconnect_within_s; 0: one attempt, and one reconnect after a drop).
    now: the current time (tests move it forward). record_first: the waiting path (see the module
    docstring): every answer read is in the ledger before any is judged, and mail that lands while
    answers are judged is recorded before the next judgment. Raises MailboxError, after doing all it
    could with the other sources, when a source could not be read.
    """
    total = HarvestResult()
    # Deadlines are judged by when the mailboxes were read, not by when this harvest ends: an answer
    # that lands while it works (or waits for the ledger's lock) must not be called "no response".
    now = now or utcnow()
    pipe = Pipeline(ledger, config, reports_dir)   # runs, links: read once per harvest
    boxes = open_boxes if open_boxes is not None else mailboxes_of(config)
    try:
        for box in boxes:
            within_s = box.identity.reconnect_within_s if retry_s is None else retry_s
            _read_source(ledger, box.key, total, now, within_s,
                         read=lambda part, b=box: _harvest_box(pipe, b, part, record_first))
        for phone in phones_of(config):
            _read_source(ledger, TextBox(phone).key, total, now, 0.0 if retry_s is None else retry_s,
                         read=lambda part, p=phone: _harvest_texts(pipe, p, part))
    finally:
        if open_boxes is None:
            for b in boxes:
                b.close()
    closed, closed_journeys, held = close_overdue(ledger, config, now)
    total.closed += closed
    total.held_open += held
    refresh_statuses(ledger, total.journeys | closed_journeys)
    if total.failures:
        raise MailboxError("; ".join(str(e) for e in total.failures.values()),
                           transient=all(e.transient for e in total.failures.values()), result=total)
    return total


def _read_source(ledger: Ledger, key: str, total: HarvestResult, now: dt.datetime | None, within_s: float,
                 read) -> None:
    """Read one source completely, trying again with backoff for within_s when it fails; a complete
    read moves its watermark to when that read started, a failed one is noted in the ledger.

    A connection that worked and then broke (servers drop idle ones) is made again at once, once."""
    give_up = time.monotonic() + within_s
    pause = BACKOFF_FIRST_S
    reconnects = True
    while True:
        started = now or utcnow()   # taken before the server is asked: anything that arrived by then is seen
        part = HarvestResult()
        try:
            read(part)
        except MailboxError as exc:
            total.add(part)   # what was recorded before the failure stays recorded
            if exc.lost and reconnects:
                log.warning("%s; connecting again", exc)
                reconnects = False
                continue
            if not exc.transient or time.monotonic() + pause > give_up:
                total.failures[key] = exc
                ledger.note_read_failure(key, str(exc))
                return
            log.warning("%s; trying again in %.0f s", exc, pause)
            time.sleep(pause)
            pause = min(pause * 2, BACKOFF_MAX_S)
            continue
        total.add(part)
        ledger.set_read_watermark(key, started)
        return


def _harvest_box(pipe: Pipeline, box: Mailbox, result: HarvestResult, record_first: bool = False) -> HarvestResult:
    if box.client is None:
        box.connect()   # first: the UIDVALIDITY says whether the recorded position still holds
    last_uid = _position(pipe.ledger, box)
    if not record_first:
        for fetched in box.fetch_batches(last_uid, BATCH_MESSAGES):
            result.read += len(fetched)
            _take_batches(pipe, box.key, box.uidvalidity, fetched, result,
                          inbound=lambda m: box.inbound(*m), position=lambda m: m[0], ordered=True)
        return result
    # The waiting path: record what is there, then judge one answer at a time, asking the mailbox
    # for new mail (recorded at once) before each judgment.
    queue: list[Unjudged] = []
    recorded = last_uid
    pipe.unjudged = queue
    try:
        while True:
            for fetched in box.fetch_batches(recorded, BATCH_MESSAGES):
                result.read += len(fetched)
                # The position stays before the oldest answer recorded and not yet judged.
                _take_batches(pipe, box.key, box.uidvalidity, fetched, result, inbound=lambda m: box.inbound(*m),
                              position=lambda m: min(m[0], queue[0].uid - 1) if queue else m[0], ordered=True)
                recorded = fetched[-1][0]
            if not queue:
                return result
            _judge_next(pipe, box, queue, recorded, result)
    finally:
        pipe.unjudged = None


def _position(ledger: Ledger, box: Mailbox) -> int:
    """The last UID of the box read (and judged) by any harvest; 0 when none, or under another UIDVALIDITY."""
    position = ledger.mailbox_position(box.key)
    return position[1] if position and position[0] == box.uidvalidity else 0


def _judge_next(pipe: Pipeline, box: Mailbox, queue: list[Unjudged], recorded: int, result: HarvestResult) -> None:
    """Judge the oldest recorded answer and move the position past it (up to the next answer not judged, or
    the last message recorded): together or not at all. Skipped if another harvest judged it meanwhile."""
    answer = queue[0]
    part = HarvestResult()
    # The checks think (and fetch links) before the write lock is taken: the journeys still being sent, and
    # the record of the next answer, do not wait behind them. Thrown away if another harvest judges it first.
    assessed = pipe.assess(answer) if _position(pipe.ledger, box) < answer.uid else None
    with pipe.ledger.transaction(eager=True):
        if _position(pipe.ledger, box) < answer.uid:   # read under the write lock: no one else judges it now
            pipe.judge(answer, part, assessed)
        queue.pop(0)
        pipe.ledger.set_mailbox_position(box.key, box.uidvalidity, queue[0].uid - 1 if queue else recorded)
    result.add(part)


def _harvest_texts(pipe: Pipeline, phone: PhoneIdentity, result: HarvestResult) -> HarvestResult:
    box = TextBox(phone)
    position = pipe.ledger.mailbox_position(box.key)
    last = position[1] if position else 0
    # DateSent filters by whole seconds; a minute's overlap costs nothing (each message is recorded once).
    since = dt.datetime.fromtimestamp(last - 60, dt.timezone.utc) if last else None
    messages = box.list_inbound(since)
    result.read += len(messages)

    def seconds(m) -> int:
        sent = m.date_sent or m.date_created
        return int(sent.timestamp()) if sent else 0

    # The position never moves back: the overlap above re-lists messages older than it.
    _take_batches(pipe, box.key, 0, messages, result, inbound=box.inbound, position=lambda m: max(last, seconds(m)))
    if not messages:
        pipe.ledger.set_mailbox_position(box.key, 0, last)
    return result


def _take_batches(pipe: Pipeline, key: str, uidvalidity: int, messages: list, result: HarvestResult, *,
                  inbound: Callable[..., Inbound], position: Callable[..., int], ordered: bool = False) -> None:
    """Hand messages (oldest first) to the pipeline, one ledger transaction per batch, each with the
    source's position after it: every message of a batch is recorded, judged and settled, and the
    position moved past it, together or not at all (judged after the transaction on the waiting path,
    where position() keeps it before the first answer not judged).

    ordered: the position is a UID: an answer recorded above it is still to be judged."""
    done = 0
    items: list[Inbound] = []   # read and not yet taken (a batch cut short by BATCH_S leaves some)
    while done < len(messages):
        started = time.monotonic()
        part = HarvestResult()
        # Read before the write lock is taken: parsing needs no ledger. Each message is read once.
        items += [inbound(m) for m in messages[done + len(items):done + BATCH_MESSAGES]]
        # The waiting path takes the write lock ahead of other writers: answers are waited for.
        with pipe.ledger.transaction(eager=pipe.unjudged is not None):
            # Read under the write lock: no other harvest moves it before this batch commits.
            held = pipe.ledger.mailbox_position(key) if ordered else None
            pipe.judged_upto = (held[1] if held and held[0] == uidvalidity else 0) if ordered else None
            taken = 0
            try:
                while taken < len(items):
                    # A part at a time, so that a batch of slow answers (link checks) ends early; what matched
                    # nothing is recorded once for the whole batch.
                    part_items = items[taken:taken + 20]
                    pipe.take_batch(part_items, part, flush=False)
                    taken += len(part_items)
                    if time.monotonic() - started >= BATCH_S:
                        break   # the write lock is held meanwhile: let other processes in
                pipe.flush(part)
            finally:
                pipe.discard()
            done += taken
            pipe.ledger.set_mailbox_position(key, uidvalidity, position(messages[done - 1]))
        items = items[taken:]
        result.add(part)


__all__ = ["BACKOFF_FIRST_S", "BACKOFF_MAX_S", "HarvestResult", "Mailbox", "MailboxError", "TextBox", "arrival",
           "check_context", "close_overdue", "harvest", "mailboxes_of", "phones_of", "refresh_statuses",
           "settle", "source_name", "sources_of"]
