"""normalize() on each semiotic class, in context. Cases written for these tests."""

from __future__ import annotations

import pytest

from narrate.textnorm import normalize

CASES = {
    "cardinal": [
        ("1.000.000 people", "one million people"),
        ("two F-16s and 12 Su-25s", "two F-sixteens and twelve Su-twenty fives"),
        ("in their 30s", "in their thirties"),
        ("6 Boeing 737s", "six Boeing seven thirty sevens"),
        ("after 9/11, and the 7/7 bombings", "after nine eleven, and the seven seven bombings"),
        ("iOS 17.4.1 is out", "iOS seventeen point four point one is out"),
        ("There were 1,250 votes.", "There were one thousand two hundred fifty votes."),
        ("It cost 3 billion", "It cost three billion"),
        ("Rates fell -2 points", "Rates fell minus two points"),
    ],
    "decimal": [("a 0.75 share", "a zero point seven five share")],
    "range": [
        (
            "between 400,000-900,000 voters",
            "between four hundred thousand and nine hundred thousand voters",
        ),
        ("open 9-5 daily", "open nine to five daily"),
        ("it lasts 4-8 weeks", "it lasts four to eight weeks"),
        ("from 1998-2003,", "from nineteen ninety eight to two thousand three,"),
        ("the 2023-24 season", "the twenty twenty three to twenty four season"),
    ],
    "score": [
        ("a 4-1 victory", "a four-one victory"),
        ("a 5-4 ruling", "a five-four ruling"),
        ("between 200-1000 people", "between two hundred and one thousand people"),
        ("they won 2-0 at home", "they won two-zero at home"),
        ("open 24/7.", "open twenty four seven."),
    ],
    "ordinal": [
        ("the 2nd and 43rd floors", "the second and forty third floors"),
        ("her 101st birthday", "her one hundred first birthday"),
        ("code 11st", "code eleven st"),  # the wrong suffix: not an ordinal
    ],
    "year": [
        ("In 1984 she left.", "In nineteen eighty four she left."),
        ("by 2030,", "by twenty thirty,"),
        ("the 1970s and the '60s", "the nineteen seventies and the sixties"),
        ("in '95 and the class of '05", "in ninety five and the class of oh five"),
        ("No '89 for Eve.", "No 'eighty nine for Eve."),
        ("about 1500 soldiers", "about one thousand five hundred soldiers"),
    ],
    "date": [
        ("on Feb. 3", "on February third"),
        ("Sept 9, 2001", "September ninth, two thousand one"),
        ("on 14 August 1947", "on the fourteenth of August nineteen forty seven"),
        ("from 2019-06-30", "from June thirtieth, twenty nineteen"),
        ("filed 25-12-2019", "filed the twenty fifth of December twenty nineteen"),
        ("due Mar-7-2031", "due March seventh twenty thirty one"),
        ("on Oct. 8-10, 2027", "on October eighth to tenth, twenty twenty seven"),
        ("held on Tues., Nov. 4", "held on Tuesday, November fourth"),
        ("it ends 9 Feb. The rest", "it ends the ninth of February. The rest"),
        ("a 7-2 defeat in May", "a seven-two defeat in May"),
        ("on 12/25/2020", "on December twenty fifth, twenty twenty"),
        ("on 2020/01/15", "on January fifteenth, twenty twenty"),
        ("the 31.12.1999 deadline", "the thirty first of December nineteen ninety nine deadline"),
    ],
    "time": [
        ("at 6:45 a.m.", "at six forty five a.m."),
        ("by 11pm", "by eleven p.m."),
        ("at 09:05", "at nine oh five"),
        ("from 7.45pm", "from seven forty five p.m."),
        ("at 18:00 UTC", "at eighteen hundred U T C"),
        ("at 3 o'clock", "at three o'clock"),
        ("closes at 23:00.", "closes at twenty three o'clock."),
    ],
    "money": [
        ("$2.7bn", "two point seven billion dollars"),
        ("€12 million", "twelve million euros"),
        ("£4.5m", "four point five million pounds"),
        ("$1", "one dollar"),
        ("$3.50", "three dollars fifty cents"),
        ("$0.99", "ninety nine cents"),
        ("Rs 20 crore", "twenty crore rupees"),
        ("$10-20 billion", "ten to twenty billion dollars"),
        ("a 500 EUR fine", "a five hundred euros fine"),
        ("a $4.2m grant", "a four point two million dollar grant"),
        ("$125", "one hundred and twenty five dollars"),
        ("$20.506", "twenty point five zero six dollars"),
        ("a 10€ fee", "a ten euros fee"),
        ("a 50p coin and 99c", "a fifty pence coin and ninety nine cents"),
        ("Grade 4c", "Grade four c"),
        ("£1bn-£2bn", "one to two billion pounds"),
        ("a $5.5M fund", "a five point five million dollar fund"),
        ("$2B", "two billion dollars"),
        ("$5 T-shirts", "five dollars T-shirts"),
        ("at ¥148.6 to the dollar", "at one hundred forty eight point six yen to the dollar"),
    ],
    "measure": [
        ("a 120mm gun", "a one hundred twenty millimeter gun"),
        ("800 km away", "eight hundred kilometers away"),
        ("a 400 kV line", "a four hundred kilovolt line"),
        ("1.2 GW of power", "one point two gigawatts of power"),
        ("it was -12°C", "it was minus twelve degrees Celsius"),
        ("at 70 mph", "at seventy miles per hour"),
        ("up 2.5%", "up two point five percent"),
        ("rose 0.5% to 4%", "rose zero point five percent to four percent"),
        ("5-10%", "five to ten percent"),
        ("12 KM away", "twelve kilometers away"),
        ("a 8K screen", "an eight K screen"),
        ("a 1-in-50 risk", "a one-in-fifty risk"),
        (
            "lows of -8C and highs near 31C",
            "lows of minus eight degrees Celsius and highs near thirty one degrees Celsius",
        ),
        ("a 2.5C rise", "a two point five degrees Celsius rise"),
        ("Flat 4C", "Flat four C"),
        ("40C heat", "forty degrees Celsius heat"),
        ("the wall ( 3.4 m ) fell", "the wall ( three point four meters ) fell"),
        ("a rope 7 m long", "a rope seven meters long"),
        ("100 sq. ft", "one hundred square feet"),
        ("some 4.7bn users", "some four point seven billion users"),
        ("3m households", "three million households"),
        ("the 400m hurdles", "the four hundred meter hurdles"),
        ("€62 per MWh", "sixty two euros per megawatt hour"),
        ("cut by 0.9m bpd", "cut by zero point nine million barrels per day"),
        ("sales rose +4.2%", "sales rose plus four point two percent"),
        ("a 650 MW offshore wind farm", "a six hundred fifty megawatt offshore wind farm"),
        ("40 km offshore.", "forty kilometers offshore."),
        ("12.5 TWh generated", "twelve point five terawatt hours generated"),
        ("3 litres", "three litres"),
        ("1 kg", "one kilogram"),
        (
            "1234-123kg",
            "one thousand two hundred and thirty four to one hundred and twenty three kilograms",
        ),
        ("from 5 to 10 km", "from five to ten kilometers"),
        ("a 2 mm² wire", "a two square millimeter wire"),
        ("1,000 kg/m3", "one thousand kilograms per cubic meter"),
        ("he is 5'10\" tall", "he is five feet ten inches tall"),
        ("he is 6'2 and", "he is six feet two inches and"),
        ("a wall 3 ft 5 in high", "a wall three feet five inches high"),
    ],
    "fraction": [
        ("1/2 of them", "one half of them"),
        ("3/4 of voters", "three quarters of voters"),
        ("3½ hours", "three and a half hours"),
        ("2 1/2 hours", "two and a half hours"),
    ],
    "roman": [
        ("after World War I ended", "after World War One ended"),
        ("Pope Benedict XVI said", "Pope Benedict the Sixteenth said"),
        ("King Charles III", "King Charles the Third"),
        ("the XIX century", "the nineteenth century"),
        ("see Part II", "see Part Two"),
        ("You and I agree", "You and I agree"),
        ("CHAPTER IX", "Chapter Nine"),
        ("Louis XIV. was king", "Louis the Fourteenth was king"),
        ("XXIV", "Twenty Four"),
        ("XLII.", "Forty Two."),
        ("XVII: THE RETURN", "Seventeen: the return"),
        ("LXI IN WHICH WE SAIL", "Sixty One in which we sail"),
        ("[XIV] Home again", "[Fourteen] Home again"),
        ("I. M. Pei built it", "I. M. Pei built it"),
        ("a stage IV tumour", "a stage four tumour"),
        ("the grade I got", "the grade I got"),
        ("MIX tapes", "mix tapes"),
    ],
    "abbreviation": [
        ("Dr. Jones arrived", "Doctor Jones arrived"),
        ("Apt. 5", "Apartment five"),
        ("nails, screws etc were sold", "nails, screws et cetera were sold"),
        ("Ray Hill jr spoke", "Ray Hill Junior spoke"),
        ("its FY2026 budget", "its F Y twenty twenty six budget"),
        ("Sen. Ed Ruiz, D-Ariz., said", "Senator Ed Ruiz, Democrat of Arizona, said"),
        ("Rep. Jo Park (R-Neb.) voted", "Representative Jo Park (Republican of Nebraska) voted"),
        ("Rep. Al Dunn (R-OH)", "Representative Al Dunn (Republican of Ohio)"),
        ("in Dayton, Ohio, and Erie, Pa., today", "in Dayton, Ohio, and Erie, Pennsylvania, today"),
        (
            "raised in Ames, Iowa, then Reno, Nev. She left",
            "raised in Ames, Iowa, then Reno, Nevada. She left",
        ),
        ("the D-Day landings", "the D-Day landings"),
        ("on Ocean Dr. in June", "on Ocean Drive in June"),
        ("St. Paul's cathedral", "Saint Paul's cathedral"),
        ("on Main St. The shop", "on Main Street. The shop"),
        ("Gen. Patton and Lt. Col. Reed", "General Patton and Lieutenant Colonel Reed"),
        ("Sen. Byrd and Gov. Hill", "Senator Byrd and Governor Hill"),
        ("No. 10", "number ten"),
        ("Mr. and Mrs. Lee", "Mister and Mrs Lee"),
        ("Ali vs. Frazier", "Ali versus Frazier"),
        ("in Dayton, OH, today", "in Dayton, Ohio, today"),
        ("Austin, TX 73301", "Austin, Texas seven three three zero one"),
    ],
    "acronym": [
        ("the U.S. said", "the U S said"),
        ("the UK and EU", "the U K and E U"),
        ("an FBI agent", "an F B I agent"),
        ("NATO and NASA", "NATO and NASA"),
        ("the QXZ group", "the Q X Z group"),
        ("in the U.S.", "in the U S."),
        ("THE GHOST TOWN", "the ghost town"),
        ("a USDA report", "a U S D Eh report"),
        # datelines: the place in capitals opening a story is a name, not letters
        ("LVIV – The city said", "Lviv — The city said"),
        ("KYIV, Ukraine (AP) — Russia", "Kyiv, Ukraine (Eh P) — Russia"),
        ("NEW YORK — Stocks fell", "New York — Stocks fell"),
        ("UN — The council met", "U N — The council met"),
    ],
    "symbol": [
        ("salt & pepper", "salt and pepper"),
        ("#1 seed", "number one seed"),
        ("code A#7 in C#", "code Eh seven in C sharp"),
        ("2 + 2", "two plus two"),
        ("wait... what", "wait, what"),
    ],
    "electronic": [
        ("mail j.o-b&x@ex.org now", "mail j dot o dash b ampersand x at ex dot org now"),
        ("mail news@example.org now", "mail news at example dot org now"),
        ("see example.com.", "see example dot com."),
        ("http://a.io/x", "H T T P colon slash slash a dot I O slash x"),
    ],
    "telephone": [
        ("call 555-010-9999", "call five five five, zero one zero, nine nine nine nine"),
        ("call (212) 555-0100", "call two one two, five five five, zero one zero zero"),
        ("call 555-0199 now", "call five five five, zero one nine nine now"),
        (
            "+44 (0)20 7946 0958",
            "plus four four, two zero, seven nine four six, zero nine five eight",
        ),
        ("1-800-FLOWERS", "one eight hundred flowers"),
    ],
    "model": [
        ("an F-35 jet", "an F-thirty five jet"),
        ("a Boeing 787", "a Boeing seven eighty seven"),
        ("Covid-19 cases", "Covid-nineteen cases"),
    ],
}


@pytest.mark.parametrize(
    ("written", "spoken"),
    [case for cases in CASES.values() for case in cases],
)
def test_normalize(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


def test_issue_examples() -> None:
    text = "Dr. Smith lives on St. James St. and paid $1.5bn in the 1990s."
    assert normalize(text) == (
        "Doctor Smith lives on Saint James Street and paid one point five billion dollars "
        "in the nineteen nineties."
    )


def test_text_without_anything_to_do_is_unchanged() -> None:
    text = "A plain sentence, with punctuation; and “quotes”!"
    assert normalize(text) == text
