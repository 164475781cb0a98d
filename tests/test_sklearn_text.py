"""scikit-learn's text features come without scipy.stats, which runs when first used."""

import subprocess
import sys
import textwrap

from generator.sklearn_text import _PARTS


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True, timeout=120
    )
    return result.stdout.strip()


def _package(folder, init: str, **modules: str) -> None:
    """A package of our own to defer in a test: its __init__ and submodules' texts."""
    folder.mkdir()
    (folder / "__init__.py").write_text(init)
    for name, text in modules.items():
        (folder / f"{name}.py").write_text(text)


def test_text_features_work_without_running_scipy_stats():
    out = _run(
        """
        import sys
        from generator.sklearn_text import text_module
        text = text_module()
        counts = text.CountVectorizer().fit_transform(["graph neural nets", "graph search"])
        weights = text.TfidfTransformer(sublinear_tf=True).fit_transform(counts)
        print(counts.shape, weights.nnz, "scipy.stats._stats_py" in sys.modules)
        """
    )
    assert out == "(2, 4) 5 False"


def test_scipy_stats_runs_on_first_use_and_is_the_same_module():
    out = _run(
        """
        import sys
        from generator.sklearn_text import text_module
        text_module()
        import scipy, scipy.stats
        before = "scipy.stats._stats_py" in sys.modules
        from scipy.stats import norm
        print(before, norm.cdf(0.0), scipy.stats is sys.modules["scipy.stats"],
              type(scipy.stats).__name__, "_stats_py" in dir(scipy.stats))
        """
    )
    assert out == "False 0.5 True module True"


def test_a_scipy_stats_imported_before_is_left_alone():
    out = _run(
        """
        import scipy.stats
        first = scipy.stats
        from generator.sklearn_text import text_module
        text_module()
        import sys
        print(sys.modules["scipy.stats"] is first, type(first).__name__)
        """
    )
    assert out == "True module"


def test_a_second_thread_waits_for_the_module_to_run():
    out = _run(
        """
        import threading
        from generator.sklearn_text import text_module
        text_module()
        import scipy.stats
        results = []
        def use():
            results.append(float(scipy.stats.norm.cdf(0.0)))
        threads = [threading.Thread(target=use) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(results)
        """
    )
    assert out == "[0.5, 0.5, 0.5, 0.5]"


def test_a_submodule_imported_first_runs_scipy_stats_before_it():
    # A review: importing one of scipy.stats' submodules before the package had run
    # ("from scipy.stats.distributions import norm", older code's way; "import
    # scipy.stats.contingency") ran that submodule first, which failed on its circular
    # imports ("cannot import name '_get_pvalue' from partially initialized module").
    # Each in a new process, as a library in serve's or a test's process would.
    for statement, shown in (
        ("from scipy.stats.distributions import norm; print(norm.cdf(0.0))", "0.5"),
        ("import scipy.stats.contingency as c; print(callable(c.margins))", "True"),
        ("from scipy.stats._continuous_distns import norm_gen; print(norm_gen.__name__)", "norm_gen"),
    ):
        out = _run(
            f"""
            import sys
            from generator.sklearn_text import text_module
            text_module()
            {statement}
            import scipy.stats
            # (each module run once: the package's norm is the one its submodules hold)
            print(scipy.stats.norm is sys.modules["scipy.stats.distributions"].norm
                  is sys.modules["scipy.stats._continuous_distns"].norm,
                  sys.modules["scipy.stats"].__spec__.loader is not None, type(scipy.stats).__name__)
            """
        )
        assert out == f"{shown}\nTrue True module", statement


