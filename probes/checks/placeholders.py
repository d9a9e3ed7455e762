"""Unreplaced template placeholders: "Dear [name]", "Hi {{first_name}}", "%FIRSTNAME%", "order XXXX".

A customer who reads one knows at once they got a form letter that broke.
The patterns aim at placeholder *shapes*: any template delimiter ([…], [[…]],
{…}, {{…}}, <…>, <<…>>, ${…}, %…%, *|…|*, <%= … %>, ((…)), @@…@@, __…__, $$…$$, «FIELD») around text that names a field
(see is_field: an identifier's shape, or a field noun where the language puts
its head noun), in English, German, French, Spanish, Italian, Dutch and
Portuguese ("[Anrede] [Nachname]", "{vorname}", "[nombre del cliente]",
"<Nome Cliente>", "[Lieferadresse]", "[[AGENT_NAME]]", "[PolicyNumber]",
"[Pet Name]"), plus "XXXX" (or "XXXX-XXXX") standing in for a number that was never filled in ("XXX XXX XXX" too), and a
filler left in capitals ("on INSERT DATE", "CUSTOMER NAME HERE", "DATUM EINFÜGEN"), and a blank of
underscores where a value should be ("Your room is no. ____").

Left alone: prices in brackets ("[£20]"), footnote marks ("[1]"), button and menu labels ("[My Account]",
"[Mes commandes]", "<Settings>"), subject tags and brand prefixes ("[EXTERNAL]", "[Acme Support]"),
brands ("[iPhone]"), domains, option lists ("{Small, Medium, Large}"), capitalised words in braces
("{Premium} plan"), a field label the reply points at ("the field [Date of Birth]", "el campo [Fecha de
nacimiento]", "enter your [Postcode]"),
regexes ("\\d{4}"), "$20", "50%", masked card numbers, PINs and passwords ("XXXX XXXX XXXX 4417",
"card XXXX XXXX XXXX XXXX", "PIN: XXXX"), capitals that call to action or shout ("ORDER HERE", a line in
capitals), Windows environment variables ("%APPDATA%\\logs"), code samples (fenced, indented or `inline`)
and indented config samples ("    api_key: <YOUR_API_KEY>"), a command or request the customer is to run with
their own key, with its flags, headers and body ("curl https://… \\", "  -H \"Authorization: Bearer <YOUR_KEY>\"",
"GET /v2/… HTTP/1.1"), a header's credential anywhere ("X-Api-Key: {your_key}"), a line of underscores or a
form's blanks to fill in or sign, a placeholder the reply shows as code or
explains ("type `{{first_name}}` …", "Replace {order_id} with …", "{naam} … wordt … vervangen door", "escreva
{nome_cliente} onde quer que …", "ad esempio: RIMBORSO {numero_pratica}", "Typ in het sjabloon {voornaam} op de
plek waar …", "mettez {prenom} à l'endroit où …"), a pattern the customer is to follow
("enter the reference as {invoice_no}-{customer_no}", "im Format „Vorgang <Nummer>“", "sous la forme [numéro
client]-[année]", "het kenmerk invullen als {klantnummer}/{jaar}") or that a worked example follows
("… voor uw factuur wordt dat: 2025-771/40218", "zum Beispiel 2026-118/55012", "por ejemplo 4471-2026"),
a step of a menu path ("Ajustes > [seu nome] > Assinaturas"), and
once the reply explains one, its examples of the same shape elsewhere ('e.g. "Hi {{first_name}}, …"'),
and the customer's own quoted message.
"""
from __future__ import annotations

import re

from ..results import Finding
from ._text import FOREIGN, OWN, fold, read, snippet

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
# The same words as sets, for bracketed text of any shape ("[ée]" alternatives spelled out, folded).
_HEAD_WORD = re.compile(rf"(?:{_HEAD})", re.I)
_TAIL_WORD = re.compile(rf"(?:{_TAIL})", re.I)

# Nouns a field is named after, in the languages we check: the last word of "[Pet Name]", "[Store Address]",
# the first of "[numéro de commande]", the end of a compound ("Kundennummer", "klantnaam").
_FIELD_NOUNS = {
    "name", "names", "firstname", "lastname", "surname", "number", "no", "nr", "num", "id", "date", "time", "address",
    "email", "e-mail", "phone", "mobile", "code", "ref", "reference", "amount", "url", "title", "city", "town",
    "postcode", "zip", "country", "sku", "salutation", "signature",
    "anrede", "nummer", "datum", "adresse", "betrag", "telefon", "ort", "stadt", "firma", "vorname", "nachname",
    "nom", "prenom", "numero", "montant", "telephone", "ville", "lien", "civilite", "societe",
    "nombre", "apellido", "apellidos", "fecha", "direccion", "importe", "telefono", "ciudad", "enlace", "codigo",
    "nome", "cognome", "data", "indirizzo", "importo", "citta", "codice",
    "naam", "voornaam", "achternaam", "adres", "bedrag", "telefoon", "plaats", "aanhef",
    "endereco", "morada", "valor", "telefone", "cidade", "sobrenome", "apelido",
}
# Field nouns that come first in the Romance languages ("[nombre del cliente]", "[Nome Cliente]").
_FIRST_NOUNS = {"nom", "prenom", "numero", "montant", "date", "adresse", "nombre", "apellido", "fecha", "direccion",
                "importe", "codigo", "nome", "cognome", "data", "indirizzo", "importo", "codice", "endereco", "morada",
                "valor", "telefone", "telefono", "telephone", "name", "nummer", "datum", "betrag", "naam", "code"}
_AND = {"and", "or", "und", "oder", "et", "ou", "y", "o", "e", "en", "of"}
# Possessives that open a field name: "[Your Name]", "[Ihr Name]", "[votre prénom]".
_OWNERS = {"your", "my", "our", "ihr", "ihre", "dein", "deine", "votre", "ton", "su", "tu", "tuo", "vostro",
           "uw", "je", "jouw", "seu", "sua", "customer's", "client's", "user's", "agent's"}
# End of a compound field name ("Kundennummer", "Lieferadresse", "klantnaam", "FIRSTNAME").
_COMPOUND_END = re.compile(r"(?:name|nummer|number|datum|adresse|address|naam|adres|nr)$")
# A branch or shop the template names, a field when alone in angle brackets or in capitals ("<FILIALE>", "[STORE]").
_PLACE_NOUNS = {"branch", "store", "shop", "location", "filiale", "standort", "agence", "magasin", "boutique",
                "sucursal", "tienda", "oficina", "negozio", "sede", "vestiging", "filiaal", "winkel", "loja", "agencia",
                "filial"}
# HTML elements a reply may mention ("<br>", "<title>"): an element, not a field.
_HTML = {"a", "b", "i", "u", "p", "br", "hr", "div", "span", "img", "table", "tr", "td", "th", "ul", "ol", "li", "em",
         "strong", "h1", "h2", "h3", "h4", "h5", "h6", "html", "body", "head", "script", "style", "form", "input",
         "button", "label", "select", "option", "meta", "link", "iframe", "pre", "code", "small", "sub", "sup",
         "blockquote", "nav", "header", "footer", "main", "section", "article", "svg", "video", "audio", "source"}
# Single words that plain-text renderings put in brackets where an element was: "[image]", "[link]", "[logo]".
_RENDERED = {"image", "img", "link", "logo", "photo", "picture", "icon", "attachment", "video", "banner", "button"}
_TLDS = {"com", "org", "net", "io", "co", "uk", "de", "fr", "es", "it", "nl", "pt", "eu", "example", "info", "biz",
         "html", "htm", "php", "pdf", "txt", "csv", "json", "xml", "png", "jpg", "zip", "exe"}
_SNAKE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$")
_CAMEL = re.compile(r"^(?:[A-Z][a-z0-9]*|[a-z][a-z0-9]+)(?:[A-Z][a-z0-9]+)+$")   # not "iPhone"
_DOTTED = re.compile(r"^[A-Za-z]\w+(?:\.[A-Za-z]\w+)+$")
_WORD_SPLIT = re.compile(r"[ \-]+")

_MONTH_NAMES = (r"(?i:jan(?:uary|uar|vier|eiro|uari)?|feb(?:ruary|ruar|brero|braio|ruari)?|février|fevereiro|"
                r"mar(?:ch|s|zo|ço)?|märz|maart|apr(?:il|ile)?|avril|abril|may|mai|mayo|maggio|mei|maio|"
                r"june?|juni|juin|junio|giugno|junho|july|juli|juillet|julio|luglio|julho|aug(?:ust|ustus)?|août|"
                r"agosto|sep(?:tember|tembre|tiembre)?|settembre|setembro|oct(?:ober|obre|ubre)?|oktober|ottobre|"
                r"outubro|nov(?:ember|embre|iembre|embro)?|dec(?:ember)?|dezember|décembre|diciembre|dicembre|"
                r"december|dezembro)")

