"""Who a passage of a reply addresses: the customer, or the company's own staff.

Word lists of staff talk stop at the wordings their writers thought of. This module reads evidence that
does not depend on the wording, from the reply itself:

- the reply's *frame*: a letter has a greeting ("Dear Ms Okafor,", "Hallo Jens", "Bonjour Madame"), a body, a
  sign-off ("Kind regards", "Mit freundlichen Grüßen", "Cordialement") and a signature. A block above the
  greeting or below the signature that is not a subject line, a signature or a footer is set apart from the
  letter the customer was written;
- brackets: an aside in "(…)", "[…]" is set apart from the sentence around it;
- how the passage speaks of the customer: the customer's own name used as the subject of a verb ("Jane rang
  again", "Frau Okafor hat schon …", "la Sra. Díaz ya ha llamado") or possessively ("Jane's already had one
  reship") is talk *about* them, as are "cx", "the customer", "der Kunde", "la cliente" and third-person
  pronouns; "you" in any of the seven languages is talk *to* them;
- what only staff write: ticket and case work, approvals, escalation, fraud and verification, the same
  customer again and again ("third time", "schon dreimal", "deux fois"), notes in shorthand (a lower-case
  start, "nb:", "//", initials and a date, "pls", "tmrw", "cx"), orders to a colleague ("flag if …", "keep an
  eye", "clôturer le dossier", "cerrar el caso", "chiudere il ticket", "ticket sluiten"), a colleague named
  first ("Kim - can you close this").

A set-apart block or aside that speaks to nobody but the staff and has two points of such evidence is a note
(the customer's name in the third person or shorthand for them counts two; "the customer", a third-person
pronoun and each other kind count one). Inside the
letter's body, a sentence needs three points, one of them the customer's name or a noun for them. Footers
(disclaimers, registered offices, "Sent from my iPhone", social links, opening hours) are never judged.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import profanity
from .language import _WORDS as _FUNCTION_WORDS
from ._text import OWN, Line, fold

# --- The frame ------------------------------------------------------------------------------------------------
_GREETING = re.compile(
    r"^\s*(?:dear|hi|hiya|hello|hey|good\s+(?:morning|afternoon|evening|day)|greetings|g'day|namaste|"
    r"hallo|liebe[rs]?|sehr\s+geehrte[rs]?|guten\s+(?:tag|morgen|abend)|moin|servus|gr[üu](?:ß|ss)\s+gott|"
    r"bonjour|bonsoir|salut|madame|monsieur|ch[èe]re?s?|hola|estimad[oa]s?|buen[oa]s\s+(?:d[ií]as|tardes|noches)|"
    r"querid[oa]s?|gentile|gentilissim[oa]|egregi[oa]|buongiorno|buonasera|ciao|salve|car[oa]|beste|geachte|hoi|"
    r"goede(?:morgen|middag|navond)|ol[áa]|prezad[oa]s?|bom\s+dia|boa\s+(?:tarde|noite))\b", re.I)
_CLOSING = re.compile(
    r"^\s*(?:(?:kind|best|warm|warmest|many|with\s+(?:kind|best|warm))\s+(?:regards|wishes|thanks)|regards|"
    r"best|thanks(?:\s+again)?|thank\s+you|many\s+thanks|cheers|ta|sincerely|yours(?:\s+(?:sincerely|faithfully|"
    r"truly))?|all\s+the\s+best|take\s+care|speak\s+soon|"
    r"(?:mit\s+)?(?:freundlichen|besten|herzlichen|lieben|viele|beste|liebe|sonnige)\s+gr[üu](?:ß|ss)en?|"
    r"freundliche\s+gr[üu](?:ß|ss)e|gr[üu](?:ß|ss)e|lg|mfg|vg|"
    r"(?:bien\s+)?cordialement|bien\s+[àa]\s+vous|salutations(?:\s+distingu[ée]es)?|sinc[èe]res\s+salutations|"
    r"bonne\s+(?:journ[ée]e|soir[ée]e)|amicalement|merci|"
    r"(?:un\s+)?(?:cordial\s+)?saludos?(?:\s+cordiales)?|atentamente|un\s+abrazo|gracias|"
    r"(?:cordiali|distinti|cari)\s+saluti|(?:un\s+)?cordiale\s+saluto|saluti|grazie|a\s+presto|"
    r"(?:met\s+)?(?:vriendelijke|hartelijke)\s+groet(?:en)?|groet(?:en|jes)?|bedankt|"
    r"atenciosamente|(?:com\s+os\s+)?(?:melhores\s+)?cumprimentos|abra[çc]os?|obrigad[oa])"
    r"\s*[,.!]*(?:\s+[A-ZÀ-Þ][\w.'\-]*){0,3}\s*[,.!]*\s*$", re.I)
# Lines that stand above a greeting for the customer: a subject, a reference, a date, a ticket header.
_HEADERISH = re.compile(
    r"^\s*(?:re|aw|fw|fwd|wg|tr|rv|r|subject|betreff|objet|asunto|oggetto|onderwerp|assunto|ref(?:erence)?|"
    r"ticket|case|order|booking|request|your\s+(?:request|ticket|case|order))\b[^\n]{0,80}$|"
    r"^\s*(?:date|datum|to|from|an|von|[àa]|de|para|per|aan|van|cc|bcc|encl(?:osures?)?|attachments?|anlagen?|"
    r"pi[èe]ces?\s+jointes?|adjuntos?|allegat[oi]|bijlagen?|anexos?)\s*[:.]|^\s*[\[#]\s*(?:ref|ticket|case|order|#|\d)|"
    r"^\s*\d{1,2}[./ ]\w+[./ ]\d{2,4}\s*$", re.I)
# Footers written for everybody: never read as a note.
_FOOTER = re.compile(
    r"confidential|intended\s+(?:recipient|solely)|privileged|virus|registered\s+(?:office|in|address|number)|"
    r"company\s+(?:no|number|reg)|\bvat\b|regulated|authori[sz]ed\s+and|\bfca\b|privacy|unsubscribe|"
    r"sent\s+(?:from|via|by|with)\b|gesendet\s+von|envoy[ée]\s+de|enviado\s+desde|inviato\s+da|verzonden\s+vanaf|"
    r"enviado\s+do|follow\s+us|folgen\s+sie|suivez|s[íi]ganos|seguici|volg\s+ons|siga-nos|"
    r"https?://|www\.|\S+@\S+\.\w|\b(?:tel|phone|fax|mobile|mob|tél|telefone?|telefono|telefoon)\b\.?\s*[:+\d(]|"
    r"\+\d[\d\s]{6,}|opening\s+hours|open\s+(?:mon|from|\d)|[öo]ffnungszeiten|horaires|horario|orari|"
    r"openingstijden|hor[áa]rio|handelsregister|amtsgericht|gesch[äa]ftsf[üu]hrer|ust-?id|siret|rcs\b|"
    r"\bcif\b|\bnif\b|p\.\s?iva|kvk|btw|please\s+consider\s+the\s+environment|before\s+printing|"
    r"this\s+(?:e-?mail|message)\s+(?:and|is|was|may)|diese\s+(?:e-?mail|nachricht)|ce\s+(?:message|courriel)|"
    r"este\s+(?:mensaje|correo|e-?mail)|questa\s+(?:e-?mail|mail|comunicazione)|dit\s+(?:e-?mailbericht|bericht)|"
    r"esta\s+mensagem|reply\s+stop|do\s+not\s+reply|no\s+responda|ne\s+pas\s+r[ée]pondre|nicht\s+antworten|"
    # a mailbox nobody reads: "Este buzón no se revisa", "Dit e-mailadres wordt niet gelezen"
    r"not\s+monitored|unmonitored|no\s+se\s+(?:revisa|supervisa|lee)|wird\s+nicht\s+(?:überwacht|gelesen|betreut)|"
    r"n['’]est\s+pas\s+(?:surveill|consult|lu)|non\s+[èe]\s+(?:monitorat|presidiat|lett)|"
    r"wordt\s+niet\s+(?:gelezen|bewaakt|gecontroleerd)|n[ãa]o\s+[ée]\s+(?:monitorizad|monitorad|lid)",
    re.I)

# --- Talk to the customer --------------------------------------------------------------------------------------
_YOU = re.compile(r"\b(?:you|your|yours|yourself|you're|you've|you'll|you'd|ur|u|du|dich|dir|dein\w*|tu|toi|te|"
                  r"ton|ta|tes|vous|votre|vos|t[uú]|usted\w*|tus|tuy[oa]s?|su|sus|tuo|tua|tuoi|tue|ti|vi|"
                  r"vostr[oaie]|jij|je|jou|jouw|uw|voc[eê]s?|teu|tua|seu|sua|seus|suas|lhe|"
                  r"(?-i:Sie|Ihr\w*|Ihnen|Lei|La|Le))\b", re.I)
# Words of _YOU that are something else in a language.
_NOT_YOU = {"fr": {"du", "je", "la", "le", "te", "ta", "su", "vi", "u"},
            "de": {"je", "la", "le", "tu", "ta", "te", "su", "vi", "u"},
            "nl": {"te", "du", "la", "le", "tu", "su", "vi", "ti"},
            "it": {"su", "du", "je", "te", "ta", "le", "la", "u", "ur"},
            "es": {"u", "du", "je", "te", "ta", "le", "la", "ti", "vi"},
            "pt": {"u", "du", "je", "ta", "la", "le", "ti", "vi", "te", "su"},
            "en": {"ta", "du", "je", "la", "le", "tu", "te", "su", "vi", "ti", "sus", "tes", "ton", "vos", "uw"}}


def speaks_to_customer(text: str, lang: str) -> bool:
    """Does the text say "you" (in the reply's language, or English)?"""
    skip = _NOT_YOU.get(lang, _NOT_YOU["en"])
    return any(m.group(0).lower() not in skip for m in _YOU.finditer(text))


# --- Talk about the customer -----------------------------------------------------------------------------------
_TITLE = (r"(?:mr|mrs|ms|miss|mx|dr|herr|frau|hr|fr|m|mme|mlle|monsieur|madame|sr|sra|srta|se[ñn]or|se[ñn]ora|"
          r"sig|sig\.ra|sigra|signor|signora|dott|dhr|mevr|mevrouw|meneer|heer|sr\(a\)|senhor|senhora|d)\.?\s+")
# After the customer's name: a verb of the third person (or "'s"), so the name is the subject, not the one spoken to.
_AFTER_NAME = {
    "en": r"is|was|has|had|have|keeps|kept|wants|wanted|said|says|called|calls|rang|rings|phoned|emailed|emails|"
          r"wrote|writes|asked|asks|claims|claimed|insists|insisted|needs|needed|will|won't|can't|cannot|doesn't|"
          r"didn't|isn't|wasn't|hasn't|already|again|still|never|always|seems|sounds|got|gets|tried|tries|"
          r"threatened|threatens|mentioned|complained|complains|would|should|must|did|does|chased|rejected|refused|"
          r"accepted|paid|disputes|disputed|swears|reckons",
    "de": r"hat|hatte|ist|war|will|wollte|m[öo]chte|ruft|rief|schreibt|schrieb|sagt|sagte|meint|behauptet|droht|"
          r"drohte|wartet|schon|bereits|wieder|kann|soll|muss|verlangt|besteht|beschwert|hat's",
    "fr": r"a|avait|est|[ée]tait|veut|voulait|voudrait|dit|disait|appelle|rappelle|[ée]crit|d[ée]j[àa]|encore|"
          r"attend|menace|insiste|demande|exige|r[âa]le|souhaite|pr[ée]tend|refuse",
    "es": r"ha|hab[ií]a|es|era|est[áa]|estaba|quiere|quer[ií]a|dice|dijo|llama|llam[óo]|ya|otra|escribe|"
          r"escribi[óo]|exige|amenaza|insiste|pide|pidi[óo]|espera|reclama|se\s+queja",
    "it": r"ha|aveva|[èe]|era|vuole|voleva|dice|disse|chiama|chiamato|gi[àa]|ancora|scrive|minaccia|insiste|"
          r"chiede|aspetta|pretende|reclama|si\s+lamenta",
    "nl": r"heeft|had|is|was|wil|wilde|zegt|zei|belt|belde|al|weer|schrijft|dreigt|eist|vraagt|wacht|klaagt|"
          r"blijft",
    "pt": r"j[áa]|tem|tinha|est[áa]|estava|[ée]|era|quer|queria|diz|disse|ligou|liga|escreveu|amea[çc]a|"
          r"insiste|pede|pediu|espera|reclama|reclamou",
}
# Nouns and shorthand for the customer (not "customer service", "Kundenservice", "client area").
# Shorthand for the customer, or a noun for them without its article ("Cx verified", "Kundin ist sauer",
# "cliente já ligou"): how notes are written, and never how a letter speaks.
_CUSTOMER_SHORT = re.compile(
    r"(?<![\w\-])(?:cx|cust|kd|clt)(?:\.|(?![\w\-]))|"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)(?:customer|client)\s+(?=(?:is|was|has|had|wants|keeps|said|says|called|rang|"
    r"already|again|still|not|very|now|seems|asked|asks|claims|insists|needs|refuses|won't|can't|doesn't|"
    r"threaten\w*|demand\w*|asking|chasing|wanting|complain\w*)\b)|"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)(?:kunde|kundin)\s+\w|"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)(?:client|cliente)\s+(?:a|est|veut|d[ée]j[àa]|encore|tr[èe]s|pas)\b|"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)(?:cliente|clienta)\s+(?:ha|ya|est[áa]|quiere|muy|no)\b|"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)cliente\s+(?:ha|gi[àa]|[èe]|vuole|molto|non)\b|"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)klant\s+(?:heeft|is|wil|al|belt|zegt)\b|"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)cliente\s+(?:j[áa]|tem|est[áa]|quer|muito|n[ãa]o)\b|"
    # the customer filed by kind, as staff do, noun first: "cliente storico, …", "cliente VIP: …", "klant trouw"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)(?:cliente|clienta|client|kunde|kundin|klant)\s+(?:storic[oa]|abituale|fedele|vip|"
    r"habitual|fiel|fid[èe]le|antig[oa]|premium|gold|oro|langj[äa]hrig\w*|trouw|de\s+longue\s+date|de\s+toda\s+la\s+vida|"
    r"de\s+longa\s+data)\b(?=\s*[,:;\-–—]|\s*$)", re.I)
