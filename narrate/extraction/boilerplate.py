"""Lines of page furniture, judged one block at a time by their words.

Many sites set furniture in a plain <p> inside the story: "Read also: ...", a photo credit, a
newsletter plea, "Have a tip? ... may be reached at ...", an affiliate disclosure. Each family
of such lines is one entry below, as data: a short block that *starts* with one of a family's
openings, or that *contains* one of its phrases, is not part of the story. Only short blocks
are judged, so a paragraph of the story that happens to mention a newsletter is kept.
"""

from __future__ import annotations

import re

from narrate.extraction import paywall
from narrate.extraction.dom import word_count

# Openings of a line of furniture, by family.
_OPENINGS = {
    "audio players and their notes": (
        r"this (?:audio|article|story) (?:is|was|has been) (?:created|generated|produced|read"
        r"|narrated)",
        r"(?:listen|hören|écouter|escuchar|слушать) (?:to )?(?:this|the|den|l'|el)?\s*"
        r"(?:article|story|artikel|article|artículo)",
        r"audio (?:is |was )?(?:generated|created)",
        r"\d+\s*min(?:ute)?s? listen",
    ),
    "links to other articles": (
        r"read (?:also|more|next|this)|also read|see also",
        r"related(?: [\w-]+){0,2}\s*:|recommended(?: reading)?\s*:",
        r"more on this|more from|more:|watch:|listen:|click here",
        r"you (?:may|might) also (?:like|enjoy|be interested)|don(?:'|’)t miss\b",
        r"lesen sie (?:auch|mehr)|mehr zum thema|lire aussi|à lire aussi|a lire aussi",
        r"lee (?:también|más)|leia (?:também|mais)|leggi anche|читайте также|baca juga",
    ),
    "appeals: newsletters, subscriptions, donations, sharing, apps": (
        r"sign up (?:for|to)|subscribe (?:to|now|today|for)|get (?:our|the) .{0,40}newsletter",
        r"enter your email|support (?:our|independent|quality) journalism|donate (?:now|today)",
        r"become a (?:member|subscriber|supporter|patron)|follow us on",
        r"(?:chat|talk) (?:with|to) us (?:on|in|via)\b",
        r"follow (?:\w+ ){0,3}(?:on (?:twitter|x|instagram|threads|bluesky) )?(?:at )?@\w",
        r"follow [^.!?]{1,40}? on (?:facebook|twitter|x|instagram|tiktok|youtube|linkedin"
        r"|threads|bluesky|mastodon|whatsapp|telegram|google news)\b",
        r"share this (?:article|story)|click to share",
        r"(?:like|liked|enjoy|enjoyed|love|loved) (?:this|what you(?:'|’)ve read)\b[^?!.]{0,30}"
        r"[?!.]\s*(?:share|subscribe|sign up|follow|tell)",
        r"(?:for the latest|to get the latest) .{0,60}download (?:the|our)",
        r"download (?:the|our) .{0,40}\bapps?\b",
    ),
    "page tools and notices": (
        r"(?:story|article) continues below|continue reading below|advertisement$",
        r"scroll to continue|copyright ©|© \d{4}|all rights reserved",
        r"copyright\s*(?:©|\(c\))?\s*(?-i:(?:[A-Z0-9][\w.&-]*\s+){0,4})(?:19|20)\d{2}\b",
        r"continue reading(?: the (?:main )?(?:story|article))?\W*$",
        r"(?:category|categories|filed under|posted in|tags?|last (?:modified|updated))\s*:",
    ),
    "sign-offs: the author's name closing the story, with a handle": (
        r"[-—–]+\s*by\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\W*(?:follow\b.{0,40})?$",
    ),
    "letters, tips and contact lines": (
        r"(?:submit|send|write|email) (?:us )?(?:your |a )?letters? to the editor",
        r"letters? to the editor\s*:",
        r"have a (?:news |story )?tip\b|got a (?:news |story )?tip\b",
        r"write to [^.]{1,80}\bat \S+@\S+",
    ),
    "captions, credits and sources": (
        r"(?:main |top |lead |header |featured |cover )?(?:photo|photograph|image|picture"
        r"|illustration|video|graphic)s?(?: credit)?\s*(?::|by )",
        r"credit\s*:|(?:getty|reuters|ap|afp|epa|shutterstock) images?\b",
        # A credit in brackets on a line of its own, under a picture: "(Artist: Jo Lee)".
        r"\((?:photo|image|picture|artist|illustration|source|credit|courtesy)\b[^()]{0,80}\)\W*$",
    ),
}
# Phrases that make a short block furniture wherever they stand in it.
_PHRASES: dict[str, tuple[str, ...]] = {
    "a plea that closes on its call to action": (
        r"\b(?:sign up|subscribe|register|join us|donate) (?:here|now|today)\W*$",
    ),
    "reporting credits closing a story, which the byline's place in the intro stands for": (
        r"\bcontributed (?:reporting|to this (?:report|story|article))\b",
    ),
    "affiliate disclosures, in a short line": (
        r"\b(?:may|might|could) (?:receive|earn|get) (?:a )?(?:small )?(?:compensation|commission)",
        r"\bcontains (?:references to products|affiliate links)\b",
        r"\badvertisers? (?:do(?:es)? not|don(?:'|’)t) influence\b",
    ),
    "contact lines closing a story": (
        r"\b(?:may|can) be (?:reached|contacted) (?:at|on|via)\s+(?:\S+@\S+|[\d(+][\d\s().-]{6,}"
        r"|@\w+)",
    ),
}
# Affiliate and advertiser disclosures and reprint licences run longer than other furniture
# lines (a paragraph of legal wording), and their phrases never occur in a story's sentences.
_DISCLOSURE = re.compile(
    r"\bthis (?:copy|article|material) is for your personal,? non-?commercial use"
    r"|\bto order (?:presentation-ready|multiple) copies"
    r"|\bfrom one or more of our advertisers\b|\badvertiser disclosure\b"
    r"|\bthis (?:post|article|page|story) contains (?:references to products|affiliate links)\b"
    r"|\bour advertisers? (?:do(?:es)? not|don(?:'|’)t) influence\b"
    # a site speaking of its own affiliate links and what it earns from them
    r"|\baffiliate links?\b.{0,200}\b(?:we|I) (?:may|might|could|will) (?:receive|earn|get)"
    r"|\b(?:we|I) (?:may|might|could|will) (?:receive|earn|get) (?:a )?(?:small )?"
    r"(?:compensation|commission)\b.{0,200}\baffiliate",
    re.IGNORECASE | re.DOTALL,
)
_MAX_DISCLOSURE_WORDS = 90
# A dateline: when and by whom, which the intro announces from the page's metadata.
_DATE = re.compile(
    r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[:h]\d{2}\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b"
    r"|\b\d{1,2}\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zé]*\b",
    re.IGNORECASE,
)
_DATELINE_WORDS = re.compile(
    r"^by\b|\b(?:by|par|von|por|di)\s+(?-i:[A-Z])|\b(?:updated|published|posted|mis à jour|publié"
    r"|aktualisiert|veröffentlicht|actualizado|publicado)\b|\b(?:created|modified)\s*:?\s*\d"
    r"|\bdate\s*:",
    re.IGNORECASE,
)
_MAX_DATELINE_WORDS = 25
_DATELINE_OPENING_WORDS = 8


