"""Classify an answer: automatic (an acknowledgement, an out-of-office, a notification) or from a person.

Used by the answers pipeline for every channel; returns ``(kind, why)`` with kind ``"auto"`` or ``"human"``
and why in words for the report, naming every piece of evidence used.

Evidence is weighed, because helpdesks put some "automatic" headers on every message they send, their
agents' answers included (README, "Automatic or from a person"):

- a target's own ``replies:`` rules in probes.yaml decide first;
- strong evidence decides alone: RFC 3834 ``Auto-Submitted: auto-replied``, ``X-Autoreply``,
  ``X-Autorespond``, ``Precedence: auto_reply``, a text that says it is automatic or out of office (in its
  first lines, or in the first paragraph after a subject line and a greeting; accents optional, as text gateways drop
  them; an absence told after an answer, "I've updated … I'm on leave from Friday", is only weak), an out-of-office by
  its frame (away for a stretch of dates in its first sentence, and what happens to the mail meanwhile: read on the
  return, not forwarded, a stand-in, whom to ask if urgent, unread, a colleague to write to; not above an amount or
  something done), a queue position or the current wait in minutes, a bot naming itself (or "only" one; its name may wear an emoji), an arrival within the target's ``auto_reply_within_s``, the same text sent to other contacts of
  the run;
- weak evidence counts only together with other evidence: ``Auto-Submitted: auto-generated`` (Zendesk and
  Freshdesk put it on agents' answers too), ``Precedence: bulk|list|junk`` (RT puts it on every message),
  ``X-Loop``, an acknowledgement's wording ("we have received your request"), a ticket made or its status
  changed, a ticket or chat closed ("Ihr Ticket … wurde geschlossen", in a text nobody speaks in; the answers a
  satisfaction survey offers, "Good, I'm satisfied", are nobody speaking), a ticket reference in a text with no answer
  in it, "do not reply" (weakest in the footer of a person's answer, where helpdesks put it too), a no-reply sender;
  a text that says it is automatic further down, where nobody says "I" or signs by name (0.75: one more sign
  decides); every agent busy, the next free agent, closed now, an answer on reopening (a chat's queue, an out-of-hours notice) in a text nobody speaks in;
  nobody in now ("Wir sind gerade nicht am Handy") beside the opening hours or an answer as soon as possible, in a text
  nobody speaks in that says nothing else (an away message: WhatsApp Business's, a chat's);
  a person's answer (a name under the closing, "I", an amount, something done about the request) makes the
  acknowledgement no sign at all. The customer's quoted message ("> …", "On … wrote:", "Your original
  message:", the oldest entry of a helpdesk's thread) is not the company's text and is left out;
- a notice's words in quotation marks ('Sorry about the "This is an automated response" email'), or named as one the
  reader received or a colleague's absence set off ("Sie haben … eine Abwesenheitsnotiz erhalten"), are a person
  speaking of another message: no evidence;
- ``X-Auto-Response-Suppress`` is no evidence: Exchange, Outlook and helpdesks put it on ordinary mail
  to ask *others* not to auto-reply.
"""
from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from dataclasses import dataclass
from email.utils import parseaddr

from ..checks import language, machine
from ..checks._text import above_signature
from ..ledger import Ledger

STRONG, WEAK, WEAKEST = 1.0, 0.5, 0.25   # automatic when the weights add up to STRONG


@dataclass(frozen=True)
class Evidence:
    """One sign of automation and its weight; ``said`` is how the report names it."""

    weight: float
    said: str


def _bare(c: str) -> str:
    """The letter without its accent ("é" -> "e"), or "" for a character that has none."""
    d = unicodedata.normalize("NFD", c)
    return d[0] if len(d) > 1 and d[0].isalpha() else ""


def _accents_optional(pattern: str) -> str:
    """The pattern with every accented letter of a word also matching it without its accent: text messages often come
    through gateways that drop them ("Ceci est un SMS automatique, merci de ne pas y repondre", "Este numero nao
    recebe respostas"). A letter standing alone as a word ("è", "é", "à") keeps its accent: without it, it is
    another word ("e" is "and")."""
    out, i, in_class, negated = [], 0, False, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i:i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            out.append(c if negated else c + _bare(c))   # "[^é]" must not leave "e" out too
        elif c == "[":
            in_class, negated = True, pattern[i + 1:i + 2] == "^"
            out.append(c)
            if negated:
                out.append("^")
                i += 1
            if pattern[i + 1:i + 2] == "]":   # "[]…]", "[^]…]": a bracket first in the class is a member
                out.append("]")
                i += 1
        elif (b := _bare(c)) and (pattern[i - 1:i].isalpha() or pattern[i + 1:i + 2].isalpha()):
            out.append(f"[{c}{b}]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _words(*patterns: str) -> re.Pattern:
    return re.compile(_accents_optional("|".join(f"(?:{p})" for p in patterns)), re.I)


_ANY = r"(?:a|an|une?|eine?|una?|uma?|een)"


def _label(phrase: str) -> str:
    """A bare phrase ("réponse automatique") as a label at the start of a line, or said of the message itself
    ("… is an automatic reply"), never a mention of another message ("sorry for the automatic reply you got")."""
    # (nor one denied: "te escribo yo personalmente, no es una respuesta automática", "ce n'est pas une réponse
    # automatique", "non è una risposta automatica")
    return (rf"(?:(?:^|\n)[ \t]*|(?<!\bno )(?<!\bnon )(?<!\bnão )(?<!\bnao )(?<!n['’])\b(?:is|est|ist|es|è|é) {_ANY} )"
            rf"{phrase}\b")
# The text says it was sent by a machine (en, de, fr, es, it, nl, pt).
SAYS_AUTOMATIC = _words(
    # "this is an automated response", "this is an automatic email notification" (not "this is an automated system
    # we use", which speaks of a tool)
    r"\bthis is an? (?:(?:automated|automatic|auto-?generated|automatically generated|system[- ]generated)(?: \w+)? "
    r"(?:reply|response|message|e-?mail|mail|notification|acknowledge?ment|notice|sms|text|answer|confirmation|"
    r"receipt|alert|update|reminder|check|verification|call|survey)|auto[- ]?reply|autoreply|system (?:notification|message))\b",
    r"\bthis (?:message|e-?mail|mail|reply|response|notification|acknowledge?ment) (?:was|has been|is) "
    r"(?:\w+ )?(?:sent|generated|created) automatically\b",
    r"\b(?:this|the) (?:message|e-?mail|reply|response|notification|letter|statement) (?:was|has been|is) automatically "
    r"(?:generated|sent|created)\b",
    r"\b(?:has|have) been automatically generated\b",
    _label(r"automatic (?:reply|response|acknowledge?ment)"),
    r"\bauto-?(?:reply|response)\s*:",
    # (or any notice's name: "Dies ist eine automatische Bestätigung", "… Erinnerung")
    r"\bdies ist eine (?:automatische|systemgenerierte|system-generierte|computergenerierte) (?:antwort|nachricht|e-?mail|"
    r"benachrichtigung|(?:eingangs|empfangs)?bestätigung|sms|"
    r"mitteilung|erinnerung|meldung)\b",
    # "dies ist eine automatisch erstellte Eingangsbestätigung": the adverb before any noun
    r"\bdies ist eine? (?:automatisch|maschinell) (?:erstellte|generierte|erzeugte|versandte|versendete|verschickte|gesendete)[rs]? "
    r"\w+",
    r"\b(?:automatisch|maschinell) (?:erstellte|generierte|erzeugte|versandte|versendete|verschickte) (?:nachricht|e-?mail|"
    r"antwort|schreiben|bestätigung|"
    r"benachrichtigung|sms)\b",
    # ("maschinell erstellt": a machine's letter, "… und ist ohne Unterschrift gültig")
    r"\bdiese[sr]? (?:nachricht|e-?mail|antwort|benachrichtigung|bestätigung|sms|schreiben|brief) (?:wurde|wird|ist) "
    r"(?:automatisch|maschinell) "
    r"(?:erstellt|generiert|erzeugt|versandt|versendet|verschickt|gesendet)\b",
    _label(r"automatische antwort"),
    # an acknowledgement headed by its name (round dj): "Automatische Eingangsbestätigung", "Accusé de réception
    # automatique", "Acuse de recibo automático", "Automatische ontvangstbevestiging"
    _label(r"automatische (?:eingangs|empfangs)?bestätigung"),
    _label(r"accusé de réception automatique"),
    _label(r"(?:acuse de recibo|confirmación de recepción) automátic[oa]"),
    _label(r"conferma (?:di ricezione )?automatica"),
    _label(r"automatische (?:ontvangst)?bevestiging"),
    _label(r"(?:confirmação de rece[çc][ãa]o|aviso de rece[çc][ãa]o) automátic[oa]"),
    _label(r"automatic (?:acknowledge?ment|confirmation) of receipt"),
    # (an automatic text message too: "Ceci est un SMS automatique", "Questo è un SMS automatico")
    r"\b(?:ceci est|il s'agit d'|c'est) une? (?:réponse|message|e-?mail|courriel|accusé de réception|sms|texto|"
    r"confirmation|rappel|notification|communication) automatique\b",
    r"\b(?:ce|cet) (?:message|e-?mail|courriel) (?:a été|est) (?:généré|envoyé) automatiquement\b",
    _label(r"réponse automatique"),
    r"\b(?:esta|este) es (?:una|un) (?:respuesta|mensaje|correo(?: electrónico)?|sms|aviso|notificación|confirmación|"
    r"recordatorio|comunicación) autom[aá]tic[oa]\b",
    r"\b(?:este|el presente) (?:mensaje|correo|sms|aviso) (?:ha sido|fue|se ha) (?:generado|enviado) "
    r"(?:autom[aá]ticamente|de (?:forma|manera) autom[aá]tica)\b",
    _label(r"respuesta automática"),
    r"\bquesta è una (?:risposta|conferma|notifica|comunicazione|e-?mail|mail) automatica\b|\bquesto è un promemoria automatico\b",
    r"\bquesto è un (?:messaggio|e-?mail|sms) automatico\b",
    r"\b(?:messaggio|e-?mail) (?:generat[oa]|inviat[oa]) automaticamente\b",
    _label(r"risposta automatica"),
    r"\bdit is een automatisch(?: gegenereerd| verzonden)? (?:antwoord|bericht|e-?mail|ontvangstbevestiging)\b",
    r"\bdit is een automatische (?:sms|melding|e-?mail|mail|reactie|bevestiging|herinnering|mededeling)\b",
    # a text message's own label, cut short: "… 10 dias uteis. Msg automatica, nao responda."
    r"(?:^|[.!?]\s+)(?:msg|sms) autom[aá]tic[oa]\b",
    r"\bautomatisch (?:gegenereerd|verzonden) (?:bericht|e-?mail|antwoord)\b",
    # "Dit is een automatisch gegenereerde bevestiging": the adverb and participle before any noun, as in German
    r"\bdit is een (?:automatisch|machinaal) (?:gegenereerde?|verzonden|verstuurde?|aangemaakte?|opgestelde?) \w+",
    _label(r"automatisch antwoord"),
    r"\b(?:esta|este) é (?:uma|um) (?:resposta|mensagem|e-?mail|sms|aviso|notificação|confirmação|lembrete|comunicação) "
    r"autom[aá]tic[oa]\b",
    r"\b(?:mensagem|e-?mail|sms) (?:gerad[oa]|enviad[oa]) (?:automaticamente|de forma autom[aá]tica)\b",
    _label(r"resposta automática"),
    # "This message is automatic / was generated automatically", with the verb between, in every language.
    r"\bthis (?:message|e-?mail|mail|notification|sms|text|letter|statement|document) (?:is|was) (?:automated|"
    r"automatic|auto-?generated|system-generated)\b",
    r"\b(?:ce|cet|cette) (?:message|e-?mail|mail|courriel|sms|courrier|lettre|document) (?:(?:a été |est )?"
    r"(?:généré|envoyé|édité|établi)e? (?:automatiquement|de (?:façon|manière) automatique)|est automatique)\b",
    r"\b(?:este|esta) (?:mensaje|correo(?: electrónico)?|e-?mail|sms|carta|documento|escrito) (?:es autom[aá]tic[oa]|"
    r"(?:ha sido |fue |se ha |se )?(?:generad[oa]|enviad[oa]) (?:autom[aá]ticamente|de (?:forma|manera) autom[aá]tica))\b",
    r"\b(?:questo|questa|il presente|la presente) (?:messaggio|e-?mail|mail|sms|lettera|comunicazione|documento) (?:è automatic[oa]|"
    r"(?:è stat[oa] |è )?(?:generat[oa]|inviat[oa]) (?:automaticamente|in modo automatico|in automatico))\b",
    r"\b(?:dit|deze) (?:bericht|e-?mailbericht|e-?mail|sms|brief|document) is automatisch (?:gegenereerd|verzonden|"
    r"verstuurd|aangemaakt)\b",
    r"\b(?:esta|este) (?:mensagem|e-?mail|sms|carta|documento) (?:é autom[aá]tic[oa]|(?:foi )?(?:gerad[oa]|enviad[oa]) "
    r"(?:automaticamente|"
    r"de forma autom[aá]tica))\b",
    # "is a message generated automatically", the noun, its participle and the adverb in a row after "is a", in every
    # language: "Este es un mensaje generado automáticamente", "Ceci est un courriel envoyé automatiquement",
    # "Dies ist eine Nachricht, die automatisch erstellt wurde" is not this shape (the verb last): see above.
    r"\b(?:is|est|ist|es|è|é) (?:a|an|une?|eine?|una?|uma?|een) (?:message|e-?mail|mail|notification|reply|response|"
    r"text|sms|nachricht|benachrichtigung|antwort|mitteilung|courriel|réponse|mensaje|correo(?: electrónico)?|"
    r"respuesta|notificación|aviso|messaggio|risposta|notifica|comunicazione|bericht|antwoord|melding|mensagem|"
    r"resposta|notificação) (?:generated|sent|created|generiert|erstellt|erzeugt|versandt|versendet|gesendet|"
    r"g[ée]n[ée]r[ée]e?|envoy[ée]e?|cr[ée]{2}e?|generad[oa]|enviad[oa]|cread[oa]|generat[oa]|inviat[oa]|creat[oa]|"
    r"gegenereerd|verzonden|verstuurd|aangemaakt|gerad[oa]|criad[oa]) (?:automatically|automatisch|"
    r"automatiquement|autom[áa]ticamente|automaticamente|de (?:forma|manera|façon|manière) autom[áa]tic[ao]|"
    r"in modo automatico|in automatico|de forma automática)\b",
    # A label that announces the message, at the start of a line: "Automated message: …", "Mensaje automático: …".
    # (its sender may follow: "Mensaje automático de Clínica Dental Sonrisa: le recordamos …")
    r"(?:^|\n)[ \t]*(?:(?:automated|automatic|system) (?:message|notification|reply|response)|automatische (?:nachricht|"
    r"benachrichtigung)|message automatique|mensaje automático|messaggio automatico|automatisch bericht|mensagem "
    r"automática)(?:[ \t]+(?:from|von|der|des|de|du|del|di|della|dello|van|do|da|dos)[ \t]+[^\n:.!?]{1,40})?[ \t]*:",
    # The same label standing as a sentence of its own, anywhere: "… o NO para anular. Mensaje automático.",
    # "(automated message)", "SMS automatique – ne pas répondre" (not "sorry about the automatic reply you got").
    # (a bot's emoji may stand before it: "… del primo giorno lavorativo utile. 🤖 Messaggio automatico")
    r"\b(?:(?<![\s\S])|(?<=[.!?)][ \t])|(?<=[\n(])|(?<=[.!?)\n][ \t][\U0001F300-\U0001FAFF\u2600-\u27BF][ \t])|"
    r"(?<=[.!?)\n][ \t][\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f[ \t])|(?<=^[\U0001F300-\U0001FAFF\u2600-\u27BF][ \t]))"
    r"(?:(?:an? )?(?:automated|automatic|auto-?generated|system-generated) "
    r"(?:message|notification|reply|response|text|sms|e-?mail|alert|reminder)|automatische (?:nachricht|"
    r"benachrichtigung|e-?mail|sms|antwort|mitteilung)|automatisch (?:erstellte|generierte|versendete) (?:nachricht|"
    r"e-?mail|sms)|(?:message|sms|e-?mail|courriel|notification) automatique|(?:mensaje|sms|correo|aviso|"
    r"notificación) automático|(?:messaggio|sms|avviso|e-?mail|notifica) automatic[oa]|automatisch (?:bericht|"
    r"gegenereerd bericht|verzonden bericht)|automatische (?:sms|e-?mail|melding)|(?:mensagem|sms|notificação|aviso) "
    r"automátic[oa]|(?:mensagem|mensaje|messaggio|message|e-?mail|sms) (?:gerad[oa]|generad[oa]|generat[oa]|généré|"
    r"enviad[oa]|inviat[oa]|envoyé) (?:automaticamente|autom[aá]ticamente|automatiquement))"
    r"(?=[ \t]*(?:[.!,;:)–—-]|\n|$))",
)
# Out of office.
SAYS_AWAY = _words(
    r"^\s*out of (?:the )?office\b",
    r"\bout[- ]of[- ]office (?:reply|message|notice|auto-?reply)\b",
    r"\bI(?: am|'?m|’m) (?:currently |now )?(?:out of (?:the )?office|away from (?:the|my) (?:office|desk)|on (?:annual |parental |"
    r"sick )?leave|on (?:vacation|holiday))\b",
    r"\bI will be (?:out of the office|away|on leave)\b(?! for)",
    r"\babwesenheitsnotiz\b",
    r"\b(?:ich bin|bin ich) (?:derzeit |zurzeit |momentan |bis [^\n]{1,30}?)?(?:nicht im büro|abwesend|"
    r"im urlaub|außer haus)\b",
    r"\bje suis (?:actuellement |absent[e]? )?(?:absente?|en congés?|en vacances)\b",
    r"\bje serai (?:absente?|en congés?|en vacances)\b",
    r"\bI(?: am|'?m|’m) (?:currently )?away (?:until|till)\b",
    r"\b(?:ich bin|bin ich|bin) ab [^\n]{1,30}? wieder (?:für (?:sie|dich|euch) )?(?:im büro|erreichbar|da)\b",
    # on holiday in the first person, any verb: "ich genieße gerade ein paar Tage Urlaub", "ik ben t/m 9 mei afwezig"
    r"\bich (?:genieße|mache|verbringe) (?:gerade |derzeit |zurzeit |momentan |noch )?(?:(?:ein paar|einige|zwei|drei|"
    r"vier|\d+|meine[nm]?|den) )?(?:(?:tage|wochen) )?(?:urlaub|ferien)\b",
    r"\bestaré (?:fuera de la oficina|de vacaciones|ausente)\b",
    r"\bsarò (?:fuori (?:ufficio|sede)|in ferie|assente)\b",
    r"\bik ben vanaf [^\n]{1,30}? weer (?:op kantoor|aanwezig|bereikbaar)\b",
    r"\bestarei (?:fora do escritório|de férias|ausente)\b",
    # Away with little or no e-mail: what an out-of-office says.
    r"\b(?:with|have|I have|I'll have|I will have) (?:only )?(?:limited|no) access to (?:my )?e-?mails?\b",
    r"\b(?:nur )?eingeschränkt erreichbar\b|\bkeinen zugriff auf (?:meine )?e-?mails\b",
    r"\b(?:un )?accès limité à (?:mes|ma) (?:e-?mails|messagerie|courriels)\b|\bsans accès à (?:mes|ma) "
    r"(?:e-?mails|messagerie|courriels)\b",
    r"\b(?:con )?acceso limitado al correo\b|\bsin acceso al correo\b",
    r"\b(?:con )?accesso limitato alla (?:posta|e-?mail)\b",
    r"\bbeperkt bereikbaar\b|\bbeperkt toegang tot (?:mijn )?e-?mail\b",
    r"\b(?:com )?acesso limitado ao e-?mail\b",
    r"\babsente? du bureau\b",
    r"\b(?:estoy|me encuentro) (?:actualmente )?(?:fuera de la oficina|de vacaciones|ausente)\b",
    r"\bsono (?:attualmente )?(?:fuori (?:ufficio|sede)|in ferie|assente)\b",
    r"\bik ben (?:momenteel |(?:tot|t/m|tot en met|van|vanaf) [^.\n]{1,30}?)?(?:afwezig|niet op kantoor|met vakantie|"
    r"op vakantie|met (?:\w+)?verlof)\b",
    # parental or other leave, said in the first person: "ich bin bis Ende März in Elternzeit", "estoy de baja hasta
    # el lunes", "sono in congedo fino al 3", "estou de licença até sexta"
    r"\b(?:ich bin|bin ich) (?:derzeit |zurzeit |momentan |bis [^\n]{1,30}? )?in (?:elternzeit|mutterschutz|"
    r"karenz)\b",
    r"\b(?:estoy|me encuentro) (?:actualmente )?de (?:baja|permiso)\b",
    r"\bsono (?:attualmente )?in (?:congedo|maternità|malattia)\b",
    r"\b(?:estou|encontro-me) (?:atualmente )?de (?:licença|baixa)\b",
    r"\b(?:I(?:'m| am) not (?:reading|checking) (?:my )?e-?mails?|ich lese (?:meine )?e-?mails? nicht|"
    r"je ne (?:lis|consulte) pas (?:mes )?(?:e-?mails|courriels|messages)|no (?:leo|reviso) (?:el |mi )?correo|"
    r"non (?:leggo|controllo) (?:la )?(?:posta|e-?mail)|(?:ik )?lees (?:mijn )?(?:e-?)?mail niet|"
    r"não (?:leio|consulto) (?:o )?e-?mail)\b",
    r"\b(?:estou|encontro-me) (?:atualmente )?(?:fora do escritório|de férias|ausente)\b",
)
# An out-of-office notice told by its frame rather than its words: someone away for a stretch of dates, said in the
# first person at the top ("Ich bin vom 03.06. bis einschließlich 14.06. nicht im Dienst", "I'm on a training course
# from 3 to 14 June", "Estaré fuera del 3 al 14 de junio"), and what happens to the mail meanwhile: read on the
# return, not forwarded, a stand-in, whom to ask in urgent cases. Each half alone a person may write too.
_MONTH = (r"(?:jan|feb|f[ée]v|mar|m[äa]r|maa|apr|avr|abr|ma[iy]|mag|mei|jun|jui|giu|jul|lug|aug|ao[ûu]|ago|sep|set|"
          r"o[ck]t|ott|out|nov|de[cz]|d[ée]c|dic)[^\W\d_]*\.?")
_DAY = (r"(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|"
        r"mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|luned[ìi]|"
        r"marted[ìi]|mercoled[ìi]|gioved[ìi]|venerd[ìi]|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|"
        r"segunda|ter[çc]a|quarta|quinta|sexta)[^\W\d_]*,?")
# A date a reader can place: a day and a month ("14.06.", "3 March", "June 3rd", "3 de junio"), or a weekday; a bare
# day number only opens a range whose end is one ("from 3 to 7 March"), never "from 9 to 5".
_FULL_DATE = (rf"(?:(?:{_DAY}\s+)?(?:\d{{1,2}}[./-]\d{{1,2}}(?:[./-]\d{{2,4}})?\.?|\d{{1,2}}(?:st|nd|rd|th|er|e|º|ª|\.)?"
              rf"\s+(?:de\s+)?{_MONTH}(?:\s+(?:de\s+)?\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)|"
              rf"{_DAY})")
_DATE = rf"(?:{_FULL_DATE}|\d{{1,2}}(?:st|nd|rd|th|er|e|º|ª|\.)?)"
_UNTIL = (r"(?:to|until|till|through|thru|[-–—]|bis(?:\s+(?:einschlie(?:ß|ss)lich|einschl\.|zum|zur))?|au|al|a|"
          r"tot(?:\s+en\s+met)?|t/m|at[ée]|ao|and|und|et|y|e|en|jusqu['’]au|hasta(?:\s+el)?|fino\s+al)")
_ABSENCE_WINDOW = (rf"(?:(?:from|vom|von|du|del|dal|van|de|desde|d[èe]s|between|zwischen|entre|tra|tussen)\s+"
                   rf"(?:the\s+|dem\s+|le\s+|el\s+|il\s+|l['’]|o\s+|dia\s+)?{_DATE}\s*{_UNTIL}\s+"
                   rf"(?:the\s+|dem\s+|zum\s+|le\s+|el\s+|il\s+|l['’]|o\s+|dia\s+)?(?:einschlie(?:ß|ss)lich\s+|"
                   rf"inclusive\s+)?{_FULL_DATE}|(?:until|till|through|bis(?:\s+(?:einschlie(?:ß|ss)lich|einschl\.|zum|zur))?|"
                   rf"jusqu['’](?:au|à)|hasta(?:\s+el)?|fino\s+al|tot(?:\s+en\s+met)?|t/m|at[ée](?:\s+(?:dia|ao))?)\s+"
                   rf"(?:the\s+|einschlie(?:ß|ss)lich\s+|inclusive\s+)?{_FULL_DATE})")
_ME_AWAY = (r"(?:\bI(?:['’]m| am| will be|['’]ll be| shall be)|\b(?:ich bin|bin ich|ich werde|je suis|je serai|"
            r"estoy|estar[ée]|me encuentro|sono|sar[òo]|mi trovo|ik ben|ben ik|estou|estarei|encontro-me|vou estar)\b|"
            # or the whole office: "Das Sekretariat des Goethe-Gymnasiums ist in den Herbstferien bis … nicht besetzt"
            r"\b(?:the|our|das|unser|le|notre|el|nuestr[ao]|la|il|nostr[ao]|lo|het|ons|onze|o|a|noss[ao])\s+"
            r"(?:office|team|secretariat|reception|practice|sekretariat|büro|team|praxis|kanzlei|empfang|secrétariat|bureau|"
            r"cabinet|accueil|oficina|secretar[íi]a|despacho|recepci[óo]n|ufficio|segreteria|studio|kantoor|secretariaat|"
            r"praktijk|receptie|escrit[óo]rio|secretaria|recep[çc][ãa]o)\b[^.!?\n]{0,60}?\b(?:is|will\s+be|ist|bleibt|"
            r"wird|est|sera|reste|est[áa]|estar[áa]|permanece(?:r[áa])?|[èe]|sar[àa]|rimane|rimarr[àa]|blijft|zal|"
            r"fica|ficar[áa])\b)")
# In one sentence (a date's dots do not end it): "I'm away … from 3 to 14 June", "vom 3. bis 14. Juni bin ich …".
_SAME_SENTENCE = r"(?:[^.!?\n]|\.(?=\s?\d)|(?<=\d)\.|(?<=\b\w)\.|(?<=\b\w\w)\.(?=\s+\d))"
SAYS_AWAY_FOR = re.compile(rf"{_ME_AWAY}{_SAME_SENTENCE}{{0,80}}?\b{_ABSENCE_WINDOW}|"
                           rf"\b{_ABSENCE_WINDOW}{_SAME_SENTENCE}{{0,40}}?{_ME_AWAY}", re.I)
# Said of being there, not away ("I'm in the office from 3 to 5 June", "ich bin vom 3. bis 5. Juni erreichbar"), unless
# negated ("nicht erreichbar", "not available").
_THERE = re.compile(r"\b(?:available|in the office|at my desk|here|around|erreichbar|im b[üu]ro|im dienst|da|anwesend|"
                    r"open|ge[öo]ffnet|besetzt|ouverte?|abiert[oa]|apert[oa]|geopend|abert[oa]|"
                    r"disponible|pr[ée]sente?|au bureau|en la oficina|disponibile|in ufficio|bereikbaar|aanwezig|"
                    r"op kantoor|dispon[íi]vel|no escrit[óo]rio)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|n['’]t|nicht|kein\w*|pas|no|non|niet|geen|n[ãa]o|nem)\b", re.I)


_THANKS_FIRST = re.compile(r"^\W*(?:(?:many |thank you|thanks)|(?:vielen |herzlichen )?dank|merci|(?:muchas )?gracias|grazie|"
                           r"la ringrazio|ti ringrazio|(?:hartelijk )?(?:dank|bedankt)|(?:muito )?obrigad[oa])", re.I)


def _lead(text: str) -> str:
    """The first sentence of a passage, or the first two when the first thanks for the message, as one line (a
    date's dots end no sentence): where a notice says what it is, before any answer."""
    sentences = re.split(r"(?<=[^\W\d_]{2})[.!?]\s+(?=[A-ZÀ-Þ])", _quote(text))
    return " ".join(sentences[:2] if _THANKS_FIRST.match(sentences[0]) else sentences[:1])


# An absence that starts tomorrow or next week, not already begun ("ab morgen", "à partir de demain", "vanaf
# morgen", "from next week"); not a return ("ab morgen wieder im Büro", "back from tomorrow").
_STARTS_LATER = re.compile(
    r"\b(?:from|starting|as\s+of|ab|von|vanaf|per|à\s+partir\s+de|dès|desde|a\s+partir\s+de|da|a\s+partire\s+da)\s+"
    r"(?:tomorrow|morgen|demain|mañana|domani|amanhã|next\s+week|nächster\s+woche|volgende\s+week|la\s+semaine\s+"
    r"prochaine|la\s+semana\s+que\s+viene|la\s+próxima\s+semana|la\s+prossima\s+settimana|a\s+próxima\s+semana)\b|"
    # written before going: "ti scrivo prima di andare in ferie", "before I go on leave"
    r"\b(?:before\s+I\s+(?:go|leave)\s+(?:on|for)\s+(?:leave|holiday|vacation)|prima\s+di\s+andare\s+in\s+(?:ferie|vacanza)|"
    r"avant\s+(?:de\s+partir|mon\s+départ)\s+en\s+(?:congés?|vacances)|antes\s+de\s+irme\s+de\s+vacaciones|"
    r"bevor\s+ich\s+in\s+(?:den\s+)?urlaub\s+gehe|voordat\s+ik\s+op\s+vakantie\s+ga|antes\s+de\s+(?:ir|sair)\s+de\s+férias)\b|"
    r"\b(?:tomorrow|morgen|demain|mañana|domani|amanhã)\s+(?:I(?:['’]m|\s+am|\s+will\s+be)|bin\s+ich|ben\s+ik|je\s+serai|"
    r"estaré|sarò|estarei)\b", re.I)
_BACK = re.compile(r"\b(?:back|return\w*|wieder|weer|terug|de\s+retour|de\s+vuelta|di\s+nuovo|de\s+volta|rientr\w*|"
                   r"regres\w*|zurück)\b", re.I)


def _starts_later(m: re.Match) -> bool:
    """The absence said in m's sentence begins tomorrow or next week: its writer is at work now."""
    text = m.string
    start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0]
    sentence = text[start:min(ends) if ends else len(text)]
    return bool(_STARTS_LATER.search(sentence)) and not _BACK.search(sentence)


