"""Editors' decisions on findings (accepted, dismissed, flagged, with a note) and the session file keeping them.

Finding ids ("f12") are positions in one run's list and shift whenever the analysis changes, so decisions are
keyed by what the finding *is*: its type, the text of its article, its span and its text. The session file is
named after a content key (a hash of the compared articles' texts), so opening the same articles again, in
any order and under any file names, finds the same decisions.

Saves go through `core.atomic` (temporary file, fsync, rename): a crash or a full disk leaves the previous
session whole. A session file that cannot be used (bad JSON, another schema, other articles, nesting too deep)
is renamed to `<name>.corrupt-<timestamp>` and reported, never overwritten.

Two windows on the same articles share one session file: a save re-reads it under a lock and merges
(`core.shared_file`) what this window changed since its last save or load into what the file holds now.
Decisions merge by finding key (`merge_keyed`: keys this window changed come from it, the others stay as the
file has them); corrections merge as a sequence (`merge_sequence`: the file's, less those this window
removed, plus those it added). A further section of the document merges the same way: diff it against
`Session._base` and apply one of the two in `Session._merged`.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from compare_tui.core.atomic import write_text_atomic
from compare_tui.core.corrections import CORRECTION_ACTIONS, Correction
from compare_tui.core.models import Article, Finding
from compare_tui.core.shared_file import merge_keyed, merge_sequence, update

SESSION_SCHEMA = "compare-tui.session/1"

TriageName = Literal["accepted", "dismissed", "flagged"]
TRIAGE_STATES: tuple[TriageName, ...] = ("accepted", "dismissed", "flagged")

Clock = Callable[[], datetime]


class SessionError(Exception):
    """A session that cannot be read, set aside or saved; str() is one line naming the file and the reason."""


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Decision:
    """What an editor decided about one finding: a state (None when only a note was written) and a note."""

    state: TriageName | None
    note: str = ""
    updated: str = ""
    """When the decision last changed, ISO 8601 in UTC."""

    def __post_init__(self) -> None:
        if self.state is not None and self.state not in TRIAGE_STATES:
            raise ValueError(
                f"unknown triage state {self.state!r}; expected one of {', '.join(TRIAGE_STATES)}"
            )

    @property
    def is_empty(self) -> bool:
        """True when the decision says nothing (no state, no note)."""
        return self.state is None and not self.note.strip()


def finding_key(finding: Finding, article: Article) -> str:
    """The identity of a finding that survives re-running the analysis: type, article text, span, text, group."""
    return _finding_key(
        finding.type, _text_digest(article.text), finding.start, finding.end, finding.text, finding.key
    )


@lru_cache(maxsize=64)
def _text_digest(text: str) -> str:
    """An article text's hash, kept: every finding key needs it, and re-keying follows every correction."""
    return _sha256(text)


@lru_cache(maxsize=65536)
def _finding_key(type_: str, digest: str, start: int, end: int, text: str, group: str | None) -> str:
    identity = json.dumps([type_, digest, start, end, text, group], ensure_ascii=False)
    return f"{type_}@{start}-{end}:{_sha256(identity)[:16]}"


def content_key(articles: Iterable[Article]) -> str:
    """A hash of the compared articles' texts, independent of their order, ids and file names."""
    digests = sorted(_sha256(a.text) for a in articles)
    return _sha256("\n".join(digests))


