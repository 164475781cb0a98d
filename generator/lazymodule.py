"""A module imported when a caller first asks it for an attribute, not when its importer is.

numpy is 0.13-0.15 s of a new process's CPU on the benchmark machine (BENCHMARKS.md, the
fifty-eighth session), and only related papers compute with it: a rerun whose titles,
abstracts and related links did not change (a notes or status edit, no edit at all) never
does, and MkDocs never imports it. `related.py` and `cosines.py` name numpy `np` through a
`LazyModule`, which imports it at the first ``np.anything`` and then puts the module itself
in place of the stand-in in its importer's globals, so that every later ``np.zeros`` is a
plain global look-up, as with ``import numpy as np``.

(Not `importlib.util.LazyLoader`: it puts a half-made module in ``sys.modules`` that
every other importer of numpy (scipy, scikit-learn, an unpickled array) would share, and
in Python 3.11 its first use is not safe across threads, which `serve`'s warm-up is.)
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Module ``name``, imported at its first attribute asked; ``home`` is the globals
    of the importing module, whose name ``alias`` is then bound to the module itself."""

    __slots__ = ("_name", "_home", "_alias")

    def __init__(self, name: str, home: dict[str, Any], alias: str) -> None:
        self._name, self._home, self._alias = name, home, alias

    def __getattr__(self, attribute: str) -> Any:
        module = self.load()
        return getattr(module, attribute)

    def load(self) -> ModuleType:
        module = importlib.import_module(self._name)  # (the import lock: one thread imports)
        if self._home.get(self._alias) is self:
            self._home[self._alias] = module
        return module
