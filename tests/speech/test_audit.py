"""The listener check: the voice's own phonemizer (espeak-ng through Piper) hears the script.

No fakes: the point is what the real phonemizer does with a word. The sentences are written
for these tests.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from narrate.speech.audit import (
    LONG_SEGMENT_WORDS,
    AuditReport,
    Flag,
    FlagKind,
    Listener,
    audit_spoken,
    format_report,
)
from narrate.textnorm import normalize


@pytest.fixture(scope="module")
def listener() -> Listener:
    return Listener()


def _kinds(report: AuditReport) -> dict[FlagKind, list[str]]:
    return report.by_kind()


@pytest.mark.parametrize(
    ("spoken", "kind", "item"),
    [
        ("The answer is YES!", FlagKind.SPELLED, "YES"),  # espeak spells it after "is"
        ("Dealers sold more S U Vs.", FlagKind.SPELLED, "Vs"),
        ("Fans shouted Спасибо.", FlagKind.SPELLED, "Спасибо"),  # letter names, one by one
        ("She wrote すごい.", FlagKind.SPELLED, "すごい"),  # "Japanese letter", three times
        ("Mr Nguyễn spoke.", FlagKind.SPELLED, "Nguyễn"),  # "N G U Y letter 1EC5 N"
        ("Both ICU wards were full.", FlagKind.CAPITALS, "ICU"),
        ("It cost ~ ten dollars.", FlagKind.SYMBOL, "~"),
        ("We loved it 😂 so much.", FlagKind.SYMBOL, "😂"),
        ("She wrote a * b on the board.", FlagKind.SYMBOL, "*"),
        ("He bought 5 apples.", FlagKind.DIGITS, "5"),
        ("Read https://example.org/a-b today.", FlagKind.URL, "https://example.org/a-b"),
        ("Go to W W W dot example dot com.", FlagKind.URL, "W W W dot"),
        ("H T T P S colon slash slash example.", FlagKind.URL, "colon slash slash"),
    ],
)
def test_flags_each_kind(listener: Listener, spoken: str, kind: FlagKind, item: str) -> None:
    report = audit_spoken([spoken], listener)
    assert item in _kinds(report).get(kind, [])


def test_an_initialism_spelled_as_written_is_no_slip_but_its_spelled_plural_is(
    listener: Listener,
) -> None:
    """The voice spells "NYSE", "iOS" and "PhD": that is how they are said. It spells "Vs" as
    two letters, and "YES" is a word: those are slips."""
    quiet = audit_spoken(["The NYSE opened, the iOS app crashed and her PhD was done."], listener)
    assert quiet.flags == (), format_report(quiet)
    assert listener.spells("NYSE") and listener.spells("PhD")  # the voice does spell them
    loud = audit_spoken(["Dealers sold more S U Vs.", "The answer is YES!"], listener)
    assert {flag.item for flag in loud.flags if flag.kind is FlagKind.SPELLED} == {"Vs", "YES"}
    # a longer word in capitals that the voice spells is more likely a heading's word
    assert listener.spells("SCTLND")
    assert [f.item for f in audit_spoken(["WELCOME TO SCTLND"], listener).flags] == ["SCTLND"]


def test_a_word_in_capitals_the_text_also_writes_small_is_that_word(listener: Listener) -> None:
    """ "VELNA" in capitals is the "Velna" of the story: no slip. Alone it is flagged, and so
    is a short one even when the story writes it small ("ICU" and "icu" need not be one word)."""
    story = "Anna Velna opened the icu ward on Monday."
    assert audit_spoken(["The VELNA plan failed.", story], listener).flags == ()
    assert [f.item for f in audit_spoken(["The VELNA plan failed."], listener).flags] == ["VELNA"]
    short = audit_spoken(["The ICU is full.", story], listener)
    assert [f.item for f in short.flags] == ["ICU"]


def test_a_long_segment_is_flagged(listener: Listener) -> None:
    report = audit_spoken(["word " * (LONG_SEGMENT_WORDS + 1), "A short one."], listener)
    assert [flag.kind for flag in report.flags] == [FlagKind.LONG]
    assert report.flags[0].segment == 0


def test_plain_speech_has_no_flags(listener: Listener) -> None:
    spoken = [
        "The council met on Tuesday and voted to keep the library open.",
        "NATO and the F B I said nothing, and the S U V's were recalled.",
        "The café in Zürich served naïve Ångström fans.",
        "Get out and vote, she said; the answer is yes.",
    ]
    report = audit_spoken(spoken, listener)
    assert report.flags == ()
    assert report.words == sum(len(s.split()) for s in spoken)
    assert report.per_thousand == 0.0


def test_rate_per_thousand_words() -> None:
    report = AuditReport(500, (Flag(FlagKind.DIGITS, "5", 0), Flag(FlagKind.DIGITS, "6", 1)))
    assert report.per_thousand == 4.0
    assert report.merged(AuditReport(500)).per_thousand == 2.0
    assert "2 flags in 500 words (4.0 per 1,000)" in format_report(report)
    assert "digits 2: 5 | 6" in format_report(report)


WRITTEN = [
    "Voters were told to GET OUT and VOTE. The answer is YES!",
    "Sales of SUVs, LEDs and DSPs rose; three ICUs were full.",
    "A driver called 911 in Group C; the team is 6-5.",
    "It was a 8-year-old car with a $7,500 tax credit and 300 lb-ft of torque.",
    "Read https://www.example.org/news/2024/a-long-story-here today, or t.co/xyz789.",
    "We loved it 😂 *so* much #hashtag; tea/coffee (R) [1] .DJI XAU= f---ing.",
    "Dates 99/99/9999, 10**400, 1e999, 3÷4, №5 and x² + y³.",
    "Run /usr/local/bin/backup, then open C:\\Data\\report.doc and ~/notes/todo.",
    "She said（wow）、and left ▶ then came back ■ happy。",
    "│ city │ rain │ ────┼──── Oslo │ 12.5 │ Bergen │ 30.1 │",
    "$ make install, then set $HOME and press Ctrl+S; a ≠ b.",
    "The island lies at 33°51′S 151°12′E; the chip is 3x5 mm; it took 250 ms.",
    "↑ Smith, The Book. Prices ↑ 5% and tickets cost 45,000₩ or 20$.",
    "Fans shouted Спасибо in Αθήνα; the chef wrote 今日のおすすめは新鮮な魚です.",
    "Mr Nguyễn and Ms Đặng met in Hà Nội.",
]


def test_the_normaliser_leaves_the_listener_nothing(listener: Listener) -> None:
    """The written forms of issue 14 and 18 are flagged as written, and not once normalised."""
    assert len(audit_spoken(WRITTEN, listener).flags) >= len(WRITTEN)
    report = audit_spoken([normalize(text) for text in WRITTEN], listener)
    assert report.flags == (), format_report(report)


def _narrate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "narrate", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_audit_command_reports_each_page_and_the_total(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A plain story.\n\nIt has two short paragraphs.\n", encoding="utf-8")
    odd = tmp_path / "odd.txt"
    odd.write_text("Go to W W W dot example dot com.\n\nThe sign ¤ is rare.\n", encoding="utf-8")
    result = _narrate("audit", str(good), str(odd))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{good}: 0 flags in ")
    assert any(line.startswith(f"{odd}: 2 flags in ") for line in lines)
    assert "  url 1: W W W dot" in lines
    assert any(line.startswith("all pages: 2 flags in ") for line in lines)


def test_audit_command_bad_page_is_one_line_and_an_error_status(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A plain story.\n", encoding="utf-8")
    result = _narrate("audit", str(tmp_path / "missing.txt"), str(good))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr
    assert f"{good}: 0 flags" in result.stdout


def test_dry_run_audit_prints_the_script_and_the_report_on_stderr(tmp_path: Path) -> None:
    page = tmp_path / "story.txt"
    page.write_text("Sales of SUVs rose.\n", encoding="utf-8")
    result = _narrate(str(page), "--dry-run", "--audit")
    assert result.returncode == 0, result.stderr
    assert "S U V's" in result.stdout
    assert "0 flags in" in result.stderr
    refused = _narrate(str(page), "--audit", "-o", str(tmp_path / "x.mp3"))
    assert refused.returncode == 1
    assert "--audit goes with --dry-run" in refused.stderr
