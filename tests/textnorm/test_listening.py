"""What the voice says, kind by kind (issue 14 "What the voice says", issue 18 item 11).

Every sentence here was written for this file. Each table is one kind of text; the rule that
reads it is named in the module that holds it.
"""

from __future__ import annotations

import re

import pytest

from narrate.textnorm import normalize

CASES: dict[str, list[tuple[str, str]]] = {
    "capitals that are words": [
        ("Voters were told to GET OUT and VOTE on Sunday.",
         "Voters were told to get out and vote on Sunday."),
        ("Was it worth it? The answer is YES!", "Was it worth it? The answer is yes!"),
        ("Her reply was a firm NO.", "Her reply was a firm no."),
        ("LOCAL MAN WINS BIG AT FAIR", "local man wins big at fair"),
    ],
    "plural and possessive acronyms": [
        ("Dealers sold more SUVs than sedans.", "Dealers sold more S U V's than sedans."),
        ("The new LEDs last longer.", "The new L E D's last longer."),
        ("Three CEOs resigned.", "Three C E O's resigned."),
        ("The chip has two DSPs.", "The chip has two D S P's."),
        ("Both ICUs were full.", "Both I C U's were full."),
        ("The SUV's engine failed.", "The S U V's engine failed."),
    ],
    "acronyms said or spelled": [
        ("NASA and the FBI met.", "NASA and the F B I met."),
        ("The bank's AAA rating held.", "The bank's triple Eh rating held."),
        ("The BBB rating.", "The triple B rating."),
        ("Yoon JJ and the XX chromosome.", "Yoon J J and the X X chromosome."),
        ("The office LAN went down.", "The office Lan went down."),
    ],
    "alphanumeric names": [
        ("The Toyota RAV4 sold well.", "The Toyota Rav four sold well."),
        ("The VW ID.4 is electric.", "The V W I D four is electric."),
        ("The Jaguar MkII was a classic.", "The Jaguar Mark Two was a classic."),
        ("The Golf Mk4 was a classic.", "The Golf Mark four was a classic."),
        ("The lamp is called IQ.LIGHT here.", "The lamp is called I Q light here."),
        ("The MX5 and the GT3 raced.", "The M X five and the G T three raced."),
        ("The prototype XR-4417 flew.", "The prototype X R four four one seven flew."),
        ("Flight MH-370 vanished.", "Flight M H three seventy vanished."),
    ],
    "numbers that are dialled": [
        ("A driver called 911 after the crash.", "A driver called nine one one after the crash."),
        ("Dial 999 in an emergency.", "Dial nine nine nine in an emergency."),
        ("The 911 dispatcher answered.", "The nine one one dispatcher answered."),
        ("The Porsche 911 is fast.", "The Porsche nine eleven is fast."),
        ("Send it to P.O. Box 4021.", "Send it to P O Box four zero two one."),
        ("Call +1-415-555-0142 today.",
         "Call plus one, four one five, five five five, zero one four two today."),
    ],
    "letters that are not numerals": [
        ("The winners of Group C advance.", "The winners of Group C advance."),
        ("Category D storms are rare.", "Category D storms are rare."),
        ("She played Final Fantasy XV for hours.", "She played Final Fantasy Fifteen for hours."),
        ("King Charles III was crowned.", "King Charles the Third was crowned."),
        ("Type II diabetes is common.", "Type Two diabetes is common."),
    ],
    "records and scores": [
        ("The Lakers are 6-5 this season.", "The Lakers are six-five this season."),
        ("They won 3-1 and then lost 4-2.", "They won three-one and then lost four-two."),
        ("It ended 102-99 in overtime.", "It ended one hundred two-ninety nine in overtime."),
        ("She won 6-4, 6-3 in the final.", "She won six-four, six-three in the final."),
        ("The shop is open 9-5 daily.", "The shop is open nine to five daily."),
        ("Children aged 6-10 may enter.", "Children aged six to ten may enter."),
    ],
    "ranges of days and years": [
        ("The festival runs 18-24 November.",
         "The festival runs the eighteenth to the twenty fourth of November."),
        ("The budget for FY2021-23 grew.",
         "The budget for F Y twenty twenty one to twenty three grew."),
        ("Cut a 2-3/4 inch board.", "Cut a two and three quarters inch board."),
        ("Add 1-1/2 cups of flour.", "Add one and a half cups of flour."),
    ],
    "clock and music": [
        ("Troops moved at 0300 GMT.", "Troops moved at oh three hundred G M T."),
        ("The ferry leaves at 1745 hours.", "The ferry leaves at seventeen forty five hours."),
        ("The waltz is in 3/4 time.", "The waltz is in three four time."),
        ("The song is in 6/8 and the drums swing.",
         "The song is in six eight and the drums swing."),
        ("She ate 3/4 of the pie.", "She ate three quarters of the pie."),
    ],
    "the article agrees with the sound": [
        ("It was a 8-year-old car.", "It was an eight-year-old car."),
        ("He paid a $80 fee.", "He paid an eighty dollar fee."),
        ("It is an 100-year-old tree.", "It is a one hundred-year-old tree."),
        ("A 11-day strike ended.", "An eleven-day strike ended."),
        ("She is a FBI agent.", "She is an F B I agent."),
    ],
    "money": [
        ("They offered a $7,500 tax credit.",
         "They offered a seven thousand five hundred dollar tax credit."),
        ("They sold $40 billion worth of bonds.",
         "They sold forty billion dollars' worth of bonds."),
        ("A $9.99-a-month plan.", "A nine dollars ninety nine cents a month plan."),
        ("It costs 19.95 Euro.", "It costs nineteen euros ninety five cents."),
        ("He gave $50 reward.", "He gave fifty dollars reward."),
    ],
    "units and ratios": [
        ("The engine makes 500 lb-ft of torque.",
         "The engine makes five hundred pound-feet of torque."),
        ("It makes 320 Nm of torque.", "It makes three hundred twenty newton meters of torque."),
        ("The trunk holds 15 cu. ft. of luggage.",
         "The trunk holds fifteen cubic feet of luggage."),
        ("A 50:50 split.", "A fifty-fifty split."),
        ("A 60:40 mix.", "A sixty-forty mix."),
        ("It charges at 50 kW DC.", "It charges at fifty kilowatts D C."),
    ],
    "links": [
        ("Details are at https://www.example.org/reports/2024/annual-report.pdf today.",
         "Details are at example dot org today."),
        ("Read example.net/news/story-one for more.", "Read example dot net for more."),
        ("Watch it at youtu.be/abc123 now.", "Watch it now."),
        ("Follow t.co/xyz789 for more.", "Follow for more."),
        ("The full list is at bit.ly/4pQr9z.", "The full list is."),
        ("Mail jo@mail.example.org now.", "Mail jo at mail dot example dot org now."),
        ("https://news.example.com/2024/05/17/city-council-votes-to-keep-the-old-library-open-1234567",
         "news dot example dot com"),
        ("https://example.com/about-us",
         "H T T P S colon slash slash example dot com slash about dash us"),
    ],
    "symbols and codes": [
        ("We loved it 😂👍 so much.", "We loved it so much."),
        ("Thanks! 🙏🏽", "Thanks!"),
        ("No lines at all, wish it were always so :)", "No lines at all, wish it were always so"),
        ("Lost the keys again ;-) but found them.", "Lost the keys again but found them."),
        ("The ratio was 3:2 and it rained.", "The ratio was three to two and it rained."),
        ("Ann Ray | Valley Town | Staff", "Ann Ray, Valley Town, Staff"),
        ("It was *very* good.", "It was very good."),
        ("Best wishes, *Ann*", "Best wishes, Ann"),
        ("Love, ~Ann", "Love, Ann"),
        ("It costs ~10 dollars.", "It costs about ten dollars."),
        ("Join the debate with hashtag #climate today.",
         "Join the debate with hashtag climate today."),
        ("Bring tea/coffee to the meeting.", "Bring tea or coffee to the meeting."),
        ("Use and/or as needed.", "Use and or as needed."),
        ("Sen. Ann Lee (R) voted no.", "Senator Ann Lee, Republican, voted no."),
        ("Rep. Tom Fox (D-Calif.) voted yes.",
         "Representative Tom Fox (Democrat of California) voted yes."),
        ("The sea is rising.[3] It will rise more.[4]", "The sea is rising. It will rise more."),
        ("The Dow (.DJI) fell 2%.", "The Dow fell two percent."),
        ("Gold (XAU=) rose.", "Gold rose."),
        ("The 10-year yield US10YT=RR fell.", "The ten-year yield fell."),
        ("Apple (AAPL.O) gained.", "Apple gained."),
        ("He said it was f---ing cold.", "He said it was F-ing cold."),
        ("The .NET library is old.", "The .NET library is old."),
        ("Watch it on Disney+ tonight.", "Watch it on Disney plus tonight."),
        ("The is_open flag and ~/notes folder.", "The is open flag and notes folder."),
        ("It is about ~10 km away.", "It is about ten kilometers away."),
    ],
    "symbols issue 18 names": [
        ("A date of 99/99/9999 was entered.",
         "A date of ninety nine slash ninety nine slash nine thousand nine hundred ninety nine "
         "was entered."),
        ("The value 10**400 overflows.", "The value ten to the power of four hundred overflows."),
        ("Kepler compared r^3 with T**2.",
         "Kepler compared r to the power of three with T to the power of two."),
        ("The float 1e999 is infinite.",
         "The float one times ten to the power of nine hundred ninety nine is infinite."),
        ("Compute 3÷4 now.", "Compute three divided by four now."),
        ("Perfume №5 sells.", "Perfume number five sells."),
        ("Plot x² + y³ please.", "Plot x squared plus y cubed please."),
    ],
    "file paths": [
        ("Type /usr/local/bin/convert to start.", "Type convert to start."),
        ("Keep it in the /opt/tools/cache/ folder.", "Keep it in the cache folder."),
        ("Edit /etc/app.conf first.", "Edit app dot conf first."),
        ("Run ./setup then cd ../docs now.", "Run setup then cd docs now."),
        ("Open C:\\Users\\ann\\notes.txt today.", "Open notes dot txt today."),
        ("Files under '/shared/' are public.", "Files under 'shared' are public."),
        ("It is due 10/12/2024.", "It is due October twelfth, twenty twenty four."),
    ],
    "words joined by slashes": [
        ("Pick red/green/blue.", "Pick red slash green slash blue."),
        ("Tap next/back/home/menu.", "Tap next, back, home or menu."),
        ("Go north/south/east/west.", "Go north, south, east or west."),
    ],
    "titles without full stops": [
        ("They questioned Lt Col Ann Reyes.", "They questioned Lieutenant Colonel Ann Reyes."),
        ("We climbed Mt Ruapehu.", "We climbed Mount Ruapehu."),
        ("The Rt Hon Tom Hale MP spoke.", "The Right Honorable Tom Hale M P spoke."),
        ("Gen Z voters turned out.", "Gen Z voters turned out."),
        ("Maj Gen Ann Reyes retired.", "Major General Ann Reyes retired."),
    ],
    "units glued to numbers": [
        ("A 99Wh battery.", "A ninety nine watt hour battery."),
        ("The screen has 326ppi.", "The screen has three hundred twenty six pixels per inch."),
    ],
    "other alphabets": [
        ("Nguyễn Thị Đặng met Dvořák fans in Hà Nội.",
         "Nguyen Thi Dang met Dvořák fans in Hà Noi."),
        ("Lviv (/ləˈviːf/) is in the west.", "Lviv is in the west."),
        ("Ann Ngata (Māori: [ˈaŋa ˈŋata]; born 1990) sings.",
         "Ann Ngata (born nineteen ninety) sings."),
        ("Ann Ngata (Māori: [ˈaŋa ˈŋata]) sings.", "Ann Ngata sings."),
        ("Fans shouted Спасибо at the band.", "Fans shouted Spasibo at the band."),
        ("The mayor of Львів spoke.", "The mayor of Lviv spoke."),
        ("She ordered a Φραπέ in Αθήνα.", "She ordered a Frape in Athina."),
        ("The p-value α = 0.01 held.", "The p-value α equals zero point zero one held."),
        ("The chef wrote: 今日のおすすめは新鮮な魚です。",
         "The chef wrote: (in Japanese)."),
        ("The sign read: שלום לכולם, ברוכים הבאים לעיר.", "The sign read: (in Hebrew)."),
    ],
    "marks of other typographies": [
        ("She said «non» and „ja”, fine.", "She said «non» and „ja”, fine."),
        ("A ratio of 3：4 held。", "A ratio of three to four held."),
        ("It cost ￥500，or so！", "It cost five hundred yen, or so!"),
        ("A self‐driving car.", "A self-driving car."),
        ("A non‑stop flight.", "A non-stop flight."),
    ],
    "code and tables": [
        ("$ make install", "make install"),
        ("Set $PATH first.", "Set path first."),  # a word in capitals, said as the word
        ("Press Ctrl+S or Shift+Tab.", "Press Ctrl plus S or Shift plus Tab."),
        ("+ Fixed the login page", "Fixed the login page"),
        ("The line ends in a \\ and goes on.", "The line ends in a and goes on."),
        ("│ city │ rain │ ────┼──── Oslo │ 12 │", "city, rain, Oslo, twelve"),
        ("Mean (°C) and (°F)", "Mean (degrees Celsius) and (degrees Fahrenheit)"),
        ("The call took 250 ms on average.",
         "The call took two hundred fifty milliseconds on average."),
    ],
    "dimensions": [
        ("The chip measures 3x5 mm.", "The chip measures three by five millimeters."),
        ("A 6 x 9 ft tarp.", "A six by nine foot tarp."),
        ("The plot is 20×40 m.", "The plot is twenty by forty meters."),
        ("A 2x3 grid.", "A two x three grid."),
        ("Then 6 × 7 is the answer.", "Then six times seven is the answer."),
        ("Searches for bread rose 7x more than for cake.",
         "Searches for bread rose seven times more than for cake."),
        ("A 10x zoom, and it grew 3x.", "A ten times zoom, and it grew three times."),
        ("Shares of 10x Genomics rose.", "Shares of ten x Genomics rose."),
        ("It stores 2.5Tb per disk.", "It stores two point five terabits per disk."),
    ],
    "a plus standing alone": [
        ("Sign up for Disney +, then relax.", "Sign up for Disney plus, then relax."),
        ("Use a + here.", "Use a plus here."),
    ],
    "shapes and signs": [
        ("▶ Watch the video", "Watch the video"),
        ("Rules ■ Prizes ■ Entry", "Rules, Prizes, Entry"),
        ("Here a ≠ b.", "Here a is not equal to b."),
        ("Tasks done ✓ and loved ♥ by all ⚠", "Tasks done and loved by all"),
    ],
    "arrows": [
        ("↑ Smith, The Book, page 4", "Smith, The Book, page four"),
        ("Rents ↑ 4% and wages ↓ 1%.", "Rents up four percent and wages down one percent."),
        ("The Dow ▲ 120, the yen ▼ 0.5%.",
         "The Dow up one hundred twenty, the yen down zero point five percent."),
    ],
    "money after the amount": [
        ("Tickets cost 45,000₩ each.", "Tickets cost forty five thousand won each."),
        ("I paid 20$ for it.", "I paid twenty dollars for it."),
        ("It was 800¥ there.", "It was eight hundred yen there."),
        ("It was $$$ for them.", "It was for them."),
        ("It costs $X per ton.", "It costs dollar X per ton."),
    ],
    "positions": [
        ("The island lies at 33°51′S 151°12′E.",
         "The island lies at thirty three degrees fifty one minutes south one hundred fifty one "
         "degrees twelve minutes east."),
        ("The buoy is at 60°N.", "The buoy is at sixty degrees north."),
    ],
    "a name inside a name": [
        ("We saw the VW ID. Space Vizzion at the show.",
         "We saw the V W I D Space Vizzion at the show."),
        ("He works at the FBI. The agency agreed.", "He works at the F B I. The agency agreed."),
    ],
}  # fmt: skip


