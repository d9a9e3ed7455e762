"""Shared reading of a reply for the checks: which lines the company wrote, which it only quoted.

A reply often carries the customer's own message below it ("> …", "On Tue, Jane Doe wrote:",
Outlook's "From: … Sent: …" block). The customer's words are not the company's fault, so most
checks skip them. A quoted or forwarded block written by someone else (a colleague's "Forwarded
message", "On Tue, Mark <mark@acme.example> wrote:") is the company's own talk and stays in view:
that is where staff chatter leaks. An answer written below the customer's "> " lines (between them, in the
customer's message) is the company's own again, and so is the reply's own "From: … / Subject: …" header above its
greeting to the customer. Code samples (``` fences, indented code, `inline code`) are
blanked so that keywords inside them are not read as prose.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

OWN, QUOTE, FOREIGN = "own", "quote", "foreign"   # company text | customer's quoted text | others' quoted text


@dataclass
class Line:
    no: int          # 0-based line number in the reply
    text: str        # the line as written (for snippets)
    prose: str       # the line with code blanked ("" for a code line)
    kind: str        # OWN | QUOTE | FOREIGN
    signature: bool  # below a "-- " signature delimiter


# Letters that carry no combining mark to strip: Turkish dotless and dotted i ("Yıldız" is written "Yildiz" too),
# Scandinavian ø, Polish ł, the ligatures.
_PLAIN_LETTERS = str.maketrans({"ı": "i", "İ": "I", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D",
                                "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss"})


def fold(s: str) -> str:
    """Lower case without accents: 'Müller' -> 'muller', 'Chère' -> 'chere', 'Yıldız' -> 'yildiz'."""
    if s.isascii():   # most text: nothing to strip, and casefold is lower for ASCII
        return s.lower()
    s = unicodedata.normalize("NFKD", s.translate(_PLAIN_LETTERS))
    if s.isascii():
        return s.lower()
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def snippet(line: str) -> str:
    return line.strip()[:300]


# "On Tue, 4 Mar 2025 at 10:02, Jane Doe <jane@example.com> wrote:" in the languages we check.
_ATTRIBUTION = re.compile(
    r"^\s*(?:on|am|le|el|il|op|em|den|w dniu)\b.{3,240}?\b(?:wrote|schrieb|a écrit|escribió|escribio|ha scritto|"
    r"schreef|escreveu|skrev|napisał)\s*:?\s*$", re.I)
_YOU_WROTE = re.compile(r"^\s*(?:you wrote|sie schrieben|vous avez écrit|usted escribió|hai scritto|u schreef|"
                        r"você escreveu)\s*:\s*$", re.I)
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(?:original message|ursprüngliche nachricht|message d'origine|"
                       r"mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original)\s*-{2,}\s*$",
                       re.I)
_FORWARD = re.compile(r"^\s*(?:-{2,}\s*(?:forwarded message|forwarded message|weitergeleitete nachricht|"
                      r"message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|"
                      r"mensagem encaminhada)\s*-{2,}|begin forwarded message:?)\s*$", re.I)
_HEADER_FROM = re.compile(r"^\s*\**(?:from|von|de|da|van|de)\s*\**\s*:\s*(.+)$", re.I)
# (Portuguese Outlook's "Enviada:", Brazil's "Enviado em:", Dutch "Verstuurd:")
_HEADER_NEXT = re.compile(r"^\s*\**(?:sent|date|gesendet|datum|envoyé|enviad[oa](?:\s+em)?|inviato|verzonden|verstuurd|"
                          r"data|to|an|à|para|a|aan|subject|betreff|objet|asunto|oggetto|onderwerp|assunto)\s*\**\s*:",
                          re.I)
_RULE = re.compile(r"^\s*_{10,}\s*$")
_CODEY = re.compile(r"[{};=]|^\s*(?:def|class|import|from|return|if|for|while|var|let|const|function|#include|"
                    r"curl|SELECT|<\w+)\b|^\s*(?://|#|/\*|\*)")
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")
_DATEWORDS = {"on", "am", "le", "el", "il", "op", "em", "at", "um", "a", "à", "wrote", "schrieb", "mon", "tue",
              "wed", "thu", "fri", "sat", "sun", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
              "sept", "oct", "nov", "dec", "pm", "utc", "gmt"}


def is_mail_header(line: str) -> bool:
    """Whether the line is a mail header of a forwarded or quoted message ("Envoyé : lundi 09:12", "From: Dan")."""
    return bool(_HEADER_FROM.match(line) or _HEADER_NEXT.match(line))


def persona_words(persona: dict) -> set[str]:
    name = fold(str((persona or {}).get("name") or ""))
    return {w for w in re.split(r"[\s\-.,]+", name) if len(w) >= 2}


def _whose(header: str, ctx) -> str:
    """QUOTE when a quoted block's attribution points at the customer (or at nobody we can tell), else FOREIGN."""
    persona = getattr(ctx, "persona", None) or {}
    words = persona_words(persona)
    h = fold(header)
    if not words:
        return QUOTE
    if set(re.findall(r"\w+", h)) & words:
        return QUOTE
    email = fold(str(persona.get("email") or ""))
    token = fold(str(getattr(ctx, "token", "") or ""))
    if (email and email in h) or (token and token in h):
        return QUOTE
    names = [w for w in re.findall(r"[^\W\d_]+", _EMAIL.sub(" ", header))
             if w[0].isupper() and fold(w) not in _DATEWORDS]
    if names or _EMAIL.search(header):
        return FOREIGN
    return QUOTE