PATTERNS = [
    # with a filter too: "{{ customer.name | default: 'there' }}"
    ("double curly braces", re.compile(r"\{\{\s*[\w.\- ]{1,40}(?:\|[^{}\n]{1,60})?\s*\}\}")),
    # a template's statement: "{% if first_name %}", "{%- endif -%}"
    ("template tag", re.compile(r"\{%-?\s*(?:if|else|elif|endif|for|endfor|unless|endunless|include|assign|set|"
                                r"block|endblock)\b[^%\n]{0,60}-?%\}")),
    # Salesforce's merge fields: "{!Contact.FirstName}", "{!Case.CaseNumber}"
    ("merge field", re.compile(r"\{!\s*[A-Z]\w*(?:\.[A-Za-z]\w*)*\s*\}")),
    ("mail-merge tag", re.compile(r"\*\|[A-Z0-9_]{2,30}\|\*")),
    ("template tag", re.compile(r"\$\$([A-Za-z][\w.]{0,40})\$\$")),   # "$$COGNOME$$", before "$name" reads it
    ("dollar variable", re.compile(r"\$\{\s*[A-Za-z][\w.]{0,40}\s*\}")),
    ("dollar variable", re.compile(rf"\$(?:{_FIELD}){_FIELD_END}", re.I)),
    ("percent signs", re.compile(r"%[A-Za-z][A-Za-z0-9_.]{1,30}%")),
    # The same symbol on both sides of an identifier, as "%NAME%" is: "$RETURN_DEADLINE$", "#FIRST_NAME#", "~name~".
    ("symbol delimiters", re.compile(r"(?<![\w$#~])(?:\$([A-Za-z][A-Za-z0-9_.]{1,30})\$|#([A-Za-z][A-Za-z0-9_.]{1,30})#|"
                                     r"~([A-Za-z][A-Za-z0-9_.]{1,30})~)(?![\w$#~])")),
    ("percent signs", re.compile(r"%([A-Za-z][A-Za-z ]{1,30}[A-Za-z])%")),
    # Rarer template syntaxes: ERB "<%= name %>", "((first_name))", "@@name@@", "__FIRST_NAME__".
    # (and "##PRENOM##", "##first_name##"; not a "###INTERN###" banner, a staff note's)
    ("template tag", re.compile(r"<%=?\s*([A-Za-z][\w.]{0,40})\s*%>|@@([A-Za-z][\w.]{0,40})@@|(?<!#)##([A-Za-z][\w.]{0,40})##(?!#)|"
                                r"(?<!\w)__([A-Z][A-Z0-9_]{1,40}[A-Z0-9])__(?!\w)")),
    ("double round brackets", re.compile(r"\(\(\s*([A-Za-z][\w. ]{0,40}?)\s*\)\)")),
    ("double square brackets", re.compile(r"\[\[\s*([^\[\]\n]{1,40}?)\s*\]\]")),
    ("square brackets", re.compile(r"\[\s*([^\[\]\n]{1,40}?)\s*\](?![(\[])")),
    ("angle brackets", re.compile(r"<<?\s*([^<>\n]{1,40}?)\s*>>?")),
    # Guillemets quote words in French and elsewhere («Mes commandes»): only a field's capitals or identifier in
    # them ("«BOEKINGSNR»", "«first_name»") is a mail merge's field.
    # Word's merge fields keep their names' case: "«Nombre» «Apellido1»", "«Vorname»", "«Prénom»" (a name field's
    # word, or a word with a digit); a quoted button is any other word («Aceptar»).
    ("guillemets", re.compile(r"«\s*([A-Z][A-Z0-9_]{2,40}|[A-Za-z][a-z0-9]*(?:_[A-Za-z0-9]+)+|[A-Z][a-z]+\d|"
                              r"(?:Nombre|Apellidos?|Name|Vorname|Nachname|Anrede|Pr[ée]nom|Nom|Civilit[ée]|Nome|Cognome|"
                              r"Naam|Voornaam|Achternaam|Aanhef|Apelido|Sobrenome|Tratamiento|Titel|Title|FirstName|"
                              r"LastName|Surname))\s*»")),
    ("curly braces", re.compile(r"(?<![{$\\])\{\s*([^{}\n]{1,40}?)\s*\}(?!\})")),
    # A blank left for a value: "Your room is no. ____ and the wifi password is ________." (a line of them is a rule,
    # a form's line to fill in or sign is no leak: see _harmless)
    ("blank of underscores", re.compile(r"(?<![\w_])_{3,}(?![\w_])")),
    # "your order XXXX", "on XX/XX/XXXX", "£XX.XX": Xs where a number was meant to go; also a time "um XX:XX Uhr", an
    # amount before its currency "XXX EUR", a day before its month "até dia XX de setembro", "le XX mars".
    ("Xs for a missing number", re.compile(
        r"(?<![\w*•#\-/.])(?:X{4,}(?:[ \-]X{4,})*|X{3}(?:[ \-]X{3}){2,}|X{2}[/.\-]X{2}[/.\-]X{2,4}|"
        r"[£$€]\s?X{2,}(?:[.,]X{2})?|X{1,2}[:.h]X{2}|X{2,}(?:[.,]X{2})?(?=\s?(?:EUR|€|GBP|£|USD|CHF|euros?|Euro|pounds?)\b)|"
        r"X{2}(?=\.?\s+(?:de\s+)?" + _MONTH_NAMES + r"\b))"
        r"(?![\w*•\-/])|"
        # after a reference's letters: "Su número de incidencia es INC-XXXX", "ticket REF-XXXXX"
        r"(?:(?<=\b[A-Z]{2}-)|(?<=\b[A-Z]{3}-)|(?<=\b[A-Z]{4}-))X{4,}(?![\w*•\-/])")),
    # A filler left in capitals: "on INSERT DATE between 8 and 12", "CUSTOMER NAME HERE", "DATUM EINFÜGEN".
    ("filler in capitals", re.compile(
        r"(?<![\w\[{<(])(?:(?:INSERT|INSÉRER|INSERER|INSERTAR|INSERIRE|INVOEGEN|INSERIR|EINFÜGEN)\s+"
        r"((?:[A-ZÄÖÜÉÈÓÍÁÚÇ'’]+\s+){0,3}[A-ZÄÖÜÉÈÓÍÁÚÇ]+)|((?:[A-ZÄÖÜÉÈÓÍÁÚÇ'’]+\s+){0,3}[A-ZÄÖÜÉÈÓÍÁÚÇ]+)\s+"
        r"(?:HERE|HIER|ICI|AQUÍ|AQUI|QUI|EINFÜGEN|INVOEGEN))(?![\w\]}>)])")),
]


def is_field(inner: str, kind: str = "square brackets") -> bool:
    """Does bracketed text name a template field ("first_name", "CustomerName", "Order Number", "nombre del
    cliente", "Kundennummer") rather than say something ("£20", "1", "Mes commandes", "EXTERNAL", "Acme Support")?

    The shape of an identifier is enough (snake_case, CamelCase with a field word in it, dotted paths); plain
    words need a field noun where the language puts its head noun (last in English and German, first in the
    Romance languages), and beside it only field words, possessives ("[Your Name]") or capitalised words.
    """
    # German gender forms name one field: "[Name Sachbearbeiter/in]", "[Berater:in]", "[Mitarbeiter*innen]"
    inner = re.sub(r"(?<=[a-zäöüß])(?:/|\*|:|_)(?:in|innen)\b|(?<=[a-zäöüß])\((?:in|innen)\)", "", inner.strip())
    if not inner or re.search(r"[0-9£$€%:/@=,;!?\\\"()+*#&|]", inner):
        return False
    if _SNAKE.match(inner):
        return True
    if _DOTTED.match(inner):
        parts = inner.lower().split(".")
        return parts[-1] not in _TLDS and "www" not in parts
    if _CAMEL.match(inner):
        return any(_field_word(w) for w in re.findall(r"[A-Z]?[a-z0-9]+", inner))
    if kind == "filler in capitals":   # "DATE", "CUSTOMER NAME", "YOUR NAME", "NUMÉRO DE COMMANDE"
        words = [fold(w) for w in inner.split()]
        if words[-1] not in _FIELD_NOUNS and not (words[0] in _FIRST_NOUNS and len(words) > 1):
            return False   # "ORDER HERE", "BOOK HERE": a call to action, not a field
        return all(
            _field_word(w) or _TAIL_WORD.fullmatch(w) or w in _OWNERS or w in _AND for w in words)
    if kind == "template tag" and re.fullmatch(r"[A-Za-z]\w{1,30}", inner):
        return True   # "@@name@@", "__NAME__": shapes that only templates use
    if kind == "curly braces" and re.fullmatch(r"[a-z]{2,30}", inner):
        return True   # "{city}", "{vorname}": a lone lower-case word in braces is a template field
    words = [w for w in _WORD_SPLIT.split(inner) if w]
    if not 1 <= len(words) <= 4 or not all(re.fullmatch(r"[^\W\d_]+(?:'s)?\.?", w) for w in words):
        return False
    folded = [fold(w).rstrip(".") for w in words]
    if len(words) == 1:
        f = folded[0]
        if f in _RENDERED or (kind == "angle brackets" and f in _HTML):
            return False
        if f in _PLACE_NOUNS and (kind == "angle brackets" or words[0].isupper()):
            return True   # "<FILIALE>", "[STORE]" (not "[Shop]", a link's label in a plain-text rendering)
        return _head(f) or (len(f) > 6 and bool(_COMPOUND_END.search(f)))

    def fits(i: int) -> bool:   # a word beside the head noun
        w = folded[i]
        return _field_word(w) or bool(_TAIL_WORD.fullmatch(w)) or w in _OWNERS or w in _AND or words[i][:1].isupper()
    if folded[-1] in _FIELD_NOUNS or _COMPOUND_END.search(folded[-1]):
        return all(fits(i) for i in range(len(words) - 1))
    if folded[0] in _FIRST_NOUNS and _TAIL_WORD.fullmatch(folded[1]):
        return True   # "nombre del cliente", "Datum der Lieferung", "nome do titular"
    if folded[0] in _FIRST_NOUNS and _field_word(folded[1]):
        return all(fits(i) for i in range(2, len(words)))   # "Nome Cliente", "codice pratica"
    return False


def _head(word: str) -> bool:
    return bool(_HEAD_WORD.fullmatch(word) or _HEAD_WORD.fullmatch(fold(word)))


def _field_word(word: str) -> bool:
    return fold(word) in _FIELD_NOUNS or _head(word)


# Windows environment variables a support agent may ask the customer to type ("%APPDATA%\Tallyspan\logs").
_ENV_VARS = {"APPDATA", "LOCALAPPDATA", "USERPROFILE", "PROGRAMDATA", "PROGRAMFILES", "SYSTEMROOT", "WINDIR",
             "TEMP", "TMP", "HOMEPATH", "HOMEDRIVE", "SYSTEMDRIVE", "ALLUSERSPROFILE", "COMSPEC", "PATH",
             "PATHEXT", "COMPUTERNAME", "PUBLIC", "ONEDRIVE", "COMMONPROGRAMFILES"}
