"""Whether a reply's own layout shows a machine wrote it: the frame of a notification rather than its words.

Automatic replies are recognised first by what they say ("this is an automated response", probes.answers.classify);
writers keep finding new ways to say it. A notification also *looks* like one, in any wording:

- a bot naming itself ("I'm Ava, Trailside's virtual assistant", "I'm Pip, Harbour View Hotels' virtual
  assistant", "Ich bin Max, der digitale Assistent");
- a mailbox nobody reads ("This mailbox is not monitored", "Dieses Postfach wird nicht überwacht");
- the footer that says why the message came ("You're receiving this notification because…", "This email is a
  service from…", "Sie erhalten diese E-Mail, weil…");
- field lines, the layout of a form ("Status: Pending", "Priority: normal", "Betreff: …") — two or more; or any three
  field lines in a row ("Localizador: …", "Entrada: …", "Salida: …", a booking engine's), a smaller sign;
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
# Not denied by the word before: "no soy un bot", "non sono un bot", "não sou um robô", "je ne suis pas …".
NOT_DENIED = r"(?<!\bno\s)(?<!\bnon\s)(?<!\bnão\s)(?<!\bne\s)"
# An emoji a bot's name wears: "I'm Sparky ⚡, PhoneZone's virtual assistant", "Soy Lola 🌸, la asistente virtual".
NAME_EMOJI = r"(?:\s*[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55]\ufe0f?)*"
_SELF_BOT = re.compile(
    # a name in capitals (the pattern ignores case, the name does not: "Ich bin kein Bot", "I'm not a bot" name
    # nobody), not denied ("no soy un bot"), perhaps with an emoji after it
    NOT_DENIED +
    r"\b(?:I['’]m|I\s+am|ich\s+bin|je\s+suis|soy|sono|ik\s+ben|sou|eu\s+sou)\s+(?-i:[A-ZÀ-Þ])[\w\-]{1,20}" + NAME_EMOJI +
    r",?\s+"
    r"(?:(?:(?-i:[A-Z])[\w&.\-]*\s+){0,3}[\w&.\-]+(?:['’]s|s['’])\s+|(?:the|your|an?|der|die|ihr|dein|le|la|l['’]|votre|el|la|tu|su|il|la|tuo|suo|de|je|uw|"
    r"o|a|seu|sua|teu|tua)\s+(?:\w+\s+)?)?(?:" + _BOT_WORDS + r")\b", re.I)
_UNMONITORED = re.compile(
    r"\b(?:(?:mailbox|inbox|e-?mail\s+address|address)\b[^.\n]{0,30}?\bis\s+(?:not\s+|un)(?:monitored|attended|read)|"
    r"unmonitored\s+(?:mailbox|inbox|address)|unattended\s+(?:mailbox|inbox)|"
    r"(?:dieses|das)\s+postfach\s+wird\s+nicht\s+(?:überwacht|gelesen|betreut)|"
    r"(?:cette|la)\s+(?:bo[îi]te|adresse)\s+(?:mail\s+|aux\s+lettres\s+|e-?mail\s+)?n['’]est\s+pas\s+(?:surveill|consult|lu)|"
    r"(?:este|el)\s+(?:buz[óo]n|correo|direcci[óo]n)\s+no\s+(?:se\s+)?(?:supervisa|revisa|est[áa]\s+(?:monitorizado|atendido))|"
    r"(?:questa|la)\s+(?:casella|mail|e-?mail|indirizzo)\s+(?:di\s+posta\s+)?non\s+[èe]\s+(?:monitorat|presidiat|lett)|"
    r"(?:deze|dit)\s+(?:mailbox|inbox|e-?mailadres|adres)\s+wordt\s+niet\s+(?:gelezen|bewaakt|gecontroleerd)|"
    r"(?:esta|este)\s+(?:caixa|endere[çc]o)\s+(?:de\s+(?:correio|e-?mail)\s+)?n[ãa]o\s+[ée]\s+(?:monitorizad|monitorad|lid))"
    # (not when it is read, only not for some things or at some hours: "This mailbox is not monitored for urgent
    # clinical matters", "… not monitored outside office hours", "… nicht rund um die Uhr überwacht")
    r"(?!\w*\s+(?:for\s+(?:urgent|emergenc|clinical|medical)|outside|out\s+of\s+hours|at\s+(?:weekends|night)|24/7|"
    r"around\s+the\s+clock|overnight|in\s+the\s+evenings?|(?:en\s+)?dehors|fuera|al\s+di\s+fuori|buiten|fora|"
    r"außerhalb|pour\s+les\s+urgences|para\s+urgencias|per\s+(?:le\s+)?urgenze|voor\s+spoed|para\s+urg[êe]ncias))",
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
    r"^\s*(?:(?:new|current|nouveau|nouvel|actuel|neuer|aktueller|nuevo|actual|nuovo|attuale|nieuwe|huidige|novo|atual)"
    r"\s+(?=(?:status|statut|estado|stato)\b))?(?:status|subject|priority|case(?:\s+(?:number|no\.?|id))?|ticket(?:\s+(?:number|no\.?|id))?|reference|"
    r"ref|request(?:er)?|assignee|assigned\s+to|category|queue|betreff|priorität|vorgang|objet|statut|priorité|"
    r"asunto|estado|prioridad|oggetto|stato|priorità|onderwerp|prioriteit|assunto|prioridade|"
    # a shipping notice's carrier and tracking: "Transportista: SEUR", "Número de seguimiento: …", "Sendungsnummer: …"
    r"carrier|courier|tracking(?:\s+(?:number|no\.?|code|id))?|transportista|n[úu]mero\s+de\s+seguimiento|"
    r"sendungsnummer|paketdienst|versanddienstleister|transporteur|num[ée]ro\s+de\s+suivi|corriere|"
    r"numero\s+di\s+(?:tracking|spedizione)|vervoerder|track\s*(?:&|and)\s*trace(?:code)?|transportadora|"
    r"c[óo]digo\s+de\s+rastreio)\s*:\s*\S", re.I | re.M)
# Any field line, whatever its label: "Localizador: MRM-88214", "Anreise: 20.03.2026", "Room: Double, 2 adults" (a short
# label in capitals, a short value, no sentence); three in a row are a form a system filled in (a booking engine's
# confirmation), a small sign that only tips a text saying it was generated automatically.
_ANY_FIELD = re.compile(r"^[ \t]*(?-i:[A-ZÀ-Þ])[^\W\d_][\w'’./-]*(?:[ \t]+[\w'’./()-]+){0,2}[ \t]*:[ \t]*\S[^\n]{0,60}"
                        r"(?<![.!?])[ \t]*$")
_HEADLINE = re.compile(
    # the status of it, in the languages' word order: "Le statut de votre demande n° SAV-0087 a été mis à jour"
    r"^\s*(?:(?:the\s+|le\s+|der\s+|el\s+|lo\s+|de\s+|o\s+)?(?:status|statut|estado|stato)\s+(?:of|de|von|del|della|"
    r"dello|van|do|da|des|du|der|des)\s+)?"
    r"(?:(?:your|votre|ihr|ihre|su|il\s+suo|la\s+sua|uw|o\s+seu|a\s+sua)\s+)?(?:\w+\s+)?(?:case|ticket|job|request|return|order|claim|incident|booking|enquiry|query|application|"
    r"vorgang|anfrage|ticket|demande|dossier|solicitud|caso|pedido|richiesta|pratica|aanvraag|melding|"
    r"pedido|processo)\s+(?:n[°º.]\s*|no\.\s*|nr\.\s*)?#?[\w\-]*\d[\w\-]*\s+(?:has\s+been|is\s+now|was|wurde|ist|a\s+été|est|ha\s+sido|"
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
# … not a place that closes, told to a customer who is coming: "the car park behind the surgery is closed until the end
# of the month", "der Parkplatz ist bis Freitag geschlossen", "la piscina è chiusa fino al 3".
_PLACE_CLOSED = re.compile(r"\b(?:car\s*park|parking|road|street|entrance|lift|elevator|toilets?|pool|footpath|bridge|"
                           r"ward|parkplatz\w*|parkhaus|straße|eingang|aufzug|aparcamiento|estacionamiento|calle|entrada|"
                           r"ascensor|piscina|parcheggio|strada|ingresso|ascensore|parkeerplaats|parkeergarage|weg|ingang|"
                           r"estacionamento|rua|elevador|route|rue|ascenseur)\b[^.]{0,30}$", re.I)
_GREETING_LINE = re.compile(r"^\s*(?:dear|hi|hello|hey|hallo|liebe|sehr|guten|bonjour|madame|monsieur|hola|estimad|"
                            r"buen|gentile|buongiorno|ciao|beste|geachte|hoi|ol[áa]|prezad|caro|cara)\b", re.I)


# What an acknowledgement is made of, sentence by sentence: thanks for the contact, it was received, its
# reference, a reply will come, nobody is in, where to look. A text that says nothing else says nothing about the
# request itself: nobody read it yet.
_META = re.compile(
    r"\b(?:thanks?|thank\s+you|many\s+thanks)\b.{0,30}\b(?:contacting|message|email|e-mail|enquiry|inquiry|request|"
    r"query|reaching\s+out|getting\s+in\s+touch|writing)|"
    r"\b(?:vielen\s+)?dank\b.{0,30}\b(?:nachricht|anfrage|e-?mail|kontaktaufnahme)|"
    r"\bmerci\b.{0,30}\b(?:message|demande|courriel|contact)|\bgracias\b.{0,30}\b(?:contact|mensaje|escrib|consulta)|"
    r"\bgrazie\b.{0,30}\b(?:contatt|messaggio|richiesta|scritto)|\b(?:bedankt|dank)\b.{0,30}\b(?:bericht|vraag|e-?mail|contact)|"
    r"\bobrigad[oa]\b.{0,30}\b(?:contact|mensagem|pedido)|"
    r"\b(?:received|registered|logged|got\s+your\s+(?:message|email|request)|eingegangen|erhalten|registriert|"
    r"enregistr\w+|bien\s+re[çc]u|recibid\w+|registrad\w+|ricevut\w+|registrat\w+|presa\s+in\s+carico|ontvangen|"
    r"geregistreerd|recebid\w+|registad\w+)\b|"
    r"\b(?:reference|ref|ticket|case|enquiry|request|vorgangs?nummer|nummer|num[ée]ro|n\.|nº|no\.)\b[^.\n]{0,25}?"
    r"[A-Z]*-?\d{3,}|"
    r"\b(?:will|['’]ll|shall)\s+(?:\w+\s+){0,2}(?:respond|reply|get\s+back|be\s+in\s+touch|contact\s+you|be\s+back)|"
    r"\b(?:one\s+of\s+our|a\s+member\s+of\s+(?:our|the)|an?\s+)(?:\w+\s+){0,2}(?:advisers?|advisors?|agents?|team|"
    r"colleagues?|operators?|representatives?)\b|"
    r"\bmelden\s+uns\b|\bmelden\b.{0,30}\bbei\s+ihnen\b|\brevien\w+\s+vers\s+vous|\br[ée]pondr\w+|\btrait[ée]e?\b|"
    r"\brespond\w*r[áa]|\bresponder\w+|\bcontatter\w+|\brisponder\w+|\bnemen\b.{0,30}\bcontact\b|"
    r"\bentraremos\s+em\s+contacto|\bresponderemos\b|"
    r"\bas\s+soon\s+as\s+possible|\blo\s+antes\s+posible|\bal\s+pi[ùu]\s+presto|\bzo\s+snel\s+mogelijk|"
    r"\bschnellstm[öo]glich|\bdans\s+les\s+meilleurs\s+d[ée]lais|\bcom\s+a\s+maior\s+brevidade|"
    r"\b(?:away|out\s+of\s+(?:the\s+)?office|back\s+on|closed)\b|"
    r"\b(?:view|track|see)\s+(?:it|the|your|ticket)\b|https?://", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])(?<!\s[A-Za-z]\.)\s+|\n+")   # not after "n." in "richiesta n. 77120"


def _only_about_the_contact(text: str) -> bool:
    """Every sentence of the text (greetings and signatures aside) is about the contact itself, and there are at
    least two of them."""
    parts = [x.strip() for x in _SENTENCE.split(text) if x.strip()]
    # Greetings, closings and signatures aside (a short line that does not end a sentence, or a greeting).
    long = [x for x in parts if (len(x.split()) > 4 or x[-1] in ".!?") and not _GREETING_LINE.match(x)]
    return bool(long) and all(_META.search(x) for x in long) and sum(bool(_META.search(x)) for x in parts) >= 2


def _field_block(text: str) -> str | None:
    """The first of three field lines in a row (_ANY_FIELD), or None."""
    run: list[str] = []
    for line in text.splitlines():
        run = run + [line] if _ANY_FIELD.match(line) else []
        if len(run) >= 3:
            return run[0].strip()
    return None


def without_form(text: str) -> str:
    """The text without its runs of three field lines or more (_ANY_FIELD): what a system filled in ("Montante:
    250,00 EUR", "Data: 04/03/2024") is data, not a person's answer."""
    lines = text.splitlines()
    keep = [True] * len(lines)
    start = 0
    for i in range(len(lines) + 1):
        if i == len(lines) or not _ANY_FIELD.match(lines[i]):
            if i - start >= 3:
                keep[start:i] = [False] * (i - start)
            start = i + 1
    return "\n".join(line for line, k in zip(lines, keep, strict=True) if k)


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
    elif block := _field_block(text):
        signs.append((0.25, block))
    first = next((line for line in text.splitlines() if line.strip()), "")
    if not _GREETING_LINE.match(first) and (m := _HEADLINE.match(first)):
        signs.append((0.5, m.group(0).strip()))
    flat = " ".join(text.split())
    if (m := _COMPANY_AWAY.search(flat)) and not _PLACE_CLOSED.search(flat, max(0, m.start() - 40), m.start()):
        signs.append((0.5, m.group(0)))
    if _only_about_the_contact(text):
        signs.append((1.0, next(x for x in _SENTENCE.split(text) if _META.search(x)).strip()))
    return signs


# A notice a system sends as a text message: short, nobody greets the customer by name, introduces themselves, speaks
# as "I" or signs, and it carries data nobody types by hand. Each kind below is one sign; two kinds decide. An amount
# is no person's answer here (a bank's alert carries one): the data around it is the machine's.
_NOTICE_SIGNS: tuple[tuple[str, re.Pattern], ...] = (
    # a masked account or card number: "****4417", "DE89 **** **** 3000", "card ending 0932", "cartão final 0932"
    ("masked", re.compile(r"\*{2,}[\s*]*\d{2,}|\b(?:ending(?:\s+in)?|final|terminad[ao]\s+en|(?:se\s+)?terminant\s+par|"
                          r"endet\s+auf|endend\s+auf|eindigend\s+op|che\s+termina\s+(?:con|in)|terminante\s+in|"
                          r"com\s+final)\s+(?:in\s+)?\d{4}\b", re.I)),
    # a date and a time run together with no word between, as a log line: "14/06 20:11", "12.05.2025 14:32"
    ("stamp", re.compile(r"\b\d{1,2}[/.]\d{1,2}(?:[/.]\d{2,4})?,?\s+\d{1,2}:\d{2}\b")),
    # a one-time code, or the warning that goes with one: "Ihre mTAN … lautet: 482913", "never share this code"
    # (or the code first: "583021 es tu código para confirmar …", "772913 e o codigo", "482913 ist dein Bestätigungscode")
    ("code", re.compile(r"\b(?:code|codice|c[óo]digo|m?tan|otp|pin|passcode|verificatiecode|\w*code)\b[^\n]{0,80}?"
                        r"(?:\bis|\blautet|\best|\bes|\bè|\bé|:)\s*:?\s*\d{4,8}\b(?![.,]\d)|"
                        r"(?<![\d.,])\b\d{4,8}\s+(?:is|ist|est|es|è|é|e)\s+(?:your|the|dein|ihr|der|votre|ton|le|tu|su|el|"
                        r"il\s+tuo|il\s+suo|il|o\s+seu|o\s+teu|o|je|uw|de)\s+(?:\w+\s+)?(?:code|codice|c[óo]digo|m?tan|otp|pin|"
                        r"passcode|\w*code)\b", re.I)),
    ("warning", re.compile(r"\b(?:never|do\s+not|don['’]t)\s+(?:share|give|disclose|tell)\s+(?:this|the|your)\s+(?:code|pin|tan|otp)\b|"
                        r"\b(?:geben\s+sie|gib)\s+(?:diese[nrs]?|den|die|ihre[nr]?)\s+(?:\w*code|m?tan|pin)\s+(?:\w+\s+){0,2}?"
                        r"(?:niemals|nie|nicht)\b|\bne\s+(?:communiquez|partagez|donnez)\s+jamais\b|"
                        r"\b(?:no|nunca)\s+(?:compartas|comparta|facilites|facilite)\s+(?:este|el|tu|su)\s+c[óo]digo\b|"
                        r"\bnon\s+(?:condividere|comunicare|dare)\s+(?:mai\s+)?(?:questo|il)\s+codice\b|"
                        r"\bdeel\s+(?:deze|de|je|uw)\s+code\s+nooit\b|"
                        r"\b(?:nunca|não)\s+(?:partilhe|compartilhe|partilhes|compartilhes)\s+(?:este|o|seu)\s+c[óo]digo\b|"
                        # (the code as a pronoun, shared with nobody: "No lo compartas con nadie", "don't share it with
                        # anyone", "ne le communiquez à personne", "non condividerlo con nessuno", "deel hem met niemand")
                        r"\b(?:never|do\s+not|don['’]t)\s+(?:share|give|disclose|tell)\s+it\s+(?:to|with)\s+(?:anyone|anybody)\b|"
                        r"\b(?:(?:geben\s+sie|gib)\s+(?:ihn|sie|es)|(?:teilen\s+sie|teile)\s+(?:ihn|sie|es)\s+mit)\s+"
                        r"(?:niemals\s+|nie\s+)?(?:an\s+)?niemand(?:em|en)?\b|"
                        r"\bne\s+le\s+(?:communiquez|partagez|donnez|transmettez|communique|partage|donne)\s+(?:jamais\s+)?"
                        r"(?:à|a)\s+personne\b|"
                        r"\bno\s+(?:lo|la)\s+(?:compartas|comparta|facilites|facilite|des|dé|de)\s+(?:con|a)\s+nadie\b|"
                        r"\bnon\s+(?:condividerlo|comunicarlo|darlo|lo\s+condivida|lo\s+comunichi|condividetelo)\s+(?:mai\s+)?"
                        r"(?:con|a)\s+nessuno\b|"
                        r"\bdeel\s+(?:hem|deze|het)\s+(?:nooit\s+)?met\s+niemand\b|"
                        r"\bn[ãa]o\s+o\s+(?:partilhe|compartilhe|partilhes|compartilhes|d[êe]s?)\s+(?:com|a)\s+ningu[ée]m\b",
                        re.I)),
    # a link with a path: "https://trk.example/HH82011", "pkd.nl/w/8817402"
    ("link", re.compile(r"https?://\S+|\b[\w-]+\.[a-z]{2,6}/[\w/#?=&.-]+", re.I)),
    # a keyword to answer with, in capitals: "Reply STOP to opt out", "Responda SI para confirmar", "Antwoord JA"
    ("keyword", re.compile(r"\b(?:reply|text|send|antworten\s+sie\s+mit|antworte\s+mit|senden\s+sie|r[ée]pondez|"
                           r"envoyez|responda|responde|contesta|env[íi]a|rispondi|risponda|invia|antwoord|stuur|envie)"
                           r"\s+(?:with\s+|mit\s+|par\s+|con\s+|met\s+|com\s+)?[\"'“„«]?(?-i:[A-ZÄÖÜÉÍÓÚ]{2,})\b", re.I)),
    # a field after a sentence, as a form has them: "Driver: Wes.", "Track live: https://…", "Annuleren: zwolle.nl/…"
    ("field", re.compile(r"(?<=[.!?]\s)[A-ZÀ-Þ][^\W\d_]+(?:\s[^\W\d_]+)?\s?:\s+\S")),
    # a tracking number: ten or more capitals and digits, six digits at least ("3SPKD8817402")
    ("tracking", re.compile(r"\b(?=(?:[A-Z]*\d){6})[A-Z\d]{10,}\b")),
)
# Someone in the text: a greeting to a name ("Hi Tom", "Hola Lucía", "Craig, …" after a sender's prefix), a writer
# introducing themselves ("it's Sam from Acme", "Dan at Northgate here"), a name signing ("- Neha", "… Liam").
_NOTICE_PERSON = re.compile(
    r"^(?:[^:\n]{1,40}:\s*)?(?:(?:hi|hello|hey|dear|hallo|liebe[rs]?|sehr\s+geehrte[rs]?|guten\s+tag|bonjour|salut|"
    r"hola|buen[oa]s\s+\w+|estimad[oa]|ciao|buongiorno|gentile|hoi|beste|geachte|ol[áa]|oi|bom\s+dia|boa\s+tarde|"
    r"prezad[oa]|car[oa])\b|(?-i:[A-ZÀ-Þ][a-zà-ÿ]+),\s)|"
    r"\b(?:it['’]s|this\s+is|here['’]s|hier\s+(?:ist|spricht)|c['’]est|soy|sono|ik\s+ben|sou|aqu[ií]\s+(?:te\s+)?"
    r"(?:escribe|habla))\s+(?-i:[A-ZÀ-Þ])|\b(?-i:[A-ZÀ-Þ][a-zà-ÿ]+)\s+(?:here|hier|aqu[ií]|qui)\b|"
    r"(?:^|[.!?]\s+|[-–—,]\s*)(?-i:[A-ZÀ-Þ][a-zà-ÿ'’]+)\s*[.!]?\s*$", re.I | re.M)


_TYPED_BY_NOBODY = {"masked", "stamp", "code", "warning", "keyword"}
_DATA = {"masked", "stamp", "code"}
# The sender's name before a colon, opening a text message: "PakketDirect: …", "BANCO HORIZONTE: …".
_SENDER = re.compile(r"(?-i:[A-ZÀ-Þ0-9])[^:\n.!?]{1,40}?\s?:\s+(?!//)")


def _text_notice(text: str) -> str | None:
    """A system's text message (see _NOTICE_SIGNS): two kinds of machine data in a short text nobody is in."""
    if len(text) > 960:
        return None   # no text message (quick, before the text is read)
    flat = " ".join(text.split())
    if len(flat) > 480 or sum(1 for line in text.splitlines() if line.strip()) > 3:
        return None
    if _SPEAKS_AS_I.search(flat) or _NOTICE_PERSON.search(flat):
        return None
    found = [(kind, m) for kind, rx in _NOTICE_SIGNS for m in [rx.search(flat)] if m]
    # A link, a field or a tracking number an agent may paste: with nothing else, only under a sender's name
    # ("PakketDirect: je pakket … 3SPKD8817402 … pkd.nl/w/…"). Under a sender's name one datum nobody types is enough
    # (a code, a masked number, a time stamp: "Amazon: … Codice di ritiro: 483920. Ritira entro 3 giorni."; not "Reply
    # STOP", which a shop's campaign ends with, nor "Code: 482913", the code's own label).
    sender = _SENDER.match(flat)
    if len(found) < 2 or not (any(kind in _TYPED_BY_NOBODY for kind, _ in found) or sender):
        if not (sender and any(kind in _DATA and m.start() >= sender.end() for kind, m in found)):
            return None
    return found[0][1].group(0)


# A person speaking for themselves ("I have booked…", "ich habe…"): a mailbox nobody reads under their answer is a
# helpdesk's footer, not the machine saying it of itself (LABELS.md: "automatic").
# (Portuguese "eu" not in capitals: "AMAZON EU" is a merchant's name)
_SPEAKS_AS_I = re.compile(r"(?-i:\bI\b|\b[Ee]u\b)|\b(?:I['’](?:ve|ll|m|d)|ich|yo|io|ik|j['’]ai|je\s+(?:vous|suis|reste|te))\b",
                          re.I)


def says_machine(text: str, weight: float, impersonal: Callable[[], bool],
                 says_i: Callable[[str], bool] | None = None) -> str | None:
    """The words that show a machine wrote the text, counting the wording's own evidence (``weight``), or None.

    A bot that names itself is enough; otherwise the signs and the wording must add up to 1.0, in a text nobody
    speaks in (``impersonal()``, asked only when needed) or from a mailbox nobody reads with nobody saying "I" in it
    (``says_i``: the caller's reading of a person speaking, which knows "ho verificato", "he revisado" without a
    pronoun and a person's name signed under a closing; a helpdesk's "la casella non è presidiata" footer sits under
    its agents' answers too)."""
    if m := _SELF_BOT.search(text):
        return m.group(0)
    if notice := _text_notice(text):
        return notice
    signs = frame_signs(text)
    if not signs or weight + sum(w for w, _ in signs) < 1.0:
        return None
    if (_UNMONITORED.search(text) and not (says_i or _SPEAKS_AS_I.search)(text)) or impersonal():
        return signs[0][1]
    return None