# A noun for the customer with its article ("the customer", "der Kunde"): said in slogans too, so weaker.
# (the service named after the customer is no customer: "atención al cliente", "apoio ao cliente", "area clienti")
_SERVICE_BEFORE = "".join(rf"(?<!{w}\s)" for w in (
    "atención", "atencion", "servicio", "atendimento", "serviço", "servico", "apoio", "suporte", "assistência",
    "assistencia", "assistenza", "servizio", "área", "area", "portal", "portale", "espaço", "espacio", "espace",
    "número", "numero", "código", "codigo", "codice", "service", "relación", "relação", "relazione"))
_CUSTOMER_NOUN = re.compile(
    r"\b(?:the|this|that|our)\s+(?:customer|client|caller|tenant|member|policyholder|lady|gentleman|guy|bloke)\b"
    r"(?!\s+(?:service|care|support|portal|area|account|number|id|ref|reference|feedback|satisfaction|survey|"
    r"experience|team|services|relations|charter|hub|journey|base)\b)|"
    r"(?:^|[.;:!?]\s+|[(\[]\s*)(?:customer|client)\s+(?=(?:is|was|has|had|wants|keeps|said|says|called|rang|"
    r"already|again|still|not|very|now|seems|asked|asks|claims|insists|needs|refuses|won't|can't|doesn't)\b)|"
    r"\b(?:der|die|dem|den)\s+(?:kunde|kundin|kunden)\b|" + _SERVICE_BEFORE + r"\b(?:le|la|ce|cette|du|au)\s+(?:client|cliente)\b|"
    + _SERVICE_BEFORE + r"\b(?:el|la|este|esta|al|del)\s+(?:cliente|clienta)\b|"
    + _SERVICE_BEFORE + r"\b(?:il|lo|la|questo|questa|al|del|dal)\s+cliente\b|"
    r"\b(?:de|deze|die)\s+klant\b|" + _SERVICE_BEFORE + r"\b(?:o|a|esse|essa|este|esta|ao|do|da)\s+cliente\b|"
    r"\b(?:la|il|questa|questo)\s+(?:signora|signore)\b|\b(?:la|el|esta|este)\s+(?:señora|señor)\b|"
    r"\b(?:a|o|esta|este)\s+(?:senhora|senhor)\b|\b(?:la|cette)\s+dame\b|\b(?:de|deze)\s+(?:mevrouw|meneer)\b|"
    r"\b(?:die|diese)\s+(?:frau|dame)\b|\b(?:der|dieser)\s+herr\b", re.I)