_INLINE_CODE = re.compile(r"`([^`\n]+)`")
# A run of Xs next to other mask groups or digits is a masked number: "XXXX XXXX XXXX 4417", "XXXX-1234".
_MASK_AFTER = re.compile(r"[\s\-]*(?:[X*•]{2,}|\d)")
_MASK_BEFORE = re.compile(r"(?:[X*•]{2,}|\d)[\s\-]*$")
# Orders to type or to replace a placeholder as it stands, in the languages after English: the informal and the
# formal imperative (German with its "Sie"). Not "enter", "indicate", "put": said of a form's field or a value too.
_WRITE_IT = (r"(?:schreiben|tippen|ersetzen)\s+sie|schreib|schreibe|tipp|tippe|ersetze|"
             r"[ée]crivez|[ée]cris|tapez|saisissez|saisis|remplacez|remplace|"
             r"escriba|escribe|escribid|teclee|teclea|sustituya|sustituye|reemplace|reemplaza|"
             r"scrivi|scriva|scrivete|digita|digiti|sostituisci|sostituisca|sostituite|"
             r"schrijf|typ|tik|vervang|"
             r"escreva|escreve|digite|substitua|substitui")
# "type exactly {{ name }}", "escribe exactamente …", "schreiben Sie wörtlich …": the order to write it as it stands.
_VERBATIM = (r"(?:\s+(?:exactly|literally|verbatim|exactement|littéralement|textuellement|tel\s+quel|exactamente|"
             r"literalmente|tal\s+cual|esattamente|letteralmente|testualmente|genau|wörtlich|exakt|precies|letterlijk|"
             r"exatamente|tal\s+como))?")
# The reply talks *about* the placeholder: "Replace {order_id} with", "type the tag %FIRSTNAME%".
_EXPLAINED_BEFORE = re.compile(
    # ("Guten Tag [Name]," is the commonest German greeting, not talk of a tag)
    r"\b(?:replace|type|insert|paste|(?<!guten\s)(?<!schönen\s)(?<!einen\s)tags?|placeholder|variable|merge\s+field|field|fields|syntax|e\.g\.|"
    r"for\s+example|label(?:l)?ed|called|named|marked|titled|button|tab|menu|tap|click|press|select|choose|put|"
    r"campo|champ|feld|veld|enter(?:\s+(?:your|the))?|fill\s+in(?:\s+(?:your|the))?|"
    # the same words in the other languages: "la balise", "den Platzhalter", "la etiqueta", "il segnaposto"
    r"balise|variable|platzhalter|variable|etiqueta|marcador|segnaposto|variabile|variabele|tijdelijke\s+aanduiding|"
    r"merge-?tag|tag-?ul|"
    # what to write instead of it: "Schreiben Sie dafür statt {{ vorname }} einfach: …", "write instead of
    # {{first_name}}" (the order to write or use first: not "we send instead of {{product}} a voucher")
    r"(?:write|type|use|schreiben|schreibe|verwenden|nutzen|[ée]crivez|utilisez|escriba|escribe|utilice|usa|scriva|"
    r"scrivi|usi|schrijf|gebruik|escreva|escreve|utilize)\b[^.{}\[\]<>\n]{0,30}?\b(?:instead\s+of|statt|anstatt|"
    r"anstelle\s+von|au\s+lieu\s+de|en\s+lugar\s+de|en\s+vez\s+de|invece\s+di|anziché|in\s+plaats\s+van|em\s+vez\s+de|"
    r"em\s+lugar\s+de)|"
    # an order to write or replace the placeholder literally, in the other languages ("Schreiben Sie {vorname} an die
    # Stelle …", "Vervang <JOUW_API_SLEUTEL> door …", "remplacez [NOM] par …", "escriba {nombre} donde …")
    + _WRITE_IT + r")" + _VERBATIM + r"\s*[:\"'“‘«(]?\s*$", re.I)
# The order to type it and the field apart by where it goes, a template, message or field of the reader's: "Typ in het
# sjabloon {voornaam} op de plek …", "type into the message body {{first_name}}", "Schreiben Sie in die Vorlage
# {vorname}", "écrivez dans le modèle {prenom}", "escriba en la plantilla {nombre}", "scrivi nel modello {nome}",
# "escreva no modelo {nome}" (not "indicate [NUMERO_DOSSIER] in the subject": no order to write it literally).
_WHERE_TO_TYPE = (r"(?:template|message|text|body|subject(?:\s+line)?|field|box|editor|sjabloon|bericht|tekst|"
                  r"onderwerp|veld|vak|vorlage|nachricht|textfeld|betreff|feld|modèle|texte|objet|champ|plantilla|"
                  r"mensaje|texto|asunto|campo|modello|messaggio|testo|oggetto|modelo|mensagem|assunto|sms|e-?mail)")
_TYPED_INTO_BEFORE = re.compile(
    r"\b(?:type|insert|paste|put|write|" + _WRITE_IT + r")\s+"
    r"(?:in|into|inside|im|ins|in\s+(?:die|den|das|der|de|het|je|uw|jouw|your|the|ihre?|deine?)|dans|en|nel|nella|"
    r"no|na|em|op)\s+(?:[^\s{}\[\]<>()]+\s+){0,2}?[\w-]*" + _WHERE_TO_TYPE + r"\s*[:,]?\s*[\"'“‘«(]?\s*$", re.I)
# "like this: REFUND {case_number}", "ad esempio: RIMBORSO {numero_pratica}", "zum Beispiel {vorname}": an example the
# reply gives (a literal word or two may come before the placeholder).
_EXAMPLE_WORDS = (
    r"e\.g\.|for\s+(?:example|instance)|like\s+(?:this|so)|as\s+follows|in\s+this\s+way|"
    r"zum\s+beispiel|z\.\s?b\.|beispielsweise|wie\s+folgt|folgendermaßen|"
    r"par\s+exemple|p\.\s?ex\.|comme\s+(?:ceci|ça|suit)|de\s+cette\s+(?:façon|manière)|sous\s+cette\s+forme|"
    r"por\s+ejemplo|p\.\s?ej\.|de\s+(?:esta|la\s+siguiente)\s+(?:forma|manera)|de\s+este\s+modo|"
    r"ad\s+esempio|per\s+esempio|ad\s+es\.|in\s+questo\s+modo|come\s+segue|nel\s+seguente\s+modo|"
    r"bijvoorbeeld|bv\.|b\.v\.|als\s+volgt|op\s+deze\s+manier|"
    r"por\s+exemplo|desta\s+forma|da\s+seguinte\s+forma|deste\s+modo|"
    # what to write given as "the following": "Vul in het veld ‘Omschrijving’ het volgende in: [uw contractnummer]"
    r"(?:write|enter|type|put)\s+the\s+following|het\s+volgende(?:\s+in)?|folgendes(?:\s+ein)?|ce\s+qui\s+suit|"
    r"lo\s+siguiente|quanto\s+segue|(?:il|la)\s+seguente\s+dicitura|o\s+seguinte")
_EXAMPLE_BEFORE = re.compile(rf"\b(?:{_EXAMPLE_WORDS})\s*[:\"'“‘«„‚(]?\s*(?:[^\s{{}}\[\]<>()]+\s+){{0,2}}[\w./#-]*$|"
                             # … or a whole example in quotes after its name: 'Een voorbeeld van een begroeting: "U
                             # spreekt met de voicemail van [uw naam]', 'an example: "Hi, this is [your name] …'
                             r"\b(?:voorbeeld|beispiel|example|exemple|ejemplo|esempio|exemplo|sample|muster|modelo|modello|"
                             r"model)\b[^\"“”„«»\n]{0,40}?:\s*[\"“„«‘][^\"”“»’\n]{0,120}$", re.I)
# A format or pattern the customer is to follow, which the placeholders spell out: "in the format REF-<number>",
# "enter the reference as {invoice_no}-{customer_no}", "im Format „Vorgang <Nummer>“", "geben Sie als
# Verwendungszweck [Rechnungsnummer] an", "sous la forme [numéro client]-[année]", "indique la referencia como …",
# "nella forma …", "het kenmerk invullen als {klantnummer}/{jaar}", "preencha a referência como …".
# Orders to write it so (not "entered"/"ingevuld" as …: a template confirming data it merged in).
_OBJECT = r"(?:(?!(?:that|dass|que|che|dat)\b)[^\s,;.]+\s+){0,6}?"   # "the reference", "het kenmerk" (not "… that, as")
_FORMAT_WORDS = (
    r"in\s+(?:the|this)\s+(?:format|form(?:\s+of)?)|(?:following|using|with)\s+(?:the|this)\s+(?:format|pattern)|"
    rf"(?:fill\s+{_OBJECT}in|enter|type|quote|format|write\s+(?:it|this|them|the\s+\w+))\s+{_OBJECT}as|"
    r"im\s+format|in\s+dem\s+format|in\s+der\s+form|nach\s+(?:dem|diesem|folgendem)\s+(?:schema|muster)|"
    r"(?:angeben|eingeben|eintragen|schreiben|notieren|vermerken|ausfüllen)\s+als|"
    rf"(?:geben|tragen|schreiben|setzen|notieren|vermerken)\s+sie\s+{_OBJECT}als|"
    r"au\s+format|sous\s+(?:le\s+format|la\s+forme)(?:\s+de)?|de\s+la\s+forme|selon\s+le\s+(?:format|modèle|schéma)|"
    r"(?:indiquez|indiquer|saisissez|saisir|écrivez|écrire|inscrivez|inscrire|notez|noter|renseignez|renseigner|"
    rf"mettez|mettre|rédigez|rédiger|libellez|libeller)\s+{_OBJECT}comme|"
    r"(?:en|con)\s+el\s+formato|(?:en|con)\s+la\s+forma|siguiendo\s+el\s+(?:formato|esquema|patrón)|"
    r"(?:indique|indica|indicar|escriba|escribe|escribir|ponga|pon|poner|rellene|rellena|rellenar|introduzca|"
    rf"introduce|introducir|anote|anota|anotar|consigne)\s+{_OBJECT}como|"
    r"nel\s+formato|nella\s+forma|secondo\s+(?:il\s+formato|lo\s+schema)|"
    r"(?:indichi|indica|indicare|scriva|scrivi|scrivere|inserisca|inserisci|inserire|compili|compila|compilare|"
    rf"riporti|riporta|riportare)\s+{_OBJECT}come|"
    r"in\s+het\s+formaat|in\s+de\s+vorm(?:\s+van)?|volgens\s+het\s+(?:formaat|patroon|schema)|"
    rf"(?:invullen|vermelden|noteren|schrijven|opgeven|invoeren|typen|zetten|vul\s+{_OBJECT}in|"
    rf"geef\s+{_OBJECT}op|voer\s+{_OBJECT}in|vermeld|noteer|schrijf|typ|zet)\s+{_OBJECT}als|"
    r"no\s+formato|na\s+forma(?:\s+de)?|seguindo\s+o\s+(?:formato|modelo|padrão|esquema)|"
    r"(?:preencha|preenche|preencher|indique|indica|indicar|escreva|escreve|escrever|coloque|coloca|colocar|insira|"
    rf"insere|inserir|digite|digita|digitar)\s+{_OBJECT}como")
