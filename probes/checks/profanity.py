"""Offensive language: swear words, slurs and insults in English, German, French, Spanish, Italian,
Dutch and Portuguese.

Caught: strong swear words and slurs (critical: "fuck", "cunt", "Arschloch", "putain", "gilipollas",
"vaffanculo", "klootzak", "caralho" …, with their inflections and starred spellings like "f**k");
milder crude words and insults (major: "crap", "bloody hell", "bollocks", "idiot", "Mist" in German
text, "bordel", "you muppet" …); crude verbs ("merder", "cagarla"); disguised spellings of any of them,
judged by the word they hide: letters starred or swapped for symbols ("b*llocks", "a$$hole", "bullsh!t",
"d*ck"), spaced or hyphenated letters ("s h i t", "s-h-i-t"), "f-ing".

Left alone: whole words only, so "Scunthorpe", "assessment", "cocktail", "Dickens", "class",
"Middlesex", "shiitake", "scrap" pass; words that are harmless in another language or sense ("con"
is Spanish and Italian for "with", "cul-de-sac", "bite", Dutch "kanker" on its own — only its curse
compounds such as "kankersysteem" count —, the town of Cazzago, French "retard" for a delay) are not
listed or are checked in context; letters inside a reference code or token ("Ref: SHIT-8841",
"XK7SHITQ", "fuck123"), a URL, a path, a file name or an email address are not words; the customer's own
quoted message is skipped. A colleague's
message quoted or forwarded in the reply is checked: the customer reads it too.
"""
from __future__ import annotations

import re

from ..results import Finding, Severity
from ._text import FOREIGN, OWN, prose_lines, snippet

CHECK = "profanity"