def test_numpy_modules_scipy_imports_unused_run_only_when_first_used():
    # scipy's array API layer (and scikit-learn's) runs `from numpy import *`, which
    # imports every numpy submodule: f2py, ma, testing and polynomial took 0.04 s of a
    # rerun that uses none of them. Here through the generator's own ways to scipy.
    out = _run(
        """
        import sys
        import numpy as np
        from generator import cosines
        from generator.sklearn_text import text_module
        cosines.csr_of(np.eye(2))
        text = text_module()
        counts = text.CountVectorizer().fit_transform(["graph neural nets", "graph search"])
        text.TfidfTransformer().fit_transform(counts)
        modules = ("numpy.f2py.crackfortran", "numpy.ma.core", "numpy.testing._private.utils",
                   "numpy.polynomial.polynomial")
        print([m for m in modules if m in sys.modules])
        print(np.ma.masked_array([1, 2], mask=[0, 1]).sum(), np.polynomial.Polynomial([1, 2])(2.0),
              np.ma is sys.modules["numpy.ma"], type(np.ma).__name__)
        from numpy.testing import assert_equal
        import numpy.f2py
        print(assert_equal(1, 1), callable(numpy.f2py.run_main), [m for m in modules if m not in sys.modules])
        """
    )
    assert out == "[]\n1 5.0 True module\nNone True []"


def test_narwhals_runs_only_when_scikit_learn_first_checks_an_input():
    # Tokenising as a title edit does (related.py) reads no narwhals; scikit-learn's input
    # checks do, and find it whole: the module `validate_data` reads is narwhals' own.
    out = _run(
        """
        import sys
        from generator import terms
        from generator.sklearn_text import text_module
        text = text_module()
        print(terms.count_vectorizer().build_analyzer()("Graph nets, and graph search"))
        print("narwhals.dataframe" in sys.modules, type(sys.modules["narwhals.stable.v2"]).__name__)
        counts = text.CountVectorizer().fit_transform(["graph nets", "graph search"])
        print(text.TfidfTransformer().fit_transform(counts).nnz)
        import narwhals.stable.v2 as nw
        from sklearn.utils import validation
        print("narwhals.dataframe" in sys.modules, validation.nw is nw, type(nw).__name__,
              callable(nw.from_native), nw.dependencies.is_into_dataframe([1]))
        """
    )
    assert out == "['graph', 'nets', 'graph', 'search']\nFalse _Deferred\n4\nTrue True module True False"


def test_scipy_rotations_run_only_when_first_used():
    # scipy.spatial imports its rotations (and they scipy.constants), which a rerun
    # does not use.
    out = _run(
        """
        import sys
        from generator.sklearn_text import text_module
        text = text_module()
        text.TfidfTransformer().fit_transform(text.CountVectorizer().fit_transform(["graph nets", "graph search"]))
        modules = ("scipy.spatial.transform._rotation", "scipy.constants")
        print([m for m in modules if m in sys.modules])
        from scipy.spatial.transform import Rotation
        import scipy.spatial.transform
        print(Rotation.identity().as_quat().tolist(), type(scipy.spatial.transform).__name__,
              [m for m in modules if m not in sys.modules])
        """
    )
    assert out == "[]\n[0.0, 0.0, 0.0, 1.0] module []"


def test_a_module_another_thread_is_importing_is_not_replaced_by_a_deferred_one(tmp_path):
    # serve's warm-up thread starts the deferring while another thread may import one of
    # the modules plainly. The deferring once put a module of its own in sys.modules
    # beside that import, which then ran the package again inside its own first run:
    # "cannot import name 'Chebyshev' from partially initialized module
    # 'numpy.polynomial.chebyshev'" (3 runs in 40 of threads using numpy.ma,
    # numpy.polynomial and text_module). Here a package, deferred for the test, is half
    # imported by a thread when the deferring starts, and imported by a third meanwhile.
    _package(
        tmp_path / "halfway",
        "import builtins\n"
        "builtins.halfway_runs += 1\n"
        "builtins.halfway_started.set()\n"
        "builtins.halfway_go.wait(60)\n"
        "VALUE = 42\n",
    )
    out = _run(
        f"""
        import builtins, sys, threading
        sys.path.insert(0, {str(tmp_path)!r})
        from generator import sklearn_text
        sklearn_text._DEFERRED = sklearn_text._DEFERRED | {{"halfway"}}
        builtins.halfway_runs, builtins.halfway_started, builtins.halfway_go = 0, threading.Event(), threading.Event()
        got = {{}}

        def plain():
            import halfway
            got["plain"] = halfway

        def meanwhile():
            import halfway
            got["meanwhile"] = halfway.VALUE

        first = threading.Thread(target=plain)
        first.start()
        builtins.halfway_started.wait(60)
        sklearn_text.sparse_module()
        second = threading.Thread(target=meanwhile)
        second.start()
        builtins.halfway_go.set()
        first.join()
        second.join()
        print(sys.modules["halfway"] is got["plain"], type(got["plain"]).__name__, got["meanwhile"],
              builtins.halfway_runs)
        """
    )
    assert out == "True module 42 1"


