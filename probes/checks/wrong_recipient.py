"""Wrong recipient: the reply was meant for someone else.

Caught (critical): a greeting to a name that is not the persona's ("Dear Paul" to Jane Doe, also after a
brand or channel prefix: "Acme: Hi Tom", "[Acme Support] Hello Tom,", "ACME SMS - Dear Paul"),
above all one that belongs to another persona of the same run; another persona's full name, email
address or phone number anywhere in the reply (quoted text included: a reply quoting another
customer's message is the leak itself); another contact's correlation token.

Left alone: the persona's first name, surname with a title ("Ms Doe", "Frau Müller"), initials,
a shortened first name ("Alex" for Alexandra), generic greetings ("Hi there", "Dear customer",
"Sehr geehrte Damen und Herren"), and greetings in the customer's own quoted message.
"""
from __future__ import annotations

import re

from ..results import Finding
from ._text import OWN, fold, persona_words, read, snippet

CHECK = "wrong_recipient"

_GREETING = re.compile(
    r"^\s*[¡¿]?(?:dear|hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|morning|"
    r"sehr geehrte[rs]?|liebe[rs]?|hallo|guten (?:tag|morgen|abend)|moin|servus|grüß gott|"
    r"bonjour|bonsoir|salut|cher|chère|chers|"
    r"hola|estimad[oa]s?|querid[oa]s?|buen(?:os|as) (?:días|dias|tardes|noches)|"
    r"ciao|buongiorno|buonasera|salve|gentil(?:e|issim[oa])|egregi[oa]|car[oa]|"
    r"beste|geachte|hoi|goedemorgen|goedemiddag|goedenavond|dag|"
    r"olá|ola|bom dia|boa (?:tarde|noite)|prezad[oa]s?)(?=[\s,:!.]|$)", re.I)

# A brand or channel label in front of the greeting: "Acme: Hi Tom", "[Acme Support] Hello Tom,",
# "ACME SMS - Dear Paul", "Acme Support | Hi Tom".
_PREFIX = re.compile(r"^\s*(?:[\[(][^\[\]()\n]{1,40}[\])]\s*(?::|[-–—|>])?|"
                     r"[A-Z0-9][\w&.'’]*(?:[ \-][A-Z0-9][\w&.'’]*){0,3}\s*(?::|\s[-–—|>]|[|>]))\s*")
# A chat transcript's line by the customer ("Jane: Hi Tom, …", "You: Hello Sam") greets the agent, not them.
_CUSTOMER_SPEAKERS = {"you", "me", "customer", "visitor", "guest", "kunde", "kundin", "sie", "client", "cliente",
                      "klant", "vous", "usted", "tu", "jij", "u"}
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "herr", "frau", "fraulein", "monsieur",
           "madame", "mademoiselle", "m", "mme", "mlle", "senor", "senora", "senorita", "sr", "sra", "srta", "don",
           "dona", "signor", "signora", "signorina", "sig", "sig.ra", "sigra", "dott", "dottssa", "dott.ssa", "heer",
           "mevrouw", "mevr", "dhr", "mw", "meneer", "senhor", "senhora", "sra.", "doctor", "professor"}
_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "le", "la", "ten",
              "ter", "zu", "y", "e", "mc", "st"}
_GENERIC = {"there", "all", "everyone", "everybody", "team", "customer", "customers", "valued", "client", "clients",
            "friend", "friends", "folks", "guys", "user", "member", "members", "shopper", "colleague", "colleagues",
            "sir", "madam", "sirs", "support", "service", "kunde", "kundin", "kunden", "damen", "herren", "zusammen",
            "alle", "cliente", "clientes", "clienta", "klant", "klanten", "amigo", "amiga", "tutti", "todos",
            "allemaal", "monsieur", "madame", "heer", "mevrouw", "signora", "signore", "senhor", "senhora",
            "passenger", "guest", "guests", "subscriber", "patient", "owner", "applicant", "traveller", "traveler",
            "buyer", "sender", "partner", "neighbour", "neighbor", "you", "both", "again", "world"}