def _is_dateline(text: str) -> bool:
    """A line giving the date (near its start) and the author or an update time; a reference
    in a list of sources, with its date at the end, is not one."""
    date = _DATE.search(text)
    if date is None or word_count(text[: date.start()]) > _DATELINE_OPENING_WORDS:
        return False
    return _DATELINE_WORDS.search(text) is not None


# A source line closing a story ("SOURCE: Al Jazeera News") is short; a longer one is prose.
_SOURCE_LINE = re.compile(r"^sources?\s*:\s*\S", re.IGNORECASE)
_MAX_SOURCE_WORDS = 10


# A heading over teasers of other stories: the section under it is not this article.
TEASER_HEADING = re.compile(
    r"^(?:(?:other|more|related|recommended|latest|popular|trending|top|further)\b.{0,40}"
    r"\b(?:stories|articles|columns|posts|news|reads|reading|videos|coverage|headlines)"
    r"(?:\s+(?:from|on|at|in|by)\b.{0,40})?"  # "More must-reads from The Valley Post"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:more|next)|more from\b.{0,40}"
    r"|(?:don(?:'|’)t|do not) miss|also on\b.{0,40}|elsewhere on\b.{0,40}"
    r"|related|explore further|further reading|more)\W*$",  # a box's one-word label
    re.IGNORECASE,
)


