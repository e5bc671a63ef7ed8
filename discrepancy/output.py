"""Writing output files so a reader sees the old file or the new one, never half of either."""
from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import DiscrepancyError


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Replaces the file at `path` with `text` (UTF-8) in one step; on failure leaves it as it was.

    `text` may come in parts (a batch's findings a line at a time): they are written as they come, so
    the whole text is never held, and a part that fails (un-encodable, or its maker's error) leaves the
    old file in place all the same.
    """
    path = Path(path)
    try:
        # Text given whole is encoded before any file is touched; parts are, one by one, into the temporary file.
        parts = (text.encode("utf-8"),) if isinstance(text, str) else (part.encode("utf-8") for part in text)
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace_with(path, parts)
    except (OSError, UnicodeError) as error:
        raise DiscrepancyError(f"{path}: cannot write: {error}") from error


def _replace_with(path: Path, parts: Iterable[bytes]) -> None:
    # The temporary file sits beside the target: os.replace is atomic only within one file system.
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as stream:
            for part in parts:
                stream.write(part)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_directory(path.parent)


def _mode_for(path: Path) -> int:
    """The old file's permissions, or what a plain open() would give: mkstemp's 0600 would hide reports."""
    with contextlib.suppress(FileNotFoundError):
        return path.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _sync_directory(directory: Path) -> None:
    # Makes the rename itself durable; some systems cannot open a directory, which is no error.
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
