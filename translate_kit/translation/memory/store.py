"""The translation memory file: SQLite (standard library ``sqlite3``) in WAL mode.

Tables (``schema`` 1, recorded in ``meta`` beside ``application = translate-kit memory``):

- ``engines``: one row per engine identity (:func:`translate_kit.engine.identity.engine_identity`) with its
  JSON description;
- ``segments``: ``(engine, method, input) → output`` — the raw output of one engine call for one exact input.
  ``method`` is ``translate`` or another engine method with its options as JSON (``translate_nbest {"n": 4}``);
  the output of ``translate`` is stored as text, other outputs as JSON;
- ``human``: human translations of source sentences, keyed by the normalised sentence
  (:func:`normalise`): ``approved`` 1 for an approved translation (from an edited review PO or an imported
  TMX), 0 for a draft (an edit still marked fuzzy); ``document``, ``unit`` and ``position`` say where it was
  approved, so that an approval whose source sentence later changed can be offered as a suggestion.

Writes are short transactions (a busy timeout lets concurrent runs sharing one memory wait for each other);
every engine batch is committed when it completes, so a killed run loses at most the batch in flight.
A file at the memory path that is not a SQLite database, or a damaged one, is moved aside with a warning
(:attr:`MemoryStore.warnings`); a SQLite database of another application is a :class:`MemoryFileError`.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ...errors import Diagnostic, TranslateKitError

APPLICATION = "translate-kit memory"
SCHEMA = 1
_BATCH = 500  # SQL parameters per look-up query
_DDL = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS engines (id INTEGER PRIMARY KEY, identity TEXT NOT NULL UNIQUE,
                                    description TEXT NOT NULL, created REAL NOT NULL);
CREATE TABLE IF NOT EXISTS segments (engine INTEGER NOT NULL, method TEXT NOT NULL, input TEXT NOT NULL,
                                     output TEXT NOT NULL, PRIMARY KEY (engine, method, input)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS human (source TEXT PRIMARY KEY, original TEXT NOT NULL, target TEXT NOT NULL,
                                  approved INTEGER NOT NULL, origin TEXT NOT NULL, document TEXT,
                                  unit TEXT, position INTEGER, created REAL NOT NULL);
CREATE INDEX IF NOT EXISTS human_at ON human (document, unit, position);
"""


class MemoryFileError(TranslateKitError):
    """The memory path holds something that is not a translate-kit memory (exit code 2)."""


def normalise(sentence: str) -> str:
    """The form under which human segments are matched: NFC, whitespace runs as one space, stripped."""
    return " ".join(unicodedata.normalize("NFC", sentence).split())


@dataclass(frozen=True, slots=True)
class HumanSegment:
    source: str  # as written by the translator (the key is its normalised form)
    target: str
    approved: bool
    origin: str  # "review" | "tmx"
    document: str | None = None
    unit: str | None = None
    position: int | None = None


