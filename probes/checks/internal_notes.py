"""Internal notes, staff talk and jokes that reached the customer.

Caught (major): note labels ("Internal:", "[INTERNAL]", "Agent notes:", "Note to self"), instructions
to colleagues ("do not send yet", "don't tell the customer", "FYI team", "@here", "@Tom can you…",
"pls check"), remarks about the customer ("this guy again", "she won't notice"), chat slang jokes
("lol", "lmao", "hahaha", French "mdr", Spanish "jajaja"), editorial marks ("[TBC]", "TODO"), in English, German, French, Spanish,
Italian, Dutch and Portuguese. Staff talk inside a forwarded or quoted colleague's message counts
(there, talk *about* the customer — "she", "him", "the customer" — is enough): that is how reply
chains leak.

Left alone: the customer's own quoted message; code samples; ordinary uses of the words
("our internal tracking number", "an internal review", "please do not send your card details
by email", "we have added a note to your account", "Note: we are closed on Monday",
"Follow us @AcmeShop", Dutch "veel lol", the "LOL Surprise" toy range).
"""
from __future__ import annotations

import re

from ..results import Finding
from ._text import FOREIGN, OWN, prose_lines, snippet

CHECK = "internal_note"

# What may follow a "do not send"-like instruction for it to be one (and not "do not send us your card").
_STOP_AFTER = (r"(?=\s*(?:$|[.!:)\]\-–—]|yet\b|out\b|until\b|before\b|encore\b|noch\b|ancora\b|todav[ií]a\b|nog\b|"
               r"ainda\b|to (?:the )?(?:customer|client)\b|this\s*(?:$|[.!:)\]\-–—]|yet\b|out\b|reply\b|email\b|"
               r"message\b|one\b|to\b)|au client|an (?:den )?kunden|al cliente|naar (?:de )?klant|ao cliente))")

_LABEL = "label"
_STAFF = "staff"
_JOKE = "joke"

PATTERNS: list[tuple[str, re.Pattern]] = [
    # Labels at the start of a line: "Internal:", "[Internal note] –", "**Agent notes:**"
    (_LABEL, re.compile(
        r"^\s*[\[(*_#>\-]*\s*(?:internal(?:\s+(?:note|notes|comment|comments|only|memo|use(?:\s+only)?))?|"
        r"private\s+notes?|agent\s+notes?|staff\s+(?:notes?|only)|admin\s+notes?|note\s+to\s+(?:self|agent|agents|team)|"
        r"intern|interne?\s+notiz|interner\s+vermerk|note\s+interne|nota\s+interna|interne\s+notitie|"
        r"uso\s+interno|usage\s+interne|intern\s+gebruik|solo\s+uso\s+interno|nur\s+intern)\s*[\])*_]*\s*[:\-–—]",
        re.I)),
    (_LABEL, re.compile(r"\[\s*(?:internal|intern|interne?|interno|interna|private|staff\s+only|agent\s+only|"
                        r"not\s+for\s+(?:the\s+)?customer)[^\]\n]{0,40}\]|\[\s*(?:int|note|nb)\s*:[^\]\n]{3,200}\]",
                        re.I)),
    (_LABEL, re.compile(r"\b(?:for\s+internal\s+use(?:\s+only)?|internal\s+use\s+only|internal\s+only|staff\s+only|"
                        r"not\s+for\s+(?:the\s+)?(?:customer|client)s?(?:'s)?(?:\s+eyes)?|not\s+customer[- ]facing|"
                        r"not\s+(?:visible|shown)\s+to\s+(?:the\s+)?(?:customer|client)s?|"
                        r"nur\s+f[üu]r\s+den\s+internen\s+gebrauch|nur\s+intern|usage\s+interne\s+uniquement|"
                        r"solo\s+(?:para\s+)?uso\s+interno|alleen\s+intern|apenas\s+uso\s+interno)\b", re.I)),
    (_LABEL, re.compile(r"\b(?:note|reminder)\s+to\s+self\b|\bnotiz\s+an\s+mich\b|\bnote\s+pour\s+moi\b|"
                        r"\bnota\s+para\s+m[ií]\b|\bpromemoria\s+per\s+me\b|\bnotitie\s+voor\s+mezelf\b", re.I)),
    (_LABEL, re.compile(r"\[(?:TBC|TBD|TODO|CHECK|CONFIRM|VERIFY)\b[^\]\n]{0,60}\]|\bTODO\b|\bFIXME\b")),
    # Instructions to colleagues.
    (_STAFF, re.compile(r"\b(?:do\s+not|don't|dont|pls\s+don't|please\s+don't|never)\s+send\b" + _STOP_AFTER, re.I)),
    (_STAFF, re.compile(r"\b(?:nicht\s+(?:senden|versenden|abschicken|weiterleiten)|ne\s+pas\s+(?:envoyer|transmettre)|"
                        r"no\s+(?:enviar|mandar)|non\s+inviare|niet\s+(?:versturen|verzenden|sturen)|"
                        r"n[ãa]o\s+enviar)\b" + _STOP_AFTER, re.I)),
    (_STAFF, re.compile(r"\b(?:don't|do\s+not|dont|never|no\s+need\s+to)\s+(?:tell|inform|mention\s+(?:this|that|it)\s+to)"
                        r"\s+(?:the\s+|this\s+)?(?:customer|client|him|her|them)\b|"
                        r"\b(?:customer|client)\s+(?:doesn't|does\s+not|don't|do\s+not)\s+need\s+to\s+know\b|"
                        r"\b(?:he|she|they)\s+(?:won't|will\s+not|will\s+never|never)\s+(?:notice|know|find\s+out)\b|"
                        r"\bnicht\s+dem\s+kunden\s+(?:sagen|erz[äa]hlen)\b|\bne\s+(?:rien\s+)?dis\s+(?:rien\s+)?au\s+client\b|"
                        r"\bno\s+(?:le\s+)?digas\s+(?:nada\s+)?al\s+cliente\b|\bnon\s+dirlo\s+al\s+cliente\b|"
                        r"\bniet\s+(?:aan\s+)?(?:de\s+)?klant\s+(?:vertellen|zeggen)\b|\bniet\s+(?:vertellen|zeggen)\s+aan\s+de\s+klant\b|"
                        r"\bn[ãa]o\s+(?:conte|diga)\s+(?:nada\s+)?ao\s+cliente\b", re.I)),
    (_STAFF, re.compile(r"\bfyi\s*[,:\-–]?\s*(?:team|all|guys|everyone|folks|y'all|@\w+)\b|"
                        r"^\s*(?:team|guys|folks|hey\s+team|hi\s+team|@team)\s*[,:\-–]\s*(?:can|could|pls|please|"
                        r"someone|anyone|who|fyi|this|heads)\b", re.I)),
    (_STAFF, re.compile(r"(?<![\w.@])@(?:here|channel|everyone|team|agent|agents|supervisor|manager|billing|ops|"
                        r"backoffice|tier\d|l\d)\b|^\s*@[A-Za-z][\w.\-]*(?=[,:]?\s+\w)|\bcc:?\s+@\w+", re.I)),
    (_STAFF, re.compile(r"\b(?:this|that)\s+(?:customer|client|guy|woman|lady|man|one|idiot|person|muppet)\s+again\b|"
                        r"\bcan\s+(?:someone|somebody|anyone)\s+(?:else\s+)?(?:please\s+)?(?:deal\s+with|handle|take|"
                        r"pick\s+up|look\s+at|reply\s+to)\s+(?:this|her|him|them|it)\b|"
                        r"\bwho\s+wants\s+(?:this|to\s+take\s+this)\b|"
                        r"\b(?:pls|plz)\s+(?:escalate|check|handle|fix|reply|send|approve|review|confirm)\b|"
                        r"\b(?:apply|use|send)\s+(?:the\s+)?(?:\w+\s+)?macro\b|"
                        r"\bcopy[- ]paste\s+the\s+(?:usual|standard|template)\b|"
                        r"\b(?:just\s+)?fob\s+(?:him|her|them)\s+off\b", re.I)),
    # Jokes and chat slang.
    (_JOKE, re.compile(r"\b(?:lol|lmao|lmfao|rofl|roflmao|lulz|mdr|ptdr|mdrr+)\b|\b(?:ha){3,}h?\b|\ba(?:ha){2,}\b|"
                       r"\b(?:ja){3,}\b|\b(?:je){3,}\b|\bk{4,}\b|\b(?:rs){2,}\b|\bxD\b", re.I)),
]
# In a colleague's quoted or forwarded message: talk *about* the customer is staff talk.
_ABOUT_CUSTOMER = re.compile(r"\b(?:she|her|he|him|the\s+(?:customer|client)|this\s+(?:customer|client|one)|cust|"
                             r"der\s+kunde|die\s+kundin|elle|lui|la\s+cliente|le\s+client|ella|él|"
                             r"el\s+cliente|il\s+cliente|zij|hij|haar|hem|de\s+klant|"
                             r"ela|ele|o\s+cliente|a\s+cliente)\b", re.I)
