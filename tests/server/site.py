"""Articles written for these tests, as a small news site would serve them (no real site's text)."""

from __future__ import annotations

import html
import json

ARTICLES = {
    "ferry-timetable": (
        "Night ferry returns to the winter timetable",
        "Mara Quill",
        [
            "The night ferry between the two harbours will run again from the first week of "
            "December. The operator said the crossing had been missed by shift workers.",
            "Boats will leave every ninety minutes until midnight. Tickets bought on board "
            "will cost the same as those bought at the terminal.",
            "Residents of the island welcomed the news. Some had waited two winters for it.",
        ],
    ),
    "orchard-cider": (
        "Village orchard presses its first cider in a decade",
        "Tomas Wren",
        [
            "Volunteers gathered apples from forty old trees over three weekends. The press "
            "was borrowed from a farm across the valley.",
            "The cider will be sold at the spring fair. Any profit goes to planting new trees.",
        ],
    ),
    "tram-depot": (
        "Tram depot opens its doors for a weekend",
        "Ines Harlow",
        [
            "Visitors can walk through the workshop where the city's trams are repaired. "
            "Guides will explain how a bogie is lifted and turned.",
            "The oldest tram in the collection will carry passengers around the yard. "
            "It was built before the river bridge.",
        ],
    ),
    "school-garden": (
        "Pupils grow beans on the school roof",
        "Olu Bright",
        [
            "A garden of raised beds now covers part of the school roof. Each class looks "
            "after one bed through the summer term.",
            "Teachers say the pupils measure the plants every morning. The tallest bean is "
            "already taller than the head teacher.",
        ],
    ),
    "river-swim": (
        "Swimmers cross the river for the hospital",
        "Petra Vale",
        [
            "Sixty swimmers crossed the river on Sunday morning. The water was cold but calm.",
            "They raised money for the children's ward. The youngest swimmer was twelve.",
        ],
    ),
    "harbour-note": (
        "The harbour master's note on the storm season",
        "Ada Stone",
        [
            "The harbour master wrote a long note about the storm season this year. "
            '<img src=x onerror="window.pwned=1"> stays text.',
            "The lighthouse keeper agreed with every word of it and added a few more. "
            "Both asked the council for a new sea wall before the spring tides.",
        ],
    ),
}


def page(slug: str) -> str:
    title, author, paragraphs = ARTICLES[slug]
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
            "author": {"@type": "Person", "name": author}, "datePublished": "2026-11-20T08:00:00Z",
            "publisher": {"@type": "Organization", "name": "The Harbour Herald"}}  # fmt: skip
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | The Harbour Herald</title>
<meta property="og:site_name" content="The Harbour Herald">
<script type="application/ld+json">{json.dumps(data)}</script></head>
<body><header><nav><a href="/">Home</a> <a href="/news/">News</a></nav></header>
<main><article><h1>{html.escape(title)}</h1><p class="byline">By {html.escape(author)}</p>
{body}</article></main><footer><p>The Harbour Herald</p></footer></body></html>"""
