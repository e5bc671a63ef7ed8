"""Article files as text: read within a size limit, their encoding found, binary refused.

Nothing here holds more than the limit of one file: a 50 MB file is read to the limit,
a JSON line longer than its limit is skipped without being kept. For the encoding, a
byte-order mark is believed; then UTF-8, which most files are; then charset-normalizer
detects it among those news feeds use. Images, PDFs and archives are recognised by their
first bytes and refused, as is anything with NUL bytes.
"""
from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from typing import BinaryIO, Iterator, TextIO

from charset_normalizer import from_bytes

# Byte-order marks, UTF-32's first: it starts with UTF-16's.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# First bytes of formats that are never an article, with what to call them.
SIGNATURES = tuple((re.compile(pattern, re.DOTALL), name) for pattern, name in (
    (rb"\A%PDF-", "a PDF document"),
    (rb"\A\x89PNG\r\n\x1a\n", "a PNG image"),
    (rb"\A\xff\xd8\xff", "a JPEG image"),
    (rb"\AGIF8[79]a", "a GIF image"),
    (rb"\ARIFF....WEBP", "a WebP image"),
    (rb"\A(?:II\*\x00|MM\x00\*)", "a TIFF image"),
    (rb"\A\x00\x00\x01\x00", "an icon"),
    (rb"\A....ftyp", "an MP4 or HEIC file"),
    (rb"\APK(?:\x03\x04|\x05\x06|\x07\x08)", "a ZIP archive (or an Office document or EPUB)"),
    (rb"\A\x1f\x8b", "a gzip archive"),
    (rb"\ABZh[1-9]1AY&SY", "a bzip2 archive"),
    (rb"\A\xfd7zXZ\x00", "an xz archive"),
    (rb"\A7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (rb"\ARar!\x1a\x07", "a RAR archive"),
    (rb"\A.{257}ustar", "a tar archive"),
    (rb"\A\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (rb"\A\x7fELF", "a program"),
    (rb"\ASQLite format 3\x00", "an SQLite database"),
))
# Encodings seen in news feeds; charset-normalizer is asked about these only (not DOS code pages).
# UTF-16 and UTF-32 need their byte-order mark: without one their NUL bytes read as binary.
FEED_ENCODINGS = ("cp1252", "latin_1", "cp1251", "cp1250", "koi8_r", "koi8_u", "iso8859_2", "iso8859_5",
                  "iso8859_15", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "mac_roman", "mac_cyrillic",
                  "gb18030", "big5", "shift_jis", "euc_jp", "euc_kr", "iso2022_jp")
# Short texts fit several code pages equally well: Western and Cyrillic Windows pages first, Mac ones last.
PREFERENCE = {"cp1252": 0, "latin_1": 0, "cp1251": 0, "mac_roman": 2, "mac_cyrillic": 2}
EQUAL_CHAOS = 0.01  # detection scores within this are a tie
SAMPLE = 65_536  # bytes looked at for NULs and control characters
MAX_CONTROL_SHARE = 0.05  # more control characters than this is binary data, whatever decodes it
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")


class NotText(ValueError):
    """The bytes are not text an article could be: the message says what they are."""


def decode_bytes(data: bytes, complete: bool = True) -> tuple[str, str]:
    """(text, encoding name) of `data`; `complete=False` when the bytes were cut, maybe mid-character."""
    for signature, name in SIGNATURES:
        if signature.match(data):
            raise NotText(f"{name}, not text")
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _checked(_decode(data[len(mark):], encoding, complete, f"not valid {encoding} despite its "
                                                                              "byte-order mark"), encoding)
    if b"\x00" in data[:SAMPLE]:
        raise NotText("binary data (NUL bytes), not text")
    try:
        return _checked(_decode(data, "utf-8", complete, ""), "utf-8")
    except UnicodeDecodeError:
        pass
    encoding = detect_encoding(data)
    if encoding is None:
        raise NotText("not text in UTF-8 or any encoding news feeds use")
    return _checked(_decode(data, encoding, complete, f"not valid {encoding}"), encoding)


def detect_encoding(data: bytes) -> str | None:
    """The feed encoding charset-normalizer finds most likely for `data`, or None if none fits."""
    matches = list(from_bytes(data, cp_isolation=list(FEED_ENCODINGS)))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    tied = [match for match in matches if match.chaos <= least_chaos + EQUAL_CHAOS]
    best = min(tied, key=lambda match: (_preference(match.could_be_from_charset), -match.coherence))
    return next((name for name in best.could_be_from_charset if PREFERENCE.get(name) == 0), best.encoding)


def _preference(encodings: list[str]) -> int:
    return min(PREFERENCE.get(name, 1) for name in encodings)


def _decode(data: bytes, encoding: str, complete: bool, problem: str) -> str:
    # Incremental: bytes cut in the middle of a character are dropped rather than an error.
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return decoder.decode(data, final=complete)
    except UnicodeDecodeError:
        if not problem:
            raise
        raise NotText(problem) from None


def _checked(text: str, encoding: str) -> tuple[str, str]:
    sample = text[:SAMPLE]
    if len(CONTROL_CHARACTER.findall(sample)) > MAX_CONTROL_SHARE * len(sample):
        raise NotText("binary data (control characters), not text")
    return text, encoding


# --- reading within a limit ------------------------------------------------------------------

READ_CHUNK = 1 << 20
NEWLINES = ("\n", b"\n")
CUT_ZONE = 4  # a cut text ends at a line break, else a space, in its last quarter: no figure is split


def open_article_file(path: str) -> tuple[BinaryIO, int | None]:
    """The file opened for reading, and its size in bytes (None for a pipe or a device)."""
    # Non-blocking: opening a named pipe nobody writes to would wait for ever; reading it then ends at once.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        info = os.fstat(descriptor)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb"), (info.st_size if stat.S_ISREG(info.st_mode) else None)
    except BaseException:
        os.close(descriptor)
        raise


def read_head(stream: BinaryIO, limit: int) -> bytes:
    """At most `limit + 1` bytes of `stream`: one more than the limit says there was more."""
    chunks, size = [], 0
    while size <= limit:
        chunk = stream.read(min(READ_CHUNK, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def bounded_lines(stream: BinaryIO | TextIO, limit: int) -> Iterator[bytes | str | int]:
    """Each line of `stream`; one longer than `limit` (its newline not counted) is passed over unkept
    and given as its length."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and line[-1:] not in NEWLINES:
            yield len(line) + _rest_of_line(stream, limit)
        else:
            yield line


def _rest_of_line(stream: BinaryIO | TextIO, chunk: int) -> int:
    """Reads past the rest of a line: its length, the newline not counted."""
    length = 0
    while part := stream.readline(chunk):
        if part[-1:] in NEWLINES:
            return length + len(part) - 1
        length += len(part)
    return length


def cut_text(text: str, limit: int) -> str:
    """The start of `text` within `limit` UTF-8 bytes, ending at a line break or a space if one is near."""
    head = text.encode("utf-8", "surrogatepass")[:limit].decode("utf-8", "ignore")
    return text if len(head) == len(text) else end_at_break(head)


def end_at_break(text: str) -> str:
    """A cut text made to end after its last line break, else space, in its last quarter."""
    zone = len(text) - len(text) // CUT_ZONE
    for separator in ("\n", " "):
        at = text.rfind(separator, zone)
        if at >= 0:
            return text[:at + 1]
    return text