@pytest.mark.parametrize(
    ("written", "spoken"), [case for cases in CASES.values() for case in cases]
)
def test_normalize(written: str, spoken: str) -> None:
    assert normalize(written) == spoken


@pytest.mark.parametrize(
    "written", ["99/99/9999", "10**400", "1e999", "3÷4", "№5", "x² + y³", "2^10", "C++ / Rust"]
)
def test_no_symbol_or_digit_is_left(written: str) -> None:
    assert not re.search(r"[0-9/*÷№²³^+]", normalize(written))


def test_a_code_unglued_from_its_digits_goes_and_normalising_again_changes_nothing() -> None:
    once = normalize(".ISBN1XIV")
    assert ".ISBN" not in once and normalize(once) == once
    glued = normalize("--+%")  # a plus glued to a dash is read in the same pass
    assert glued == "— plus percent" and normalize(glued) == glued


def test_superscript_digits_in_an_address_and_very_deep_json_ld_are_no_internal_error() -> None:
    from narrate.extraction import extract_article

    assert "squared" in normalize("write to news@².de")
    deep = "[" * 100_000 + "]" * 100_000
    page = (
        f'<html><head><title>Trams</title><script type="application/ld+json">{deep}</script>'
        "</head><body><article>"
        + "<p>The city's trams ran again on Monday after a long week of repairs.</p>" * 5
        + "</article></body></html>"
    )
    assert extract_article(page, None, allow_non_article=True).title == "Trams"
