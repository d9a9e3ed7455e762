"""Unreplaced template placeholders: "Dear [name]", "Hi {{first_name}}", "%FIRSTNAME%", "order XXXX".

A customer who reads one knows at once they got a form letter that broke.
The patterns aim at placeholder *shapes* (a field-like word inside template
delimiters), in English, German, French, Spanish, Italian, Dutch and Portuguese
("[Anrede] [Nachname]", "{vorname}", "[nombre]", "<Nome Cliente>", "${nome}",
"[voornaam]"), plus "XXXX" standing in for a number that was never filled in.

Left alone: prices in brackets ("[£20]"), footnote marks ("[1]"), button labels,
regexes ("\\d{4}"), "$20", "50%", masked card numbers ("XXXX XXXX XXXX 4417"),
Windows environment variables ("%APPDATA%\\logs"), code samples (fenced, indented
or `inline`), a placeholder the reply shows as code or explains ("type
`{{first_name}}` …", "Replace {order_id} with …"), and the customer's own quoted
message.
"""
from __future__ import annotations

import re

from ..results import Finding
from ._text import FOREIGN, OWN, read, snippet

CHECK = "placeholder"

# Words that template fields are named after (any of them may stand alone or start a field name).
_HEAD = (
    # English
    r"customer|client|user|contact|recipient|first|last|full|given|sur|surname|nick|nickname|account|company|"
    r"order|ticket|case|booking|invoice|tracking|agent|advisor|adviser|rep|representative|phone|email|e-mail|"
    r"mobile|date|time|address|title|salutation|f?name|fname|lname|firstname|lastname|username|number|ref|"
    r"reference|amount|postcode|zip|"
    # German
    r"anrede|vorname|nachname|kunde|kunden|kundenname|kundennummer|bestellnummer|auftragsnummer|"
    r"rechnungsnummer|vertragsnummer|datum|uhrzeit|titel|firma|adresse|telefon|telefonnummer|nummer|"
    r"mitarbeiter|sachbearbeiter|betrag|"
    # French
    r"pr[ée]nom|nom|civilit[ée]|cliente?|num[ée]ro|commande|dossier|heure|soci[ée]t[ée]|conseill[eè]re?|"
    r"t[ée]l[ée]phone|montant|"
    # Spanish
    r"nombre|apellidos?|usuario|pedido|fecha|hora|direcci[óo]n|agente|asesora?|empresa|tratamiento|importe|"
    # Italian
    r"nome|cognome|utente|ordine|pratica|data|indirizzo|operatore|operatrice|titolo|azienda|importo|"
    # Dutch
    r"voornaam|achternaam|naam|klant|klantnaam|klantnummer|bestelnummer|ordernummer|aanhef|tijd|adres|"
    r"telefoonnummer|medewerker|bedrijf|bedrag|"
    # Portuguese
    r"primeiro|apelido|sobrenome|encomenda|morada|endere[çc]o|telefone|assistente|valor")
# Words that only continue a field name: "[Order No]", "[nombre del cliente]", "[Name des Kunden]".
_TAIL = r"no|nr|num|id|of|the|del|de|des|du|di|do|da|dos|van|der|het|la|le"
_FIELD = rf"(?:{_HEAD})(?:[ _.\-]?(?:{_HEAD}|{_TAIL}))*"
_FIELD_END = r"(?![\w\-])"

PATTERNS = [
    ("double curly braces", re.compile(r"\{\{\s*[\w.\- ]{1,40}\s*\}\}")),
    ("mail-merge tag", re.compile(r"\*\|[A-Z0-9_]{2,30}\|\*")),
    ("dollar variable", re.compile(rf"\$\{{\s*{_FIELD}\s*\}}|\$(?:{_FIELD}){_FIELD_END}", re.I)),
    ("percent signs", re.compile(r"%[A-Za-z][A-Za-z0-9_]{1,30}%")),
    ("square brackets", re.compile(rf"\[\[?\s*{_FIELD}\s*\]\]?", re.I)),
    ("angle brackets", re.compile(rf"<\s*{_FIELD}\s*>", re.I)),
    ("curly braces", re.compile(rf"(?<!\{{)\{{\s*{_FIELD}\s*\}}(?!\}})", re.I)),
    # "your order XXXX", "on XX/XX/XXXX", "£XX.XX": Xs where a number was meant to go.
    ("Xs for a missing number", re.compile(
        r"(?<![\w*•#\-/.])(?:X{4,}|X{2}[/.\-]X{2}[/.\-]X{2,4}|[£$€]\s?X{2,}(?:[.,]X{2})?)(?![\w*•\-/])")),
]