def _there(m: re.Match) -> bool:
    """The sentence of an absence window says the writer is there, not away ("ich bin vom 3. bis 5. Juni erreichbar")."""
    rest = re.match(rf"{_SAME_SENTENCE}*", m.string[m.end():])
    sentence = m.group(0) + (rest.group(0) if rest else "")
    return bool(_THERE.search(sentence)) and not _NEGATED.search(sentence)


MAIL_MEANWHILE = _words(
    # read or answered on the return
    r"\b(?:after|upon|on|following) my return\b|\bwhen I(?:['’]m| am| get) back\b|\bnach meiner r[üu]ckkehr\b|"
    r"\bwenn ich (?:wieder )?zur[üu]ck bin\b|\b(?:à|dès) mon retour\b|\ba mi (?:regreso|vuelta|retorno)\b|"
    r"\bcuando (?:vuelva|regrese)\b|\bal mio (?:rientro|ritorno)\b|\b(?:quando|appena) (?:rientro|rientrer[òo]|torno|"
    r"torner[òo])\b|\bna mijn terugkeer\b|\bbij (?:mijn )?terugkomst\b|\b(?:após|depois d)o? ?(?:meu )?(?:regresso|"
    r"retorno)\b|\bno meu regresso\b|\bquando (?:regressar|voltar)\b",
    # the mail is not forwarded
    r"\b(?:will|won['’]t|will not|is not|isn['’]t) (?:be )?(?:automatically )?forwarded\b|"
    r"\b(?:wird|werden) (?:nicht )?(?:automatisch )?weitergeleitet\b|\bne (?:sera|seront) pas (?:transf[ée]r|transmis)|"
    r"\bno (?:ser[áa]n?|se) (?:reenvi|remit)|\bnon (?:verr(?:à|anno)|sar(?:à|anno)) inoltrat|"
    r"\b(?:wordt|worden) niet (?:doorgestuurd|doorgezonden)\b|\bn[ãa]o (?:ser[áa]|ser[ãa]o) (?:reencaminhad|reenviad)",
    # who stands in
    r"\b(?:my (?:deputy|stand-in|cover)|standing in for me|covering for me|in my absence)\b|"
    r"\b(?:meine|meinen|meiner) (?:vertretung|vertreter(?:in)?)\b|\bvertritt mich\b|"
    r"\bin meiner abwesenheit\b|\b(?:mon|ma) (?:rempla[çc]ant|suppl[ée]ant)e?\b|\ben mon absence\b|"
    r"\b(?:mi|mis) (?:sustitut[oa]|suplente)s?\b|\ben mi ausencia\b|\b(?:il mio|la mia) sostitut[oa]\b|"
    r"\b(?:in|durante la) mia assenza\b|\bmijn vervang(?:er|ster)\b|\btijdens mijn afwezigheid\b|"
    r"\b(?:o meu|a minha) substitut[oa]\b|"
    r"\b(?:na|durante a) minha aus[êe]ncia\b",
    # whom to ask in urgent cases
    r"\b(?:in|for) (?:urgent|pressing) (?:cases|matters|enquiries|inquiries|queries)\b|\bif (?:it|your \w+) is urgent\b|"
    r"\bin (?:dringenden|eiligen) (?:f[äa]llen|angelegenheiten)\b|\ben cas d['’]urgence\b|\bpour toute urgence\b|"
    r"\ben caso de urgencia\b|\bpara (?:asuntos|temas|consultas) urgentes\b|\bper (?:urgenze|questioni urgenti|"
    r"casi urgenti)\b|\bin caso di urgenza\b|\bin dringende gevallen\b|\bvoor dringende (?:zaken|vragen)\b|"
    r"\bem caso de urg[êe]ncia\b|\bpara assuntos urgentes\b",
    # the mail unread meanwhile: "I won't be able to check my email", "no podré atender el correo con regularidad"
    r"\b(?:won['’]t|will not|shall not|can(?:['’]t|not)|am unable to|will be unable to) (?:be able to )?(?:check|read|"
    r"answer|reply to|respond to|attend to|access|deal with|monitor) (?:my |your |any |e-?mails? )?e-?mails?\b|"
    r"\b(?:ich kann|kann ich|ich werde|werde ich|kann|werde) (?:meine |ihre |die )?e-?mails? (?:\w+ ){0,2}?(?:nicht|kaum|"
    r"nur (?:eingeschränkt|unregelmäßig|sporadisch|selten)|unregelmäßig) (?:regelmäßig )?(?:lesen|abrufen|beantworten|"
    r"bearbeiten)\b|"
    r"\bje ne (?:pourrai|peux|serai) pas (?:en mesure de )?(?:consulter|lire|traiter|relever|répondre à) (?:mes |vos |les )?"
    r"(?:e-?mails|courriels|messages|mails)\b|"
    r"\bno (?:podré|puedo|voy a poder) (?:atender|consultar|revisar|leer|contestar|responder) (?:el|mi|los|mis|sus) "
    r"(?:correos?|e-?mails?|mensajes)\b|"
    r"\bnon (?:potrò|posso|sarò in grado di) (?:leggere|controllare|consultare|gestire|rispondere alle?) (?:la |le |mie )?"
    r"(?:posta|e-?mails?|mail|messaggi)\b|"
    r"\b(?:kan|zal) ik (?:mijn |uw |de )?(?:e-?mail|mail|berichten) (?:niet|beperkt|nauwelijks) (?:lezen|beantwoorden|"
    r"bekijken|bijhouden)\b|\bik (?:kan|zal) (?:mijn |de )?(?:e-?mail|mail|berichten) (?:niet|nauwelijks) (?:lezen|"
    r"beantwoorden|bekijken|bijhouden)\b|"
    r"\bnão (?:poderei|posso|vou poder|conseguirei) (?:consultar|ler|responder a|atender|verificar) (?:o |os |meu |meus |"
    r"o meu |os meus )?(?:e-?mails?|correio|mensagens)\b",
    # … said in the present or as what the writer is doing: "will not be reading my e-mail", "lees in die periode mijn
    # e-mail niet", "lese in dieser Zeit keine E-Mails", "je ne consulte pas mes e-mails pendant cette période", "no leo
    # el correo estos días", "non leggo la posta in questo periodo", "não leio o e-mail durante este período"
    r"\b(?:will not|won['’]t|am not|['’]m not|shall not) be (?:reading|checking|answering|monitoring|replying to) "
    r"(?:my |any |e-?mails? )?e-?mails?\b|"
    r"\b(?:lees|beantwoord|bekijk)(?: \w+){0,3}? (?:mijn |de )?(?:e-?mail|mail|berichten) niet\b|"
    r"\b(?:lees|beantwoord|bekijk)(?: \w+){0,3}? geen (?:e-?mail|mail|berichten)\b|"
    r"\b(?:lese|beantworte|bearbeite|lese ich|beantworte ich)(?: \w+){0,3}? (?:keine e-?mails|(?:meine |die )?e-?mails?"
    r"(?: \w+){0,3}? nicht)\b|"
    r"\bje ne (?:lis|consulte|relève|traite|lirai|consulterai|relèverai) pas (?:\w+ ){0,3}?(?:mes |les )?(?:e-?mails|"
    r"courriels|messages|mails)\b|"
    r"\bno (?:leo|reviso|consulto|contesto|leeré|revisaré|consultaré)(?: \w+){0,3}? (?:el |mi |los |mis )?(?:correos?|"
    r"e-?mails?|mensajes)\b|"
    r"\bnon (?:leggo|controllo|consulto|leggerò|controllerò|consulterò)(?: \w+){0,3}? (?:la |le |mia |mie |la mia |"
    r"le mie )?(?:posta|e-?mails?|mail|messaggi)\b|"
    r"\bnão (?:leio|consulto|verifico|lerei|consultarei|verificarei)(?: \w+){0,3}? (?:o |os |meu |meus |o meu |"
    r"os meus )?(?:e-?mails?|correio|mensagens)\b",
    # the mail was not forwarded, or the address is no longer read: "votre message n'a pas été transféré", "your email
    # has not been forwarded", "Ihre Nachricht wurde nicht weitergeleitet", "this address is no longer monitored",
    # "Cette adresse n'est plus consultée", "dit adres wordt niet meer gelezen"
    r"\b(?:has|have|was|were) not been forwarded\b|\b(?:wurde|wurden) nicht weitergeleitet\b|"
    r"\bn['’](?:a|ont) pas été (?:transf[ée]r|transmis|redirig)|\bno (?:ha|han) sido (?:reenviad|remitid|redirigid)|"
    r"\bnon (?:è|sono) stat[oaie] inoltrat|\b(?:is|zijn) niet (?:doorgestuurd|doorgezonden)\b|"
    r"\bn[ãa]o foi (?:reencaminhad|reenviad)|"
    r"\b(?:address|mailbox|inbox|account)\b[^.!?\n]{0,30}?\bis no longer (?:monitored|read|checked|in use|active)\b|"
    r"\b(?:adresse|postfach|e-?mail-adresse)\b[^.!?\n]{0,30}?\bwird nicht mehr (?:gelesen|abgerufen|überwacht|genutzt)\b|"
    r"\b(?:adresse|bo[îi]te)\b[^.!?\n]{0,30}?\bn['’]est plus (?:consultée|lue|surveillée|active|utilisée)\b|"
    r"\b(?:dirección|buzón|cuenta)\b[^.!?\n]{0,30}?\bya no (?:se (?:revisa|consulta|lee|usa)|está activ[ao])\b|"
    r"\b(?:indirizzo|casella)\b[^.!?\n]{0,30}?\bnon è più (?:monitorat|consultat|lett|attiv|utilizzat)[oa]\b|"
    r"\b(?:adres|mailbox|e-?mailadres)\b[^.!?\n]{0,30}?\bwordt niet meer (?:gelezen|gecontroleerd|gebruikt)\b|"
    r"\b(?:endereço|caixa)\b[^.!?\n]{0,30}?\bjá não é (?:lid|consultad|monitorizad|monitorad|usad)[oa]\b",
    # whom to write to meanwhile, a colleague: "please contact my colleague Laura Prieto", "wenden Sie sich an meine
    # Kollegin", "contacte con mi compañera", "neem contact op met mijn collega"
    r"\b(?:contact|reach out to|get in touch with|write to|e-?mail) my colleague\b|"
    r"\b(?:wenden sie sich|wende dich) (?:bitte )?(?:\w+ )?an (?:meine[nr]?|meinen) (?:kolleg|vertret)|"
    r"\b(?:kontaktieren sie|schreiben sie|kontaktiere|schreib) (?:bitte )?(?:\w+ )?(?:meine[nr]?|meinen|an meine[nr]?) kolleg|"
    r"\b(?:contactez|contacte[rz]?|adressez-vous à|écrivez à|joignez) (?:plutôt )?(?:mon|ma) coll[èe]gue\b|"
    r"\b(?:contacte|contacta|contactar|póngase en contacto|ponte en contacto|escriba|escribe|diríjase|dirígete) "
    r"(?:con |a )?(?:mi) (?:compañer[oa]|colega)\b|"
    r"\b(?:contatti|contatta|contattare|scriva|scrivi|si rivolga|rivolgiti|rivolgersi) (?:a |al |alla )?(?:il mio |la mia |"
    r"mio |mia )collega\b|"
    r"\b(?:neem|neemt u|neem dan) (?:\w+ )?contact op met mijn collega\b|\b(?:mail|bel|mailt u|belt u) (?:naar )?mijn collega\b|"
    r"\b(?:contacte|contate|contacta|contactar|fale com|escreva (?:para|à|ao)) (?:a |o )?(?:minha|meu) colega\b",
)
# Gone from the firm, said in the first person at the top: an address left behind answers for its old owner ("I no
# longer work at Harbour Homes", "Ich bin seit dem 1. März nicht mehr bei der Firma tätig", "Je ne fais plus partie de la
# société", "Ya no trabajo en", "Non lavoro più presso", "Ik werk sinds 1 maart niet meer bij", "Já não trabalho na").
# Only with what becomes of the mail (MAIL_MEANWHILE: not forwarded, no longer read, whom to write to): a person may say
# they have moved on and still answer.
SAYS_LEFT = _words(
    r"\bI (?:no longer|do not|don['’]t) work (?:at|for)\b|\bI(?:['’]ve| have) left (?:the (?:company|firm|business|"
    r"organi[sz]ation|practice|agency))\b|\bI(?:['’]m| am) no longer (?:with|employed|working (?:at|for)|part of)\b",
    r"\b(?:ich bin|bin ich)(?: seit (?:[^.!?\n]|(?<=\d)\.){1,30}?)? nicht mehr (?:bei|im unternehmen|in der firma|(?:dort )?(?:tätig|"
    r"beschäftigt))\b|\bich arbeite(?: seit (?:[^.!?\n]|(?<=\d)\.){1,30}?)? nicht mehr (?:bei|für|im|in der)\b|"
    r"\bich habe (?:das unternehmen|die firma|die kanzlei) verlassen\b",
    r"\bje ne (?:fais|travaille) plus (?:partie|chez|pour)\b|\bj['’]ai quitté (?:la société|l['’]entreprise|"
    r"le cabinet|l['’]agence)\b",
    r"\bya no (?:trabajo|formo parte) (?:en|para|de)\b|\bhe dejado (?:de trabajar|la empresa)\b",
    r"\bnon (?:lavoro|faccio) più (?:presso|per|in|con|parte)\b|\bnon sono più (?:presso|dipendente|in forza)\b|"
    r"\bho lasciato (?:l['’]azienda|la società)\b",
    r"\bik (?:werk|ben)(?: sinds (?:[^.!?\n]|(?<=\d)\.){1,30}?)? niet meer (?:bij|werkzaam|in dienst)\b",
    r"\b(?:já )?não (?:trabalho|faço parte) (?:mais )?(?:na|no|em|para|da|do)\b|\bdeixei (?:de trabalhar|a empresa)\b",
)
# Every phrasing of SAYS_AUTOMATIC and SAYS_AWAY holds one of these (lower case): a quick test before the search.
_AUTOMATIC_WORDS = ("automat", "automát", "auto", "system", "maschinell")
_AWAY_WORDS = ("office", "büro", "bureau", "oficina", "ufficio", "kantoor", "escritório", "leave", "vacation",
               "holiday", "urlaub", "abwesen", "außer haus", "congé", "vacances", "vacaciones", "absent", "ausente",
               "assente", "afwezig", "ferie", "férias", "vakantie", "away", "access", "accès", "acceso", "accesso",
               "acesso", "zugriff", "erreichbar", "bereikbaar", "toegang", "wieder", "aanwezig", "ferien", "mail",
               "correo", "posta", "messages", "courriels")
_QUEUE_WORDS = ("queue", "line", "wait", "warteschlange", "file", "cola", "coda", "fila", "wachtrij", "lista", "wartezeit",
                "attente", "espera", "attesa", "wachttijd", "stimato")
# An acknowledgement's wording: a person may open an answer the same way, so only weak.
_THING = (r"(?:request|message|e-?mail|enquiry|inquiry|ticket|query|complaint|report|claim|case|form|application|"
          r"submission|text|msg)")
