"""Whether a reply's own layout shows a machine wrote it: the frame of a notification rather than its words.

Automatic replies are recognised first by what they say ("this is an automated response", probes.answers.classify);
writers keep finding new ways to say it. A notification also *looks* like one, in any wording:

- a bot naming itself ("I'm Ava, Trailside's virtual assistant", "Ich bin Max, der digitale Assistent");
- a mailbox nobody reads ("This mailbox is not monitored", "Dieses Postfach wird nicht überwacht");
- the footer that says why the message came ("You're receiving this notification because…", "This email is a
  service from…", "Sie erhalten diese E-Mail, weil…");
- field lines, the layout of a form ("Status: Pending", "Priority: normal", "Betreff: …") — two or more;
- a status headline opening the text: an object with a reference as the subject of a done act ("Case 00412887
  has been updated", "Your return RMA-773104 has been approved");
- the whole company away ("closed for the holidays from 24 December", "answered in order of arrival").

Each is a weak sign; they count together with the wording's own evidence, and only in a text no person
speaks in (nobody says "I", nobody signs by name) — except a bot that names itself or a mailbox nobody reads,
which say it of themselves.
"""
from __future__ import annotations

import re
from collections.abc import Callable

_BOT_WORDS = (r"(?:virtual|digital|automated|ai|online|chat)\s+(?:assistant|agent|helper)|chat-?bot|bot|"
              r"virtuelle[rn]?\s+assistent(?:in)?|digitale[rn]?\s+assistent(?:in)?|assistant\s+virtuel|"
              r"asistente\s+virtual|assistente\s+virtuale|virtuele\s+assistent|assistente\s+virtual")
_SELF_BOT = re.compile(
    r"\b(?:I['’]m|I\s+am|ich\s+bin|je\s+suis|soy|sono|ik\s+ben|sou|eu\s+sou)\s+[A-ZÀ-Þ][\w\-]{1,20},?\s+"
    r"(?:[\w&.\-]+['’]s\s+|(?:the|your|an?|der|die|ihr|dein|le|la|l['’]|votre|el|la|tu|su|il|la|tuo|suo|de|je|uw|"
    r"o|a|seu|sua|teu|tua)\s+(?:\w+\s+)?)?(?:" + _BOT_WORDS + r")\b", re.I)
_UNMONITORED = re.compile(
    r"\b(?:(?:mailbox|inbox|e-?mail\s+address|address)\b[^.\n]{0,30}?\bis\s+(?:not\s+|un)(?:monitored|attended|read)|"
    r"unmonitored\s+(?:mailbox|inbox|address)|unattended\s+(?:mailbox|inbox)|"
    r"(?:dieses|das)\s+postfach\s+wird\s+nicht\s+(?:überwacht|gelesen|betreut)|"
    r"(?:cette|la)\s+(?:bo[îi]te|adresse)\s+(?:mail\s+|aux\s+lettres\s+|e-?mail\s+)?n['’]est\s+pas\s+(?:surveill|consult|lu)|"
    r"(?:este|el)\s+(?:buz[óo]n|correo|direcci[óo]n)\s+no\s+(?:se\s+)?(?:supervisa|revisa|est[áa]\s+(?:monitorizado|atendido))|"
    r"(?:questa|la)\s+(?:casella|mail|e-?mail|indirizzo)\s+(?:di\s+posta\s+)?non\s+[èe]\s+(?:monitorat|presidiat|lett)|"
    r"(?:deze|dit)\s+(?:mailbox|inbox|e-?mailadres|adres)\s+wordt\s+niet\s+(?:gelezen|bewaakt|gecontroleerd)|"
    r"(?:esta|este)\s+(?:caixa|endere[çc]o)\s+(?:de\s+(?:correio|e-?mail)\s+)?n[ãa]o\s+[ée]\s+(?:monitorizad|monitorad|lid))",
    re.I)
_WHY_YOU_GET_THIS = re.compile(
    r"\b(?:you(?:['’]re|\s+are)\s+receiving\s+this|you\s+received\s+this\s+(?:e-?mail|message|notification)\s+because|"
    r"this\s+(?:e-?mail|message|notification)\s+(?:is\s+a\s+service|was\s+(?:sent|generated)\s+(?:to\s+you\s+)?(?:by|from))|"
    r"manage\s+(?:your\s+)?(?:notification|email)\s+(?:settings|preferences)|"
    r"sie\s+erhalten\s+diese\s+(?:e-?mail|nachricht|benachrichtigung),?\s+(?:weil|da)|"
    r"vous\s+recevez\s+(?:ce|cet)\s+(?:message|courriel|e-?mail)|"
    r"(?:recibe|recibes|ha\s+recibido)\s+este\s+(?:correo|mensaje|e-?mail)\s+porque|"
    r"(?:riceve|ricevi|ha\s+ricevuto)\s+questa\s+(?:e-?mail|mail|comunicazione|notifica)\s+perch[ée]|"
    r"u\s+ontvangt\s+deze\s+(?:e-?mail|mail|melding|notificatie)\s+omdat|"
    r"(?:recebe|recebeu)\s+este\s+(?:e-?mail|email)\s+porque)", re.I)