# (the same chunk may hold the format's other placeholders: "{klantnummer}/{jaar}")
_FORMAT_BEFORE = re.compile(rf"\b(?:{_FORMAT_WORDS})\s*[:\"'“‘«„‚(]?\s*(?:[^\s{{}}\[\]<>()]+\s+){{0,2}}\S*$", re.I)
# German and Dutch put the verb last: "den Verwendungszweck als {Rechnungsnummer}-{Kundennummer} angeben",
# "het kenmerk als {klantnummer} invullen".
_ALS_BEFORE = re.compile(r"\bals\s*[\"'“‘«„‚(]?\s*(?:[^\s{}\[\]<>()]+\s+){0,2}\S*$", re.I)
_FORMAT_VERB_AFTER = re.compile(
    r"^\S*\s+(?:\S+\s+){0,2}?(?:an|ein|in|op)?(?:geben|tragen|schreiben|notieren|vermerken|füllen|vullen|"
    r"vermelden|noteren|schrijven|zetten|typen|voeren)\b", re.I)
# A worked example after the placeholders: a reference filled in, given as an example or as what the pattern makes
# for the reader ("…{klantnummer}/{jaar}. Voor uw factuur wordt dat: 40716/2026", "…, e.g. INV-2231/77",
# "zum Beispiel 2026-118/55012", "par exemple 40716-2026", "en su caso: 4471-20260304", "ad esempio C-20931/2026",
# "bijvoorbeeld 40716/2026", "no seu caso isso dá 55012-2026"). What a template states as filled in ("the
# tracking number for your order is 1Z999…") says no "that gives", "for example" or "in your case".
_WORKED_WORDS = (
    r"e\.g\.|for\s+(?:example|instance)|in\s+your\s+case|(?:that|this|which)\s+(?:gives|makes|becomes|would\s+be|"
    r"comes\s+out\s+as)|"
    r"zum\s+beispiel|z\.\s?b\.|beispielsweise|in\s+ihrem\s+fall|in\s+deinem\s+fall|(?:das|dies|es)\s+(?:ergibt|wäre|"
    r"lautet|hieße)|(?:ergibt|wäre|lautet)\s+(?:das|dies|es|sich)|"
    r"par\s+exemple|p\.\s?ex\.|dans\s+votre\s+cas|dans\s+ton\s+cas|(?:cela|ça|ce\s+qui)\s+(?:donne|fait|ferait|"
    r"donnerait|sera|serait)|"
    r"por\s+ejemplo|p\.\s?ej\.|en\s+su\s+caso|en\s+tu\s+caso|(?:eso|esto|lo\s+que)\s+(?:da|daría|queda|quedaría|sería|"
    r"será|resulta)|"
    r"ad\s+esempio|per\s+esempio|ad\s+es\.|nel\s+suo\s+caso|nel\s+tuo\s+caso|(?:questo|ciò|il\s+che)\s+(?:dà|"
    r"darebbe|diventa|sarà|sarebbe|risulta)|"
    r"bijvoorbeeld|bijv\.|bv\.|b\.v\.|in\s+uw\s+geval|in\s+jouw\s+geval|in\s+je\s+geval|(?:wordt|geeft)\s+(?:dat|dit|"
    r"het)|(?:dat|dit)\s+(?:wordt|geeft)|"
    r"por\s+exemplo|no\s+seu\s+caso|no\s+teu\s+caso|(?:isso|isto|o\s+que)\s+(?:dá|daria|fica|ficaria|será|seria)")
# … and the reference it shows: a code, not a count ("e.g. 3 days") or a date ("for example on 12/03"): digits with a
# separator or a letter, or four
_WORKED_VALUE = (r"(?!\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?(?![\w/-]|\.\d)|\d{4}-\d{2}-\d{2}(?![\w-]))"
                 r"(?:(?=[\w./#-]*\d)(?:[A-Za-z0-9]+[-/._#])+[A-Za-z0-9]+|(?=[A-Za-z]*\d)[A-Za-z]+\d+[A-Za-z0-9]*|\d{4,})")
_WORKED_EXAMPLE = re.compile(
    rf"\b(?:{_WORKED_WORDS})(?:\s+[^\W\d_]+){{0,2}}?\s*[:=]?\s*[\"'“‘«„‚]?(?:{_WORKED_VALUE})(?![\w-])", re.I)
# "write {nome_cliente} wherever the buyer's name should appear": a placeholder put where the reader wants it.
_WHEREVER_WORDS = (
    r"wherever|anywhere|where\s+(?:you\s+want|the\s+\w+\s+(?:should\s+)?(?:go|goes|appears?))|"
    r"überall\s+(?:wo|dort)|dort\s+wo|an\s+der\s+stelle,?\s+wo|partout\s+où|là\s+où|"
    r"dondequiera|donde\s+quiera|en\s+cualquier\s+lugar|allí\s+donde|ovunque|dovunque|dove\s+(?:vuole|vuoi)|"
    r"overal\s+waar|waar\s+(?:je|u)\s+(?:maar\s+)?wil|onde\s+quer\s+que|em\s+qualquer\s+lugar")
_WHEREVER_AFTER = re.compile(rf"^\s*[\"'”’»)]?\s*(?:{_WHEREVER_WORDS})\b", re.I)
# … or at the spot where it goes, when the reader is told to put it there: "Typ {voornaam} op de plek waar de naam
# moet komen", "put {first_name} at the point where …", "setzen Sie {vorname} an die Stelle, an der …", "mettez
# {prenom} à l'endroit où …", "ponga {nombre} en el lugar donde …", "metta {nome} nel punto in cui …", "coloque
# {nome} no lugar onde …" ("we deliver to {address} at the spot where you asked" orders nobody to put it anywhere).
_SPOT_AFTER = re.compile(
    r"^\s*[\"'”’»)]?\s*(?:(?:at|in)\s+the\s+(?:spot|place|point|position)\s+where|an\s+(?:der|die)\s+stelle,?\s+"
    r"(?:an\s+der|wo)|à\s+l['’]endroit\s+où|en\s+el\s+(?:lugar|sitio|punto)\s+(?:donde|en\s+(?:el\s+)?que)|"
    r"nel\s+(?:punto|posto)\s+(?:in\s+cui|dove)|op\s+de\s+(?:plek|plaats)\s+waar|daar\s+waar|"
    r"no\s+(?:lugar|sítio|local|ponto)\s+(?:onde|em\s+que))\b", re.I)
_PUT_ORDER = re.compile(
    r"\b(?:type|insert|paste|put|write|use|" + _WRITE_IT + r"|(?:setzen|verwenden|nutzen)\s+sie|setze|setz|"
    r"mettez|mets|utilisez|utilise|insérez|insère|pon|ponga|poned|usa|use|utilice|utiliza|inserte|inserta|metti|"
    r"metta|usi|inserisci|inserisca|zet|gebruik|plaats|voeg|coloque|coloca|insira|insere|utilize|utiliza)\b"
    r"(?:\s+[^\s{}\[\]<>()]+){0,4}\s*[:\"'“‘«(]?\s*$", re.I)   # a few words before it: "Typ in het sjabloon {…}"
_EXPLAINED_AFTER = re.compile(r"^\s*[\"'”’»)]?\s*(?:placeholder|variable|tag|merge\s+(?:tag|field)|field|"
                              r"parameter|button|tab|menu|box|option)s?\b|^\s*(?:wherever|where\s+you\s+want|"
                              r"(?:is|are|will\s+be|gets?)\s+(?:replaced|filled\s+in))\b|"
                              # what it stands for, said: "dove <utente> è il nome della cartella del tuo profilo",
                              # "where <user> is the name of your folder", "wobei <Nutzer> der Name … ist"
                              r"^\s*(?:is|are|è|sono|é|es|est|ist|sind|zijn)\s+(?:(?:the|il|la|lo|o|a|el|le|der|die|"
                              r"das|de|het)\s+)?(?:name|nome|nombre|nom|naam|number|numero|número|numéro|nummer|code|"
                              r"codice|código|path|percorso|ruta|chemin|pfad|pad|caminho)\b", re.I)


# What the customer (or their readers) saw, quoted back by a reply that explains it: 'Your subscribers saw "Hi
# *|FNAME|*" because …', 'die E-Mail zeigte „Hallo {{vorname}}"', 'le mail affichait « Bonjour [Prénom] »'.
_SAW_QUOTED = re.compile(r"\b(?:saw|see|sees|seeing|seen|shows?|showed|shown|showing|displays?|displayed|says?|said|"
                         r"reads?|got|gets|received?|appears?|appeared|sahen|sieht|sah|zeigt|zeigte|angezeigt|stand|"
                         r"erhielten|voyaient|voit|vu|affiche|affichait|affiché|reçu|vieron|ven|vio|aparece|aparecía|"
                         r"muestra|mostraba|recibieron|vedevano|vede|visto|appare|appariva|mostra|mostrava|ricevuto|"
                         r"zagen|ziet|zag|toont|toonde|stond|kregen|viram|vê|viu|aparecia|mostrava|receberam)\s+"
                         r"(?:[\w'’]+\s+){0,3}?[\"“„«‘']\s*(?:[\w'’,]+\s+){0,3}$|"
                         # … or what it says sorry for: 'sorry about the "Dear {first_name}" at the top of our last
                         # email', 'excuses voor de "Beste [naam]"', 'perdón por el «Hola {nombre}»'
                         r"\b(?:sorry|apolog\w+|excuses|entschuldig\w*|désolée?s?|pardon|perdón|perdone|disculp\w*|scus\w*|"
                         r"desculp\w*)\s+(?:[\w'’]+\s+){0,3}?[\"“„«‘']\s*(?:[\w'’,]+\s+){0,3}$", re.I)