SAYS_RECEIVED = _words(
    rf"\b(?:we|I)(?: have|'ve|’ve)? (?:successfully |now )?(?:received|got) your (?:\w+ )?{_THING}\b",
    rf"\byour (?:\w+ )?{_THING}(?: (?:[^.\n]|\.(?= ?\d)){{0,40}}?)? (?:has been|have been|was|is) (?:successfully |now )?"
    r"(?:received|created|logged|registered|opened|submitted|recorded)\b",
    r"\b(?:we )?(?:confirm|acknowledge) (?:the )?receipt of your\b",
    # receipt acknowledged in so many words: "Nous accusons réception de votre déclaration", "Wir bestätigen den
    # Eingang Ihrer Anfrage", "Acusamos recibo de su solicitud", "Confermiamo la ricezione della sua richiesta", "Wij
    # bevestigen de ontvangst van uw melding", "Acusamos a receção do seu pedido"
    r"\bnous l['’]avons (?:bien )?reçue?\b",
    r"\b(?:nous (?:vous )?(?:accusons|confirmons) (?:bonne |la )?réception|accusé de réception) de (?:votre|ta) "
    r"(?:demande|message|courriel|e-?mail|réclamation|déclaration|signalement|dossier|candidature)\b",
    r"\b(?:wir )?bestätigen (?:ihnen |dir )?(?:hiermit )?den (?:eingang|erhalt) (?:ihrer|deiner) (?:anfrage|nachricht|"
    r"e-?mail|reklamation|beschwerde|meldung|schadensmeldung|schadenmeldung|bewerbung)\b",
    r"\b(?:le |te )?acusamos (?:el )?recibo de (?:su|tu) (?:solicitud|mensaje|correo|consulta|reclamación|petición)\b",
    r"\b(?:le |ti )?(?:confermiamo|diamo conferma del(?:la)?|accusiamo) (?:l['’]avvenuta )?ricezione (?:della (?:sua|tua) "
    r"(?:richiesta|segnalazione|e-?mail|domanda)|del (?:suo|tuo) (?:messaggio|reclamo))\b",
    r"\b(?:wij|we) bevestigen (?:hierbij )?(?:de )?ontvangst van (?:uw|je|jouw) (?:verzoek|bericht|e-?mail|aanvraag|vraag|"
    r"melding|klacht|bezwaar)\b",
    r"\b(?:acusamos|confirmamos) (?:a )?(?:receção|recepção|recebimento) (?:do seu|da sua) (?:pedido|solicitação|mensagem|"
    r"e-?mail|reclamação|participação)\b",
    rf"\bwe(?:'ve|’ve| have) (?:logged|registered|recorded) your (?:\w+ )?{_THING}\b",
    r"\bwir haben (?:ihre|deine|ihr|dein) (?:anfrage|nachricht|anliegen|beschwerde|reklamation|meldung) "
    r"(?:erfasst|registriert|aufgenommen)\b",
    r"\bnous avons (?:bien )?enregistré votre (?:demande|message|réclamation)\b",
    r"\bhemos registrado (?:su|tu) (?:solicitud|consulta|reclamación|incidencia)\b",
    r"\babbiamo (?:registrato|preso in carico) (?:la sua|la tua|il suo|il tuo) (?:richiesta|segnalazione|reclamo)\b",
    r"\b(?:we hebben|wij hebben) (?:uw|je|jouw) (?:verzoek|aanvraag|vraag|melding|klacht) geregistreerd\b",
    r"\b(?:registámos|registramos) (?:o seu|a sua|seu|sua) (?:pedido|solicitação|reclamação)\b",
    rf"\bthank you for (?:submitting|sending) (?:us )?your (?:\w+ )?{_THING}\b",
    # arrived, in other words: "Your message has reached us", "Ihre Nachricht ist bei uns angekommen", "votre demande
    # nous est bien parvenue", "su mensaje nos ha llegado", "il suo messaggio ci è pervenuto", "uw bericht is bij ons
    # binnengekomen", "a sua mensagem chegou até nós"
    rf"\byour (?:\w+ )?{_THING} (?:has|have) (?:safely |successfully |now )?(?:reached us|arrived|come through|"
    r"got through|been delivered to us|landed)\b",
    # (or just landed in a queue or inbox: "Your message just landed in our support queue")
    rf"\byour (?:\w+ )?{_THING} (?:has |have )?(?:just |now |safely )?(?:landed|arrived|ended up) in (?:our|the) "
    r"(?:\w+ ){0,2}(?:queue|inbox|mailbox)\b",
    r"\b(?:ihre|deine|ihr|dein) (?:anfrage|nachricht|e-?mail|anliegen|beschwerde|reklamation|meldung|schreiben|mail)"
    r" (?:ist|sind) (?:gut |sicher |wohlbehalten )?bei uns (?:gut |sicher )?(?:angekommen|eingetroffen)\b",
    r"\b(?:votre|ta) (?:demande|message|réclamation|e-?mail|courriel) (?:nous )?(?:est|a) (?:bien )?(?:parvenue?|"
    r"arrivée?)(?: jusqu'à nous)?\b",
    r"\b(?:su|tu) (?:solicitud|mensaje|correo|consulta|reclamación|petición|escrito) (?:nos )?ha llegado "
    r"(?:correctamente|bien|sin problemas|a nuestro equipo)?",
    r"\b(?:la (?:sua|tua)|il (?:suo|tuo)) (?:richiesta|segnalazione|messaggio|e-?mail|reclamo) (?:ci )?(?:è|e') "
    r"(?:correttamente |regolarmente )?(?:pervenut|arrivat|giunt)[oa]\b",
    r"\b(?:uw|je|jouw) (?:verzoek|bericht|e-?mail|aanvraag|vraag|melding|klacht) is (?:goed |veilig )?(?:bij ons )?"
    r"(?:aangekomen|binnengekomen)\b",
    r"\b(?:a sua|o seu|sua|seu) (?:pedido|solicitação|mensagem|e-?mail|reclamação) (?:já )?chegou (?:até nós|"
    r"com sucesso|corretamente)\b",
    r"\bwir haben (?:ihre|deine|ihr|dein) (?:\w+ )?(?:anfrage|nachricht|e-?mail|anliegen|beschwerde|reklamation|"
    r"meldung) (?:\w+ )?erhalten\b",
    r"\b(?:ihre|deine|ihr|dein) (?:anfrage|nachricht|e-?mail|anliegen|beschwerde|reklamation|meldung|schreiben|"
    r"mail|post|schadenmeldung|schadensmeldung)"
    r"(?: (?:[^.\n]|\.(?=\s?\d)){0,60}?)? (?:ist|wurde) (?:bei uns )?(?:(?:[^.\n]|\.(?=\d)){0,60}? )?(?:eingegangen|erhalten|erfasst|registriert|"
    r"aufgenommen|angelegt|erstellt|eröffnet)\b",
    r"\bnous avons (?:bien )?reçu votre (?:demande|message|e-?mail|courriel|réclamation)\b",
    r"\bvotre (?:demande|message|réclamation|dossier)(?: [^.\n]{0,30}?)? a (?:bien )?été (?:reçue?|enregistrée?|créée?)\b",
    r"\bhemos recibido (?:correctamente |ya |sin problemas )?(?:su|tu) (?:solicitud|mensaje|correo|consulta|"
    r"reclamación|petición|escrito)\b",
    r"\b(?:su|tu) (?:solicitud|mensaje|consulta|reclamación|incidencia|cita)(?: [^.\n]{0,30}?)? (?:ha quedado|ha sido|"
    r"fue|queda) (?:registrad|recibid|cread)[oa]\b",
    r"\babbiamo (?:correttamente |regolarmente )?ricevuto (?:la sua|la tua|il suo|il tuo) (?:richiesta|messaggio|"
    r"e-?mail|segnalazione|reclamo)\b",
    r"\b(?:la (?:sua|tua)|il (?:suo|tuo)) (?:richiesta|segnalazione|messaggio|reclamo|pratica)(?: [^.\n]{0,30}?)? "
    r"(?:è|e') stat[oa] (?:ricevut|registrat|apert)[oa]\b",
    r"\bwe hebben (?:uw|je|jouw) (?:verzoek|bericht|e-?mail|aanvraag|vraag|melding|klacht|bezwaar) (?:goed )?ontvangen\b",
    # "Wij hebben deze in goede orde ontvangen", "Uw bezwaar is in goede orde ontvangen": the Dutch receipt's idiom
    r"\bin goede orde (?:ontvangen|binnengekomen)\b",
    # what was received named at length before the verb: "Wir haben Ihre Reklamation zu Bestellung 2026-4417 erhalten",
    # "Wij hebben uw bezwaar tegen de parkeerboete ontvangen"
    r"\bwir haben (?:ihre|deine|ihr|dein) (?:anfrage|nachricht|e-?mail|anliegen|beschwerde|reklamation|meldung|"
    r"bewerbung|bestellung|schadensmeldung|schadenmeldung|widerspruch)(?: [^.\n]{1,60}?)? (?:erhalten|bekommen)\b",
    r"\b(?:we|wij) hebben (?:uw|je|jouw) (?:verzoek|bericht|e-?mail|aanvraag|vraag|melding|klacht|bezwaar)(?: [^.\n]{1,60}?)? "
    r"ontvangen\b",
    r"\b(?:uw|je|jouw) (?:verzoek|bericht|aanvraag|vraag|melding|klacht)(?: [^.\n]{0,30}?)? is (?:goed )?"
    r"(?:ontvangen|geregistreerd)\b",
    r"\brecebemos (?:corretamente |com sucesso )?(?:a sua|o seu|sua|seu) (?:pedido|solicitação|mensagem|e-?mail|"
    r"reclamação)\b",
    r"\b(?:a sua|o seu|sua|seu) (?:pedido|solicitação|mensagem|reclamação)(?: (?:[^.\n]|(?<=n)\.(?=\s?º)){0,40}?)? foi "
    r"(?:recebid|registr?ad)[oa]\b",   # (European "registado", Brazilian "registrado")
)
# Valid with nobody's signature: what a letter a machine produced says of itself ("… wurde maschinell erstellt und ist
# ohne Unterschrift gültig", "This letter is computer-generated and valid without a signature").
SAYS_UNSIGNED = _words(
    r"\b(?:is |are )?valid without (?:a |any )?(?:signature|being signed)\b",
    r"\bohne (?:eigenhändige )?unterschrift gültig\b|\bgültig ohne unterschrift\b",
    r"\bvalable sans (?:signature|être signée?)\b",
    r"\bv[áa]lid[oa] sin (?:firma|necesidad de firma)\b",
    r"\bvalid[oa] senza (?:firma|sottoscrizione)\b",
    r"\bgeldig zonder (?:handtekening|ondertekening)\b",
    r"\bv[áa]lid[oa] sem (?:assinatura|necessidade de assinatura)\b",
)
# A ticket was made for the message: what a helpdesk's acknowledgement says.
SAYS_CREATED = _words(
    r"\b(?:a |your |the )?(?:ticket|case|support request|service request) (?:\(?(?:#|number |no\.? ?)?[\w-]*\d[\w-]*\)? )?"
    r"(?:has been|was|is) (?:now )?(?:created|opened|logged|raised)\b",
    r"\b(?:ein|das|ihr) ticket (?:\(?(?:nr\.? ?|#)?[\w-]*\d[\w-]*\)? )?(?:wurde|ist) (?:erstellt|angelegt|eröffnet)\b",
    r"\bun ticket (?:[\w-]*\d[\w-]* )?a été (?:créé|ouvert)\b",
    r"\bse ha (?:creado|abierto|generado) (?:un|una|el|la) (?:ticket|caso|incidencia|expediente|solicitud)\b",
    r"\b(?:è stato|abbiamo) (?:creato|aperto) (?:un |il )?ticket\b",
    r"\bè stata (?:creata|aperta) (?:una|la) (?:pratica|segnalazione|richiesta di assistenza)\b",
    r"\bfoi (?:criada|aberta) (?:uma|a) (?:ocorrência|solicitação|reclamação)\b",
    r"\ber is een ticket (?:aangemaakt|geopend)\b",
    r"\bfoi (?:criado|aberto) (?:um|o) (?:ticket|chamado|protocolo)\b",
    # given a number, as a helpdesk gives one: "has been given the reference HIN-77301", "wurde die Vorgangsnummer …
    # zugewiesen", "s'est vu attribuer la référence", "se le ha asignado el número", "è stato assegnato il numero"
    r"\b(?:has been|was|have been) (?:given|assigned|allocated|issued) (?:the |a |with )?(?:reference|ref|case|ticket|"
    r"case number|ticket number|reference number|tracking number|number)\b",
    r"\b(?:wurde|wurden) (?:ihr |ihm |ihnen )?(?:die |eine |der )?(?:vorgangsnummer|referenz(?:nummer)?|ticketnummer|"
    r"bearbeitungsnummer|fallnummer|aktenzeichen)\b[^.\n]{0,30}?\b(?:zugewiesen|zugeordnet|vergeben)\b",
    r"\b(?:s'est vu attribuer|a reçu|porte désormais) (?:le numéro|la référence|le numéro de dossier|le numéro de ticket)\b",
    r"\b(?:se (?:le|les) ha asignado|ha recibido|tiene asignad[oa]) (?:el número|la referencia|el código|el localizador)\b",
    r"\b(?:(?:gli|le) )?(?:è stat[oa]|sono stati) assegnat[oa] (?:il numero|il codice|il protocollo|la pratica|"
    r"il ticket)\b",
    r"\b(?:heeft|kreeg) (?:het )?(?:referentienummer|zaaknummer|ticketnummer|dossiernummer|nummer)\b[^.\n]{0,20}?"
    r"\b(?:gekregen|ontvangen)\b|\bis (?:het )?(?:referentienummer|zaaknummer|ticketnummer|dossiernummer) "
    r"[^.\n]{0,20}?toegekend\b",
    r"\b(?:foi|lhe foi) atribuíd[oa] (?:o número|o protocolo|a referência|o código)\b",
    # put in the queue: "it has been added to our queue", "wurde in unsere Warteschlange aufgenommen", "a été ajoutée à
    # notre file d'attente", "se ha añadido a nuestra cola", "è stata inserita nella nostra coda", "is aan onze wachtrij
    # toegevoegd", "foi adicionada à nossa fila"
    r"\b(?:has been|have been|was|is now) (?:added|placed|put) (?:to|in|into|on) (?:our|the) (?:\w+ )?(?:queue|"
    r"waiting list)\b",
    r"\b(?:wurde|ist) (?:in (?:unsere|die) (?:\w+)?warteschlange|in (?:unsere|die) (?:\w+ )?warteliste) (?:aufgenommen|"
    r"eingereiht|gestellt)\b",
    r"\ba été (?:ajouté|placé|mis)e?s? (?:à|dans) (?:notre|la) file(?: d['’]attente)?\b",
    r"\b(?:se ha (?:añadido|incorporado|puesto)|ha sido (?:añadid|incorporad|colocad)[oa]) (?:a|en) (?:nuestra|la) "
    r"(?:cola|lista de espera)\b",
    r"\b(?:è|sono) stat[oaie] (?:inserit|aggiunt|mess)[oaie] (?:in|nella|alla) (?:nostra |la )?(?:coda|lista d['’]attesa)\b",
    r"\bis (?:aan|in) (?:onze|de) (?:\w+)?wachtrij (?:toegevoegd|geplaatst|gezet)\b",
    r"\bfoi (?:adicionad|colocad|inserid)[oa] (?:à|na|em) (?:nossa |a )?fila\b",
)
# A ticket's state changed, as a helpdesk's notification says it (no person in it).
SAYS_STATUS = _words(
    # a form's field, the time it will take as a label: "Délai de traitement estimé : 5 jours ouvrés", "Estimated
    # resolution time: 3 working days", "Voraussichtliche Bearbeitungszeit: 10 Werktage"
    r"\b(?:estimated|expected|target) (?:processing|handling|resolution|response) time\s*:",
    r"\b(?:délai|temps) (?:de traitement|de réponse|de résolution) (?:estimé|prévu|indicatif)\s*:",
    r"\b(?:voraussichtliche|geschätzte) (?:bearbeitungszeit|bearbeitungsdauer|antwortzeit)\s*:",
    r"\b(?:tiempo|plazo) (?:estimado|previsto) de (?:tramitación|respuesta|resolución)\s*:",
    r"\btempo (?:stimato|previsto) di (?:lavorazione|risposta|risoluzione|gestione)\s*:",
    r"\b(?:verwachte|geschatte) (?:behandeltijd|afhandeltijd|reactietijd|doorlooptijd)\s*:",
    r"\b(?:prazo|tempo) (?:estimado|previsto) de (?:tratamento|resposta|resolução|análise)\s*:",
    r"\b(?:has been|was) marked as (?:solved|resolved|closed)\b",
    r"\b(?:ist|wurde) als (?:gelöst|erledigt|geschlossen) markiert\b",
    r"\ba été (?:marquée?|classée?) comme (?:résolue?|fermée?)\b",
    r"\b(?:se ha|ha sido|fue) (?:marcad[oa]|clasificad[oa]) como (?:resuelt[oa]|cerrad[oa]|solucionad[oa])\b",
    r"\b(?:è stat[oa]|risulta) (?:contrassegnat[oa]|segnat[oa]|marcat[oa]) come (?:risolt[oa]|chius[oa])\b",
    r"\b(?:is|werd) (?:gemarkeerd|aangemerkt) als (?:opgelost|gesloten|afgehandeld)\b",
    r"\bfoi (?:marcad[oa]|classificad[oa]) como (?:resolvid[oa]|fechad[oa]|encerrad[oa])\b",
    # the status of a request changed, as a helpdesk's notification says it: "Le statut de votre demande n° … a été
    # mis à jour", "The status of your ticket #… has been updated", "El estado de su solicitud … ha cambiado"
    r"\b(?:the )?status of (?:your|the) (?:ticket|case|request|enquiry|inquiry|claim|repair|return)\b[^.\n]{0,40}? "
    r"(?:has been|was|is now) (?:updated|changed)\b",
    r"\b(?:der )?status (?:ihre[rs]|deine[rs]|de[rs]) (?:anfrage|vorgangs?|tickets?|reparatur|reklamation)\b"
    r"[^.\n]{0,40}? (?:wurde|hat sich) (?:aktualisiert|geändert)\b",
    r"\b(?:le )?statut de (?:votre|ta|la) (?:demande|réclamation|dossier|ticket|réparation)\b[^.\n]{0,40}? "
    r"(?:a été (?:mis à jour|modifié)|a changé)\b",
    r"\b(?:el )?estado de (?:su|tu|la) (?:solicitud|incidencia|reclamación|ticket|reparación|consulta)\b[^.\n]{0,40}? "
    r"(?:ha sido actualizado|se ha actualizado|ha cambiado)\b",
    r"\b(?:lo )?stato (?:della (?:sua |tua )?(?:richiesta|pratica|segnalazione|riparazione)|del (?:suo |tuo )?ticket)\b"
    r"[^.\n]{0,40}? (?:è stato aggiornato|è cambiato)\b",
    r"\b(?:de )?status van (?:uw|je|jouw|de) (?:aanvraag|melding|ticket|reparatie|klacht)\b[^.\n]{0,40}? "
    r"(?:is (?:bijgewerkt|gewijzigd|veranderd))\b",
    r"\b(?:o )?estado d[oa] (?:seu |sua )?(?:pedido|pedidos|solicitação|ticket|reparação|reclamação)\b[^.\n]{0,40}? "
    r"(?:foi (?:atualizado|alterado)|mudou)\b",
    # given a status by name: "Je melding #40218 heeft de status Gesloten gekregen", "Your ticket has been set to
    # Resolved", "Ihr Ticket hat den Status „Geschlossen“ erhalten", "est passée au statut « Clôturée »"
    r"\bheeft (?:nu )?de status [\"'‘“„]?\w+[\"'’”]? gekregen\b|\b(?:has been|was) (?:set|moved|changed) to (?:the )?(?:status )?"
    r"[\"'‘“]?(?:resolved|closed|solved|pending|on hold|in progress)\b|\bhat (?:nun |jetzt )?den status [\"'‚„“]?\w+[\"'‘“”]? "
    r"(?:erhalten|bekommen)\b|\best pass[ée]e? (?:au|en) statut\b|\bha pasado (?:al|a) estado\b|\bè passat[oa] (?:allo|in) stato\b|"
    r"\bpassou (?:para o|ao) estado\b",
)
# The ticket, case or chat was closed, as a helpdesk's closing notice says it ("Ihr Ticket #DE-30917 … wurde
# geschlossen", "Tu caso n.º 4471 se ha cerrado", "A conversa foi encerrada"): a person closing a case says so too
# ("I've sorted it, so your ticket has been closed"), so only weak, and only in a text nobody speaks in.
_BETWEEN = r"(?: (?:[^.\n]|\.(?=\s?[º°ª]?\s?\d)){0,40}?)?"   # its reference or title between ("n.º 4471")
SAYS_CLOSED = _words(
    rf"\b(?:your|the|this) (?:\w+ )?(?:ticket|case|request|enquiry|inquiry|query|conversation|chat){_BETWEEN} "
    r"(?:has been|was|is now|is) (?:closed|resolved|solved|ended)\b|\b(?:this|the) chat has ended\b",
    rf"\b(?:ihr|dein|das|der) (?:ticket|anliegen|vorgang|fall|chat|gespräch|anfrage){_BETWEEN} (?:wurde|ist) (?:\w+ )?"
    r"(?:geschlossen|abgeschlossen|beendet|gelöst)\b",
    rf"\b(?:votre|ta|la|le) (?:demande|ticket|dossier|conversation|discussion|réclamation){_BETWEEN} (?:a été|est) "
    r"(?:clôturée?|fermée?|résolue?|terminée?)\b",
    rf"\b(?:tu|su|el|la) (?:caso|ticket|solicitud|incidencia|consulta|conversación|chat){_BETWEEN} (?:se ha (?:cerrado|"
    r"resuelto)|ha sido (?:cerrad|resuelt)[oa]|ha (?:finalizado|terminado)|(?:ha quedado|queda) cerrad[oa])\b",
    rf"\b(?:il (?:suo |tuo )?(?:ticket|caso)|la (?:sua |tua )?(?:richiesta|pratica|segnalazione|conversazione|chat))"
    rf"{_BETWEEN} (?:è stat[oa] (?:chius|risolt)[oa]|si è conclus[oa]|è terminat[oa])\b",
    rf"\b(?:uw|je|jouw|het|de) (?:ticket|melding|aanvraag|vraag|zaak|gesprek|chat){_BETWEEN} (?:is|werd) "
    r"(?:gesloten|afgesloten|opgelost|beëindigd|afgerond)\b",
    rf"\b(?:o (?:seu |teu )?(?:ticket|pedido|caso|chamado|processo)|a (?:sua |tua )?(?:conversa|solicitação|reclamação|"
    rf"ocorrência)){_BETWEEN} (?:foi (?:encerrad|fechad|resolvid|concluíd|finalizad)[oa]|está (?:encerrad|fechad)[oa])\b",
)
# A ticket or case reference ("ticket #55120", "réf. 88213", "Vorgangsnummer 2025-118734"); an order number or a
# booking reference is the customer's own, not a sign of a ticket just made.
TICKET_REF = _words(
    # (and a helpdesk's tag in brackets, letters first: "Ihre Anfrage [#HB-204417]"; not "pedido #BR-77120", an order)
    r"#\s?\d{3,}|(?<=[\[(])#[A-Z]{1,5}-?\d{3,}\b",
    r"\b(?:ticket|case|request|complaint|incident|service request|SR|ref(?:erence)?|réf(?:érence)?|"
    r"vorgang(?:snummer)?|ticketnummer|aktenzeichen|referenz(?:nummer)?|dossier|expediente|caso|incidencia|"
    r"pratica|segnalazione|referentie|zaak(?:nummer)?|protocolo|protocollo|chamado|demande|solicitud|anfrage|"
    r"richiesta|verzoek|aanvraag|solicitação)\.?"
    r"(?:\s*(?:no\.?|nr\.?|n\.?\s?[°º]\.?|number|nummer|numéro|número|numero|id))?\s*[:#]?\s*[A-Z0-9][\w/-]*\d",
    r"\b(?:sous le|under the|unter der|con el|con il|onder) (?:numéro|number|nummer|número|numero)\s*[:#]?\s*\d",
    # the number in brackets after the noun, as Zendesk writes it: "Your request (48213) has been received", "Ihre
    # Anfrage (Nr. 48213)", "votre demande (n° 48213)"
    r"\b(?:ticket|case|request|complaint|incident|enquiry|inquiry|query|vorgang|anfrage|anliegen|demande|dossier|"
    r"solicitud|consulta|incidencia|richiesta|segnalazione|pratica|verzoek|aanvraag|melding|pedido|solicitação)\s*"
    r"\(\s*(?:#|no\.?|nr\.?|n\.?\s?[°º]\.?|n\.)?\s*[A-Z]{0,5}-?\d{3,}[\w/-]*\s*\)",
)
# A position in a waiting line, said in the present ("you are number 4 in the queue"): only a system says that.
SAYS_QUEUE = _words(
    r"\byou(?:'re|’re| are) (?:now )?(?:number|no\.?|#) ?\d+ in (?:the|our|a) (?:queue|line)\b",
    r"\byour (?:position|place) in (?:the )?queue(?: is)?:? \d+",
    r"\bestimated wait(?:ing)? time\s*:",
    r"\bestimated wait\s*:",
    # the same label in the other languages: "Geschätzte Wartezeit: ca. 6 Minuten", "Temps d'attente estimé : 4 min"
    r"\b(?:geschätzte|voraussichtliche) wartezeit\s*:|\btemps d['’]attente (?:estimé|prévu)\s*:|"
    r"\btiempo (?:de espera )?estimado(?: de espera)?\s*:|\btempo (?:di attesa )?stimato(?: di attesa)?\s*:|"
    r"\bgeschatte wachttijd\s*:|\btempo (?:de espera )?estimado(?: de espera)?\s*:",
    # the current wait, as a label and minutes or seconds (not "current waiting time: 6 weeks" for a repair): "Aktuelle
    # Wartezeit: ca. 4 Minuten", "Current wait time: 3 min", "Temps d'attente actuel : 2 minutes"
    r"\b(?:current wait(?:ing)? time|aktuelle wartezeit|temps d['’]attente actuel|tiempo de espera actual|"
    r"tempo di attesa attuale|huidige wachttijd|tempo de espera atual)\s*:\s*(?:ca\.?|circa|approx\.?|about|around|"
    r"~|etwa|environ|aprox\.?|unos|cerca de|ongeveer|less than|weniger als|moins de|menos de|meno di|minder dan)?\s*"
    r"\d+(?:\s*[-–]\s*\d+)?\s*(?:min|minutes?|minuten|minutos|minuti|sec|secs|seconds|sekunden|secondes|segundos|"
    r"secondi|seconden|s)\b",
    r"\b(?:sie sind|du bist) (?:an |auf )?(?:position|platz|nummer) \d+ in der warteschlange\b",
    r"\b(?:vous êtes|tu es) (?:le |la |en )?(?:numéro |n° ?)?\d+(?:e|ème)? (?:position )?dans la file d'attente\b",
    r"\b(?:usted está|estás|está) (?:en (?:la )?posición|en el puesto|en el número) \d+ (?:de|en) la cola\b",
    r"\b(?:sei|è) (?:il |al )?(?:numero |posto )?\d+[°º]? (?:in coda|nella coda)\b",
    r"\b(?:je bent|u bent) nummer \d+ in de wachtrij\b",
    r"\b(?:você é|você está|está) (?:o |a |na )?(?:número |posição )?\d+[ºª°]? (?:na fila|lugar na fila)\b",
    # Where the customer is, said with the verb "be located" or as a position: "Sie befinden sich an Position 3 der
    # Warteschlange", "vous êtes en position 2 dans la file", "uw positie in de wachtrij: 4".
    r"\byou(?:'re|’re| are) (?:currently |now )?(?:in )?(?:position|place) \d+ in (?:the|our) (?:queue|line)\b",
    r"\b(?:sie befinden sich|du befindest dich|befinden sie sich|sie stehen|du stehst) (?:aktuell |derzeit |momentan |"
    r"jetzt |gerade )?(?:an |auf )?(?:position|platz|rang) \d+ (?:der|in der) warteschlange\b",
    r"\b(?:vous (?:vous trouvez|êtes)|tu (?:te trouves|es)) (?:actuellement |maintenant )?(?:en|à la) (?:position|place) "
    r"\d+ dans la file(?: d'attente)?\b",
    r"\b(?:se encuentra|te encuentras|está|estás) (?:actualmente |ahora )?en (?:la )?posición \d+ (?:de|en) la "
    r"(?:cola|lista de espera)\b",
    r"\b(?:si trova|ti trovi|è|sei) (?:attualmente |ora )?in (?:posizione|posto) (?:n\. ?)?\d+ (?:in|nella|della) "
    r"(?:coda|fila|lista d'attesa)\b",
    r"\b(?:u staat|je staat|jij staat|u bevindt zich|je bevindt je) (?:nu |momenteel )?op (?:plek|plaats|positie) \d+ "
    r"(?:in|van) de wachtrij\b",
    r"\b(?:encontra-se|você se encontra|está) (?:atualmente |agora )?na posição \d+ (?:da|na) fila\b",
    r"\b(?:ihre|deine) position in der warteschlange\s*:?\s*\d+|\bvotre (?:position|place|rang) dans la file"
    r"(?: d'attente)?\s*:?\s*\d+|\b(?:su|tu) posición en la cola\s*:?\s*\d+|\b(?:la sua|la tua) posizione in coda"
    r"\s*:?\s*\d+|\b(?:uw|je|jouw) (?:positie|plek|plaats) in de wachtrij\s*:?\s*\d+|\b(?:a sua|sua) posição na "
    r"fila\s*:?\s*\d+",
    # a form's field, the position as a label and a number: "Position dans la file de traitement : 112", "Position in
    # queue: 7", "Posición en la cola: 12", "Positie in de wachtrij: 4"
    r"(?:^|\n)[ \t]*(?:your |votre |ihre |su |la sua |uw |a sua )?(?:position|place|rang|posición|posizione|positie|"
    r"posição|platz) (?:in|dans|en|nella|na|de|der) (?:the |la |le |de |a )?(?:queue|line|file|cola|coda|fila|wachtrij|"
    r"warteschlange)(?: (?:de traitement|d['’]attente|de espera|di attesa|of processing))?\s*:\s*(?:n[°º]\s*)?\d+",
)
# Every agent busy, the next free one will answer: what a chat's queue says while the customer waits (a person may
# say it too, so only weak, and only in a text nobody speaks in).
SAYS_BUSY = _words(
    r"\ball (?:of )?our (?:\w+ )?(?:agents|advisers|advisors|colleagues|operators|representatives|team members|"
    r"staff) are (?:currently |still |now )?(?:busy|occupied|engaged|helping other|assisting other|with other|on other)",
    r"\b(?:sind (?:derzeit |zurzeit |momentan |gerade |aktuell |leider )*alle|alle (?:unsere )?\w*(?:mitarbeit|berater|"
    r"kolleg|agent)\w* sind (?:derzeit |zurzeit |momentan |gerade |aktuell |leider )*)(?:\w*(?:mitarbeit|berater|"
    r"kolleg|agent)\w* )?(?:im gespräch|besetzt|beschäftigt|in (?:einem )?(?:gespräch|kundengespräch))",
    r"\btous nos (?:\w+ )?(?:conseillers?|conseillères|agents|opérateurs|opératrices|collaborateurs) sont "
    r"(?:actuellement |déjà |momentanément )?(?:occupée?s|en ligne|en communication|indisponibles)",
    r"\btodos nuestros (?:\w+ )?(?:agentes|asesores|operadores|gestores|compañeros) (?:están|se encuentran) "
    r"(?:actualmente |ahora )?(?:ocupados|atendiendo)",
    r"\btutti i nostri (?:\w+ )?(?:operatori|consulenti|agenti|colleghi) sono (?:attualmente |al momento |ora )?"
    r"(?:occupati|impegnati)",
    r"\bal onze (?:\w+ )?(?:medewerkers|adviseurs|collega's|agenten) zijn (?:momenteel |op dit moment |nu )?"
    r"(?:bezet|in gesprek|druk)",
    r"\btodos os nossos (?:\w+ )?(?:assistentes|operadores|agentes|colaboradores|consultores) (?:estão|se encontram) "
    r"(?:atualmente |neste momento |de momento )?(?:ocupados|em atendimento)",
)
# Busy in other words: "Due to high demand, responses are taking longer than usual", "Aufgrund des hohen
# Anfrageaufkommens", "En raison d'un fort volume de demandes", "Debido al alto volumen de consultas", "A causa
# dell'elevato numero di richieste", "Door de grote drukte", "Devido ao elevado volume de pedidos".
SAYS_HIGH_DEMAND = _words(
    r"\b(?:due to|because of|owing to|with) (?:a |an |the )?(?:very |unusually |currently |extremely )?(?:high|higher|"
    r"heavy|increased|large|exceptional|significant) (?:\w+ )?(?:demand|volumes?|number) (?:of (?:\w+ )?"
    r"(?:requests|enquiries|inquiries|emails|messages|contacts|calls|queries) )?",
    r"\b(?:aufgrund|wegen) (?:des|eines) (?:derzeit |aktuell |sehr |außergewöhnlich )?(?:hohen|erhöhten|großen|starken) "
    r"\w*(?:aufkommens|anfragevolumens|volumens)\b",
    r"\ben raison d['’](?:un|une) (?:très )?(?:fort|grand|important|forte|grande|importante|afflux|volume)(?: \w+)? "
    r"(?:de (?:demandes|messages|appels|sollicitations)|d['’]appels|d['’]activité)\b",
    r"\b(?:debido al?|por el|ante el) (?:alto|elevado|gran|enorme) (?:volumen|número) de (?:consultas|solicitudes|"
    r"mensajes|llamadas|peticiones)\b",
    r"\b(?:a causa dell['’]|per l['’]|visto l['’]|dato l['’])(?:elevato|alto|grande|forte) (?:numero|volume|afflusso) di "
    r"(?:richieste|messaggi|chiamate|contatti)\b",
    r"\b(?:door|vanwege|wegens) (?:de |een )?(?:grote |enorme |huidige |extra )?drukte\b",
    r"\bdevido ao (?:elevado|grande|alto) (?:volume|número) de (?:pedidos|contactos|contatos|mensagens|chamadas|"
    r"solicitações)\b",
)
SAYS_NEXT_FREE = _words(
    r"\b(?:the|our) next (?:available|free) (?:agent|adviser|advisor|colleague|operator|representative|team member)\b",
    r"\b(?:der|die|das) nächste (?:freie|verfügbare) \w*(?:mitarbeit|berater|kolleg|agent)\w*",
    r"\bgleich ist jemand für (?:sie|dich) da\b",
    r"\b(?:le|la) prochaine? (?:conseill\w+|agent|opérat\w+) disponible\b",
    r"\bel (?:próximo|primer) (?:agente|asesor|operador|gestor) (?:disponible|libre)\b",
    r"\bil (?:primo|prossimo) (?:operatore|consulente|agente) (?:disponibile|libero)\b",
    r"\bde (?:eerstvolgende|eerste|volgende) (?:vrije |beschikbare )?(?:medewerker|adviseur|collega)\b",
    r"\bo (?:próximo|primeiro) (?:assistente|operador|agente|consultor) (?:disponível|livre)\b",
)
# What a widget or an acknowledgement says of the answer to come, someone else's and later: "The team typically
# replies in a few hours", "You'll get replies here and by email", "One of our advisers will get back to you", "Un
# membre de l'équipe vous répondra", "Ein Mitarbeiter wird sich bei Ihnen melden" (weak, in a text nobody speaks in).
SAYS_ANSWER_LATER = _words(
    r"\b(?:the|our) team (?:typically|usually|normally|generally) (?:replies|responds|answers|gets back)\b",
    r"\bwe (?:typically|usually) (?:reply|respond) (?:in|within) (?:a few|an|a|\d+)\b",
    r"\b(?:one of our|a member of (?:our|the)) (?:\w+ )?(?:team|agents|advis[eo]rs|colleagues|specialists|experts|"
    r"representatives|staff) will (?:get back to you|reply|respond|be in touch|contact you)\b",
    r"\b(?:das|unser) team (?:antwortet|meldet sich) (?:in der regel|normalerweise|meist|üblicherweise)\b",
    r"\b(?:ein(?:e)?|einer unserer) (?:\w+ )?(?:mitarbeiter(?:in|innen)?|kolleg(?:e|in|en)|berater(?:in|innen)?) (?:\w+ ){0,3}"
    r"wird sich (?:\w+ ){0,3}bei (?:ihnen|dir) melden\b",
    r"\bl['’]équipe (?:répond|vous répond) (?:généralement|habituellement|en général)\b",
    r"\bun (?:membre de (?:l['’]|notre )?équipe|de nos (?:conseill\w+|agents|experts)|conseill\w+)(?: [\w&'’ -]{1,30}?)? "
    r"(?:vous|te) (?:répondra|recontactera|contactera)\b",
    r"\bel equipo (?:suele responder|responde (?:normalmente|habitualmente|generalmente))\b",
    r"\buno de nuestros (?:agentes|asesores|gestores|especialistas) (?:le|te) (?:responderá|contactará|atenderá)\b",
    r"\bil (?:nostro )?team (?:di solito )?risponde (?:di solito|solitamente|generalmente|in genere)?\s*(?:in|entro)\b",
    r"\bun (?:nostro )?(?:operatore|consulente|collega|membro del (?:nostro )?team) (?:le|ti) risponderà\b",
    r"\bhet team (?:reageert|antwoordt) (?:meestal|doorgaans|gewoonlijk)\b",
    r"\been (?:van onze )?(?:medewerkers?|collega['’]?s?|adviseurs?) (?:neemt|zal) (?:zo snel mogelijk )?(?:contact met "
    r"(?:u|je) op|reageren)\b",
    r"\ba (?:nossa )?equip[ae] (?:costuma responder|responde normalmente)\b",
    r"\bum (?:dos nossos|membro da (?:nossa )?equip[ae]|(?:nosso )?(?:assistente|consultor|atendente)) (?:\w+ )?"
    r"(?:irá|vai) (?:responder|contactá-l[oa]|entrar em contato)\b",
)
# (or, further, what comes once someone has handled the request: "Sie erhalten eine Benachrichtigung, sobald ein
# Mitarbeiter Ihre Anfrage bearbeitet hat", "You'll get an email as soon as an agent has replied"; a callback in
# business hours: "We'll call you back within 1 hour during business hours")
SAYS_ANSWER_TO_COME = _words(
    r"\byou(?:['’]ll| will) (?:receive|get) (?:a|an) (?:\w+ )?(?:notification|e-?mail|update|message|alert),? "
    r"(?:as soon as|when|once) (?:an?|one of our|our) (?:\w+ )?(?:agent|advis[eo]r|colleague|team|member|staff|"
    r"representative|specialist|employee)",
    r"\b(?:sie erhalten|du erhältst) (?:eine|ein) (?:\w+ )?(?:benachrichtigung|e-?mail|nachricht|update|info),? (?:\w+ )?"
    r"(?:sobald|wenn) (?:ein|eine|einer unserer|unser|unsere) (?:\w+ )?(?:mitarbeiter|kolleg|berater|team|agent)",
    r"\b(?:vous recevrez|tu recevras) (?:une|un) (?:\w+ )?(?:notification|e-?mail|courriel|message),? (?:dès qu['’]|"
    r"lorsqu['’]|quand |une fois qu['’])(?:un|une|notre) (?:\w+ )?(?:conseill|agent|collaborat|équipe|membre)",
    r"\b(?:recibirás|recibirá|recibiréis) (?:una|un) (?:\w+ )?(?:notificación|aviso|correo|e-?mail|mensaje),? "
    r"(?:cuando|en cuanto|una vez que) (?:un|una|uno de nuestros|nuestro|nuestra) (?:\w+ )?(?:agente|asesor|gestor|"
    r"equipo|técnico|compañero)",
    r"\b(?:riceverai|riceverà) (?:una|un) (?:\w+ )?(?:notifica|e-?mail|mail|messaggio|avviso),? (?:non appena|quando|appena) "
    r"(?:un|una|uno dei nostri|il nostro|la nostra) (?:\w+ )?(?:operatore|consulente|agente|collega|team|tecnico)",
    r"\b(?:u ontvangt|je ontvangt|je krijgt|u krijgt) (?:een|bericht) (?:\w+ )?(?:melding|e-?mail|mail|bericht|"
    r"notificatie)?,?\s?(?:zodra|wanneer|als) (?:een|één van onze|onze) (?:\w+ )?(?:medewerker|collega|adviseur|team)",
    r"\b(?:receberá|vai receber|irá receber) (?:uma|um) (?:\w+ )?(?:notificação|e-?mail|mensagem|aviso),? (?:assim que|"
    r"quando) (?:um|uma|um dos nossos|o nosso|a nossa) (?:\w+ )?(?:assistente|operador|agente|técnico|equipa|equipe|"
    r"colaborador)",
    r"\bwe(?:['’]ll| will) (?:call|ring|phone|text|get back to|reply to|contact) you(?: back)? [^.\n]{0,40}?"
    r"\b(?:during|in|within) (?:our )?(?:business|office|opening|working) hours\b",
    r"\b(?:rufen wir sie|wir rufen sie|melden wir uns|wir melden uns) [^.\n]{0,40}?\b(?:während|innerhalb) (?:unserer|der) "
    r"(?:geschäfts|öffnungs|büro|service)zeiten\b",
    r"\bnous vous (?:rappellerons|recontacterons|répondrons) [^.\n]{0,40}?\b(?:pendant|durant|aux) (?:nos|les) "
    r"(?:heures|horaires) d['’]ouverture\b",
    r"\b(?:te|le|os) (?:llamaremos|devolveremos la llamada|contestaremos|responderemos) [^.\n]{0,40}?\ben (?:nuestro )?"
    r"horario (?:de (?:oficina|atención|apertura)|laboral|comercial)\b",
    r"\b(?:ti|la|le|vi) (?:richiameremo|ricontatteremo|risponderemo) [^.\n]{0,40}?\bin orario (?:d['’]ufficio|"
    r"lavorativo|di apertura)\b",
    r"\b(?:we|wij) (?:bellen|nemen|mailen|appen|reageren) [^.\n]{0,40}?\btijdens (?:onze )?(?:kantoortijden|"
    r"kantooruren|openingstijden|openingsuren|werktijden)\b",
    r"\b(?:ligaremos|contactaremos|responderemos|retornaremos) [^.\n]{0,40}?\b(?:em|no|dentro do) horário "
    r"(?:comercial|de expediente|de (?:funcionamento|atendimento))\b",
)
# Whom the customer reached and missed, the way a missed-call text-back says it: "Sorry we missed your call", "Wir
# haben Ihren Anruf leider verpasst", "Nous avons manqué votre appel", "No hemos podido atender tu llamada",
# "Abbiamo perso la tua chiamata", "We hebben je oproep gemist", "Não conseguimos atender a sua chamada".
SAYS_MISSED_CALL = _words(
    r"\bwe (?:missed|couldn['’]t (?:take|answer)|could not (?:take|answer)|were (?:unable|not able) to (?:take|answer)|"
    r"weren['’]t able to (?:take|answer)) your (?:phone )?call\b",
    r"\bwir haben (?:ihren|deinen) anruf (?:leider )?verpasst\b|\b(?:leider )?konnten wir (?:ihren|deinen) anruf (?:leider )?"
    r"nicht (?:annehmen|entgegennehmen|beantworten)\b",
    r"\bnous avons manqué (?:votre|ton) appel\b|\bnous n['’]avons pas pu (?:prendre|répondre à) (?:votre|ton) appel\b",
    r"\b(?:hemos perdido|perdimos) (?:su|tu) llamada\b|\bno (?:hemos podido|pudimos) (?:atender|contestar|coger) (?:su|tu) "
    r"llamada\b",
    r"\babbiamo perso la (?:sua|tua) (?:chiamata|telefonata)\b|\bnon (?:abbiamo potuto|siamo riusciti a) rispondere alla "
    r"(?:sua|tua) (?:chiamata|telefonata)\b",
    r"\b(?:we|wij) hebben (?:uw|je|jouw) (?:oproep|telefoontje|gesprek) (?:helaas )?gemist\b|\b(?:we|wij) konden (?:uw|je|"
    r"jouw) (?:oproep|telefoontje) (?:helaas )?niet aannemen\b",
    r"\b(?:perdemos|perdemos a) (?:a sua|a tua|sua|tua) chamada\b|\bnão (?:conseguimos|pudemos) atender (?:a sua|a tua|sua|"
    r"tua) chamada\b",
)
# What a mailbox's timetable says: "This mailbox is checked Monday to Friday", "Dieses Postfach wird werktags
# gelesen", "Cette boîte est consultée du lundi au vendredi", "Este buzón se revisa de lunes a viernes", "Questa
# casella è monitorata dal lunedì al venerdì", "Deze mailbox wordt op werkdagen gelezen", "Esta caixa é verificada de
# segunda a sexta".
SAYS_MAILBOX_HOURS = _words(
    r"\b(?:this|our) (?:\w+ )?(?:mailbox|inbox|e-?mail address|address|number) is (?:only )?(?:checked|monitored|read|"
    r"staffed|answered|attended)\b",
    r"\b(?:dieses|unser) (?:\w+)?postfach wird [^.\n]{0,40}?\b(?:gelesen|bearbeitet|betreut|geprüft|abgerufen)\b",
    r"\b(?:cette|notre) (?:boîte|adresse)(?: (?:mail|e-?mail|aux lettres))? est (?:consultée|relevée|traitée|lue|"
    r"surveillée)\b",
    r"\b(?:este|nuestro) buzón (?:se (?:revisa|atiende|consulta|lee)|es (?:revisado|atendido))\b",
    r"\b(?:questa|la nostra) casella(?: (?:di posta|e-?mail|mail))? (?:è|viene) (?:monitorata|controllata|letta|"
    r"gestita|presidiata)\b",
    r"\b(?:deze|onze) (?:mailbox|inbox|postbus|e-?mailbox) wordt [^.\n]{0,40}?\b(?:gelezen|bekeken|beantwoord|"
    r"gecontroleerd|bemand)\b",
    r"\b(?:esta|a nossa) caixa(?: de (?:correio|e-?mail|entrada))? (?:é|está) (?:verificada|lida|consultada|monitorizada|"
    r"monitorada|atendida)\b",
)
# A satisfaction survey after a contact: the question, and a scale to answer on ("How satisfied are you …? Rate us 1 to
# 5", "¿cómo valorarías la atención recibida? Responde con un número del 1 … al 5", "Hoe tevreden ben je over dit
# gesprek? Geef ons 1 tot 5 sterren"): each weak, in a text nobody speaks in.
SAYS_SURVEY = _words(
    r"\bhow (?:satisfied|happy) (?:are|were) you with\b|\bhow would you rate\b|\bhow did we do\b|"
    r"\bwie zufrieden (?:sind|waren) sie\b|\bwie zufrieden bist du\b|\bwie bewerten sie\b|"
    r"\bcomment (?:évaluez|évalueriez|noteriez)-vous\b|\bêtes-vous satisfaite? de\b|\bsi la réponse apportée vous a satisfaite?\b|"
    r"\bcómo valorar(?:ía|ía)s?\b|\b(?:qué tan|cómo de) satisfech[oa]\b|\bcómo calificarías\b|"
    r"\bcome valuter(?:esti|ebbe)\b|\bquanto (?:sei|è) soddisfatt[oa]\b|"
    r"\bhoe tevreden (?:ben|bent|was|was je|was u) (?:je|u)?\b|\bhoe beoordeel (?:je|u)\b|"
    r"\bcomo (?:avalia|avaliaria|classificaria)\b|\bqu[ãa]o satisfeit[oa]\b",
)
SAYS_SCALE = _words(
    r"\b(?:from |on a scale of |between )?1\s*(?:\([^)]{1,20}\)\s*)?(?:to|-|–|and)\s*(?:5|10)\b(?:\s*\([^)]{1,20}\))?|"
    r"\b(?:von|zwischen) 1 (?:bis|und) (?:5|10)\b|\bde 1 à (?:5|10)\b|\bdel 1\s*(?:\([^)]{1,20}\)\s*)?al (?:5|10)\b|"
    r"\bda 1 a (?:5|10)\b|\bvan 1 tot (?:5|10)\b|\bde 1 a (?:5|10)\b|\b[1-5] (?:stars?|sterne|étoiles|estrellas|stelle|sterren|estrelas)\b",
)
# An opt-out keyword, as only bulk messaging platforms give it: "Text STOP to opt out", "Responde BAJA para no recibir
# más mensajes", "Antworte STOP zum Abmelden", "Répondez STOP pour ne plus recevoir", "Rispondi STOP per non ricevere
# più", "Antwoord STOP om af te melden", "Responda SAIR para deixar de receber".
SAYS_OPT_OUT = _words(
    r"\b(?:text|reply|send|sms|antworte|antworten sie|sende|senden sie|répondez|envoyez|responde|responda|envía|envia|"
    r"rispondi|risponda|invia|antwoord|stuur|sms)\s+(?:with\s+|mit\s+|par\s+|con\s+|met\s+|com\s+)?[\"'“„«]?(?-i:STOP|BAJA|"
    r"STOPP|ARRET|ARRÊT|SAIR|PARAR|CANCELAR|UNSUBSCRIBE)\b",
)
# Where a chat widget's answers will come: "You'll get replies here and by email", "Vous recevrez la réponse ici et
# par e-mail" (weak, in a text nobody speaks in).
SAYS_REPLIES_HERE = _words(
    r"\byou['’]ll (?:get|receive) (?:replies|a reply|an answer|our reply) here and (?:by|in your|via) e-?mail\b",
    r"\b(?:sie erhalten|du erhältst) (?:die |unsere )?antwort(?:en)? hier (?:und|oder) per e-?mail\b",
    r"\b(?:vous recevrez|tu recevras) (?:la |notre |les )?réponses? ici (?:et|ou) par e-?mail\b",
    r"\b(?:recibirás|recibirá) (?:la |nuestra |las )?respuestas? aquí (?:y|o) por (?:correo|e-?mail)\b",
    r"\b(?:riceverai|riceverà) (?:la |le )?rispost[ae] qui (?:e|o) via e-?mail\b",
    r"\b(?:je ontvangt|u ontvangt) (?:het |ons )?antwoord hier (?:en|of) per e-?mail\b",
    r"\b(?:vais|vai|irá) receber (?:a |as )?respostas? aqui (?:e|ou) por e-?mail\b",
)
_NOW_EN = r"right now|at the moment|currently|just now|at present"
_NOT_IN_EN = (r"(?:not available|unavailable|offline|not (?:around|online|at (?:the|our) (?:phone|desk|shop|counter|"
              r"studio))|away from (?:the|our) (?:phone|desk|shop))")
