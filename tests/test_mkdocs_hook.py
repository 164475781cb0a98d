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