_DUTCH_LOL = re.compile(r"\b(?:veel|wat|de|met|voor\s+de)\s+lol\b|\blol\s+(?:hebben|maken|gehad|beleven)\b", re.I)
_SOCIAL = re.compile(r"\b(?:follow|find|tweet|message|tag|join)\s+(?:us\s+)?(?:on\s+\w+\s+)?(?:at\s+)?@", re.I)

_TITLES = {
    _LABEL: ("Internal note left in the reply",
             "“{m}” marks text meant for colleagues; the customer was sent a note that was never meant for them, "
             "which shows the reply was not checked before sending."),
    _STAFF: ("Staff-only message sent to the customer",
             "“{m}” is talk between staff, not to the customer: it exposes the company's internal process and "
             "can read as dismissive."),
    _JOKE: ("Joke or chat slang sent to the customer",
            "“{m}” is chat slang that reads as a joke at the customer's expense, or at least as unprofessional."),
}


def check(text: str, ctx=None) -> list[Finding]:
    """One finding per offending line, in reading order."""
    found: list[Finding] = []
    for ln in prose_lines(text, ctx, kinds=(OWN, FOREIGN)):
        hit = _first_hit(ln.prose, ctx)
        if not hit and ln.kind == FOREIGN:
            m = _ABOUT_CUSTOMER.search(ln.prose.lstrip("> "))
            hit = (_STAFF, ln.prose.strip().lstrip("> ")) if m else None
        if not hit:
            continue
        kind, match = hit
        title, detail = _TITLES[kind]
        where = " (in a forwarded or quoted message between staff)" if ln.kind == FOREIGN else ""
        found.append(Finding(CHECK, "major", title, detail.format(m=match.strip()) + where, snippet(ln.text)))
    return found


def _first_hit(line: str, ctx) -> tuple[str, str] | None:
    lang = str((getattr(ctx, "persona", None) or {}).get("language") or "en")[:2].lower()
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(line):
            if kind == _JOKE and m.group(0).lower() == "lol" and (lang == "nl" or _DUTCH_LOL.search(line)):
                continue
            if kind == _JOKE and m.group(0) == "LOL" and re.match(r"\s+[A-Z]", line[m.end():]):
                continue  # the "LOL Surprise" toy range
            if m.group(0).lstrip().startswith("@") and _SOCIAL.search(line[:m.end()]):
                continue
            return kind, m.group(0)
    return None
