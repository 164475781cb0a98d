"""pyproject.toml's bounds and constraints.txt's pins agree, and the pins are complete."""

from __future__ import annotations

import importlib.metadata
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
DEPENDENCIES = [Requirement(r) for r in PROJECT["dependencies"]]
TEST_EXTRA = [Requirement(r) for r in PROJECT["optional-dependencies"]["test"]]


def read_pins() -> list[tuple[str, str]]:
    pins = []
    for number, line in enumerate((ROOT / "constraints.txt").read_text().splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, version = line.partition("==")
        assert sep and name and version and " " not in line and ";" not in line, (
            f"constraints.txt:{number}: not an exact pin 'name==version': {line!r}"
        )
        Version(version)  # raises on anything that is not a plain version
        pins.append((name, version))
    return pins


PINS = read_pins()
PINNED = {canonicalize_name(name): version for name, version in PINS}


def test_each_package_is_pinned_once_and_the_file_is_sorted():
    names = [canonicalize_name(name) for name, _ in PINS]
    assert len(names) == len(set(names)), "a package is pinned twice"
    assert names == sorted(names)


@pytest.mark.parametrize("requirement", DEPENDENCIES + TEST_EXTRA, ids=str)
def test_every_dependency_is_pinned_within_its_bounds(requirement):
    name = canonicalize_name(requirement.name)
    assert name in PINNED, f"{requirement} is not pinned in constraints.txt"
    pin = PINNED[name]
    assert requirement.specifier.contains(pin, prereleases=True), (
        f"constraints.txt pins {name}=={pin}, outside pyproject.toml's {requirement}"
    )


@pytest.mark.parametrize("requirement", DEPENDENCIES + TEST_EXTRA, ids=str)
def test_every_dependency_has_a_lower_bound(requirement):
    # Without one, an old release that lacks what we use would satisfy the requirement.
    assert any(spec.operator in (">=", ">", "~=", "==") for spec in requirement.specifier)


def test_mkdocs_material_cannot_be_a_release_with_the_search_xss():
    (material,) = [r for r in DEPENDENCIES if canonicalize_name(r.name) == "mkdocs-material"]
    # CVE-2026-73295 (DOM XSS in search) is fixed in 9.7.7.
    assert not material.specifier.contains("9.7.6")
    assert material.specifier.contains("9.7.7")
    assert Version(PINNED["mkdocs-material"]) >= Version("9.7.7")


def closure() -> dict[str, set[str]]:
    """Every distribution the project needs (with the test extra), by installed metadata.

    Returns name -> the requirers, so a failure says why a package is needed.
    """
    needed: dict[str, set[str]] = {}
    todo = [(r, "pyproject.toml") for r in DEPENDENCIES + TEST_EXTRA]
    while todo:
        requirement, requirer = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in needed:
            needed[name].add(requirer)
            continue
        needed[name] = {requirer}
        try:
            dist = importlib.metadata.distribution(name)
        except importlib.metadata.PackageNotFoundError:
            continue  # reported by the test below
        extras = requirement.extras or {""}
        for text in dist.requires or []:
            sub = Requirement(text)
            if sub.marker is None or any(sub.marker.evaluate({"extra": e}) for e in extras):
                todo.append((sub, name))
    return needed


def test_the_pins_are_complete_every_package_needed_is_pinned():
    missing = {name: sorted(by) for name, by in closure().items() if name not in PINNED}
    assert missing == {}, "needed but not pinned in constraints.txt (name: needed by)"


def test_no_pin_is_stale():
    # A pin nothing needs any more is dead weight that hides what the project uses.
    assert sorted(set(PINNED) - set(closure())) == []


def test_the_installed_packages_are_the_pinned_ones():
    # `make test` installs with -c constraints.txt; a drift here means the environment
    # is not the one CI builds with.
    drift = {}
    for name in closure():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            drift[name] = "not installed"
            continue
        if name in PINNED and Version(installed) != Version(PINNED[name]):
            drift[name] = f"installed {installed}, pinned {PINNED[name]}"
    assert drift == {}


def test_the_package_needs_python_3_11():
    assert PROJECT["requires-python"] == ">=3.11"
    assert PROJECT["scripts"]["readinglist"] == "generator.cli:entry"


def test_the_readme_quick_start_is_two_make_targets_that_install_from_the_pins():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick_start = readme.split("## Quick start", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = [line.split("#")[0].strip() for line in quick_start.strip().splitlines()]
    assert commands == ["make site", "make test"]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("site", "test"):
        rule = next(line for line in makefile.splitlines() if line.startswith(f"{target}:"))
        assert "$(VENV)/.installed" in rule, f"make {target} does not create the venv first"
    assert "pip install -q -c constraints.txt -e '.[test]'" in makefile


def test_ci_runs_the_readmes_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash\n")
    assert "set -euo pipefail" in script
    lines = script.splitlines()
    test = next(i for i, line in enumerate(lines) if line.startswith("make test"))
    site = next(i for i, line in enumerate(lines) if line.startswith("make site"))
    assert test < site
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    site_rule = makefile.split("\nsite:", 1)[1].split("\n\n", 1)[0]
    assert "\t$(BIN)/readinglist build --strict" in site_rule


def fenced_block_after(text: str, marker: str) -> str:
    after = text.split(marker, 1)[1]
    return after.split("```", 2)[1].split("\n", 1)[1]


@pytest.mark.example
def test_the_readmes_check_example_prints_what_the_readme_says(tmp_path):
    """The README shows a file with mistakes and check's output for it: both must be real."""
    import shutil
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = fenced_block_after(readme, "For this file, `content/papers/example.yml`:")
    expected = fenced_block_after(readme, "it prints:").splitlines()
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)  # (a project's)
    (tmp_path / "overrides").mkdir()  # (the theme folder it names: check says one missing)
    (tmp_path / "content" / "papers" / "example.yml").write_text(example, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    printed = (result.stdout + result.stderr).splitlines()
    # The last line counts the whole list, which grows; only its start is the example's.
    assert printed[:-1] == expected[:-1]
    assert printed[-1].split(" (")[0] == expected[-1].split(" (")[0] == "5 errors, 0 warnings"


@pytest.mark.example
def test_the_readmes_paper_example_passes_check(tmp_path):
    import shutil
    import subprocess
    import sys

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = fenced_block_after(readme, "## Adding a paper by hand")
    paper_id = example.split("\nid: ", 1)[1].split("\n", 1)[0]
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path)  # (a project's)
    (tmp_path / "overrides").mkdir()  # (the theme folder it names: check says one missing)
    (tmp_path / "content" / "papers" / f"{paper_id}.yml").write_text(example, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(tmp_path), "check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 errors, 0 warnings" in result.stdout + result.stderr



def run_cli(root: Path, *args: str):
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), *args],
        capture_output=True, text=True, check=False, cwd=ROOT,
    )


