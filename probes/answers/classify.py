"""Classify an answer: automatic (an acknowledgement, an out-of-office, a notification) or from a person.

Used by the answers pipeline for every channel; returns ``(kind, why)`` with kind ``"auto"`` or ``"human"``
and why in words for the report, naming every piece of evidence used.

Evidence is weighed, because helpdesks put some "automatic" headers on every message they send, their
agents' answers included (README, "Automatic or from a person"):

- a target's own ``replies:`` rules in probes.yaml decide first;
- strong evidence decides alone: RFC 3834 ``Auto-Submitted: auto-replied``, ``X-Autoreply``,
  ``X-Autorespond``, ``Precedence: auto_reply``, a text that says it is automatic or out of office, an
  arrival within the target's ``auto_reply_within_s``, the same text sent to other contacts of the run;
- weak evidence counts only together with other evidence: ``Auto-Submitted: auto-generated`` (Zendesk and
  Freshdesk put it on agents' answers too), ``Precedence: bulk|list|junk`` (RT puts it on every message),
  ``X-Loop``, an acknowledgement's wording ("we have received your request"), "do not reply" (weakest in
  a footer, where helpdesks put it under agents' answers), a no-reply sender;
- ``X-Auto-Response-Suppress`` is no evidence: Exchange, Outlook and helpdesks put it on ordinary mail
  to ask *others* not to auto-reply.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parseaddr

from ..ledger import Ledger

STRONG, WEAK, WEAKEST = 1.0, 0.5, 0.25   # automatic when the weights add up to STRONG


@dataclass(frozen=True)
class Evidence:
    """One sign of automation and its weight; ``said`` is how the report names it."""

    weight: float
    said: str


def _words(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.I)


_ANY = r"(?:a|an|une?|eine?|una?|uma?|een)"
# The text says it was sent by a machine (en, de, fr, es, it, nl, pt).
SAYS_AUTOMATIC = _words(
    r"\bthis is an? (?:automated|automatic|auto-?generated|automatically generated|auto-?reply|autoreply|"
    r"system[- ]generated)\b(?: \w+)?",
    r"\bthis (?:message|e-?mail|mail|reply|response|notification|acknowledge?ment) (?:was|has been|is) "
    r"(?:\w+ )?(?:sent|generated|created) automatically\b",
    r"\b(?:this|the) (?:message|e-?mail|reply|response|notification) (?:was|has been|is) automatically "
    r"(?:generated|sent|created)\b",
    r"\b(?:has|have) been automatically generated\b",
    r"\bautomatic (?:reply|response|acknowledge?ment)\b(?! to)",
    r"\bauto-?(?:reply|response)\s*:",
    r"\bdies ist eine automatische (?:antwort|nachricht|e-?mail|benachrichtigung|eingangsbestätigung)\b",
    r"\bautomatisch (?:erstellte|generierte|versandte|versendete) (?:nachricht|e-?mail|antwort)\b",
    r"\bdiese (?:nachricht|e-?mail|antwort) wurde automatisch (?:erstellt|generiert|versandt|versendet)\b",
    r"\bautomatische antwort\b",
    r"\b(?:ceci est|il s'agit d'|c'est) une? (?:réponse|message|e-?mail|courriel|accusé de réception) "
    r"automatique\b",
    r"\b(?:ce|cet) (?:message|e-?mail|courriel) (?:a été|est) (?:généré|envoyé) automatiquement\b",
    r"\bréponse automatique\b",
    r"\b(?:esta|este) es (?:una|un) (?:respuesta|mensaje|correo(?: electrónico)?) automátic[oa]\b",
    r"\b(?:este|el presente) (?:mensaje|correo) (?:ha sido|fue|se ha) (?:generado|enviado) automáticamente\b",
    r"\brespuesta automática\b",
    r"\bquesta è una risposta automatica\b",
    r"\bquesto è un (?:messaggio|e-?mail) automatico\b",
    r"\b(?:messaggio|e-?mail) (?:generat[oa]|inviat[oa]) automaticamente\b",
    r"\brisposta automatica\b",
    r"\bdit is een automatisch(?: gegenereerd| verzonden)? (?:antwoord|bericht|e-?mail|ontvangstbevestiging)\b",
    r"\bautomatisch (?:gegenereerd|verzonden) (?:bericht|e-?mail|antwoord)\b",
    r"\bautomatisch antwoord\b",
    r"\b(?:esta|este) é (?:uma|um) (?:resposta|mensagem|e-?mail) automátic[oa]\b",
    r"\b(?:mensagem|e-?mail) (?:gerad[oa]|enviad[oa]) automaticamente\b",
    r"\bresposta automática\b",
    # A label that announces the message, at the start of a line: "Automated message: …", "Mensaje automático: …".
    r"(?:^|\n)[ \t]*(?:automated|automatic|system) (?:message|notification|reply|response)[ \t]*:",
    r"(?:^|\n)[ \t]*(?:automatische (?:nachricht|benachrichtigung)|message automatique|mensaje automático|"
    r"messaggio automatico|automatisch bericht|mensagem automática)[ \t]*:",
)
# Out of office.
SAYS_AWAY = _words(
    r"^\s*out of (?:the )?office\b",
    r"\bout[- ]of[- ]office (?:reply|message|notice|auto-?reply)\b",
    r"\bI(?: am|'?m|’m) (?:currently |now )?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:annual |parental |"
    r"sick )?leave|on (?:vacation|holiday))\b",
    r"\bI will be (?:out of the office|away|on leave)\b(?! for)",
    r"\babwesenheitsnotiz\b",
    r"\b(?:ich bin|bin ich) (?:derzeit |zurzeit |momentan |bis [^\n]{1,30}?)?(?:nicht im büro|abwesend|"
    r"im urlaub|außer haus)\b",
    r"\bje suis (?:actuellement |absent[e]? )?(?:absente?|en congé|en vacances)\b",
    r"\babsente? du bureau\b",
    r"\b(?:estoy|me encuentro) (?:actualmente )?(?:fuera de la oficina|de vacaciones|ausente)\b",
    r"\bsono (?:attualmente )?(?:fuori ufficio|in ferie|assente)\b",
    r"\bik ben (?:momenteel |tot [^.\n]{1,30})?(?:afwezig|niet op kantoor|met vakantie)\b",
    r"\b(?:estou|encontro-me) (?:atualmente )?(?:fora do escritório|de férias|ausente)\b",
)
# An acknowledgement's wording: a person may open an answer the same way, so only weak.
SAYS_RECEIVED = _words(
    r"\b(?:we|I)(?: have|'ve) (?:successfully )?received your (?:request|message|e-?mail|enquiry|inquiry|"
    r"ticket|query)\b",
    r"\byour (?:request|message|e-?mail|ticket|enquiry|inquiry|case)(?: \(?#?[\w#-]+\)?)? (?:has been|was) "
    r"(?:received|created|logged|registered|opened)\b",
    r"\b(?:ticket|case|request) (?:#|number |no\.? ?)?[\w-]*\d[\w-]* (?:has been|was) (?:created|opened|"
    r"logged)\b",
    r"\bwir haben (?:ihre|deine) (?:anfrage|nachricht|e-?mail) erhalten\b",
    r"\b(?:ihre|deine) (?:anfrage|nachricht|e-?mail) (?:ist|wurde) (?:bei uns )?(?:eingegangen|erhalten)\b",
    r"\bnous avons (?:bien )?reçu votre (?:demande|message|e-?mail|courriel)\b",
    r"\bvotre (?:demande|message) a (?:bien )?été (?:reçue?|enregistrée?)\b",
    r"\bhemos recibido (?:su|tu) (?:solicitud|mensaje|correo|consulta)\b",
    r"\babbiamo ricevuto (?:la sua|la tua|il suo|il tuo) (?:richiesta|messaggio|e-?mail)\b",
    r"\bwe hebben (?:uw|je|jouw) (?:verzoek|bericht|e-?mail|aanvraag|vraag) (?:goed )?ontvangen\b",
    r"\brecebemos (?:a sua|o seu|sua|seu) (?:pedido|solicitação|mensagem|e-?mail)\b",
)
# "Do not reply": a notification says it at the top; helpdesks put it in the footer of agents' answers.
SAYS_NO_REPLY = _words(
    r"\b(?:please )?do not (?:reply|respond)\b(?: (?:to|directly to) this (?:e-?mail|message|address|mail))?",
    r"\bdon't reply to this\b",
    r"\bthis (?:mailbox|address|inbox|e-?mail address) is not monitored\b",
    r"\bbitte (?:antworten sie nicht|nicht (?:auf diese (?:e-?mail|nachricht) )?antworten)\b",
    r"\bantworten sie nicht auf diese\b",
    r"\b(?:merci de|veuillez) ne pas répondre\b",
    r"\bne répondez pas\b",
    r"\bpor favor,? no (?:responda|conteste)\b",
    r"\bno responda a este\b",
    r"\bsi prega di non rispondere\b",
    r"\bnon rispondere a quest[ao]\b",
    r"\bgelieve niet te (?:antwoorden|reageren)\b",
    r"\b(?:reageer|antwoord) niet op deze\b",
    r"\bpor favor,? não responda\b",
    r"\bnão responda a est[ea]\b",
)
# Zendesk and others put "reply above this line" at the top of every message, agents' answers included.
REPLY_ABOVE = _words(r"\breply above this line\b", r"\bantworten sie oberhalb dieser zeile\b",
                     r"\brépondez au-dessus de cette ligne\b", r"\bresponda (?:por )?encima de esta línea\b")
NO_REPLY_SENDER = re.compile(r"^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|notifications?)\b", re.I)
# Helpdesks that put Auto-Submitted: auto-generated on every message, agents' answers included (sources in
# tests/data/helpdesks/README.md): named in the report's "why".
EVERY_MAIL_AUTO_SUBMITTED = (
    ("Zendesk", "X-Mailer", re.compile(r"^\s*Zendesk Mailer", re.I)),
    ("Freshdesk", "Message-ID", re.compile(r"freshdesk\.com>\s*$", re.I)),
)


def _quote(text: str) -> str:
    return " ".join(text.split())


def _head(text: str, lines: int = 3) -> str:
    """The first few non-empty lines: where a notification says what it is."""
    return "\n".join([line for line in text.splitlines() if line.strip()][:lines])


def _unquoted(text: str) -> str:
    """The text without the customer's own message quoted below it (lines starting with '>')."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))


