"""Reading a tree's example walks (``tests:``) and real cases (``scenarios:``).

Both are lists of answers and the end they should reach; a scenario also says what
the patron said and what was really going on. Kept apart from the loader, which
reads the tree itself.
"""

from __future__ import annotations

import yaml

from troubleshoot.tree.model import WalkTest
from troubleshoot.tree.reader import Reader, pos

__all__ = ["SCENARIO_KEYS", "TEST_KEYS", "read_walks"]

#: The keys of an example walk, and those a scenario adds.
TEST_KEYS = ("name", "answers", "end", "admin")
SCENARIO_KEYS = ("name", "patron", "situation", "answers", "end", "admin", "forbid")


def read_walks(r: Reader, node: yaml.Node, key: str = "tests") -> tuple[WalkTest, ...]:
    out = []
    scenario = key == "scenarios"
    for i, item in enumerate(r.sequence(node, f"{key}: "), 1):
        where = f"{key}[{i}]: "

        def one(item: yaml.Node = item, where: str = where) -> WalkTest:
            fields = r.mapping(item, where)
            r.known_keys(fields, SCENARIO_KEYS if scenario else TEST_KEYS, where)
            answers = r.texts(r.required(fields, "answers", pos(item), where), where + "answers: ")
            end = r.text(r.required(fields, "end", pos(item), where), where + "end: ")
            admin = r.boolean(fields["admin"][1], where + "admin: ") if "admin" in fields else False

            def text(key: str, required: bool = False) -> str:
                if key in fields:
                    return r.text(fields[key][1], f"{where}{key}: ")
                if required:
                    r.required(fields, key, pos(item), where)
                return ""

            return WalkTest(
                answers,
                end,
                admin,
                pos(item),
                name=text("name"),
                patron=text("patron", scenario),
                situation=text("situation", scenario),
                forbid=r.texts(fields["forbid"][1], where + "forbid: ")
                if "forbid" in fields
                else (),
            )

        test = r.attempt(one, None)
        if test is not None:
            out.append(test)
    return tuple(out)