_FIELD = re.compile(
    r"^\s*(?:status|subject|priority|case(?:\s+(?:number|no\.?|id))?|ticket(?:\s+(?:number|no\.?|id))?|reference|"
    r"ref|request(?:er)?|assignee|assigned\s+to|category|queue|betreff|priorität|vorgang|objet|statut|priorité|"
    r"asunto|estado|prioridad|oggetto|stato|priorità|onderwerp|prioriteit|assunto|prioridade)\s*:\s*\S", re.I | re.M)
_HEADLINE = re.compile(
    r"^\s*(?:(?:your|votre|ihr|ihre|su|il\s+suo|la\s+sua|uw|o\s+seu|a\s+sua)\s+)?(?:\w+\s+)?(?:case|ticket|job|request|return|order|claim|incident|booking|enquiry|query|application|"
    r"vorgang|anfrage|ticket|demande|dossier|solicitud|caso|pedido|richiesta|pratica|aanvraag|melding|"
    r"pedido|processo)\s+#?[\w\-]*\d[\w\-]*\s+(?:has\s+been|is\s+now|was|wurde|ist|a\s+été|est|ha\s+sido|"
    r"a\s+été|è\s+stat[oa]|è|is|werd|foi|está)\s+\w+", re.I)
_COMPANY_AWAY = re.compile(
    r"\b(?:(?:answered|dealt\s+with|handled|processed)\s+in\s+(?:the\s+)?order\s+(?:of\s+arrival|(?:it\s+was|they\s+were|"
    r"they\s+are)\s+received|received)|(?:are|is)\s+closed\s+(?:for\s+the\s+(?:holidays?|christmas|easter|summer)|"
    r"until|from\s+\d)|in\s+der\s+reihenfolge\s+(?:des\s+eingangs|ihres\s+eingangs|der\s+eingänge)|"
    r"par\s+ordre\s+d['’]arriv[ée]e|dans\s+l['’]ordre\s+d['’]arriv[ée]e|por\s+orden\s+de\s+llegada|"
    r"in\s+ordine\s+di\s+arrivo|in\s+volgorde\s+van\s+binnenkomst|por\s+ordem\s+de\s+chegada|"
    r"(?:sind|ist)\s+(?:vom|bis|über\s+die\s+feiertage)\s[^.]{0,30}geschlossen|"
    r"(?:sommes|est)\s+ferm[ée]e?s?\s+(?:du|jusqu|pour\s+les\s+f[êe]tes)|"
    r"(?:estamos|est[áa])\s+cerrad[oa]s?\s+(?:del|hasta|por\s+vacaciones)|"
    r"(?:siamo|è)\s+chius[oi]\s+(?:dal|fino|per\s+(?:le\s+)?(?:ferie|festività))|"
    r"(?:zijn|is)\s+(?:van|tot)\s[^.]{0,30}gesloten|(?:estamos|está)\s+fechad[oa]s?\s+(?:de|até|para\s+f[ée]rias))",
    re.I)
_GREETING_LINE = re.compile(r"^\s*(?:dear|hi|hello|hey|hallo|liebe|sehr|guten|bonjour|madame|monsieur|hola|estimad|"
                            r"buen|gentile|buongiorno|ciao|beste|geachte|hoi|ol[áa]|prezad|caro|cara)\b", re.I)


def frame_signs(text: str) -> list[tuple[float, str]]:
    """The notification frame's signs in a text: (weight, the words), weights on probes.answers.classify's scale."""
    signs: list[tuple[float, str]] = []
    if m := _UNMONITORED.search(text):
        signs.append((0.75, m.group(0)))
    if m := _WHY_YOU_GET_THIS.search(text):
        signs.append((0.5, m.group(0)))
    fields = _FIELD.findall(text)
    if len(fields) >= 2:
        signs.append((0.5, fields[0].strip()))
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not _GREETING_LINE.match(first) and (m := _HEADLINE.match(first)):
        signs.append((0.5, m.group(0).strip()))
    if m := _COMPANY_AWAY.search(" ".join(text.split())):
        signs.append((0.5, m.group(0)))
    return signs


def says_machine(text: str, weight: float, impersonal: Callable[[], bool]) -> str | None:
    """The words that show a machine wrote the text, counting the wording's own evidence (``weight``), or None.

    A bot that names itself is enough; otherwise the signs and the wording must add up to 1.0, in a text nobody
    speaks in (``impersonal()``, asked only when needed) or from a mailbox nobody reads."""
    if m := _SELF_BOT.search(text):
        return m.group(0)
    signs = frame_signs(text)
    if not signs or weight + sum(w for w, _ in signs) < 1.0:
        return None
    if _UNMONITORED.search(text) or impersonal():
        return signs[0][1]
    return None
