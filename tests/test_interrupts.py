"""interrupts.py: Ctrl-C held off while a few renames are made."""

from __future__ import annotations

import os
import signal

import pytest

from generator.interrupts import interrupts_held


def test_ctrl_c_amid_the_block_is_raised_once_it_is_over():
    done = []
    with pytest.raises(KeyboardInterrupt):
        with interrupts_held():
            os.kill(os.getpid(), signal.SIGINT)
            done.append("the rest of the block")
    assert done == ["the rest of the block"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_a_process_that_ignores_ctrl_c_still_ignores_it_after_the_block():
    """A build started in the background by a script (`readinglist build &`) ignores
    SIGINT, as the shell set it: one sent amid the block was raised all the same, and
    stopped the build."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with interrupts_held():
            os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)