@dataclass(frozen=True)
class TriageState:
    """All of an editor's work on one comparison: decisions by finding key, and the alignment corrections.

    Immutable; every change returns a new state (which is what undo and redo step through).
    """

    decisions: Mapping[str, Decision] = field(default_factory=dict)
    corrections: tuple[Correction, ...] = ()
    """Corrections of the alignment, in the order made (`core.corrections`)."""

    def __post_init__(self) -> None:
        cleaned = {k: d for k, d in sorted(self.decisions.items()) if not d.is_empty}
        object.__setattr__(self, "decisions", MappingProxyType(cleaned))

    def __len__(self) -> int:
        return len(self.decisions)

    def __iter__(self) -> Iterator[str]:
        return iter(self.decisions)

    def get(self, key: str) -> Decision | None:
        """The decision for a finding key, or None."""
        return self.decisions.get(key)

    def decide(
        self,
        key: str,
        *,
        state: TriageName | None,
        note: str | None = None,
        clock: Clock = _utc_now,
    ) -> TriageState:
        """A copy with the finding's state set (None clears it); the note is kept unless a new one is given."""
        old = self.decisions.get(key)
        kept_note = old.note if old else ""
        decision = Decision(
            state=state,
            note=kept_note if note is None else note.strip(),
            updated=clock().isoformat(timespec="seconds"),
        )
        return replace(self, decisions={**self.decisions, key: decision})

    def annotate(self, key: str, note: str, *, clock: Clock = _utc_now) -> TriageState:
        """A copy with the finding's note replaced (an empty note removes it), keeping its state."""
        old = self.decisions.get(key)
        return self.decide(key, state=old.state if old else None, note=note, clock=clock)

    def correct(self, correction: Correction) -> TriageState:
        """A copy with one more correction of the alignment."""
        return replace(self, corrections=(*self.corrections, correction))

    def without_corrections(self, dropped: Iterable[Correction]) -> TriageState:
        """A copy without corrections that can no longer be applied."""
        gone = set(dropped)
        return replace(self, corrections=tuple(c for c in self.corrections if c not in gone))

    def counts(self) -> dict[TriageName, int]:
        """How many findings are in each state."""
        out: dict[TriageName, int] = dict.fromkeys(TRIAGE_STATES, 0)
        for decision in self.decisions.values():
            if decision.state is not None:
                out[decision.state] += 1
        return out


@dataclass(frozen=True, slots=True)
class TriageLookup:
    """A comparison's findings joined with a triage state: the decision of each finding by its id."""

    by_finding_id: Mapping[str, Decision]
    keys: Mapping[str, str]
    """Finding id -> stable finding key."""

    def decision(self, finding: Finding) -> Decision | None:
        """The decision about a finding of the comparison, or None."""
        return self.by_finding_id.get(finding.id)

    def is_dismissed(self, finding: Finding) -> bool:
        """True when the finding was dismissed."""
        decision = self.by_finding_id.get(finding.id)
        return decision is not None and decision.state == "dismissed"


def lookup(
    findings: Sequence[Finding], articles: Sequence[Article], state: TriageState | None
) -> TriageLookup:
    """Join findings with the decisions of `state` through their stable keys."""
    by_article = {a.id: a for a in articles}
    keys = {f.id: finding_key(f, by_article[f.article]) for f in findings if f.article in by_article}
    decisions = state.decisions if state is not None else {}
    found = {fid: decisions[k] for fid, k in keys.items() if k in decisions}
    return TriageLookup(by_finding_id=MappingProxyType(found), keys=MappingProxyType(keys))


# --- the session file --------------------------------------------------------------------------------------


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The user's data folder for compare-tui (XDG: $XDG_DATA_HOME or ~/.local/share)."""
    environ = os.environ if environ is None else environ
    base = environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "compare-tui"


def default_session_path(key: str, *, environ: Mapping[str, str] | None = None) -> Path:
    """Where the session of the articles with content key `key` lives by default."""
    return data_dir(environ) / "sessions" / f"{key}.json"


@dataclass(frozen=True, slots=True)
class SessionLoad:
    """The state read from a session file and, when the file was unusable, the one-line problem report."""

    state: TriageState
    problem: str | None = None


def session_document(
    state: TriageState, *, key: str, findings: Mapping[str, Finding] | None = None
) -> dict[str, Any]:
    """The JSON document of a session; `findings` (key -> Finding) adds readable context to each decision."""
    findings = findings or {}
    decisions: dict[str, Any] = {}
    for fkey, decision in state.decisions.items():
        entry: dict[str, Any] = {"state": decision.state, "note": decision.note, "updated": decision.updated}
        if fkey in findings:
            f = findings[fkey]
            entry["finding"] = {"type": f.type, "article": f.article, "text": f.text}
        decisions[fkey] = entry
    corrections = [
        {
            "action": c.action,
            "segments": list(c.segments),
            "target": c.target,
            "at": c.at,
            "excerpt": c.excerpt,
        }
        for c in state.corrections
    ]
    return {"schema": SESSION_SCHEMA, "content_key": key, "decisions": decisions, "corrections": corrections}


