"""Word lists the sentence splitter consults: abbreviations and the words that start sentences.

Keys are lower case and carry no final period; the splitter strips the period and lowers the
word before looking it up. Multi-period abbreviations keep their inner periods ("u.s", "a.m").
Sets named ``*_CAPITALIZED`` only count when the written word starts with a capital, because
their lower-case form is an ordinary English word ("No." vs "no.", "Ill." vs "ill.").
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles and other words written before a name: never the end of a sentence ("Dr. Smith").
TITLES: Final = _words(
    """
    mr mrs ms mx messrs mmes mme mlle dr prof gen lt col maj capt cpt sgt cpl pvt adm cmdr cdr
    brig gov sen rep reps pres supt insp det msgr rev hon atty amb ald asst lieut comdr fr sra
    srta
    """
)

# Never the end of a sentence, whatever follows ("e.g. France", "Roe v. Wade").
CONTINUERS: Final = _words("e.g i.e cf viz vs v ca approx c.f resp incl")

# Times of day and eras: "at 5 p.m. Officials said" ends a sentence, "At 5 a.m. Mr. Smith" not.
TIME_ABBREVIATIONS: Final = _words("a.m p.m a.d b.c b.c.e c.e")

# Academic degrees end sentences like ordinary words ("She holds a J.D. Tom does not.").
DEGREES: Final = _words(
    "ph.d ll.m ll.b j.d m.d m.a b.a m.b.a b.sc m.sc d.phil b.s m.s d.d.s r.n ed.d psy.d"
)

# Units written after a number: "5 ft. 3 in." goes on, "3 ft. Tom measured" ends.
UNITS: Final = _words(
    """
    lb lbs oz ft in yd yds mi sq cu gal qt pt tsp tbsp hr hrs min mins sec secs mo mos yr yrs
    wk wks cal kcal mph
    """
)

# Abbreviations that are followed by a number, not by a new sentence ("No. 5", "Jan. 10").
NUMBER_PREFIXES: Final = _words(
    """
    p pp vol vols art arts fig figs ch chap sec sect para par ex eq ref tab op ca c approx est
    n° nº nr rt rte hwy apt ste bldg rm tel ext pg pt ed a.d v vs
    """
)
NUMBER_PREFIXES_CAPITALIZED: Final = _words("no nos")

MONTHS: Final = _words("jan feb mar apr jun jul aug sep sept oct nov dec")
MONTH_AND_DAY_NAMES: Final = _words(
    """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """
)
WEEKDAYS: Final = _words("mon tue tues wed thu thur thurs fri sat sun")

# US state abbreviations (AP style); their lower-case forms are ordinary words.
STATES: Final = _words(
    """
    ala ariz ark calif cal colo conn del fla ga ill ind kan kans ky la md mass mich minn miss
    mo mont neb nebr nev okla ore oreg pa penn tenn tex va vt wash wis wisc wyo
    """
)

# Other abbreviations: a sentence ends after them only if a typical sentence start follows.
GENERAL: Final = _words(
    """
    inc corp co ltd llc plc bros jr sr esq dept univ assn assoc intl natl govt ave blvd rd ln
    pkwy st mt ft pt al misc mfg mgr div hosp inst soc dist cty twp mtn admin exec treas
    secy dept est approx nos vol ed eds trans gov repr ph tel ext mus ret sq
    """
)

# Company forms written in capitals after a name; they end sentences like ordinary words
# ("made by Acme PLC. Shares rose"), unlike a model name's "ID." ("the VW ID. Buzz").
COMPANY_SUFFIXES: Final = _words("plc ag sa nv llc lp llp inc ltd se ab asa bv gmbh kk co corp spa")

# Capitalised words that typically open an English sentence. After an ambiguous abbreviation
# ("U.S.", "Inc.", a single initial) the splitter breaks only before one of these.
SENTENCE_STARTERS: Final = _words(
    """
    The A An He She It They We I You This That These Those There Here His Her Its Their Our My
    Your But And Or So Yet Nor However Meanwhile Still Also Then Now Thus Hence Therefore
    Instead Moreover Furthermore Indeed Nevertheless Nonetheless Otherwise Besides Consequently
    In On At For From By With Without After Before During When While If As Although Though
    Because Since Until Unless Whether What Who Whom Whose Why How Where Which Some Many Most
    Much Few Several All Both Each Every Either Neither No Not None Nobody Nothing Everyone
    Someone One Two Three Four Five Six Seven Eight Nine Ten Such Other Another Last Next First
    Earlier Later Today Yesterday Tomorrow Tonight According Despite Is Are Was Were Did Do Does
    Can Could Would Should Shall Might Must Has Have Had Let Please Yes Even Just Only
    Among Under Over Against To Once Mr Mrs Ms Dr Officials Police Experts Critics Analysts
    Authorities Residents Witnesses Sources
    """
)

# Pronouns and determiners: never a name, so they end a sentence even after a title.
PRONOUN_STARTERS: Final = _words(
    "The He She It They We I You This These Those There His Her Its Their Our My But However"
)

# Verbs of an attribution after a quotation: '"Why not?" Smith asked.' is one sentence.
SPEECH_VERBS: Final = _words(
    """
    said says asked asks added adds told tells wrote writes replied replies explained explains
    continued recalled noted notes insisted insists shouted whispered exclaimed admitted argued
    warned warns stated declared concluded answered cried laughed
    """
)

# Words that open a fronted time phrase: "At 5 a.m. Mr. Smith left" is one sentence.
TIME_OPENERS: Final = _words(
    """
    at on in by around about before after until till since from circa near approximately
    roughly shortly early late during between as of
    """
)


# Other languages: abbreviations after which a period never ends a sentence (lower case, inner
# periods kept, no final period), and the words that make "3." an ordinal, not a sentence end
# ("am 3. Mai", "der 3. Platz").
NEVER_ENDS_BY_LANGUAGE: Final = {
    "de": _words(
        """
        nr nrn dr prof hr fr st str z.b d.h u.a u.ä z.t bzw bspw ca vgl sog inkl zzgl ggf evtl
        jh abs tel v.chr n.chr
        """
    ),
    "es": _words(
        "sr sres sra srta dr dra dña prof lic ing gral ud uds sto sta p.ej aprox núm esq av avda"
    ),
    "fr": _words("m mm mme mlle dr pr me st ste p.ex env n° c.-à-d bd tél"),
    "uk": _words("вул пр просп м с т.зв т.д ім ст"),
}
ORDINAL_LEADS_BY_LANGUAGE: Final = {
    "de": _words(
        """
        der die das den dem des am im vom zum zur beim ab bis seit
        januar jänner februar märz april mai juni juli august september oktober november
        dezember jan feb mär apr jun jul aug sep sept okt nov dez
        """
    ),
}
