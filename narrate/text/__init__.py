"""Text to a script: sentences, over-long sentences cut at clauses, and what is said in what
order."""
