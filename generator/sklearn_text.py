"""scikit-learn's text features and scipy's sparse matrices, imported without the modules
they import and never use (scipy.stats, four of numpy's, scipy's rotations, scikit-learn's
preprocessing, most of scipy's linear algebra, graph algorithms and special functions)
until something uses them.

`import sklearn.feature_extraction.text` takes most of a second, and a rerun in a new
process after a title or abstract edit pays it whole (BENCHMARKS.md). About 0.3 s of it
is scipy.stats, which `sklearn.utils.fixes` imports at the top and uses only inside
functions that text features never call. And scipy's array API layer (scikit-learn's
too) runs `from numpy import *`, which imports every numpy submodule; f2py, ma, testing
and polynomial (0.04 s) serve neither text features nor sparse matrices. scipy.spatial
imports its `transform` (rotations, with scipy.constants), which text features never
use. So from the first call of `sparse_module` or `text_module` on, an import of such
a module makes it as any import does (in `sys.modules`, bound to its package, under the
import system's own lock: another thread's import of it is never replaced), but does
not run it (`_Unrun`); it runs in place (the same module object, as Python's
`importlib.util.LazyLoader` does) on the first read of an attribute it lacks: whoever
does use one gets the real module, a moment later. One of its submodules imported
first ("from scipy.stats.distributions import norm") runs it first, as Python runs a
package before its submodules (`_Finder`). A module already imported is left as it is.
(Threads: a thread that reads a deferred module another thread is running waits for
that run, as an import waits for a module another thread imports, but not when the
run waits for an import lock the thread holds: it then finds the module half run, as
Python leaves a module to a concurrent circular import (`_run`, which looks for such a
wait in the import system's own record of who waits for which lock). Before, a thread
importing scipy.stats.distributions while another ran scipy.stats hung both. Still,
asyncio, which joblib's `memory` imports for its coroutine checks, is not deferred: a
process's other code uses it from threads, and a thread's first `asyncio.run` while
another imported `asyncio.subprocess` hung both, to save some 0.006 s.)

`LazyLoader` itself saves nothing on Python 3.11: the `import scipy.stats` statement
reads the module's `__spec__` to see whether it is still initialising, and any
attribute read runs a `LazyLoader` module. A module whose attributes so far are only
the ones the import system sets (`__spec__`, `__path__`, ...) passes that check.
(Modules whose attributes scikit-learn reads as it is imported, joblib, narwhals, gain
nothing from this: they run at once. scipy.optimize, which scikit-learn's preprocessing
imports, is not imported at all while preprocessing waits.)

Packages scikit-learn reads a name or two of as it is imported (sklearn.preprocessing's
`normalize`, scipy.sparse.csgraph's `laplacian`, scipy.linalg's `get_lapack_funcs`, ...)
are deferred all the same (0.08-0.1 s of the import's CPU): such a name is taken from the
submodule that defines it (`_PARTS`), imported on its own as Python imports a submodule
while its package's `__init__` still runs; another name runs the package. A part that
needs more of its package (another version of the library) fails to import, and the
package runs whole then. (While a thread imports a part, the package is in its hand as
while it runs it: the part's reads of the package find it half run, and wait for no
other thread's run of it.)
"""

from __future__ import annotations

import importlib
import importlib._bootstrap
import importlib.abc
import importlib.machinery
import sys
import threading
import types

