"""Shared pytest options. `pytest --update-goldens` rewrites the golden files of
tests/goldens/ from the current output instead of comparing against them; review the
diff (`git diff tests/goldens`) before committing it."""

from __future__ import annotations

import signal

import pytest
from hypothesis import settings

# A shell that starts a command in the background without job control (`cmd &` in a
# script, as a CI runner may) starts it with SIGINT ignored, and Python then leaves it
# ignored, in pytest and in every process it starts: the tests of what Ctrl-C does
# (links, stars, import, rename) would see no KeyboardInterrupt. They test a terminal's
# Ctrl-C, so the tests run with Python's own handler, whatever started them.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

# No per-example deadline for any property test: on a loaded machine (CI shares its cores)
# a slow example is no failure, and a test must not pass or fail by the clock.
settings.register_profile("readinglist", deadline=None)
settings.load_profile("readinglist")

# `pytest --hypothesis-profile=stress` (hypothesis' own option) runs every property test
# with STRESS_FACTOR times its examples (`--stress-factor=N` for another factor), to find
# before CI does an input drawn once in thousands of runs. A profile's max_examples would
# not reach the many tests that set their own, so the counts are multiplied test by test
# (stress_property_tests below); CI's counts are untouched.
STRESS_FACTOR = 30
settings.register_profile("stress", parent=settings.get_profile("readinglist"), print_blob=True)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        default=False,
        help="rewrite tests/goldens/ from the current output instead of comparing",
    )
    parser.addoption(
        "--stress-factor",
        type=int,
        default=STRESS_FACTOR,
        help="with --hypothesis-profile=stress, how many times each property test's examples",
    )


def stress_property_tests(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Under the stress profile, each property test's examples times --stress-factor."""
    # (hypothesis names the profile "stress-with-debug-verbosity" with --hypothesis-verbosity)
    if settings.get_current_profile_name().split("-with-")[0] != "stress":
        return
    factor = config.getoption("--stress-factor")
    stressed: set[int] = set()
    for item in items:
        test = getattr(item, "function", None)
        # (a parametrized test's items share one function: multiplied once)
        if not getattr(test, "is_hypothesis_test", False) or id(test) in stressed:
            continue
        stressed.add(id(test))
        # given() reads this attribute (where @settings put the test's own) at each call: a
        # private one, of the hypothesis pinned in constraints.txt.
        own = test._hypothesis_internal_use_settings
        test._hypothesis_internal_use_settings = settings(own, max_examples=own.max_examples * factor)


@pytest.fixture
def process_state(monkeypatch):
    """A fresh process as far as the MkDocs hook can tell, and the build time fixed."""
    from generator import build

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764374400")
    # (set, then removed: monkeypatch then also undoes the value the hook sets)
    monkeypatch.setenv("READINGLIST_SERVING", "")
    monkeypatch.delenv("READINGLIST_SERVING")
    saved = dict(build.PROCESS_STATE)
    build.PROCESS_STATE.clear()
    yield build.PROCESS_STATE
    build.PROCESS_STATE.clear()
    build.PROCESS_STATE.update(saved)


@pytest.fixture
def mkdocs_cli():
    """MkDocs' own command line (`mkdocs.__main__.cli`), run in this process, which is
    then left as it was found. Its commands change the process for good: a filter on
    mkdocs.commands.build's logger that says each message once per process (a later
    test's build, stopped by an error of the same words at the same place, logged
    nothing: test_build's curator-errors test failed after test_staged_site's gh-deploy
    test), its warnings filters and showwarning, and the "mkdocs" logger's level and
    propagation."""
    import logging
    import warnings

    from mkdocs.__main__ import cli
    from mkdocs.commands import build as mkdocs_build

    logger = logging.getLogger("mkdocs")
    level, propagate, handlers = logger.level, logger.propagate, list(logger.handlers)
    filters = list(mkdocs_build.log.filters)
    with warnings.catch_warnings():  # (restores warnings.filters and showwarning)
        yield lambda args: cli.main(args, standalone_mode=False)
    mkdocs_build.log.filters[:] = filters
    logger.setLevel(level)  # (setLevel, which also clears the loggers' level caches)
    logger.propagate = propagate
    logger.handlers[:] = handlers


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Tests of the shipped example list (marked ``example``) run only on it: see
    tests/example_list.py for how a lab's own list is told from a changed example."""
    stress_property_tests(config, items)
    if not any(item.get_closest_marker("example") for item in items):
        return
    from .example_list import verdict

    try:
        runs, why = verdict()
    except RuntimeError as exc:
        raise pytest.UsageError(str(exc)) from None
    if runs:
        return
    skip = pytest.mark.skip(reason=why)
    for item in items:
        if item.get_closest_marker("example"):
            item.add_marker(skip)


@pytest.fixture
def no_bibtex_entry_cache(monkeypatch):
    """Each import reads every BibTeX entry and RIS record, none from what the last import
    read it as (generator/ingest/bibcache.py): for tests that emulate an earlier importer by
    patching its functions in this process, which the cache's fingerprint (of the code's
    files, as a real earlier version has others) cannot see."""
    from generator.ingest import bibcache

    monkeypatch.setattr(
        bibcache, "load",
        lambda folder, project, name=bibcache.FILE_NAME: bibcache.EntryReadings(str(project.resolve()), name=name),
    )
