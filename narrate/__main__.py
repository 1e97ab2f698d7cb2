"""`python -m narrate` is the `narrate` command."""

from narrate.cli.commands import main

main()