# Nobody in now, and what happens when they are: an out-of-hours notice ("Notre service client est actuellement
# fermé. … un conseiller vous répondra dès la réouverture."). Each half alone is what a person may write too.
SAYS_CLOSED_NOW = _words(
    r"\b(?:we(?:'re|’re| are)|our (?:\w+ ){0,2}(?:is|are)) (?:(?:currently|now|right now|at the moment) closed|closed "
    r"(?:right now|at the moment|for the (?:day|night|weekend)))\b",
    r"\boutside (?:of )?(?:our )?(?:opening|office|business|working|service|support) hours\b",
    r"\b(?:sind wir|wir sind|ist unser \w+|unser \w+ ist) (?:derzeit |zurzeit |momentan |gerade |aktuell |jetzt )"
    r"(?:nicht (?:erreichbar|besetzt)|geschlossen)\b",
    r"\baußerhalb (?:unserer|der) (?:geschäfts|öffnungs|service|büro|sprech)zeiten\b",
    r"\b(?:nous sommes|notre (?:\w+ ){0,2}est|nos (?:\w+ ){0,2}sont) (?:actuellement |momentanément |en ce moment )"
    r"fermée?s?\b",
    r"\ben dehors de (?:nos|des) (?:horaires|heures d'ouverture)\b",
    r"\b(?:estamos|nuestro (?:\w+ ){0,2}está|nuestra (?:\w+ ){0,2}está) (?:actualmente |ahora |en este momento )"
    r"cerrad[oa]s?\b",
    r"\bfuera (?:de nuestro|del) horario\b",
    r"\b(?:siamo|il nostro (?:\w+ ){0,2}è|la nostra (?:\w+ ){0,2}è) (?:attualmente |al momento |ora |in questo momento )"
    r"chius[oia]\b",
    r"\bfuori (?:dall'|dal nostro |dai nostri )?orari? (?:di (?:apertura|servizio|ufficio))?\b",
    r"\b(?:we zijn|wij zijn|onze? (?:\w+ ){0,2}is) (?:momenteel |nu |op dit moment )gesloten\b",
    r"\bbuiten (?:onze )?(?:openingstijden|kantoortijden|openingsuren)\b",
    r"\b(?:estamos|o nosso (?:\w+ ){0,2}está|a nossa (?:\w+ ){0,2}está) (?:atualmente |neste momento |agora )"
    r"fechad[oa]s?\b",
    r"\bfora do (?:nosso )?horário (?:de (?:funcionamento|atendimento|expediente))?\b",
    # nobody free to answer now, said by the company as "we", in other words: "We're not available right now", "Wir
    # sind gerade nicht am Handy", "Ahora mismo estamos fuera de horario", "Nous ne sommes pas disponibles pour le
    # moment", "Al momento non siamo disponibili", "We zijn nu niet bereikbaar", "Neste momento não estamos
    # disponíveis" (a "now" in it: "we are not available on Sundays" is a timetable)
    rf"\bwe(?:['’]re| are) (?:(?:{_NOW_EN}) {_NOT_IN_EN}|{_NOT_IN_EN} (?:{_NOW_EN}))\b",
    # (or the team: "Our team is offline right now")
    rf"\bour (?:\w+ ){{0,2}}(?:is|are) (?:(?:{_NOW_EN}) )?(?:offline|unavailable|not available)(?: (?:{_NOW_EN}))?\b",
    rf"\bwe can(?:['’]t|not| not) (?:answer|reply|respond|take (?:your )?calls?|get to the phone) (?:{_NOW_EN})\b",
    r"\b(?:sind wir|wir sind) (?:leider )?(?:derzeit|zurzeit|momentan|gerade|aktuell|jetzt) (?:leider )?nicht "
    r"(?:erreichbar|besetzt|verfügbar|da|online|vor ort|am (?:handy|telefon|platz)|im (?:büro|laden|studio|geschäft))\b",
    r"\b(?:wir können|können wir) (?:ihnen |dir |euch )?(?:leider )?(?:derzeit|zurzeit|momentan|gerade|aktuell|jetzt) "
    r"nicht (?:antworten|rangehen|ans (?:handy|telefon) gehen)\b",
    r"\bnous ne sommes pas (?:(?:actuellement|en ce moment|pour le moment) (?:disponibles|joignables|en ligne)|"
    r"(?:disponibles|joignables|en ligne) (?:pour le moment|actuellement|en ce moment|pour l['’]instant))\b|"
    r"\bnous ne sommes (?:actuellement|momentanément|en ce moment|pour le moment) pas (?:disponibles|joignables)\b|"
    r"\bnous sommes (?:actuellement|momentanément|en ce moment) (?:indisponibles|injoignables|absents)\b|"
    r"\bhors (?:de nos |des )?(?:horaires|heures) d['’]ouverture\b",
    r"\bfuera de horario\b|\b(?:ahora mismo|en este momento|ahora) (?:no estamos disponibles|estamos fuera de horario|no "
    r"(?:podemos|nos es posible) (?:atender(?:te|le|los)?|responder(?:te|le)?|contestar(?:te|le)?))\b|"
    r"\bno estamos disponibles (?:ahora mismo|en este momento)\b",
    r"\b(?:al momento|in questo momento|ora|adesso) non siamo (?:disponibili|raggiungibili|in negozio|in ufficio)\b|"
    r"\bnon siamo (?:disponibili|raggiungibili) (?:al momento|in questo momento|ora|adesso)\b",
    r"\b(?:we zijn|wij zijn) (?:momenteel|nu|op dit moment) niet (?:bereikbaar|beschikbaar|aanwezig|op kantoor|in de "
    r"winkel|online)\b",
    r"\b(?:neste momento|de momento|agora) não (?:estamos disponíveis|(?:podemos|conseguimos) (?:atender|responder))\b|"
    r"\bnão estamos disponíveis (?:neste momento|de momento|agora)\b",
)
SAYS_WHEN_OPEN = _words(
    r"\b(?:when|once|as soon as) we (?:re-?open|are (?:back|open)|open again)\b",
    r"\bsobald wir wieder (?:erreichbar|da|geöffnet|für sie da)|\bnach (?:unserer )?wiedereröffnung\b",
    r"\bdès (?:la|notre) réouverture\b|\bà (?:la|notre) réouverture\b",
    r"\b(?:en cuanto|cuando) (?:volvamos a abrir|reabramos|abramos)\b",
    r"\b(?:alla|dalla) riapertura\b|\b(?:non )?appena (?:riapriamo|riapriremo|saremo di nuovo)\b",
    r"\bzodra we weer (?:open|bereikbaar|geopend) zijn\b",
    r"\b(?:assim que|quando) (?:reabrirmos|voltarmos|estivermos de volta)\b",
)
# An away message's other half, next to "nobody in now" (SAYS_CLOSED_NOW): the opening hours, as a span of days and of
# hours ("Mo–Fr 8–21 Uhr besetzt", "L-V 9:30-14:00", "Mon–Sat 9–6", "du lundi au vendredi de 9h à 18h", "ma-za
# 9:00-18:00", "seg-sex 9h-19h"), or an answer as soon as possible ("wir melden uns so schnell wie möglich", "Te
# contestaremos lo antes posible"). Each alone a person writes too ("we'll reply asap"), so they count only next to
# "nobody in now", in a text nobody speaks in that says nothing else (_only_away).
_DAY_SHORT = (r"(?:mo|di|mi|do|fr|sa|so|l|m|x|j|v|s|d|lu|ma|me|je|ve|gi|wo|vr|za|zo|lun|mar|mer|mié|jeu|ven|sam|dim|"
              r"jue|vie|sáb|sab|dom|gio|seg|ter|qua|qui|sex)\.?")
