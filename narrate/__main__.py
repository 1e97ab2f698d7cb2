"""`python -m narrate` is the `narrate` command."""

from narrate.cli import main

main()
