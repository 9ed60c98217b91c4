"""Words as the ranking sees them: lower case, English stop words dropped, Snowball
stems, and a few of the portal's abbreviations spelled out so "MFA" finds
"multi-factor authentication" and the other way round."""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")

STOP_WORDS = frozenset(
    """
    a about above after again all am an and any are as at be been before being below
    between both but by can could did do does doing done down during each few for
    from further get gets got had has have having he her here hers him his how i if
    in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours out over own please same she should so some such
    than that the their theirs them then there these they this those through to too
    under until up us very want was we were what when where which while who whom why
    will with would you your yours yourself tell know need needs find see show use
    using via many much another something someone anything i'd i'm we're what's let
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# Abbreviations partners type, and the words the articles use for them.
EXPANSIONS = {
    "mfa": "multi factor authentication",
    "2fa": "multi factor authentication",
    "mdf": "marketing development funds",
    "poc": "proof of concept",
    "sso": "sign in",
    "login": "sign in",
    "signin": "sign in",
    "msp": "managed service provider msp",
    "ammp": "marketplace management portal",
    "gtm": "go to market",
    "ftr": "foundational technical review",
    "wa": "well architected",
    "pdm": "partner development manager",
    "psa": "partner solutions architect",
}


# Function words of other languages, which English questions do not use.
FOREIGN_STOP_WORDS = frozenset(
    """
    el la los las del que por para una como cómo está puedo dónde qué cuál mi mis
    nuestra nuestro le les des est une pour avec où quel quelle mon ma nos notre
    votre der die das und ist ich wie wo wir unser unsere mein meine ein eine mit
    für kann os um uma com não onde meu minha nossa il di che per con sono dove mio
    posso het een van ik hoe waar onze je
    """.split()  # noqa: SIM905 - a word list reads best as words
)

# Questions in other languages are answered in English: the portal's most common
# words in Spanish, French, German, Portuguese and Italian point to the English ones.
GLOSSARY = {
    "contraseña": "password", "mot": "password", "passe": "password", "passwort": "password",
    "senha": "password", "olvidé": "forgot", "oublié": "forgot", "vergessen": "forgot",
    "esqueci": "forgot", "restablecer": "reset", "réinitialiser": "reset",
    "zurücksetzen": "reset", "redefinir": "reset", "empresa": "company",
    "entreprise": "company", "unternehmen": "company", "azienda": "company",
    "registrar": "register", "registro": "register", "inscrire": "register",
    "registrieren": "register", "usuario": "user", "usuarios": "user",
    "utilisateur": "user", "utilisateurs": "user", "benutzer": "user", "usuário": "user",
    "invitar": "invite", "inviter": "invite", "einladen": "invite", "convidar": "invite",
    "activar": "enable", "activo": "enable", "activer": "enable", "aktivieren": "enable",
    "ativar": "enable", "ruta": "path", "chemin": "path", "pfad": "path", "caminho": "path",
    "oportunidad": "opportunity", "opportunité": "opportunity", "oportunidade": "opportunity",
    "financiación": "funding", "financement": "funding", "finanzierung": "funding",
    "cuota": "fee", "frais": "fee", "gebühr": "fee", "taxa": "fee", "cuenta": "account",
    "compte": "account", "konto": "account", "conta": "account", "vincular": "link",
    "lier": "link", "verknüpfen": "link", "soporte": "support", "caso": "case",
    "idioma": "language", "langue": "language", "sprache": "language", "rol": "role",
    "roles": "role", "rôle": "role", "rolle": "role", "papel": "role",
}  # fmt: skip


@lru_cache(maxsize=1)
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=50_000)
def _stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


def words(text: str) -> list[str]:
    """The text's words, lower case, apostrophes and hyphens folded."""
    return WORD.findall(text.lower().replace("-", " "))


def terms(text: str, *, expand: bool = True) -> list[str]:
    """Stemmed content words, abbreviations expanded (for documents and questions)."""
    found: list[str] = []
    for word in words(text):
        word = word.replace("’", "'").split("'")[0]
        if expand and word in GLOSSARY:
            found.append(_stem(GLOSSARY[word]))
            continue
        if expand and word in EXPANSIONS:
            found.extend(_stem(w) for w in EXPANSIONS[word].split() if w not in STOP_WORDS)
        if word in STOP_WORDS or word in FOREIGN_STOP_WORDS or len(word) < 2 and not word.isdigit():
            continue
        found.append(_stem(word))
    return found


def term_set(text: str) -> frozenset[str]:
    return frozenset(terms(text, expand=False))
