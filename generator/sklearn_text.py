"""scikit-learn's text features, imported without scipy.stats until something uses it.

`import sklearn.feature_extraction.text` takes most of a second, and a rerun in a new
process after a title or abstract edit pays it whole (BENCHMARKS.md). About 0.3 s of it
is scipy.stats, which `sklearn.utils.fixes` imports at the top and uses only inside
functions that text features never call. So before scikit-learn is first imported, the
module is put in `sys.modules` unexecuted, and runs in place (the same module object,
as Python's `importlib.util.LazyLoader` does) on the first read of an attribute it
lacks: whoever does use scipy.stats gets the real module, a moment later.

`LazyLoader` itself saves nothing on Python 3.11: the `import scipy.stats` statement
reads the module's `__spec__` to see whether it is still initialising, and any
attribute read runs a `LazyLoader` module. A module whose attributes so far are only
the ones the import system sets (`__spec__`, `__path__`, ...) passes that check.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import types

_DEFERRED = "scipy.stats"
_LOCK = threading.RLock()
_running: set[str] = set()


class _Deferred(types.ModuleType):
    """A module not run yet: the first missing attribute runs it, in place."""

    def __getattr__(self, name: str):
        # (Only called for attributes not in the module's dict: the import system's own
        # ones are there already and do not run it.)
        if not _run(self):
            raise AttributeError(f"partially initialized module {self.__name__!r} has no attribute {name!r}")
        return getattr(self, name)

    def __dir__(self):
        _run(self)
        return sorted(self.__dict__)


def _run(module: types.ModuleType) -> bool:
    """Run a deferred module once; False when it is running in this very thread (its own
    imports read its attributes: `from . import _stats_py`), which must find it as
    Python leaves a module half run. Another thread waits until it has run."""
    with _LOCK:
        if type(module) is not _Deferred:
            return True
        name = module.__spec__.name
        if name in _running:
            return False
        _running.add(name)
        try:
            module.__spec__.loader.exec_module(module)
        except BaseException:
            # As a failed import: the module goes, and the next import tries again.
            if sys.modules.get(name) is module:
                del sys.modules[name]
            raise
        finally:
            _running.discard(name)
            module.__class__ = types.ModuleType
        return True


def _defer(name: str) -> None:
    if name in sys.modules:
        return  # (already imported by someone: nothing to save)
    parent_name, _, child = name.rpartition(".")
    parent = importlib.import_module(parent_name)
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    module = importlib.util.module_from_spec(spec)
    module.__class__ = _Deferred
    sys.modules[name] = module
    setattr(parent, child, module)  # (as an import binds a submodule to its package)


def text_module() -> types.ModuleType:
    """`sklearn.feature_extraction.text`, imported with scipy.stats deferred."""
    if "sklearn.feature_extraction.text" not in sys.modules:
        _defer(_DEFERRED)
    import sklearn.feature_extraction.text

    return sklearn.feature_extraction.text