# Deferred packages of which scikit-learn reads a name or two as it is imported: package
# -> {such a name: the submodule that defines it}. The name is taken from that submodule
# alone (`_part`); the package runs on the first read of another.
_PARTS = {
    # text.py's `normalize`: the package imports all of preprocessing, its splines with
    # scipy.interpolate and scipy.optimize.
    "sklearn.preprocessing": {"normalize": "sklearn.preprocessing._data"},
    # sklearn.utils.fixes' `laplacian` (scipy.sparse imports the package for backward
    # compatibility): all graph algorithms.
    "scipy.sparse.csgraph": {"laplacian": "scipy.sparse.csgraph._laplacian"},
    # preprocessing._data's: special functions' package imports orthogonal polynomials,
    # which import scipy.linalg.
    "scipy.special": {"boxcox": "scipy.special._ufuncs", "inv_boxcox": "scipy.special._ufuncs"},
    # sklearn.utils.fixes' `cg` and the laplacian's `LinearOperator`: the package imports
    # its eigensolvers, matrix functions and every iterative solver (these scipy.linalg
    # whole); the conjugate gradient needs one function of LAPACK's.
    "scipy.sparse.linalg": {"cg": "scipy.sparse.linalg._isolve", "LinearOperator": "scipy.sparse.linalg._interface"},
    "scipy.sparse.linalg._isolve": {"cg": "scipy.sparse.linalg._isolve.iterative"},
    "scipy.linalg": {"get_lapack_funcs": "scipy.linalg.lapack"},
}
_DEFERRED = frozenset({
    "numpy.f2py", "numpy.ma", "numpy.testing", "numpy.polynomial", "scipy.stats", "scipy.spatial.transform",
    # scikit-learn's input checks (`validate_data`: is it a dataframe?) read narwhals, and
    # only they: tokenising alone never does, and a title edit that moves no vector
    # (related.py) calls no check. Its package, `stable` and `v2` are what `import
    # narwhals.stable.v2 as nw` binds (0.015-0.04 s of CPU).
    "narwhals", "narwhals.stable", "narwhals.stable.v2",
    *_PARTS,
})
_LOCK = threading.RLock()  # (`_defer_unused`)
# Guards the two maps below; notified when a deferred module has run.
_RUNS = threading.Condition(threading.Lock())
_running: dict[str, int] = {}  # module name -> the thread running it
_waiting: dict[int, str] = {}  # thread -> the deferred module it waits for another thread to run
# (package, thread) importing one of the package's parts; only that thread adds or
# removes its own, and only it asks (`_in_hand`).
_parting: set[tuple[str, int]] = set()
_WHOLE = object()  # (`_part`: the package is to run whole)
# How often a thread waiting for a run looks again whether that run waits for it (its
# import lock); Python's own wait for a module lock is told no more than our wait is.
_LOOK_AGAIN = 0.02


class _Deferred(types.ModuleType):
    """A module not run yet: the first missing attribute runs it, in place."""

    def __getattr__(self, name: str):
        # (Only called for attributes not in the module's dict: the import system's own
        # ones are there already and do not run it.)
        part = _PARTS.get(self.__spec__.name, {}).get(name)
        if part is not None and (value := _part(self, part, name)) is not _WHOLE:
            return value
        if not _run(self):
            raise AttributeError(f"partially initialized module {self.__name__!r} has no attribute {name!r}")
        return getattr(self, name)

    def __dir__(self):
        _run(self)
        return sorted(self.__dict__)


def _part(package: types.ModuleType, part: str, name: str) -> object:
    """``name`` from the submodule ``part`` of a deferred package, which stays unrun:
    the very object the package's run binds (tests/test_sklearn_text.py). `_WHOLE` when
    the part needs more of its package than its submodules (another version of the
    library): the package is then run whole, as for any other name. (While the part is
    imported, the package is in this thread's hand, as while it runs: `_in_hand`.)"""
    key = (package.__spec__.name, threading.get_ident())
    nested = key in _parting
    _parting.add(key)
    try:
        value = getattr(importlib.import_module(part), name)
    except (ImportError, AttributeError):
        # (The failed submodule is out of sys.modules again, as after any failed import.)
        if nested:
            raise
        return _WHOLE
    finally:
        if not nested:
            _parting.discard(key)
    setattr(package, name, value)
    return value


def _in_hand(name: str, me: int) -> bool:
    """Whether thread ``me`` runs the deferred module ``name`` or imports a part of it:
    the imports it makes meanwhile find the module half run, as Python leaves a package
    to the imports its `__init__` makes ("from scipy.linalg import _fblas": the import
    system then imports the submodule)."""
    return _running.get(name) == me or (name, me) in _parting


def _run(module: types.ModuleType, wait: bool = True) -> bool:
    """Run a deferred module once; False when this very thread runs it or imports a part
    of it (`_in_hand`: its imports read its attributes, `from . import _stats_py`),
    which must find it as Python leaves a module half run. Another thread waits until it
    has run (unless not ``wait``: then False at once), but not when that run waits,
    through import locks and other runs, for one this thread holds: then False too, as
    Python leaves a module half run to a thread whose import the module's own imports
    wait for (a submodule imported while the package runs: "from
    scipy.stats.distributions import norm", whose `from . import _continuous_distns`
    read the package, in one thread, and the package's `from . import distributions` in
    another, waited for each other for good)."""
    name = module.__spec__.name
    me = threading.get_ident()
    with _RUNS:
        while True:
            if type(module) is not _Deferred:
                return True
            if _in_hand(name, me):
                return False
            runner = _running.get(name)
            if runner is None:
                _running[name] = me
                break
            if not wait or _waits_for(runner, me):
                return False
            _waiting[me] = name
            try:
                _RUNS.wait(_LOOK_AGAIN)
            finally:
                del _waiting[me]
    try:
        module.__spec__.loader.exec_module(module)
    except BaseException:
        # As a failed import: the module goes, and the next import tries again.
        if sys.modules.get(name) is module:
            del sys.modules[name]
        raise
    finally:
        with _RUNS:
            del _running[name]
            module.__class__ = types.ModuleType
            _RUNS.notify_all()
    return True