def wording_evidence(text: str, subject: str = "") -> list[Evidence]:
    """What the words of an answer say about automation (every language the checks know)."""
    text = _unquoted(text or "")
    found: list[Evidence] = []
    for pattern in (SAYS_AUTOMATIC, SAYS_AWAY):
        # Said in the subject or the first lines, it is what the message is; further down (a footer, a
        # person mentioning their leave) only a weak sign.
        if m := (subject and pattern.search(subject)) or pattern.search(_head(text)):
            found.append(Evidence(STRONG, f"says “{_quote(m.group(0))}”"))
        elif m := pattern.search(text):
            found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” (not at the top)"))
    for said in list(dict.fromkeys(_quote(m.group(0)) for m in SAYS_RECEIVED.finditer(text)))[:2]:
        found.append(Evidence(WEAK, f"says “{said}”"))
    if m := SAYS_NO_REPLY.search(_head(text)):
        found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” at the top"))
    elif m := SAYS_NO_REPLY.search(text):
        found.append(Evidence(WEAKEST, f"says “{_quote(m.group(0))}” (in the footer, where helpdesks put it "
                                       "under agents' answers too)"))
    if m := REPLY_ABOVE.search(text):
        found.append(Evidence(WEAKEST, f"says “{_quote(m.group(0))}” (helpdesks put it on agents' answers too)"))
    return found


