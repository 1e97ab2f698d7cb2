"""The `narrate` command and its subcommands: a thin shell over narrate.pipeline."""

from narrate.cli.commands import main

__all__ = ["main"]