# Whole-word patterns per language, matched case-insensitively.
_STRONG = {
    "English": r"(?:mother)?f(?:u|\*|#)ck\w*|f\*{2,3}(?:k|ing|ed|er)?\w*|fck(?:ing)?|fuk(?:ing)?|fuckwits?|"
               r"f['\-](?:ing|in'|ed|er|ers|wit)|"
               r"shit(?:s|ty|ter|ting|head|heads|hole|holes|show|load|e)?|bullshit|horseshit|sh\*t\w*|s\*\*t|"
               r"cunts?|c\*nts?|wank(?:er|ers|ing|s)?|twats?|bitch(?:es|ing|y)?|b\*tch\w*|tossers?|"
               r"ass-?holes?|arse-?holes?|dickheads?|cocksuckers?|whores?|sluts?|"
               r"retard(?:s|ed)?|faggots?|n[i1]gg(?:er|a)s?|spastics?|"
               r"dumb-?ass(?:es)?|jackass(?:es)?|kiss\s+my\s+(?:ass|arse)|piss\s+off|pissed\s+off",
    "German": r"schei(?:ß|ss)\w*|arschl[öo]ch\w*|arsch|fotzen?|wichser\w*|hurensohn\w*|"
              r"fick(?:en|t|te|er|dich)?|gefickt|verfickt\w*|missgeburt\w*|drecks\w+|spast(?:i|en)?|schlampen?|"
              r"leck\s+mich(?:\s+am\s+arsch)?|halt\s+die\s+fresse",
    "French": r"merdes?|merdique|merd(?:er|é|ée|és|ées|ait|aient|ons|ez|ant)|emmerd\w+|putains?|connard\w*|"
              r"connasses?|connes?|salopes?|salaud\w*|encul[ée]\w*|foutre|"
              r"(?:fait|faire)\s+chier|niquer|nique\s+ta|ta\s+gueule|fils\s+de\s+pute|putes?|p[ée]tasses?",
    "Spanish": r"mierdas?|joder|jodid[oa]s?|jódete|jodete|coño|cabr[oó]n\w*|gilipollas|hijos?\s+de\s+puta|"
               r"put[oa]s?|putadas?|pendej[oa]s?|carajo|chinga\w*|cojones|capullos?|maric[oó]n\w*|me\s+cago\s+en|"
               r"cag(?:ar|arla|arlo|ado|ada|adas|ó|aste|asteis|aron|amos|ando|ándola)",
    "Italian": r"cazz(?:o|i|ata|ate|one|oni|uto|uta)|vaffanculo|fanculo|stronz[oaie]|puttan\w*|coglion\w*|minchia|"
               r"porca\s+(?:puttana|troia)|merda|bastard[oi]|figlio\s+di\s+puttana",
    "Dutch": r"kut|kut(?!ch)[a-z]{3,}|klootzak\w*|godverdomme|godver|kolere|"
             r"(?:kanker|tering|tyfus)(?:lijer|lijers|zooi|systeem|ding|wijf|hoer|klant|bedrijf|idioot|mongool|"
             r"computer|app|site|winkel|pakket|printer)s?|"
             # "klote" glues onto any noun as "kut" does: "klotesysteem", "kloteding", "klotezooi"
             r"hoer(?:en)?|klote|kloten|klote[a-z]{3,}|mongool|zeikerds?|zeiklant\w*",
    "Portuguese": r"porra|caralho|foda(?:-se)?|fod(?:er|ido|ida|ase)|filho\s+da\s+puta|cacete|buceta|"
                  r"vai\s+(?:se\s+)?(?:foder|tomar\s+no\s+cu)|arrombad[oa]s?|otári[oa]s?|babaca",
}
_MILD = {
    "English": r"crap(?:py|s)?|damn(?:ed|it)?|goddamn\w*|bloody(?:\s+hell)?|bollocks|bugger(?:\s+off)?|"
               r"arse|(?:pain|kick)\s+in\s+the\s+(?:ass|arse)|your\s+(?:ass|arse)|my\s+(?:ass|arse)|"
               r"(?:what|why|who|how|where)\s+the\s+(?:h[e*]ll|heck)|go\s+to\s+h[e*]ll|hell\s+no|idiots?|idiotic|"
               r"morons?|moronic|imbeciles?|ball-?(?:breaker|buster)s?|stupid\s+(?:customer|client|woman|man|people|cow)|"
               r"bastards?|pricks?|sod\s+off|wtf|stfu|ffs|omfg|effing|effin|"
               # An insult thrown at someone: "you muppet", "what a numpty", "a total clown".
               r"(?:you|what\s+an?|such\s+an?|(?:a|an)\s+(?:total|complete|absolute|proper|right|utter)|"
               r"total|complete|absolute|bloody)\s+(?:muppets?|numpty|numpties|pillocks?|plonkers?|dimwits?|"
               # (a "dick" only when someone is called one: "Dick", "Moby Dick", "Philip K. Dick" are names)
               r"halfwits?|nitwits?|clowns?|dipsticks?|dumbos?|knobheads?|dicks?)|"
               r"(?:being|been|is|was|he's|she's|acting\s+like|such)\s+a\s+(?:bit\s+of\s+a\s+)?dick",
    "German": r"verdammt\w*|mist(?:stück)?|kacke|beschissen\w*|verschissen\w*|verkackt\w*|depp(?:en)?|vollidiot\w*|idioten?|blödmann|blöde\s+kuh|"
              r"verflucht\w*|klugschei(?:ß|ss)er\w*|korinthenkacker\w*|"
              # the "Voll-" insults for a person: "ein Vollpfosten", "Vollhonk", "Volltrottel"
              r"voll(?:pfosten|honk|trottel|horst|depp|spacko|pfeife)\w*|trottel\w*|spast(?:i|en)?",
    "French": r"bordel|merdeux|crétins?|abruti(?:s|e|es)?|débiles?|imbéciles?|idiots?|chiant\w*|"
              r"casse-?couilles|chieu(?:r|rs|se|ses)|"
              # "con" as an insult, only after what makes it one (it is Spanish and Italian for "with"): "ce con de livreur",
              # "faut vraiment être con pour …"
              r"(?:ce|espèce\s+de|pauvre|sale|gros|grosse|bande\s+de|(?:être|es|est|suis|sommes|êtes|sont)"
              r"(?:\s+(?:vraiment|trop|complètement))?)\s+cons?",
    "Spanish": r"imbéciles?|idiotas?|estúpid[oa]s?|maldit[oa]s?|hostia|culo|tocapelotas|tocahuevos|coñazo",
    # the crude words for a nuisance of a customer ("rompiballe", "casse-couilles", "tocapelotas")
    "Italian": r"idiot[ai]|imbecill[ei]|cretin[oi]|scem[oi]|mannaggia|rompi(?:balle|palle|coglioni)|cagacazzi|"
               # "palle" alone is a ball (Christmas baubles, tennis): the crude phrases only
               r"che\s+palle|(?:una\s+)?rottura\s+di\s+(?:palle|coglioni)|(?:ha|hanno|mi\s+ha|mi\s+hanno)\s+rotto\s+"
               r"(?:le\s+palle|i\s+coglioni)|due\s+palle",
    # ("verdomd(e)" as English "damned"; "verkloot", "verkloten": screwed up, crude)
    "Dutch": r"verdomme|verdomde?|verdorie|idioten?|stomme\s+klant|eikels?|sukkels?|lul(?:len)?|verkl(?:oot|ooit|oten|ote)",
    "Portuguese": r"idiotas?|imbecis|imbecil",
}


