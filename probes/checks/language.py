"""Language: the reply is not in the language the customer wrote in.

A stop-word profile (the small words every sentence is made of: "the", "und", "que", "het" …) for
English, German, French, Spanish, Italian, Dutch and Portuguese, plus a few spellings only one of
them uses ("ção", "ß", "ñ", "ij"). Words shared by several languages count for each a fraction.

Caught (major): a reply whose own text is clearly in another of these languages than the persona's
``language`` (ISO 639-1, default "en"); for a persona whose language is none of the seven ("pl", "hi"),
a reply plainly and only in one of them (strong evidence, a third of its words that language's
function words, no sentence none of them accounts for, no other script), unless the persona's language
is a close relative of the one found (Galician and Portuguese, Afrikaans and Dutch, Catalan and Spanish).

Left alone: replies too short to tell (under 8 words or under 3 points of evidence, e.g. "OK,
thanks!" or a one-line SMS); bilingual replies where the customer's language holds its own (at
least half the evidence of the leading language); the customer's quoted message, code, links,
email addresses and the signature block; for a persona whose language is not one of the seven, any
reply that holds a sentence or a script we cannot read (it may be in their language).
"""
from __future__ import annotations

import re
from collections import Counter

from ..results import Finding
from ._text import OWN, prose_lines, snippet

CHECK = "language"

NAMES = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
         "pt": "Portuguese"}

_STOP = {
    "en": "the and to of a in is you your for that it we with on be are this have as our will not can if at or "
          "from by please thank thanks would do has been was any an us me my all so about there which should "
          "could get what when just also into more hi dear regards kind sorry sincerely best were they them "
          "their how here some may been being had let know soon received message team message order hours days request reply contact we'll we're you'll it's don't can't delivery refund sorry we've i'm our soon shortly",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden "
          "aus er hat dass sie nach wird bei einer um am sind noch wie einem über einen so zum war haben nur "
          "oder aber vor zur bis mehr durch man ihre ihr ihnen ich wir uns unser unsere bitte danke vielen dank "
          "gerne sehr geehrte geehrter freundlichen grüßen liebe hallo können kann wenn diese ihren ihrer ihrem "
          "leider bereits haben wurde wurden schon jedoch damit sowie möchten würden nachricht stunden tage tagen bestellung anfrage kunde kundin rückmeldung lieferung erstattung melden uns ihnen du dich dir dein deine es tut leid unterwegs bald",
    "fr": "le la les de des du un une et est en que qui dans pour pas sur au aux avec ce cette ces il elle nous "
          "vous votre vos notre nos ne se sont par plus mais ou été être avons avez merci bonjour cordialement "
          "madame monsieur je mon ma mes très bien si tout sera dès afin ainsi leur leurs peut pouvez avons "
          "c'est n'est d'un d'une l'équipe nous avons qu'il aujourd'hui heures jours commande demande réponse équipe livraison remboursement reviendrons vers désolés désolée sommes toi ton ta tes nous vous rapidement",
    "es": "el la los las de del y en que un una es por con para no se su sus al lo como más pero le ha muy este "
          "esta ya sin sobre también hemos nos usted gracias hola saludos estimado estimada puede podemos si "
          "cuando todo está estamos nuestro nuestra pedido atentamente quedamos disposición hay son fue han "
          "desde hasta mensaje plazo horas días pedido envío atención consulta solicitud respuesta equipo responderemos reembolso entrega tu te ti tus mucho muchas lamentamos informamos estará llegará camino pronto",
    "it": "il lo la i gli le di del della dei delle e è un una che in per non con su si ci da dal al alla come "
          "ma più anche sono abbiamo ha questo questa suo sua vostro vostra grazie cordiali saluti gentile "
          "buongiorno nostro nostra sarà essere stato se perché già molto tutto ordine nel nella sul sulla "
          "della degli ci restiamo disposizione messaggio entro ore giorni richiesta risposta spedizione cordialmente distinti risponderemo rimborso consegna suo ti tuo tua tuoi ci dispiace informiamo arriverà presto stata viaggio",
    "nl": "de het een en van in is dat op te voor met zijn niet aan er om ook als bij door maar uw u je jij we "
          "wij ons onze naar dan nog kan kunt wordt worden heeft hebben of dit deze die wat graag bedankt dank "
          "groet groeten beste vriendelijke over uit zo al tot mogelijk hierbij binnen zal zullen bent hebt "
          "geachte mevrouw meneer heer bericht uur dagen bestelling vraag antwoord klantenservice levering terugbetaling op jouw jullie onderweg spijt komt snel hoi",
    "pt": "o a os as de do da dos das e em no na nos nas um uma que é para por com não se seu sua mais como mas "
          "ao aos foi são está estamos você vocês obrigado obrigada olá atenciosamente prezado prezada pelo "
          "pela também já muito nosso nossa pedido será ser ter temos pode podemos caso entre até "
          "agradecemos contato mensagem dentro dias envio solicitação resposta equipe atendimento reembolso entrega responderemos sua seu teu tua lamentamos informamos chegar breve encomenda olá",
}
_WORDS: dict[str, set[str]] = {lang: set(words.split()) for lang, words in _STOP.items()}
_SHARE = Counter(w for words in _WORDS.values() for w in words)
# Spellings only one language uses: a point each time they occur.
_MARKS = {
    "de": re.compile(r"ß|\b\w*(?:ä|ö|ü)\w*\b|\b\w+(?:ung|keit|lich)(?:en)?\b"),
    "fr": re.compile(r"\b\w+(?:eux|aux|ée|ées)\b|\b[dlnqcjs]'\w+|ç[aou]"),
    "es": re.compile(r"ñ|¿|¡|\b\w+ción\b|\b\w+ciones\b"),
    "it": re.compile(r"\b\w+(?:zione|zioni)\b|\bè\b"),
    "nl": re.compile(r"\b\w*(?:ij|aa|uu)\w*\b"),
    "pt": re.compile(r"ã|õ|\b\w+(?:ção|ções)\b|lh[aeo]|nh[aeo]"),
    "en": re.compile(r"\b\w+(?:ing|ly)\b|\b\w+'(?:s|re|ll|ve|t|m|d)\b"),
}
_MIN_WORDS = 8
_MIN_EVIDENCE = 3.0
# Legal footers are often in one language for every country: not the reply's language.
_BOILERPLATE = re.compile(r"confidential|intended\s+(?:solely\s+)?(?:for|recipient)|registered\s+(?:office|in)|"
                          r"company\s+(?:number|no)|vertraulich|confidentiel|confidencial|riservat|vertrouwelijk|"
                          r"disclaimer|unsubscribe|abmelden|désinscri|darse\s+de\s+baja", re.I)