# … or an error it names, quoted as the screen shows it: 'si te vuelve a salir el error «DNS_PROBE_FINISHED_NXDOMAIN»',
# 'the error code "ERR_CONNECTION_REFUSED"' (quoted: "the error {error_code}" unquoted is a leaked field).
_ERROR_QUOTED = re.compile(r"\b(?:error|errors|erro|erreur|Fehler\w*|fout\w*|errore|code|código|codice|melding|"
                           r"message|mensaje|messaggio|mensagem)\s*:?\s*(?:[A-Z0-9][\w-]*\d[\w-]*\s+)?[\"“„«‘']?\s*$", re.I)
# The reply tells how to change a text into one with the placeholder, or what fills it in: 'substitua o texto "NIF:"
# por "NIF: {cliente.nif}"', 'replace "Hi" with "Hi {{first_name}}"', 'o programa preenche {cliente.nif} com o
# número', 'the app fills in {name} with …'.
_REPLACE_WITH_BEFORE = re.compile(
    r"\b(?:replace|change|" + _WRITE_IT + r"|ändern\s+sie|ändere|changez|cambie|cambia|modifichi|modifica|"
    r"wijzig|verander|altere|mude)\b[^.\n]{0,60}?\b(?:with|by|to|durch|in|par|en|por|con|door|naar|met|com|pelo|pela)"
    r"\s*[\"“„«‘']\s*[^\"“”„«»‘’'\n]{0,30}$|"
    r"\b(?:fills?(?:\s+in)?|füllt|remplit|rellena|riempie|compila|vult|preenche)\s*$", re.I)


# Kinds of placeholder a reply can show on purpose (not Xs or a capitals filler: nobody explains those).
_BRACKETS = {kind for kind, _ in PATTERNS} - {"Xs for a missing number", "filler in capitals"}
# What a fully masked number stands for: "card XXXX XXXX XXXX XXXX", "PIN: XXXX".
_MASKED_WHAT = re.compile(r"\b(?:card|cards|karte|carte|tarjeta|carta|kaart|cart[ãa]o|iban|pin|password|passwort|"
                          r"mot de passe|contrase[ñn]a|wachtwoord|senha|ending(?:\s+in)?|endet\s+auf|"
                          r"se\s+termine\s+par|terminada\s+en|che\s+termina\s+con|eindigend\s+op|terminado\s+em)\W{0,3}"
                          r"(?:\w+\W{1,3}){0,3}$", re.I)
# The rest of the sentence says the placeholder gets replaced: "{naam} gebruiken: die wordt bij het versturen
# automatisch vervangen door de voornaam", "… {first_name}, which is replaced with", "… sera remplacé par".
_REPLACED_LATER = re.compile(
    r"^\s*(?:[–—-]\s*)?[^\W\d_]*(?:\s+[^\W\d_]+){0,7}\s*[:,;]?\s*(?:die|dat|which|that|it|this|they|das|dies|er|es|il|elle|"
    r"cela|ce|qui|que|lo|la|esto|che|questo|isso|ele)?\s*(?:wordt|worden|wird|werden|is|are|will\s+be|gets?|est|"
    r"sera|seront|sont|es|será|serán|viene|verrà|è|sarà|é)\b"
    r"(?=[^.!?\n]*\b(?:by|with|door|met|durch|mit|par|por|con|da|dal|dalla|pelo|pela|com)\b)"   # … by what
    r"[^.!?\n]{0,60}?\b(?:replaced|substituted|swapped|filled\s+in|vervangen|ingevuld|ersetzt|ausgefüllt|"
    r"remplacée?s?|substituée?s?|reemplazad[oa]s?|sustituid[oa]s?|sostituit[oa]|rimpiazzat[oa]|substituíd[oa]s?)\b",
    re.I)
# Words about template syntax, in what explains a placeholder (not "the field …", "click …", "enter your …").
_TEMPLATE_TALK = re.compile(r"replace|type|insert|paste|tag|placeholder|variable|merge|syntax|e\.g\.|for\s+example|"
                            + _WRITE_IT + "|"
                            r"balise|platzhalter|etiqueta|marcador|segnaposto|variabile|variabele|aanduiding|"
                            r"wherever|where\s+you\s+want|replaced|filled\s+in|vervangen|ingevuld|ersetzt|"
                            r"ausgefüllt|remplac|substitu|reemplaz|sustitu|sostitu|rimpiazz|"
                            + _EXAMPLE_WORDS + "|" + _WHEREVER_WORDS, re.I)
# Names of template syntax itself, anywhere in the placeholder's sentence: "the merge tag in your campaign is
# spelled {{ customer.firstname }}", "der Platzhalter … heißt bei uns {vorname}". Stronger than _TEMPLATE_TALK's
# words, which must stand right beside the placeholder ("tag" alone is a price tag, "Tag" a German day).
_SYNTAX_NAMED = re.compile(
    r"\b(?:merge[\s-]?(?:tags?|fields?|variables?)|placeholders?|template\s+(?:tags?|variables?|fields?|syntax)|"
    r"syntax|syntaxe|sintaxis|sintassi|sintaxe|platzhalter\w*|seriendruckfeld\w*|segnaposto|segnaposti|balises?|"
    r"(?:variables?|champs?)\s+de\s+fusion|(?:etiquetas?|campos?)\s+de\s+(?:combinación|fusión|mesclagem)|"
    r"variabil[ei]\s+(?:di\s+)?(?:unione|template|modello)|tijdelijke\s+aanduidings?|samenvoegvelden|"
    r"samenvoegveld|espaços?\s+reservados?|marcadores?\s+de\s+posición|"
    # a template's own wording talked about: "because the template uses {{ first_name }}, which isn't a field"
    r"templates?\s+(?:uses?|used|has|had|contains?|reads|says|calls)|(?:vorlage|modèle|plantilla|modello|sjabloon|"
    r"modelo)\s+(?:verwendet|enthält|utilise|contient|usa|utiliza|contiene|gebruikt|bevat)|"
    r"(?:isn['’]t|is\s+not|not)\s+a\s+(?:valid\s+)?(?:field|variable|tag|merge\s+tag))\b", re.I)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# A sentence that says the reply's fields get replaced (fields, placeholders or variables as the subject of a passive
# "replaced"; not "filled in", said of a form's fields): "Die Felder werden beim Versand automatisch ersetzt", "these placeholders are replaced
# when the message goes out", "les champs sont remplacés", "los campos se sustituyen", "i campi vengono sostituiti",
# "de velden worden vervangen", "os campos são substituídos". A template that leaked says nothing of the kind.
_WHEN_SENT = (r"(?:beim\s+(?:Versand|Versenden|Senden)|bij\s+(?:het\s+)?(?:versturen|verzenden)|when\s+(?:it['’]?s\s+|it\s+is\s+)?"
              r"sent|when\s+sending|on\s+sending|lors\s+de\s+l['’]envoi|à\s+l['’]envoi|al\s+enviar|all['’]invio|"
              r"al\s+momento\s+dell['’]invio|no\s+envio|ao\s+enviar|automatisch|automatically|automatiquement|"
              r"automáticamente|automaticamente)")
_FIELDS_REPLACED = re.compile(
    # (one at a time too: "Each tag gets swapped for the attendee's details when the email goes out")
    r"\b(?:each|every|jede[rs]?|chaque|cada|ogni|elke|iedere)\s+(?:merge\s+)?(?:tag|field|placeholder|variable|feld|"
    r"platzhalter|champ|balise|campo|marcador|segnaposto|variabile|veld|variabele)\b[^.!?\n]{0,40}?\b(?:replaced|"
    r"substituted|swapped|filled\s+in|ersetzt|remplacée?|reemplazad[oa]|sustituid[oa]|sostituit[oa]|vervangen|"
    r"substituíd[oa])\b|"
    r"\b(?:(?:the|these|those|all|die|diese|alle|les|ces|los|estos|las|estas|i|questi|le|queste|de|deze|os|estes|as|"
    r"estas)\s+)?(?:fields|placeholders|variables|merge\s+(?:tags|fields)|tags|felder|platzhalter|variablen|champs|"
    r"balises|variables|campos|marcadores|variables|campi|segnaposto|variabili|velden|variabelen|"
    r"tijdelijke\s+aanduidingen|campos|vari[áa]veis|marcadores)\b[^.!?\n]{0,40}?\b(?:replaced|substituted|swapped|"
    r"ersetzt|remplac[ée]e?s|substitu[ée]e?s|reemplazad[oa]s|sustituid[oa]s|se\s+(?:sustituyen|reemplazan)|"
    r"sostituit[ie]|vervangen|substitu[íi]d[oa]s|se\s+substituem)\b|"
    # … or the software replaces them when sending: "Rechnix ersetzt sie beim Versand automatisch", "Bij het versturen
    # vervangt Mailbase dat door de voornaam", "the app replaces it with the name when the email is sent"
    r"\b(?:ersetzt|vervangt|replaces|remplace|reemplaza|sustituye|sostituisce|substitui|fills\s+in)\s+(?:\w+\s+)?"
    r"(?:sie|dat|die|deze|them|it|these|les|los|las|li|le|os|as|ces)\b[^.!?\n]{0,40}?\b" + _WHEN_SENT + r"|"
    r"\b" + _WHEN_SENT + r"\s+(?:\w+\s+)?(?:ersetzt|vervangt|replaces|remplace|reemplaza|sustituye|sostituisce|substitui)\b|"
    # … its object before it: "el sistema lo sustituye solo", "il sistema li sostituisce da solo", "le système les remplace"
    r"\b(?:lo|la|los|las|li|le|les|o|os|as)\s+(?:sustituye|reemplaza|sostituisce|substitui|remplace)\s+(?:solo|sola|"
    r"da\s+solo|automáticamente|automaticamente|automatiquement|al\s+enviar|all['’]invio|ao\s+enviar|à\s+l['’]envoi)\b",
    re.I)


