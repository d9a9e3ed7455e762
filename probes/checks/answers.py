"""The answer does not answer: a reply from a person that leaves out what the question asked.

A scenario's question lists what a real answer must mention (``must_mention``):
each point is words (all of them, in any order, case-insensitive), a
``/regular expression/``, or a list of those meaning "any of these". A word
is mentioned in any of its forms in the persona's language: words are
compared by their Snowball stems ("refund" is covered by "refunded",
"refunds"; "remboursement" by "remboursé"), German and Dutch participles and
verb forms too ("geliefert", "liefert" for "Lieferung"; "geleverd" for
"levering"), and in German and Dutch a compound covers its last part and the
other way round when the rest is a word of its own ("Rückerstattung" and
"erstattet"; not "Berechnung" for "Rechnung"), and a compound in the text its
first part ("Ersatzpaket" an "Ersatz"; not a compound asked for by its first
part, "Kündigungsfrist" by "kündigen"). A noun covers the verb it is
made from and the other way round where the stems part ("devolución" and
"devolverlo" or "devuelto", "Reparatur" and "reparieren", "spedizione" and
"spedito", "delivery" and "delivered"), a verb with the pronouns it carries
too ("reembolsarte", "enviá-lo", "rimborsarle"); a shared beginning alone
never does ("devorarlo" is no "devolución"). A stretch of time is covered
by the same stretch in other words ("14 Tage" by "zwei Wochen"; working days
never by calendar days). A word that asks for a date, a time, opening hours or
a price ("when", "date", "Uhrzeit", "horaires", "cost", "prix") is also
covered by one ("Wed 10th", "tomorrow", "10:30", "€1,450"), not by a date the reply marks
as past ("el pasado 24 de febrero", "last Monday", "le 4 mars dernier"). A person's answer that
covers only some points is a finding that names the points covered and those
missed; one that covers them all is noted as such
(info), so the report shows coverage either way. Automatic acknowledgements
are not judged: they do not pretend to answer. Words inside a leaked staff note
(``internal_notes.staff_spans``) were not written to the customer and cover
nothing.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

import snowballstemmer

from ..results import Finding
from . import internal_notes, promises
from ._text import OWN, FOREIGN, blank, prose_lines

CHECK = "answer"
STEMMERS = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "it": "italian", "nl": "dutch",
            "pt": "portuguese"}
_COMPOUNDING = ("de", "nl")   # languages that glue words together ("Rückerstattung")
_PART_MIN = 3                 # letters of a compound's other part ("rück"): "be-" in "Berechnung" is no word
_SHARED_MIN = 5               # letters of the part both share
_ROOT_MIN = 8                 # letters two words of a language that does not compound share to be one root
_PREFIX_MIN = 5               # letters of a point written as a stem, a word's start ("devuel", "reembols")
_WORD_MIN = 4                 # … when it is a word as written, not a stem ("Akku" in "Originalakku"; the stem "zahl" of
                              # "Zähler" is no part of "Nachzahlung")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", text.lower())


@lru_cache(maxsize=8)
def _stemmer(language: str):
    return snowballstemmer.stemmer(STEMMERS.get(language, "english"))


# Pronouns a Romance verb carries on its end: "devolverlo", "reembolsarte", "devuélvemelo", "enviá-lo",
# "renvoyez-le" (Italian's "rimborsarle" the Italian stemmer already reads).
_CLITIC_HYPHEN = re.compile(r"^(\w{3,})-(?:l[oae]s?|lhes?|[oa]s?|[mts]e|nos|vos|moi|toi|lui|leur|en|y)$")
_CLITIC_ES = re.compile(r"^(\w{5,}?)(?:(?:[mts]e|nos)(?:l[oae]s?)?|l[oae]s?)$")
_ACUTE = str.maketrans("áéíóúâêô", "aeiouaeo")
# A noun made from a verb whose stem the stemmer leaves apart from the verb's: the noun's ending (singular or
# plural), the verb's, and the letters the root before it keeps ("raison" is no "rer") —
# "expédition"/"expédier", "spedizione"/"spedire", "substituição"/"substituir", "pagamento"/"pagar",
# "Reparatur"/"reparieren", "Stornierung"/"stornieren", "reparatie"/"repareren", "delivery"/"deliver".
# Not French "-aison": "livraison"'s verb has the stem of "livre", a book.
_NOUN_TO_VERB = {
    "en": (("very|veries", "ver", 3),),
    "fr": (("itions?", "ier", 4), ("olutions?", "oudre", 2)),
    "es": (("olución|oluciones", "olver", 2),),
    "it": (("izion[ei]", "ire", 4), ("oluzion[ei]", "olvere", 2)),
    "pt": (("ição|ições", "ir", 4), ("amentos?", "ar", 3), ("imentos?", "er", 4), ("olução|oluções", "olver", 2)),
    "de": (("atur|aturen", "ieren", 4), ("ierung|ierungen", "ieren", 4)),
    "nl": (("aties?", "eren", 4), ("uties?", "ueren", 4)),
}
_NOUN_ENDS = {language: [(re.compile(rf"^(\w{{{least},}}?)(?:{end})$"), verb) for end, verb, least in rules]
              for language, rules in _NOUN_TO_VERB.items()}
# Nouns of those endings that come from elsewhere than the verb they look like ("condizione" is not "condire"), or
# whose verb's stem is another noun's ("casamento", "casar": "casa").
_NOT_THE_VERBS = {"condizione", "condizioni", "tradizione", "tradizioni", "casamento", "casamentos"}
# The Latin -solv-/-volv- family, whose stems alternate between -olu-, -olv-, -olt- and (Spanish) -uelv-, -uelt-
# (French -oudr-): "devolución", "devolverlo", "devuelto", "résolution", "résoudre", "risolto". Two letters at least
# before it ("de-", "re-"): "suelto" is not "solución".
_SOLVE = re.compile(r"^(\w{2,}?)(?:olut?|olv|olt|uelv|uelt|oudr)$")


def _bare(word: str, language: str) -> str:
    """The verb without the pronouns it carries ("devolverlo" -> "devolver", "enviá-lo" -> "envia")."""
    m = _CLITIC_HYPHEN.match(word) if language in ("fr", "pt") else None
    if m:
        return m.group(1).translate(_ACUTE)
    m = _CLITIC_ES.match(word) if language == "es" else None
    # what carries them: an infinitive ("devolverlo", "reembolsarte"), a gerund or an imperative, which take an
    # accent with them ("devolviéndolo", "devuélvemelo", "decídmelo"); five letters at least ("suerte" and
    # "fuerte" are no "suer-te"), and not vosotros' "-os" ("cajeros" is no "cajer-os")
    if m and (re.search(r"[aeiáéí]r$", m.group(1)) or re.search(r"[áéíóú]\w*(?:[aeiou]|ndo|d)$", m.group(1))):
        return m.group(1).translate(_ACUTE)
    return word


@lru_cache(maxsize=50_000)
def _forms(word: str, language: str) -> frozenset[str]:
    """The word, its stem and (German, Dutch) its stems without a participle's ge- or a verb's -t/-d; a verb
    without its attached pronouns; a noun's verb; the -solv- family's one root."""
    stem = _stemmer(language).stemWord
    bare = _bare(word, language)
    forms = {word, stem(word), bare, stem(bare)}
    for noun, verb in _NOUN_ENDS.get(language, ()) if word not in _NOT_THE_VERBS else ():
        if m := noun.match(word):
            forms.add(stem(m.group(1) + verb))
    if language in _COMPOUNDING:
        for w in (word, word[2:] if word.startswith("ge") and len(word) > 6 else ""):
            for v in (w, w[:-1] if w.endswith(("t", "d")) and len(w) > 5 else ""):
                if v:
                    forms |= {v, stem(v)}
    if language == "nl":   # the Dutch stemmer doubles a vowel in some forms only ("leveer" for "levering")
        forms |= {re.sub(r"([aeou])\1", r"\1", f) for f in forms}
    if language in ("en", "fr", "es", "it", "pt"):
        forms |= {m.group(1) + "olv" for f in forms if (m := _SOLVE.match(f))}
    return frozenset(forms)


def _same_word(a: str, b: str, language: str) -> bool:
    fa, fb = _forms(a, language), _forms(b, language)
    if fa & fb:
        return True
    if language not in _COMPOUNDING:
        # a root the stemmer leaves apart, when long: "sostituiamo" and "sostituire" share "sostitui" (languages that
        # compound share long first parts between other things: "Rechnungsnummer", "Rechnungsadresse")
        return len(os.path.commonprefix([a.lower(), b.lower()])) >= _ROOT_MIN
    # A compound and its last part ("rückerstatt" ends with "erstatt"), the rest a word's length too, so "Berechnung"
    # stays no "Rechnung"; and a compound in the text mentions its first part ("Ersatzpaket" an "Ersatz",
    # "intakegesprek" an "intake"), but a compound asked for is no first part of it ("Kündigungsfrist" is a notice
    # period, not covered by "kündigen")
    written = {a.lower(), b.lower()}
    return any((len(short) >= _SHARED_MIN or (len(short) >= _WORD_MIN and short in written)) and
               len(long) - len(short) >= _PART_MIN and
               (long.endswith(short) or (long in fb and long.startswith(short)))
               for x in fa for y in fb for short, long in ((x, y), (y, x)))


# Words that ask for a kind of value, which a value of that kind answers: "when" or "date" by "Wed 10th" or
# "tomorrow", "time" by "10:30", "price" or "cost" by "€1,450" (a reader says the reply gave the date/price).
_ASKS = {
    "date": "when date dates day datum wann quand jour date fecha cuando cuándo día dia giorno data quando dag "
            "wanneer",
    "time": "when time hour uhrzeit wann quand heure hora cuando cuándo ora orario quando tijd tijdstip wanneer "
            "horário horario hours horaire horaires horarios horários orari öffnungszeiten openingstijden "
            "openingsuren",
    "money": "price prices cost costs charge charges fee fees quote amount preis kosten betrag gebühr gebühren "
             "prix coût cout tarif montant frais precio coste costo importe tarifa prezzo importo tariffa prijs "
             "bedrag tarief preço preco custo valor",
}
_ASKED = {w: {kind for kind, words in _ASKS.items() if w in words.split()} for w in " ".join(_ASKS.values()).split()}
_WEEKDAYS = (r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|"
             r"freitag|samstag|sonnabend|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|"
             r"miércoles|miercoles|jueves|viernes|sábado|sabado|domingo|lunedì|lunedi|martedì|martedi|mercoledì|"
             r"mercoledi|giovedì|giovedi|venerdì|venerdi|sabato|domenica|maandag|dinsdag|woensdag|donderdag|"
             r"vrijdag|zaterdag|zondag|segunda-feira|terça-feira|terca-feira|quarta-feira|quinta-feira|sexta-feira")
_MONTHS = (r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|"
           r"apr|jun|jul|aug|sep|sept|oct|nov|dec|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|"
           r"février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|"
           r"mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|aprile|maggio|"
           r"giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|oktober|janeiro|"
           r"fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro")
_VALUES = {
    "date": re.compile(
        rf"\b(?:{_WEEKDAYS})\b|(?-i:\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b)"   # not "sat", "wed"
        rf"|\b\d{{1,2}}(?:st|nd|rd|th|er|e|º|ª)?\.?\s+(?:of\s+|de\s+)?(?:{_MONTHS})\b|\b(?:{_MONTHS})\.?\s+\d{{1,2}}\b"
        # "the 10th", "on the 3rd at 9" (not "the 2nd option"), "10/03", "10.03.2026", "2026-03-10"
        r"|\b\d{1,2}(?:st|nd|rd|th)\b(?=\s*(?:[^\w\s]|$|(?:of|at|between|from|if|and|or|to|by|before|after|in|"
        r"when|so|but|as|until|till)\b))|\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b(?!/)|\b\d{1,2}\.\d{1,2}\.(?:\d{2,4}\b)?"
        r"|\b\d{4}-\d{2}-\d{2}\b"
        r"|\b(?:today|tomorrow|tonight|heute|übermorgen|aujourd'hui|demain|hoy|mañana|oggi|domani|vandaag|hoje|"
        r"amanhã)\b|(?<!guten )\bmorgen\b|\b(?:next|this) week\b|\bnächste[nr]? woche\b|\bsemaine prochaine\b|"
        r"\bpróxima semana\b|\bprossima settimana\b|\bvolgende week\b", re.I),
    "time": re.compile(r"\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}\s?uhr\b|"
                       r"\b\d{1,2}\s?h\b|\b(?:noon|midday|midnight|mittags?|midi|mediodía|mezzogiorno)\b", re.I),
    "money": re.compile(r"[£$€¥]\s?\d|\d[\d.,]*\s?(?:[€£$]|(?:eur|euros?|gbp|usd|pounds?|dollars?|chf|reais)\b)",
                        re.I),
}


# An amount that is a limit, a balance or a deposit is no price ("Il limite giornaliero è di 15.000 €" does not say
# what a transfer costs).
_NOT_A_PRICE = re.compile(r"\b(?:\w*limi(?:t|et|te)\w*|límite|plafond\w*|höchst\w*|maxim\w*|massim\w*|máxim\w*|"
                          r"saldo|balance|guthaben|tegoed|solde|deposit\w*|kaution|caution|fianza|cauzione|borg|"
                          r"caução|disponible|disponibile|verfügbar|beschikbaar|disponível|available)\b", re.I)
_PRICE_WORD = re.compile(r"\b(?:" + "|".join(_ASKS["money"].split()) + r"|commission\w*|commissie|comisi[oó]n\w*|"
                         r"tasa|taxa|spese|kost\w*|cuesta|costa|coûte|costs?)\b", re.I)


# A point asking about an appointment (the pairs below and _SAME_THING_IN share it).
_APPOINTMENT_POINT = re.compile(r"rendez-vous|rendez\s+vous|appointment|Termin|cita|appuntamento|afspraak|marcação|consulta",
                                re.I)
# Points a reader counts as covered by other ordinary words for the same thing: a refund said as "devuelto el
# importe" or "Geld zurück", a return label as "Retourenlabel" or "bon de retour". (trigger on the point's whole
# text, what covers it in the reply, any language); only names of one thing, never a looser relative ("credit").
_SAME_THING = [
    (re.compile(r"refunds?|refunded|refunding|reimburse(?:ment|d)?|money\s+back|(?:rück)?erstatt(?:ung|en|et)|"
                r"rückzahlung|rembourse(?:ment|r|é|ée|és|ées)|reembols(?:o|ar|ad[oa])|rimbors(?:o|are|at[oa])|"
                r"terugbeta(?:ling|len|ald)|estorn(?:o|ar|ad[oa])", re.I),
     re.compile(r"\b(?:refund\w*|reimburs\w*|money\s+back|repaid\s+(?:you|the)|paid\s+(?:you\s+)?back|"
                r"(?:rück|zurück)?erstatt\w*|geld\s+zurück|rückzahlung\w*|zurück(?:überwies|überweis|zahl|gezahlt)\w*|"
                r"rembours\w*|recrédit\w*|reembols\w*|reintegr\w*|estorn\w*|rimbors\w*|riaccredit\w*|terugbeta\w*|"
                # the money transferred to them: "haben wir Ihnen am 12. März auf das Konto … angewiesen"
                r"(?:Ihnen|dir)\s+(?:[\w.,*€]+\s+){0,14}?(?:überwiesen|angewiesen|gutgeschrieben|zurücküberwiesen)|"
                r"terug(?:ge)?stort|terugstorten|geld\s+terug|"
                # the money given back, said with "return" and the amount: "devuelto el importe", "restituito l'importo"
                r"(?:devol\w*|devuelt\w*|restitu\w*|rendu|rendre)\s+(?:\w+\s+){0,2}?l?['’]?(?:importe|dinero|pago|"
                r"montant|argent|somme|importo|somma|soldi|valor|dinheiro|montante)\b|"
                r"(?:importe|dinero|montant|argent|somme|importo|somma|valor|dinheiro)\s+(?:\w+\s+){0,3}?"
                r"(?:devuelt|devolvid|restitu|rendu)\w*)", re.I)),
    # an appointment and its everyday short forms: "votre RDV contrôle technique mardi", "your appt on Tuesday"
    (_APPOINTMENT_POINT,
     # ("consulta" is a doctor's appointment in Portuguese, but "su consulta sobre el padrón" is a Spanish query)
     re.compile(r"\b(?:rendez-vous|rendez\s+vous|rdv|appointment|appt|Termin\w*|cita|appuntamento|app\.to|afspraak|"
                r"marcação)\b", re.I)),
    (re.compile(r"returns?\s+(?:label|slip)|rücksende(?:etikett|label|schein)|retouren?(?:label|etikett|schein)|"
                r"étiquette\s+(?:de\s+)?retour|bon\s+de\s+retour|etiqueta\s+de\s+(?:devolución|devolução)|"
                r"etichetta\s+(?:di|per\s+il)\s+reso|retour(?:label|etiket|bon)", re.I),
     re.compile(r"\b(?:(?:prepaid\s+|free\s+|postage[- ]paid\s+)?returns?\s+(?:label|slip)s?|"
                r"(?:rücksende|retoure|retouren|rückversand)\w*(?:etikett|label|schein)\w*|"
                r"(?:étiquette|bon)\s+(?:de\s+|pour\s+le\s+)?retour|etiqueta\s+(?:de|para\s+la|para\s+a)\s+"
                r"(?:devolución|devolução)|etichetta\s+(?:di|per\s+il)\s+reso|retour\w*(?:label|etiket|bon)s?)\b", re.I)),
]


# … and the pairs that hold in one language only.
_SAME_THING_IN = {
    "pt": [(_APPOINTMENT_POINT, re.compile(r"\bconsulta\b(?!\s+(?:sobre|acerca|relativa|a\s+respeito))", re.I))],
}


def _same_thing(point: str, text: str, language: str) -> bool:
    return any(trigger.fullmatch(point.strip()) and said.search(text)
               for trigger, said in _SAME_THING + _SAME_THING_IN.get(language, []))


# An amount paid back to the customer says what they get, not what something costs: "£212.50 has been refunded"
# answers no question about a fee (it still gives the "amount" asked for).
_PAID_BACK = re.compile(r"\b(?:refund\w*|reimburs\w*|credited|(?:rück|zurück)?erstatt\w*|gutgeschrieben|rembours\w*|"
                        r"recrédit\w*|reembols\w*|devuelt\w*|rimbors\w*|riaccredit\w*|terugbeta\w*|teruggestort|"
                        r"estorn\w*|devolvid\w*)\b", re.I)
_AMOUNT_WORDS = {"amount", "betrag", "montant", "importe", "importo", "bedrag", "valor", "quote"}

# A date the reply marks as gone by tells when something happened, not when it will, as "yesterday" (no value
# above) does: "que nos devolvió el pasado 24 de febrero", "you sent it back last Monday", "am vergangenen
# Dienstag", "le 24 février dernier", "lo scorso 24 febbraio", "afgelopen dinsdag", "no passado dia 24 de
# fevereiro". Not a month's last day ahead: "the last Friday of the month", "am letzten Freitag des Monats".
_PAST_BEFORE = (r"(?<!\bthe\s)(?<!\bon\s)\blast|\b(?:el|la)\s+pasad[oa](?!\s+mañana)|\bpasad[oa](?=\s+(?:d[ií]a\s+)?\d)|"
                r"\b(?:vergangene[nr]?|(?<!\bam\s)letzte[nr]?)|"
                r"\b(?:lo|la|il)\s+scors[oa]|\bscors[oa](?=\s+\d)|\bafgelopen|\bvorige|"
                r"\b(?:no|na)\s+passad[oa]|\bpassad[oa](?=\s+(?:dia\s+)?\d)")
_PAST_AFTER = r"dernier|dernière|passé|passée|pasad[oa]|scors[oa]|passat[oa]|passad[oa]"


def _past_dates_blanked(text: str) -> str:
    """The text without the dates it marks as past ("el pasado 24 de febrero", "last Monday", "… dernier")."""
    date = _VALUES["date"].pattern
    before = re.compile(rf"(?:{_PAST_BEFORE})\s+(?:(?:d[ií]a|dia|giorno|jour|tag|dag|day)\s+)?(?:{date})"
                        r"(?!\s+(?:of|des|del|della|di|van|do|da|du|im|in)\s+(?:the\s+|la\s+|le\s+|il\s+|o\s+|het\s+|"
                        r"de\s+)?(?:month|monats|mois|mes|mese|maand|mês))", re.I)
    after = re.compile(rf"(?:{date})\s+(?:{_PAST_AFTER})\b", re.I)
    return after.sub(lambda m: " " * len(m.group(0)), before.sub(lambda m: " " * len(m.group(0)), text))


def _value_given(word: str, text: str) -> bool:
    """Does the text give a value of the kind the word asks for ("when": a date or time; "price": an amount)?
    A date marked as past gives none ("el pasado 24 de febrero")."""
    kinds = _ASKED.get(word, ())
    if "date" in kinds and _VALUES["date"].search(text):
        text = _past_dates_blanked(text)
    if any(_VALUES[kind].search(text) for kind in kinds if kind != "money"):
        return True
    if "money" not in kinds:
        return False
    # sentences, not lines: a wrapped mail may put the amount and "refunded" on two lines of one sentence
    return any(
        _VALUES["money"].search(sentence) and (
            (not _NOT_A_PRICE.search(sentence) and (word in _AMOUNT_WORDS or not _PAID_BACK.search(sentence)))
            or _PRICE_WORD.search(sentence))
        for sentence in re.split(r"(?<=[.!?])\s+|\n\s*\n", text))


def covers(point, text: str, language: str = "en") -> bool:
    """Does the text mention this point (words in any of their forms in the language, /regex/, or a list
    meaning any of them)? A word that asks for a date, a time or a price ("when", "date", "Uhrzeit",
    "cost", "prix") is also covered by one ("Wed 10th", "tomorrow", "10:30", "€1,450")."""
    if isinstance(point, (list, tuple)):
        return any(covers(p, text, language) for p in point)
    point = str(point)
    if len(point) > 2 and point.startswith("/") and point.endswith("/"):
        return re.search(point[1:-1], text, re.I) is not None
    if not _words(point):   # a symbol ("€", "%"): written as it is, or not at all
        return point.strip().lower() in text.lower()
    if _same_thing(point, text, language):
        return True
    # A stretch of time in other words: "14 Tage" is covered by "zwei Wochen", "48 hours" by "two days"
    asked = promises.durations(point, language)
    if asked and asked & promises.durations(text, language):
        return True
    words = _words(point)
    if len(words) == 1:
        return _words_in(words, text, language)
    # A point of several words is one thing, said together: "cancellation fee" is not covered by "cancelled" in one
    # sentence and "charged" in another.
    return any(_words_in(words, sentence, language) for sentence in _SENTENCE.split(text))


# (after a word of three letters or more: not "31. Mai", "P. IVA", "Nr. 5")
_SENTENCE = re.compile(r"(?<=[^\W\d_]{3}[.!?])\s+|\n\s*\n")


def _words_in(words: list[str], text: str, language: str) -> bool:
    have = set(_words(text))
    have |= {part for w in have if "-" in w for part in w.split("-") if part}   # "Flex-pakket" covers "Flex"
    # (a point written as a stem, the start of its words, is met by any of them: "devuel" by "devuelto", "reembols" by
    # "reembolsado"; five letters at least, and only a stem as the language's stemmer leaves it, so that no word
    # stands for a longer other one: "charge" is no "charger")
    stem = _stemmer(language).stemWord
    return all(w in have or any(_same_word(w, h, language) for h in have) or _value_given(w, text) or
               (len(w) >= _PREFIX_MIN and stem(w) == w and any(h.startswith(w) for h in have)) for w in words)


def language_of(ctx) -> str:
    """The persona's language (ISO 639-1), as the stemmers know it; English otherwise."""
    lang = str((getattr(ctx, "persona", None) or {}).get("language") or "en").split("-")[0].split("_")[0].lower()
    return lang if lang in STEMMERS else "en"


