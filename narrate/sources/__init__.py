"""Where an article comes from: URLs, files and standard input, decoded; the HTTP cache; the
article's cover image."""
