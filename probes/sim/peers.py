"""The demo's other companies: the same simulators with other behaviour, so the scorecard compares something.

Each is a website (``probes.sim.company.DemoCompany`` under its own name, its healthy ``/contact`` form
only is used) and a support mailbox at its own domain (``PeerDesk``, a ``MailDesk`` on the same mail world:
``DemoMail.add_desk``). The demo runs two cheap journeys against each (``scenarios/peers/``): a question
through the contact form answered by email, and an email.

| company | acknowledgement | a person's answer |
|---|---|---|
| Contoso Kitchens (``contoso``) | after 0.5 s | after 3 s, answering the question asked, in the customer's terms |
| Fabrikam Home (``fabrikam``) | after 3 s | after 10 s, the same long form letter whatever was asked |

Fabrikam's form letter names the customer's subject, so it is not the very same text for two customers
(which the prober would take for an automatic reply), yet it is a near-copy: the ``canned`` check finds
it, and it covers none of the points a question must mention (the ``answer`` check).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .maildesk import MailDesk, _Job, _Original, _paragraphs, _quote, _re_subject, _topic


@dataclass(frozen=True)
class PeerCompany:
    """Another demo company: its target key, name, mail domain and how its desk behaves."""

    key: str
    name: str
    domain: str
    ack_delay_s: float
    human_delay_s: float
    personal: bool          # True: a person answers the question; False: the same form letter to everyone
    auto_reply_within_s: float

    @property
    def support(self) -> str:
        return f"support@{self.domain}"


# Their journeys, which `probes demo` runs beside the scenarios folder's.
PEER_SCENARIOS = Path(__file__).parent / "peer_scenarios"

PEERS: tuple[PeerCompany, ...] = (
    PeerCompany("contoso", "Contoso Kitchens (demo company)", "contoso.example", ack_delay_s=0.5,
                human_delay_s=3.0, personal=True, auto_reply_within_s=1.5),
    PeerCompany("fabrikam", "Fabrikam Home (demo company)", "fabrikam.example", ack_delay_s=3.0,
                human_delay_s=10.0, personal=False, auto_reply_within_s=1.5),
)

# What Contoso's people know: (the question mentions this, the sentence that answers it).
_ANSWERS = (
    (re.compile(r"(?i)\bdeliver"), "Yes, we deliver to Leeds on Saturdays, between 8am and 1pm. Delivery "
                                   "costs \u00a315, and it is free on orders over \u00a3500."),
    (re.compile(r"(?i)\bE\d+\b|error"), "Error E24 means the dishwasher cannot drain: clean the filter at the "
                                        "bottom of the tub and check that the drain hose is not kinked, then "
                                        "run a rinse programme."),
)

_FORM_LETTER = (
    "Thank you for getting in touch with {company} regarding \u201c{topic}\u201d. Your message is important to "
    "us and I have passed it on to the relevant department. We aim to respond to all enquiries as quickly as "
    "possible, but at busy times it may take a little longer than usual. In the meantime, you may find the "
    "answer to your question in the help centre on our website, where you can also read our terms and "
    "conditions, our returns policy and the guides for every product we sell. We value your custom and "
    "appreciate your patience while we look into this for you. Please do not hesitate to contact us again "
    "if there is anything else we can help you with, and thank you once again for choosing {company}."
)


class PeerDesk(MailDesk):
    """One support mailbox, ``support@<domain>``, answering as ``PeerCompany`` says; any other address at the
    domain is refused like a dead mailbox."""

    def __init__(self, deliver, company: PeerCompany, **kwargs) -> None:
        self.company = company
        self.domain = company.domain
        self.case_prefix = company.key[:2].upper() + "-"
        super().__init__(deliver, ack_delay_s=company.ack_delay_s, human_delay_s=company.human_delay_s, **kwargs)

    def refusal(self, address: str) -> str | None:  # type: ignore[override]  # an instance's own domain
        """None for the support mailbox; a 550 for any other address at the domain or elsewhere."""
        address = address.strip().strip("<>").strip().lower()
        if address == self.company.support:
            return None
        if address.endswith(f"@{self.domain}"):
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        return f"550 5.7.1 <{address}>: relay access denied"

    def _plan(self, mailbox: str, original: _Original, auto: bool) -> None:
        if not auto:
            self._schedule("ack", mailbox, original)
        self._schedule("human", mailbox, original)

    def _content(self, job: _Job) -> tuple[tuple[str, str], str, str]:
        original, name = job.original, self.company.name.split(" (")[0]
        desk = (f"{name} Customer Care", self.company.support)
        subject = _re_subject(original.subject)
        if job.kind == "ack":
            return desk, subject, _paragraphs(
                f"Dear {self._first_name(original)},",
                f"Thank you for contacting {name}. We have received your message; your case number is "
                f"{original.case}.",
                "This is an automatic reply.", f"{name} Customer Care")
        if not self.company.personal:
            return (f"Customer Services \u2013 {name}", self.company.support), subject, _paragraphs(
                f"Dear {self._first_name(original)},",
                _FORM_LETTER.format(company=name, topic=_topic(original.subject)),
                f"Yours sincerely,\nMark\nCustomer Services, {name}",
                f"You wrote:\n{_quote(original.body)}")
        answer = next((said for asked, said in _ANSWERS if asked.search(original.body)),
                      f"I have looked into your question about \u201c{_topic(original.subject)}\u201d and "
                      "will write again today with the details.")
        return (f"Alex \u2013 {name}", self.company.support), subject, _paragraphs(
            f"Hi {self._first_name(original)},",
            f"Thanks for your message. {answer}",
            f"If anything is unclear, just reply to this email (case {original.case}).",
            f"Best wishes,\nAlex\n{name} Customer Care",
            f"You wrote:\n{_quote(original.body)}")