# A line that introduces a sample for the customer's own template, ending in a colon: an order to put, paste or add
# "this" or "the following" where they want it or into their template ("… and put this where you want the name to
# appear:", "add this line to your email template:", "fügen Sie Folgendes in Ihre Vorlage ein:", "collez ceci dans
# votre modèle :"). The paragraph after it is the sample (not "Copy this link into your browser:", an unfilled link).
_SAMPLE_ORDER = (r"(?:put|paste|add|use|copy|insert|type|enter|write|include|" + _WRITE_IT + r"|fügen|füge|kopieren|kopiere|"
                 r"setzen|setze|verwenden|verwende|collez|colle|copiez|copie|ajoutez|ajoute|mettez|mets|insérez|utilisez|"
                 r"pega|pegue|copia|copie|añade|añada|pon|ponga|inserta|inserte|usa|use|incolla|incolli|aggiungi|"
                 r"aggiunga|metti|metta|inserisci|inserisca|usa|usi|plak|kopieer|voeg|zet|gebruik|cole|copie|adicione|"
                 r"adiciona|coloque|coloca|insira|use|utilize)")
_SAMPLE_THIS = (r"(?:this|these(?:\s+lines?)?|this\s+(?:line|snippet|code|tag|text)|the\s+following|folgendes|dies(?:e[ns]?)?|"
                r"ceci|cela|ce\s+qui\s+suit|cette\s+ligne|esto|esta\s+l[íi]nea|lo\s+siguiente|questo|questa\s+riga|"
                r"quanto\s+segue|dit|deze\s+regel|het\s+volgende|isto|esta\s+linha|o\s+seguinte)")
_SAMPLE_WHERE = (r"(?:" + _WHEREVER_WORDS + r"|(?:in(?:to)?|to|in\s+(?:ihre|deine|die)|dans|à|en|a|nel(?:la)?|in|op|aan|no|na|ao|à)\s+"
                 r"(?:your|the|ihre?|deine?|die|votre|ton|le|la|su|tu|el|la|il|lo|tuo|suo|je|uw|het|de|o|a|seu|sua)\s+"
                 r"(?:\w+\s+)?(?:template|theme|notification|vorlage|modèle|plantilla|modello|sjabloon|modelo|"
                 r"e-?mail\s+template|layout|footer|signature|signatur|firma|handtekening|assinatura)|"
                 # or names the template syntax it shows: "type the merge tag into the subject … exactly like this:"
                 r"merge[\s-]?(?:tag|field)s?|placeholders?|variables?|platzhalter|balises?|etiquetas?|segnaposto|"
                 r"variabel(?:e|en)|vari[áa]veis|tijdelijke\s+aanduiding)")
_INTRODUCES_SAMPLE = re.compile(rf"\b{_SAMPLE_ORDER}\b[^\n]{{0,80}}?\b{_SAMPLE_THIS}\b[^\n]*?\b{_SAMPLE_WHERE}\b[^\n]*:\s*$|"
                                rf"\b{_SAMPLE_ORDER}\b[^\n]{{0,80}}?\b{_SAMPLE_WHERE}\b[^\n]*?\b{_SAMPLE_THIS}\b[^\n]*:\s*$|"
                                # or the theme's file named first, the order last: "Nel tema, apri il file
                                # templates/cart.html e, subito sopra il pulsante …, aggiungi:"
                                rf"(?:\S+\.(?:html?|liquid|twig|j2|jinja2?|hbs|mustache|tpl|erb|njk)\b|\b(?:theme|thema|"
                                rf"thème|tema)\b)[^\n]{{0,160}}?\b{_SAMPLE_ORDER}\s*:\s*$|"
                                # or a line that ends with an example's words: "étiquetez chaque carton …, comme ceci :"
                                rf"(?:{_EXAMPLE_WORDS})\s*:\s*$",
                                re.I)


def _sentence_names_syntax(lines, no: int, start: int, end: int) -> bool:
    """Whether the sentence a placeholder stands in (across the lines of its paragraph) names template syntax."""
    prose = lines[no].prose
    before, after = prose[:start], prose[end:]
    k = no - 1
    while not _SENTENCE_END.search(before) and k >= 0 and lines[k].prose.strip():
        before = lines[k].prose + " " + before
        k -= 1
    before = _SENTENCE_END.split(before)[-1]
    after = _SENTENCE_END.split(after)[0]
    return bool(_SYNTAX_NAMED.search(before) or _SYNTAX_NAMED.search(after))


def _chained(chained: dict[int, str], prose: str, start: int) -> str:
    """How the reply explained the placeholder this one is joined to, as one pattern: the second field of
    "sous la forme [numéro client]-[numéro de facture]" is the format's too."""
    for end, how in chained.items():
        if end <= start and re.fullmatch(r"[\-/._+|:–—]|\s[\-/+|–—]\s", prose[end:start]):
            return how
    return ""


def _worked_example(lines, no: int, start: int, end: int) -> bool:
    """Whether the placeholder's sentence or the next one (in its paragraph) shows the pattern filled in as an
    example: "…{invoice_no}-{customer_no}. For your open bill that gives 2025-771-40218."
    A greeting's name slot is never such a pattern."""
    prose = lines[no].prose
    if re.fullmatch(rf"\s*{_GREETINGS}\s+(?:\S+\s+)?", prose[:start], re.I):
        return False
    after = prose[end:]
    k = no + 1
    while len(after) < 300 and k < len(lines) and lines[k].kind in (OWN, FOREIGN) and lines[k].prose.strip():
        after += " " + lines[k].prose
        k += 1
    m = _WORKED_EXAMPLE.search(after[:300])
    if not m:
        return False
    # right after the pattern, or a few words on in the next sentence: "…. For your open bill that gives …"
    gap = after[:m.start()]
    return len(_SENTENCE_END.findall(gap)) <= 1 and len(re.findall(r"\w+", gap)) <= 8


# A config or data sample the reply shows, indented with lower-case keys: '    secret: <YOUR_SECRET>',
# '      "api_key": "<YOUR_API_KEY>",' (a details block a template fills in reads "Name: [name]").
_CONFIG_LINE = re.compile(r"^(?:\s{2,}|\t)\s*(?:-\s+)?\"?[a-z_][\w.\-]*\"?\s*:\s*\S")


def check(text: str, ctx=None) -> list[Finding]:
    """One finding per distinct placeholder in the company's own text, in reading order."""
    lines = read(text, ctx)
    shown_as_code = _code_tokens(text, lines)
    hits: list[tuple[int, int, str, str]] = []   # (line, position, token, kind)
    explained: set[str] = set()   # tokens and bracket shapes the reply explains somewhere
    covered: dict[int, list[tuple[int, int]]] = {}   # each line's bracketed fields, reported or excused
    sample = ""   # "pending" after a paragraph that introduces a sample, "in" through the paragraph after it
    para = ""     # the paragraph so far (a mail wraps its sentences over lines)
    for ln in lines:
        if not ln.prose.strip():
            para = ""
            if sample == "in":
                sample = ""
        if ln.kind not in (OWN, FOREIGN) or not ln.prose.strip():
            continue
        para = f"{para} {ln.prose.strip()}"
        if sample == "pending":
            sample = "in"
        elif ln.prose.rstrip().endswith(":") and _INTRODUCES_SAMPLE.search(para):
            sample = "pending"
        spans = covered.setdefault(ln.no, [])
        chained: dict[int, str] = {}   # where an excused placeholder ends: how the reply explained it
        for kind, pattern in PATTERNS:
            for m in pattern.finditer(ln.prose):
                token = m.group(0)
                # One finding per placeholder: skip matches inside an earlier one.
                if any(m.start() < hi and lo < m.end() for lo, hi in spans):
                    continue
                if pattern.groups and not is_field(next((g for g in m.groups() if g), ""), kind):
                    continue   # ordinary bracketed text: "[£20]", "[1]", "<Settings>", "[Acme Support]"
                spans.append(m.span())
                if token in shown_as_code or _harmless(kind, token, ln.prose, m.start(), m.end(), text):
                    continue
                how = ("template" if sample == "in" and kind in _BRACKETS else "") or \
                    _explained(kind, ln.prose[:m.start()], ln.prose[m.end():]) or \
                    ("template" if _sentence_names_syntax(lines, ln.no, m.start(), m.end()) else "") or \
                    ("label" if kind in _BRACKETS and _worked_example(lines, ln.no, m.start(), m.end()) else "") or \
                    _chained(chained, ln.prose, m.start())
                if how:
                    chained[m.end()] = how
                    # Only talk about templates makes the reply's other fields of that shape examples too:
                    # "enter your [Postcode]" points at a form and excuses no "Dear [Customer Name]".
                    explained |= {token, kind} if how == "template" else {token}
                    continue
                hits.append((ln.no, m.start(), token, kind))
    replaced = bool(hits and _FIELDS_REPLACED.search(" ".join(ln.prose for ln in lines if ln.kind in (OWN, FOREIGN))))
    if replaced:
        explained |= _BRACKETS   # "The fields are replaced when the message is sent": the reply explains its fields
    hits.extend(_unfilled_slots(lines, ctx, covered))
    found: list[Finding] = []
    seen: set[str] = set()
    # (not the letter's own greeting: "Dear {{first_name}}, … add this line to your template: …" is still unfilled,
    # unless the reply says its own fields are replaced when it is sent)
    first = next((ln.no for ln in lines if ln.kind in (OWN, FOREIGN) and ln.prose.strip()), None)
    for no, at, token, kind in sorted(hits):
        # A reply that explains a placeholder once shows it (and others of its shape) as examples elsewhere:
        # 'type {{first_name}} where the name goes, e.g. "Hi {{first_name}}, …"'.
        greeting = no == first and not replaced and _GREETING_BEFORE.match(lines[no].prose[:at])
        if token in seen or token in explained or (kind in explained and kind in _BRACKETS and not greeting):
            continue
        seen.add(token)
        found.append(Finding(
            CHECK, "major", f"Unreplaced placeholder {token}",
            f"The customer sees template text ({kind}) where their details should be: "
            "the message looks careless and impersonal.",
            snippet(lines[no].text)))
    return found