_OPEN = (r"(?:open|opened|staffed|available|geöffnet|offen|besetzt|erreichbar|für (?:dich|sie|euch) da|ouverts?|"
         r"ouvertes?|joignables?|abiert[oa]s?|disponibles?|apert[oi]|disponibili|geopend|bereikbaar|abert[oa]s?|"
         r"dispon[íi]veis)")
SAYS_OPEN_HOURS = re.compile(
    rf"(?:\b{_OPEN}\s+)?\b(?:{_DAY}|{_DAY_SHORT})\s*(?:[-–—/]|to|bis|au|al|a|tot|t/m|até|à)\s*(?:{_DAY}|{_DAY_SHORT})"
    r"(?!\w)\.?,?\s*(?:(?:from|von|de|dalle|dal|van|das|des|ab)\s+)?\d{1,2}(?:[:.h]\d{2})?\s*(?:h|uhr|am|pm)?\s*"
    r"(?:[-–—]|to|bis|à|a|al|alle|tot|às|até)\s*\d{1,2}(?:[:.h]\d{2})?(?:\s*(?:uhr|h|hrs|horas|heures|ore|uur|am|pm)\b)?"
    rf"(?:\s+{_OPEN}\b)?", re.I)
SAYS_REPLY_ASAP = _words(
    r"\bwe(?:['’]ll| will| shall) (?:\w+ ){0,2}?(?:get back to you|reply|respond|answer|be in touch|get in touch|"
    r"contact you|come back to you)(?: \w+){0,3}? (?:as soon as (?:possible|we can|we['’]re back)|asap)\b",
    r"\b(?:wir melden uns|melden wir uns|wir antworten|antworten wir)(?: \w+){0,3}? (?:so schnell wie möglich|so bald wie "
    r"möglich|schnellstmöglich|baldmöglichst|umgehend)\b",
    r"\bnous (?:vous |te )?(?:répondrons|recontacterons|rappellerons|reviendrons vers (?:vous|toi))(?: \w+){0,2}? "
    r"(?:dès que possible|au plus vite|dans les meilleurs délais)\b",
    r"\b(?:(?:te|le|les|os) )?(?:contestaremos|responderemos|escribiremos|llamaremos|atenderemos)(?: \w+){0,2}? "
    r"(?:lo antes posible|lo más pronto posible|cuanto antes|en cuanto (?:podamos|sea posible))\b",
    r"\b(?:(?:ti|le|vi) )?(?:risponderemo|ricontatteremo|richiameremo|scriveremo)(?: \w+){0,2}? (?:il prima possibile|"
    r"al più presto|appena possibile|quanto prima)\b",
    r"\b(?:we|wij) (?:reageren|antwoorden|nemen|komen|bellen)(?: \w+){0,4}? zo (?:snel|spoedig) mogelijk(?: \w+){0,3}?"
    r"(?: (?:op|terug))?\b",
    r"\b(?:responderemos|entraremos em contact[oa]|retornaremos|(?:vamos|iremos) responder)(?: \w+){0,2}? (?:o mais "
    r"(?:breve|rápido|depressa) possível|assim que possível|com a maior brevidade)\b",
)
# What else an away message says: thanks for the message, where to look meanwhile (a link, an address, a number), the
# team's name under it.
_AWAY_THANKS = _words(
    r"\b(?:many |vielen |herzlichen |muchas |mille |hartelijk |muito )?(?:thanks|thank you|danke|dank|merci|gracias|grazie|"
    r"bedankt|obrigad[oa])(?: (?:so much|schön|beaucoup))? (?:for|für|pour|por|per|voor|pela|pelo) (?:(?:your|the|deine?|"
    r"ihre?|votre|ton|ta|tu|su|il (?:suo|tuo)|la (?:sua|tua)|uw|je|jouw|a sua|o seu|sua|seu) )?(?:(?:message|nachricht|"
    r"anfrage|e-?mail|mail|mensaje|consulta|messaggio|bericht|mensagem|msg|text)\b|(?:writing|contacting|getting in touch|"
    r"reaching out|deine nachricht|schreiben|kontaktaufnahme|écrire|votre message|escribir(?:nos)?|contactar(?:nos)?|"
    r"averci (?:scritto|contattato)|scriverci|contattarci|je bericht|contact|escrever|contactar|nos contactar)"
    r"(?: (?:to|an|à|a|al|aan|ao|à) (?:[\w&'’-]+ ?){1,3})?)",
)
# "Leave us a message (and your email address)", "Laissez-nous votre message avec votre numéro de commande": what an
# away message asks (no sign alone: a person writes it too).
_LEAVE_MESSAGE = _words(
    r"\bleave (?:us )?(?:a|your) message(?: (?:and|with) (?:your|an?) [\w ]{1,30})?",
    r"\bhinterlass(?:en sie|e)? (?:uns )?(?:eine|ihre|deine) nachricht(?: (?:mit|und) [\w ]{1,30})?",
    r"\blaissez(?:-nous)? (?:un|votre) message(?: (?:avec|et) [\w ]{1,40})?",
    r"\bdéja(?:nos|d(?:nos)?)? (?:un|tu|su) mensaje(?: (?:con|y) [\w ]{1,30})?",
    r"\blasci(?:aci)? (?:un|il (?:suo|tuo)) messaggio(?: (?:con|e) [\w ]{1,30})?",
    r"\blaat (?:een|je|uw) bericht achter(?: (?:met|en) [\w ]{1,30})?",
    r"\bdeix(?:e|a)(?:-nos)? (?:uma|a sua|sua) mensagem(?: (?:com|e) [\w ]{1,30})?",
)
# The rest of a timetable: who is there, and a single day's hours ("Nos conseillers sont disponibles …", "… et le
# samedi de 9h à 12h").
_TIMETABLE_REST = re.compile(
    r"\b(?:nos|our|unsere|nuestros|i\s+nostri|onze|os\s+nossos)\s+[\w-]+\s+(?:sont|are|sind|están|sono|zijn|estão)\s+"
    r"(?:disponibles?|available|erreichbar|disponibili|bereikbaar|dispon[íi]veis)\b(?:\s+(?:du|from|von|de|dal|van|das))?|"
    rf"(?:\b(?:et|and|und|y|e|en)\s+)?(?:\b(?:le|el|il|am|on|op|ao|o)\s+)?\b{_DAY}\s+(?:de|from|von|dalle|van|das|des|dès)?"
    r"\s*\d{1,2}(?:[:.h]\d{2})?\s*(?:h|uhr|am|pm)?\s*(?:à|to|bis|alle|tot|às|a|-|–)\s*\d{1,2}(?:[:.h]\d{2})?\s*"
    r"(?:h|uhr|uur|am|pm)?\b", re.I)
_AWAY_POINTER = re.compile(r"https?://|\bwww\.|\b[\w-]+\.[a-z]{2,6}/\S|\S+@[\w-]+\.\w|\+?\d[\d ()/-]{6,}\d", re.I)
_AWAY_TEAM = re.compile(r"^\W*(?:(?:your|the|dein|euer|ihr|el|tu|su|vuestro|votre|ton|l['’]|il|tuo|vostro|je|jullie|uw|het|"
                        r"a|o|a sua|o seu|sua|seu|teu|tua)\s+)?(?:team|équipe|equipo|equipe|equipa|squadra|staff)\b", re.I)
_LETTERS = re.compile(r"[^\W\d_]+")


def _only_away(text: str) -> bool:
    """Every clause of the text is part of an away message: a greeting, thanks for the message, nobody in now, the
    opening hours, an answer as soon as possible or on reopening, where to look meanwhile, the team's name; a clause
    with anything else in it ("… and your repair is ready") is a person's answer."""
    for clause in re.split(r"(?<=[.!?])\s+|\n+|[,;]\s+(?!\d)|\s[-–—]\s", text):
        if len(_LETTERS.findall(clause)) <= 3 or _AWAY_POINTER.search(clause) or _AWAY_TEAM.match(clause):
            continue
        rest = clause
        for pattern in (SAYS_CLOSED_NOW, SAYS_WHEN_OPEN, SAYS_REPLY_ASAP, SAYS_OPEN_HOURS, _AWAY_THANKS, _LEAVE_MESSAGE,
                        _TIMETABLE_REST):
            rest = pattern.sub(" ", rest)
        if len(_LETTERS.findall(rest)) > 3:
            return False
    return True


# A bot says what it is: "I'm Nova, your virtual assistant", "Nova (virtual assistant):", "Ik ben Robin, de
# digitale assistent".
_BOT = (r"(?:virtual|digital|automated|automatic|ai|chat) ?(?:assistant|agent)|chat-?bot|bot|assistant virtuel|"
        r"assistante? automatique|asistente automático|assistente automatico|assistente automático|"
        r"automatische?r? assistent(?:in)?|"
        r"assistante virtuelle|asistente virtual|assistente virtuale|assistente virtual|virtuelle?r? assistent(?:in)?|"
        r"digitale?r? assistent(?:in)?|digitale assistent|assistante? num[ée]rique|asistente digital|assistente digitale|"
        r"assistente digital")
# "just", "only" before what the bot is: "I'm only the virtual assistant", "Ich bin nur der digitale Assistent".
_JUST = (r"(?:just|only|merely|simply|nur|bloß|lediglich|einfach|seulement|juste|simplement|solo|sólo|solamente|"
         r"simplemente|soltanto|semplicemente|maar|slechts|alleen|gewoon|apenas|só|somente)")
SAYS_BOT = _words(
    rf"\bje ne suis qu['’] ?(?:un |une |l['’] ?|le |la |votre |ton )?(?:{_BOT})\b",
    rf"(?:^|\n)[ \t]*[\w .'-]{{1,30}}\((?:{_BOT})\)[ \t]*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?[ \t]*)?:",
    # not denied: "no soy un bot", "I'm not a bot", "je ne suis pas un robot", "non sono un bot", "ik ben geen bot"
    machine.NOT_DENIED +
    rf"\b(?:{_JUST} )?(?:I(?:'m|’m| am)|ich bin|je suis|soy|sono|ik ben|sou|eu sou) (?:{_JUST} )?(?:(?:\w+ )?\w+{machine.NAME_EMOJI}, )?"
    # (any article, the indefinite one too: "Sou um assistente automático", "Ich bin ein digitaler Assistent")
    rf"(?:your|the|an?|ihr|dein|der|die|ein|eine|votre|ton|l'|le|la|un|une|tu|su|el|una|il tuo|il suo|uno|l'|de|je|uw|een|"
    rf"o seu|a sua|o|a|um|uma|seu|sua) ?(?:{_BOT})\b",
    # a bot's sign-off, a line of its own: "L'assistant virtuel de Potager & Co", "Your virtual assistant at Snoozly",
    # "— Nova, digitale assistent"; the brand's name may follow with no word between ("— Asistente virtual Movistar")
    rf"(?:^|\n)[ \t]*(?:[-–—][ \t]*)?(?:(?-i:[A-ZÀ-Þ])[\w-]{{1,20}},? )?(?:(?:your|the|ihr|dein|der|votre|ton|le|la|el|su|tu|"
    rf"il|de|je|uw|o|a|o seu|a sua|seu|sua) |l['’])?(?:{_BOT})(?: (?:of|at|from|de|du|des|del|di|della|van|von|da|do|das|"
    rf"dos|bei) [^\n.!?]{{1,40}}| (?-i:[A-ZÀ-Þ0-9])[\w&'’.-]*(?: (?-i:[A-ZÀ-Þ0-9])[\w&'’.-]*){{0,2}})?[ \t]*(?:[\U0001F300-\U0001FAFF\u2600-\u27BF]\ufe0f?[ \t]*)?(?=\n|$)",
    # a name in apposition, no article: "Sou a Bia, assistente virtual da …", "Soy Leo, asistente virtual de …"
    rf"\b(?:I(?:'m|’m| am)|ich bin|je suis|soy|sono|ik ben|sou|eu sou) (?:(?:o|a|el|la|il|le|l') )?"
    rf"(?-i:[A-ZÀ-Þ])[\w-]{{1,20}}{machine.NAME_EMOJI}, (?:{_BOT})\b",
)
# A bot's other tells, each a person may show too (so weak, and two needed): it names itself the brand's assistant
# ("I'm Pip, the Pawsome Pets assistant", "Soy Lía, la asistente de Muebles Sol"), a robot emoji, and a human spoken
# of as someone else who will take over ("a human will pick it up", "un conseiller humain", "ein Mensch aus unserem
# Team").
SAYS_BRAND_ASSISTANT = re.compile(
    r"\b(?:I(?:'m|’m| am)|ich bin|je suis|soy|sono|ik ben|sou|eu sou) (?-i:[A-ZÀ-Þ])[\w-]{1,20}, (?:the|your|ihr|dein|"
    r"der|die|votre|ton|l['’]|le|la|el|il|de|je|uw|o|a|tu|su|il tuo|il suo|seu|sua) ?(?:(?:(?-i:[A-ZÀ-Þ0-9])[\w&'’.-]*"
    r"[ -]){1,3}(?:assistant|assistent(?:in)?|asistente|assistente|helper|helfer(?:in)?|hulp(?:je)?)|(?:assistant|"
    r"assistent(?:in)?|asistente|assistente|helper|aide|hulp(?:je)?) (?:of|from|at|de|du|des|de la|del|di|della|dello|"
    # (the brand's whole first word: "la asistente de Muebles Sol"; not a person's assistant, "of Dr Rossi", "di
    # Direzione")
    r"van|von|da|do|das|dos) (?!(?:Dr|Dra|Mr|Mrs|Ms|Herr|Frau|M|Mme|Sr|Sra|Sig|Dott|Prof)\.?\s|(?:direc|direz)\w*\b)"
    r"(?-i:[A-ZÀ-Þ0-9])[\w&'’.-]*)(?![\w-]|\s+(?:manager|director|editor|to|coach|chef|de\s+direc\w+|"
    r"di\s+direzione))",
    re.I)