_PRONOUN = re.compile(
    r"\b(?:she|he(?!\s+[^\W\d_]+(?:ado|ido|cho|to)\b)|her|him|she's|he's|she'll|he'll|she'd|he'd|elle|il\s+a|il\s+est|il\s+veut|lui|ella|[ée]l|"
    r"lei|lui|ele|ela|dele|dela|zij|hij|ze\s+(?:heeft|is|wil|belt)|haar|hem|"
    r"(?-i:sie\s+(?:hat|ist|will|war|ruft|schreibt)|er\s+(?:hat|ist|will|war|ruft|schreibt)))\b", re.I)

# --- What only staff write -------------------------------------------------------------------------------------
_JARGON = re.compile(
    r"\b(?:ticket|tickets|case\s+(?:notes?|closed|open|ref)|crm|macro|escalat\w*|sla|queue|hand-?over|approv\w*|"
    r"authori[sz]\w*|sign[- ]?off|signed\s+off|one[- ]off|goodwill|flag\w*|fraud|verified|id&v|idv|dob|policy\s+says|"
    r"per\s+policy|over\s+my\s+limit|retro|no\s+further\s+action|nfa|resolved|pending|chased|dupe|duplicate|merge|"
    r"reship\w*|freebies?|write[- ]off|waived?|comp(?:'?d)?\s+(?:the|her|him|them|it|this)|log(?:ged)?\s+(?:it|this|in\s+(?:the\s+)?crm)|on\s+hold|"
    r"keep\s+an\s+eye|keep\s+(?:her|him|them)\s+(?:sweet|happy|quiet)|back\s?office|supervisor|team\s?lead\w*|"
    r"l[123]|t[123]|tier\s?\d|mgr|mngr|(?:manager|mgr|boss|legal|finance|billing|tl)\s+(?:said|says|ok'?d|approved)|"
    r"said\s+(?:ok|okay|fine|yes)|this\s+once|closing(?:\s+(?:this|it|the\s+(?:ticket|case)))?\s*[.!]?$|"
    r"chef|chefin|teamleit\w*|vorgesetzt\w*|gerente|gestor|jefe|jefa|capo|responsabile|leidinggevende|"
    r"vorgang|kulanz|eskal\w*|freigabe|freigegeben|wiedervorlage|r[üu]ckfrage|abschlie(?:ß|ss)en|schlie(?:ß|ss)en|"
    r"notiz|gutschein|chargeback|"
    # the canned answer agents are told to send: "std script", "Standardtext", "réponse type", "respuesta estándar"
    r"(?:std|standard|usual|stock|canned)\s+(?:reply|script|response|answer|text|wording)|standardtext|"
    r"textbaustein|r[ée]ponse\s+type|respuesta\s+est[áa]ndar|risposta\s+standard|standaard\s*(?:antwoord|tekst)|"
    r"resposta\s+padr[ãa]o|"
    r"dossier|cl[ôo]tur\w*|geste\s+commercial|relanc\w*|valid[ée]|escalad\w*|responsable|"
    r"caso|expediente|incidencia|cerrar|gesti[óo]n|escalar|supervisor[a]?|"
    r"pratica|segnalazione|chiudere|chiuso|scalare|responsabile|"
    r"sluiten|afhandel\w*|escaleren|teamleider|"
    r"chamado|processo|fechar|escalar|supervisor)\b", re.I)
_REPEAT = re.compile(
    r"\b(?:again|twice|(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th))\s+time|\d+\s?x|x\s?\d|"
    r"schon\s+wieder|zweimal|dreimal|viermal|\d+\s*mal|zum\s+\w+\.?\s+mal|"
    r"(?:\d+|two|three|four|five|six|several|many)\s+times|"
    r"(?:deux|trois|quatre|\d+)\s+fois|(?:dos|tres|cuatro|\d+)\s+veces|otra\s+vez|"
    r"(?:due|tre|quattro|\d+)\s+volte|di\s+nuovo|(?:twee|drie|vier|\d+)\s+keer|alweer|"
    r"(?:duas|tr[êe]s|quatro|\d+)\s+vezes|de\s+novo|outra\s+vez|always|immer|toujours|siempre|sempre|altijd|"
    r"every\s+(?:day|week|time)|"
    # an ordinal time in other languages: "3e fois", "tercera vez", "terza volta", "derde keer", "terceira vez"
    r"(?:\d+(?:e|ème|eme|a|ª|º|o|ste|de)|deuxième|troisième|quatrième|segunda|tercera|cuarta|seconda|terza|quarta|"
    r"tweede|derde|vierde|terceira|quarta)\s+(?:fois|vez|volta|keer))\b", re.I)
