"""English verb forms: the base forms an inflected word may come from.

Rules that judge a repeated particle (``rushed in in such a crowd``) need to know whether the
word before it is a verb that takes that particle, whatever its tense. ``verb_bases`` turns a
written form into the base forms it may belong to; it over-generates on purpose (``need`` gives
``nee`` and ``need``), as the candidates are only looked up in a list of known verbs.
"""

from __future__ import annotations

from functools import lru_cache

from copyfix.patterns import lazy_compile

# Past tenses and participles that the regular endings do not produce, mapped to their base.
# Source: the common irregular verbs of English grammars, limited to those that form phrasal
# verbs with a particle (come in, broke down, gave up, took off...).
_IRREGULAR = {
    form: base
    for base, forms in (
        ("be", "was were been"), ("beat", "beaten"), ("bear", "bore borne"), ("bite", "bit bitten"),
        ("blow", "blew blown"), ("break", "broke broken"), ("bring", "brought"),
        ("build", "built"), ("buy", "bought"), ("catch", "caught"), ("come", "came"),
        ("dig", "dug"), ("do", "did done"), ("draw", "drew drawn"), ("drive", "drove driven"),
        ("eat", "ate eaten"), ("fall", "fell fallen"), ("feed", "fed"), ("fight", "fought"),
        ("find", "found"), ("fly", "flew flown"), ("get", "got gotten"), ("give", "gave given"),
        ("go", "went gone"), ("grow", "grew grown"), ("hang", "hung"), ("have", "had has"),
        ("hear", "heard"), ("hide", "hid hidden"), ("hold", "held"), ("keep", "kept"),
        ("know", "knew known"), ("lay", "laid"), ("lead", "led"), ("leave", "left"),
        ("lie", "lay lain lying"), ("light", "lit"), ("make", "made"), ("pay", "paid"),
        ("ride", "rode ridden"), ("ring", "rang rung"), ("run", "ran"), ("see", "saw seen"),
        ("sell", "sold"), ("send", "sent"), ("shake", "shook shaken"), ("shoot", "shot"),
        ("sink", "sank sunk"), ("sit", "sat"), ("sleep", "slept"), ("speak", "spoke spoken"),
        ("spin", "spun"), ("spring", "sprang sprung"), ("stand", "stood"), ("stick", "stuck"),
        ("strike", "struck"), ("swear", "swore sworn"), ("swing", "swung"),
        ("take", "took taken"), ("teach", "taught"), ("tear", "tore torn"), ("tell", "told"),
        ("think", "thought"), ("throw", "threw thrown"), ("wake", "woke woken"),
        ("wear", "wore worn"), ("win", "won"), ("wind", "wound"), ("write", "wrote written"),
    )
    for form in forms.split()
}


@lru_cache(maxsize=4096)
def verb_bases(word: str) -> frozenset[str]:
    """The base forms ``word`` (lower case) may be an inflection of, ``word`` itself included:
    ``rushed`` → {rushed, rushe, rush}, ``logging`` → {logging, logg, log, logge},
    ``came`` → {came, come}. Candidates that are not verbs are harmless: callers look them up.
    """
    bases = {word}
    if word in _IRREGULAR:
        bases.add(_IRREGULAR[word])
    for ending in ("ing", "ed", "es", "s", "d"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            stem = word[: -len(ending)]
            bases.add(stem)
            if ending in ("ing", "ed"):
                bases.add(stem + "e")  # moving → move, moved → move
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    bases.add(stem[:-1])  # logging → log, plugged → plug
            if ending in ("ed", "es") and stem.endswith("i"):
                bases.add(stem[:-1] + "y")  # carried → carry, carries → carry
    return frozenset(bases)


# Endings that make a noun or an adjective of a word, never a verb.
_NOUN_OR_ADJECTIVE = lazy_compile(
    r"\p{L}{3,}(?:tion|sion|ment|ness|ity|ance|ence|ship|ism|ist|ous|ful|ible|able)"
)
_BE = frozenset("is are was were be been being am".split())
_PREPOSITIONS = frozenset(
    "except besides among amongst between within without beyond across along toward towards "
    "via per".split()
)
_OPENING_DETERMINERS = frozenset(
    "the a an this that these those my your his her its our their".split()
)


def has_no_particle(words: list[str]) -> bool:
    """Whether the last of ``words`` (a clause's words in lower case, nearest last; all of them
    from the clause's start when there are fewer than four) can own no particle, so that a
    particle after it is a preposition: a word made a noun or an adjective by its ending
    (``involvement``, ``visible``), a preposition (``except``), the subject after the
    clause's opening determiner (``The base``), or a participle after a form of *be* (``were
    killed``: the verbs of motion, which take any particle, have no passive)."""
    last = words[-1]
    if _NOUN_OR_ADJECTIVE.fullmatch(last) or last in _PREPOSITIONS:
        return True
    if len(words) == 2 and words[0] in _OPENING_DETERMINERS:
        return True
    return (
        len(words) >= 2
        and words[-2] in _BE
        and (last.endswith(("ed", "en")) or last in _IRREGULAR)
    )
