"""Thin command-line entry points: parse arguments, call plain modules, set the exit code."""
