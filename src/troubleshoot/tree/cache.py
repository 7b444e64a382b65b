"""A cache of parsed trees, so a consortium's thousands of trees load in a blink.

Parsing YAML is most of the cost of ``list`` and ``check`` over a big library. The
cache keeps each parsed tree as JSON (data, never code: no pickle) in the user cache
folder, keyed by the file's path, size, modification time and content hash. The
file is still read and hashed every time, so an edit that keeps the size and the
time stamp is still seen: the cache is never wrong, only sometimes unused.
Anything odd about a cache entry (unreadable, corrupt, old format) means "parse again".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path
from typing import Any

from troubleshoot import files, paths, textfile
from troubleshoot.errors import Finding, TroubleshootError
from troubleshoot.tree.model import (
    Answer,
    Budget,
    CutText,
    Escalate,
    Goto,
    Node,
    Pos,
    Question,
    Refer,
    Resolved,
    Say,
    SelfHelp,
    Step,
    Symptom,
    Tree,
    WalkTest,
    kind_of,
)

FORMAT = 6  # bump when the model changes shape


def parse(path: Path) -> tuple[Tree | None, list[Finding]]:
    """Like :func:`loader.parse_tree`, through the cache."""
    name = str(path)
    try:
        text = textfile.read_text(path, follow_links=False)
        stat = path.stat()
    except TroubleshootError as e:
        return None, [Finding(name, e.line or 0, e.col or 0, "error", "yaml", e.message)]
    except OSError as e:
        return None, [Finding(name, 0, 0, "error", "yaml", f"cannot read file: {e}")]
    folder = paths.cache_dir()
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    key = {
        "format": FORMAT,
        "path": name,
        "size": stat.st_size,
        "mtime": stat.st_mtime_ns,
        "sha256": digest,
    }
    entry = _entry_path(folder, path) if folder else None
    if entry is not None:
        tree = _read(entry, key)
        if tree is not None:
            return tree, []
    from troubleshoot.tree.loader import parse_tree  # YAML is read only on a miss

    tree, findings = parse_tree(path, text)
    if tree is not None and entry is not None:
        _write(entry, key, tree)
    return tree, findings


def _entry_path(folder: Path, path: Path) -> Path:
    name = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()
    return folder / f"{name}.json"


def _read(entry: Path, key: dict[str, Any]) -> Tree | None:
    try:
        raw = json.loads(entry.read_text(encoding="utf-8"))
        if raw.get("key") != key:
            return None
        return _tree(raw["tree"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _write(entry: Path, key: dict[str, Any], tree: Tree) -> None:
    """Best effort: a full disk or a read-only cache just means no cache."""
    files.write_cache(entry, {"key": key, "tree": _dump_tree(tree)})


# -- model <-> JSON ------------------------------------------------------------------


def _p(pos: Pos) -> list[int]:
    return [pos.line, pos.col]


def _pos(raw: list[int]) -> Pos:
    return Pos(int(raw[0]), int(raw[1]))


def _dump_node(node: Node) -> dict[str, Any]:
    kind = kind_of(node)
    out: dict[str, Any] = {"kind": kind, "id": node.id, "pos": _p(node.pos)}
    if not isinstance(node, Goto):
        out["note"] = node.note
    if isinstance(node, (Question, Step, Say, Resolved)):
        out["patron"] = node.patron
    if isinstance(node, Question):
        out |= {
            "ask": node.ask,
            "detail": node.detail,
            "answers": [
                [a.text, a.next, _p(a.pos), _p(a.next_pos), a.patron] for a in node.answers
            ],
        }
    elif isinstance(node, Step):
        out |= {
            "step": node.step,
            "fixed": node.fixed,
            "not_fixed": node.not_fixed,
            "detail": node.detail,
            "minutes": node.minutes,
            "cannot": node.cannot,
            "admin": node.admin,
            "no_admin": node.no_admin,
            "policy": node.policy,
            "key_pos": {k: _p(v) for k, v in node.key_pos.items()},
        }
    elif isinstance(node, Say):
        out |= {
            "say": node.say,
            "next": node.next,
            "detail": node.detail,
            "next_pos": _p(node.next_pos),
        }
    elif isinstance(node, Goto):
        out |= {"tree": node.tree, "node": node.node}
    elif isinstance(node, Resolved):
        out |= {"text": node.text}
    elif isinstance(node, Refer):
        out |= {
            "who": node.who,
            "tell": node.tell,
            "bring": node.bring,
            "collect": list(node.collect),
        }
    else:
        out |= {
            "reason": node.reason,
            "workaround": node.workaround,
            "urgent": node.urgent,
            "collect": list(node.collect),
        }
    return out


def _node(raw: dict[str, Any]) -> Node:
    kind, node_id, pos = raw["kind"], raw["id"], _pos(raw["pos"])
    note = raw.get("note", "")
    patron = raw.get("patron", "")
    if kind == "ask":
        answers = tuple(Answer(t, n, _pos(p), _pos(q), w) for t, n, p, q, w in raw["answers"])
        return Question(node_id, raw["ask"], answers, raw["detail"], pos, note, patron)
    if kind == "step":
        return Step(
            node_id,
            raw["step"],
            raw["fixed"],
            raw["not_fixed"],
            raw["detail"],
            raw["minutes"],
            raw["cannot"],
            raw["admin"],
            raw["no_admin"],
            raw["policy"],
            pos,
            {k: _pos(v) for k, v in raw["key_pos"].items()},
            note,
            patron,
        )
    if kind == "say":
        next_pos = _pos(raw["next_pos"])
        return Say(node_id, raw["say"], raw["next"], raw["detail"], pos, next_pos, note, patron)
    if kind == "goto":
        return Goto(node_id, raw["tree"], raw["node"], pos)
    if kind == "resolved":
        return Resolved(node_id, raw["text"], pos, note, patron)
    if kind == "refer":
        collect = tuple(raw["collect"])
        return Refer(node_id, raw["who"], raw["tell"], raw["bring"], collect, pos, note)
    return Escalate(
        node_id, raw["reason"], raw["workaround"], raw["urgent"], tuple(raw["collect"]), pos, note
    )


def _dump_walk(t: WalkTest) -> list[Any]:
    return [list(t.answers), t.end, t.admin, _p(t.pos), t.name, t.patron, t.situation, t.forbid]


def _walk(raw: list[Any]) -> WalkTest:
    answers, end, admin, at, name, patron, situation, forbid = raw
    return WalkTest(tuple(answers), end, admin, _pos(at), name, patron, situation, tuple(forbid))


def _dump_tree(tree: Tree) -> dict[str, Any]:
    return {
        "id": tree.id,
        "path": tree.path,
        "title": tree.title,
        "summary": tree.summary,
        "start": tree.start,
        "nodes": [_dump_node(n) for n in tree.nodes.values()],
        "symptoms": [[s.text, s.node, _p(s.pos)] for s in tree.symptoms],
        "synonyms": list(tree.synonyms),
        "owner": tree.owner,
        "reviewed": tree.reviewed.isoformat() if tree.reviewed else None,
        "budget": [tree.budget.minutes, tree.budget.steps],
        "collect": list(tree.collect),
        "workaround": tree.workaround,
        "sources": list(tree.sources),
        "tests": [_dump_walk(t) for t in tree.tests],
        "scenarios": [_dump_walk(t) for t in tree.scenarios],
        "digest": tree.digest,
        "pos": _p(tree.pos),
        "key_pos": {k: _p(v) for k, v in tree.key_pos.items()},
        "cut_texts": [[_p(c.pos), c.where, c.kept] for c in tree.cut_texts],
        "self_help": _dump_self_help(tree.self_help),
    }


def _dump_self_help(helped: SelfHelp | None) -> list[Any] | None:
    if helped is None:
        return None
    return [helped.title, helped.start, helped.short, _p(helped.pos), _p(helped.start_pos)]


def _self_help(raw: list[Any] | None) -> SelfHelp | None:
    if raw is None:
        return None
    title, start, short, at, start_at = raw
    return SelfHelp(title, start, short, _pos(at), _pos(start_at))


def _tree(raw: dict[str, Any]) -> Tree:
    nodes = [_node(n) for n in raw["nodes"]]
    return Tree(
        id=raw["id"],
        path=raw["path"],
        title=raw["title"],
        summary=raw["summary"],
        start=raw["start"],
        nodes={n.id: n for n in nodes},
        symptoms=tuple(Symptom(t, n, _pos(p)) for t, n, p in raw["symptoms"]),
        synonyms=tuple(raw["synonyms"]),
        owner=raw["owner"],
        reviewed=dt.date.fromisoformat(raw["reviewed"]) if raw["reviewed"] else None,
        budget=Budget(*raw["budget"]),
        collect=tuple(raw["collect"]),
        workaround=raw["workaround"],
        sources=tuple(raw["sources"]),
        tests=tuple(_walk(t) for t in raw["tests"]),
        scenarios=tuple(_walk(t) for t in raw["scenarios"]),
        digest=raw["digest"],
        pos=_pos(raw["pos"]),
        key_pos={k: _pos(v) for k, v in raw["key_pos"].items()},
        cut_texts=tuple(CutText(_pos(p), w, k) for p, w, k in raw["cut_texts"]),
        self_help=_self_help(raw["self_help"]),
    )