# A chat transcript's speaker: "[11:20] Lucas: …", "10:02 - Jane Doe: …", "Jane (14:03): …", "Customer: …",
# "Agent Ana (Acme): …".
_SPEAKER = re.compile(
    r"^\s*(?P<ts>[\[(]?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:am|pm)?[\])]?\s*[-–—]?\s*)?"
    r"(?P<who>[^\W\d][^:\[\]()\n]{0,38}?)\s*(?P<ts2>[(\[]\d{1,2}[:.]\d{2}(?::\d{2})?[)\]])?"
    r"(?:\s*[(\[][^()\[\]\n]{1,30}[)\]])?\s*:\s+\S", re.I)   # "Agent Ana (Acme): …"
# What a transcript calls the customer when not by name.
_CUSTOMER_SPEAKERS = {"customer", "client", "you", "cliente", "kunde", "kundin", "klant", "voce", "tu", "usted",
                      "vous", "sie", "visitor", "visitante", "besucher", "bezoeker", "visiteur", "visitatore",
                      "utente", "user", "utilisateur", "usuario", "utilizador", "gebruiker", "benutzer", "guest"}


def _customer_turns(raw: list[str], ctx) -> set[int]:
    """The lines of a chat transcript the customer wrote: a turn headed by the persona's name (or "Customer",
    "Cliente" …) and the lines after it up to a blank line or the next turn. Only in a transcript: a turn
    with a time, or turns by two speakers ("Jane: your parcel arrives today" alone is an SMS to Jane)."""
    turns = {i: m for i, line in enumerate(raw) if (m := _SPEAKER.match(line)) and not line.lstrip().startswith(">")}
    speakers = {fold(m.group("who")).strip() for m in turns.values()}
    if not turns or not (any(m.group("ts") or m.group("ts2") for m in turns.values()) or len(speakers) >= 2):
        return set()
    customer = persona_words(getattr(ctx, "persona", None) or {}) | _CUSTOMER_SPEAKERS
    theirs: set[int] = set()
    current = False
    for i, line in enumerate(raw):
        if i in turns:
            words = set(re.findall(r"\w+", fold(turns[i].group("who"))))
            current = bool(words) and words <= customer
        elif not line.strip():
            current = False
        if current:
            theirs.add(i)
    return theirs


def read(text: str, ctx=None) -> list[Line]:
    """The reply's lines, each tagged with who wrote it and whether it is prose."""
    raw = text.splitlines()
    customer_turns = _customer_turns(raw, ctx)
    own_header = _own_header(raw, ctx)
    out: list[Line] = []
    state = OWN
    quoted = QUOTE   # whose message the current run of "> " lines is
    marked = False   # the block under the last "On … wrote:" is a run of "> " lines
    fence = False
    signature = False
    i = 0
    while i < len(raw):
        line = raw[i]
        s = line.strip()
        nxt = raw[i + 1] if i + 1 < len(raw) else ""
        if i < own_header:   # the message's own "From: … / Subject: …" above its greeting: no prose
            out.append(Line(i, line, "", OWN, signature))
            i += 1
            continue
        if state != OWN and marked and s and not s.startswith(">"):
            # The "> " lines under "On … wrote:" have ended and the writer goes on below them: an answer written
            # between the lines of the customer's message is the company's own again.
            state, marked = OWN, False
        kind = state
        if s.startswith(("```", "~~~")):
            fence = not fence
            out.append(Line(i, line, "", state, signature))
            i += 1
            continue
        if fence:
            out.append(Line(i, line, "", state, signature))
            i += 1
            continue
        if state == OWN:
            if _FORWARD.match(line):
                state = _header_state(raw, i + 1, ctx, default=FOREIGN)
            elif _ORIGINAL.match(line) or (_RULE.match(line) and _HEADER_FROM.match(nxt)):
                state = _header_state(raw, i + 1, ctx, default=QUOTE)
            elif _HEADER_FROM.match(line) and _HEADER_NEXT.match(nxt):
                state = _header_state(raw, i, ctx, default=QUOTE)
            elif _ATTRIBUTION.match(line) or _YOU_WROTE.match(line):
                state = _whose(line, ctx) if not _YOU_WROTE.match(line) else QUOTE
                marked = _marked_below(raw, i + 1)
            elif re.match(r"^\s*(?:on|am|le|el|il|op|em)\b", line, re.I) and _ATTRIBUTION.match(line + " " + nxt):
                state = _whose(line + " " + nxt, ctx)
                marked = _marked_below(raw, i + 2)
                out.append(Line(i, line, "", state, signature))
                i += 1
                line, s = raw[i], raw[i].strip()
            kind = QUOTE if i in customer_turns else state
        if s == "--" or line == "-- ":
            signature = True
        if s.startswith(">"):
            inner = s.lstrip("> ")
            m = _HEADER_FROM.match(inner)
            if m:  # "> From: Dan (Billing)": whose quoted message this is
                quoted = _whose(m.group(1), ctx)
            elif _ATTRIBUTION.match(inner):
                quoted = _whose(inner, ctx)
            kind = FOREIGN if FOREIGN in (state, quoted) else QUOTE
        else:
            quoted = QUOTE if s else quoted
        prose = _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)
        if kind == OWN and (line.startswith(("    ", "\t")) and _CODEY.search(line)) or _looks_like_code(line):
            prose = ""
        out.append(Line(i, line, prose, kind, signature))
        i += 1
    return out


