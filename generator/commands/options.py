"""Argument types more than one command reads alike."""

from __future__ import annotations

import argparse
import math
from typing import Callable

from ..quoting import quoted


def limit(text: str) -> int:
    """A --limit: how many to list, 0 for all (as `gaps` and `search` read it); a
    negative one is refused, not taken as "none"."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {quoted(text)}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 (all) or more, not {value}")
    return value


def number(
    least: int, most: int | None = None, *, above: bool = False, unit: str = "", whole: bool = False
) -> Callable[[str], float]:
    """An option's type: a number from ``least`` (more than it, if ``above``) up to
    ``most``, a whole one if ``whole``; out of range it is refused as a wrong type is
    (argparse: exit 2, the option and the value named). 'nan' and 'inf' are refused: no
    comparison holds for 'nan', so 'not below 0' passed it, and no socket waits 'inf'."""
    rule = f"{'more than' if above else ''} {least}{'' if above else ' or more'}".strip()
    rule += f" and at most {most}" if most is not None else ""
    rule += f" ({unit})" if unit else ""

    def read(text: str) -> float:
        try:
            value = int(text) if whole else float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a {'whole ' if whole else ''}number: {quoted(text)}") from None
        fits = (value > least if above else value >= least) and (most is None or value <= most)
        if not (math.isfinite(value) and fits):
            raise argparse.ArgumentTypeError(f"must be {rule}, not {text}")
        return value

    return read

