"""Argument types more than one command reads alike."""

from __future__ import annotations

import argparse
import sys
from typing import NoReturn


def limit(text: str) -> int:
    """A --limit: how many to list, 0 for all (as `gaps` and `search` read it); a
    negative one is refused, not taken as "none"."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (all) or more, not {value}")
    return value


def refuse(message: str) -> NoReturn:
    """Stops on an option's value out of its range, with the exit status argparse gives a
    wrong option (2): 1 is a command's own answer, such as `links`' "a link is dead"."""
    print(message, file=sys.stderr)
    raise SystemExit(2)