# The writer's drafting: the reply itself as the object of work still to do ("before this goes out", "check the
# tone", "copy the rest from KB 2231", "não enviar antes de confirmar").
_DRAFTING = re.compile(
    r"\bbefore\s+(?:this|it)\s+(?:goes|is\s+sent)\b|\bbefore\s+sending\b|"
    r"\b(?:check|fix|change|soften|improve|not\s+sure\s+about)\s+(?:the\s+)?(?:wording|tone|phrasing)\b|"
    r"\b(?:amend|change|swap|update|fix)\s+(?:the\s+)?(?:names?|dates?|details|amounts?|figures?)\b|"
    r"\bcopy\s+of\s+(?:the\s+|my\s+)?(?:reply|email|response|answer)\s+(?:sent|to|from)\b|"
    r"\bproof(?:read)?\b|\breword\b|\brephrase\b|\bcopy\s+(?:the\s+)?(?:rest|this|it|text)\s+(?:from|of)\b|"
    r"\bpaste\s+(?:in\s+)?(?:the\s+)?\w+\s+from\b|\b(?:ok|okay)\s+before\s+we\b|"
    # "before it goes out" in the other languages: "bevor das rausgeht", "avant que ça parte", "voordat het eruit gaat"
    r"\bbevor\s+(?:das|es|die\s+(?:mail|antwort))\s+raus\s*geht\b|"
    r"\bavant\s+que\s+(?:[çc]a|cela|le\s+(?:mail|message))\s+(?:parte|soit\s+envoy[ée])\b|"
    r"\bantes\s+de\s+que\s+(?:salga|se\s+env[ií]e)\s+(?:el|este)\s+(?:correo|mail|mensaje)\b|"
    r"\bprima\s+che\s+(?:parta|esca|venga\s+inviat[ao])\s+(?:la\s+(?:mail|risposta)|il\s+messaggio)\b|"
    r"\bvoordat\s+(?:het|dit|de\s+mail)\s+(?:eruit|de\s+deur\s+uit)\s+gaat\b|"
    r"\bantes\s+de\s+(?:isto|isso|o\s+e-?mail)\s+(?:sair|seguir|ser\s+enviado)\b|"
    r"\b(?:antes\s+de\s+(?:enviar|mandar|confirmar)|avant\s+(?:d['’]envoyer|l['’]envoi|envoi)|vor\s+dem\s+(?:ab|ver)?senden|"
    r"vor\s+(?:dem\s+)?versand|prima\s+di\s+(?:inviare|mandare)|voor\s+(?:het\s+)?(?:versturen|verzenden))\b|"
    r"\b(?:não|no|non|nicht|niet|ne\s+pas|don['’]t|do\s+not)\s+(?:enviar|mandar|inviare|envoyer|senden|schicken|"
    r"versturen|sturen|send)\b", re.I)
# A note's shorthand: "nb:", "//", "##", initials and a date ("MS 12/03"), "pls", "tmrw", "w/".
_SHORTHAND = re.compile(
    r"^\s*(?://|##|nb\b|n\.b\.|obs\b|fyi\b|note\s*:|ps\s+(?:to|for)\b|(?:internal|intern|interne?|interno|interna)\s*:)|"
    r"^[^:\n]{0,40}\b(?:team|equipe|equipa|[ée]quipe|equipo|squadra|kollegen|kollegin|kollege|colleagues?|"
    r"collega['’]?s|collega|colleghi|colegas?|compañer[oa]s?|shift|schicht|turno|dienst|agents?|staff|csr|advisors?)"
    r"\b[^:\n]{0,25}:|^\s*(?:note|nota|notiz|notitie|nb|n\.b\.|memo|reminder|ps|p\.s\.)\s+(?:for|to|para|per|pour|"
    r"für|voor|an|aan)\s+(?:the\s+|a\s+|o\s+|la\s+|il\s+|le\s+|de\s+)?@?(?-i:[A-ZÀ-Þ])\w+\s*:|"
    r"^\s*(?-i:[A-Z]{2,3})\s+\d{1,2}[./]\d{1,2}\b|"
    r"\s[-–—/]\s*(?-i:[A-Z]{1,3})\s*$|\b(?:pls|plz|tmrw|tmw|asap|thx|w/|w/o|b/c|atm|ta|mgr|mngr|ff|(?-i:TL|SV|TM))(?!\w)", re.I)
# A message typed into the wrong window says so: "sorry wrong window", "falsches Fenster", "mauvaise fenêtre".
_MISDIRECTED = re.compile(
    r"\bwrong\s+(?:window|chat|tab|thread|ticket|customer)\b|\bfalsche[sn]?\s+(?:fenster|chat|tab|ticket)\b|"
    r"\bmauvais[e]?\s+(?:fen[êe]tre|chat|onglet|ticket)\b|\b(?:ventana|chat|pestaña)\s+equivocad[oa]\b|"
    r"\b(?:finestra|chat|scheda)\s+sbagliat[oa]\b|\bverkeerde?\s+(?:venster|chat|tabblad|ticket)\b|"
    r"\b(?:janela|conversa|aba)\s+errad[oa]\b", re.I)
# A diary entry: a sentence that opens with a past or -ing verb and no subject ("Tried the 3 months free offer",
# "Going with the £200 offer", "Leaving this one for Priya").
_DIARY = re.compile(r"(?:^|[.!?]\s+)(?:tried|offered|called|rang|spoke|emailed|chased|gave|told|sent|checked|"
                    r"escalated|passed|going\s+with|leaving\s+this|waiting\s+(?:on|for)|closing)\b", re.I)
# An order to a colleague at the start of a clause, in the languages' note style (English imperatives that are not
# said to customers; an infinitive opening a clause elsewhere).
_STAFF_ORDER = re.compile(
    r"(?:^|[,;:.!?—–-]\s*)(?:keep|flag|close|chase|escalate|log|note(?!\s+(?:for|to)\b)|ignore|hold|reship|waive|merge|tag|assign|sort|"
    r"reassign|monitor|watch|don't\s+(?:offer|give|refund|promise|reopen)|no\s+more|remember\s+to|"
    r"don't\s+forget\s+to)\b|"
    # a discount ordered for the customer in the third person: "dagli il 10%", "dale un 15 %", "give her a voucher"
    r"\b(?:give\s+(?:him|her|them)|dagli|dalle|dategli|dale|dales|d[áa]-?lhe|donne-lui|donne-leur|gib\s+(?:ihm|ihr)|"
    r"geef\s+(?:hem|haar))\s+(?:(?:il|lo|la|un|una|uno|el|o|a|um|uma|den|die|das|een|the|an?|ein|einen)\s+)?"
    r"(?:\d+\s?%|voucher|sconto|buono|descuento|vale|desconto|cup[ãa]o|remise|bon|rabatt|gutschein|korting|credit)|"
    r"(?:^|[,;:.!?—–-]\s*)(?:cl[ôo]turer|relancer|fermer|v[ée]rifier|rembourser|escalader|transf[ée]rer|"
    r"cerrar|escalar|revisar|verificar|reembolsar|llamar|chiudere|scalare|verificare|rimborsare|richiamare|"
    r"fechar|escalar|verificar|reembolsar|ligar)\s+\w|"
    r"\b(?:ticket|dossier|fall|vorgang|zaak|klant|case)\s+(?:sluiten|schlie(?:ß|ss)en|abschlie(?:ß|ss)en|"
    r"terugbellen|nabellen|bellen|eskalieren|escaleren)\b|\b(?:nicht|niet|geen)\s+\w+\s+(?:geben|anbieten|geven|"
    r"aanbieden)\b", re.I)