# Windows environment variables a support agent may ask the customer to type ("%APPDATA%\Tallyspan\logs").
_ENV_VARS = {"APPDATA", "LOCALAPPDATA", "USERPROFILE", "PROGRAMDATA", "PROGRAMFILES", "SYSTEMROOT", "WINDIR",
             "TEMP", "TMP", "HOMEPATH", "HOMEDRIVE", "SYSTEMDRIVE", "ALLUSERSPROFILE", "COMSPEC", "PATH",
             "PATHEXT", "COMPUTERNAME", "PUBLIC", "ONEDRIVE", "COMMONPROGRAMFILES"}
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
# A run of Xs next to other mask groups or digits is a masked number: "XXXX XXXX XXXX 4417", "XXXX-1234".
_MASK_AFTER = re.compile(r"[\s\-]*(?:[X*•]{2,}|\d)")
_MASK_BEFORE = re.compile(r"(?:[X*•]{2,}|\d)[\s\-]*$")
# The reply talks *about* the placeholder: "Replace {order_id} with", "type the tag %FIRSTNAME%".
_EXPLAINED_BEFORE = re.compile(
    r"\b(?:replace|type|insert|paste|tag|tags|placeholder|variable|merge\s+field|field|syntax|e\.g\.|"
    r"for\s+example)\s*[:\"'“‘«(]?\s*$", re.I)
_EXPLAINED_AFTER = re.compile(r"^\s*[\"'”’»)]?\s*(?:placeholder|variable|tag|merge\s+(?:tag|field)|field|"
                              r"parameter)s?\b", re.I)


def check(text: str, ctx=None) -> list[Finding]:
    """One finding per distinct placeholder in the company's own text, in reading order."""
    lines = read(text, ctx)
    shown_as_code = _code_tokens(text, lines)
    found: list[Finding] = []
    seen: set[str] = set()
    for ln in lines:
        if ln.kind not in (OWN, FOREIGN) or not ln.prose.strip():
            continue
        hits: list[tuple[int, str, str]] = []
        spans: list[tuple[int, int]] = []
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(ln.prose):
                token = m.group(0)
                # One finding per placeholder: skip matches inside an earlier one.
                if any(m.start() < hi and lo < m.end() for lo, hi in spans):
                    continue
                spans.append(m.span())
                if token in shown_as_code or _harmless(kind, token, ln.prose, m.start(), m.end(), text):
                    continue
                hits.append((m.start(), token, kind))
        for _, token, kind in sorted(hits):
            if token in seen:
                continue
            seen.add(token)
            found.append(Finding(
                CHECK, "major", f"Unreplaced placeholder {token}",
                f"The customer sees template text ({kind}) where their details should be: "
                "the message looks careless and impersonal.",
                snippet(ln.text)))
    return found


def _code_tokens(text: str, lines) -> set[str]:
    """Placeholder-shaped tokens the reply shows as code: it is talking about them, not leaking them."""
    blob = "\n".join([ln.text for ln in lines if ln.text.strip() and not ln.prose.strip()]  # code lines
                     + _INLINE_CODE.findall(text))                                           # `inline code`
    return {m.group(0) for _, pattern in PATTERNS for m in pattern.finditer(blob)}


def _harmless(kind: str, token: str, line: str, start: int, end: int, text: str) -> bool:
    before, after = line[:start], line[end:]
    if kind == "percent signs":
        name = token.strip("%").upper()
        if name in _ENV_VARS or re.match(r"[\\/]", after) or re.search(r"[\\/]$", before):
            return True
    if kind.startswith("Xs") and (_MASK_AFTER.match(after) or _MASK_BEFORE.search(before)):
        return True
    if kind == "angle brackets" and re.search(r"</\s*" + re.escape(token.strip("<> ")) + r"\s*>", text, re.I):
        return True  # an HTML/XML element, not a field
    if kind != "Xs for a missing number" and (_EXPLAINED_BEFORE.search(before) or _EXPLAINED_AFTER.match(after)):
        return True
    return False