# Capitalised words that start a sentence after "Hello," rather than name anyone.
_STOP = {"thank", "thanks", "we", "i", "your", "you", "our", "this", "the", "please", "it", "sorry", "welcome",
         "just", "apologies", "hope", "good", "happy", "great", "and", "as", "following", "regarding", "re",
         "further", "with", "many", "my", "from", "a", "an", "in", "on", "for", "to", "here", "how", "what",
         "is", "are", "there", "its", "it's", "we're", "i'm", "danke", "vielen", "wir", "ich", "ihre", "merci",
         "nous", "je", "votre", "gracias", "le", "nos", "grazie", "ti", "la", "bedankt", "dank", "wij", "uw",
         "obrigado", "obrigada", "nós", "hier", "ici", "aqui", "qui", "hi", "hello", "dear", "hey", "ok", "okay"}
_TOKEN_CHARS = "A-Za-z0-9"


def check(text: str, ctx=None) -> list[Finding]:
    persona = (getattr(ctx, "persona", None) or {})
    others = [p for p in (getattr(ctx, "other_personas", None) or []) if isinstance(p, dict)]
    own_name = fold(str(persona.get("name") or "")).strip()
    found: list[tuple[int, Finding]] = []
    lines = read(text, ctx)
    reported: set[tuple[str, int]] = set()   # (other persona name, line) already named by a greeting finding

    # 1. The greeting, in the first lines the company wrote.
    own = [ln for ln in lines if ln.kind == OWN and ln.prose.strip()][:5]
    for ln in own:
        name = _greeted_name(ln.prose, persona)
        if not name or _is_persona(name, persona):
            continue
        other = next((p for p in others if fold(str(p.get("name") or "")).strip() != own_name
                      and _is_persona(name, p)), None)
        if other:
            reported.add((str(other.get("name")), ln.no))
            found.append((ln.no, Finding(
                CHECK, "critical", f"Reply greets another customer ({name})",
                f"This reply was for {persona.get('name')}, but it is addressed to {name} — another customer "
                f"probed in the same run ({other.get('name')}). The company mixed up two conversations.",
                snippet(ln.text))))
        elif persona.get("name"):
            found.append((ln.no, Finding(
                CHECK, "critical", f"Reply greets the wrong name ({name})",
                f"The customer is {persona.get('name')}, but the reply is addressed to {name}: it was probably "
                "meant for someone else, or sent from the wrong template.",
                snippet(ln.text))))
        break  # one greeting per reply

    # 2. Another persona's full name, email address or phone number anywhere. Each line is read once, not
    # once per other customer: a run of 200 customers made this most of a harvest's time per answer.
    folded = [fold(ln.text) for ln in lines] if others else []
    lowered = [ln.text.lower() for ln in lines] if others else []
    numbers = [[re.sub(r"\D", "", m.group(0)) for m in re.finditer(r"\+?\d[\d\s().\-/]{6,}\d", ln.text)]
               for ln in lines] if others else []
    for p in others:
        pname = str(p.get("name") or "").strip()
        if pname and fold(pname) != own_name and len(pname.split()) >= 2:
            pat = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in fold(pname).split()) + r"(?!\w)")
            for ln, text in zip(lines, folded, strict=True):
                if (pname, ln.no) not in reported and pat.search(text):
                    reported.add((pname, ln.no))
                    found.append((ln.no, Finding(
                        CHECK, "critical", f"Reply names another customer ({pname})",
                        f"{pname} is another customer probed in the same run; their name has no place in a "
                        f"reply to {persona.get('name') or 'this customer'}: one customer's details leaked to "
                        "another.", snippet(ln.text))))
                    break
        email = str(p.get("email") or "").strip().lower()
        if email and email != str(persona.get("email") or "").strip().lower():
            for ln, text in zip(lines, lowered, strict=True):
                if email in text:
                    found.append((ln.no, Finding(
                        CHECK, "critical", "Reply shows another customer's email address",
                        f"{email} belongs to another customer probed in the same run ({pname or 'unnamed'}): "
                        "one customer's details leaked to another.", snippet(ln.text))))
                    break
        digits = re.sub(r"\D", "", str(p.get("phone") or ""))
        own_digits = re.sub(r"\D", "", str(persona.get("phone") or ""))
        if len(digits) >= 8 and digits[-9:] != own_digits[-9:]:
            for ln, found_numbers in zip(lines, numbers, strict=True):
                if any(n.endswith(digits[-9:]) for n in found_numbers):
                    found.append((ln.no, Finding(
                        CHECK, "critical", "Reply shows another customer's phone number",
                        f"The number belongs to another customer probed in the same run ({pname or 'unnamed'}): "
                        "one customer's details leaked to another.", snippet(ln.text))))
                    break

    # 3. Another contact's correlation token.
    own_token = str(getattr(ctx, "token", "") or "").lower()
    tokens = sorted({t.lower() for t in (getattr(ctx, "other_tokens", None) or [])
                     if t and len(t) >= 6 and t.lower() != own_token})
    if tokens:
        pat = re.compile(rf"(?<![{_TOKEN_CHARS}])(?:" + "|".join(map(re.escape, tokens)) + rf")(?![{_TOKEN_CHARS}])",
                         re.I)
        seen: set[str] = set()
        for ln in lines:
            for m in pat.finditer(ln.text):
                tok = m.group(0).lower()
                if tok in seen:
                    continue
                seen.add(tok)
                found.append((ln.no, Finding(
                    CHECK, "critical", "Reply carries another customer's reference",
                    f"The reference {m.group(0)} belongs to a different contact of this run, not to this "
                    "customer: the company mixed up two customers' conversations.", snippet(ln.text))))
    return [f for _, f in sorted(found, key=lambda pair: pair[0])]