def test_a_deferred_module_reloaded_runs_again():
    # A review: importlib.reload found the module's spec through the deferring finder
    # again, whose loader does not run it: the reload ran nothing and left the module
    # deferred, its attributes as they were (a reloaded asyncio kept a patched `run`).
    out = _run(
        """
        import importlib, sys
        from generator.sklearn_text import text_module
        text_module()
        import asyncio, numpy.polynomial
        for module, name in ((asyncio, "run"), (numpy.polynomial, "Polynomial")):
            getattr(module, name)  # (runs it)
            setattr(module, name, None)
            again = importlib.reload(module)
            print(again is module, getattr(module, name) is not None, type(module).__name__)
        """
    )
    assert out == "True True module\nTrue True module"


# Two threads that meet inside a deferred module's run: the thread named "user" is held
# at its import of HELD, the first import the run makes, until the other has begun to
# import AWAITED. Each thread's code appends what it got to `results`; the script prints
# them and which threads are still alive (joined with a timeout, as daemons, and the
# process left at once if one hangs: its import locks would hold an exit's cleanup).
_TWO_THREADS = """
import importlib.machinery, os, sys, threading, time
from generator.sklearn_text import text_module
text_module()
{setup}
running = threading.Event()

class Held(importlib.machinery.SourceFileLoader):
    def exec_module(self, module):
        running.set()
        deadline = time.monotonic() + 10
        while "{awaited}" not in sys.modules and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(0.2)  # (the other thread is inside {awaited} by now)
        super().exec_module(module)

class Holder:  # (after the deferring finder)
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name != "{held}" or threading.current_thread().name != "user":
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path, target)
        spec.loader = Held(spec.loader.name, spec.loader.path)
        return spec

sys.meta_path.insert(1, Holder)
results = []
ran = "{held}" in sys.modules  # (run already: nothing to hold)

def use():
{use}

def other():
    if not ran:
        running.wait(10)
{other}

threads = [threading.Thread(target=use, name="user", daemon=True),
           threading.Thread(target=other, name="other", daemon=True)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(20)
print(running.is_set() or ran, sorted(results), [thread.is_alive() for thread in threads])
if any(thread.is_alive() for thread in threads):
    sys.stdout.flush()
    os._exit(0)
{after}
"""


def _two_threads(held: str, awaited: str, use: str, other: str, setup: str = "", after: str = "") -> str:
    indent = lambda code: textwrap.indent(textwrap.dedent(code).strip(), "    ")  # noqa: E731
    return _run(_TWO_THREADS.format(
        held=held, awaited=awaited, use=indent(use), other=indent(other), setup=setup, after=after,
    ))


def test_asyncio_used_by_a_thread_while_another_imports_one_of_its_modules():
    # A review: asyncio was deferred too (fe8efa17), and a process's other code uses it
    # from threads. A thread that ran it (its first `asyncio.run`) while another imported
    # `asyncio.subprocess` hung both for good: the second held that module's import lock
    # and waited for asyncio to finish running, whose __init__ waited for that lock; the
    # import system's deadlock detection does not see the deferring's own lock. Here the
    # first thread is held inside asyncio's __init__ (its first import) until the second
    # has begun its import.
    out = _two_threads(
        "asyncio.base_events", "asyncio.subprocess",
        use="""
            import asyncio
            async def answer():
                return 42
            results.append(asyncio.run(answer()))
        """,
        other="""
            from asyncio.subprocess import PIPE
            results.append(PIPE)
        """,
    )
    assert out == "True [-1, 42] [False, False]"