def _compile(table: dict[str, str]) -> list[tuple[str, re.Pattern]]:
    return [(lang, re.compile(r"(?<![\w*])(?:" + pat + r")(?![\w*])", re.I)) for lang, pat in table.items()]


_PATTERNS: list[tuple[Severity, str, re.Pattern]] = [("critical", lang, p) for lang, p in _compile(_STRONG)] + \
            [("major", lang, p) for lang, p in _compile(_MILD)]


def check(text: str, ctx=None) -> list[Finding]:
    """One finding per offending word (the first line it is on), in reading order."""
    found: list[tuple[int, int, Finding]] = []
    seen: set[str] = set()
    for ln in prose_lines(text, ctx, kinds=(OWN, FOREIGN)):
        taken: list[tuple[int, int]] = []
        for severity, lang, pattern in _PATTERNS:
            for m in pattern.finditer(ln.prose):
                word = m.group(0)
                if any(m.start() < hi and lo < m.end() for lo, hi in taken) or word.lower() in seen:
                    continue
                if not _plausible(word, ln.prose, m.start(), ctx) or _a_name_here(word, ln.prose, m.start(), lang, ctx):
                    continue
                taken.append(m.span())
                seen.add(word.lower())
                if severity == "critical":
                    title = f"Offensive language in the reply (“{word}”)"
                    detail = (f"“{word}” is a swear word or slur ({lang}). No customer should receive it; "
                              "it is the kind of message that ends up on social media.")
                else:
                    title = f"Rude or crude wording in the reply (“{word}”)"
                    detail = (f"“{word}” is crude or insulting ({lang}): unprofessional in a message to a "
                              "customer.")
                found.append((ln.no, m.start(), Finding(CHECK, severity, title, detail, snippet(ln.text))))
        for start, end, word, severity in _disguised(ln.prose):
            if any(start < hi and lo < end for lo, hi in taken) or word.lower() in seen:
                continue
            taken.append((start, end))
            seen.add(word.lower())
            found.append((ln.no, start, Finding(
                CHECK, severity, f"Offensive language in the reply (“{word}”)" if severity == "critical" else
                f"Rude or crude wording in the reply (“{word}”)",
                f"“{word}” is a disguised swear word or insult (letters starred, swapped for symbols or spaced "
                "out): the customer reads it all the same.", snippet(ln.text))))
    return [f for _, _, f in sorted(found, key=lambda t: (t[0], t[1]))]


