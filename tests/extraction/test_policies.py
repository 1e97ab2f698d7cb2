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
