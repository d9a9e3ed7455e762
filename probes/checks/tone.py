"""Tone that does not fit: a cheerful template sent to a customer who is grieving, complaining or in a hurry.

Only for personas whose situation is ``bereavement``, ``complaint`` or ``urgent``; every other
persona may be greeted as cheerfully as the company likes.

Caught (major), one finding per offending line: runs of exclamation marks ("!!") or a reply that
keeps exclaiming (three "!" in all, two for a bereaved customer); emoji and smileys (":)", "🎉"); "great news", "woohoo", "awesome",
"congratulations" and their equivalents in German, French, Spanish, Italian, Dutch and Portuguese;
upsell and marketing footers ("Shop now", "Follow us on Instagram", "Use code SPRING20",
"Subscribe to our newsletter"); "Have a great day!" sign-offs (for bereavement, or with "!").

Left alone: one polite exclamation ("Thank you for getting in touch!"); neutral symbols in a
signature (☎, ✉, ✓); the emoji of sympathy (💐, 🌹, 🕊, 🕯, 🤍, 🙏); a goodwill discount offered with an apology (except to a bereaved customer); "good news" (often
how a fix is announced); the customer's own quoted message; code; "!!" and emoji inside a leaked staff note or a
staff joke about the customer
(internal_notes.staff_spans: that is an internal-note finding, not a cheerful template).
"""
from __future__ import annotations

import re

from ..results import Finding
from . import internal_notes
from ._text import OWN, blank, prose_lines, snippet

CHECK = "tone"

SITUATIONS = {
    "bereavement": ("a bereaved customer", "Someone writing about a death gets a message that reads like a "
                                           "promotion: it comes across as careless and hurtful."),
    "complaint": ("a complaint", "A customer who complained gets a jolly template: it reads as if nobody "
                                 "read the complaint, which makes an upset customer angrier."),
    "urgent": ("an urgent request", "A customer with an urgent problem gets a chirpy template instead of "
                                    "help: it signals the urgency was not noticed."),
}

_NEUTRAL_SYMBOLS = {0x260E, 0x2709, 0x2713, 0x2714, 0x2705, 0x274C, 0x2716, 0x26A0, 0x27A1, 0x2794, 0x2022, 0x2139,
                    0x1F4DE, 0x1F4E7, 0x1F4E9, 0x1F4E8, 0x1F4F1, 0x1F4CD, 0x1F517, 0x1F4C5, 0x1F4C6, 0x1F550,
                    0x1F4CE, 0x1F512, 0x1F513, 0x1F50D, 0x2B06, 0x2B07, 0x2B05, 0x25B6, 0x25C0}


# The emoji of sympathy, sent by florists, undertakers and people who mean it: a bouquet, a rose, a wilted flower,
# a tulip, a lotus, a dove, a candle, a white or black heart, folded hands. None of them is cheer.
_SYMPATHY = {0x1F490, 0x1F339, 0x1F940, 0x1F337, 0x1FAB7, 0x1F54A, 0x1F56F, 0x1F90D, 0x1F5A4, 0x1F64F}


def _is_emoji(ch: str) -> bool:
    cp = ord(ch)
    if cp in _NEUTRAL_SYMBOLS or cp in _SYMPATHY or 0x1F550 <= cp <= 0x1F567:  # clock faces are neutral too
        return False
    return 0x1F300 <= cp <= 0x1FAFF or 0x2600 <= cp <= 0x27BF or cp in (0x2B50, 0x2B55, 0x263A)


_EMOTICON = re.compile(r"(?:(?<=\s)|^)(?:[:;=]-?[)D\]pP]|\^\^|\^_\^|<3|xD|XD)(?=\s|$|[.,!?])")
_CHEER = re.compile(
    r"\b(?:(?:great|exciting|fantastic|amazing|awesome|brilliant|wonderful|super|fab|fabulous)\s+news|"
    r"woo-?hoo+|yay+|hooray|yippee+|awesome|congrat(?:s|ulations)|super[- ]excited|so\s+excited|"
    r"we(?:'re|\s+are)\s+(?:thrilled|so\s+excited|super\s+excited)|exciting\s+(?:new|times|offers?)|"
    r"tolle\s+neuigkeiten|super\s+nachrichten|juhu|herzlichen\s+glückwunsch|"
    r"(?:super|excellente|bonne)\s+nouvelle\s*!|génial|youpi|félicitations|"
    r"(?:buenas|grandes|excelentes)\s+noticias\s*!|genial|estupendo|enhorabuena|felicidades|"
    r"(?:ottime|grandi|fantastiche)\s+notizie|fantastico|evviva|congratulazioni|"
    r"(?:geweldig|fantastisch)\s+nieuws|geweldig|joepie|gefeliciteerd|hoera|"
    r"(?:ótimas|boas|excelentes)\s+notícias\s*!|incrível|parabéns)(?!\w)", re.I)
_NEGATED = re.compile(r"(?:\bnot|n't|\bno|\bnicht|\bkeine?|\bpas|\bno|\bnon|\bgeen|\bniet|\bnão)\s+(?:\w+\s+)?$",
                      re.I)