def _marked_below(raw: list[str], start: int) -> bool:
    """The message under an "On … wrote:" line is quoted with "> " (its first line after any blank is one)."""
    return next((line.strip() for line in raw[start:] if line.strip()), "").startswith(">")


_GREETING_LINE = re.compile(r"^\s*(?:dear|hi|hello|sehr geehrte[rs]?|liebe[rs]?|hallo|guten tag|bonjour|cher|chère|"
                            r"madame|monsieur|hola|estimad[oa]|querid[oa]|gentile|buongiorno|ciao|car[oa]|beste|geachte|"
                            r"hoi|olá|ola|oi|prezad[oa]|bom dia|boa tarde)\b", re.I)


def _own_header(raw: list[str], ctx) -> int:
    """How many lines at the top are the reply's own mail header: a "From: … / Subject: …" block with nothing
    above it and a greeting to the customer below it ("From: Planning Services <…>⏎Subject: RE: …⏎⏎Dear Ms
    Kingsley,"). A message quoted or forwarded stands below something the company wrote, or greets someone else."""
    first = next((i for i, line in enumerate(raw) if line.strip()), None)
    if first is None or not _HEADER_FROM.match(raw[first]) or first + 1 >= len(raw) \
            or not _HEADER_NEXT.match(raw[first + 1]):
        return 0
    end = first + 1
    while end < len(raw) and _HEADER_NEXT.match(raw[end]):
        end += 1
    body = next((line for line in raw[end:] if line.strip()), "")
    words = persona_words(getattr(ctx, "persona", None) or {})
    if not _GREETING_LINE.match(body) or not set(re.findall(r"\w+", fold(body))) & words:
        return 0
    return end


def _looks_like_code(line: str) -> bool:
    s = line.strip()
    # A statement's ";" at the end, with code about it ("x = f(y);", "return 0;"); not a French sentence's " ;"
    # or a sentence that goes on after a semicolon on the next line ("… dans un délai de trente jours;").
    statement = bool(re.search(r"\S;\s*$", s)) and bool(re.search(r"[=(){}\[\]<>]|^(?:return|import|use|break|continue)\b", s))
    return statement or bool(re.search(r"(?:^\s*[{}]\s*$|\)\s*\{\s*$|^\s*(?:def|function|import|#include|const|let|var)\s+\w)", s))


def _header_state(raw: list[str], start: int, ctx, default: str) -> str:
    for line in raw[start: start + 5]:
        m = _HEADER_FROM.match(line)
        if m:
            return _whose(m.group(1), ctx)
    return default


def blank(line: str, spans) -> str:
    """The line with the given (start, end) spans blanked, its length kept."""
    for start, end in spans:
        line = line[:start] + " " * (end - start) + line[end:]
    return line


# A "--" signature delimiter on a line of its own (read() marks the lines below it as the signature).
_SIGNATURE_CUT = re.compile(r"\n[ \t]*--[ \t]*\n")


def above_signature(text: str) -> str:
    """The text above its "--" signature delimiter (all of it when there is none)."""
    return _SIGNATURE_CUT.split(text, maxsplit=1)[0]


def prose_lines(text: str, ctx=None, kinds=(OWN,)) -> list[Line]:
    """Lines of the given kinds that have prose on them."""
    return [ln for ln in read(text, ctx) if ln.kind in kinds and ln.prose.strip()]
