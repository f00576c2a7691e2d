"""Word lists that rules share: abbreviations, legitimate repeats, names and known tokens.

One place to teach copyfix about English as written; config can extend or reduce every list
(``[tool.copyfix.lexicon]``), so a user never waits for a release to add an abbreviation.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from functools import cache

# Compared case-insensitively, without the final period.
# The last line holds the AP style's abbreviations of US states that are no English word
# ("Aurora, Colo. movie theater"); "Mass.", "Wash.", "Miss." and "Ill." are left out.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms mx dr prof rev hon sr jr st mt ft gen col capt cpt lt sgt maj cmdr adm gov pres sen rep
    supt insp det fr br sr sra srta mme mlle messrs
    e.g i.e etc cf vs v viz al approx ca circa est misc dept univ assn bros inc ltd co corp plc llc
    no nos vol vols ed eds pp p para fig figs eq eqs ch chap sec sect art pt ref refs op cit ibid id
    a.m p.m u.s u.k u.n e.u ph.d m.d b.a m.a b.sc m.sc d.c n.y l.a
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    ave blvd rd hwy apt bldg ste ln
    min max sq in lb lbs oz kg km cm mm hr hrs mins sec secs yr yrs mo mos wk wks bbl gal doz
    tsp tbsp tbs tbl qt qts pkg pkgs fl
    mss lat gr syr heb eng ann journ bibl cp ff pl pls hist nat soc mag proc
    esp incl excl orig dir tel ext est govt dept assoc intl natl ex resp approx aka ie eg avail
    cent
    ala ariz calif colo conn fla mich minn mont neb nev okla tenn tex wis wyo
    """.split()
)

# Words whose immediate repetition is correct English: grammar ("had had", "her her phone"),
# emphasis ("very very", "a long long time"), the names of types ("long long" in C), and the
# reduplicated words of speech: laughter, interjections, baby talk and sounds ("ha ha",
# "bye bye", "beep beep", "yadda yadda").
ALLOWED_REPEATS = frozenset(
    """
    had her ha haha he hee ho hah heh hi hey oh ah aah ooh uh um er hm hmm mm yo yeah yes no
    nah ok okay bye night knock chop tut tsk shh boo bla blah la lala tick tock cha choo dum
    pom rah yum yummy bling bang boom hush so well now there very really far many aye si
    ding dong ring beep bleep honk quack meow woof squawk oink moo baa tweet chirp cluck
    wink nudge yadda twinkle hip hooray woop wop whoa wow wah boo-hoo choo-choo brum vroom
    tuk chow chi doo dee dum tse paw omg lol ta ouh gout miu fnar fnarr jay sri lapu long etc
    """.split()
)

# Reduplicated names written as two identical words.
REDUPLICATED_NAMES = frozenset(
    """
    bora duran mau walla baden sing pago wagga kuala tsetse cous mahi bulla santorio sapiens
    baden-baden
    """.split()
)

# Everyday words that are also first names: "May may come", "Will will help".
WORD_NAMES = frozenset(
    """
    may will june april august mark bill pat rose grace hope faith joy sue art jack frank drew
    bob ray dawn summer sky rich guy chase dean pearl ruby jean gene lily ivy holly
    """.split()
)

# Two-word repeats that open an idiom: "the wild wild west", "far far away".
REPEAT_IDIOMS = frozenset(
    """
    wild:west far:away long:ago hip:hooray pretty:please
    """.split()
)

# Lowercase words that may open a sentence as written: product names, commands, units.
LOWERCASE_NAMES = frozenset(
    """
    npm git pip pipx yarn pnpm ruff conda brew apt cargo rustc gcc clang make cmake bash zsh sh
    vim emacs grep sed awk curl wget ssh sudo ls cd cp mv rm mkdir chmod tar gzip docker kubectl
    eBay iPhone iPad iPod iOS iCloud iTunes macOS watchOS tvOS iPadOS pH mRNA tRNA e-mail
    x y z n i.e e.g eg ie vs etc cf pp et al de la le van von der du da di dos das
    """.split()
)

# Common words that open English sentences. A paragraph that starts with one of them in
# lowercase is a sentence missing its capital; a paragraph that starts with any other
# lowercase word may be a product or a command (`npm`, `mixi`, `python`) and is left alone.
SENTENCE_OPENERS = frozenset(
    """
    a an the this that these those it its i we you he she they there here in on at for with as
    by from to of if when while after before because but and or so not no all some many most
    one two first second third then now what why how who whom whose where which my our your his
    her their is are was were be do does did can could will would should may might must shall
    please let also however yes although though since until once each every both more much
    such only just even still yet again never always often sometimes today tomorrow yesterday
    finally next last other another any few several unlike like during without within about
    over under between into through against among per thus therefore instead otherwise meanwhile
    perhaps maybe indeed well oh sure thanks thank note see use make take get go try read write
    run add open click select follow install keep check set find look consider remember
    """.split()
)

