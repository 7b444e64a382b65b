"""Value classes that cost little to import and to define, for a quick start on an old PC.

Trees, prompts, records and hand-offs are frozen values: they compare, hash and print,
and cannot be changed by accident. The standard ``dataclasses`` would do, but importing
it imports ``inspect`` (and with it ``ast``, ``dis`` and ``tokenize``), a seventh of
the wait for ``list`` and the first question; and before Python 3.13 its decorator
compiles each method it writes on its own, five or six compiles a class, where a walk
defines some fifty classes before its first question. :func:`frozen` writes the same
methods in one compile, and :func:`field`, :func:`fields`, :func:`replace` and
:func:`asdict` stand in for the standard ones. :func:`mutable` is the same for the
few classes whose fields change (the catalog, the search index, the error).

It covers what this code uses: plain fields, defaults, ``field(default=...,
default_factory=..., repr=False, compare=False)``, ``order=True`` and
``__post_init__``. A class that needs more (inheritance between value classes,
``init=False`` fields, slots) uses ``dataclasses.dataclass``; the decorator refuses
rather than guess, and :func:`replace` and :func:`asdict` hand such a class to
``dataclasses``.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

T = TypeVar("T")


class _Missing:
    """No value given: a default of None is a default."""

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


class FrozenInstanceError(AttributeError):
    """A frozen value was changed: always a bug in the code, never the user's doing."""


class Field:
    """One field of a value class: its name, default and how it prints and compares."""

    __slots__ = ("compare", "default", "default_factory", "name", "repr", "type")

    def __init__(self, default: Any, default_factory: Any, repr: bool, compare: bool) -> None:
        self.name = ""
        self.type: Any = None
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare

    def __repr__(self) -> str:
        return f"Field(name={self.name!r}, default={self.default!r})"


def field(
    *,
    default: Any = MISSING,
    default_factory: Callable[[], Any] | Any = MISSING,
    repr: bool = True,
    compare: bool = True,
) -> Any:
    """A field with a default, a default made fresh for each value, or kept out of
    printing or comparing: as ``dataclasses.field`` has them."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("a field takes a default or a default_factory, not both")
    return Field(default, default_factory, repr, compare)


if TYPE_CHECKING:
    from typing_extensions import dataclass_transform

    @overload
    def frozen(cls: type[T], /) -> type[T]: ...
    @overload
    def frozen(*, order: bool = False) -> Callable[[type[T]], type[T]]: ...
    @dataclass_transform(frozen_default=True, field_specifiers=(field,))
    def frozen(cls: type[T] | None = None, /, *, order: bool = False) -> Any: ...
    @dataclass_transform(field_specifiers=(field,))
    def mutable(cls: type[T], /) -> type[T]: ...

else:

    def frozen(cls: Any = None, /, *, order: bool = False) -> Any:
        def decorate(cls: Any) -> Any:
            return _build(cls, order, frozen=True)

        return decorate if cls is None else decorate(cls)

    def mutable(cls: Any, /) -> Any:
        """A class of plain fields that may change: ``__init__``, ``__repr__``, ``__eq__``."""
        return _build(cls, False, frozen=False)


def fields(value: Any) -> tuple[Field, ...]:
    """The fields of a value class, or of one of its values, in order."""
    cls = value if isinstance(value, type) else type(value)
    found: tuple[Field, ...] | None = getattr(cls, "__frozen_fields__", None)
    if found is None:
        raise TypeError(f"{cls.__name__} is not a value class")
    return found


def replace(value: T, /, **changes: Any) -> T:
    """A copy of *value* with *changes*, as ``dataclasses.replace`` makes it."""
    if not hasattr(type(value), "__frozen_fields__"):
        import dataclasses  # a class made by dataclasses itself

        return dataclasses.replace(value, **changes)  # type: ignore[type-var]
    names = [f.name for f in fields(value)]
    unknown = sorted(set(changes) - set(names))
    if unknown:
        raise TypeError(f"{type(value).__name__} has no field {unknown[0]!r}")
    for name in names:
        if name not in changes:
            changes[name] = getattr(value, name)
    return type(value)(**changes)


def asdict(value: Any) -> dict[str, Any]:
    """A value as a dict, values inside it as dicts too, as ``dataclasses.asdict`` does."""
    found = _as_plain(value)
    if not isinstance(found, dict):
        raise TypeError(f"{type(value).__name__} is not a value class")
    return found


def _as_plain(value: Any) -> Any:
    if hasattr(type(value), "__frozen_fields__"):
        return {f.name: _as_plain(getattr(value, f.name)) for f in fields(value)}
    if hasattr(type(value), "__dataclass_fields__"):
        import dataclasses

        return dataclasses.asdict(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_as_plain(item) for item in value)
    if isinstance(value, dict):
        return {_as_plain(key): _as_plain(item) for key, item in value.items()}
    import copy

    return copy.deepcopy(value)


def _fields(cls: Any) -> tuple[Field, ...]:
    """The class's fields in order, read from its annotations."""
    for base in cls.__mro__[1:]:
        if "__frozen_fields__" in base.__dict__ or "__dataclass_fields__" in base.__dict__:
            raise TypeError(f"{cls.__name__}: frozen() does not do inheritance; use dataclass")
    found = []
    for name, kind in getattr(cls, "__annotations__", {}).items():
        if isinstance(kind, str) and kind.startswith(("ClassVar", "typing.ClassVar")):
            continue
        given = cls.__dict__.get(name, MISSING)
        spec = given if isinstance(given, Field) else Field(given, MISSING, True, True)
        spec.name = name
        spec.type = kind
        found.append(spec)
        if spec.default is not MISSING:
            setattr(cls, name, spec.default)  # as dataclass does: the default on the class
        elif name in cls.__dict__:
            delattr(cls, name)
    return tuple(found)


def _build(cls: Any, order: bool, *, frozen: bool) -> Any:
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

    after = "__post_init__" in cls.__dict__
    methods: dict[str, Any] = {
        "__init__": _init(fields, after),
        "__repr__": __repr__,
        "__eq__": __eq__,
    }
    if frozen:
        methods |= {"__hash__": __hash__, "__setattr__": _no_setattr, "__delattr__": _no_delattr}
    if order:
        methods |= _ordering(key)
    for name, function in methods.items():
        function.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, function)
    if not frozen:
        cls.__hash__ = None  # changeable and compared by value, so not hashable
    cls.__frozen_fields__ = fields
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


def _init(fields: tuple[Field, ...], after: bool) -> Any:
    """``__init__``, compiled as dataclass writes it: it runs for every node of every tree.

    With *after*, it ends by calling the class's ``__post_init__``, as dataclass does."""
    spaces: dict[str, Any] = {"_MISSING": MISSING}
    params, sets = [], []
    for number, f in enumerate(fields):
        value = f.name
        if f.default is not MISSING:
            spaces[f"_d{number}"] = f.default
            params.append(f"{f.name}=_d{number}")
        elif f.default_factory is not MISSING:
            spaces[f"_f{number}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            value = f"_f{number}() if {f.name} is _MISSING else {f.name}"
        else:
            params.append(f.name)
        sets.append(f"  _set(self, {f.name!r}, {value})")
    source = "\n".join(
        [f"def __init__({', '.join(['self', *params])}):", "  _set = object.__setattr__"]
        + sets
        + (["  self.__post_init__()"] if after else [])
    )
    made: dict[str, Any] = {}
    exec(source, spaces, made)  # the one compile of the class
    return made["__init__"]


def _no_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _no_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


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
