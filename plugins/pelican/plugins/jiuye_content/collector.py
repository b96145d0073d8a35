"""What the generators read (articles, their items, the context) lives until the build ends: as
each content is read, and once every generator has read its content, the garbage collector is
told so (gc.freeze), and stops walking those objects on each of its full passes, which grow with
every item read. They are handed back at the end of the build (gc.unfreeze), so that a process
that builds again can free them."""

from __future__ import annotations

import gc


def freeze(_sender) -> None:
    """content_object_init, all_generators_finalized: every object made so far is kept out of collection."""
    gc.freeze()


def unfreeze(_pelican) -> None:
    """finalized: the build's objects are collectable again."""
    gc.unfreeze()
