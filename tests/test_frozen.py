"""Value classes from frozen() behave as the standard frozen dataclasses they replace."""

from __future__ import annotations

import copy
import dataclasses
import pickle
from dataclasses import dataclass

import pytest

from troubleshoot.frozen import FrozenInstanceError, asdict, field, fields, frozen, mutable, replace


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
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)
    hidden: str = dataclasses.field(default="", repr=False)
    seen: list[int] = dataclasses.field(default_factory=list, compare=False)


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


def test_replace_fields_and_asdict_work_as_the_standard_ones() -> None:
    fast = Fast("a", seen=[1])
    moved = replace(fast, line=5)
    assert moved == Fast("a", 5) and moved.seen == [1]
    assert [f.name for f in fields(fast)] == ["name", "line", "tags", "hidden", "seen"]
    assert asdict(fast) == dataclasses.asdict(Standard("a", seen=[1]))
    assert Fast.__match_args__ == Standard.__match_args__
    with pytest.raises(TypeError, match="Fast has no field 'lines'"):
        replace(fast, lines=5)


def test_values_inside_values_become_dicts_and_standard_dataclasses_are_handed_on() -> None:
    outer = Sorted("p", 1)
    assert asdict(Holder(outer, [outer], {"k": (outer,)})) == {
        "one": {"path": "p", "line": 1},
        "many": [{"path": "p", "line": 1}],
        "named": {"k": ({"path": "p", "line": 1},)},
    }
    assert replace(Standard("a"), line=3) == Standard("a", 3)
    assert asdict(Holder(Standard("b"), [], {}))["one"] == dataclasses.asdict(Standard("b"))


def test_a_value_cannot_be_changed_but_can_be_copied_and_pickled() -> None:
    fast = Fast("a")
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'name'"):
        fast.name = "b"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="cannot delete field 'line'"):
        del fast.line  # type: ignore[misc]
    assert copy.deepcopy(fast) == fast
    assert pickle.loads(pickle.dumps(Sorted("p", 1))) == Sorted("p", 1)


def test_a_mutable_class_changes_compares_by_value_and_runs_post_init() -> None:
    counter = Counter(["a"])
    assert counter.total == 1 and counter == Counter(["a"]) and counter != Counter(["b"])
    counter.words.append("b")
    counter.total = 2
    assert repr(counter) == "Counter(words=['a', 'b'], total=2)"
    with pytest.raises(TypeError, match="unhashable"):
        hash(counter)


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


@frozen
class Holder:
    one: object
    many: list[object]
    named: dict[str, tuple[object, ...]]


@mutable
class Counter:
    words: list[str]
    total: int = field(default=0)

    def __post_init__(self) -> None:
        self.total = len(self.words)
