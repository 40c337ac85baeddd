"""Where private files live: a small interface, a local folder now, an object store later.

Files are stored under generated keys, never under the uploader's name, outside any
directory a web server publishes. A stored file is never overwritten: a new version of a
document is a new file with a new key.
"""

import os
import re
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, Protocol

from ..config import get_settings

_KEY = re.compile(r"^[0-9a-f]{40}$")


class PendingWrite(Protocol):
    """A file being written: bytes go in, then ``commit`` gives its key or ``abort`` drops it."""

    def write(self, data: bytes) -> None: ...

    def commit(self) -> str: ...

    def abort(self) -> None: ...


class Storage(Protocol):
    def begin(self) -> PendingWrite:
        """Start writing a new file (for callers that are fed pieces, like a streaming parser)."""
        ...

    def put(self, chunks: Iterable[bytes]) -> str:
        """Store everything ``chunks`` yields; returns the new key. If the iterable raises,
        nothing is kept and the error propagates."""
        ...

    def open(self, key: str) -> BinaryIO:
        """The stored bytes, for reading (FileNotFoundError if there is no such key)."""
        ...

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Remove a file no record refers to (a refused or abandoned upload)."""
        ...


def new_key() -> str:
    return secrets.token_hex(20)


def valid_key(key: str) -> bool:
    return isinstance(key, str) and bool(_KEY.match(key))


class _LocalPending:
    def __init__(self, storage: "LocalStorage") -> None:
        self._storage = storage
        storage.tmp_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._tmp = storage.tmp_dir / f"{new_key()}.part"
        fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        self._fh = os.fdopen(fd, "wb")
        self._done = False

    def write(self, data: bytes) -> None:
        self._fh.write(data)

    def commit(self) -> str:
        """Flush to disk, then give the file its final name; never replaces an existing file."""
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        try:
            while True:
                key = new_key()
                final = self._storage.path_of(key)
                final.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                try:
                    os.link(self._tmp, final)  # fails if the name exists: no overwrite
                except FileExistsError:
                    continue
                break
        except BaseException:
            self.abort()
            raise
        self._tmp.unlink(missing_ok=True)
        self._done = True
        return key

    def abort(self) -> None:
        if self._done:
            return
        self._done = True
        if not self._fh.closed:
            self._fh.close()
        self._tmp.unlink(missing_ok=True)


class LocalStorage:
    """Files under ``root/ab/cd/<key>`` (mode 0600); partial uploads under ``root/tmp``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.tmp_dir = self.root / "tmp"

    def path_of(self, key: str) -> Path:
        if not valid_key(key):
            raise ValueError("kunci penyimpanan tidak sah")
        return self.root / key[:2] / key[2:4] / key

    def begin(self) -> _LocalPending:
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        return _LocalPending(self)

    def put(self, chunks: Iterable[bytes]) -> str:
        pending = self.begin()
        try:
            for chunk in chunks:
                pending.write(chunk)
        except BaseException:
            pending.abort()
            raise
        return pending.commit()

    def open(self, key: str) -> BinaryIO:
        return self.path_of(key).open("rb")

    def exists(self, key: str) -> bool:
        return valid_key(key) and self.path_of(key).is_file()

    def delete(self, key: str) -> None:
        if valid_key(key):
            self.path_of(key).unlink(missing_ok=True)


def get_storage() -> Storage:
    """The configured storage; only the local folder exists today."""
    return LocalStorage(get_settings().files_dir)