def auto_wording(text: str) -> str | None:
    """The words in a text that say it was sent automatically ("this is an automated response", "Dies ist eine
    automatische Antwort", an out-of-office, an acknowledgement, "do not reply" at the top), or None.

    A "do not reply" footer under an answer is not enough: helpdesks put it under their people's answers; nor
    is one acknowledgement alone ("we have received your request"): people open their answers with it too."""
    found = wording_evidence(text)
    plain = sum(e.weight for e in found) >= STRONG or SAYS_NO_REPLY.search(_head(_unquoted(text or "")))
    for e in found:
        if e.weight >= WEAK and plain:
            return e.said.split("“", 1)[1].split("”", 1)[0]
    return None


def _helpdesk(msg) -> str | None:
    """The helpdesk that sent msg, when it is one known to put Auto-Submitted on every message."""
    for name, header, pattern in EVERY_MAIL_AUTO_SUBMITTED:
        if pattern.search(str(msg.get(header) or "")):
            return name
    return None


def header_evidence(msg) -> list[Evidence]:
    """What an email's headers say about automation."""
    found: list[Evidence] = []
    auto_submitted = str(msg.get("Auto-Submitted") or "").split(";")[0].strip().lower()
    if auto_submitted == "auto-replied":   # RFC 3834: an automatic response to a message
        found.append(Evidence(STRONG, f"Auto-Submitted: {auto_submitted}"))
    elif auto_submitted and auto_submitted != "no":
        # auto-generated is what Zendesk and Freshdesk put on their agents' answers too (they count as
        # notifications of a ticket update): weak unless something else says so.
        helpdesk = _helpdesk(msg)
        found.append(Evidence(WEAK, f"Auto-Submitted: {auto_submitted} (" + (
            f"{helpdesk} puts it on every message, agents' answers included)" if helpdesk else
            "some helpdesks put it on agents' answers too)")))
    for header in ("X-Autoreply", "X-Autorespond"):
        value = msg.get(header)
        if value is not None and str(value).strip().lower() not in ("no", "false", "0"):
            found.append(Evidence(STRONG, f"{header} header"))
    precedence = str(msg.get("Precedence") or "").strip().lower()
    if precedence == "auto_reply":
        found.append(Evidence(STRONG, "Precedence: auto_reply"))
    elif precedence in ("bulk", "junk", "list"):
        found.append(Evidence(WEAKEST, f"Precedence: {precedence} (helpdesks put it on agents' answers too)"))
    if msg.get("X-Loop") is not None:   # OTRS/Znuny and Zammad put it on their automatic mail
        found.append(Evidence(WEAKEST, "X-Loop header"))
    sender = parseaddr(str(msg.get("From") or ""))[1]
    if NO_REPLY_SENDER.match(sender):
        found.append(Evidence(WEAK, f"sent from {sender}"))
    return found