SAYS_BOT_EMOJI = re.compile(r"🤖")
# A menu of keywords to type or topics to pick ("Type YES, or pick another topic: Billing · Moving home", 'per
# parlare con un operatore scrivi "operatore"', "Escribe MENÚ para volver", "Tapez 1 pour …"): a bot's tell.
SAYS_MENU = _words(
    r"\b(?:type|reply|write|send|say|tap|press|scrivi|digita|escribe|escriba|responde|tippe|tippen sie|schreib|tapez|"
    r"écrivez|typ|stuur|digite|escreva|responda)\s+[\"'“„«]?(?-i:[A-Z0-9ÁÉÍÓÚ]{1,12}|\d)[\"'”»]?\s*(?:,|or\b|o\b|oder\b|ou\b|"
    r"of\b|to\b|for\b|per\b|para\b|pour\b|um\b|om\b)",
    r"\b(?:pick|choose|select) (?:a|another|an?) (?:topic|option)\b|\b(?:elige|selecciona) (?:un|otro) tema\b|"
    r"\b(?:choisissez|sélectionnez) un (?:sujet|thème)\b|\bscegli un (?:argomento|tema)\b|\bwähle ein thema\b|"
    r"\bkies een onderwerp\b|\bescolha um (?:assunto|tema)\b",
)
SAYS_HUMAN_LATER = _words(
    r"\ba (?:real )?human(?: agent| colleague| being| member of (?:our|the) team| advis[eo]r)? (?:will|can|'ll|’ll|"
    r"is going to|would)\b",
    r"\b(?:hand|pass|transfer|connect|put)\w* (?:you |this |your \w+ )?(?:over |on |through )?to a (?:real )?human\b",
    r"\b(?:un|une) (?:humain|conseill\w+ humaine?|agent humain|vraie? personne)\b",
    r"\bein (?:mensch|menschliche[rn]? (?:mitarbeiter|kollege|berater|ansprechpartner)\w*|echte[rn]? mensch)\b",
    r"\b(?:un humano|una persona real|un agente humano|un asesor humano)\b",
    r"\b(?:un operatore umano|una persona reale|un essere umano|un consulente umano)\b",
    r"\b(?:een (?:echt )?mens|een echte medewerker|een echt persoon)\b",
    r"\b(?:um humano|um atendente humano|um agente humano|uma pessoa real)\b",
)
# A keyword to type to be put through to a person: a bot's menu, for only a bot hands over that way ("Type AGENT to talk
# to a person", "Tapez « conseiller » pour parler à un conseiller", 'Escribe "agente" para hablar con una persona',
# "Schreib MITARBEITER, um mit uns zu chatten" is not one: no person named). Typed, not pressed on a phone ("press 2
# to speak to an adviser" is a person describing the phone line).
SAYS_MENU_TO_PERSON = _words(
    r"\b(?:type|write|send|reply|reply with|text|tippe|tippen sie|schreib|schreiben sie|sende|senden sie|antworte mit|"
    r"tapez|écrivez|envoyez|répondez|escribe|escriba|envía|envíe|responde|responda|scrivi|scriva|invia|rispondi|"
    r"typ|stuur|antwoord|escreva|envie|digite)\s+"
    r"(?:[«\"“„'‘]\s?[^\s\"”»’'.!?]{1,20}\s?[»\"”'’]|(?-i:[A-Z0-9ÁÉÍÓÚ]{1,12})\b)"
    r",?\s+(?:to|in order to|for|pour|afin de|para|per|om|um)\b[^.!?\n]{0,50}?\b(?:agents?|"
    r"(?:real |live )?(?:person|human|advis[eo]r|operator|representative|colleague|team member)s?|"
    r"conseill[eè]re?s?|opérat(?:eur|rice)|interlocut(?:eur|rice)|agente|asesora?|persona|operadora?|operatore|"
    r"operatrice|consulente|medewerker|adviseur|atendente|mitarbeiter(?:in)?|berater(?:in)?|mensch(?:en)?)\b",
)
# A chat's speaker that is a bot: "Assistente virtual: Olá!", "Chatbot: Hi there", "Virtueller Assistent: …" (only
# opening a chat with no other speaker than the bot and the customer: a bot that hands over to a person is a person's
# chat, and "Virtual assistant: ask Ava any time" in an e-mail's footer is no speaker).
SAYS_BOT_SPEAKER = re.compile(rf"^[ \t]*(?:{_BOT})[ \t]*:", re.I | re.M)
_CHAT_SPEAKER = re.compile(r"^[ \t]*([^\n:]{1,40}?)[ \t]*:[ \t]+\S", re.M)
# What a person's answer has and a machine's acknowledgement has not: someone speaking for themselves ("I've
# checked", "ich habe", "j'ai", "he revisado", "ho verificato", "ik heb", "eu verifiquei"), an amount of money,
# something done about the request ("we have refunded", "has been cancelled").
_DONE_SIGNS = (
    r"(?:[£€$¥₹]|\bR\$)\s?\d|\d(?:[.,]\d+)?\s?(?:€|EUR|GBP|USD|CHF|euros?|dollars?|pounds?)\b",
    r"(?i:\b(?:we(?:'ve|’ve| have)?|has been|have been|was|were) (?:now )?(?:refunded|credited|cancell?ed|"
    r"dispatched|shipped|delivered|approved|replaced|repaired|fixed|reset|issued|paid|booked|arranged|"
    r"scheduled|waived|reversed|reactivated|unblocked)\b)",
    r"(?i:\b(?:wurden?|ist|sind|haben wir) (?:\w+ )?(?:erstattet|gutgeschrieben|storniert|ersetzt|repariert|behoben|"
    r"zurückgebucht|überwiesen|ausgetauscht)\b)",
    r"(?i:\b(?:a été|ont été|avons) (?:\w+ )?(?:rembours|crédit|annul|remplac|répar|corrig|effectu)ée?s?\b)",
    r"(?i:\b(?:ha sido|han sido|hemos|se ha) (?:\w+ )?(?:reembolsad|abonad|cancelad|sustituid|reparad|corregid)[oa]s?\b)",
    r"(?i:\b(?:è stat[oa]|sono stat[ei]|abbiamo) (?:\w+ )?(?:rimborsat|accreditat|annullat|sostituit|riparat|corrett)"
    r"[oaie]\b)",
    r"(?i:\b(?:is|zijn|hebben we|wij hebben|we hebben) (?:(?!automat)\w+ )?(?:terugbetaald|teruggestort|geannuleerd|vervangen|"
    r"gerepareerd|gecrediteerd|verstuurd|verzonden|aangepast|gewijzigd|opgelost|omgeruild|ingepland)\b)",
    r"(?i:\b(?:foi|foram|já) (?:\w+ )?(?:reembolsad|creditad|cancelad|substituíd|reparad|estornad)[oa]s?\b)",
    # someone sent or told to act on it: "the crew has been instructed to return and empty the bin", "der Monteur
    # wurde beauftragt", "le technicien a été mandaté"
    r"(?i:\b(?:has|have) been (?:instructed|asked|told|booked|scheduled|sent|dispatched|tasked|authori[sz]ed) to "
    r"(?!(?:a|an|the|our|your|you|us|one|this|that|contact|respond|reply|get)\b)[a-z]{3,}\b)",
    r"(?i:\b(?:wurden?|ist|sind|haben wir|habe ich) (?:\w+ ){0,3}?(?:beauftragt|angewiesen)\b)",
    r"(?i:\b(?:a|ont) été (?:chargée?s?|mandatée?s?) de\b)",
    # a step taken or a decision made on the request, not its receipt: "Ya hemos gestionado el cambio", "A troca do
    # liquidificador foi aprovada", "já verificamos seu pedido", "Ihre Reklamation wurde genehmigt"
    r"(?i:\b(?:ya\s+)?hemos\s+(?:gestionado|tramitado|aprobado|autorizado|procesado|resuelto|solucionado|"
    r"programado|organizado|cambiado|modificado|actualizado|revisado|verificado|comprobado)\b)",
    r"(?i:\b(?:foi|foram)\s+(?:aprovad|autorizad|processad|resolvid|agendad|verificad)[oa]s?\b|"
    r"\bjá\s+(?:verificamos|aprovamos|processamos|resolvemos|agendamos|alteramos|trocamos|enviamos|tratamos)\b)",
    r"(?i:\b(?:wurden?|ist|sind)\s+(?:\w+\s+)?(?:genehmigt|bewilligt|freigegeben|veranlasst|erledigt)\b)",
    r"(?i:\b(?:a|ont)\s+été\s+(?:\w+\s+)?(?:approuvée?s?|acceptée?s?|validée?s?|traitée?s?)\b)",
    r"(?i:\b(?:è|sono)\s+stat[oaie]\s+(?:approvat|autorizzat|accettat|elaborat|gestit)[oaie]\b)",
    r"(?i:\b(?:is|zijn)\s+(?:\w+\s+)?(?:goedgekeurd|toegekend|verwerkt|geregeld)\b)",
    r"(?i:\b(?:wij|we)\s+hebben\s+(?:\w+\s+){0,4}?(?:ingetrokken|kwijtgescholden|vernietigd|toegekend|goedgekeurd|"
    r"gecrediteerd|teruggestort|geannuleerd|gecorrigeerd)\b)",
    r"(?i:\b(?:wir\s+haben|haben\s+wir)\s+(?:\w+\s+){0,4}?(?:storniert|erstattet|gutgeschrieben|zurückgenommen|"
    r"aufgehoben|genehmigt|korrigiert|eingestellt)\b)",
    r"(?i:\b(?:has|have)\s+been\s+(?:approved|authori[sz]ed|accepted|arranged|processed|sorted)\b)",
    # what was asked for, sent along and pointed back to by a pronoun: "you'll find it attached", "Vous le trouverez en
    # pièce jointe", "Sie finden sie im Anhang", "te la adjunto", "lo trova in allegato", "u vindt het in de bijlage",
    # "encontra-o em anexo" (not "please find attached your invoice": a billing system's mail says that too)
    r"(?i:\b(?:you['’]ll|you will|you can) find (?:it|them) attached\b|\b(?:I|we)(?:['’]ve| have) attached (?:it|them)\b)",
    r"(?i:\bvous (?:le|la|les) trouverez (?:ci-joint|en pi[èe]ce jointe|en annexe)|\bje vous (?:le|la|les) joins\b)",
    r"(?i:\b(?:sie finden|finden sie|du findest|findest du) (?:ihn|sie|es) (?:\w+ )?(?:im anhang|anbei|in der anlage)\b)",
    r"(?i:\b(?:lo|la|los|las) (?:encontrarás|encontrará|tienes|tiene) adjunt[oa]s?\b|\b(?:te|se) (?:lo|la|los|las) "
    r"adjunt(?:o|amos)\b)",
    r"(?i:\b(?:lo|la|li|le) (?:trova|trovi|troverà|troverai) in allegato\b|\b(?:te|glie)(?:lo|la) alleg(?:o|hiamo)\b)",
    r"(?i:\b(?:u vindt|je vindt|vindt u|vind je) (?:het|hem|deze|ze|die) (?:\w+ )?(?:in de bijlage|bijgevoegd)\b)",
    r"(?i:\b(?:encontra|encontrará|encontrarás)-(?:o|a|os|as) em anexo\b|\b(?:envio|enviamos)-(?:lhe|te)-(?:o|a|os|as) em "
    r"anexo\b)",
)
# Something done about the request, or an amount: an answer, whoever signs it.
DONE_SIGNS = re.compile("|".join(_DONE_SIGNS))
# English "I", not the Italian plural article ("I miei ticket", "I nostri operatori", "I dati").
_ENGLISH_I = r"\bI\b(?!\.)(?!\s+(?:miei|tuoi|suoi|nostri|vostri|loro|[a-z]+i)\b)"
# (not a domain's ending: "help.loopbox.io", "shop.eu" are no Italian or Portuguese "I")
PERSON_SIGNS = re.compile("|".join((
    _ENGLISH_I, r"\bI[’'](?:m|ve|ll|d)\b",
    r"(?i:(?<![.@/])\b(?:ich|j['’]|yo|io|ik|eu|mir|mich|moi|me he|ti ho|le he|lo he|la he)\b)",
    r"(?i:\bhe (?:ya |también )?(?:\w+(?:ado|ido|to|cho))\b)", r"(?i:\bho (?:già |appena |anche |ora )?(?:\w+(?:ato|uto|ito|esso|otto))\b)",
) + _DONE_SIGNS))
_FIRST_PERSON = re.compile("|".join((
    _ENGLISH_I, r"\bI[’'](?:m|ve|ll|d)\b",
    r"(?i:(?<![.@/])\b(?:ich|j['’]|yo|io|ik|eu|mir|mich|moi|me he|ti ho|le he|lo he|la he)\b)",
    r"(?i:\bhe (?:ya |también )?(?:\w+(?:ado|ido|to|cho))\b)", r"(?i:\bho (?:già |appena |anche |ora )?(?:\w+(?:ato|uto|ito|esso|otto))\b)",
    # a verb of the first person after its object pronoun, no "io"/"yo" needed: "le confermo la prenotazione", "le
    # escribo para", "ti invio il link", "confirmo-lhe a marcação"
    r"(?i:\b(?:le|la|ti|te|gli|vi|os)\s+(?:confermo|confirmo|scrivo|escribo|invio|envío|comunico|informo|ricordo|"
    r"recuerdo|rispondo|respondo|mando|allego|adjunto|chiedo|pido|propongo|giro|inoltro|paso|dejo|contatto|"
    r"contacto|richiamo|llamo)\b)",
    r"(?i:\b(?:confirmo|envio|informo|comunico|lembro|respondo|mando|peço|proponho)-(?:lhe|o|a|os|as)\b)")))
# Messages to this number or address go unread (SAYS_NO_REPLY): the messages, the number, the negation and the verb.
_MESSAGES = (r"(?:messages?|texts?|sms|replies|e-?mails|berichten|sms'?jes|reacties|nachrichten|antworten|réponses|"
             r"courriels|mensajes|respuestas|correos|messaggi|risposte|mensagens|respostas)")
_THIS_NUMBER = (r"\b(?:this|dit|deze|diese[rnms]?|ce|cet|cette|este|esta|questo|questa)\s(?:number|address|inbox|mailbox|"
                r"nummer|adres|e-?mailadres|adresse|postfach|numéro|número|dirección|numero|indirizzo|casella|endereço)\b")
_NOT_READ = (r"\b(?:not|\w+n['’]t|never|niet|geen|nooit|nicht|keine?|ne|pas|jamais|no|nunca|non|mai|não)\b"
             r"[^.!?\n]{0,30}?\b(?:read|monitored|gelezen|gelesen|überwacht|lus?|lues?|consultée?s?|leen|lee|leídos?|"
             r"leídas?|lett[oiae]|letti|lid[oa]s?|monitorizad[oa]s?|monitorad[oa]s?)\b")
# "Do not reply": a notification says it at the top; helpdesks put it in the footer of agents' answers.
SAYS_NO_REPLY = _words(
    r"\b(?:please )?do not (?:reply|respond)\b(?: (?:to|directly to) this (?:e-?mail|message|address|mail))?",
    r"\bdon't reply to this\b",
    r"\b(?:please )?don['’]t (?:reply|respond) (?:directly|to this (?:e-?mail|message|address|mail|text))\b",
    # said alone, closing its sentence: "This is an automated email – please don't reply."
    r"\b(?:please,? )?don['’]t (?:reply|respond)(?=\s*(?:[.!]|$))",
    # the reader cannot answer it: "You can't reply to this email", "Sie können auf diese E-Mail nicht antworten",
    # "Vous ne pouvez pas répondre à ce message", "No puede responder a este correo", "Non è possibile rispondere a
    # questa e-mail", "U kunt hier niet op antwoorden", "Não é possível responder a este e-mail"
    r"\byou (?:cannot|can['’]t|can not|are unable to) (?:reply|respond) (?:directly )?to this (?:e-?mail|message|address|"
    r"mail|text|number)\b",
    r"\b(?:sie können|du kannst) (?:auf )?diese (?:e-?mail|nachricht|sms|mail) nicht (?:direkt )?(?:beantworten|antworten)\b",
    r"\b(?:auf|an) diese (?:e-?mail|nachricht|sms|mail|adresse) (?:können sie|kannst du) nicht (?:direkt )?antworten\b",
    r"\b(?:vous ne pouvez|tu ne peux) pas (?:y )?répondre(?: directement)?(?: (?:à|a) (?:ce|cet|cette) (?:message|courriel|"
    r"e-?mail|mail|sms|adresse))?\b",
    r"\bno (?:puede|podrá|puedes|podrás|es posible) (?:responder|contestar) (?:directamente )?a (?:este|esta) (?:correo|"
    r"mensaje|e-?mail|sms|dirección)\b",
    r"\bnon (?:è possibile|può|puoi|potrà) rispondere (?:direttamente )?a (?:quest[ao]|quest['’]) ?(?:messaggio|e-?mail|"
    r"mail|sms|indirizzo)\b",
    r"\b(?:u|je|jij) kunt (?:hier|hierop|op (?:deze|dit) (?:e-?mail|bericht|mail|sms)) niet (?:op )?(?:antwoorden|"
    r"reageren|beantwoorden)\b",
    r"\b(?:u|je|jij) kunt niet (?:op|naar) (?:deze|dit) (?:e-?mail|bericht|mail|sms) (?:antwoorden|reageren)\b",
    r"\b(?:u|je|jij) kunt niet (?:antwoorden|reageren) op (?:deze|dit) (?:e-?mail|bericht|mail|sms)\b",
    # the message first, then the reader who cannot answer it: "Op dit bericht kun je niet reageren", "A este mensaje no
    # se puede responder", "A questo messaggio non è possibile rispondere", "A esta mensagem não é possível responder",
    # "This message cannot be replied to"
    r"\b(?:hierop|op (?:deze|dit) (?:e-?mail|bericht|mail|sms)) (?:kunt u|kun je|kun jij|kan je|kan men) niet (?:op )?"
    r"(?:antwoorden|reageren|beantwoorden)\b",
    r"\ba (?:este|esta) (?:mensaje|correo(?: electrónico)?|e-?mail|sms) no (?:se puede|puedes|puede|es posible) "
    r"(?:responder|contestar)\b",
    r"\ba (?:questo|questa|quest['’]) ?(?:messaggio|e-?mail|mail|sms) non (?:è possibile|si può|puoi|può) rispondere\b",
    r"\b(?:a|para) (?:esta|este) (?:mensagem|e-?mail|sms) não (?:é possível|pode|podes|se pode) responder\b",
    r"\bthis (?:message|e-?mail|mail|text|sms) (?:cannot|can['’]t|can not) be (?:replied|responded) to\b",
    r"\bbitte (?:antworte|antworten sie) nicht (?:darauf|hierauf)\b",
    r"\bnão (?:é possível|pode|podes|poderá) responder (?:diretamente )?a (?:est[ea]) (?:e-?mail|mensagem|sms|endereço)\b",
    r"\bthis (?:mailbox|address|inbox|e-?mail address) is not monitored\b",
    r"\bbitte (?:antworten sie nicht|nicht (?:auf diese (?:e-?mail|nachricht) )?antworten)\b",
    r"\b(?:antworten sie|antworte) nicht auf diese\b",
    r"\b(?:merci de|veuillez|prière de|nous vous remercions de|nous vous prions de) ne pas (?:y )?répondre\b",
    r"\bn(?:e |['’]y )(?:répondez|réponds) pas\b",
    r"\bpor favor,? no (?:responda|conteste|respondas|contestes|respondan|contesten)\b",
    r"\bno (?:responda|respondas|respondan|conteste|contestes|contesten) a (?:este|esta)\b",
    r"\b(?:si prega|(?:la|ti|vi|le) (?:preghiamo|prego|chiediamo|invitiamo)) di non rispondere\b",
    r"\bnon (?:rispondere|risponda|rispondete) a quest[ao]\b",
    r"\bgelieve niet te (?:antwoorden|reageren)\b",
    r"\b(?:reageer|antwoord) niet op deze\b",
    r"\bpor favor,? não (?:responda|respondas|respondam)\b",
    r"\bnão (?:responda|respondas|respondam) (?:a|para) est[ea]\b",
    # The address takes no answers: said by the notifications that come from one.
    r"\b(?:this|the) (?:mailbox|address|inbox|e-?mail address|number|e-?mail) (?:is|was) (?:not monitored|unmonitored|"
    r"unattended|not read)\b",
    r"\breplies to this (?:address|number|e-?mail|mailbox|message) (?:are|will) (?:not|n[o’']t) (?:be )?(?:read|"
    r"monitored|answered|seen)\b",
    r"\breplies to this (?:address|number|e-?mail|mailbox) aren[’']t (?:read|monitored)\b",
    # Replies to the message itself cannot be read, whatever the verb: "Antworten auf diese E-Mail können nicht
    # bearbeitet werden", "les réponses à ce message ne sont pas traitées", "le risposte a questa e-mail non vengono
    # lette", "antwoorden op dit bericht worden niet gelezen" (the message's own replies, then a negation).
    r"\b(?:replies|responses|answers) (?:sent )?to this (?:address|number|e-?mail|mailbox|message|text|sms)\b"
    r"[^.!?\n]{0,25}?\b(?:not|n[o’']t|cannot)\b",
    r"\b(?:antworten|rückmeldungen|zuschriften) (?:auf|an) (?:diese[nrs]?|die(?:se)?) (?:e-?mail|nachricht|sms|adresse|"
    r"nummer|absenderadresse|e-?mail-adresse)\b[^.!?\n]{0,30}?\b(?:nicht|keine)\b",
    r"\b(?:les )?réponses (?:à|a) (?:ce|cet|cette) (?:message|courriel|e-?mail|mail|sms|adresse|numéro)\b"
    r"[^.!?\n]{0,25}?\bne\b[^.!?\n]{0,20}?\b(?:pas|jamais)\b",
    r"\b(?:las )?respuestas (?:a|enviadas a) (?:este|esta) (?:correo|mensaje|sms|dirección|número|e-?mail)\b"
    r"[^.!?\n]{0,25}?\bno\b",
    r"\b(?:le )?risposte (?:a|inviate a) (?:questo|questa|quest['’]) ?(?:messaggio|e-?mail|mail|sms|indirizzo|numero)\b"
    r"[^.!?\n]{0,25}?\bnon\b",
    r"\b(?:antwoorden|reacties) (?:op|naar) (?:dit|deze) (?:bericht|e-?mail|mail|sms|adres|nummer|e-?mailadres)\b"
    r"[^.!?\n]{0,25}?\b(?:niet|geen)\b",
    r"\b(?:as )?respostas (?:a|para) (?:este|esta) (?:mensagem|e-?mail|sms|endereço|número)\b[^.!?\n]{0,25}?\bnão\b",
    # replying to it is not possible, the verb as the subject: "Reageren op dit bericht is niet mogelijk", "Replying to
    # this message is not possible", "Eine Antwort auf diese SMS ist nicht möglich", "Il n'est pas possible de
    # répondre à ce message", "Responder a este mensaje no es posible" (not said as a condition, _own: "If replying to
    # this email is not possible from your phone, call us")
    r"\b(?:replying|responding|replies|responses|a reply) to this (?:message|e-?mail|mail|text|sms|number|"
    r"address) (?:is|are) (?:not possible|impossible)\b",
    r"\bit(?:['’]s| is) (?:not possible|impossible) to (?:reply|respond) to this (?:message|e-?mail|mail|text|"
    r"sms|number|address)\b",
    r"\b(?:antworten|eine antwort|rückantworten) (?:auf|an) diese (?:nachricht|e-?mail|mail|sms|adresse|"
    r"nummer) (?:ist|sind) (?:leider )?(?:nicht möglich|unmöglich)\b",
    r"\bes ist (?:leider )?nicht möglich,? (?:auf|an) diese (?:nachricht|e-?mail|mail|sms|adresse|nummer) zu "
    r"antworten\b",
    r"\b(?:répondre|(?:la |une )?réponse) (?:à|a) (?:ce|cet|cette) (?:message|courriel|e-?mail|mail|sms|numéro|"
    r"adresse) (?:n['’]est pas possible|est impossible)\b",
    r"\bil (?:n['’]est pas possible|est impossible) de (?:répondre|réagir) (?:à|a) (?:ce|cet|cette) (?:message|"
    r"courriel|e-?mail|mail|sms|numéro|adresse)\b",
    r"\b(?:responder|contestar) a (?:este|esta) (?:mensaje|correo|e-?mail|sms|número|dirección) no es posible\b",
    r"\brispondere a (?:questo |questa |quest['’] ?)(?:messaggio|e-?mail|mail|sms|numero|indirizzo) non è "
    r"possibile\b",
    r"\b(?:reageren|antwoorden|een (?:reactie|antwoord)) (?:op|naar) (?:dit|deze) (?:bericht|e-?mail|mail|sms|"
    r"nummer|adres) is (?:helaas )?niet mogelijk\b",
    r"\bhet is (?:helaas )?niet mogelijk (?:om )?(?:op|naar) (?:dit|deze) (?:bericht|e-?mail|mail|sms|nummer|"
    r"adres) te (?:reageren|antwoorden)\b",
    r"\bresponder a (?:est[ea]) (?:mensagem|e-?mail|sms|número|endereço) não é possível\b",
    r"\bsent from an? (?:unmonitored|unattended|no-?reply|send-?only) (?:e-?mail )?(?:address|mailbox|number)\b",
    r"\b(?:does|do|can) not (?:accept|receive) replies\b",
    r"\bne pas répondre à ce (?:sms|message|mail|e-?mail|courriel)\b",
    r"\bcette adresse (?:e-?mail )?n'est pas (?:consultée|surveillée|lue)\b",
    r"\bno admite respuestas\b",
    r"\b(?:dieses postfach|diese (?:adresse|e-?mail-adresse|nummer)) wird nicht (?:überwacht|gelesen|bearbeitet)\b",
    r"\bauf diese (?:e-?mail|nachricht|sms) kann nicht geantwortet werden\b",
    r"\b(?:questo indirizzo|questa casella) non è (?:monitorat[oa]|presidiat[oa])\b",
    r"\bdit (?:e-?mailadres|adres|nummer) wordt niet (?:gelezen|gecontroleerd|bewaakt)\b",
    r"\beste (?:endereço|número) não é (?:monitorizado|monitorado|lido)\b",
    # the messages sent to this number or address are not read, in any word order: "Op dit nummer worden geen
    # berichten gelezen", "Messages to this number are not read", "Auf diese Nummer gesendete SMS werden nicht
    # gelesen", "Les SMS envoyés à ce numéro ne sont pas lus", "En este número no se leen los mensajes" (messages in
    # the sentence: "this address was not read by the scanner" is about a parcel)
    rf"\b{_MESSAGES}\b[^.!?\n]{{0,60}}?{_THIS_NUMBER}[^.!?\n]{{0,40}}?{_NOT_READ}",
    rf"{_THIS_NUMBER}(?=[^.!?\n]*\b{_MESSAGES}\b)[^.!?\n]{{0,40}}?{_NOT_READ}",
    # sent from an address that cannot take replies, whatever the sentence around it: "Cet e-mail est envoyé depuis une
    # adresse qui ne peut pas recevoir de réponses", "sent from an address that cannot receive replies"
    r"\b(?:address|mailbox|inbox|number)\b[^.!?\n]{0,30}?\b(?:cannot|can['’]t|can not|is unable to|does not|doesn['’]t|"
    r"will not|won['’]t) (?:accept|receive|process|take) (?:any )?(?:other )?(?:replies|responses|answers|incoming|"
    r"messages|texts)\b",
    r"\b(?:adresse|postfach|absender|nummer)\b[^.!?\n]{0,30}?\b(?:kann|können) keine (?:antworten|nachrichten|e-?mails|"
    r"rückmeldungen) (?:empfangen|annehmen|entgegennehmen|bearbeiten)\b|\b(?:adresse|postfach)\b[^.!?\n]{0,30}?"
    r"\bnimmt keine (?:antworten|nachrichten|e-?mails) (?:an|entgegen)\b",
    r"\b(?:adresse|bo[îi]te|numéro)\b[^.!?\n]{0,30}?\b(?:ne peut pas|ne peut|n['’]accepte pas|ne reçoit pas|ne traite pas)"
    r" (?:(?:recevoir|accepter|traiter) )?(?:de |les |aucune )?(?:réponses?|messages?|e-?mails?|courriels?)\b",
    r"\b(?:dirección|buzón|número|cuenta)\b[^.!?\n]{0,30}?\bno (?:puede|admite|acepta|recibe)"
    r" (?:recibir |aceptar )?(?:respuestas|mensajes|correos)\b",
    r"\b(?:indirizzo|casella|numero)\b[^.!?\n]{0,30}?\bnon (?:può|è abilitat[oa] a|accetta|riceve)"
    r" (?:ricevere |accettare )?(?:risposte|messaggi|e-?mail)\b",
    r"\b(?:adres|mailbox|nummer|e-?mailadres)\b[^.!?\n]{0,30}?\b(?:kan geen|accepteert geen|ontvangt geen|verwerkt geen)"
    r" (?:antwoorden|reacties|berichten|e-?mails)\b",
    r"\b(?:endereço|caixa|número)\b[^.!?\n]{0,30}?\bnão (?:pode|aceita|recebe|consegue)"
    r" (?:receber |aceitar )?(?:respostas|mensagens|e-?mails)\b",
)
# Zendesk and others put "reply above this line" at the top of every message, agents' answers included.
REPLY_ABOVE = _words(r"\breply above this line\b", r"\bantworten sie oberhalb dieser zeile\b",
                     r"\brépondez au-dessus de cette ligne\b", r"\bresponda (?:por )?encima de esta línea\b")