def test_a_thread_importing_a_submodule_while_another_runs_scipy_stats_does_not_hang():
    # Two threads, one reading scipy.stats.norm (which runs the deferred package), the
    # other importing scipy.stats.distributions meanwhile, hung both for good: the second
    # held that submodule's import lock and, at its `from . import _continuous_distns`,
    # waited for the package to finish running; the package's run, at _stats_py's `from .
    # import distributions`, waited for that lock. The import system's deadlock detection
    # did not see the deferring's own wait. Here the first thread is held inside the
    # package's run (its first import) until the second has begun its import, so that
    # both meet every time. (In a process of its own: a hang fails the test, never
    # blocking the suite.)
    out = _submodule_while_package_runs(
        "scipy.stats", "scipy.stats._warnings_errors", "norm.cdf(0.0)", "scipy.stats.distributions", "norm.sf(0.0)",
    )
    assert out == "True [0.5, 0.5] [False, False]\nTrue module"


def test_a_thread_importing_a_submodule_while_another_runs_scipy_special_does_not_hang():
    # The packages deferred for their parts (_PARTS) run as any deferred module does,
    # with the same check: scipy.special's _basic, at its `from . import _specfun`, reads
    # the package, whose run imports _basic. On perf21's one lock for every run
    # (56c6f457), a thread importing _basic while another ran the package hung both.
    out = _submodule_while_package_runs(
        "scipy.special", "scipy.special._sf_error", "gamma(5.0)", "scipy.special._basic", "comb(4, 2)",
    )
    assert out == "True [6.0, 24.0] [False, False]\nTrue module"


def _submodule_while_package_runs(package: str, held: str, use: str, submodule: str, other: str) -> str:
    """`_two_threads`: "user" calls the deferred package's ``use`` (which runs it), held
    at its first import, HELD; "other" meanwhile imports the name ``other`` calls from
    ``submodule`` and calls it. Then whether that name is the package's too, the same
    object (each module run once), and the package's type."""
    name = other.partition(".")[0].partition("(")[0]
    return _two_threads(
        held, submodule,
        setup=f"import {package}",
        use=f"results.append(float({package}.{use}))",
        other=f"from {submodule} import {name}\nresults.append(float({other}))",
        after=f'print({package}.{name} is sys.modules["{submodule}"].{name}, type({package}).__name__)',
    )


def test_preprocessing_and_graph_algorithms_run_only_when_first_used():
    # scikit-learn's text features read one name of each as they are imported:
    # sklearn.preprocessing's `normalize`, scipy.sparse.csgraph's `laplacian`. Taken from
    # the submodules that define them, the rest of each package (splines with
    # scipy.interpolate and scipy.optimize; shortest paths, traversals) waits.
    out = _run(
        """
        import sys
        from generator.sklearn_text import text_module
        text = text_module()
        weights = text.TfidfTransformer().fit_transform(text.CountVectorizer().fit_transform(["graph nets", "graph search"]))
        modules = ("scipy.interpolate", "scipy.optimize", "sklearn.preprocessing._polynomial",
                   "scipy.sparse.csgraph._traversal")
        print([m for m in modules if m in sys.modules], round(float(weights.multiply(weights).sum()), 6))
        import scipy.sparse
        from scipy.sparse.csgraph import connected_components
        from sklearn.preprocessing import StandardScaler, normalize
        import sklearn.preprocessing
        print(connected_components(scipy.sparse.eye(3, format="csr"))[0], StandardScaler().fit([[1.0], [3.0]]).mean_.tolist(),
              normalize is sys.modules["sklearn.preprocessing._data"].normalize,
              scipy.sparse.csgraph.laplacian is sys.modules["scipy.sparse.csgraph._laplacian"].laplacian,
              type(sklearn.preprocessing).__name__, type(scipy.sparse.csgraph).__name__,
              [m for m in modules if m not in sys.modules])
        """
    )
    assert out == "[] 2.0\n3 [2.0] True True module module []"