class MemoryStore:
    """One open memory file. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path, *, timeout: float = 60.0):
        self.path = Path(path)
        self.warnings: list[Diagnostic] = []
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise MemoryFileError(f"cannot create the memory's directory: {exc.strerror or exc}", self.path) from None
        self._db = self._open(timeout)

    # -- opening ---------------------------------------------------------------------------------------------
    def _open(self, timeout: float) -> sqlite3.Connection:
        try:
            return self._connect(timeout)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                raise MemoryFileError(f"memory is locked by another process for too long: {exc}", self.path) from None
            aside = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
            try:
                os.replace(self.path, aside)
            except OSError as err:
                raise MemoryFileError(
                    f"not a usable translation memory ({exc}) and it cannot be moved aside: {err.strerror or err}",
                    self.path,
                ) from None
            for suffix in ("-wal", "-shm"):
                try:
                    os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
                except OSError:
                    pass
            self.warnings.append(
                Diagnostic(
                    "warning",
                    "memory-moved-aside",
                    f"not a usable translation memory ({exc}); moved aside to {aside.name}, starting an empty one",
                    str(self.path),
                )
            )
            return self._connect(timeout)

    def _connect(self, timeout: float) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            self._check_or_create(db)
        except BaseException:
            db.close()
            raise
        return db

    def _check_or_create(self, db: sqlite3.Connection) -> None:
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if tables and "meta" not in tables:
            raise MemoryFileError(
                "a SQLite database of another application, not a translate-kit memory; give another memory path",
                self.path,
            )
        if "meta" in tables:
            meta = dict(db.execute("SELECT key, value FROM meta"))
            if meta.get("application") != APPLICATION:
                raise MemoryFileError(
                    "a SQLite database of another application, not a translate-kit memory; give another memory path",
                    self.path,
                )
            if int(meta.get("schema", 0)) > SCHEMA:
                raise MemoryFileError(
                    f"memory schema {meta.get('schema')} is newer than this translate-kit "
                    f"reads ({SCHEMA}); upgrade translate-kit",
                    self.path,
                )
            check = db.execute("PRAGMA quick_check").fetchone()[0]
            if check != "ok":
                raise sqlite3.DatabaseError(f"integrity check failed: {check}")
            return
        with _transaction(db):
            for statement in filter(str.strip, _DDL.split(";")):
                db.execute(statement)
            db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('application', ?), ('schema', ?)", (APPLICATION, str(SCHEMA))
            )

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- machine segments ------------------------------------------------------------------------------------
    def engine_id(self, identity: str, description: dict) -> int:
        """The row id of an engine identity (created on first use)."""
        with _transaction(self._db):
            self._db.execute(
                "INSERT OR IGNORE INTO engines (identity, description, created) VALUES (?, ?, ?)",
                (identity, json.dumps(description, sort_keys=True, default=str), time.time()),
            )
            return self._db.execute("SELECT id FROM engines WHERE identity = ?", (identity,)).fetchone()[0]

    def get_many(self, engine: int, method: str, inputs: Sequence[str]) -> dict[str, str]:
        """Stored outputs of ``method`` for those of ``inputs`` the memory has."""
        found: dict[str, str] = {}
        for i in range(0, len(inputs), _BATCH):
            chunk = list(inputs[i : i + _BATCH])
            marks = ",".join("?" * len(chunk))
            found.update(
                self._db.execute(
                    f"SELECT input, output FROM segments WHERE engine = ? AND method = ? AND input IN ({marks})",
                    (engine, method, *chunk),
                )
            )
        return found

    def put_many(self, engine: int, method: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Store outputs (one transaction: all of them or none)."""
        with _transaction(self._db):
            self._db.executemany(
                "INSERT OR REPLACE INTO segments VALUES (?, ?, ?, ?)", ((engine, method, i, o) for i, o in pairs)
            )

    # -- human segments --------------------------------------------------------------------------------------
    def human_count(self) -> int:
        return self._db.execute("SELECT count(*) FROM human").fetchone()[0]

    def human_get_many(self, sources: Iterable[str]) -> dict[str, HumanSegment]:
        """Human segments by normalised source, for those of ``sources`` (any spacing) the memory has."""
        keys = list(dict.fromkeys(normalise(s) for s in sources))
        found: dict[str, HumanSegment] = {}
        for i in range(0, len(keys), _BATCH):
            chunk = keys[i : i + _BATCH]
            rows = self._db.execute(
                "SELECT source, original, target, approved, origin, document, unit, position FROM human "
                f"WHERE source IN ({','.join('?' * len(chunk))})",
                chunk,
            )
            found.update((r[0], HumanSegment(r[1], r[2], bool(r[3]), *r[4:])) for r in rows)
        return found

    def human_in_document(self, document: str) -> list[HumanSegment]:
        rows = self._db.execute(
            "SELECT original, target, approved, origin, document, unit, position FROM human WHERE document = ?",
            (document,),
        )
        return [HumanSegment(r[0], r[1], bool(r[2]), *r[3:]) for r in rows]

    def human_all(self) -> list[HumanSegment]:
        rows = self._db.execute(
            "SELECT original, target, approved, origin, document, unit, position FROM human ORDER BY source"
        )
        return [HumanSegment(r[0], r[1], bool(r[2]), *r[3:]) for r in rows]

    def human_put(self, segments: Iterable[HumanSegment]) -> int:
        """Store human segments; a draft never replaces an approved translation of the same source."""
        rows = [
            (
                normalise(s.source),
                s.source,
                s.target,
                int(s.approved),
                s.origin,
                s.document,
                s.unit,
                s.position,
                time.time(),
            )
            for s in segments
        ]
        with _transaction(self._db):
            for row in rows:
                if not row[3]:
                    self._db.execute("DELETE FROM human WHERE source = ? AND approved = 0", (row[0],))
                    self._db.execute("INSERT OR IGNORE INTO human VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
                else:
                    self._db.execute("INSERT OR REPLACE INTO human VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
        return len(rows)

    # -- figures ---------------------------------------------------------------------------------------------
    def stats(self) -> dict:
        one = self._db.execute
        return {
            "path": str(self.path),
            "engines": one("SELECT count(*) FROM engines").fetchone()[0],
            "segments": one("SELECT count(*) FROM segments").fetchone()[0],
            "approved": one("SELECT count(*) FROM human WHERE approved = 1").fetchone()[0],
            "drafts": one("SELECT count(*) FROM human WHERE approved = 0").fetchone()[0],
        }


class _transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT`` (``ROLLBACK`` on any exception, Ctrl-C included)."""

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def __enter__(self):
        self.db.execute("BEGIN IMMEDIATE")
        return self.db

    def __exit__(self, kind, exc, tb):
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
        return False