# A colleague named first: "Kim - can you …", "Tom: …".
_VOCATIVE = re.compile(r"^\s*@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*(?:[,:—–]|\s-)\s+\S")

# Ordinary words of each language that open a sentence with a capital as a name would ("Allí puedes probarte …",
# "Dort kannst du …", "Ici, vous trouverez …", "Recuerda: añadir el código …"): adverbs of place and time, linking
# words, question words, the labels and imperatives of a reminder to the reader. With the language's function words
# (language._STOP) they are no colleague's name in a reply in that language.
_ORDINARY = {lang: set(words.split()) for lang, words in {
    "en": "remember reminder important note tip warning attention please there here now then today tomorrow tonight "
          "yesterday later soon meanwhile afterwards also still yet however otherwise instead anyway unfortunately "
          "fortunately luckily sadly hopefully finally first next once already just simply perhaps maybe sometimes "
          "usually normally currently unless since while because although though after before until inside outside "
          "nearby online below above attached overall where what who how why which whichever whatever upstairs "
          "downstairs back there's here's nowadays besides need needs want wants time happy ready able easy quick "
          "going way reason chance nothing something anything everything someone anyone everyone somebody anybody "
          "nobody click tap scroll log sign go",
    "de": "wichtig hinweis achtung tipp beachte beachten bitte erinnerung denk dort da hier jetzt nun dann danach "
          "heute morgen gestern bald später vorher zuerst außerdem zudem trotzdem deshalb daher darum deswegen "
          "sonst dazu darüber dabei dafür dorthin hierhin drinnen draußen oben unten anbei natürlich "
          "selbstverständlich übrigens allerdings gleich sofort inzwischen mittlerweile immer nie oft manchmal "
          "zurzeit derzeit aktuell momentan vielleicht eventuell hierfür hierzu dadurch damals vorhin nachher "
          "anschließend wo wann warum was wer welche welcher welches wieso weshalb woher wohin sobald falls obwohl "
          "während weil online vorab ebenfalls gern",
    "fr": "rappel important attention remarque astuce conseil note là ici là-bas maintenant alors ensuite puis "
          "aujourd'hui demain hier bientôt déjà toujours encore aussi sinon cependant pourtant néanmoins "
          "malheureusement heureusement également enfin donc voilà voici depuis avant après pendant quand lorsque "
          "comme dedans dehors actuellement désormais dorénavant entre-temps volontiers peut-être où comment "
          "pourquoi quel quelle quels quelles parfois souvent jamais dès ensemble ci-dessous ci-joint là-dessus "
          "dessous dessus",
    "es": "recuerda recuerde importante nota aviso atención atencion ojo consejo allí alli allá alla aquí aqui acá "
          "aca ahí ahi ahora luego después despues antes entonces hoy mañana ayer todavía aún tampoco además sin "
          "embargo lamentablemente desafortunadamente afortunadamente quizás quizas quizá tal así asi asimismo "
          "primero finalmente mientras donde dónde cómo qué cuál cuándo dentro fuera arriba abajo cerca lejos "
          "enseguida actualmente igualmente claro adjunto adjunta siempre nunca también tambien",
    "it": "ricorda ricordi ricordati importante attenzione promemoria nota consiglio lì li là qui qua ora adesso "
          "poi dopo prima allora oggi domani ieri presto già ancora inoltre purtroppo fortunatamente comunque "
          "quindi dunque così infatti invece intanto mentre dove quando appena sempre mai spesso subito dentro "
          "fuori sopra sotto vicino attualmente certamente ovviamente naturalmente magari forse ecco allegato "
          "qualora siccome finché poiché dato stamattina stasera",
    "nl": "let belangrijk tip opmerking herinnering vergeet daar hier nu dan vandaag morgen gisteren straks later "
          "binnenkort eerst daarna vervolgens ook nog al toch echter helaas gelukkig verder bovendien dus daarom zo "
          "alvast natuurlijk uiteraard misschien wellicht soms altijd nooit meteen direct binnen buiten boven "
          "beneden daarnaast tevens inmiddels momenteel waar wanneer hoe waarom wie welke omdat zodra terwijl "
          "bijgaand bijgevoegd daarvoor daarmee daarbij hiervoor hiermee hierbij vanaf sindsdien",
    "pt": "lembra lembre lembrete importante atenção atencao nota dica ali aí ai aqui cá lá agora depois antes "
          "então entao hoje amanhã ontem logo ainda também tambem além entretanto contudo porém infelizmente "
          "felizmente assim primeiro finalmente enquanto quando onde como porque desde dentro fora acima abaixo "
          "perto longe imediatamente atualmente claro talvez sempre nunca anexo",
}.items()}
# (the function words are language._STOP's, without "will", "may" and "al", also given names)
_NAMES_TOO = {"will", "may", "al"}


def ordinary_word(word: str, lang: str) -> bool:
    """Is the word, read in the reply's language, an ordinary word of it rather than a name? (A letter alone is
    someone's initial: "… is enough? - A".)"""
    w = word.lstrip("@").lower()
    return len(w) > 1 and w not in _NAMES_TOO and (w in _ORDINARY.get(lang, ()) or w in _FUNCTION_WORDS.get(lang, ()))


def _name_parts(persona: dict) -> list[str]:
    """The customer's name, word by word (not particles like "van", "de", nor one or two letters)."""
    name = str((persona or {}).get("name") or "")
    particles = {"van", "von", "de", "der", "den", "da", "das", "do", "dos", "di", "del", "della", "le", "la", "du",
                 "ten", "ter", "het", "el", "y", "e", "mc", "mac", "st", "jr", "sr", "ji"}
    return [w for w in re.findall(r"[^\W\d_][\w'’\-]*", name) if len(w) >= 3 and fold(w) not in particles]


# The verbs after a name, one pattern a language, compiled once: with them in each persona's own pattern, every new
# customer cost a compile of thousands of alternatives (most of the internal-note check's time).
@lru_cache(maxsize=16)
def _after_name_rx(lang: str) -> re.Pattern:
    verbs = _AFTER_NAME.get(lang, "") + ("|" + _AFTER_NAME["en"] if lang != "en" else "")
    return re.compile(r"['’]s\b|\s+(?i:" + verbs + r")\b")


@lru_cache(maxsize=256)
def _name_rx(parts: tuple[str, ...]) -> re.Pattern:
    names = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return re.compile(r"(?<![\w@])(?:" + names + r")(?P<second>\s+(?:" + names + r"))?")


_TITLE_BEFORE = re.compile(r"(?<![\w@])(?i:" + _TITLE + r")$")