NO_REPLY_SENDER = re.compile(r"^(?:no-?reply|do-?not-?reply|donotreply|mailer-daemon|notifications?)\b", re.I)
# Helpdesks that put Auto-Submitted: auto-generated on every message, agents' answers included (sources in
# tests/data/helpdesks/README.md): named in the report's "why".
EVERY_MAIL_AUTO_SUBMITTED = (
    ("Zendesk", "X-Mailer", re.compile(r"^\s*Zendesk Mailer", re.I)),
    ("Freshdesk", "Message-ID", re.compile(r"freshdesk\.com>\s*$", re.I)),
)


def _quote(text: str) -> str:
    return " ".join(text.split())


def _head(text: str, lines: int = 3) -> str:
    """The first few non-empty lines: where a notification says what it is."""
    return "\n".join([line for line in text.splitlines() if line.strip()][:lines])


# A line that opens the customer's earlier message quoted in full: "Your original message:", "-----Original
# Message-----", "On 3 May, Jane wrote:", "Am 3. Mai schrieb Jane:", and a helpdesk's history entry under a rule
# ("Jane Hale, 3 Mar 2025, 21:47 GMT").
_QUOTE_OPENS = re.compile(
    r"^\s*(?:-{2,}\s*)?(?:(?:your|the) (?:original |earlier |previous )?message|original message|ursprüngliche nachricht|"
    r"ihre (?:ursprüngliche )?nachricht|(?:votre )?message (?:d'origine|original|initial)|(?:su |tu )?mensaje original|"
    r"(?:il suo |il tuo )?messaggio originale|(?:uw |je )?oorspronkelijke? bericht|(?:a sua |sua )?mensagem original)"
    r"\s*(?:-{2,}\s*)?:?\s*$|"
    r"^\s*(?:on|am|le|el|il|op|em)\b.{4,120}\b(?:wrote|schrieb|a écrit|escribió|ha scritto|schreef|escreveu)\s*:\s*$",
    re.I)
_RULE = re.compile(r"^\s*(?:[-_=*]\s?){5,}\s*$")
_HISTORY_DATE = r"(?:\d{1,2}[ .]\w{3,9}\.? \d{4}|\w{3,9}\.? \d{1,2},? \d{4}|\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4})\b"
_HISTORY_ENTRY = re.compile(r"^\s*[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){0,3},? " + _HISTORY_DATE)
# … or the name on a line of its own and the date on the next ("Jane Hale⏎Mar 4, 2024, 10:02 GMT"), as Zendesk lays it out
_HISTORY_NAME = re.compile(r"^\s*[A-ZÀ-Þ][\w'’.-]+(?: [A-ZÀ-Þ][\w'’.-]+){0,3}\s*$")
_HISTORY_DATE_LINE = re.compile(r"^\s*" + _HISTORY_DATE)


def _history_entry(lines: list[str], i: int) -> re.Match | None:
    """Whether lines[i] opens a helpdesk's history entry: a name and a date on one line, or on two."""
    return _HISTORY_ENTRY.match(lines[i]) or (
        _HISTORY_NAME.match(lines[i]) if i + 1 < len(lines) and _HISTORY_DATE_LINE.match(lines[i + 1]) else None)


# A "Subject:" line or a greeting on a line of its own ("Hey there! 👋", "Sehr geehrte Kundin, sehr geehrter Kunde,").
_SUBJECT_LABEL = r"(?:subject|betreff|objet|asunto|oggetto|onderwerp|assunto)"
_GREETING_OR_SUBJECT = re.compile(
    r"^[ \t]*" + _SUBJECT_LABEL + r"[ \t]*:[^\n]*$|"
    r"^[ \t]*(?:dear|hi|hello|hey|hallo|liebe[rs]?|sehr geehrte[rs]?|guten tag|bonjour|madame|monsieur|cher|chère|"
    r"hola|estimad[oa]s?|buen[oa]s días|gentile|buongiorno|ciao|beste|geachte|hoi|olá|ola|prezad[oa]s?|car[oa])\b"
    r"[^\n.?]{0,60}$", re.I | re.M)

_MAYBE_QUOTED = re.compile(r"^\s*(?:[-_=*]\s?){5,}\s*$|" + _QUOTE_OPENS.pattern, re.I | re.M)


def _unquoted(text: str) -> str:
    """The text without the customer's own message quoted in it: lines starting with '>', and a block that a line
    opens as the earlier message ("Your original message:", "On … wrote:", a helpdesk's "Name, date" under a rule),
    up to the next rule or the end (a labelled quote such as "Your original message:" to the end of its paragraph).
    Of a helpdesk's history entries only the last, the oldest, is left out: the request that opened the ticket (the
    entries above it are the thread's answers, newest first)."""
    if ">" not in text and not _MAYBE_QUOTED.search(text):
        return text   # the common case, quickly
    lines = text.splitlines()
    entries = [i for i in range(1, len(lines)) if _history_entry(lines, i)
               and _RULE.match(next((x for x in reversed(lines[:i]) if x.strip()), ""))]
    oldest = entries[-1] if entries else -1
    kept, quoting, after_rule, labelled, held = [], False, False, False, False
    for i, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            continue
        if _RULE.match(line) or (labelled and held and not line.strip()):
            quoting, after_rule, labelled = False, bool(line.strip()), False   # a labelled quote is one paragraph
            kept.append(line)
            continue
        if line.strip():
            if quoting:
                held = True
            elif m := _QUOTE_OPENS.match(line) or (after_rule and i == oldest and _history_entry(lines, i)):
                quoting, labelled, held = True, bool(m.re is _QUOTE_OPENS and not re.search(
                    r"wrote|schrieb|écrit|escribió|scritto|schreef|escreveu", line, re.I)), False
            after_rule = False
        if not quoting:
            kept.append(line)
    return "\n".join(kept)


# Dutch "je" is "you": said in a Dutch text, it is nobody speaking for themselves as French "je" is.
_DUTCH = re.compile(r"\b(?:het|een|niet|wij|jouw|uw|ons|onze|bij|voor|naar|dat|wordt|hebben|kunt|graag|ook|nog|"
                    r"zijn|deze|dit|mijn|jij)\b", re.I)
_FRENCH = re.compile(r"\b(?:le|les|des|une|est|pour|vous|nous|avec|dans|sur|pas|que|qui|du|au|ai|suis)\b", re.I)


# A satisfaction survey's question, above the answers it offers the customer ("How would you rate the support you
# received?⏎Good, I'm satisfied | Bad, I'm unsatisfied"): those answers are the customer's words, not the writer's.
_SURVEY_QUESTION = re.compile(
    r"\bhow (?:would|do|did) you rate\b|\bhow satisfied (?:were|are) you\b|\bhow did we do\b|"
    r"\bwie zufrieden (?:waren|sind) sie\b|\bwie (?:bewerten|beurteilen) sie\b|"
    r"\bcomment (?:évaluez|évalueriez|noteriez|jugez)-vous\b|\bêtes-vous satisfaite?s?\b|"
    r"\b(?:cómo|como) (?:valoras|valora|valorarías|valoraría|calificas|califica|calificarías|calificaría|evalúas|"
    r"evalúa|avalia|avalias|classifica|classificaria)\b|\bcome (?:valuta|valuti|giudica|giudichi)\b|"
    r"\bquanto (?:è|sei) (?:stat[oa] )?soddisfatt|\bhoe (?:tevreden bent|beoordeelt|beoordeel)\b|"
    r"\bficou satisfeit[oa]\b", re.I)


def _without_survey_answers(text: str) -> str:
    """The text without the answers a survey offers under its question (the line after it, when short)."""
    if not _SURVEY_QUESTION.search(text):
        return text
    kept, after_question = [], False
    for line in text.splitlines():
        if after_question and line.strip():
            after_question = False
            if len(line.strip()) <= 80:
                continue
        if _SURVEY_QUESTION.search(line) and line.rstrip().endswith(("?", ":")):
            after_question = True
        kept.append(line)
    return "\n".join(kept)


def _person_speaks(text: str) -> bool:
    """Someone speaks for themselves, or something was done about the request (PERSON_SIGNS, or French "je")."""
    text = machine.without_form(_without_survey_answers(text))   # (an amount in a form's fields is its data)
    if PERSON_SIGNS.search(text):
        return True
    return bool(re.search(r"\bje\b", text, re.I)) and len(_FRENCH.findall(text)) >= len(_DUTCH.findall(text))


# The writer reports something they did in the first person perfect ("I've updated", "ich habe … geändert", "j'ai
# modifié", "he actualizado", "ho aggiornato", "ik heb … aangepast", "atualizei"): an answer, not an absence notice
# (not "I have received your message", "I have been", "ich habe … erhalten", "j'ai été", "he estado").
_DID = re.compile(
    r"(?-i:\bI)(?:['’]ve| have) (?:just |now |already |also |gone ahead and )?(?!been\b|received\b|got\b|had\b)"
    r"[a-z]{3,}(?:ed|nt|ne|de|en|un|ut|et)\b|"
    r"\b(?:ich habe|habe ich) (?:\w+ ){0,4}?\bge\w+[td]\b|\bj['’]ai (?:\w+ ){0,2}?(?!été\b)\w+é\b|"
    r"\b(?:le |lo |la |se lo |ya )?he (?!recibido\b|estado\b|tenido\b)\w+(?:ado|ido)\b|"
    r"\bho (?!ricevuto\b|avuto\b)\w+(?:ato|uto|ito)\b|\bik heb (?:\w+ ){0,4}?\bge\w+[dt]\b|"
    r"\b(?:atualizei|alterei|mudei|enviei|cancelei|reembolsei|corrigi|resolvi|marquei|agendei|troquei)\b", re.I)


# Someone confirming a fact of the case in the first person ("Confermo che il lotto è lo stesso", "I can confirm
# the part is in stock"); not a receipt confirmed ("Je confirme la bonne réception de votre message").
_CONFIRM_I = re.compile(
    r"\b(?:(?-i:I) (?:can )?confirm|(?:le |ti )?confermo|(?:le |ti )?posso confermare|je (?:vous |te )?confirme|"
    r"je (?:vous |te )?peux confirmer|(?:le |te )?confirmo|(?:le |te )?puedo confirmar|ich bestätige(?: Ihnen| dir)?|"
    r"kann (?:Ihnen |dir )?bestätigen|ik bevestig|(?:ik )?kan (?:u |je )?bevestigen|posso confirmar|confirmo-lhe)\b"
    r"(?!(?:\s+\S+){0,4}?\s+(?:receipt|ricezione|ricevimento|réception|recepción|recibo|eingang|erhalt|ontvangst|"
    r"receção|recebimento)\b)", re.I)


def _answered_before(text: str) -> bool:
    """Something done about the request (an amount, a refund, "I've updated …", a fact confirmed) in the text."""
    return bool(DONE_SIGNS.search(text) or _DID.search(text) or _CONFIRM_I.search(text))


def _says_i(text: str) -> bool:
    """Someone speaks for themselves in the first person singular ("I", "ich", "je", "yo", "io", "ik", "eu")."""
    text = _without_survey_answers(text)
    return bool(_FIRST_PERSON.search(text)) or (
        bool(re.search(r"\bje\b", text, re.I)) and len(_FRENCH.findall(text)) >= len(_DUTCH.findall(text)))


# A closing ("Kind regards,") and under it a person's name ("Priya", "Mark Dawson", "Tom @ HomeHaven"), not a
# team's ("FlowCart Support Team", "Ihr Kundenservice").
_CLOSINGS = (
    r"(?:(?:kind |best |warm |many )?(?:regards|wishes|thanks)|best|cheers|thank you|thanks|sincerely|"
    r"yours(?: sincerely| faithfully| truly)?|all the best|take care|mit freundlichen grüßen|(?:viele |beste |liebe )?"
    r"grüße|freundliche grüße|cordialement|bien (?:à vous|cordialement)|salutations|(?:un )?saludo|saludos|"
    r"atentamente|un (?:caro )?saluto|cordiali saluti|distinti saluti|saluti|met vriendelijke groet(?:en)?|"
    r"(?:vriendelijke )?groet(?:en|jes)?|atenciosamente|(?:um )?abraço|cumprimentos|com os melhores cumprimentos)")
_CLOSING = re.compile(rf"^\s*{_CLOSINGS}[ \t]*[,!.]?\s*$", re.I)
# The same closing and name ending a one-line message (a text, a chat line): "… Un saluto, Giulia".
_CLOSING_INLINE = re.compile(rf"\b{_CLOSINGS}[ \t]*[,!.]?[ \t]+([^\n]{{1,40}}?)\s*$", re.I)
_NAME_WORD = re.compile(r"^[A-ZÀ-Þ][a-zß-ÿ'’]+(?:-[A-ZÀ-Þ][a-zß-ÿ'’]+)?$")
_NOT_A_NAME = re.compile(
    r"^(?:team|the|support|service|services|customer|customers|care|desk|helpdesk|help|department|office|centre|"
    r"center|relations|billing|sales|accounts|bank|group|ltd|inc|plc|gmbh|reception|admissions|ihr|ihre|dein|"
    r"deine|kundenservice|kundendienst|kundendialog|équipe|le|la|les|l'équipe|servicio|equipo|atención|cliente|"
    r"clientes|il|lo|servizio|assistenza|clienti|klantenservice|klantendienst|het|de|atendimento|equipa|"
    r"suporte|o|a|your|our|management|operations|member|members|"
    # a technical or help team, in every language: "Soporte Técnico", "Technischer Support", "Assistance technique"
    r"technical|technique|technischer|technische|technik|soporte|asistencia|técnico|tecnico|técnica|tecnica|"
    r"assistance|assistência|apoio|supporto|ondersteuning|servicedesk|serviceteam|kundensupport|kundenbetreuung|"
    # a department by its ending: "Reklamationsmanagement", "Schadenabteilung" (not "-service": "Glanzwerk
    # Gebäudeservice" is a firm's name)
    r"\w+(?:management|abteilung|team))$", re.I)
# An organisation signs, not a person: "Gemeente Deventerveen", "Stadtwerke Kiel", "Mairie de Lyon". (Only where the
# text says itself that it was sent automatically: a letter signed "Assurances Horizon" may still be a person's.)
_ORGANISATION = re.compile(
    r"^(?:gemeente|gemeinde|stadt|stadtwerke|stadtverwaltung|city|council|county|borough|municipality|mairie|ville|"
    r"commune|ayuntamiento|comune|municipio|câmara|prefeitura|university|universität|université|universidad|"
    r"università|universiteit|universidade|hospital|klinik|klinikum|ziekenhuis|ospedale|hôpital|clinic|clínica|"
    r"clinica|kliniek|praxis|school|schule|école|escuela|scuola|escola|hotel|bank|banque|banco|sparkasse|"
    r"versicherung|assurances?|seguros|assicurazioni|verzekeringen|mutuelle|insurance|stichting|verein|"
    # an insurer, a utility, a carrier or a pharmacy by its sector's noun: "Seguradora Atlântica", "Energie Noord"
    r"seguradora|aseguradora|assicurazione|verzekeraar|versicherer|assureur|insurers?|energy|energie|énergie|"
    r"energía|energia|telecom|airlines?|airways|pharmacy|apotheke|pharmacie|farmacia|farmácia|apotheek|"
    r"association|asociación|associazione|associação|foundation|fondation|fundación|fondazione|fundação|"
    # a travel firm: "Viajes Alborán", "Reisen Müller", "Voyages Soleil"
    r"travel|tours|viajes|reisen|voyages|viaggi|reizen|viagens)$", re.I)

# Signing on behalf of someone or of the firm, before the name: German "i. A." / "i. V.", English "p.p." / "pp".
_ON_BEHALF = re.compile(r"^(?:i\.\s?[AV]\.|p\.\s?p\.|pp|p/o|per\s+pro\.?)\s+", re.I)
_PARTICLE = re.compile(r"^(?:van|von|de|der|den|ter|ten|het|di|da|dos|das|do|du|del|della|le|la|'t)$")


def _signed_by_a_person(text: str, organisations: bool = False) -> bool:
    """Whether the text ends with a closing and a person's name under it (an acknowledgement signs as a team).
    ``organisations``: a name with an organisation's word in it ("Gemeente Deventerveen") is none."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    signed = [lines[i + 1] for i, line in enumerate(lines[:-1]) if _CLOSING.match(line)]
    if lines and (m := _CLOSING_INLINE.search(lines[-1])):
        signed.append(m.group(1))
    for signature in signed:
        signature = _ON_BEHALF.sub("", signature)   # "i. A. Kerstin Pohl", "p.p. Mark Dawson": the person signing
        name = re.split(r"\s*(?:[|@,–—]|\s-\s|\bfrom\b)\s*", signature, maxsplit=1)[0].split()
        # a surname's particles between the names: "Sanne de Vries", "Jan van der Berg", "Ana dos Santos"
        name = name[:1] + [w for i, w in enumerate(name[1:-1], 1) if not _PARTICLE.match(w)] + name[1:][-1:]
        if 1 <= len(name) <= 3 and all(_NAME_WORD.match(w) and not _NOT_A_NAME.match(w) and not (
                organisations and _ORGANISATION.match(w)) for w in name):
            return True
    return False


def _signed_by_a_first_name(text: str) -> bool:
    """Whether the text (before a "--" signature separator) ends with a lone first name: "…refund is done.\nPriya"."""
    body = above_signature(text)
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    return len(lines) > 1 and bool(_NAME_WORD.match(lines[-1])) and not _NOT_A_NAME.match(lines[-1])


def _fold_speaker(name: str) -> str:
    """A chat speaker's label as one key: "Assistente virtual" and "assistente virtual " are one speaker."""
    return " ".join(name.lower().split())