def _greeted_name(line: str, persona: dict | None = None) -> str:
    """The name a greeting line addresses ("Dear Ms Doe," -> "Ms Doe"), or "" for none or a generic one."""
    m = _GREETING.match(line)
    if not m:
        prefix = _PREFIX.match(line)
        speaker = {fold(w) for w in re.findall(r"[^\W\d_]+", prefix.group(0))} if prefix else set()
        if prefix and not speaker & (_CUSTOMER_SPEAKERS | persona_words(persona or {})):
            line = line[prefix.end():]
            m = _GREETING.match(line)
    if not m:
        return ""
    rest = line[m.end():]
    after_comma = bool(re.match(r"\s*[,:]", rest))
    words = rest.strip(" ,:").split()
    taken: list[str] = []
    terminated = False
    for w in words:
        bare = w.strip(",;:!.?)(\"'“”")
        f = fold(bare).rstrip(".")
        if not bare:
            break
        if f in _TITLES or f.replace(".", "") in _TITLES or (taken and f in _PARTICLES) \
                or bare[0].isupper() or re.fullmatch(r"[A-Z]\.", bare):
            taken.append(bare)
            if re.search(r"[,;:!?)]$", w) or (w.endswith(".") and f not in _TITLES
                                               and f.replace(".", "") not in _TITLES and len(f) > 1):
                terminated = True
                break
            continue
        break
    else:
        terminated = True  # the line ended
    names = [w for w in taken if fold(w).rstrip(".") not in _TITLES and fold(w).replace(".", "") not in _TITLES
             and fold(w) not in _PARTICLES]
    if not names:
        return ""
    folded = [fold(p) for w in names for p in re.split(r"[/&+]", w) if p]
    if any(f in _STOP for f in folded[:1]) or any(f in _GENERIC for f in folded):
        return ""
    if after_comma and not terminated:
        return ""  # "Hello, Thank you for …": a sentence, not a name
    if len(taken) < len(words) and not terminated and words[len(taken)].lower().strip(",.!") == "here":
        return ""  # "Hi, Acme here"
    return " ".join(taken).strip()


def _is_persona(greeted: str, persona: dict) -> bool:
    """Does every name word of the greeting fit the persona's name (first name, surname, initial, short form)?"""
    parts = persona_words(persona) | {w for w in fold(str(persona.get("name") or "")).split()}
    parts = {p for p in parts if p not in _TITLES}
    if not parts:
        return False
    words = [fold(w).strip(".") for w in re.split(r"[\s\-]+", greeted)]
    words = [w for w in words if w and w not in _TITLES and w.replace(".", "") not in _TITLES and w not in _PARTICLES]
    if not words:
        return True
    for w in words:
        if w in parts:
            continue
        if len(w) == 1 and any(p.startswith(w) for p in parts):
            continue  # an initial
        if len(w) >= 3 and any(p.startswith(w) for p in parts):
            continue  # "Alex" for Alexandra
        return False
    return True