def _third_person(text: str, parts: tuple[str, ...], lang: str):
    """(start, end) of each name, with its title, followed by a verb or "'s", left to right and not overlapping,
    as one pattern "title? name (name)? (verb|'s)" would find them."""
    name, after = _name_rx(parts), _after_name_rx(lang)
    pos, found = 0, False
    while (m := name.search(text, pos)) is not None:
        tail = after.match(text, m.end())
        if tail is None and m.group("second"):   # "Jane Doe" then no verb: "Jane" alone, then the verb
            tail = after.match(text, m.start("second"))
        if tail is None:
            pos = m.start() + 1
            continue
        title = _TITLE_BEFORE.search(text, max(pos, m.start() - 24), m.start())
        yield (title.start() if title else m.start()), tail.end()
        pos, found = tail.end(), True
    if not found:   # none found: a note jotted in a hurry writes the name in lower case, after a title ("ms khan rang")
        for m in _titled_name_rx(parts).finditer(text):
            tail = after.match(text, m.end())
            if tail:
                yield m.start(), tail.end()


@lru_cache(maxsize=64)
def _titled_name_rx(parts: tuple[str, ...]) -> re.Pattern:
    names = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    return re.compile(r"(?<![\w@])(?:mr|mrs|ms|miss|dr|herr|frau|mme|madame|monsieur|sr|sra|se[ñn]or|se[ñn]ora|sig|"
                      r"sig\.ra|signor|signora|dhr|mevr|mevrouw|meneer|senhor|senhora)\.?\s+(?:" + names + r")\b", re.I)


# A capitalised given name right before a surname: "la conta de Maria Carvalho", "Peter Schmidt hat".
_GIVEN_BEFORE = re.compile(r"(?<![\w'’])([A-ZÀ-Þ][a-zà-ÿ'’\-]{1,20})\s+$")
_TITLE_WORD = re.compile(_TITLE.removesuffix(r"\s+"), re.I)


def named_in_third_person(text: str, persona: dict, lang: str) -> str | None:
    """The customer's own name as the subject of a verb or as a possessor ("Jane rang again", "Frau Okafor hat",
    "Jane's already had"), not as the one spoken to ("Hi Jane", "Thanks, Jane")."""
    parts = _name_parts(persona)
    if not parts:
        return None
    own = {fold(p) for p in parts}
    for start, end in _third_person(text, tuple(parts), lang):
        before = text[:start]
        given = _GIVEN_BEFORE.search(before)
        if given and fold(given.group(1)) not in own and not _TITLE_WORD.fullmatch(given.group(1)):
            continue   # another person of the family, the surname after their own given name ("Maria Carvalho está …")
        if re.search(r"(?i:\b(?:dear|hi|hiya|hello|hey|thanks|thank\s+you|sorry|morning|afternoon|evening|hallo|liebe[rs]?|"
                     r"geehrte[rs]?|bonjour|ch[èe]re?|hola|estimad[oa]|querid[oa]|gentile|ciao|car[oa]|beste|geachte|"
                     r"hoi|ol[áa]|prezad[oa]|merci|gracias|grazie|danke|bedankt|obrigad[oa]))\W*$", before):
            continue
        if _other_sex(text[start:end], persona):
            continue   # "Mr Ellison's account" in a letter to Mrs Ellison: her husband, not her
        if re.match(r"['’]s\s+(?:the\s+)?(?:account|order|booking|policy|request)\b", text[end - 2:], re.I) \
                and speaks_to_customer(text, lang):
            continue
        return text[start:end]
    return None


_MALE_TITLES = {"mr", "herr", "hr", "m", "monsieur", "sr", "senor", "signor", "sig", "dhr", "meneer", "heer", "senhor"}
_FEMALE_TITLES = {"mrs", "ms", "miss", "frau", "fr", "mme", "mlle", "madame", "sra", "srta", "senora", "signora",
                  "sig.ra", "sigra", "mevr", "mevrouw", "senhora"}


def _sex(title: str) -> str:
    t = fold(title).rstrip(".")
    return "m" if t in _MALE_TITLES else "f" if t in _FEMALE_TITLES else ""


def customer_title(lines) -> str:
    """The title the letter greets the customer with ("Dear Mrs Ellison," -> "Mrs"), or ""."""
    for ln in lines:
        m = _GREETING.match(ln.prose) if ln.kind == OWN else None
        if m:
            t = _TITLE_BEFORE_NAME.match(ln.prose, m.end())
            if not t and _sex(m.group(0).strip()):
                return m.group(0).strip()   # the greeting is the title itself: "Madame Bertin,", "Monsieur Roux,"
            return t.group(1) if t else ""
    return ""


_TITLE_BEFORE_NAME = re.compile(r"\s*(" + _TITLE.removesuffix(r"\.?\s+") + r")\.?\s+[A-ZÀ-Þ]", re.I)


def _other_sex(named: str, persona: dict) -> bool:
    """The name carries a title of the other sex than the customer's ("Mr Ellison" to "Mrs Ellison"): a relative."""
    title = re.match(r"(\S+?)\.?\s", named)
    theirs = _sex(title.group(1)) if title else ""
    if not theirs:
        return False
    first = str((persona or {}).get("name") or "").split()[:1]
    own = _sex(str((persona or {}).get("title") or "")) or (_sex(first[0]) if first else "")
    return bool(own) and own != theirs


# The case itself in staff deixis: "comp the fee on this one??", "this one's been going on for weeks".
_THIS_ONE = re.compile(r"\b(?:on|with|for|about)\s+this\s+one\b|\bthis\s+one(?:['’]s|\s+is|\s+has)\b", re.I)


def evidence(text: str, persona: dict, lang: str, colleague_first: bool = True,
             jotted: bool = True) -> tuple[int, bool]:
    """(points of staff evidence, whether the customer is named or called by a noun) in a passage."""
    strong = bool(named_in_third_person(text, persona, lang)) or bool(_CUSTOMER_SHORT.search(text))
    named = strong or bool(_CUSTOMER_NOUN.search(text)) or bool(_THIS_ONE.search(text))
    points = 2 if strong else (1 if named or _PRONOUN.search(text) else 0)
    points += 2 * bool(_MISDIRECTED.search(text))
    points += sum(bool(p.search(text)) for p in (_JARGON, _REPEAT, _SHORTHAND, _STAFF_ORDER, _DRAFTING, _DIARY))
    points += bool(_DRAFTING.search(text))   # work still to do on the reply itself: only its writer talks so
    bare = text.strip().lstrip("[(*_-–—/#> ")
    if jotted and bare[:1].islower():
        points += 1   # a note jotted down, not a sentence written to someone
    if colleague_first:
        m = _VOCATIVE.match(bare)
        if m and fold(m.group(1)) not in {fold(p) for p in _name_parts(persona)} and \
                fold(m.group(1)) not in _NOT_NAMES and not ordinary_word(m.group(1), lang):
            points += 1
    return points, named


_NOT_NAMES = {"note", "nb", "fyi", "ps", "re", "subject", "ticket", "case", "order", "ref", "reference", "update",
              "internal", "handover", "status", "important", "attention", "reminder", "info", "thanks", "hi", "hello",
              "dear", "tel", "phone", "email", "cc", "bcc", "encl", "attachment", "attachments", "image", "logo", "mobile", "address", "date", "time", "from", "to", "sent", "web"}


