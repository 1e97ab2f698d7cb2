"""Clips to an audio file: assembling, levelling, encoding, formats and ID3 tags."""
