"""The MkDocs hook's own events (the builds it drives are tested in test_build.py and
test_partial_rebuild.py)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.test_build import REPO


def test_serve_stops_watching_docs_and_imports_scikit_learn_before_the_first_edit():
    # In a new process: this one imported scikit-learn long ago.
    script = textwrap.dedent("""
        import sys, threading
        from types import SimpleNamespace
        from generator import mkdocs_hook

        class Server:
            unwatched = []
            def unwatch(self, path):
                self.unwatched.append(path)

        before = "sklearn.feature_extraction.text" in sys.modules
        server = mkdocs_hook.on_serve(Server(), config=SimpleNamespace(docs_dir="/p/docs"), builder=None)
        for thread in threading.enumerate():
            if thread.name == "readinglist-warm-up":
                thread.join()
        print(before, "sklearn.feature_extraction.text" in sys.modules, server.unwatched)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "True", "['/p/docs']"]


def test_a_folder_holding_the_project_is_never_a_docs_or_site_folder(tmp_path):
    import pytest
    from mkdocs.exceptions import PluginError

    from generator import mkdocs_hook

    root = tmp_path / "lab" / "project"
    (root / "content").mkdir(parents=True)
    with pytest.raises(PluginError, match="site_dir '.*/lab' is a folder holding the project"):
        mkdocs_hook._refuse_curators_folders(root, root / "docs", tmp_path / "lab")
    with pytest.raises(PluginError, match="docs_dir '.*' is inside overrides/"):
        mkdocs_hook._refuse_curators_folders(root, root / "overrides" / "docs", root / "site")
    mkdocs_hook._refuse_curators_folders(root, root / "docs", root / "site")  # the defaults
    # A built site with a page named content (content/pages/content.md) is no project.
    (root / "site" / "content").mkdir(parents=True)
    (root / "site" / "content" / "index.html").write_text("<p>a page</p>")
    (root / "site" / "index.html").write_text("<p>home</p>")
    mkdocs_hook._refuse_curators_folders(root, root / "docs", root / "site")
    mkdocs_hook._refuse_curators_folders(root, root / "docs", tmp_path / "elsewhere")
    # A gh-pages checkout: MkDocs leaves its .git alone.
    (tmp_path / "gh-pages" / ".git").mkdir(parents=True)
    mkdocs_hook._refuse_curators_folders(root, root / "docs", tmp_path / "gh-pages")
    # Any other folder with files: the virtual environment, .ci/, a folder of notes.
    for name in (".venv", ".ci", "notes"):
        (root / name).mkdir()
        (root / name / "keep").write_text("mine")
        with pytest.raises(PluginError, match="holding files no build wrote \\(such as keep\\)"):
            mkdocs_hook._refuse_curators_folders(root, root / "docs", root / name)
        with pytest.raises(PluginError, match="docs_dir .* holding files no build wrote"):
            mkdocs_hook._refuse_curators_folders(root, root / name, root / "site")
    # A docs folder the generator filled before is fine.
    (root / "docs" / "papers").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home")
    mkdocs_hook._refuse_curators_folders(root, root / "docs", root / "site")