_MARKETING = re.compile(
    r"\b(?:shop\s+(?:now|today|the\s+sale)|don't\s+miss(?:\s+out)?|do\s+not\s+miss\s+out|limited[- ]time|"
    r"(?:follow|like|find)\s+us\s+on\s+(?:facebook|instagram|twitter|x|tiktok|linkedin|youtube|pinterest|social)|"
    r"(?:sign\s+up|subscribe)\s+(?:to|for)\s+(?:our|the)\s+newsletter|treat\s+yourself|sale\s+ends|"
    r"(?:exclusive|special)\s+offers?|check\s+out\s+our\s+(?:new|latest|sale|range|offers?|deals?)|"
    r"new\s+(?:collection|arrivals)|refer\s+a\s+friend|upgrade\s+(?:now|today)|upgrade\s+to\s+(?:premium|pro|plus|gold)|"
    r"(?:don't|do\s+not)\s+forget\s+to\s+(?:check\s+out|browse|visit\s+our\s+shop)|"
    r"jetzt\s+(?:shoppen|kaufen|bestellen)|folgen\s+sie\s+uns|newsletter\s+abonnieren|"
    r"suivez-nous|abonnez-vous|profitez\s+(?:de|des)\s+nos\s+offres|"
    r"s[ií]guenos|suscr[ií]bete|compra\s+ya|"
    r"seguici|iscriviti|acquista\s+ora|"
    r"volg\s+ons|schrijf\s+je\s+in|shop\s+nu|"
    r"siga-nos|inscreva-se|compre\s+j[áa])(?!\w)", re.I)
# (the code itself in capitals or with a digit: "the new voucher code when that's done" gives none)
_CODE = r"(?:(?-i:[A-Z][A-Z0-9]{3,})|(?=[A-Za-z]*\d)[A-Za-z0-9]{4,})\b"
_CODE_OFFER = re.compile(rf"\b(?:use\s+(?:the\s+)?(?:promo\s+|discount\s+|voucher\s+)?code\s+{_CODE}|"
                         rf"(?:promo|discount|voucher)\s+code\s*:?\s*{_CODE}|\d{{1,2}}\s?%\s+off\b)", re.I)
_APOLOGY = re.compile(r"\b(?:apolog|sorry|inconvenience|goodwill|compensat|make\s+(?:it|this)\s+up|gesture)", re.I)
_HAVE_A_DAY = re.compile(r"\b(?:have\s+an?\s+(?:great|fantastic|wonderful|lovely|amazing|fab|awesome|super|brilliant)\s+"
                         r"(?:day|weekend|week|evening)|enjoy\s+your\s+(?:day|weekend)|"
                         r"(?:schönen|tollen)\s+tag|bonne\s+journée|que\s+tengas\s+un\s+(?:buen|gran)\s+día|"
                         r"buona\s+giornata|fijne\s+dag|tenha\s+um\s+(?:ótimo|bom)\s+dia)", re.I)


_REPLY_SUBJECT = re.compile(r"^\s*\**(?:subject|betreff|objet|asunto|oggetto|onderwerp|assunto)\s*\**\s*:\s*"
                            r"(?:re|aw|r|rv|antw|sv)\s*:", re.I)


def check(text: str, ctx=None) -> list[Finding]:
    persona = getattr(ctx, "persona", None) or {}
    situation = str(persona.get("situation") or "general")
    if situation not in SITUATIONS:
        return []
    who, why = SITUATIONS[situation]
    # A leaked staff note ("INTERNAL: this one again!! 🙄") is the internal-note check's finding, not a
    # cheerful template: its text is left out here.
    notes = internal_notes.staff_spans(text, ctx)
    own = prose_lines(text, ctx, kinds=(OWN,))
    # (a note wrapped over lines: the rest of its paragraph is the note's too, "… checken met Finance of de
    # creditnota\necht €112,40 is en niet €102,40!!")
    lines, in_note, last = [], False, None
    first = next((ln.no for ln in own if ln.prose.strip()), None)
    for ln in own:
        if ln.no == first and _REPLY_SUBJECT.match(ln.prose):
            continue   # the reply's subject, "Re:" and the customer's own words: "Oggetto: Re: Rimborso mai arrivato!!!"
        in_note = ln.no in notes or (in_note and last is not None and ln.no == last + 1 and ln.prose.strip() != "")
        lines.append((ln, " " * len(ln.prose) if in_note and ln.no not in notes else blank(ln.prose, notes.get(ln.no, []))))
        last = ln.no if ln.prose.strip() else None
    # One polite "!" is fine; a reply that keeps exclaiming is not (a grieving customer: even twice).
    many_exclamations = sum(prose.count("!") for _, prose in lines) >= (2 if situation == "bereavement" else 3)
    found: list[Finding] = []
    for ln, prose in lines:
        cues = _cues(prose, situation, many_exclamations)
        if cues:
            found.append(Finding(CHECK, "major", f"Cheerful tone in a reply to {who}",
                                 f"{why} Seen here: {', '.join(cues)}.", snippet(ln.text)))
    return found


def _cues(line: str, situation: str, many_exclamations: bool) -> list[str]:
    cues: list[str] = []
    if re.search(r"!{2,}|[!?]{3,}", line):
        cues.append("a run of exclamation marks")
    elif many_exclamations and "!" in line:
        cues.append("exclamation marks")
    emoji = [ch for ch in line if _is_emoji(ch)]
    emoticon = _EMOTICON.search(line)
    if emoji or emoticon:
        cues.append("emoji " + ("".join(dict.fromkeys(emoji)) if emoji else emoticon.group(0) if emoticon else ""))
    m = next((m for m in _CHEER.finditer(line) if not _NEGATED.search(line[max(0, m.start() - 20):m.start()])), None)
    if m:
        cues.append(f"“{m.group(0)}”")
    m = _MARKETING.search(line)
    if m:
        cues.append(f"marketing (“{m.group(0)}”)")
    m = _CODE_OFFER.search(line)
    if m and not (situation != "bereavement" and _APOLOGY.search(line)):
        cues.append(f"a sales offer (“{m.group(0)}”)")
    m = _HAVE_A_DAY.search(line)
    if m and (situation == "bereavement" or "!" in line[m.end():m.end() + 3]):
        cues.append(f"“{m.group(0)}”")
    return cues
