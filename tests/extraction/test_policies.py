"""What narrate reads and what it leaves out, one kind of page at a time (pages written here)."""

from __future__ import annotations

import datetime as dt

from narrate.extraction import cleanup, extract_article, extract_text
from narrate.extraction.body import Found
from narrate.extraction.dom import parse_html
from narrate.model import Block, BlockKind
from tests.extraction.pagebuilder import STORY, article_page

DESCRIPTION = "Volunteers from three villages dug out the valley's only bakery after the flood."


def test_the_standfirst_is_read_once_even_when_it_is_the_description() -> None:
    head = f'<meta name="description" content="{DESCRIPTION}">'
    standfirst = f"<p class='article-lead'>{DESCRIPTION}</p>"
    summary = f"<div class='summary'><p>{DESCRIPTION}</p></div>"
    html = article_page(summary, head=head, story=standfirst + STORY)
    text = extract_text(html, "https://valleypost.example/news/bakery")
    assert text.startswith(DESCRIPTION)
    assert text.count("Volunteers from three villages dug out") == 1


URL = "https://valleypost.example/news/bakery"


def test_a_link_inside_a_sentence_is_text_whatever_its_class() -> None:
    paragraph = (
        "<p>The film shows how actress <a class='tag-link' href='/tags/mary-steenburgen'>Mary "
        "Steenburgen</a> came to co-write the song that <a class='tag' href='/tag/jessie'>Jessie "
        "Buckley</a> performs at the end of <a class='related' href='/x'>Wild Rose</a>, and a "
        "<a class='popup' href='#n1'>note</a> explains it.</p>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert (
        "how actress Mary Steenburgen came to co-write the song that Jessie Buckley performs at "
        "the end of Wild Rose, and a note explains it." in text
    )