_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def profile(text: str) -> tuple[int, dict[str, float]]:
    """Number of words and each language's evidence in a text."""
    text = _URL.sub(" ", text)
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)]
    scores = {lang: 0.0 for lang in _STOP}
    for w in words:
        hits = [lang for lang, vocab in _WORDS.items() if w in vocab]
        for lang in hits:
            scores[lang] += 1.0 / _SHARE[w]
    lowered = text.casefold()
    for lang, mark in _MARKS.items():
        scores[lang] += 0.5 * len(mark.findall(lowered))
    return len(words), scores


# Languages close enough to one of ours that our profile would take them for it (Galician for Portuguese,
# Afrikaans for Dutch, Catalan for Spanish): a customer writing them is never told "wrong language".
_RELATIVES = {
    "af": "nl de", "fy": "nl de", "li": "nl de", "lb": "de nl fr", "yi": "de", "gl": "pt es", "ca": "es fr it pt",
    "oc": "fr es it pt", "an": "es fr it pt", "co": "it fr", "sc": "it es", "rm": "it de fr", "wa": "fr", "ht": "fr",
    "br": "fr", "ia": "en de fr es it nl pt", "ie": "en de fr es it nl pt", "io": "en de fr es it nl pt",
    "eo": "en de fr es it nl pt", "la": "en de fr es it nl pt", "vo": "en de fr es it nl pt", "mt": "it en",
    "ch": "es en", "bi": "en fr", "no": "de nl", "nb": "de nl", "nn": "de nl", "da": "de nl", "sv": "de nl",
    "fo": "de nl", "is": "de nl",
}
_MIN_SHARE_UNKNOWN = 0.3   # of all words, function words of the language the reply is taken to be in
_MIN_SENTENCE_SHARE = 0.15  # a sentence with fewer words of any of ours may be in the customer's language


def check(text: str, ctx=None) -> list[Finding]:
    persona = getattr(ctx, "persona", None) or {}
    want = str(persona.get("language") or "en").strip().lower().replace("_", "-").split("-")[0]
    lines = [ln for ln in prose_lines(text, ctx, kinds=(OWN,)) if not ln.signature and not _BOILERPLATE.search(ln.prose)]
    if not lines:
        return []
    body = "\n".join(ln.prose for ln in lines)
    n, scores = profile(body)
    if n < _MIN_WORDS:
        return []
    best = max(scores, key=lambda lang: scores[lang])
    if want not in _STOP:
        if not _clearly_ours(body, best, scores, want):
            return []
        title = f"Reply in {NAMES[best]}, but the customer's language is {want}"
        wrote = f"The customer's language is {want} (ISO 639-1), and they"
    elif best == want or scores[best] < _MIN_EVIDENCE or scores[want] >= 0.5 * scores[best]:
        return []
    else:
        title = f"Reply in {NAMES[best]}, but the customer writes {NAMES[want]}"
        wrote = f"The customer wrote in {NAMES[want]} and"
    first = next((ln for ln in lines if len(ln.prose.split()) >= 3), lines[0])
    return [Finding(
        CHECK, "major", title,
        f"{wrote} got an answer in {NAMES[best]}: a customer who does not read "
        f"{NAMES[best]} cannot use it, and it shows their language was ignored.",
        snippet(first.text))]


def _clearly_ours(body: str, best: str, scores: dict[str, float], want: str) -> bool:
    """For a customer whose language we have no profile for: is the reply plainly, and only, in one of
    ours? Plainly: strong evidence, far ahead of the next language, a large share of its words that
    language's function words. Only: no sentence of some length that none of ours accounts for (it may be
    in the customer's language: a bilingual reply), no other script, and the customer's language not a
    close relative of the one found (Galician read as Portuguese)."""
    if best in _RELATIVES.get(want, "").split() or scores[best] < 2 * _MIN_EVIDENCE:
        return False
    if sorted(scores.values())[-2] * 3 > scores[best]:
        return False
    text = _URL.sub(" ", body)
    if re.search(r"[^\W\d_]", re.sub(r"[A-Za-z\u00C0-\u024F]", "", text)):
        return False   # letters of another script: the customer's language may be in there
    words = [w.casefold() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)]
    if sum(w in _WORDS[best] for w in words) < _MIN_SHARE_UNKNOWN * len(words):
        return False
    known = set().union(*_WORDS.values())
    for sentence in re.split(r"[.!?;:\n]+", text):
        said = [w.casefold() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", sentence)]
        if len(said) < 4:
            continue
        if sum(w in known for w in said) < _MIN_SENTENCE_SHARE * len(said):
            return False   # a sentence none of ours accounts for
        _, own = profile(sentence)
        if max(own, key=lambda lang: own[lang]) != best and max(own.values()) >= 2.0:
            return False   # a sentence in another language (a relative of the customer's): bilingual
    return True