# Words in quotation marks ("…", “…”, „…“, «…», »…«, '…', ‘…’, ‚…‘): a person quoting a notice the customer got ('Sorry
# about the "This is an automated response" email') speaks of it; the words are not the reply's own voice. (An
# apostrophe is no quotation mark: one with a letter after it, "don't", stays inside the quote; a span ends at a blank
# line and is at most 300 characters long.)
_IN_QUOTES = re.compile(
    r'"(?:[^"\n]|\n(?![ \t]*\n)){1,300}?"|“(?:[^”\n]|\n(?![ \t]*\n)){1,300}?”|„(?:[^“”\n]|\n(?![ \t]*\n)){1,300}?[“”]|'
    r'«(?:[^»\n]|\n(?![ \t]*\n)){1,300}?»|»(?:[^«\n]|\n(?![ \t]*\n)){1,300}?«|‚(?:[^‘\n]|\n(?![ \t]*\n)){1,300}?‘|'
    r"(?<![\w'])'(?=\S)(?:[^'\n]|'(?=\w)|\n(?![ \t]*\n)){1,300}?(?<=\S)'(?!\w)|"
    r"‘(?:[^’\n]|’(?=\w)|\n(?![ \t]*\n)){1,300}?’(?!\w)")
# A notice named as one the reader received ("Sie haben … eine Abwesenheitsnotiz erhalten", "the out-of-office reply
# you got", "vous avez reçu une réponse automatique", "ha recibido un aviso", "u heeft een afwezigheidsmelding
# ontvangen"), or one a colleague's absence set off ("… an meine Kollegin …"): a person telling of another message.
_READER_RECEIVED = re.compile(
    r"\byou(?:['’]ve| have)? (?:\w+ )?(?:received|got|gotten|were sent|had)\b|"
    r"\b(?:sie haben|haben sie|du hast|hast du)\b[^.!?\n]{0,80}?\b(?:erhalten|bekommen)\b|"
    r"\b(?:vous avez|avez-vous|tu as|as-tu) (?:\w+ )?re[çc]u\b|\b(?:ha|has|han|habéis) (?:\w+ )?recibido\b|"
    r"\b(?:ha|hai|avete|abbia) (?:\w+ )?ricevuto\b|"
    r"\b(?:u heeft|heeft u|je hebt|heb je|jij hebt|jullie hebben)\b[^.!?\n]{0,80}?\b(?:ontvangen|gekregen)\b|"
    r"\b(?:recebeu|recebeste|(?:tem|têm|tinha) recebido)\b", re.I)
_COLLEAGUE = re.compile(
    r"\b(?:my|our) (?:colleague|co-?worker|deputy)|\b(?:meine[rnm]?|unsere[rnm]?) (?:kolleg|vertret|mitarbeiter)|"
    r"\b(?:mon|ma|notre) (?:coll[èe]gue|rempla[çc]ant)|\b(?:mi|nuestr[oa]) (?:compañer[oa]|colega)\b|"
    r"\b(?:il mio|la mia|mio|mia|il nostro|la nostra) collega\b|\b(?:mijn|onze) collega|\b(?:o meu|a minha|meu|minha|"
    r"o nosso|a nossa) colega\b", re.I)
# The words before a notice's name that make it this very message: "Sie haben diese Abwesenheitsnotiz erhalten, weil …"
_THIS_BEFORE = re.compile(r"\b(?:this|diese[rsnm]?|ce|cet|cette|ceci|este|esta|questo|questa|deze|dit)\s+(?:\S+\s+){0,2}$",
                          re.I)
# A condition just before the words: "If replying to this email is not possible from your phone, call us", "S'il n'est
# pas possible de répondre à ce message depuis votre téléphone".
_IF_BEFORE = re.compile(r"\b(?:if|wenn|falls|si|se|als|indien|caso|s['’])\s*$", re.I)
# The writer's own notice, named as a thing they have ("I've got my out-of-office on", "habe meine Abwesenheitsnotiz an",
# "j'ai activé mon message d'absence", "tengo puesta mi respuesta automática", "ho attivato la mia risposta automatica",
# "mijn afwezigheidsmelding staat aan", "tenho a minha resposta automática ligada"): a person speaking of it. Not after
# "is" ("This is my automatic reply": the notice saying what it is).
_MINE_BEFORE = re.compile(r"\b(?:my|meine[nm]?|mein|mon|ma|mi|il mio|la mia|mio|mia|mijn|o meu|a minha|meu|minha)\s+$", re.I)
_IS_BEFORE = re.compile(r"\b(?:is|ist|est|es|è|é|c['’]est|isso|dit|this)\s+(?:\S+\s+)?$", re.I)
_FIRST_PERSON_AWAY = re.compile(r"\b(?:I|ich|je|estoy|estaré|sono|sarò|ik|estou|estarei)\b|\bI['’]m\b", re.I)


def _mentioned(m: re.Match) -> bool:
    """m, a notice's words, stands inside another sentence that tells of a notice the reader received or a colleague's:
    a mention, not the message saying what it is. A label opening its sentence ("Abwesenheitsnotiz: …"), words that
    make it this message ("this out-of-office reply") or speak of the writer ("I'm on leave") are no mention."""
    text = m.string
    start = max(text.rfind(c, 0, m.start()) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, m.end()) for c in ".!?\n") if i >= 0]
    before, sentence = text[start:m.start()], text[start:min(ends) if ends else len(text)]
    if not before.strip() or _THIS_BEFORE.search(before) or _FIRST_PERSON_AWAY.search(m.group(0)):
        return False
    if _MINE_BEFORE.search(before) and not _IS_BEFORE.search(before):
        return True   # "… und habe meine Abwesenheitsnotiz an, aber …": the writer telling of their own notice
    return bool(_READER_RECEIVED.search(sentence) or _COLLEAGUE.search(sentence))


def _own(pattern: re.Pattern, text: str, mentions: bool = True, conditions: bool = False) -> re.Match | None:
    """pattern's first match in text that is the text's own voice: not in quotation marks, nor (``mentions``) a
    notice the sentence tells the reader received (_mentioned), nor (``conditions``) said after an "if"."""
    for m in pattern.finditer(text):
        if any(q.start() < m.start() and m.end() <= q.end() for q in _IN_QUOTES.finditer(text)):
            continue
        if (mentions and _mentioned(m)) or (conditions and _IF_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            continue
        return m
    return None


_SUBJECT_LINE = re.compile(r"\s*" + _SUBJECT_LABEL + r"\s*:\s*([^\n]+)", re.I)
_REPLY_NOUN = re.compile(r"\b(?:reply|response|antwort|réponse|respuesta|risposta|antwoord|resposta)\b", re.I)


_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_FIGURES = re.compile(r"\d+")


def _said_twice(text: str) -> str | None:
    """The second half of one message said twice, in two languages, one paragraph after the other, as a template's
    bilingual acknowledgement says it ("Este buzón se revisa de lunes a viernes … 2 días hábiles." / "This mailbox is
    checked Monday to Friday … 2 business days."): each paragraph at least eight words and clearly in a language of its
    own, of like length, with the same figures; or None."""
    paragraphs = [p.strip() for p in _PARAGRAPHS.split(text) if p.strip()]
    for first, second in itertools.pairwise(paragraphs):
        (n1, scores1), (n2, scores2) = language.profile(first), language.profile(second)
        if n1 < 8 or n2 < 8 or not 0.6 <= n1 / n2 <= 1.6 or set(_FIGURES.findall(first)) != set(_FIGURES.findall(second)):
            continue
        best1, best2 = (sorted(scores.items(), key=lambda kv: -kv[1]) for scores in (scores1, scores2))
        if best1[0][0] != best2[0][0] and all(best[0][1] >= 3 and best[0][1] >= 2 * best[1][1] for best in (best1, best2)):
            return second
    return None


def wording_evidence(text: str, subject: str = "") -> list[Evidence]:
    """What the words of an answer say about automation (every language the checks know).

    A message with nothing of a person's answer in it (nobody speaking for themselves, no amount, nothing done
    about the request) reads differently: there an acknowledgement with a ticket reference is a ticket-created
    notice, and "do not reply" in its last lines tells where it came from, as LABELS.md's "automatic" says."""
    text = _unquoted(text or "")
    if not subject and (line := _SUBJECT_LINE.match(text)):
        subject = line.group(1)   # a subject line written into the text: "Betreff: Automatische Antwort: …"
    head = _head(text)
    # What it says of itself first: the first two lines of its first paragraph after a subject line and a greeting.
    first = next((p for p in re.split(r"\n[ \t]*\n", _GREETING_OR_SUBJECT.sub("", text)) if p.strip()), "")
    opening = "\n".join(first.strip().splitlines()[:2])
    flat = _quote(text)   # sentences wrapped over lines read as one
    found: list[Evidence] = []
    lowered = f"{subject} {flat}".lower()
    for pattern, words in ((SAYS_AUTOMATIC, _AUTOMATIC_WORDS), (SAYS_AWAY, _AWAY_WORDS)):
        if not any(word in lowered for word in words):
            continue   # none of the words every one of its phrasings holds: no need to search
        # Said in the subject or the first lines, it is what the message is; further down (a footer, a
        # person mentioning their leave) only a weak sign.
        m = (subject and _own(pattern, subject)) or _own(pattern, head) or (
            pattern is SAYS_AUTOMATIC and _own(pattern, opening))
        if m and pattern is SAYS_AWAY and _starts_later(m):
            # "Ik ben vanaf morgen een week met vakantie": a leave still to come, told by someone at work today (an
            # out-of-office is sent while its writer is away, and never says "from tomorrow")
            found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” (a leave still to come)"))
        elif m and pattern is SAYS_AWAY and m.string is head and _answered_before(head[:m.start()]):
            # "Thanks for the quick reply. I've updated the address … I'm on leave from Friday": a person who answers
            # first and then mentions a leave; an out-of-office tells of the absence before anything else
            found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” (after an answer)"))
        elif m:
            found.append(Evidence(STRONG, f"says “{_quote(m.group(0))}”"))
        elif m := _own(pattern, text) or _own(pattern, flat):
            # Further down, in a text where nobody speaks for themselves or signs by name, the message still
            # says what it is ("This is an automatically generated notification. Replies … are not read.")
            # (a little short of deciding alone: a helpdesk may put it under a team's specific answer).
            # Not under an answer with something in it (an amount, something done): ticket systems put
            # "this message was sent automatically" under their agents' unsigned answers too.
            if pattern is SAYS_AUTOMATIC and not _says_i(text) and not _person_speaks(text) \
                    and not _signed_by_a_person(text, organisations=True) and not _signed_by_a_first_name(text):
                # (a reply that calls itself one is one: "Dit is een automatisch antwoord." mid-text decides; "this
                # email was generated automatically" is the wrapper helpdesks put round their agents' answers too)
                found.append(Evidence(STRONG if _REPLY_NOUN.search(m.group(0)) else WEAK + WEAKEST,
                                      f"says “{_quote(m.group(0))}” (in a text nobody signs or "
                                                      "speaks in)"))
            else:
                found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” (not at the top)"))
    # An out-of-office told by its frame: away for a stretch of dates, said at the top, and what happens to the mail
    # meanwhile; not above an answer (an amount, something done about the request).
    if not any(e.said.startswith("says") and e.weight >= STRONG for e in found) and (
            m := SAYS_AWAY_FOR.search(_lead(head)) or SAYS_AWAY_FOR.search(_lead(first))) \
            and not _there(m) \
            and MAIL_MEANWHILE.search(flat) and not DONE_SIGNS.search(text):
        found.append(Evidence(STRONG, f"says “{_quote(m.group(0))}” (away for dates, and who reads the mail meanwhile)"))
    # An address whose owner has left the firm, and what becomes of the mail: its notice.
    if not any(e.weight >= STRONG for e in found) and (
            m := SAYS_LEFT.search(_lead(head)) or SAYS_LEFT.search(_lead(first))) \
            and MAIL_MEANWHILE.search(flat) and not DONE_SIGNS.search(text):
        found.append(Evidence(STRONG, f"says “{_quote(m.group(0))}” (gone from the firm, and what becomes of the mail)"))
    # Only a system says where in the queue the customer is, or a bot what it is.
    for pattern, needed in ((SAYS_QUEUE, _QUEUE_WORDS), (SAYS_BOT, None)):
        if needed and not any(word in lowered for word in needed):
            continue   # none of the words every one of its phrasings holds
        if m := pattern.search(text) or pattern.search(flat):
            found.append(Evidence(STRONG, f"says “{_quote(m.group(0))}”"))
    if m := SAYS_MENU_TO_PERSON.search(flat):
        found.append(Evidence(STRONG, f"says “{_quote(m.group(0))}” (a keyword to type to reach a person: a bot's menu)"))
    bot_tells = [m for m in (SAYS_BRAND_ASSISTANT.search(flat), SAYS_BOT_EMOJI.search(flat), SAYS_HUMAN_LATER.search(flat),
                             SAYS_MENU.search(flat)) if m]
    if len(bot_tells) >= 2:
        found.extend(Evidence(WEAK, f"says “{_quote(m.group(0))}” (as a bot does)") for m in bot_tells)
    if (m := SAYS_BOT_SPEAKER.match(text.lstrip("\n"))) and \
            len({_fold_speaker(x) for x in _CHAT_SPEAKER.findall(text)}) <= 2:
        found.append(Evidence(STRONG, f"says “{_quote(m.group(0))}” (a bot speaks for the company)"))
    signs: list[bool] = []

    def impersonal() -> bool:   # only asked when there is wording it weighs (the search is the costly part)
        if not signs:
            signs.append(not _person_speaks(text) and not _signed_by_a_person(text))
        return signs[0]
    # Several ways of saying "received" (a bilingual text says it twice) are one sign; a ticket made is another.
    # Opening a person's answer (signed by a name, "I", an amount, something done) they are no sign at all: that
    # is how people open answers too.
    # A chat's queue or an out-of-hours notice: every agent busy, the next free one answers; closed now, an answer
    # when it opens. Each only in a text nobody speaks in.
    for pattern in (SAYS_BUSY, SAYS_HIGH_DEMAND, SAYS_NEXT_FREE, SAYS_CLOSED_NOW, SAYS_WHEN_OPEN, SAYS_ANSWER_LATER,
                    SAYS_ANSWER_TO_COME, SAYS_REPLIES_HERE, SAYS_MISSED_CALL, SAYS_MAILBOX_HOURS, SAYS_SURVEY, SAYS_SCALE,
                    SAYS_OPT_OUT):
        if (m := pattern.search(flat)) and impersonal():
            found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}”"))
    # An away message (a WhatsApp Business one, a chat's out of hours): nobody in now, and the opening hours or an
    # answer as soon as possible, in a text that says nothing else.
    if SAYS_CLOSED_NOW.search(flat) and not SAYS_WHEN_OPEN.search(flat) and \
            (m := SAYS_OPEN_HOURS.search(flat) or SAYS_REPLY_ASAP.search(flat)) and impersonal() and _only_away(text):
        found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” (beside nobody in now: an away message)"))
    elif (hours := SAYS_OPEN_HOURS.search(flat)) and SAYS_REPLY_ASAP.search(flat) and _LEAVE_MESSAGE.search(flat) and \
            impersonal() and _only_away(text):
        # … or said by the hours alone: "disponibles du lundi au vendredi de 9h à 18h. Laissez-nous votre message …
        # nous vous répondrons dès que possible"
        found.append(Evidence(STRONG, f"says “{_quote(hours.group(0))}” (hours, a message to leave and an answer "
                                      "as soon as possible, and nothing else: an away message)"))
    if (twice := _said_twice(text)) and impersonal():
        found.append(Evidence(WEAK, f"says “{_quote(twice)[:80]}” (the same message again, in another language)"))
    received = SAYS_RECEIVED.search(flat)
    created = SAYS_CREATED.search(flat)
    for m in (received, created):
        if m and impersonal():
            found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}”"))
    if (m := SAYS_UNSIGNED.search(flat)) and impersonal():
        found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” (valid with nobody's signature)"))
    if (m := SAYS_CLOSED.search(flat)) and impersonal():
        found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” (a closing notice, nobody's answer)"))
    status = SAYS_STATUS.search(flat)
    if status:
        found.append(Evidence(WEAK, f"says “{_quote(status.group(0))}” (a ticket's status, nobody's answer)"))
    if (received or created or status) and impersonal() and (ref := TICKET_REF.search(flat)):
        found.append(Evidence(WEAK, f"gives a ticket reference “{_quote(ref.group(0))}” and no answer"))
    # At the top: in the first lines of a text with no answer in it, or opening the text.
    if (m := _own(SAYS_NO_REPLY, _quote(head), mentions=False, conditions=True)) and (
            impersonal() or _own(SAYS_NO_REPLY, head.splitlines()[0], mentions=False, conditions=True)):
        found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” at the top"))
    elif m := _own(SAYS_NO_REPLY, flat, mentions=False, conditions=True):
        if impersonal():
            found.append(Evidence(WEAK, f"says “{_quote(m.group(0))}” under a text with no answer in it"))
        else:
            found.append(Evidence(WEAKEST, f"says “{_quote(m.group(0))}” (in the footer, where helpdesks put it "
                                           "under agents' answers too)"))
    if m := REPLY_ABOVE.search(flat):
        found.append(Evidence(WEAKEST, f"says “{_quote(m.group(0))}” (helpdesks put it on agents' answers too)"))
    return found


def auto_wording(text: str) -> str | None:
    """The words in a text that say it was sent automatically ("this is an automated response", "Dies ist eine
    automatische Antwort", an out-of-office, an acknowledgement, "do not reply" at the top), or None.

    A "do not reply" footer under an answer is not enough: helpdesks put it under their people's answers; nor
    is one acknowledgement alone ("we have received your request"): people open their answers with it too."""
    found = wording_evidence(text)
    plain = sum(e.weight for e in found) >= STRONG or any(e.said.endswith("” at the top") for e in found)
    for e in found:
        if e.weight >= WEAK and plain:
            return e.said.split("“", 1)[1].split("”", 1)[0]
    # The wording alone is not enough: the notification's frame may be (probes.checks.machine).
    return _machine_frame(text, found)


def _machine_frame(text: str, found: list[Evidence]) -> str | None:
    """What of the text's layout shows a machine wrote it (probes.checks.machine), counting the wording's own
    evidence ``found``, or None."""
    own = _unquoted(text or "")
    # (a person's name signed under a closing speaks for a person as "I" does: "Met vriendelijke groet, Femke Peeters"
    # above a "Dit e-mailadres wordt niet gelezen" footer)
    return machine.says_machine(own, sum(e.weight for e in found),
                                lambda: not _person_speaks(own) and not _signed_by_a_person(own),
                                lambda t: _says_i(t) or _signed_by_a_person(t))


def text_evidence(body: str, subject: str = "") -> list[Evidence]:
    """The wording's evidence and, where it is not enough alone, the layout's: what the product and the
    labelled-reply benchmark (``auto_wording``) both judge a text by."""
    found = wording_evidence(body, subject)
    if sum(e.weight for e in found) < STRONG and (frame := _machine_frame(body, found)):
        found.append(Evidence(STRONG - sum(e.weight for e in found),
                              f"is laid out as a machine's message (“{_quote(frame)}”)"))
    return found


def _helpdesk(msg) -> str | None:
    """The helpdesk that sent msg, when it is one known to put Auto-Submitted on every message."""
    for name, header, pattern in EVERY_MAIL_AUTO_SUBMITTED:
        if pattern.search(str(msg.get(header) or "")):
            return name
    return None


def header_evidence(msg) -> list[Evidence]:
    """What an email's headers say about automation."""
    found: list[Evidence] = []
    auto_submitted = str(msg.get("Auto-Submitted") or "").split(";")[0].strip().lower()
    if auto_submitted == "auto-replied":   # RFC 3834: an automatic response to a message
        found.append(Evidence(STRONG, f"Auto-Submitted: {auto_submitted}"))
    elif auto_submitted and auto_submitted != "no":
        # auto-generated is what Zendesk and Freshdesk put on their agents' answers too (they count as
        # notifications of a ticket update): weak unless something else says so.
        helpdesk = _helpdesk(msg)
        found.append(Evidence(WEAK, f"Auto-Submitted: {auto_submitted} (" + (
            f"{helpdesk} puts it on every message, agents' answers included)" if helpdesk else
            "some helpdesks put it on agents' answers too)")))
    for header in ("X-Autoreply", "X-Autorespond"):
        value = msg.get(header)
        if value is not None and str(value).strip().lower() not in ("no", "false", "0"):
            found.append(Evidence(STRONG, f"{header} header"))
    precedence = str(msg.get("Precedence") or "").strip().lower()
    if precedence == "auto_reply":
        found.append(Evidence(STRONG, "Precedence: auto_reply"))
    elif precedence in ("bulk", "junk", "list"):
        found.append(Evidence(WEAKEST, f"Precedence: {precedence} (helpdesks put it on agents' answers too)"))
    if msg.get("X-Loop") is not None:   # OTRS/Znuny and Zammad put it on their automatic mail
        found.append(Evidence(WEAKEST, "X-Loop header"))
    sender = parseaddr(str(msg.get("From") or ""))[1]
    if NO_REPLY_SENDER.match(sender):
        found.append(Evidence(WEAK, f"sent from {sender}"))
    return found


def _context_evidence(arrived: dt.datetime, contact: dict, template: str, ledger: Ledger,
                      auto_within_s: float) -> list[Evidence]:
    found = []
    sent = contact.get("sent_at")
    if sent is not None and (arrived - sent).total_seconds() < auto_within_s:
        found.append(Evidence(STRONG, f"arrived {max(0.0, (arrived - sent).total_seconds()):.1f} s after sending "
                                      f"(sooner than auto_reply_within_s: {auto_within_s:g})"))
    # Within one run only: the same person's answer to the same question last night must not make
    # tonight's look automatic (repeats across runs are a quality matter, not a sign of a robot).
    if (others := ledger.template_seen_elsewhere(template, contact["id"], run_id=contact["run_id"])):
        found.append(Evidence(STRONG, f"the same text was sent to {others} other "
                                      f"contact{'s' if others != 1 else ''} of this run"))
    return found


def judge(evidence: list[Evidence]) -> tuple[str, str]:
    """('auto' | 'human', why): strong evidence decides alone, weak evidence only together."""
    if not evidence:
        return "human", "no sign of automation"
    ordered = sorted(evidence, key=lambda e: -e.weight)
    said = "; ".join(e.said for e in ordered)
    if sum(e.weight for e in evidence) >= STRONG:
        return "auto", said
    return "human", f"only weak signs of automation, not enough together: {said}"


def classify(msg, arrived: dt.datetime, contact: dict, template: str, ledger: Ledger,
             auto_within_s: float, replies=None, body: str | None = None) -> tuple[str, str]:
    """('auto' | 'human', why) for an email. replies: the target's ``replies:`` rules (probes.yaml), or None;
    body: the text the reader sees, when the caller has it already (else it is read from msg)."""
    body = _body(msg) if body is None else body
    if replies is not None and (decided := replies.decide(msg, body)):
        return decided
    evidence = (header_evidence(msg) + _context_evidence(arrived, contact, template, ledger, auto_within_s)
                + text_evidence(body, str(msg.get("Subject") or "")))
    return judge(evidence)


def classify_text(body: str, arrived: dt.datetime, contact: dict, template: str, ledger: Ledger,
                  auto_within_s: float, replies=None) -> tuple[str, str]:
    """('auto' | 'human', why) for a text message, which has no headers to tell."""
    if replies is not None and (decided := replies.decide(None, body)):
        return decided
    return judge(_context_evidence(arrived, contact, template, ledger, auto_within_s) + text_evidence(body))


def _body(msg) -> str:
    """The text a reader sees (plain part, else the HTML part's text)."""
    from ..channels.email_inbox import body_text   # the one place that decodes a message's text

    try:
        return body_text(msg)
    except Exception:   # noqa: BLE001 - an undecodable body is no evidence either way
        return ""