def test_a_hover_card_inside_a_paragraph_is_not_read() -> None:
    paragraph = (
        "<p>The mayor said the bridge <span class='hover-card'><a href='/a'>Council buys new "
        "gritters</a><span>Read the story</span></span>would reopen by Friday, and the "
        "<span class='inline-story'><div><a href='/b'>Ferry fares rise again</a></div></span>"
        "ferry would run until then.</p>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert "The mayor said the bridge would reopen by Friday, and the ferry would run" in text
    assert "gritters" not in text and "Ferry fares" not in text


def test_a_class_rule_never_removes_the_post_itself() -> None:
    """A blog engine calls the post's container a widget, and the post has no <p> at all."""
    lines = "<br>".join(
        f"Line {n} of the post tells how the old mill wheel was lifted out of the race "
        "and carried to the workshop for the winter."
        for n in range(12)
    )
    html = (
        "<html><head><title>Lifting the mill wheel</title></head><body>"
        "<div class='sidebar widget'><a href='/a'>Archive</a></div>"
        f"<div class='widget Blog'><h3 class='post-title'>Lifting the mill wheel</h3>"
        f"<div class='post-body'>{lines}</div></div></body></html>"
    )
    article = extract_article(html, "https://millblog.example/2024/05/wheel.html")
    assert "Line 0 of the post" in article.text and "Line 11 of the post" in article.text
    assert "Archive" not in article.text


def test_a_page_of_only_headings_is_not_emptied() -> None:
    html = (
        "<html><body><article><h2>Test case one</h2><h2>Test case two</h2></article></body></html>"
    )
    assert extract_text(html) == "Test case one\n\nTest case two"


SHORT_STORY = (
    "<p>The footbridge over the Leat reopened on Saturday after six weeks of repairs, in time "
    "for the autumn fair. The council replaced four rotten planks and the railing on the town "
    "side, which had been taped off since a storm in August.</p>"
    "<p>Engineers said the old oak frame was sound and should last another twenty years. The "
    "work cost eleven thousand pounds, less than the council had set aside, and the rest will "
    "go towards new lighting on the path to the station.</p>"
)


def test_hidden_paywall_markup_is_not_a_paywall() -> None:
    """Vendor markup that waits, hidden, on every story does not make a short story a teaser."""
    hidden = (
        "<div class='paywall hide'><p>Subscribe to continue reading this story.</p></div>"
        "<div class='piano-offer' style='display: none'><p>Already a subscriber? Log in.</p></div>"
        "<section class='regwall' hidden><p>Register for free to continue reading.</p></section>"
    )
    article = extract_article(
        article_page(hidden, story=SHORT_STORY, closing=""), "https://valleypost.example/n/b"
    )
    assert not article.paywalled
    assert article.text.endswith("new lighting on the path to the station.")


def test_paragraphs_marked_with_the_paywall_class_but_sent_whole_are_read() -> None:
    """A metered site marks every paragraph after the first with its paywall's class and
    sends them all, cut into containers between the adverts; a reader within the allowance
    sees them, so they are the story."""
    opening = "<p>The ferry from the island ran again on Monday, three weeks after the storm.</p>"
    sentences = (
        "Engineers replaced the ramp that the waves had torn from the harbour wall.",
        "The crossing took forty minutes, ten more than before, while a buoy is missing.",
        "Islanders who had relied on a fishing boat for bread and post cheered it in.",
        "The operator said the evening sailing would return once the lights were fixed.",
        "Two of the crew had worked through the night to have the ferry ready at dawn.",
        "A second ferry, on loan from the mainland, will cover the winter timetable.",
    )
    chunks = [sentences[:2], sentences[2:4], sentences[4:]]
    metered = "<div class='ad-slot'></div>".join(
        "<div class='body-chunk'>"
        + "".join(f"<p class='paywall'>{s}</p>" for s in chunk)
        + "</div>"
        for chunk in chunks
    )
    article = extract_article(
        article_page(metered, story=opening, closing=""), "https://islandnews.example/ferry"
    )
    assert "torn from the harbour wall" in article.text
    assert article.text.endswith("will cover the winter timetable.")
    assert not article.paywalled


def test_a_teaser_then_a_subscribe_box_is_flagged_not_narrated_as_complete() -> None:
    box = (
        "<div class='paywall'><h2>Keep reading with a Valley Post membership</h2>"
        "<p>Subscribe to continue reading. Already a subscriber? Log in.</p></div>"
    )
    article = extract_article(
        article_page(box, story=SHORT_STORY, closing=""), "https://valleypost.example/n/b"
    )
    assert article.paywalled
    assert "Subscribe" not in article.text and "membership" not in article.text
    assert article.text.startswith("The footbridge over the Leat reopened")


def test_a_subscribers_only_badge_on_another_story_is_not_a_paywall() -> None:
    badge = (
        "<ul><li><a href='/other'>Fair prizes announced</a> <span>Subscribers only</span></li></ul>"
    )
    article = extract_article(
        article_page("", story=SHORT_STORY, closing="").replace("</main>", f"{badge}</main>"),
        "https://valleypost.example/n/b",
    )
    assert not article.paywalled


def test_entities_escaped_twice_by_the_page_are_decoded_in_the_title() -> None:
    head = '<meta property="og:title" content="Club agrees &amp;#163;71.6m deal &amp;amp; a loan">'
    article = extract_article(article_page("", head=head), URL)
    assert article.title == "Club agrees £71.6m deal & a loan"


CLUTTER = {
    "Submit your letter": "<p>Submit your letter to the editor via this form, in 200 words.</p>",
    "Letters to the": "<p>Letters to the editor: letters@valleypost.example</p>",
    "Have a tip": "<p>Have a tip? Dana Whitlock may be reached at dana@valleypost.example.</p>",
    "Sam Price": "<p>Reporter Sam Price can be reached at 555-0134.</p>",
    "Like this story": "<p>Like this story? Share it with a friend!</p>",
    "You may also like": "<p>You may also like</p>",
    "Main image credit": "<p>Main image credit: Getty</p>",
    "SOURCE": "<p>SOURCE: Valley News Agency</p>",
    "download the": "<p>For the latest stories download the Valley Post app for iOS.</p>",
    "advertisers": (
        "<p>This post contains references to products from one or more of our advertisers. "
        "We may receive compensation when you click on links to those products.</p>"
    ),
    "Follow the Valley": (
        "<p>Follow the Valley Post on <a href='https://social.example/vp'>Facebook</a> and "
        "<a href='https://chirp.example/vp'>X</a> for more local news and pictures.</p>"
    ),
    "heads up": (
        "<p><em>Just a heads up: some of the links on the Valley Post are affiliate links. If "
        "you click one and buy something, we may earn a small commission at no extra cost to "
        "you. It is one of the ways we keep the paper going and pay our reporters for their "
        "work. Thank you for reading and for your support!</em></p>"
    ),
    "Follow Dana": "<p>Follow Dana on X @danawhitlock</p>",
    "Ada Lind Follow": "<p>-- By Ada Lind Follow @adalind</p>",
    "Category": "<p>Category : Local news</p>",
    "Posted on": "<p>Posted on Tuesday 15 October 2019 at 09:11 by Ada Lind.</p>",
    "club": (
        '<p>[button link="https://valleypost.example/join" style="big"]Join the Valley Post '
        "club[/button]</p>"
    ),
}


def test_clutter_lines_are_not_read() -> None:
    text = extract_text(article_page("".join(CLUTTER.values())), URL)
    assert text.endswith("the money for the work has not yet been found.")
    for snippet in CLUTTER:
        assert snippet not in text


def test_a_story_sentence_about_sources_or_tips_is_kept() -> None:
    """The rules judge short furniture lines, not the story's own sentences on the same topic."""
    paragraph = (
        "<p>Police said they had a tip about the van, and a source close to the inquiry said the "
        "driver may be reached at his sister's farm, where officers went on Sunday morning.</p>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert "Police said they had a tip about the van" in text


def test_a_long_story_paragraph_about_affiliate_money_is_kept() -> None:
    """Only a site speaking of its own links is a disclosure; reporting on others is story."""
    paragraph = (
        "<p>Creators told the committee that affiliate links now pay more than adverts: a "
        "cookery channel said it may earn a commission of up to ten per cent on every pan sold "
        "through its videos, and that the money had let it hire two editors and a camera "
        "operator in a valley where jobs are scarce and young people leave for the cities.</p>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert "affiliate links now pay more than adverts" in text


def test_shortcode_markup_is_never_read_but_its_words_are() -> None:
    paragraph = (
        '<p>The recipe is simple. [highlight color="yellow"]Use cold butter[/highlight] and a '
        'hot oven [gap height="20"], as the baker [sic] always says.</p>'
    )
    text = extract_text(article_page(paragraph), URL)
    assert "The recipe is simple. Use cold butter and a hot oven , as the baker [sic]" in text


def test_a_standfirst_beside_the_headline_is_read_before_the_story() -> None:
    """Set apart from the story's container (an <h2> in the page header), it is still the
    article's opening; a description cut short by the page ("...") is matched by its start."""
    standfirst = (
        "Volunteers from three villages spent five weekends digging out the valley's only "
        "bakery, and on Monday the queue for its first loaves reached the bridge."
    )
    cut = standfirst[:90].rsplit(" ", 1)[0] + "..."
    html = (
        "<html><head><title>Valley bakery reopens</title>"
        f'<meta name="description" content="{cut}"></head><body>'
        "<header class='article-header'><h1>Valley bakery reopens</h1>"
        f"<h2 class='article-lead'>{standfirst}</h2><p>By Ada Lind, 3 May</p></header>"
        f"<div class='layout'><aside><a href='/'>Home</a></aside>"
        f"<div class='story-body'>{STORY}</div></div></body></html>"
    )
    text = extract_text(html, URL)
    assert text.startswith(standfirst + "\n\nThe valley's only bakery reopened")
    assert text.count(standfirst) == 1


def test_a_bold_name_opening_a_paragraph_after_an_image_is_not_a_caption() -> None:
    paragraph = (
        "<p><img src='/dress.jpg' alt='dress'><strong>Lupe Nyoro</strong>'s pearl gown was "
        "taken from her hotel room on Thursday night, the hotel's manager told reporters.</p>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert "Lupe Nyoro's pearl gown was taken from her hotel room" in text


def test_an_index_anchor_opening_a_short_paragraph_does_not_make_it_a_link_line() -> None:
    paragraph = (
        "<p><a data-type='indexterm' id='ix-ovens'></a>There are three reasons to keep a "
        "wood-fired oven, including:</p><ul><li>the crust</li><li>the smell</li></ul>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert "There are three reasons to keep a wood-fired oven, including:" in text


def test_a_paragraph_set_twice_side_by_side_is_read_twice_but_a_rendering_twin_once() -> None:
    refrain = "Bake the bread, share the bread, and bake the bread again tomorrow."
    twin = "The oven was built in 1871 by the miller's son."
    tree = parse_html(
        f"<html><body><div><p>{refrain}</p><p>{refrain}</p></div>"
        f"<div class='desktop'><p>{twin}</p></div><div class='mobile'><p>{twin}</p></div>"
        "</body></html>"
    )
    assert tree is not None
    deliberate = cleanup.repeated_in_place(tree)
    found = [Found(Block(BlockKind.PARAGRAPH, text)) for text in (refrain, refrain, twin, twin)]
    blocks = cleanup.clean(found, "A title", (), deliberate=deliberate)
    assert [block.text for block in blocks] == [refrain, refrain, twin]


def test_byline_and_date_are_read_where_the_page_shows_them() -> None:
    """No JSON-LD, no <meta>: the printed byline and the <time> under the headline say it."""
    header = (
        "<p class='article-byline'>By <a rel='author' href='/staff/ada'>ADA LIND</a> and "
        "<span>Tom Berry</span>, Staff Writer</p>"
        "<time datetime='19 Nov 2019 07:09 GMT'>Tuesday</time>"
    )
    html = article_page("", story=header + STORY)
    article = extract_article(html, URL)
    assert article.authors == ("Ada Lind", "Tom Berry")
    assert article.published == dt.datetime(2019, 11, 19, 7, 9, tzinfo=dt.UTC)
    assert "Staff Writer" not in article.text


def test_a_placeholder_date_in_the_page_data_is_no_date() -> None:
    head = '<meta property="article:published_time" content="0001-01-01T00:00:00Z">'
    assert extract_article(article_page("", head=head), URL).published is None


TWEET = (
    "<blockquote class='twitter-tweet'><p lang='en'>The first loaves are out!<br>Thank you "
    "<a href='https://twitter.com/millhands'>@millhands</a> for five weekends of mud "
    "<a href='https://t.co/AbC123'>pic.twitter.com/AbC123</a></p>&mdash; Valley Bakery "
    "(@valleybakery) <a href='https://twitter.com/valleybakery/status/1'>May 3, 2024</a>"
    "</blockquote><script async src='https://platform.twitter.com/widgets.js'></script>"
)
PHOTO_POST = (
    "<blockquote class='instagram-media'><div><a href='https://www.instagram.com/p/x/'>"
    "<div>View this post on Instagram</div></a><p><a href='https://www.instagram.com/p/x/'>"
    "A post shared by Ada Lind (@adalind)</a></p></div></blockquote>"
)
SKEET = (
    "<blockquote class='bluesky-embed'><p>River wall money found at last: work starts in "
    "June https://valley.example/wall</p>&mdash; Valley Council (@valley.bsky.social) "
    "<a href='https://bsky.app/profile/x/post/1'>June 1, 2024 at 9:02 AM</a></blockquote>"
)


def test_an_embedded_post_is_read_as_a_quotation_without_links_handles_or_dates() -> None:
    article = extract_article(article_page(TWEET + PHOTO_POST + SKEET), URL)
    quotes = [block.text for block in article.blocks if block.kind is BlockKind.QUOTE]
    assert quotes == [
        "Valley Bakery posted: The first loaves are out! Thank you millhands for five "
        "weekends of mud",
        "Valley Council posted: River wall money found at last: work starts in June",
    ]
    for leftover in ("@", "pic.twitter", "t.co", "May 3, 2024", "Instagram", "https"):
        assert leftover not in article.text


CLAIM_REVIEW = """<script type="application/ld+json">{"@context": "https://schema.org",
"@type": "ClaimReview", "claimReviewed": "The new bridge was paid for by a tax on bread.",
"itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Councillor Jo Marsh"}},
"reviewRating": {"@type": "Rating", "ratingValue": 1, "alternateName": "False"}}</script>"""


def test_a_fact_checked_claim_is_framed_with_its_speaker_and_verdict() -> None:
    boxes = (
        "<div class='claim-box'><p>The new bridge was paid for by a tax on bread.</p></div>"
        "<div class='verdict'><span>FALSE</span></div>"
    )
    html = article_page("", head=CLAIM_REVIEW, story=boxes + STORY)
    text = extract_text(html, URL)
    assert text.startswith(
        "The claim, by Councillor Jo Marsh: The new bridge was paid for by a tax on bread. "
        "Verdict: false.\n\nThe valley's only bakery reopened"
    )
    assert text.count("tax on bread") == 1
    assert "FALSE" not in text


def test_a_claim_box_without_its_speaker_or_verdict_is_left_out() -> None:
    box = "<div class='claim'><p>Eating bread at night makes the river rise.</p></div>"
    text = extract_text(article_page("", story=box + STORY), URL)
    assert "river rise" not in text
    assert text.startswith("The valley's only bakery reopened")


def test_a_pull_quote_is_not_read_twice() -> None:
    paragraph = (
        "<p>The baker wiped her hands and said, “We will bake again, flood or no flood,” before "
        "she went back to the ovens.</p>"
        "<figure class='pull'><blockquote><p>“We will bake again, flood or no flood”</p>"
        "</blockquote></figure>"
    )
    text = extract_text(article_page(paragraph), URL)
    assert text.count("We will bake again") == 1


def test_a_data_table_is_read_row_by_row_with_its_column_names() -> None:
    table = (
        "<table><tr><th>Team</th><th>Won</th><th>Lost</th></tr>"
        "<tr><td>Rovers</td><td>6</td><td>5</td></tr>"
        "<tr><td>United</td><td>4</td><td>7</td></tr></table>"
        "<table><tr><td>Opening hours</td><td>7 am to 1 pm</td></tr>"
        "<tr><td>Closed</td><td>Sundays</td></tr></table>"
    )
    article = extract_article(article_page(table), URL)
    items = [block.text for block in article.blocks if block.kind is BlockKind.LIST_ITEM]
    assert items == [
        "Team Rovers, Won 6, Lost 5",
        "Team United, Won 4, Lost 7",
        "Opening hours: 7 am to 1 pm",
        "Closed: Sundays",
    ]


def test_a_stock_quote_widget_is_not_read() -> None:
    widget = (
        "<div class='stock-quote'><table><tr><th>Index</th><th>Last</th><th>Change</th></tr>"
        "<tr><td>Valley 100</td><td>4,012.5</td><td>+0.4%</td></tr></table></div>"
    )
    text = extract_text(article_page(widget), URL)
    assert "Valley 100" not in text and "4,012.5" not in text


def test_a_review_round_up_keeps_the_outlet_under_each_quote() -> None:
    round_up = (
        "<p>Here is what the critics made of the new musical.</p>"
        "<blockquote><p>“A triumph of small-town storytelling.”</p>"
        "<footer>— <cite>The Valley Times</cite></footer></blockquote>"
        "<figure><blockquote><p>“A slow start, then pure joy.”</p></blockquote>"
        "<figcaption>Dale Review</figcaption></figure>"
        "<blockquote><p>“Too long by half.”</p><cite>Hill Country Herald</cite></blockquote>"
    )
    text = extract_text(article_page(round_up), URL)
    for outlet in ("The Valley Times", "Dale Review", "Hill Country Herald"):
        assert outlet in text
    assert text.index("A slow start") < text.index("Dale Review") < text.index("Too long")


def test_inline_pieces_join_as_a_reader_sees_them() -> None:
    from narrate.extraction.body import join_inline

    assert join_inline(["W", "hile the oven"]) == "While the oven"
    assert join_inline(["Nyong", "'", "o's dress"]) == "Nyong'o's dress"
    assert join_inline(["Archived from", "the original"]) == "Archived from the original"
    assert join_inline(["at the end of ", "Wild Rose", ", and"]) == "at the end of Wild Rose, and"
    assert join_inline(["said he.", '"I would not."']) == 'said he. "I would not."'
    assert join_inline(["发表在", "科学", "刊物"]) == "发表在科学刊物"


def test_a_section_named_after_its_own_heading_is_not_furniture() -> None:
    """Documentation pages give each section an id made from its title; a title that
    happens to say "trending" or "sharing" does not make the section furniture."""
    section = (
        "<div class='section' id='trending-breads-this-winter'>"
        "<h2>Trending breads this winter</h2>"
        "<p>On Sundays the bakery lends its ovens to anyone in the valley who brings their own "
        "dough, and a neighbour keeps the fire going until the last loaf is out.</p></div>"
    )
    text = extract_text(article_page(section), URL)
    assert "On Sundays the bakery lends its ovens" in text


def test_gallery_slides_hidden_until_shown_are_the_article() -> None:
    """A gallery article hides each slide by a class until it is shown: together they are
    the text, so they are read; a lone hidden box is still left out."""
    slides = "".join(
        f"<div class='gallery-slide hidden slide-{n}'><h3>Loaf number {n}</h3><p>Slide {n} "
        "shows a loaf from the reopened bakery, shaped by hand and baked in the old stone "
        "oven that the volunteers dug out of the mud this spring.</p></div>"
        for n in range(1, 9)
    )
    page = (
        "<html><head><title>Eight loaves</title></head><body>"
        "<div class='page__with-sidebar'><h1>Eight loaves</h1>"
        f"<p class='intro'>Our favourite breads from the valley this year.</p>{slides}"
        "<div class='promo hidden'><p>Win a year of free bread from the Valley Post, enter "
        "the competition on our website before the end of the month.</p></div>"
        "</div></body></html>"
    )
    text = extract_text(page, URL)
    assert "Slide 1 shows a loaf" in text and "Slide 8 shows a loaf" in text
    assert "Win a year of free bread" not in text
    # A hiding class word may be joined to another ("ssr-hide"), and each slide may sit in a
    # wrapper of its own: the slides are the same.
    wrapped = page.replace(
        "<div class='gallery-slide hidden", "<div><div class='gallery-slide ssr-hide"
    )
    wrapped = wrapped.replace(
        "baked in the old stone oven that the volunteers dug out of the mud this spring.</p></div>",
        "baked in the old stone oven that the "
        "volunteers dug out of the mud this spring.</p></div></div>",
    )
    text = extract_text(wrapped, URL)
    assert "Slide 1 shows a loaf" in text and "Slide 8 shows a loaf" in text


def test_a_section_of_teasers_for_other_stories_is_not_read() -> None:
    teasers = (
        "<h2>Other opinion columns</h2><h3>Why the ferry must stay</h3>"
        "<p>THE ferry has crossed the valley lake for ninety years, and a cheaper bus will not "
        "replace what it gives the villages on the far shore.</p>"
    )
    closing = "<h2>What happens next</h2><p>The council will decide on the river wall in June.</p>"
    html = article_page(teasers + closing, closing="")
    text = extract_text(html, URL)
    assert "Other opinion columns" not in text and "ferry" not in text
    assert text.endswith("What happens next\n\nThe council will decide on the river wall in June.")


def test_a_list_of_other_stories_under_a_heading_naming_the_site_is_not_read() -> None:
    """Each item is half link, half plain words, so only its heading says what it is."""
    teasers = (
        "<h2>More Must-Reads From The Valley Post</h2><ul>"
        "<li><span>Why the </span><a href='/n/ferry'>ferry must stay</a></li>"
        "<li><a href='/n/school'>A new school roof </a><span>before winter?</span></li>"
        "<li><span>Want the week's best stories? Sign up for </span><a href='/n/l'>the letter</a>"
        "</li></ul>"
    )
    text = extract_text(article_page(teasers, closing=""), URL)
    assert "ferry" not in text and "school roof" not in text and "Sign up" not in text
    assert text == extract_text(article_page("", closing=""), URL)


def test_a_linked_point_of_a_list_of_points_is_read() -> None:
    points = (
        "<p>Before buying, ask yourself:</p><ul><li>Is this a planned purchase?</li>"
        "<li><a href='/2019/where-things-go'>Where am I going to put it</a>?</li>"
        "<li>Have I included this in my budget?</li></ul>"
    )
    text = extract_text(article_page(points), URL)
    assert "Where am I going to put it?" in text


def test_a_heading_that_links_to_itself_is_still_a_heading() -> None:
    """Documentation and long reads link each section title to its own anchor (a permalink or a
    way back to the contents); that is not a pointer to another story."""
    section = (
        "<h2 id='the-cellar'><a href='#the-cellar'>What the water did to the cellar</a></h2>"
        "<p>The river came through the cellar door at night and left a foot of mud over the "
        "flour sacks, the coal and the old wooden proving boxes.</p>"
        "<h2 id='repairs'><a href='https://valleypost.example/news/bakery#repairs'>Who paid for "
        "the repairs</a></h2>"
        "<p>The insurance covered the ovens, and a collection at the school paid for new doors "
        "and a pump that starts by itself when the water rises.</p>"
    )
    article = extract_article(article_page(section), URL)
    headings = [block.text for block in article.blocks if block.kind is BlockKind.HEADING]
    assert headings == ["What the water did to the cellar", "Who paid for the repairs"]


def test_a_table_of_prose_rows_reads_each_row_as_one_line() -> None:
    """A list of films (title, year, synopsis) is a data table whose last column is prose: each
    row is one line, the title and year naming the synopsis, and a linked title is part of it."""
    synopsis = (
        "A guard on the last train over the pass wakes every night at the same station, and "
        "each time he tries a little harder to warn the passengers about the bridge ahead."
    )
    table = (
        "<table><caption>Films about the valley</caption>"
        "<tr><th>Film</th><th>Year</th><th>Synopsis</th></tr>"
        f"<tr><td><i><a href='/wiki/Night_Train'>Night Train</a></i></td><td>1964</td>"
        f"<td><p>{synopsis}</p></td></tr>"
        f"<tr><td><a href='/wiki/Flood_Year'>Flood Year</a></td><td>1971</td>"
        f"<td>The baker's daughter keeps a diary of the year the river rose three times, and "
        f"of the neighbours who came each time to carry the sacks up the hill.</td></tr>"
        "</table>"
    )
    article = extract_article(article_page(table), URL)
    items = [block.text for block in article.blocks if block.kind is BlockKind.LIST_ITEM]
    assert items[0] == f"Night Train, 1964: {synopsis}"
    assert items[1].startswith("Flood Year, 1971: The baker's daughter keeps a diary")
    assert len(items) == 2


def test_a_box_labelled_related_inside_the_story_is_not_read() -> None:
    """A one-word heading is the label of its box: a "Related" box named after it is still a
    box of links to other stories (only a longer, sentence-like title names a section)."""
    box = (
        "<div class='story-related-list'><h3>Related</h3><ul><li><a href='/news/mill'>The old "
        "mill by the river will become a museum of bread</a></li></ul></div>"
    )
    text = extract_text(article_page(box), URL)
    assert "old mill" not in text
    assert "Related" not in text


def test_the_opening_is_not_read_twice_when_the_page_words_it_a_little_differently() -> None:
    """The page's own paragraph may carry a word or two the extracted one lost (a link's
    hidden "Opens a new window" label): it is the same opening, not a lead to recover."""
    from narrate.extraction import lead

    opening = (
        "The ferry company said that the island service will run again from May, after a "
        "second engine was found in a boatyard on the mainland."
    )
    page = (
        "<html><body><h1>Island ferry returns in May</h1><div class='intro'><p>The ferry company "
        "<a href='/x'>said<span class='icon'>Opens a new window</span></a> that the island "
        "service will run again from May, after a second engine was found in a boatyard on the "
        "mainland.</p></div></body></html>"
    )
    tree = parse_html(page)
    assert tree is not None
    blocks = [Block(BlockKind.PARAGRAPH, opening), Block(BlockKind.PARAGRAPH, STORY_LINE)]
    assert lead.recover_lead(tree, blocks, "Island ferry returns in May") == blocks


STORY_LINE = "Tickets bought for the spring crossings last year will be honoured, the company said."


def test_a_headline_glued_to_the_first_paragraph_is_not_read_as_its_opening() -> None:
    """The extractor may join the headline and the first paragraph into one block; the title
    is announced on its own, so the paragraph starts where its own first sentence does. A
    paragraph whose first sentence opens with the title's words is left whole."""
    title = "Island ferry returns in May"
    glued = f"{title} The ferry company said the service will run again from the first week."
    kept = cleanup.clean([Found(Block(BlockKind.PARAGRAPH, glued))], title, ())
    assert [block.text for block in kept] == [
        "The ferry company said the service will run again from the first week."
    ]
    opening = f"{title}, the ferry company said on Tuesday, after a second engine was found."
    kept = cleanup.clean([Found(Block(BlockKind.PARAGRAPH, opening))], title, ())
    assert [block.text for block in kept] == [opening]


FURNITURE_LINES = [
    "News date: 04/11/2023 Category: Harbour notices",
    "ferry_times.html - Created 03-10-2004 2:20pm - Last Modified: 03-10-2004 2:20pm",
    "Want to hear when the next sailing is announced? Sign up here",
    "Related Roundup: Island ferries",
    "Related post: How to pack for a night crossing",
    "SUBSCRIBE",
    "copyright Island Post 2024 - ISSN: 1234-5678",
    "Continue reading the main story",
    "Ana Ruiz contributed reporting from the mainland.",
    "Chat with us in Messenger. Find out what's happening on the island as it unfolds.",
    "(Artist: Jo Lee)",
    "Island Post > News > Harbour > Ferry returns in May",
    "Stories » Fables » The Greedy Dog",
    "(Photo courtesy of the Island Post)",
    "https://www.islandpost.example/news/2024/ferry-returns-in-may-5157416",
    "This copy is for your personal, non-commercial use only. Distribution and use of this "
    "material are governed by our Subscriber Agreement and by copyright law. For non-personal "
    "use or to order multiple copies, please contact the Island Post reprints desk by phone "
    "or by letter, or visit the reprints page of our website for the forms.",
    "This article contains affiliate links to products chosen by our editors, and we may "
    "receive a commission when you buy through them, at no extra cost to you. Our writers "
    "choose every product on its merits, and the shops we link to have no say in what we "
    "write about them or in how we rate them against one another.",
]
STORY_LINES = [
    "The fund, created on 3 May 2020 by the council, paid for the new pier.",
    "Islanders who want to sign up for the night crossing can do so at the harbour office.",
    "Copyright law changed in 1998, and the island archive had to ask each author again.",
    "Talk to us about the crossing, the harbour master told the council, and we will listen.",
    "(Source of the figures: the harbour office.) The ferry carried 40,000 people last year.",
    "Crossings > 40 a week > last year's total, the harbour office said.",
    "Related trips are cheaper: the ferry company sells a return with the bus to the castle.",
]


def test_lines_of_page_furniture_are_known_by_their_words() -> None:
    from narrate.extraction.boilerplate import is_furniture_text

    assert all(is_furniture_text(line) for line in FURNITURE_LINES)
    assert not any(is_furniture_text(line) for line in STORY_LINES)


def test_a_heading_whose_section_the_declared_body_disowns_goes_with_it() -> None:
    """When the page's own articleBody vouches for none of a section's paragraphs (a review
    box, a promotion), the section's heading is not read on its own either."""
    from narrate.extraction import crosscheck

    story = [
        "The ferry to the island stopped running in March, when its only engine failed.",
        "A new engine costs more than the ferry earns in three summers, the harbour master said.",
        "Until the money is found, the children cross to school in a fishing boat each morning.",
    ]
    blocks = [
        Block(BlockKind.PARAGRAPH, story[0]),
        Block(BlockKind.HEADING, "Our verdict", level=3),
        Block(BlockKind.PARAGRAPH, "Four stars for the crossing, two for the coffee on board."),
        Block(BlockKind.HEADING, "What happens next", level=3),
        Block(BlockKind.PARAGRAPH, story[1]),
        Block(BlockKind.PARAGRAPH, story[2]),
    ]
    declared = " ".join(story * 3)
    kept = crosscheck.against_declared(blocks, declared)
    assert [block.text for block in kept] == [story[0], "What happens next", *story[1:]]
    # Lists and quotations are not judged: declared bodies leave them out.
    extras = [
        Block(
            BlockKind.LIST_ITEM,
            "The crossing takes forty minutes in a calm sea, an hour in a storm.",
        ),
        Block(
            BlockKind.QUOTE, "Island Post posted: the ferry is back, and so is the coffee on board."
        ),
    ]
    assert crosscheck.against_declared([*blocks[4:], *extras], declared)[-2:] == extras


def test_a_code_listing_is_not_read_but_preformatted_prose_is() -> None:
    """A program or a terminal's output read symbol by symbol means nothing to a listener; a
    poem or a letter set in <pre> is text like any other."""
    listing = (
        "<p>The bakery's new oven is driven by a small program on a board by the door:</p>"
        "<pre><code>def bake(loaves: int) -&gt; None:\n    for n in range(loaves):\n"
        "        oven.heat(220)  # degrees\n        oven.wait({'minutes': 35})\n</code></pre>"
        "<p>The baker says the program has not burnt a loaf since it was switched on.</p>"
        "<pre>The river came up the lane at night,\nand filled the cellar to the stair;\n"
        "by morning all the flour was white\nas water, and the ovens bare.</pre>"
    )
    text = extract_text(article_page(listing), URL)
    assert "oven.heat" not in text and "range(loaves)" not in text
    assert "has not burnt a loaf" in text
    assert "The river came up the lane at night" in text


def test_teasers_under_a_related_label_are_left_out_down_to_the_story_s_next_section() -> None:
    """Under a "Related" label, each teaser's linked title is a heading of the same rank: it
    does not end the teaser section; a heading of the story's own does."""
    story = "The ferry to the island stopped running in March, when its only engine failed."
    excerpt = "The lighthouse keeper retires after forty years on the rock, and nobody applies."
    found = [
        Found(Block(BlockKind.PARAGRAPH, story)),
        Found(Block(BlockKind.HEADING, "Related", level=3)),
        Found(Block(BlockKind.HEADING, "Lighthouse keeper retires", level=3), link_share=1.0),
        Found(Block(BlockKind.PARAGRAPH, excerpt)),
        Found(Block(BlockKind.HEADING, "What the council decided", level=3)),
        Found(Block(BlockKind.PARAGRAPH, story.replace("March", "April"))),
    ]
    kept = cleanup.clean(found, "Island ferry stops", ())
    assert [block.text for block in kept] == [
        story,
        "What the council decided",
        story.replace("March", "April"),
    ]
    # An article's own headline is never a teaser label, whatever it says.
    headline = Found(Block(BlockKind.HEADING, "Don't miss", level=1), headline=True)
    kept = cleanup.clean([headline, found[0]], "Don't miss", ())
    assert [block.text for block in kept] == [story]


def test_a_story_is_not_rebuilt_from_look_alike_containers_that_lose_part_of_it() -> None:
    """Chunks of a story share a tag and class; so do many layout boxes ("text-left"). A
    rebuild from them that would lose a paragraph already found is not made."""
    from narrate.extraction import chunks

    ours = [
        "The ferry to the island stopped running in March, when its only engine failed at sea.",
        "A new engine costs more than the ferry earns in three summers, the harbour master said.",
        "Until the money is found, the children cross to school in a fishing boat each morning.",
    ]
    teaser = (
        "The lighthouse keeper retires after forty years on the rock, and nobody has applied "
        "for the job, which comes with a cottage, a boat and a view of the whole bay. " * 3
    )
    page = (
        f"<html><body><div class='intro'><p>{ours[0]}</p></div>"
        f"<div class='text-left'><p>{ours[1]}</p><p>{ours[2]}</p></div>"
        f"<div class='text-left'><p>{teaser}</p></div></body></html>"
    )
    tree = parse_html(page)
    assert tree is not None
    found = [Found(Block(BlockKind.PARAGRAPH, text)) for text in ours]
    assert chunks.rejoin(tree, found, URL) == found


def test_a_story_laid_out_in_a_table_cell_keeps_its_headings_and_paragraphs() -> None:
    """Old sites lay the whole page out in a table: the cell holding the story is read as the
    story's own blocks, not as one run of text."""
    cell = (
        "<h2>What the water did to the cellar</h2>"
        "<p>The river came through the cellar door at night and left a foot of mud over the "
        "flour sacks, the coal and the old wooden proving boxes.</p>"
        "<p>The insurance covered the ovens, and a collection at the school paid for new doors "
        "and a pump that starts by itself when the water rises.</p>"
    )
    table = f"<table><tr><td>{cell}</td><td></td></tr></table>"
    article = extract_article(article_page(table), URL)
    blocks = [(block.kind, block.text[:20]) for block in article.blocks]
    assert (BlockKind.HEADING, "What the water did t") in blocks
    assert (BlockKind.PARAGRAPH, "The river came throu") in blocks
    assert (BlockKind.PARAGRAPH, "The insurance covere") in blocks