_SIGNED_OFF = re.compile(r"\s[-–—/]\s*@?([A-ZÀ-Þ][a-zà-ÿ]{0,15}|[A-Z]{2,3})\s*$")


_GREETS_NAME = re.compile(_GREETING.pattern + r"\s+@?(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\s*[,!:—–-]", re.I)
_ASKS_BY_NAME = re.compile(r"(?:^|[.!?;:]\s+|\s[-–—]\s+)@?(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15})),?\s+(?:(?:can|could|would)\s+"
                           r"(?:you|u)|kannst\s+du|tu\s+peux|peux-tu|puedes|puoi|kun\s+je|kan\s+je|podes|consegues)\b",
                           re.I)


def _addressed_to_customer(text: str, persona: dict, lang: str, set_apart: bool = False) -> bool:
    """It says "you" to the customer (a "you" after a colleague's name at its start, or in a set-apart block a
    colleague signed at its end — "… is enough? - A" — is said to the colleague)."""
    own = {fold(p) for p in _name_parts(persona)}
    m = _VOCATIVE.match(text)
    if m and fold(m.group(1)) not in own and fold(m.group(1)) not in _NOT_NAMES and not ordinary_word(m.group(1), lang):
        return False   # (not "Ahí, puedes aparcar …": an adverb, no one's name)
    signed = _SIGNED_OFF.search(text) if set_apart else None
    if signed and fold(signed.group(1)) not in own and fold(signed.group(1)) not in _NOT_NAMES and \
            not ordinary_word(signed.group(1), lang):
        return False
    if set_apart:
        # a block outside the letter that greets someone else ("Hi Tom, I've drafted the reply below …") or turns to
        # someone else by name and asks them ("… - Kim can you sanity check before this goes?"): its "you" is theirs
        for m in (_GREETS_NAME.match(text), _ASKS_BY_NAME.search(text)):
            if m and fold(m.group(1)) not in own and fold(m.group(1)) not in _NOT_NAMES and \
                    not ordinary_word(m.group(1), lang):
                return False
    parts = _name_parts(persona)
    if parts and re.search(r"(?<![\w'’])(?:" + "|".join(re.escape(p) for p in parts) + r")\s*(?:[,!:—–]|\s-\s)", text):
        return True   # "P.S. Jane - don't forget to clear the hallway": the customer spoken to by name
    return speaks_to_customer(text, lang)


_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|my|me|mine|ich|mein\w*|mir|mich|je|j['’]|moi|mon|ma|mes|yo|mi|mis|me|"
                           r"io|mio|mia|ik|mijn|eu|meu|minha)\b")


def set_apart_blocks(lines: list[Line], orphan_quote: bool = False) -> list[list[Line]]:
    """The company's own paragraphs that stand outside the letter: above its greeting, below its signature, and
    any paragraph wholly in square brackets ("[copy the rest from KB 2231]"). With ``orphan_quote`` (no "On …
    wrote:" anywhere), a "> " block below the signature that does not speak as the customer counts as the
    company's too ("> not sure about para 2, can someone proof this")."""
    own = [ln for ln in lines if ln.kind == OWN or (
        orphan_quote and ln.kind != OWN and ln.prose.lstrip().startswith(">")
        and not _FIRST_PERSON.search(ln.prose.lstrip("> ")))]
    paragraphs: list[list[Line]] = []
    last_no = None
    for ln in own:
        if not re.search(r"[^\W_]", ln.prose):   # a blank line or a rule ("----", "___") ends a paragraph
            last_no = None
            continue
        if last_no is not None and ln.no == last_no + 1 and paragraphs:
            paragraphs[-1].append(ln)
        else:
            paragraphs.append([ln])
        last_no = ln.no
    if not paragraphs:
        return []
    greeting = next((i for i, p in enumerate(paragraphs) for ln in p[:1]
                     if _GREETING.match(ln.prose) and len(ln.prose.split()) <= 12), None)
    closing = None
    for i, p in enumerate(paragraphs):
        for j, ln in enumerate(p):
            if _CLOSING.match(ln.prose) and (greeting is None or i > greeting) and not (
                    # a thanks right below the greeting, a sentence of its own with the letter below it, opens the
                    # letter: "Hola Gloria:⏎⏎Gracias por tu interés.⏎⏎Allí puedes …" (not "Hi Jane,⏎⏎Thanks!⏎Tom")
                    greeting is not None and i == greeting + 1 and len(p) == 1 and ln.prose.rstrip().endswith(".")
                    and any(len(re.findall(r"(?<!\S)[a-zà-ÿ]", ln2.prose)) >= 3
                            for p2 in paragraphs[i + 1:] for ln2 in p2)):
                closing = (i, j)
    blocks: list[list[Line]] = []
    if greeting is not None and greeting > 0 and closing is not None:
        blocks.extend(p for p in paragraphs[:greeting] if not all(_HEADERISH.match(ln.prose) for ln in p))
    if closing is not None:
        i, _ = closing
        # The closing's paragraph holds the signature; the paragraphs below it are footers or notes.
        blocks.extend(paragraphs[i + 1:])
    quoted = [p for p in paragraphs if p[0].kind != OWN]
    if closing is None or any(p not in blocks for p in quoted):
        blocks = [b for b in blocks if b[0].kind == OWN]   # a quote that is not below the signature: the customer's
    blocks.extend(p for p in paragraphs if p not in blocks and p[0].kind == OWN and len(p) == 1
                  and re.fullmatch(r"\s*(?:\[[^\[\]]{6,300}\]|\*\*[^*]{6,300}\*\*)\s*", p[0].prose))
    if greeting is not None and closing is not None:
        # In a letter whose paragraphs open with a capital, one jotted in lower case stands apart from it.
        body = paragraphs[greeting + 1:closing[0]]
        # (not the first: "Sehr geehrte Frau Doe,⏎⏎vielen Dank …", "Gentile cliente,⏎⏎le confermiamo …")
        jotted = [p for p in body[1:] if p[0].prose.strip()[:1].islower()]
        if len(jotted) == 1 and len(body) >= 2 and jotted[0] not in blocks:
            blocks.append(jotted[0])
    return blocks


def block_is_note(block: list[Line], persona: dict, lang: str) -> bool:
    """A set-apart block that speaks to staff: not a footer, not "you" to the customer, two points of evidence."""
    text = " ".join(ln.prose.strip().lstrip("> ") if ln.kind != OWN else ln.prose.strip() for ln in block)
    body = re.sub(r"^\s*-{2,}\s*", "", text)
    if not body or _FOOTER.search(body) or _addressed_to_customer(body, persona, lang, set_apart=True) or all(
            _HEADERISH.match(ln.prose) for ln in block):
        return False
    if len(body.split()) < 3 or all(re.fullmatch(r"[\W\d_]*|(?:[A-ZÀ-Þ][\w.'\-]*\s*){1,4}", ln.prose.strip())
                                    for ln in block):
        return False   # a name, a title, a company: the signature
    points, _ = evidence(body, persona, lang)
    points += bool(_HANDOVER_LABEL.match(body))   # whom it is for: the next agent ("Handover: waiting on the cert …")
    team = _TEAM_LABEL.match(body)
    if team and (_ASKED_OF_TEAM.search(team.group(1)) or "?" in team.group(1)) and (
            points >= 2 or _INFINITIVE_ORDER.search(team.group(1))):
        # "Team facturatie: graag eerst de creditnota aanmaken en pas daarna deze mail versturen!!": a block addressed
        # to a team, asking it to do something (an infinitive's order, or staff work), not "Support team: please allow
        # 2 working days"
        return True
    return points >= 2


