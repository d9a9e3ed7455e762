"""What a channel's source hands the answers pipeline: one inbound message, whatever the channel, and
what reading the sources tallied.

Each source (a mailbox beside the email channel, a number's message list beside the SMS channel)
turns what it read into ``Inbound``; the pipeline (``answers.pipeline``) never looks at IMAP or Twilio.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

UNMATCHED_SAMPLES = 5   # unmatched messages (newsletters…) listed and kept as files per harvest; the rest counted


@dataclass
class Inbound:
    """One message read from a source."""

    channel: str                     # email | sms
    source: str                      # the source's key in the ledger (a mailbox's key, sms:<number>)
    uidvalidity: int                 # 0 for sources without one
    uid: int                         # unique within (source, uidvalidity)
    message_id: str                  # Message-ID (email) or the message's SID (texts)
    from_addr: str
    to_addr: str
    subject: str
    internal: dt.datetime | None     # the server's timestamp (one-second resolution)
    observed: dt.datetime            # when the prober saw it
    body: str                        # what the checks read (for a bounce: the whole raw message); "" for
                                     # a mail read quickly, until exact()
    raw: bytes                       # kept as the evidence file
    suffix: str = ".eml"             # of the evidence file
    date_header: dt.datetime | None = None
    headers: Any = None              # the parsed email (its headers classify it); None for texts
    reply_addresses: list[str] = field(default_factory=list)   # recipients that may be a contact's reply address
    thread_ids: list[str] = field(default_factory=list)        # Message-IDs it answers, oldest first
    bounce: bool = False             # a delivery status notification
    # A message read quickly (most of a big mailbox matches nothing): more text where a token may be
    # (other parts), and how to read it completely once it matches (exact()).
    search_text: str = ""
    full: Callable[[], Inbound] | None = None
    # The words shaped like a token, once looked for (answers.match), or as the source found them when
    # it read the message quickly: every one a complete reading could find, and maybe more.
    token_words: list[str] | None = None
    # When the prober last asked the source and was told of nothing new: the message landed after it
    # (None: not known, e.g. the first read).
    unseen_at: dt.datetime | None = None

    def exact(self) -> Inbound:
        """The message read completely (its headers to classify it, its text exactly as a customer reads it)."""
        if self.full is not None:
            unseen_at = self.unseen_at   # what the source knew, not the message
            self.__dict__.update(self.full().__dict__)
            self.full, self.unseen_at = None, unseen_at
        return self


@dataclass
class HarvestResult:
    """What one harvest (or one read of one source) did."""

    read: int = 0
    matched: int = 0
    own_copies: int = 0
    bounces: int = 0
    settled: int = 0
    closed: int = 0
    held_open: int = 0        # awaits past their deadline not closed: a source not read past it
    unmatched: int = 0        # messages that matched no contact (newsletters, other mail): counted
    unmatched_samples: list[dict] = field(default_factory=list)   # the first few of them, kept as files
    journeys: set[int] = field(default_factory=set)   # journeys whose answers changed
    failures: dict[str, MailboxError] = field(default_factory=dict)   # source key -> why it was not read

    def add(self, other: HarvestResult) -> None:
        for name in ("read", "matched", "own_copies", "bounces", "settled", "closed", "held_open", "unmatched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unmatched_samples.extend(other.unmatched_samples[:max(0, UNMATCHED_SAMPLES
                                                                   - len(self.unmatched_samples))])
        self.journeys |= other.journeys
        self.failures.update(other.failures)


class MailboxError(Exception):
    """The prober's own mailbox (or number) could not be read (a prober failure, not the company's).

    transient: worth trying again (connection refused or dropped, a timeout); not for a refused login
    or a certificate that does not verify. result: what a harvest that raised it did all the same.
    """

    def __init__(self, message: str, *, transient: bool = True, lost: bool = False,
                 result: HarvestResult | None = None):
        super().__init__(message)
        self.transient = transient
        self.lost = lost          # a connection that worked broke (servers drop idle ones)
        self.result = result


def arrival(internal: dt.datetime | None, observed: dt.datetime,
            not_before: dt.datetime | None = None, unseen_at: dt.datetime | None = None) -> dt.datetime:
    """Best estimate of when the message landed.

    Servers stamp arrivals to the second (IMAP's INTERNALDATE, Twilio's date_sent): it landed in
    [stamp, stamp + 1 s), not after we saw it, not before the source last told us of nothing new
    (unseen_at: a mailbox asked every fraction of a second while answers are due narrows the second
    to that fraction) and, for an answer, not before the contact was made: the middle of what is
    left (off by at most half a second). unseen_at outside the server's second (the two clocks
    disagree) is left aside.
    """
    if internal is None:
        return observed
    lower = internal.astimezone(dt.timezone.utc)
    upper = min(lower + dt.timedelta(seconds=1), observed)
    if unseen_at is not None and lower < unseen_at < upper:
        lower = unseen_at
    if not_before is not None and lower < not_before < upper:
        lower = not_before
    if not_before is not None and upper <= not_before:
        return not_before   # never before the contact (the server's clock runs behind this machine's)
    if upper <= lower:
        return lower
    return lower + (upper - lower) / 2