@pytest.mark.example
def test_the_readmes_topic_example_passes_check(tmp_path):
    # "Defining a topic" shows a topic to copy; its reading order names shipped papers.
    # Given those papers and the parent topic it names, check finds nothing to say.
    import shutil

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = fenced_block_after(readme, "## Defining a topic\n")
    order = example.split("reading_order:", 1)[1]
    ids = [line.split("- ", 1)[1].strip() for line in order.splitlines() if "- " in line]
    assert len(ids) == 3
    (tmp_path / "content" / "papers").mkdir(parents=True)
    for paper_id in ids:
        shutil.copy(ROOT / "content" / "papers" / f"{paper_id}.yml", tmp_path / "content" / "papers")
    parent = example.split("parent: ", 1)[1].split()[0]
    (tmp_path / "content" / "topics.yml").write_text(
        example + f"  - id: {parent}\n    title: The parent topic\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Lab\n", encoding="utf-8")  # (a project's)
    result = run_cli(tmp_path, "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("0 errors, 0 warnings (3 papers and 2 topics loaded)")


def test_the_readmes_stem_match_is_what_topics_explain_prints(tmp_path):
    # README: "`--explain` shows such a match (`"adapter" (+5; by its stem: "adaptive")`)".
    # It once quoted a form the command had stopped printing.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quoted = readme.split("`--explain` shows such a match (`", 1)[1].split("`)", 1)[0]
    (tmp_path / "content" / "papers").mkdir(parents=True)
    (tmp_path / "content" / "papers" / "x.yml").write_text(
        "id: x\ntitle: Adapters and adaptive nets\n", encoding="utf-8")
    (tmp_path / "content" / "topics.yml").write_text(
        "topics:\n  - id: pe\n    title: PEFT\n    keywords:\n      adapter: 1\n", encoding="utf-8")
    result = run_cli(tmp_path, "topics", "--explain", "x")
    assert result.returncode == 0, result.stderr
    assert f"    mentions {quoted}" in result.stdout.splitlines()


@pytest.mark.example
def test_re_importing_the_shipped_listing_prints_the_readmes_summary(tmp_path):
    import shutil

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    expected = fenced_block_after(readme, "re-importing the shipped listing prints:").strip()
    shutil.copytree(ROOT / "content", tmp_path / "content")
    listing = tmp_path / "content" / "sources" / "000_19bd02ae25786342.txt"
    result = run_cli(tmp_path, "import", str(listing))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines() == [expected]


def imported_modules(folder: Path) -> dict[str, set[str]]:
    """Top-level modules imported by the Python files under ``folder`` -> the files."""
    import ast
    import sys

    # The project's own modules, also those reached through sys.path (benchmarks/synth.py).
    local = {"generator", "tests", "benchmarks"} | {
        p.stem for top in ("generator", "tests", "benchmarks") for p in (ROOT / top).rglob("*.py")
    }
    found: dict[str, set[str]] = {}
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in local:
                    found.setdefault(top, set()).add(path.relative_to(ROOT).as_posix())
    return found


def undeclared(modules: dict[str, set[str]], declared: set[str]) -> dict[str, list[str]]:
    providers = importlib.metadata.packages_distributions()
    missing = {}
    for module, files in modules.items():
        dists = {canonicalize_name(d) for d in providers.get(module, [module])}
        if not dists & declared:
            missing[module] = sorted(files)
    return missing


def test_every_library_the_package_imports_is_a_declared_dependency():
    declared = {canonicalize_name(r.name) for r in DEPENDENCIES}
    assert undeclared(imported_modules(ROOT / "generator"), declared) == {}


def test_every_library_the_tests_and_benchmarks_import_is_declared():
    declared = {canonicalize_name(r.name) for r in DEPENDENCIES + TEST_EXTRA}
    modules = imported_modules(ROOT / "tests")
    for module, files in imported_modules(ROOT / "benchmarks").items():
        modules.setdefault(module, set()).update(files)
    assert undeclared(modules, declared) == {}


def test_every_markdown_extension_in_mkdocs_yml_comes_from_a_declared_dependency():
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold MkDocs' own tags (!ENV, !!python/name); their values do not matter.
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names = [next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]]
    # Python-Markdown's own extensions (toc, tables, ...) are named without a package.
    modules = {name.split(".")[0]: {"mkdocs.yml"} for name in names if "." in name}
    declared = {canonicalize_name(r.name) for r in DEPENDENCIES}
    assert names, "no markdown_extensions read from mkdocs.yml"
    assert undeclared(modules, declared) == {}


def test_every_file_of_the_package_but_its_modules_is_package_data():
    # (an installed, non-editable readinglist lacked a file its code reads: `init` the
    # record of the shipped example, generator/data/example-list.txt)
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    package = ROOT / "generator"
    patterns = setuptools["package-data"]["generator"]
    included = {path for pattern in patterns for path in package.glob(pattern) if path.is_file()}
    files = {
        path for path in package.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    }  # fmt: skip
    assert sorted(p.relative_to(package).as_posix() for p in files - included) == []
    assert package / "data" / "example-list.txt" in included
