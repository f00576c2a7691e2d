"""English verb forms: the base forms an inflected word may come from.

Rules that judge a repeated particle (``rushed in in such a crowd``) need to know whether the
word before it is a verb that takes that particle, whatever its tense. ``verb_bases`` turns a
written form into the base forms it may belong to; it over-generates on purpose (``need`` gives
``nee`` and ``need``), as the candidates are only looked up in a list of known verbs.
"""

from __future__ import annotations

from functools import lru_cache

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