def describe(point) -> str:
    if isinstance(point, (list, tuple)):
        return " or ".join(describe(p) for p in point)
    return f"\u201c{point}\u201d"


# Thanks for the message, with what it was about: the question restated, nothing answered ("Merci pour votre retour
# concernant l'abonnement facturé deux fois", "Thanks for your email about the refund", "Gracias por tu consulta sobre
# la factura").
_RESTATED = re.compile(
    r"(?:^|(?<=[.!?\n]))[ \t]*(?:many\s+)?(?:thanks|thank\s+you|merci|(?:vielen\s+|herzlichen\s+)?dank|danke|(?:muchas\s+)?"
    r"gracias|grazie|bedankt|dank\s+(?:je|u)(?:\s+wel)?|obrigad[oa]|muito\s+obrigad[oa])\s+(?:so\s+much\s+)?"
    r"(?:for|pour|für|por|per|voor|pel[oa])\s+(?:\w+\s+){0,2}?(?:message|e-?mail|mail|enquiry|inquiry|question|request|"
    r"complaint|feedback|note|retour|demande|courriel|réclamation|nachricht|anfrage|beschwerde|reklamation|mensaje|"
    r"consulta|correo|reclamación|solicitud|messaggio|richiesta|segnalazione|domanda|reclamo|bericht|vraag|klacht|"
    r"verzoek|mensagem|pedido|contacto|contato|reclamação)\s+(?:about|regarding|concerning|re|on|concernant|au\s+sujet\s+d[eu']|"
    r"à\s+propos\s+d[eu']|zu[mr]?|bezüglich|wegen|über|zur|sobre|acerca\s+de|riguardo|in\s+merito\s+a\w*|relativ[oa]\s+a\w*|"
    r"su[li]?|over|betreffende|omtrent|m\.?b\.?t\.?|relativ[oa]\s+a\w*|acerca\s+d[oa]s?)\b[^.!?\n]*[.!?]?", re.I)


