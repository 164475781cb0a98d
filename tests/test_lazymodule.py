from __future__ import annotations

import subprocess
import sys
import textwrap


def test_a_lazy_module_is_imported_at_its_first_attribute_and_then_replaces_itself():
    # In a new process: nothing is imported until an attribute is asked for; then the
    # name in the importer's globals is the module itself, so later look-ups pay nothing.
    code = textwrap.dedent(
        """
        import sys
        from generator.lazymodule import LazyModule
        names = {}
        names["js"] = LazyModule("json", names, "js")
        print("json" in sys.modules, type(names["js"]).__name__)
        print(names["js"].dumps([1]), names["js"] is sys.modules["json"])
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=60)
    assert done.stdout.decode().split() == ["False", "LazyModule", "[1]", "True"]


def test_the_generator_and_an_empty_memo_import_no_numpy():
    # numpy is related papers' alone (0.13-0.15 s of a new process): importing the
    # generator, which makes the process's empty memo and its related index, and
    # pickling that memo, import none of it.
    code = textwrap.dedent(
        """
        import pickle, sys
        from generator import build
        back = pickle.loads(pickle.dumps(build.Memo(), protocol=pickle.HIGHEST_PROTOCOL))
        print("numpy" in sys.modules, "scipy" in sys.modules, type(back.related).__name__)
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=120)
    assert done.stdout.decode().split() == ["False", "False", "RelatedIndex"]
