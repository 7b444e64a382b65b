"""Frozen value classes that cost little to define, for a quick start on an old PC.

Trees, prompts, records and hand-offs are frozen dataclasses: values that compare,
hash and print, and cannot be changed by accident. Before Python 3.13 the standard
decorator compiles each method it writes on its own, five or six compiles a class;
a walk defines some fifty classes before its first question, and on a slow desk PC
that is most of the wait. :func:`frozen` writes the same methods in one compile and
records the fields as the standard decorator does, so ``dataclasses.replace``,
``fields`` and ``asdict`` work on the result unchanged. From 3.13 on the standard
decorator does this itself and is used as it is.

It covers what this code uses: plain fields, defaults, ``field(default=...,
default_factory=..., repr=False, compare=False)`` and ``order=True``. A class that
needs more (inheritance between value classes, ``init=False`` fields, slots) uses
``dataclasses.dataclass``; the decorator refuses rather than guess.
"""

from __future__ import annotations

import dataclasses
import inspect  # already imported by dataclasses
import operator
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

T = TypeVar("T")

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @overload
    def frozen(cls: type[T], /) -> type[T]: ...
    @overload
    def frozen(*, order: bool = False) -> Callable[[type[T]], type[T]]: ...
    @dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
    def frozen(cls: type[T] | None = None, /, *, order: bool = False) -> Any: ...

elif sys.version_info >= (3, 13):

    def frozen(cls: Any = None, /, *, order: bool = False) -> Any:
        decorate = dataclasses.dataclass(frozen=True, order=order)
        return decorate if cls is None else decorate(cls)

else:

    def frozen(cls: Any = None, /, *, order: bool = False) -> Any:
        def decorate(cls: Any) -> Any:
            return _build(cls, order)

        return decorate if cls is None else decorate(cls)


_MISSING = dataclasses.MISSING


def _fields(cls: Any) -> list[dataclasses.Field[Any]]:
    """The class's fields in order, as ``dataclasses.Field`` values."""
    for base in cls.__mro__[1:]:
        if hasattr(base, "__dataclass_fields__"):
            raise TypeError(f"{cls.__name__}: frozen() does not do inheritance; use dataclass")
    if "__post_init__" in cls.__dict__:
        raise TypeError(f"{cls.__name__}: frozen() does not run __post_init__; use dataclass")
    found = []
    for name, kind in inspect.get_annotations(cls).items():
        if isinstance(kind, str) and kind.startswith(("ClassVar", "typing.ClassVar")):
            continue
        given = cls.__dict__.get(name, _MISSING)
        spec = given if isinstance(given, dataclasses.Field) else dataclasses.field(default=given)
        if not spec.init or spec.kw_only is True:
            raise TypeError(f"{cls.__name__}.{name}: frozen() covers init fields only")
        spec.name = name
        spec.type = kind
        spec._field_type = dataclasses._FIELD  # type: ignore[attr-defined,union-attr]
        found.append(spec)
        if spec.default is not _MISSING:
            setattr(cls, name, spec.default)  # as dataclass does: the default on the class
        elif name in cls.__dict__:
            delattr(cls, name)
    return found


def _build(cls: Any, order: bool) -> Any:
    fields = _fields(cls)
    shown = tuple(f.name for f in fields if f.repr)
    key = _key(tuple(f.name for f in fields if f.compare))

    def __repr__(self: Any) -> str:
        inside = ", ".join(f"{name}={getattr(self, name)!r}" for name in shown)
        return f"{type(self).__qualname__}({inside})"

    def __eq__(self: Any, other: Any) -> Any:
        return key(self) == key(other) if other.__class__ is self.__class__ else NotImplemented

    def __hash__(self: Any) -> int:
        return hash(key(self))

    methods: dict[str, Any] = {
        "__init__": _init(fields),
        "__repr__": __repr__,
        "__eq__": __eq__,
        "__hash__": __hash__,
        "__setattr__": _no_setattr,
        "__delattr__": _no_delattr,
    }
    if order:
        methods |= _ordering(key)
    for name, function in methods.items():
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)
    cls.__dataclass_fields__ = {f.name: f for f in fields}
    cls.__dataclass_params__ = dataclasses._DataclassParams(  # type: ignore[attr-defined]
        *_params(order)
    )
    setattr(cls, "__match_args__", tuple(f.name for f in fields))  # noqa: B010
    return cls


def _key(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """What two values are compared and hashed by: their compared fields, as a tuple."""
    if not names:
        return lambda self: ()
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return lambda self: (one(self),)
    return operator.attrgetter(*names)


def _init(fields: list[dataclasses.Field[Any]]) -> Any:
    """``__init__``, compiled as dataclass writes it: it runs for every node of every tree."""
    spaces: dict[str, Any] = {"_MISSING": _MISSING}
    params, sets = [], []
    for number, f in enumerate(fields):
        value = f.name
        if f.default is not _MISSING:
            spaces[f"_d{number}"] = f.default
            params.append(f"{f.name}=_d{number}")
        elif f.default_factory is not _MISSING:
            spaces[f"_f{number}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            value = f"_f{number}() if {f.name} is _MISSING else {f.name}"
        else:
            params.append(f.name)
        sets.append(f"  _set(self, {f.name!r}, {value})")
    source = "\n".join(
        [f"def __init__({', '.join(['self', *params])}):", "  _set = object.__setattr__"]
        + (sets or ["  pass"])
    )
    made: dict[str, Any] = {}
    exec(source, spaces, made)  # the one compile of the class
    return made["__init__"]


def _no_setattr(self: Any, name: str, value: Any) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _no_delattr(self: Any, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


def _ordering(key: Callable[[Any], Any]) -> dict[str, Any]:
    def compare(test: Callable[[Any, Any], bool]) -> Any:
        def method(self: Any, other: Any) -> Any:
            if other.__class__ is not self.__class__:
                return NotImplemented
            return test(key(self), key(other))

        return method

    return {
        "__lt__": compare(operator.lt),
        "__le__": compare(operator.le),
        "__gt__": compare(operator.gt),
        "__ge__": compare(operator.ge),
    }


def _params(order: bool) -> tuple[Any, ...]:
    """What ``dataclass(frozen=True, order=order)`` records, in this Python's order."""
    values = {
        "init": True,
        "repr": True,
        "eq": True,
        "order": order,
        "unsafe_hash": False,
        "frozen": True,
        "match_args": True,
        "kw_only": False,
        "slots": False,
        "weakref_slot": False,
    }
    wanted = dataclasses._DataclassParams.__init__.__code__.co_varnames[1:]  # type: ignore[attr-defined]
    count = dataclasses._DataclassParams.__init__.__code__.co_argcount - 1  # type: ignore[attr-defined]
    return tuple(values[name] for name in wanted[:count])
