"""scikit-learn's text features come without scipy.stats, which runs when first used."""

import subprocess
import sys
import textwrap


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


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