def _parse_corrections(raw: Any) -> tuple[Correction, ...]:
    """The corrections of a session document (absent in sessions written before there were any)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise ValueError("'corrections' is not a list")
    out = []
    for n, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict):
            raise ValueError(f"correction {n} is not an object")
        segments, target = entry.get("segments"), entry.get("target")
        at, excerpt = entry.get("at", ""), entry.get("excerpt", "")
        if entry.get("action") not in CORRECTION_ACTIONS:
            raise ValueError(f"correction {n}: unknown action {entry.get('action')!r}")
        if not isinstance(segments, list) or not all(isinstance(k, str) for k in segments):
            raise ValueError(f"correction {n}: 'segments' must be a list of strings")
        if (
            not (target is None or isinstance(target, str))
            or not isinstance(at, str)
            or not isinstance(excerpt, str)
        ):
            raise ValueError(f"correction {n}: target, at and excerpt must be strings")
        try:
            out.append(Correction(entry["action"], tuple(segments), target, at, excerpt))
        except ValueError as exc:
            raise ValueError(f"correction {n}: {exc}") from None
    return tuple(out)


def parse_session(document: Any, *, key: str) -> TriageState:
    """The state of a session document; ValueError (the reason) when it is foreign or malformed."""
    if not isinstance(document, dict):
        raise ValueError("not a session (expected a JSON object)")
    if document.get("schema") != SESSION_SCHEMA:
        raise ValueError(f"not a {SESSION_SCHEMA} session (schema {document.get('schema')!r})")
    if document.get("content_key") != key:
        raise ValueError("it belongs to other articles (content key differs)")
    raw = document.get("decisions")
    if not isinstance(raw, dict):
        raise ValueError("'decisions' is not an object")
    decisions: dict[str, Decision] = {}
    for fkey, entry in raw.items():
        if not isinstance(entry, dict):
            raise ValueError(f"decision {fkey!r} is not an object")
        state, note, updated = entry.get("state"), entry.get("note", ""), entry.get("updated", "")
        if not isinstance(note, str) or not isinstance(updated, str):
            raise ValueError(f"decision {fkey!r}: note and updated must be strings")
        try:
            decisions[str(fkey)] = Decision(state=state, note=note, updated=updated)
        except ValueError as exc:
            raise ValueError(f"decision {fkey!r}: {exc}") from None
    return TriageState(decisions, _parse_corrections(document.get("corrections")))


def set_aside(path: Path, *, clock: Clock = _utc_now) -> Path:
    """Rename an unusable session file to `<name>.corrupt-<timestamp>` (never over an existing file)."""
    stamp = clock().strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    os.replace(path, target)
    return target


def load_session(path: Path, *, key: str, set_aside_bad: bool = True, clock: Clock = _utc_now) -> SessionLoad:
    """Read a session; a missing file is an empty state, an unusable one is reported and (by default) set aside."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return SessionLoad(TriageState())
    except OSError as exc:
        raise SessionError(f"{path}: cannot read the session ({exc.strerror or exc})") from None
    try:
        return SessionLoad(parse_session(json.loads(raw.decode("utf-8")), key=key))
    except (UnicodeDecodeError, json.JSONDecodeError):
        reason = "not valid JSON"
    except RecursionError:
        reason = "not a session (nested too deeply)"
    except ValueError as exc:  # also an integer of thousands of digits
        reason = str(exc)
    if not set_aside_bad:
        return SessionLoad(TriageState(), problem=f"{path}: {reason}; ignored")
    try:
        moved = set_aside(path, clock=clock)
    except OSError as exc:
        raise SessionError(f"{path}: unusable session ({reason}) and cannot set it aside ({exc})") from None
    return SessionLoad(TriageState(), problem=f"{path}: {reason}; set aside as {moved.name}, starting afresh")


