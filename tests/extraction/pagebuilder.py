"""Small article pages written for the tests: a head, a headline and a story around the
markup under test, so that each test shows only the part it is about."""

from __future__ import annotations

STORY = (
    "<p>The valley's only bakery reopened on Monday after a spring flood had filled its cellar "
    "with mud, and by seven the queue reached the bridge.</p>"
    "<p>Volunteers from three villages spent five weekends carrying out the ruined sacks of "
    "flour and scrubbing the old stone ovens until they could be lit again.</p>"
    "<p>The baker said the first loaves were given away to everyone who had helped, and that "
    "the usual prices would return once the insurance money had arrived.</p>"
)
CLOSING = (
    "<p>The council has promised to raise the river wall before next winter, although the "
    "money for the work has not yet been found.</p>"
)


def article_page(
    body: str,
    *,
    head: str = "",
    title: str = "Valley bakery reopens after the flood",
    story: str = STORY,
    closing: str = CLOSING,
) -> str:
    """A page with ``body`` between the opening story paragraphs and a closing one."""
    return (
        f"<html lang='en'><head><title>{title} | Valley Post</title>"
        '<meta property="og:type" content="article">'
        f"{head}</head><body><header><nav><a href='/'>Home</a></nav></header>"
        f"<main><article><h1>{title}</h1>{story}{body}{closing}</article></main>"
        "<footer><p>Valley Post, 4 Mill Lane</p></footer></body></html>"
    )