# The name slot of a greeting: "Dear NAME,", "Hi ___,", "Hello {0},", "Hi :first_name,", "Dear Customer Name,".
# (the greetings of every day and region too: "Grüezi Herr NACHNAME,", "Bom dia NOME,", "Good morning FIRSTNAME,")
_GREETINGS = (r"(?:dear|hi|hiya|hello|hey|good\s+(?:morning|afternoon|evening|day)|greetings|hallo|liebe[rs]?|"
              r"sehr\s+geehrte[rs]?(?:/r)?|guten\s+(?:tag|morgen|abend)|gr[üu]ezi|gr[üu]essech|gr[üu](?:ß|ss)\s+gott|"
              r"servus|moin|bonjour|bonsoir|salut|coucou|cher|ch[èe]re|hola|buen(?:os|as)(?:\s+(?:d[ií]as|tardes|"
              r"noches))?|estimad[oa](?:/a)?|querid[oa]|gentile|buongiorno|buonasera|salve|ciao|caro\(a\)|car[oa]|"
              r"beste|geachte|hoi|goede(?:morgen|middag|navond)|ol[áa]|oi|bom\s+dia|boa\s+(?:tarde|noite)|"
              r"prezad[oa])")
_GREETING_SLOT = re.compile(rf"^\s*{_GREETINGS}\s+(?P<slot>:?[^,:!\n]{{1,40}}?)\s*[,:!]", re.I)
# A greeting whose name was merged in empty: a space, then the comma ("Dear ,", "Hallo Herr ,", "Olá ,").
_EMPTY_GREETING = re.compile(
    rf"^\s*{_GREETINGS}"
    r"(?:\s+(?:mr|mrs|ms|miss|mx|dr|herr|frau|monsieur|madame|sr|sra|señor|señora|sig|sig\.ra|signor|signora|heer|"
    r"mevrouw|senhor|senhora)\.?)?\s+,", re.I)   # only a comma: French spaces its "Bonjour !" and "Madame :"
# Name words a slot names a field with (not "Dear Customer", a generic greeting).
_NAME_WORD = re.compile(r"name|first|last|surname|vorname|nachname|anrede|nom\b|pr[ée]nom|nombre|apellido|nome|"
                        r"cognome|naam|voornaam|achternaam|salutation|title|recipient|contact", re.I)
# A field in SNAKE_CASE capitals whose words all name data: "TRACKING_NUMBER", "ORDER_ID" (not "ERR_CONNECTION").
_SNAKE_FIELD = re.compile(r"(?<![\w./-])[A-Z]{2,12}(?:_[A-Z]{2,12}){1,3}(?![\w/-])")
_DATA_WORDS = {"NAME", "FIRST", "LAST", "FULL", "CUSTOMER", "CLIENT", "AGENT", "ORDER", "TRACKING", "NUMBER", "NO",
               "NUM", "ID", "REF", "REFERENCE", "DATE", "TIME", "AMOUNT", "PRICE", "TOTAL", "ADDRESS", "PHONE",
               "EMAIL", "ACCOUNT", "CASE", "TICKET", "BOOKING", "INVOICE", "POLICY", "CODE", "LINK", "URL", "SLOT",
               "DELIVERY", "USER", "CONTACT", "COMPANY", "SURNAME", "TITLE", "POSTCODE", "CITY", "SIGNATURE"}


def _unfilled_slots(lines, ctx, covered: dict[int, list[tuple[int, int]]]) -> list[tuple[int, int, str, str]]:
    """Fields that no bracket marks: a greeting's name slot holding a field name or a blank, and data fields in
    SNAKE_CASE capitals in the prose. Anything inside a bracketed field (``covered``: its line's spans, reported
    or excused) is that field, not a second one: "%CASE_NUMBER%" is one placeholder."""
    found: list[tuple[int, int, str, str]] = []

    def taken(no: int, lo: int, hi: int) -> bool:
        return any(lo < end and start < hi for start, end in covered.get(no, ()))

    persona = {fold(w) for w in re.findall(r"\w+", str((getattr(ctx, "persona", None) or {}).get("name") or ""))}
    greeted = False
    for ln in lines:
        if ln.kind not in (OWN, FOREIGN) or not ln.prose.strip():
            continue
        if not greeted and (e := _EMPTY_GREETING.match(ln.prose)):
            greeted = True   # "Dear ,", "Sehr geehrte Frau ,": the name was merged in empty
            found.append((ln.no, e.end() - 1, e.group(0).strip(), "an empty greeting"))
            continue
        m = None if greeted else _GREETING_SLOT.match(ln.prose)
        if m:
            greeted = True
            slot = m.group("slot").strip()
            blank = re.fullmatch(r"_{2,}|\.{3,}|…|-{3,}|:\w+|\{\d\}|%s|X{3,}|x{3,}", slot)
            named = re.fullmatch(r"(?:[A-Za-zÀ-ÿ_]+\s*){1,3}", slot) and _NAME_WORD.search(slot) and is_field(slot) \
                and not ({fold(w) for w in re.findall(r"\w+", slot)} & persona)
            if (blank or named) and not taken(ln.no, m.start("slot"), m.end("slot")):
                found.append((ln.no, m.start("slot"), slot, "an unfilled greeting"))
        for f in _SNAKE_FIELD.finditer(ln.prose):
            if set(f.group(0).split("_")) <= _DATA_WORDS and not taken(ln.no, f.start(), f.end()):
                found.append((ln.no, f.start(), f.group(0), "a field name in capitals"))
        for f in re.finditer(r"(?<![^\s(“\"'])\{\d\}(?=[\s,.;:!?)”\"']|$)", ln.prose):   # "{0}", "{1}": a format string's slots
            if not taken(ln.no, f.start(), f.end()):
                found.append((ln.no, f.start(), f.group(0), "a numbered slot"))
    return found


# A command the customer is to run, a request to send: "curl https://api… \\", "$ stripe login", "wget -O …",
# "GET /v2/payments HTTP/1.1", "Invoke-RestMethod -Uri …" (a program's name, then a flag or an address).
_COMMAND = re.compile(
    r"^\s*(?:\$\s+[a-z]|(?:curl|wget|http|https|httpie|ssh|scp|git|npm|npx|yarn|pip|pip3|python|python3|node|docker|"
    r"kubectl|aws|gcloud|az|heroku|stripe|openssl|psql|mysql|Invoke-RestMethod|Invoke-WebRequest)\s+"
    r"(?:-{1,2}[A-Za-z]|[\"']?https?://)|(?P<request>(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:/|https?://)\S*))")
# Its flags on the lines below it ("  -H \"Authorization: Bearer <YOUR_KEY>\" \\"), and what a request sends under its
# first line, headers and body, up to a blank line ("Authorization: Bearer <YOUR_KEY>", "Content-Type: …").
_FLAG_LINE = re.compile(r"^\s+-{1,2}[A-Za-z][\w-]*(?:[\s=]|$)")
_HEADER_LINE = re.compile(r"^\s*[A-Za-z][\w-]*:\s*\S")
_CONTINUED = re.compile(r"(?:\s\\|\s\^|\s`)\s*$")   # "\\" in a shell, "^" in cmd, "`" in PowerShell


def _command_lines(lines) -> list[str]:
    """The reply's lines that show a command or request the customer is to run, with what continues it."""
    found: list[str] = []
    inside = request = False   # within a command's lines; within a request's headers and body
    for ln in lines:
        text = ln.text
        if m := _COMMAND.match(text):
            inside, request = True, bool(m.group("request"))
        elif not (inside and text.strip() and (
                _CONTINUED.search(found[-1]) or _FLAG_LINE.match(text) or (request and (
                    _HEADER_LINE.match(text) or text.lstrip().startswith(("{", "}", "[", "]", '"')))))):
            inside = False
            continue
        found.append(text)
    return found


def _code_tokens(text: str, lines) -> set[str]:
    """Placeholder-shaped tokens the reply shows as code: it is talking about them, not leaking them."""
    blob = "\n".join([ln.text for ln in lines if ln.text.strip() and not ln.prose.strip()]  # code lines
                     + [ln.text for ln in lines if _CONFIG_LINE.match(ln.text)]             # config samples
                     + _command_lines(lines)                                                 # commands, requests
                     + _INLINE_CODE.findall(text))                                           # `inline code`
    return {m.group(0) for _, pattern in PATTERNS for m in pattern.finditer(blob)}


# A menu path's separators ("Settings > [your name] > Subscriptions", "Einstellungen → [Ihr Name] → …").
_PATH_STEP_BEFORE = re.compile(r"\S\s+[>›→»]\s*$")
_PATH_STEP_AFTER = re.compile(r"^\s*[>›→»]\s+\S")


# A form the reader fills in or signs on its blank lines: "Please fill in and sign: Name ______ Date ______".
_FORM_TALK = re.compile(
    r"\b(?:fill(?:ed|ing)?\s+(?:\w+\s+)?(?:in|out)|(?:the|this|a)\s+form\b|sign(?:ed|ing|s|ature)?(?!\s+(?:in|up|out|into)\b)|print\s+(?:it|out|this)|"
    r"\w*formular\w*|ausfüll\w*|auszufüllen|unterschr\w*|unterzeichn\w*|rempli[rsez]*|remplissez|formulaire|"
    r"sign(?:ez|er|é|ée)|rellen\w*|cumplimente\w*|formulario|firm(?:a|e|ar|are|i|ato|ado)\b|compil(?:a|i|are|ato)|"
    r"modulo|invull\w*|vul\s+(?:\w+\s+){0,3}in|formulier\w*|ondertek\w*|handtekening|preench\w*|formulário|"
    r"assin(?:e|ar|ado|atura)\w*)", re.I)


def _paragraph(text: str, line: str) -> str:
    """The paragraph of the text that holds the line."""
    return next((p for p in re.split(r"\n\s*\n", text) if line in p), line)