# Words that join a clause to what comes before it. Written in lowercase at the start of a
# paragraph, they continue a sentence that a display interrupted (a formula, a diagram, a code
# block, a quoted post: "where A is the matrix", "which ends at commit A", "and push it back"),
# so the capital there is a guess.
CONTINUATIONS = frozenset(
    """
    and or nor but so yet which where whereas whereby wherein that who whom whose while thus
    hence then giving yielding followed because since unless until
    """.split()
)

# Verbs that open no statement: a paragraph that opens with one in lowercase ("was on
# record-breaking form", "also set a new mark") has lost its subject (a name dropped with its
# link) as often as its capital.
VERB_OPENERS = frozenset(
    """
    is are was were be been am do does did have has had can could will would shall should may
    might must also
    """.split()
)

# Labels after which American style keeps lowercase ("Note: this causes..."): they are not
# speakers, so the word after them does not start a sentence.
ADMONITIONS = frozenset(
    """
    note notes warning caution tip hint important example examples todo fixme nb ps update edit
    see tldr
    """.split()
)

# Words shortened at their front, whose apostrophe comes first: 'tis, 'em, rock 'n' roll.
ELISIONS = frozenset(
    """
    tis twas twere twill twould tween twixt em n til till cause cos coz bout round neath gainst
    ere mid midst prentice possum coon scuse fraid nother cept spose kay sup ow ello allo
    """.split()
)

# Exclamations after which a sentence may go on in lowercase: "Oh dear! how late", "Alas! the".
INTERJECTIONS = frozenset(
    """
    oh o ah alas dear why well lo hark hush pshaw hey ha aye nay heavens goodness mercy lord
    gracious indeed bravo hurrah huzzah fie ho
    """.split()
)

# Words after which a mark standing alone is a character being named, not punctuation of the
# sentence: function words ("The . (dot) character", "with / or ?", "type a ) to") and the
# names of marks ("a colon : has").
SYMBOL_INTRODUCERS = frozenset(
    """
    a an the and or nor with without which other another each every type typing typed press
    use using
    colon semicolon comma period dot mark character sign symbol operator trailing leading
    stray extra
    """.split()
)

# The levels that programs print before a message (syslog's, PostgreSQL's, Python logging's):
# after "ERROR:  could not serialize access" comes the program's text, as it prints it.
MESSAGE_LEVELS = frozenset(
    {"DEBUG", "INFO", "LOG", "NOTICE", "NOTE", "HINT", "DETAIL", "WARNING", "WARN", "ERROR"}
    | {"FATAL", "PANIC", "CRITICAL"}
)

# Lowercase endings that make ``name.ext`` a domain or a file name rather than two sentences.
DOTTED_SUFFIXES = frozenset(
    """
    com org net edu gov mil int io co uk us ca au de fr es it nl eu ch se no dk fi pl ru cn jp kr in
    br mx za nz ie at be cz gr hu pt ro tr ua il ar cl tv me ly gl ai app dev info biz name pro xyz
    site online tech cloud page js ts jsx tsx mjs cjs py pyi rb rs go java kt c h cc cpp hpp cs php
    pl swift m sh bash zsh fish ps1 bat cmd exe dll so dylib o a lib bin md markdown rst txt text
    adoc tex bib html htm xhtml css scss sass less xml xsl json jsonl yaml yml toml ini cfg conf
    env lock log csv tsv sql db sqlite pdf doc docx xls xlsx ppt pptx odt rtf epub png jpg jpeg gif
    svg webp ico bmp tif tiff mp3 mp4 wav ogg flac mov avi mkv webm zip gz tgz bz2 xz zst tar rar
    7z jar war whl egg deb rpm dmg iso img apk ipa vue svelte ipynb lua r jl ex exs erl hs ml
    elm dart scala clj sol vim el lisp mk gradle props net
    """.split()
)