def _waits_for(thread: int, me: int) -> bool:
    """Whether ``thread`` waits, through module import locks (the import system's own
    record of who waits for which lock) and deferred runs (`_waiting`), for ``me``.
    (Called under `_RUNS`.)"""
    blocking_on = getattr(importlib._bootstrap, "_blocking_on", {})  # type: ignore[attr-defined]
    seen: set[int] = set()
    ahead = [thread]
    while ahead:
        tid = ahead.pop()
        if tid == me:
            return True
        if tid in seen:
            continue
        seen.add(tid)
        # (A lock on 3.11, a list of them on 3.12 and later.)
        locks = blocking_on.get(tid)
        for lock in locks if isinstance(locks, list) else [locks] if locks is not None else []:
            if (owner := getattr(lock, "owner", None)) is not None:
                ahead.append(owner)
        if (waited := _waiting.get(tid)) is not None and (runner := _running.get(waited)) is not None:
            ahead.append(runner)
    return False


class _Finder:
    """Finds a deferred module when it is first imported, and a deferred package's
    submodule imported before the package has run."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name in sys.modules:
            return None  # (an import looks only for what is not there: this is a reload, which runs it)
        if name in _DEFERRED:
            return _deferred_spec(name, path, target)
        # "from scipy.stats.distributions import norm": the package runs first, as Python
        # runs a package before its submodules, else the submodule ran first and failed
        # on its circular imports. (Not while the package is in this thread's hand: its
        # own imports, or a part's.)
        package = sys.modules.get(name.rpartition(".")[0])
        if type(package) is not _Deferred or _in_hand(package.__spec__.name, threading.get_ident()):
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)  # type: ignore[arg-type]
        if spec is None or spec.loader is None:
            return None
        spec.loader = _PackageFirst(spec.loader, package)
        return spec


def _deferred_spec(name: str, path: object, target: object) -> importlib.machinery.ModuleSpec | None:
    spec = importlib.machinery.PathFinder.find_spec(name, path, target)  # type: ignore[arg-type]
    # (Only Python source: an extension module's code runs when it is created.)
    if spec is None or type(spec.loader) is not importlib.machinery.SourceFileLoader:
        return None
    spec.loader = _Unrun(spec.loader)
    return spec


class _Unrun(importlib.abc.Loader):
    """A deferred module's loader: the import system creates the module, binds it to
    its package and puts it in `sys.modules` as for any import (under its own import
    lock: no other thread's import of it is replaced), but its code is not run."""

    def __init__(self, loader: importlib.abc.Loader) -> None:
        self.loader = loader

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        module.__loader__ = module.__spec__.loader = self.loader  # (`_run` runs it with this one)
        module.__class__ = _Deferred


class _PackageFirst(importlib.abc.Loader):
    """A submodule's loader that runs its deferred package first, which may import the
    submodule itself: then that module is the one imported, not run a second time."""

    def __init__(self, loader: importlib.abc.Loader, package: types.ModuleType) -> None:
        self.loader, self.package = loader, package
        self.existing: tuple[types.ModuleType, object] | None = None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        # (Not waiting for another thread that runs the package: this one holds the
        # submodule's import lock, which that run may need; the submodule is then imported
        # as Python imports it while its package is half run.)
        _run(self.package, wait=False)
        if (existing := sys.modules.get(spec.name)) is not None:
            self.existing = (existing, existing.__spec__)
            return existing
        return self.loader.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        if self.existing is not None and self.existing[0] is module:
            module.__spec__ = self.existing[1]  # (the import system set this one's)
            return
        module.__loader__ = module.__spec__.loader = self.loader  # (its own from here on)
        self.loader.exec_module(module)


def _defer_unused() -> None:
    with _LOCK:  # (serve's warm-up thread and a rebuild may both come here first)
        if _Finder not in sys.meta_path:
            sys.meta_path.insert(0, _Finder)


def sparse_module() -> types.ModuleType:
    """`scipy.sparse`, imported with the modules above deferred."""
    _defer_unused()
    import scipy.sparse

    return scipy.sparse


def text_module() -> types.ModuleType:
    """`sklearn.feature_extraction.text`, imported with the modules above deferred."""
    _defer_unused()
    import sklearn.feature_extraction.text

    return sklearn.feature_extraction.text
