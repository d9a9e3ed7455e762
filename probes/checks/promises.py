"""Promises in replies: "we will get back to you within 24 hours", "by Friday", "in 3–5 working days".

``find(text, language, at, calendar)`` returns each promised follow-up with the
moment it falls due, in the reply's language (en, de, fr, es, it, nl) or
English. Ranges count to their upper end ("3–5 working days": 5), working or
business days count the company's calendar, "by Friday" is the end of that
day in the company's time zone (the next Friday; today's if the reply came
on a Friday morning). Harvest turns each promise into an await: the next
answer from a person must come by then, or the promise was broken.

Only the company's own words count: the customer's quoted message may hold
deadlines of its own ("I need it within 2 days").
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..business_time import BusinessCalendar
from ._text import FOREIGN, OWN, prose_lines

# "we'll reply within 24 hours" … the verbs that make a sentence a promise to follow up.
_FOLLOW_UP = {   # word stems, so that every tense and person counts ("reviendrons", "ricontatteremo")
    "en": r"\b(we|I)(?:'ll|’ll|'re going to|\b[^.!?]{0,60}?\b(?:will|shall|aim to|are going to|should))\b.{0,80}?"
          r"\b(get back|come back|repl|respond|answer|contact|call|ring|text|email|message|be in touch|hear from|"
          r"update|follow up|let you know|send|deliver|refund|process|resolv|writ|be with you)",
    "de": r"\b(meld|antwort|zurückruf|kontaktier|rückmeldung|bearbeit|erstatt|send|schick|liefer)",
    "fr": r"\b(reviendr|revien|répond|recontact|contact|rappel|trait|rembours|envo|livr)",
    "es": r"\b(respond|contest|contact|llam|proces|reembols|envi|entreg)",
    "it": r"\b(ricontatt|contatt|rispond|richiam|elabor|rimbors|invi|consegn)",
    "nl": r"\b(reageer|reageren|antwoord|contact|terugbel|verwerk|terugbetal|stur|lever)",
}
_UNITS = {
    "en": {"minute": "m", "hour": "h", "day": "d", "working day": "bd", "business day": "bd", "week": "w",
           "working week": "w"},
    "de": {"minute": "m", "stunde": "h", "tag": "d", "werktag": "bd", "arbeitstag": "bd", "woche": "w"},
    "fr": {"minute": "m", "heure": "h", "jour": "d", "jour ouvré": "bd", "jour ouvrable": "bd", "semaine": "w"},
    "es": {"minuto": "m", "hora": "h", "día": "d", "dia": "d", "día hábil": "bd", "día laborable": "bd",
           "semana": "w"},
    "it": {"minuto": "m", "ora": "h", "ore": "h", "giorno": "d", "giorni": "d", "giorno lavorativo": "bd",
           "giorni lavorativi": "bd", "settimana": "w", "settimane": "w"},
    "nl": {"minuut": "m", "minuten": "m", "uur": "h", "dag": "d", "dagen": "d", "werkdag": "bd", "werkdagen": "bd",
           "week": "w", "weken": "w"},
}
_WITHIN = {"en": r"(?:within|in|in the next)", "de": r"(?:innerhalb(?: von| der nächsten)?|in(?: den nächsten)?|binnen)",
           "fr": r"(?:dans les|dans un délai de|sous|d'ici)", "es": r"(?:en(?: las próximas| los próximos)?|dentro de)",
           "it": r"(?:entro|in|nelle prossime|nei prossimi)", "nl": r"(?:binnen|in)"}
_BY_DAY = {"en": r"(?:by|before|on|until)", "de": r"(?:bis|bis zum|am)", "fr": r"(?:d'ici|avant|jusqu'à)",
           "es": r"(?:antes del|para el|el)", "it": r"(?:entro|per|prima di)", "nl": r"(?:voor|uiterlijk|op)"}
_WEEKDAYS = {
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "de": ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
    "it": ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "ten": 10, "a": 1, "an": 1,
                 "24": 24, "48": 48, "72": 72}
END_OF_DAY = dt.time(17, 0)


@dataclass(frozen=True)
class Promise:
    text: str            # the words of the promise, as written ("within 24 hours")
    due: dt.datetime     # UTC
    sentence: str        # the sentence it is in (the evidence)


def _unit_pattern(lang: str) -> str:
    names = sorted(_UNITS[lang], key=len, reverse=True)
    return "(" + "|".join(re.escape(n) + r"(?:s|n|e|en|es|i)?" for n in names) + ")"


def _unit_code(lang: str, word: str) -> str | None:
    word = word.lower()
    for name in sorted(_UNITS[lang], key=len, reverse=True):
        if word.startswith(name):
            return _UNITS[lang][name]
    return None


def _amount(text: str) -> float | None:
    text = text.lower()
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return None


def _add(at: dt.datetime, amount: float, unit: str, calendar: BusinessCalendar) -> dt.datetime:
    if unit == "bd":
        return calendar.add_business_days(at, max(1, round(amount)))
    seconds = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}[unit] * amount
    return at + dt.timedelta(seconds=seconds)


def _weekday_due(at: dt.datetime, weekday: int, calendar: BusinessCalendar) -> dt.datetime:
    tz = calendar.tz   # "by Friday" is the company's Friday
    local = at.astimezone(tz)
    ahead = (weekday - local.weekday()) % 7
    day = local.date() + dt.timedelta(days=ahead)
    due = dt.datetime.combine(day, END_OF_DAY, tzinfo=tz)
    if due <= local:
        due += dt.timedelta(days=7)
    return due.astimezone(dt.timezone.utc)


def find(text: str, language: str, at: dt.datetime, calendar: BusinessCalendar, ctx=None) -> list[Promise]:
    """Every promised follow-up in the company's own words, with when it falls due."""
    langs = [language.split("-")[0].split("_")[0].lower()] if language else []
    langs = [lang for lang in langs if lang in _FOLLOW_UP] + (["en"] if "en" not in langs else [])
    own = " ".join(line.text for line in prose_lines(text, ctx, kinds=(OWN, FOREIGN)))
    found: list[Promise] = []
    seen: set[str] = set()
    for sentence in re.split(r"(?<=[.!?])\s+", own):
        for lang in langs:
            if not re.search(_FOLLOW_UP[lang], sentence, re.I):
                continue
            span = re.compile(_WITHIN[lang] + r"\s+(?:the next\s+)?(\d+(?:[.,]\d+)?|\w+)(?:\s*(?:-|–|to|bis|à|a|al|e|tot)\s*"
                              r"(\d+(?:[.,]\d+)?))?\s+" + _unit_pattern(lang), re.I)
            for m in span.finditer(sentence):
                amount = _amount(m.group(2) or m.group(1))
                unit = _unit_code(lang, m.group(3))
                if amount and unit and m.group(0).lower() not in seen:
                    seen.add(m.group(0).lower())
                    found.append(Promise(m.group(0), _add(at, amount, unit, calendar), sentence.strip()))
            days = "|".join(re.escape(d) for d in _WEEKDAYS[lang])
            for m in re.finditer(_BY_DAY[lang] + r"\s+(?:next\s+|this\s+)?(" + days + r")\b", sentence, re.I):
                if m.group(0).lower() in seen:
                    continue
                seen.add(m.group(0).lower())
                weekday = _WEEKDAYS[lang].index(m.group(1).lower())
                found.append(Promise(m.group(0), _weekday_due(at, weekday, calendar), sentence.strip()))
    return found