def _compile(families: dict[str, tuple[str, ...]], anchored: bool) -> re.Pattern[str]:
    body = "|".join(pattern for patterns in families.values() for pattern in patterns)
    return re.compile(f"^(?:{body})" if anchored else body, re.IGNORECASE)


_LINE_RULES = _compile(_OPENINGS, anchored=True)
_PHRASE_RULES = _compile(_PHRASES, anchored=False)
# Credits that close a caption: "... (Getty Images)", "... Photo: Jane Doe/AP".
_TRAILING_CREDIT = re.compile(
    r"(?:\((?:photo|image|credit)?[^()]{0,40}(?:getty|reuters|afp|ap photo|epa|shutterstock)"
    r"[^()]{0,30}\)|(?:photo|photograph|image)\s*:\s*[^.]{0,60})$",
    re.IGNORECASE,
)
_APPEAL = re.compile(
    r"\b(?:newsletter|inbox|subscribe|subscription|donate|donation|sign up|unsubscribe)\b",
    re.IGNORECASE,
)
_SHORT_BLOCK = 40
# A breadcrumb trail: "Home > News > Local", "Stories » Fables » The Greedy Dog".
_BREADCRUMB = re.compile(r"^[^.!?>»›]{1,60}(?:\s[>»›]\s[^.!?>»›]{1,60}){2,}$")
_MAX_BREADCRUMB_WORDS = 20
_BARE_ADDRESS = re.compile(r"^\W*(?:https?://|www\.)\S+\W*$", re.IGNORECASE)
# Labels of page tools that a main-content extractor may keep as a line of their own.
_TOOL_LABELS = frozenset(
    {"print", "print article", "print this article", "order reprints", "reprints", "email"}
    | {"share", "save", "save article", "copy link", "gift this article", "comments"}
    # Labels over a box of links to other pages, left behind on their own.
    | {"related", "explore further", "further reading", "advertisement", "read more"}
    | {"subscribe", "sign up", "donate"}
)


def is_furniture_text(text: str) -> bool:
    """True for a block that is page furniture by its words alone (short blocks only)."""
    words = word_count(text)
    if words == 0:
        return True
    if words <= _MAX_DISCLOSURE_WORDS and _DISCLOSURE.search(text):
        return True
    if words > _SHORT_BLOCK:
        return False
    if _BARE_ADDRESS.match(text):
        return True  # a link's address printed as a line: never worth spelling out
    if words <= _MAX_BREADCRUMB_WORDS and _BREADCRUMB.match(text):
        return True
    if _LINE_RULES.match(text) or _PHRASE_RULES.search(text) or _TRAILING_CREDIT.search(text):
        return True
    if paywall.is_prompt(text) or (words <= _MAX_SOURCE_WORDS and _SOURCE_LINE.match(text)):
        return True
    if words <= _MAX_DATELINE_WORDS and _is_dateline(text):
        return True
    if " ".join(re.findall(r"\w+", text.lower())) in _TOOL_LABELS:
        return True
    # A short plea to subscribe or donate, even phrased freely.
    return words <= 25 and len(_APPEAL.findall(text)) >= 2


# WordPress-style shortcodes left in the text: [button link="..."]Subscribe[/button].
_PAIRED_SHORTCODE = re.compile(r"\[([a-z][\w-]*)((?:\s[^\[\]]*)?)\](.*?)\[/\1\]", re.IGNORECASE)
_LONE_SHORTCODE = re.compile(r"\[/?[a-z][\w-]*\s+[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s\]]+)[^\[\]]*\]")
# Shortcodes whose content is a button, a call to action or a caption: never part of the story.
_FURNITURE_SHORTCODES = frozenset(
    {"button", "btn", "cta", "subscribe", "signup", "newsletter", "caption", "gallery"}
    | {"embed", "ad", "ads", "promo", "share", "donate", "optin", "form"}
)


def strip_shortcodes(text: str) -> str:
    """The text without shortcode markup, which is code the page forgot to run.

    A paired shortcode keeps its content unless it names a button, a call to action or a
    caption; a lone tag is removed when it carries attributes (so "[sic]" and "[the mayor]",
    an editor's brackets, are left alone).
    """
    if "[" not in text:
        return text

    def paired(match: re.Match[str]) -> str:
        parts = re.split(r"[_-]", match.group(1).lower())
        return "" if _FURNITURE_SHORTCODES.intersection(parts) else match.group(3)

    text = _PAIRED_SHORTCODE.sub(paired, text)
    return " ".join(_LONE_SHORTCODE.sub(" ", text).split())