def _context_evidence(arrived: dt.datetime, contact: dict, template: str, ledger: Ledger,
                      auto_within_s: float) -> list[Evidence]:
    found = []
    sent = contact.get("sent_at")
    if sent is not None and (arrived - sent).total_seconds() < auto_within_s:
        found.append(Evidence(STRONG, f"arrived {max(0.0, (arrived - sent).total_seconds()):.1f} s after sending "
                                      f"(sooner than auto_reply_within_s: {auto_within_s:g})"))
    # Within one run only: the same person's answer to the same question last night must not make
    # tonight's look automatic (repeats across runs are a quality matter, not a sign of a robot).
    if (others := ledger.template_seen_elsewhere(template, contact["id"], run_id=contact["run_id"])):
        found.append(Evidence(STRONG, f"the same text was sent to {others} other "
                                      f"contact{'s' if others != 1 else ''} of this run"))
    return found


def judge(evidence: list[Evidence]) -> tuple[str, str]:
    """('auto' | 'human', why): strong evidence decides alone, weak evidence only together."""
    if not evidence:
        return "human", "no sign of automation"
    ordered = sorted(evidence, key=lambda e: -e.weight)
    said = "; ".join(e.said for e in ordered)
    if sum(e.weight for e in evidence) >= STRONG:
        return "auto", said
    return "human", f"only weak signs of automation, not enough together: {said}"


def classify(msg, arrived: dt.datetime, contact: dict, template: str, ledger: Ledger,
             auto_within_s: float, replies=None, body: str | None = None) -> tuple[str, str]:
    """('auto' | 'human', why) for an email. replies: the target's ``replies:`` rules (probes.yaml), or None;
    body: the text the reader sees, when the caller has it already (else it is read from msg)."""
    body = _body(msg) if body is None else body
    if replies is not None and (decided := replies.decide(msg, body)):
        return decided
    evidence = (header_evidence(msg) + _context_evidence(arrived, contact, template, ledger, auto_within_s)
                + wording_evidence(body, str(msg.get("Subject") or "")))
    return judge(evidence)


def classify_text(body: str, arrived: dt.datetime, contact: dict, template: str, ledger: Ledger,
                  auto_within_s: float, replies=None) -> tuple[str, str]:
    """('auto' | 'human', why) for a text message, which has no headers to tell."""
    if replies is not None and (decided := replies.decide(None, body)):
        return decided
    return judge(_context_evidence(arrived, contact, template, ledger, auto_within_s) + wording_evidence(body))


def _body(msg) -> str:
    """The text a reader sees (plain part, else the HTML part's text)."""
    from ..channels.email_inbox import body_text   # the one place that decodes a message's text

    try:
        return body_text(msg)
    except Exception:   # noqa: BLE001 - an undecodable body is no evidence either way
        return ""
