"""Apple Podcasts' categories (https://podcasters.apple.com/support/1691-apple-podcasts-categories).

itunes:category must name one of these exactly; a subcategory must belong to its category.
"""

from __future__ import annotations

from narrate.errors import FeedError

CATEGORIES: dict[str, tuple[str, ...]] = {
    "Arts": ("Books", "Design", "Fashion & Beauty", "Food", "Performing Arts", "Visual Arts"),
    "Business": ("Careers", "Entrepreneurship", "Investing", "Management", "Marketing",
                 "Non-Profit"),
    "Comedy": ("Comedy Interviews", "Improv", "Stand-Up"),
    "Education": ("Courses", "How To", "Language Learning", "Self-Improvement"),
    "Fiction": ("Comedy Fiction", "Drama", "Science Fiction"),
    "Government": (),
    "History": (),
    "Health & Fitness": ("Alternative Health", "Fitness", "Medicine", "Mental Health",
                         "Nutrition", "Sexuality"),
    "Kids & Family": ("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids"),
    "Leisure": ("Animation & Manga", "Automotive", "Aviation", "Crafts", "Games", "Hobbies",
                "Home & Garden", "Video Games"),
    "Music": ("Music Commentary", "Music History", "Music Interviews"),
    "News": ("Business News", "Daily News", "Entertainment News", "News Commentary", "Politics",
             "Sports News", "Tech News"),
    "Religion & Spirituality": ("Buddhism", "Christianity", "Hinduism", "Islam", "Judaism",
                                "Religion", "Spirituality"),
    "Science": ("Astronomy", "Chemistry", "Earth Sciences", "Life Sciences", "Mathematics",
                "Natural Sciences", "Nature", "Physics", "Social Sciences"),
    "Society & Culture": ("Documentary", "Personal Journals", "Philosophy", "Places & Travel",
                          "Relationships"),
    "Sports": ("Baseball", "Basketball", "Cricket", "Fantasy Sports", "Football", "Golf",
               "Hockey", "Rugby", "Running", "Soccer", "Swimming", "Tennis", "Volleyball",
               "Wilderness", "Wrestling"),
    "Technology": (),
    "True Crime": (),
    "TV & Film": ("After Shows", "Film History", "Film Interviews", "Film Reviews", "TV Reviews"),
}  # fmt: skip


def parse_category(text: str) -> tuple[str, str]:
    """'News' or 'News/Politics' (also 'News > Politics'), any case, as Apple spells them."""
    parts = [p.strip() for p in text.replace(">", "/").split("/", 1)]
    names = {name.lower(): name for name in CATEGORIES}
    category = names.get(parts[0].lower())
    if category is None:
        raise FeedError(
            f"unknown category {parts[0]!r}: choose one of Apple's: {', '.join(CATEGORIES)}"
        )
    if len(parts) == 1 or not parts[1]:
        return category, ""
    subs = {name.lower(): name for name in CATEGORIES[category]}
    sub = subs.get(parts[1].lower())
    if sub is None:
        known = ", ".join(CATEGORIES[category]) or "none"
        raise FeedError(f"unknown subcategory {parts[1]!r} of {category}: choose one of {known}")
    return category, sub