# A German article or preposition with one before a capitalised word: "auf den Wank", "mit der Wankbahn".
_DE_ARTICLE_BEFORE = re.compile(r"\b(?:den|dem|der|die|das|des|zum|zur|am|im|vom|beim|ins)\s+$", re.I)


def _a_name_here(word: str, line: str, start: int, list_lang: str, ctx) -> bool:
    """A swear word's letters that are a name here: an English one written as a German noun after its article ("die
    Tour auf den Wank", "mit der Wankbahn": a mountain); a compound of one capitalised inside a sentence of a language
    that writes its nouns small, beside another capitalised word or before a house number ("Kasteelhoeve Kuttekoven,
    near Borgloon", "Kuttekovenstraat 12": a village, a street)."""
    lang = str((getattr(ctx, "persona", None) or {}).get("language") or "en")[:2].lower()
    if not word[:1].isupper() or not word[1:].islower():
        return False
    small_nouns = lang != "de" and list_lang != "English" and len(word) > 6   # a compound, nouns written small
    if small_nouns and re.match(r"\s+\d{1,4}[a-z]?\b", line[start + len(word):]):
        return True   # a street with its house number: "Kuttekovenstraat 12"
    if small_nouns and re.fullmatch(r"(?:(?-i:[A-ZÀ-Þ])[\w'’-]*\s*){2,4}", line.strip()):
        return True   # a line of a name only, as in an address block: "Kasteelhoeve Kuttekoven"
    if not line[:start].strip() or re.search(r"[.!?:]\s*$", line[:start]):
        return False   # (at a sentence's start any word is capitalised)
    if list_lang == "English" and lang == "de":
        return bool(_DE_ARTICLE_BEFORE.search(line[:start]))
    # (a name of several capitalised words: "Kasteelhoeve Kuttekoven"; not "een Kutsysteem", shouted)
    return small_nouns and bool(re.search(r"[\w,]\s+(?-i:[A-ZÀ-Þ])[a-zà-ÿ]+\s+$", line[:start]))   # (not "Quel Connard-Client", its start)


# The non-space run a word sits in, without the punctuation around it.
_TOKEN_EDGE = "\"'“”‘’«»()[]{}<>.,;:!?"
# Inside an address, a path or a parameter: "acme.example/blog/holy-shit-deals", "user@shit.example", "id=fuck123".
_ADDRESSY = re.compile(r"[/\\@=&?#]|^(?:https?|www)\b|\w\.(?:com|org|net|io|co|uk|de|fr|es|it|nl|pt|eu|be|ch|at|"
                       r"example|info|shop|store|pdf|txt|csv|zip|png|jpe?g|gif|html?|docx?|xlsx?|exe|log)\b", re.I)


def _in_code(line: str, start: int, end: int) -> bool:
    """Is the word part of a reference code, token, URL, file name or address rather than a word of the text?

    "Ref: SHIT-8841", "7F3K-SHIT-9Q2B", "fuck123", "shit.pdf", "https://…/holy-shit-deals": letters a machine put
    together. Spelled-out swearing stays a word: "f**king", "sh1t" (a digit inside the word), "shit-hot".
    """
    lo, hi = start, end
    while lo > 0 and not line[lo - 1].isspace():
        lo -= 1
    while hi < len(line) and not line[hi].isspace():
        hi += 1
    token = line[lo:hi].strip(_TOKEN_EDGE)
    word = line[start:end]
    if token == word and not re.search(r"\d", word):
        return False
    if _ADDRESSY.search(token):
        return True
    # Digits in the run, other than a leetspeak letter inside a word ("sh1t", "n1gger"): a code.
    if re.search(r"\d", token) and not re.fullmatch(r"[^\W\d_]+(?:[0-9][^\W\d_]+)+", token):
        return True
    # Mixed case inside a long run ("QmFzZS-shit-YWxsb"): a generated token, not a word.
    letters = re.sub(r"[^A-Za-z]", "", token)
    return len(token) >= 12 and len(re.findall(r"[a-z][A-Z]", letters)) >= 2


