"""Warning the listener when the voice does not speak the article's language."""

from __future__ import annotations

from narrate.model import Article

_NAMES = {
    "ar": "Arabic",
    "bg": "Bulgarian",
    "ca": "Catalan",
    "cs": "Czech",
    "cy": "Welsh",
    "da": "Danish",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fi": "Finnish",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "hu": "Hungarian",
    "id": "Indonesian",
    "is": "Icelandic",
    "it": "Italian",
    "ja": "Japanese",
    "ka": "Georgian",
    "kk": "Kazakh",
    "ko": "Korean",
    "lb": "Luxembourgish",
    "lv": "Latvian",
    "ms": "Malay",
    "ne": "Nepali",
    "nl": "Dutch",
    "no": "Norwegian",
    "nb": "Norwegian Bokmål",
    "pl": "Polish",
    "pt": "Portuguese",
    "ro": "Romanian",
    "ru": "Russian",
    "sk": "Slovak",
    "sl": "Slovenian",
    "sr": "Serbian",
    "sv": "Swedish",
    "sw": "Swahili",
    "tr": "Turkish",
    "uk": "Ukrainian",
    "vi": "Vietnamese",
    "zh": "Chinese",
}


def language_name(tag: str) -> str:
    """ "de-AT" -> "German"; the tag itself when the language is not in the table."""
    primary = tag.split("-")[0].lower()
    return _NAMES.get(primary, tag)


def language_warning(article: Article, voice_language: str) -> str | None:
    """A one-line warning when the article's declared language is not the voice's, else None.

    Languages are compared on their primary subtag, so an en-GB article read by an en_US voice
    draws no warning; an article that declares no language draws none either.
    """
    if not article.language or not voice_language:
        return None
    ours = article.language.replace("_", "-").split("-")[0].lower()
    voice = voice_language.replace("_", "-").split("-")[0].lower()
    if ours == voice:
        return None
    return (
        f"this article is in {language_name(ours)} ({article.language}) but the voice speaks "
        f"{language_name(voice)}; it will be read with {language_name(voice)} pronunciation "
        f"(choose a {language_name(ours)} voice with --voice)"
    )
