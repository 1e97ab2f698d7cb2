"""Spoken segments: the voice catalogue, the Piper voice and its optimised model, word timings,
the lexicon, and synthesis with its segment cache."""
