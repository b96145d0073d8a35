"""Releases of the built site: built apart, verified, then made live by one atomic swap.

The live site is `output/`, a symlink to the current folder under `releases/`; a build that fails
or is killed never touches it. See tasks.py (`invoke rebuild`, `rollback`, `publish`).
"""