def save_session(
    path: Path, state: TriageState, *, key: str, findings: Mapping[str, Finding] | None = None
) -> None:
    """Write the session atomically (temporary file, fsync, rename), creating its folder if needed."""
    text = (
        json.dumps(session_document(state, key=key, findings=findings), ensure_ascii=False, indent=2) + "\n"
    )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(path, text)
    except OSError as exc:
        raise SessionError(f"{path}: session not saved ({exc.strerror or exc})") from None


class Session:
    """The live triage session of one comparison: the current state, saved on every change."""

    def __init__(
        self,
        articles: Sequence[Article],
        findings: Sequence[Finding],
        *,
        path: Path | None = None,
        clock: Clock = _utc_now,
    ) -> None:
        self.key = content_key(articles)
        self.path = path if path is not None else default_session_path(self.key)
        self._clock = clock
        self._articles = {a.id: a for a in articles}
        self.track(findings)
        loaded = load_session(self.path, key=self.key, clock=clock)
        self.state = loaded.state
        self.problem = loaded.problem
        """The one-line report of a session file that had to be set aside, if any."""
        self._base = self.state
        """The state as last loaded or saved: what this window changed is the difference from it..."""
        self._touched: set[str] = set()
        """...and the finding keys it decided or annotated since (clearing one it never saw set is a change)."""

    def track(self, findings: Sequence[Finding]) -> None:
        """Follow a new analysis of the same articles (ids renumbered); the decisions stay as they are."""
        by_article = self._articles
        self._findings = {
            finding_key(f, by_article[f.article]): f for f in findings if f.article in by_article
        }
        # Two identical articles give identical findings one key; every finding id must still have its key.
        self._key_of = {
            f.id: finding_key(f, by_article[f.article]) for f in findings if f.article in by_article
        }

    def key_of(self, finding: Finding) -> str:
        """The stable key of one of this comparison's findings."""
        return self._key_of[finding.id]

    def decision(self, finding: Finding) -> Decision | None:
        """The current decision about a finding."""
        return self.state.get(self.key_of(finding))

    def decide(self, finding: Finding, state: TriageName | None) -> Decision | None:
        """Set a finding's state (None clears it) and save; SessionError if the save failed (state is kept)."""
        key = self.key_of(finding)
        self.state = self.state.decide(key, state=state, clock=self._clock)
        self._touched.add(key)
        self.save()
        return self.decision(finding)

    def toggle(self, finding: Finding, state: TriageName) -> Decision | None:
        """Set `state`, or clear it when the finding already has it; then save."""
        current = self.decision(finding)
        return self.decide(finding, None if current and current.state == state else state)

    def annotate(self, finding: Finding, note: str) -> Decision | None:
        """Replace a finding's note (empty removes it) and save."""
        key = self.key_of(finding)
        self.state = self.state.annotate(key, note, clock=self._clock)
        self._touched.add(key)
        self.save()
        return self.decision(finding)

    def correct(self, correction: Correction) -> None:
        """Add a correction of the alignment and save; SessionError if the save failed (the state is kept)."""
        self.state = self.state.correct(correction)
        self.save()

    def restore(self, state: TriageState) -> None:
        """Go back (or forward) to an earlier state, as undo and redo do, and save."""
        self.state = state
        self.save()

    def save(self) -> None:
        """Merge this window's changes into the session file under its lock and write it atomically.

        Afterwards the state also holds what other windows saved meanwhile. On failure (SessionError) the
        changes stay pending and the next save tries them again.
        """
        try:
            self.state = self._base = update(self.path, self._merged)
        except OSError as exc:
            raise SessionError(f"{self.path}: session not saved ({exc.strerror or exc})") from None
        self._touched.clear()

    def _merged(self) -> TriageState:
        """Re-read the file (setting an unusable one aside), apply this window's changes, write; under lock."""
        on_disk = load_session(self.path, key=self.key, clock=self._clock)
        if on_disk.problem:
            self.problem = on_disk.problem
        base, mine = self._base.decisions, self.state.decisions
        changed = self._touched | {k for k in base.keys() | mine.keys() if base.get(k) != mine.get(k)}
        merged = TriageState(
            merge_keyed(on_disk.state.decisions, mine, changed),
            merge_sequence(on_disk.state.corrections, self._base.corrections, self.state.corrections),
        )
        save_session(self.path, merged, key=self.key, findings=self._findings)
        return merged