# Verbs that take a particle which can be followed by the same word as a preposition: "rushed
# in in such a crowd", "turned it on on Monday", "stand by by the door". Written as
# ``verb:particle`` with the verb's base form; the rules match inflections (``verb_bases``).
# Source: the phrasal verbs of the common learners' dictionaries, for these eleven particles.
_PARTICLE_VERBS_BY_PARTICLE = {
    "in": """barge break bring build burst butt call cash cave check chip clock come count cut
        dial dig drop ease factor fall fence fill fit flood get give go hand hem join jump keep key
        kick let lie listen lock log look march move opt pack pencil phase pile pitch plug pop
        pour pull push put rake rein ride roll rope rub run rush send set settle sign sink sit
        sleep slip slot sneak squeeze stay step stop storm swear take throw tuck tune turn type
        usher wade walk wall weigh write zero crowd fly drive""",
    "on": """build carry catch cheer click come count drag egg fall get go hand hang hold jump
        keep latch live load log move pass pick pile play plough press pull push put read ride
        sign soldier spur stand step switch take tack throw try turn wait walk work""",
    "by": """abide breeze come drive drop fly get go live pass put race ride roll run rush sit
        speed stand stop swing walk zip""",
    "up": """back blow break bring build burn call catch cheer clean come cover dress end fill
        fire fix free gear get give go grow hang heat hold hook jump keep light line lock look
        make mix move open pack pay pick pile pop pull put queue round run scale screw set
        shake shore show shut sign sit speed split stack stand start stay step stir sum take
        think throw tidy tie tighten turn use wake warm wash wind wrap""",
    "out": """back bail black branch break bring burn call carry cast check chill churn come
        count cross cut die dish drop eat fall figure fill find get give go hand hang help kick
        knock lay leave let lock log look make map miss opt pass pay pick point print pull put
        reach rule run scale set shut sign single sort space spell spread stand start step
        stick storm strike take think throw try turn walk wash watch wear weed wipe work write
        zone""",
    "off": """back bite block break brush call carry cast check clock come cool cut doze drop
        drive fend fight finish fire fly get give go hand hold kick kill knock laugh lay lead
        leave let log pay peel pull put round rule scare seal send set show shut sign slack
        spin start switch take tail tell tick tip top turn walk wear write""",
    "over": """blow boil bowl brush carry change check come cross fall get gloss go hand hold
        look move paper pass pick pull read roll run smooth start switch take talk think tide
        turn win""",
    "down": """back bear boil break bring burn calm come cool count crack cut die face fall get
        go hand hold hunt jot keep knock lay let lie live look mark narrow note pin play put
        quiet scale settle shut sit slow stand step tear tie tone track turn water wind write""",
    "about": """bring come go hang lie look mess move run set turn walk wander""",
    "around": """boss come fool get go hang kick look mess move play poke push run shop show sit
        stick turn walk wander""",
    "through": """break carry come fall follow fly get go look pass pull push read run see
        sleep talk think walk""",
}
PARTICLE_VERBS = frozenset(
    f"{verb}:{particle}"
    for particle, verbs in _PARTICLE_VERBS_BY_PARTICLE.items()
    for verb in verbs.split()
)

@dataclass(frozen=True, slots=True)
class Lexicon:
    abbreviations: frozenset[str] = ABBREVIATIONS
    allowed_repeats: frozenset[str] = ALLOWED_REPEATS
    reduplicated_names: frozenset[str] = REDUPLICATED_NAMES
    word_names: frozenset[str] = WORD_NAMES
    sentence_openers: frozenset[str] = SENTENCE_OPENERS
    admonitions: frozenset[str] = ADMONITIONS
    repeat_idioms: frozenset[str] = REPEAT_IDIOMS
    lowercase_names: frozenset[str] = LOWERCASE_NAMES
    dotted_suffixes: frozenset[str] = DOTTED_SUFFIXES
    elisions: frozenset[str] = ELISIONS
    interjections: frozenset[str] = INTERJECTIONS
    symbol_introducers: frozenset[str] = SYMBOL_INTRODUCERS
    message_levels: frozenset[str] = MESSAGE_LEVELS
    particle_verbs: frozenset[str] = PARTICLE_VERBS
    continuations: frozenset[str] = CONTINUATIONS
    verb_openers: frozenset[str] = VERB_OPENERS

    @classmethod
    def list_names(cls) -> tuple[str, ...]:
        return tuple(f.name for f in fields(cls))

    def adjusted(
        self, extend: dict[str, list[str]] | None = None, remove: dict[str, list[str]] | None = None
    ) -> Lexicon:
        """A copy with words added to and taken from the named lists."""
        changes: dict[str, frozenset[str]] = {}
        for name in self.list_names():
            words = set(getattr(self, name))
            words |= {_key(name, w) for w in (extend or {}).get(name, [])}
            words -= {_key(name, w) for w in (remove or {}).get(name, [])}
            changes[name] = frozenset(words)
        return replace(self, **changes)

    def is_abbreviation(self, word: str) -> bool:
        return word.rstrip(".").lower() in self.abbreviations


def _key(list_name: str, word: str) -> str:
    word = word.strip()
    if list_name == "lowercase_names":
        return word
    return word.rstrip(".").lower() if list_name == "abbreviations" else word.lower()


@cache
def default_lexicon() -> Lexicon:
    return Lexicon()