def test_linear_algebra_and_special_functions_run_only_when_first_used():
    # What scikit-learn reads of them as it is imported: scipy.sparse.linalg's `cg` and
    # `LinearOperator`, scipy.linalg's `get_lapack_funcs`, scipy.special's `boxcox`.
    out = _run(
        """
        import sys
        from generator.sklearn_text import text_module
        text = text_module()
        text.TfidfTransformer().fit_transform(text.CountVectorizer().fit_transform(["graph nets", "graph search"]))
        modules = ("scipy.linalg._decomp", "scipy.special._orthogonal", "scipy.sparse.linalg._eigen",
                   "scipy.sparse.linalg._isolve.lgmres")
        print([m for m in modules if m in sys.modules])
        import numpy as np, scipy.linalg, scipy.special, scipy.sparse, scipy.sparse.linalg
        values = scipy.sparse.linalg.eigsh(scipy.sparse.diags([1.0, 2.0, 3.0, 4.0]).tocsr(), k=1)[0]
        solved = scipy.sparse.linalg.cg(scipy.sparse.eye(2, format="csr"), np.array([1.0, 2.0]))[0]
        print(round(float(values[0]), 6), solved.round(6).tolist(), scipy.linalg.svd(np.eye(2))[1].tolist(),
              float(scipy.special.gamma(5.0)),
              [type(m).__name__ for m in (scipy.linalg, scipy.special, scipy.sparse.linalg)],
              [m for m in modules if m not in sys.modules])
        """
    )
    assert out == "[]\n4.0 [1.0, 2.0] [1.0, 1.0] 24.0 ['module', 'module', 'module'] []"


def test_each_part_is_the_name_its_package_binds():
    # A guard for other versions of the libraries: in a process without the deferring,
    # the package's name is the very object of the submodule `_PARTS` takes it from.
    out = _run(
        """
        import importlib
        from generator.sklearn_text import _PARTS
        for package, names in _PARTS.items():
            for name, part in names.items():
                print(package, name, getattr(importlib.import_module(package), name)
                      is getattr(importlib.import_module(part), name))
        """
    )
    lines = out.splitlines()
    assert len(lines) == sum(len(names) for names in _PARTS.values()) > 0, out
    assert all(line.endswith(" True") for line in lines), out


def test_a_part_that_needs_its_package_runs_the_package_whole(tmp_path):
    # Another version of a library whose part reads a name its package's __init__
    # defines: the part fails to import on its own, and the package runs whole, once.
    _package(
        tmp_path / "partly",
        "import builtins\nbuiltins.partly_runs += 1\nHELPER = 41\nfrom partly.impl import thing\n",
        impl="from partly import HELPER\nthing = HELPER + 1\n",
    )
    out = _run(
        f"""
        import builtins, sys
        sys.path.insert(0, {str(tmp_path)!r})
        from generator import sklearn_text
        sklearn_text._PARTS = {{**sklearn_text._PARTS, "partly": {{"thing": "partly.impl"}}}}
        sklearn_text._DEFERRED = sklearn_text._DEFERRED | {{"partly"}}
        builtins.partly_runs = 0
        sklearn_text.sparse_module()
        import partly
        print(type(partly).__name__, builtins.partly_runs)
        from partly import thing
        print(thing, partly.HELPER, type(partly).__name__, builtins.partly_runs, partly.impl.thing)
        """
    )
    assert out == "_Deferred 0\n42 41 module 1 42"


def test_threads_reading_a_part_and_the_rest_of_its_package_at_once():
    out = _run(
        """
        import sys, threading
        from generator import sklearn_text
        sklearn_text.sparse_module()
        barrier = threading.Barrier(6)
        got = []

        def part():
            barrier.wait()
            from sklearn.preprocessing import normalize
            got.append(normalize([[3.0, 4.0]]).tolist() == [[0.6, 0.8]])

        def whole():
            barrier.wait()
            from sklearn.preprocessing import MinMaxScaler
            got.append(MinMaxScaler().fit_transform([[1.0], [3.0]]).tolist() == [[0.0], [1.0]])

        threads = [threading.Thread(target=part, daemon=True) for _ in range(4)]
        threads += [threading.Thread(target=whole, daemon=True) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        import sklearn.preprocessing
        print(got.count(True), [t.is_alive() for t in threads].count(True), type(sklearn.preprocessing).__name__,
              sklearn.preprocessing.normalize is sys.modules["sklearn.preprocessing._data"].normalize)
        """
    )
    assert out == "6 0 module True"

