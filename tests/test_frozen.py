"""Value classes from frozen() behave as the standard frozen dataclasses they replace."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from troubleshoot.frozen import frozen


@frozen
class Fast:
    """A value with every kind of field the code uses."""

    name: str
    line: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    hidden: str = field(default="", repr=False)
    seen: list[int] = field(default_factory=list, compare=False)


@dataclass(frozen=True)
class Standard:
    """The same value, from the standard decorator."""

    name: str
    line: int = 0
    tags: tuple[str, ...] = field(default_factory=tuple)
    hidden: str = field(default="", repr=False)
    seen: list[int] = field(default_factory=list, compare=False)


@frozen(order=True)
class Sorted:
    path: str
    line: int = 0


@frozen
class Empty:
    pass


def test_a_value_prints_compares_and_hashes_as_a_dataclass_would() -> None:
    fast, standard = Fast("a", 2, ("x",), "secret", [1]), Standard("a", 2, ("x",), "secret", [1])
    assert repr(fast) == repr(standard).replace("Standard", "Fast")
    assert repr(fast) == "Fast(name='a', line=2, tags=('x',), seen=[1])"
    assert fast == Fast("a", 2, ("x",), "secret", [9])  # seen is not compared
    assert fast != Fast("a", 3, ("x",), "secret", [1])
    assert hash(fast) == hash(standard)
    assert fast != standard  # another class is never equal, as with dataclasses
    assert Fast("a").tags == () and Fast("a").seen is not Fast("a").seen


def test_replace_fields_and_asdict_work_unchanged() -> None:
    fast = Fast("a", seen=[1])
    moved = dataclasses.replace(fast, line=5)
    assert moved == Fast("a", 5) and moved.seen == [1]
    assert [f.name for f in dataclasses.fields(fast)] == ["name", "line", "tags", "hidden", "seen"]
    assert dataclasses.asdict(fast) == dataclasses.asdict(Standard("a", seen=[1]))
    assert dataclasses.is_dataclass(fast) and Fast.__match_args__ == Standard.__match_args__


def test_a_value_cannot_be_changed_but_can_be_copied_and_pickled() -> None:
    fast = Fast("a")
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
        fast.name = "b"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del fast.line  # type: ignore[misc]
    assert copy.deepcopy(fast) == fast
    assert pickle.loads(pickle.dumps(Sorted("p", 1))) == Sorted("p", 1)


def test_order_sorts_by_the_fields_in_turn() -> None:
    found = [Sorted("b"), Sorted("a", 2), Sorted("a", 1)]
    assert sorted(found) == [Sorted("a", 1), Sorted("a", 2), Sorted("b")]
    assert Sorted("a") <= Sorted("a") and not Sorted("b") < Sorted("a")
    with pytest.raises(TypeError):
        assert Sorted("a") < Fast("a")  # type: ignore[operator]
    assert repr(Empty()) == "Empty()" and Empty() == Empty()


def test_what_it_does_not_cover_is_refused_rather_than_guessed() -> None:
    with pytest.raises(TypeError, match="inheritance"):

        @frozen
        class Child(Fast):
            extra: int = 0

    with pytest.raises(TypeError, match="__post_init__"):

        @frozen
        class Checked:
            value: int

            def __post_init__(self) -> None:
                pass
