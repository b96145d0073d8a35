"""Stable digests of what a template may read: the same value gives the same bytes in every run,
and a value that cannot be told apart from another across runs gives none (Unstable).

A content object (Pelican's Article or Page) is digested by every attribute it holds (its
metadata, our typed item, what the plugins set on it, and every property Pelican works out:
the body as the page shows it, links resolved, its URL and summary), a content
it refers to (a repeat's first story, the stories "另见" lists) two levels deep and then by its
source path; code (functions, classes, modules) by its qualified name, the code digest of the
cache folder standing for its behaviour.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import types
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, tzinfo

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from jiuye import regions

# A page that shows more contents than this (a list of every item) costs more to digest than to
# render, and changes with every new item anyway: it is rendered.
BUDGET = 100
DEPTH = 2  # contents referred to by a content, and theirs; then by their source path
# Attributes of a content that are not what it shows: Pelican's wiring, and the raw body (its
# shown form, `content`, is digested instead).
WIRING = frozenset(("_context", "settings", "_content", "reader", "readers"))
SCALARS = (str, int, float, bool, type(None), bytes, date, datetime, time, timedelta, tzinfo, enum.Enum)
PLAIN = frozenset((int, float, bool, type(None), datetime, date))
# url_format is what url and save_as are made of (with the clock for a page without a date);
# filename, a deprecated name of source_path (which warns, with a stack trace, when read).
PROPERTIES = tuple(
    n for n in dir(Content) if isinstance(getattr(Content, n), property) and n not in ("url_format", "filename")
)
# Not frozen, and yet never changed once loaded: the region table (its cities are added as it loads).
CONSTANT = (regions.Province,)
CODE = (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type, types.ModuleType)


class Unstable(ValueError):
    """The value has no digest that is the same in every run."""


class Digester:
    """Digests values for one build; immutable values (frozen dataclasses, CONSTANT) and URL
    wrappers are digested once."""

    def __init__(self) -> None:
        self._frozen: dict[int, tuple[object, bytes]] = {}  # id -> (the object, kept alive; digest)
        self.left = BUDGET

    def page(self) -> None:
        """A new page's digest begins: it may look into BUDGET contents."""
        self.left = BUDGET

    def of(self, value: object) -> bytes:
        return hashlib.sha256(self._repr(value, DEPTH)).digest()

    def _repr(self, value: object, depth: int) -> bytes:
        # The commonest types first, by exact type (the same bytes _repr_any gives them, sooner).
        kind = type(value)
        if kind is str:
            data = value.encode("utf-8", "surrogatepass")
            return b"str:%d:%s" % (len(data), data)
        if kind is dict:
            items = sorted([(self._repr(k, depth), self._repr(v, depth)) for k, v in value.items()])
            return b"{" + b",".join([k + b":" + v for k, v in items]) + b"}"
        if kind is list or kind is tuple:
            return b"[" + b",".join([self._repr(v, depth) for v in value]) + b"]"
        if kind in PLAIN:
            return f"{kind.__qualname__}:{value!r}".encode()
        return self._repr_any(value, depth)

    def _repr_any(self, value: object, depth: int) -> bytes:
        if isinstance(value, str):  # the commonest, and long ones (bodies): no repr copy
            data = value.encode("utf-8", "surrogatepass")
            return b"%s:%d:%s" % (type(value).__qualname__.encode(), len(data), data)
        if isinstance(value, SCALARS):
            return f"{type(value).__qualname__}:{value!r}".encode()
        if isinstance(value, list | tuple):
            return b"[" + b",".join(self._repr(v, depth) for v in value) + b"]"
        if isinstance(value, set | frozenset):
            return b"{" + b",".join(sorted(self._repr(v, depth) for v in value)) + b"}"
        if isinstance(value, dict):
            items = sorted((self._repr(k, depth), self._repr(v, depth)) for k, v in value.items())
            return b"{" + b",".join(k + b":" + v for k, v in items) + b"}"
        if isinstance(value, Content):
            return self._content(value, depth)
        if isinstance(value, URLWrapper):
            # Pelican's category, author and tag objects, held by every content of theirs: never
            # changed once the generators have read the contents, before any page is written.
            if id(value) not in self._frozen:
                shown = (type(value).__qualname__, value.name, value.slug, value.url, value.save_as)
                self._frozen[id(value)] = (value, self._repr(shown, depth))
            return self._frozen[id(value)][1]
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return self._dataclass(value, depth)
        if isinstance(value, functools.partial):
            return self._repr(("partial", value.func, value.args, value.keywords), depth)
        if isinstance(value, CODE) or callable(value) and _is_plain_function(value):
            return f"code:{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', value)}".encode()
        raise Unstable(f"{type(value).__module__}.{type(value).__qualname__}")

    def _dataclass(self, value: object, depth: int) -> bytes:
        frozen = type(value).__dataclass_params__.frozen or isinstance(value, CONSTANT)  # type: ignore[attr-defined]
        if frozen and id(value) in self._frozen:
            return self._frozen[id(value)][1]
        fields = [(f.name, getattr(value, f.name)) for f in dataclasses.fields(value)]
        digest = hashlib.sha256(type(value).__qualname__.encode() + self._repr(fields, depth)).digest()
        if frozen:
            self._frozen[id(value)] = (value, digest)
        return digest

    def _content(self, content: Content, depth: int) -> bytes:
        if depth <= 0:
            return f"content:{content.source_path}".encode()
        self.left -= 1
        if self.left < 0:
            raise Unstable(f"more than {BUDGET} contents")
        # Not kept: a later plugin may still set an attribute on it, before another page shows it.
        state = {name: value for name, value in vars(content).items() if name not in WIRING}
        for name in PROPERTIES:  # worked out from settings and the body: as the page shows them
            state[name] = getattr(content, name)
        return hashlib.sha256(self._repr(state, depth - 1)).digest()


def _is_plain_function(value: Callable) -> bool:
    return isinstance(value, types.FunctionType | types.BuiltinFunctionType)
