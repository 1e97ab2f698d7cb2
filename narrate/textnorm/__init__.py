"""The text normaliser: written forms to what a narrator says, one sub-package a language.

normalize("Dr. Smith paid $1.5bn on Jan. 10")
-> "Doctor Smith paid one point five billion dollars on January tenth"
"""

from __future__ import annotations

from narrate.textnorm.en import Lexicon, normalize, unspoken_tokens

__all__ = ["Lexicon", "normalize", "unspoken_tokens"]