def check(text: str, ctx) -> list[Finding]:
    points = getattr(ctx, "must_mention", None) or []
    if not points or getattr(ctx, "reply_kind", "human") != "human":
        return []
    # What the company wrote (a colleague's forwarded answer counts); the customer's quoted question does not,
    # nor a leaked staff note: "the appeal is Sanctions' job, tell her nothing" answers nothing about the appeal.
    notes = internal_notes.staff_spans(text, ctx)
    own = "\n".join(blank(line.prose, notes[line.no]) if line.no in notes else line.text
                     for line in prose_lines(text, ctx, kinds=(OWN, FOREIGN)))
    own = _RESTATED.sub(lambda m: " " * len(m.group(0)), own)   # the question restated answers nothing
    language = language_of(ctx)
    covered = [p for p in points if covers(p, own, language)]
    missed = [p for p in points if p not in covered]
    summary = (f"Covered: {', '.join(describe(p) for p in covered) or 'nothing'}. "
               f"Missed: {', '.join(describe(p) for p in missed) or 'nothing'}.")
    if missed:
        return [Finding(f"{CHECK}.incomplete", "major",
                        f"The answer covers {len(covered)} of the {len(points)} points the question asked",
                        "A real answer mentions each of them; the customer has to ask again. " + summary,
                        ", ".join(describe(p) for p in missed))]
    return [Finding(f"{CHECK}.complete", "info", f"The answer covers all {len(points)} points the question asked",
                    summary)]