# A handover note's label, opening a block set apart from the letter: "Handover:", "Übergabe:", "Traspaso:",
# "Passation :", "Passaggio di consegne:", "Overdracht:", "Passagem de turno:".
_HANDOVER_LABEL = re.compile(r"^\W*(?:shift\s+)?(?:hand-?over(?:\s+notes?)?|[üu]bergabe(?:notiz)?|traspaso|passation|"
                             r"passaggio(?:\s+di\s+consegne)?|overdracht|passagem(?:\s+de\s+turno)?)\s*:", re.I)
# A block that opens by addressing a team of the company: "Team facturatie:", "Billing team:", "Équipe SAV :",
# "Equipo de almacén:", "Abteilung Versand:".
_TEAM_LABEL = re.compile(r"^\s*(?:(?:team|[ée]quipe|equipo|squadra|equipa|abteilung|afdeling)\s+[\w\-]+(?:\s+[\w\-]+)?|"
                         r"[\w\-]+(?:\s+[\w\-]+)?[\s\-]?(?:team|abteilung|afdeling))\s*:\s*(\S.*)$", re.I)
# An order in the infinitive at a clause's end (German, Dutch: "… aanmaken", "… buchen") or start (the Romance
# languages: "crear la nota …", "emettere la nota …").
_INFINITIVE_ORDER = re.compile(r"(?-i:\b[a-zäöüß]{3,}(?:en|ern|eln))\s*(?:[,;.!]|\s+(?:en|und|et|y|e)\b|$)|"
                               r"(?:^|[,;:]\s*|\b(?:please|graag|bitte|svp|por\s+favor|per\s+favore|porfa)\s+)"
                               r"(?-i:[a-zàâçéèêëîïôûùüñ]{2,}(?:ar|er|ir|re))\b(?!\s+(?:que|qui|che|é|è|es|est)\b)")
# Asking it something: a please of any language, or "!!" urging it.
_ASKED_OF_TEAM = re.compile(r"\b(?:please|pls|plz|graag|bitte|svp|stp|merci\s+de|por\s+favor|porfa|per\s+favore|pf|pfv|"
                            r"gelieve|s['’]il\s+vous\s+pla[iî]t)\b|!{2,}", re.I)


_WE = re.compile(r"\b(?:we|we're|we've|we'll|our|ours|us|wir|uns|unser\w*|nous|notre|nos|nosotr[oa]s|nuestr[oa]s?|"
                 r"noi|nostr[oaie]|ci|wij|ons|onze|n[óo]s|noss[oa]s?)\b", re.I)
_BRACKETS = re.compile(r"\(([^()\n]{6,240})\)|\[([^\[\]\n]{6,240})\]")


def aside_is_note(inner: str, persona: dict, lang: str) -> bool:
    """An aside in brackets that speaks of the customer to staff."""
    if _addressed_to_customer(inner, persona, lang) or _FOOTER.search(inner):
        return False
    points, named = evidence(inner, persona, lang, jotted=False)   # asides are written in lower case anyway
    if named:
        return points >= 3   # "he", "she" in an aside is often the engineer or the courier
    # Nobody named: an aside that speaks for nobody ("we", "our") and to nobody, with two points ("(mgr said ok
    # this once)", "(copy of reply sent to Mr Patel - amend names)").
    return points >= 2 and not _WE.search(inner) and not _PRONOUN.search(inner)   # "(he always calls ahead)"


_SLASHED = re.compile(r"(?<=\s)(?://|\|\||##)\s*(\S.{5,240})$|"
                      r"(?<=[.!?]\s)((?-i:reminder|note|nb|todo|fyi|memo|obs)\s*:\s*\S.{5,240}|"
                      r"(?-i:ps|p\.s\.)\s+(?:to|for)\s+\S.{5,240}|(?i:sorry\s+)?(?i:wrong|falsches|mauvaise|"
                      r"verkeerde)\s+\S.{5,240})$")
_SHOUTED = re.compile(r"(?:^|(?<=[.!?])\s+)((?:[A-ZÀ-Þ0-9£€$%>&/'’\-]+[\s,]+){3,}[A-ZÀ-Þ0-9£€$%>&/'’\-]+[.!?]*)(?=\s|$)")


def notes_in_asides(line: str, persona: dict, lang: str):
    """Each aside in a line that is a note, (matched text, span): in brackets, after a "//" ("… active again.
    //internal: acct flagged"), or a sentence in capitals in a line that is not ("NEEDS SUPERVISOR OK BEFORE WE
    OFFER VOUCHER")."""
    for m in _BRACKETS.finditer(line):
        inner = m.group(1) or m.group(2) or ""
        if aside_is_note(inner, persona, lang):
            yield m.group(0), m.span()
    for m in _SLASHED.finditer(line):
        text = m.group(1) or m.group(2)
        if not _FOOTER.search(text) and not _addressed_to_customer(text, persona, lang) and \
                evidence(text, persona, lang)[0] >= 2:
            yield m.group(0), m.span()
    if sum(c.islower() for c in line) > 20:
        for m in _SHOUTED.finditer(line):
            text = m.group(1)
            if not _FOOTER.search(text) and not speaks_to_customer(text.lower(), lang) and \
                    evidence(text, persona, lang, colleague_first=False)[0] + 1 >= 2:   # capitals set it apart
                yield text, m.span(1)


def sentence_is_note(sentence: str, persona: dict, lang: str, jotted: bool = True) -> bool:
    """A sentence in the letter's body that talks about the customer by name to staff: three points, the name
    or a noun for the customer among them, and no "you". ``jotted``: a lower-case start may mark a note."""
    if _addressed_to_customer(sentence, persona, lang) or _FOOTER.search(sentence):
        return False
    points, named = evidence(sentence, persona, lang, colleague_first=False, jotted=jotted)
    if named and points >= 3 or bool(_MISDIRECTED.search(sentence)) and points >= 3:
        return True
    # Venting about the case, for nobody and to nobody: jotted in lower case, a repeat and swearing, no "I", "we"
    # or "you" ("ffs this router again, 3rd one this week"); a chat agent's "damn courier failed again, but we
    # will resend today" speaks for the company to the customer (then it is profanity alone).
    # (not the letter's own lower-case opening after "Hallo Herr Lorenz,": "ganz ehrlich, der Scheiß-Paketdienst hat es
    # schon wieder verbockt" is the writer venting to the customer, which profanity judges)
    return bool(jotted and sentence.strip()[:1].islower() and _REPEAT.search(sentence) and not _WE.search(sentence) and
                not _FIRST_PERSON.search(sentence) and profanity.check(sentence))