# The value of an HTTP header the reader sends with their own credentials, wherever it stands: "Authorization: Bearer
# <YOUR_API_KEY>", "X-Api-Key: {your_key}" (an "Authorization: [Authorization Number]" names no scheme).
_HEADER_VALUE_BEFORE = re.compile(r"\b(?:(?:proxy-)?authorization\s*:\s*(?:bearer|basic|token|digest|apikey)\s+|"
                                  r"(?<![\w-])x-[a-z][\w-]*\s*:\s*)[\"']?$", re.I)


def _harmless(kind: str, token: str, line: str, start: int, end: int, text: str) -> bool:
    before, after = line[:start], line[end:]
    if kind in ("angle brackets", "curly braces", "double curly braces", "square brackets", "dollar variable",
                "percent signs") and _HEADER_VALUE_BEFORE.search(before):
        return True
    if kind == "blank of underscores":
        # a rule drawn across ("__________" alone, or with only signs beside it), or the lines of a form to fill in
        return not re.search(r"[^\W\d_]", before + after) or bool(_FORM_TALK.search(_paragraph(text, line)))
    if kind != "angle brackets" and (_PATH_STEP_BEFORE.search(before) or _PATH_STEP_AFTER.match(after)):
        return True   # a step of a menu path the reader follows: "Ajustes > [seu nome] > Assinaturas"
    if kind == "percent signs":
        name = token.strip("%").upper()
        if name in _ENV_VARS or re.match(r"[\\/]", after) or re.search(r"[\\/]$", before):
            return True
    if kind.startswith("Xs") and (_MASK_AFTER.match(after) or _MASK_BEFORE.search(before)
                                  or (token.startswith("XXX") and _MASKED_WHAT.search(before))):
        return True
    if kind.startswith("Xs"):
        lead = before
        if not before.strip() and (at := text.find(line)) > 0:   # the line before, in a mail wrapped at its width
            lead = text[:at].rstrip("\n").rsplit("\n", 1)[-1] + " " + before
        if _FORMAT_BEFORE.search(lead):
            return True   # a format the reader is to follow: "Vul hem in het formaat XXXX-XXXX in", "in the format XX-XXXX"
    if kind in ("angle brackets", "curly braces", "percent signs") and re.search(r"[\\/]$", before) and \
            re.match(r"[\\/]", after):
        return True   # a folder of the reader's in a path: "C:\\Users\\<utente>\\Documents", "/home/{user}/backup"
    if kind in ("angle brackets", "curly braces", "square brackets", "double curly braces") and (
            re.search(r"[>}\]][_\-.#/]?$", before) or re.match(r"[_\-.#/]?[<{\[]", after)):
        return True   # fields glued into one format to follow: "LA_<matricola>_<cognome>", "<Kennung><Nummer>#0001@…"
    rest = before + after
    if kind == "filler in capitals" and sum(c.isupper() for c in rest) > 0.6 * sum(c.isalpha() for c in rest):
        return True   # a line in capitals throughout: shouting, not a filler
    if kind == "angle brackets" and re.search(r"</\s*" + re.escape(token.strip("<> ")) + r"\s*>", text, re.I):
        return True  # an HTML/XML element, not a field
    return False


# "Instead of {nome.cognome} write your own name", "Anstelle von [Kundennummer] tragen Sie … ein": the reply tells the
# reader what to put in the placeholder's place (a leaked template says "instead of" of no field of its own).
_INSTEAD_BEFORE = re.compile(r"\b(?:instead\s+of|in\s+place\s+of|rather\s+than|an(?:\s+|\s*)stelle\s+(?:von\s+)?|"
                             r"anstatt|statt|à\s+la\s+place\s+de|au\s+lieu\s+de|en\s+lugar\s+de|en\s+vez\s+de|"
                             r"al\s+posto\s+di|invece\s+di|in\s+plaats\s+van|em\s+vez\s+de|em\s+lugar\s+de|"
                             r"no\s+lugar\s+de|op\s+de\s+(?:plek|plaats)\s+van|an\s+der\s+Stelle\s+von)\s*[\"'“‘«(]?\s*$", re.I)
_WRITE_AFTER = re.compile(r"^\s*[\"'”’»)]?\s*,?\s*(?:\w+\s+){0,2}?(?:write|type|put|enter|use|insert|"
                          + _WRITE_IT + r"|tragen|geben|setzen|verwenden|mettez|mets|indiquez|utilisez|entrez|pon|ponga|"
                          r"usa|use|utiliza|utilice|introduce|introduzca|metti|inserisci|usa|inserite|vul|gebruik|zet|"
                          r"coloque|coloca|insira|utilize|"
                          # (or to say, in a greeting to be spoken: "Op de plek van [uw naam] zegt u uw eigen naam")
                          r"say|sagen|sagst|dites|dis|diga|di|dica|zeg|zegt|fale|diz)\b", re.I)


_OWN_VALUE_AFTER = re.compile(
    r"^[^.!?\n]{0,60}?[,;(]\s*(?:bei\s+Ihnen\s+also|in\s+Ihrem\s+Fall|bei\s+dir\s+also|in\s+deinem\s+Fall|in\s+your\s+case|"
    r"for\s+you(?:\s+that['’]?s)?|dans\s+votre\s+cas|dans\s+ton\s+cas|pour\s+vous|en\s+su\s+caso|en\s+tu\s+caso|"
    r"nel\s+suo\s+caso|nel\s+tuo\s+caso|per\s+lei|in\s+uw\s+geval|in\s+jouw\s+geval|voor\s+u\s+dus|no\s+seu\s+caso|"
    r"no\s+teu\s+caso|no\s+caso\s+d[oa]\s+senhora?)\b[\s:,]*(?:also\s+|thus\s+|donc\s+|dus\s+|quindi\s+|pues\s+)?"
    r"[\w-]*\d", re.I)
_GREETING_BEFORE = re.compile(rf"^\W*{_GREETINGS}\W*$", re.I)


# The next sentence orders the placeholder replaced, by a pronoun: "In der Vorlage steht in jeder Zeile {Name}. Diese
# Stelle ersetzen Sie bitte durch den Namen des Gastes", "… has {Name}. Please replace it with each guest's name".
_REPLACE_IT_NEXT = re.compile(
    r"^[^.!?\n]{0,40}[.!?:;]\s+(?:(?:please|bitte|svp|por\s+favor|per\s+favore)\s+)?(?:replace\s+(?:it|this|them|that|each)|"
    r"(?:diese\s+stelle|das|diesen|dies)\s+ersetzen\s+sie|ersetzen\s+sie\s+(?:bitte\s+)?(?:sie|ihn|es|das|diese\s+\w+)|"
    r"remplacez-(?:le|la|les)|remplace-(?:le|la|les)|sustit[úu]y(?:alo|ala|alos|alas|elo|ela)|reempl[áa]c(?:elo|ela|alo|ala)|"
    r"(?:lo|la|li|le)\s+sostituisca|sostituiscil[oaie]|vervang\s+(?:het|die|dit|deze|ze)|substitua-(?:o|a|os|as)|"
    r"substitui-(?:o|a|os|as))\b", re.I)
# A placeholder inside a quotation the customer is told to write, say or practise: 'start with "Dear Ms [surname],"',
# 'Practise this: "Hi, my name is [first name]."', 'beginnen Sie mit „Sehr geehrte Frau [Nachname],"'.
_QUOTED_TO_WRITE = re.compile(
    r"\b(?:practi[sc]e|say|start\s+with|begin\s+with|open\s+with|write|üben\s+sie|übe|sagen\s+sie|beginnen\s+sie\s+mit|"
    r"fangen\s+sie\s+mit|schreiben\s+sie|commencez\s+par|dites|écrivez|entraînez-vous|empiece\s+con|comience\s+con|"
    r"empieza\s+con|diga|practique|practica|escriba|escribe|inizi\s+con|cominci\s+con|dica|scriva|scrivi|esercitati|"
    r"begin\s+met|zeg|schrijf|oefen|comece\s+com|escreva|pratique)\b[^\"“„«\n]{0,20}[\"“„«][^\"”“„»\n]{0,100}$", re.I)


def _explained(kind: str, before: str, after: str) -> str:
    """Does the reply talk about the placeholder here: "template" when about template syntax ("Replace
    {order_id} with …", "type %FIRSTNAME% where …", "{naam} … wordt … vervangen door de voornaam"),
    "label" when it points at a field or button ("the field [Date of Birth]", "enter your [Postcode]"),
    "" when it does not."""
    if kind not in _BRACKETS:
        return ""
    if _INSTEAD_BEFORE.search(before) and _WRITE_AFTER.match(after):
        return "template"
    said = [m.group(0) for m in (_EXPLAINED_BEFORE.search(before), _EXPLAINED_AFTER.match(after),
                                 _REPLACED_LATER.match(after), _EXAMPLE_BEFORE.search(before),
                                 _WHEREVER_AFTER.match(after), _TYPED_INTO_BEFORE.search(before),
                                 _SPOT_AFTER.match(after) if _PUT_ORDER.search(before) else None,
                                 _SAW_QUOTED.search(before), _REPLACE_WITH_BEFORE.search(before),
                                 _ERROR_QUOTED.search(before) if kind == "guillemets" or
                                 re.search(r"[\"“„«‘']\s*$", before) else None,
                                 _REPLACE_IT_NEXT.match(after), _QUOTED_TO_WRITE.search(before)) if m]
    if not said:
        # a format to follow names the placeholder it shows, not the reply's others of its shape; so does one
        # followed by the customer's own value in its shape ("im Verwendungszweck {Kundennummer}-{Rechnungsnummer}
        # an, bei Ihnen also 100234-RE5521")
        return "label" if _FORMAT_BEFORE.search(before) or (
            _OWN_VALUE_AFTER.match(after) and not _GREETING_BEFORE.match(before)) or (
            _ALS_BEFORE.search(before) and _FORMAT_VERB_AFTER.match(after)) else ""
    return "template" if any(_TEMPLATE_TALK.search(x) for x in said) else "label"