def _plausible(word: str, line: str, start: int, ctx) -> bool:
    """Drop the few listed words that are ordinary in another language or sense, and words inside codes."""
    if _in_code(line, start, start + len(word)):
        return False
    w = word.lower()
    lang = str((getattr(ctx, "persona", None) or {}).get("language") or "en")[:2].lower()
    only = {"de": ("mist", "kacke", "arsch"), "nl": ("lul", "lullen", "eikel", "eikels", "sukkel", "sukkels", "hoer",
                                                     "hoeren", "mongool", "kut", "klote", "kloten"),
            "es": ("hostia", "culo", "puto", "puta", "putos", "putas"), "it": ("bastardo", "bastardi", "scemo",
                                                                             "scemi")}
    if w.startswith("kut") and lang != "nl":
        return False   # Dutch curse compounds ("kutsysteem"); elsewhere "Kutaisi", "kutya"
    for language, words in only.items():
        if w in words and lang != language and not (language == "es" and lang in ("pt", "it") and w != "hostia"):
            return False  # English "mist", "lul" on Twitch, "culo" …
    if w.startswith("retard") and (lang == "fr" or re.search(r"\b(?:en|du|de|le|les|un|votre|ce)\s+retards?\b",
                                                              line, re.I)):
        return False  # French "retard" is a delay
    if w in ("prick", "pricks") and re.search(r"\bpricks?\s+(?:your|the|a|it)\b", line[start:], re.I):
        return False  # "prick the film", "prick your finger"
    if w.startswith("bloody") and re.search(r"\bbloody\s+(?:stool|nose|noses|discharge|urine|mary)",
                                            line[start:], re.I):
        return False
    if w in ("idiot", "idiots") and re.search(r"idiot[- ]proof", line[start:], re.I):
        return False
    if re.search(r"\bcons?$", w) and lang != "fr":
        return False   # "es con tarjeta", "está con nosotros": Spanish, Italian and Portuguese "with"
    if re.fullmatch(r"[A-Z]{3}", word) and (
            (re.search(r"[A-ZÀ-Ý][\w-]+\s*\($", line[:start]) and line[start + 3:start + 4] == ")") or
            re.search(r"\b[A-Z]{3}\s*(?:[-–>→/]|to)\s*$", line[:start]) or
            re.match(r"\s*(?:[-–>→/]|to)\s*[A-Z]{3}\b", line[start + 3:])):
        return False   # an airport's or a place's code: "Fukuoka (FUK)", "CDG → FUK", "FUK-HND"
    as_name = bool(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+", word))   # written as a name: one capital, then small letters
    if _TITLE_BEFORE.search(line, 0, start) and as_name:
        return False   # a surname after a title, in any language: "meine Kollegin Frau Fick"
    if as_name and (_POSTCODE_BEFORE.search(line, 0, start) or _PLACE_NOUN_BEFORE.search(line, 0, start) or (
            _BETWEEN_BEFORE.search(line, 0, start) and _AND_A_NAME.match(line, start + len(word)))):
        # a place, in any language: in an address ("24560 Conne-de-Labarde", "5121 Fucking"), after a word for a place
        # ("in località Bastardo", "im Ortsteil Fickmühlen"), between two names ("tra Bastardo e Giano dell'Umbria")
        return False
    if lang != "de" and _PLACE_BEFORE.search(line, 0, start) and as_name:
        return False  # a place or family name: "il nostro deposito di Bastardo (PG)", "the Dick family"
    if lang != "de" and as_name and (
            (first := re.search(r"(?<![\w-])([A-ZÀ-Ý][a-zà-ÿ]{2,})-$", line[:start])) and not any(
                p.fullmatch(first.group(1)) for _, _, p in _PATTERNS)):
        # the second half of a hyphenated place or family name, after a name that is no curse: "Zürich-Kloten",
        # "Smith-Dick" (not "Shit-Show", "Kut-Klant", where the curse comes first)
        return False
    return True


# A preposition that names a place or a family, right before a word written as a name (not in German, where every
# noun has its capital: "im Arsch").
_TITLE_BEFORE = re.compile(r"(?<!\S)(?:Frau|Herr[n]?|Hr\.|Fr\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Mme|Mlle|M\.|Sr\.?|Sra\.?|Srta\.?|"
                           r"Sig\.?|Sig\.ra|Dott\.?|Dott\.ssa|Dhr\.?|Mevr\.?|meneer|mevrouw|D\.|Dona|Dom)\s+$")
# A postal code right before a word written as a name: "24560", "1234 AB", "4000-123", "D-80331", "A-5121".
_POSTCODE_BEFORE = re.compile(r"(?<![\w.,-])(?:[A-Z]{1,2}-)?(?:\d{4,5}|\d{4}\s?[A-Z]{2}|\d{4}-\d{3})\s+$")
_PLACE_NOUN_BEFORE = re.compile(
    r"(?<!\S)(?:località|frazione|comune|paese|borgo|town|village|hamlet|Ort|Ortsteil|Ortschaft|Gemeinde|Dorf|"
    r"commune|lieu-dit|hameau|pueblo|localidad|municipio|aldea|aldeia|vila|lugar|freguesia|concelho|dorp|"
    r"gehucht|plaats|gemeente|buurtschap)\s+$", re.I)
_BETWEEN_BEFORE = re.compile(r"(?<!\S)(?:tra|fra|between|zwischen|entre|tussen)\s+$", re.I)
_AND_A_NAME = re.compile(r"\s+(?:and|und|et|e|ed|y|en)\s+[A-ZÀ-Ý]")
_PLACE_BEFORE = re.compile(r"(?<!\S)(?:of|from|in|at|near|di|da|a|presso|de|du|des|à|en|van|uit|te|bij|em|do|dos|"
                           r"das|the)\s+$", re.I)


# Disguised spellings ("b*llocks", "a$$hole", "bullsh!t", "s h i t", "s-h-i-t"): the words they may stand for.
# A starred or spaced word was disguised on purpose, so words too ambiguous to list as plain text ("dick", "cock",
# "ass", "tits") count here.
_HIDDEN_STRONG = ("fuck", "fucking", "fucked", "fucker", "fuckers", "fucks", "motherfucker", "shit", "shits", "shitty",
                  "shite", "shithead", "shithole", "shitshow", "bullshit", "horseshit", "cunt", "cunts", "bitch",
                  "bitches", "wanker", "wankers", "twat", "twats", "asshole", "assholes", "arsehole", "arseholes",
                  "dickhead", "dickheads", "cocksucker", "whore", "slut", "pussy", "nigger", "nigga", "faggot",
                  "jackass", "dumbass", "merde", "putain", "connard", "connasse", "salope", "enculé", "scheisse", "scheiße",
                  "scheiß", "scheiss", "arschloch", "fotze", "wichser", "ficken", "mierda", "joder", "coño",
                  "cabrón", "cabron", "gilipollas", "puta", "cazzo", "stronzo", "stronza", "vaffanculo", "minchia",
                  "kut", "klootzak", "godverdomme", "porra", "caralho", "foda", "fodase", "merda")
_HIDDEN_MILD = ("crap", "crappy", "damn", "bollocks", "dick", "dicks", "cock", "arse", "ass", "piss", "pissed",
                "bugger", "prick", "tits", "idiot", "idiots", "moron", "morons", "bastard", "bastards", "bloody",
                "sod", "scheisse", "mist", "kacke", "bordel", "idiota", "lul", "eikel")
_MASK = "*#%_"
_LEET = {"$": "s", "@": "a", "!": "i", "1": "i", "0": "o", "3": "e", "4": "a", "5": "s", "7": "t", "|": "i"}
# A run of single letters joined by one space, dot or hyphen each: "s h i t", "s-h-i-t", "f.u.c.k".
_SPACED = re.compile(r"(?<![\w\-.])[^\W\d_](?:([ .\-])[^\W\d_])(?:\1[^\W\d_]){1,10}(?![\w\-])")
# A mask or a symbol inside a word, or masks after one: the only lines worth a closer look.
_TRICKY = re.compile(r"[^\W\d_][*#%_$@!|0-9]+[^\W\d_]|[^\W\d_][*#%_]+(?![^\W\d_])|[$@!][^\W\d_]")
_RUN = re.compile(r"[^\s\"“”‘’«»()\[\]{}<>,;:?]+")


def _hidden_word(token: str) -> tuple[str, str] | None:
    """(the word, its severity) that a disguised token stands for, or None."""
    core = token.rstrip(".!?") if not token.endswith("*") else token
    core = core.lstrip(_MASK) if core[:1] in _MASK and core[-1:] in _MASK else core   # **bold**
    letters = sum(ch.isalpha() for ch in core)
    tricks = [ch for ch in core if ch in _MASK or ch in _LEET]
    if not tricks or letters < 2 or not core[:1].isalpha() and core[:1] not in "$@!":
        return None
    if re.search(r"\d", core) and not re.search(r"[a-z]", core):
        return None   # "C0CK", "H3LL0": capitals and digits are a code or a vanity number
    if len(tricks) > letters + 1 or re.search(r"\d{2,}|[^\W\d_]\d+$", core):
        return None   # mostly symbols or a code ("X7**4", "ab12")
    pattern = ""
    for ch in core.lower():
        if ch in _MASK:
            pattern += r"[^\W\d_]"
        elif ch in _LEET:
            pattern += f"[{re.escape(ch)}{_LEET[ch]}]"
        elif ch.isalpha():
            pattern += re.escape(ch)
        else:
            return None
    rx = re.compile(pattern + "$")
    for words, severity in ((_HIDDEN_STRONG, "critical"), (_HIDDEN_MILD, "major")):
        if any(rx.match(w) for w in words):
            return token, severity
    return None


def _disguised(line: str):
    """(start, end, word as written, severity) for each disguised swear word on the line."""
    for m in _SPACED.finditer(line):
        if _in_code(line, m.start(), m.end()):
            continue
        letters = [(m.start() + i, ch) for i, ch in enumerate(m.group(0)) if ch.isalpha()]
        # Any stretch of the run: "give a s h i t" hides "shit" after the article.
        for i in range(min(len(letters), 2)):   # the whole run, or after "a"/"I"
            if i and letters[0][1].lower() not in "ai":
                break
            j = len(letters)
            hit = j if "".join(ch for _, ch in letters[i:j]).lower() in _HIDDEN_STRONG + _HIDDEN_MILD else None
            if hit:
                joined = "".join(ch for _, ch in letters[i:hit]).lower()
                start, end = letters[i][0], letters[hit - 1][0] + 1
                yield start, end, line[start:end], "critical" if joined in _HIDDEN_STRONG else "major"
                break
    if not _TRICKY.search(line):
        return
    for m in _RUN.finditer(line):
        token = m.group(0).strip(".'")
        if not any(ch in _MASK or ch in _LEET for ch in token.rstrip(".!?")):
            continue
        if _in_code(line, m.start(), m.end()) and not re.fullmatch(r"[\w*#%$@!|]+", token):
            continue
        if re.search(r"[/\\=&]|://|@\w+\.\w", token):
            continue   # an address or a path
        closer = re.fullmatch(r"[^\W\d_]+([*_]+)", token)
        if closer and re.search(r"(?:^|\s)" + re.escape(closer.group(1)) + r"(?=[^\W\d_])", line[:m.start()]) and \
                line[:m.start()].count(closer.group(1)[0]) % 2:
            continue   # the star closing an emphasis opened before it: "*cobrar limpieza pendiente de dic*"
        hidden = _hidden_word(token)
        if hidden:
            yield m.start(), m.start() + len(token), hidden[0], hidden[1]
