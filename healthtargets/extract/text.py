"""Source texts as files: decode UTF-8 or GB18030 bytes, hash them, read them from disk.

Government pages are saved in either encoding; a curator should not have to know which.
The page "Add a document" decodes uploads with :func:`decode_text`; the command line reads
files with :func:`read_text`, which turns every failure into a :class:`CliError` naming the path.
"""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

from charset_normalizer import from_bytes

from healthtargets.dataset.errors import CliError

# Tried in order: strict decoding, so the first that succeeds is right for the
# documents we meet (UTF-8 rarely decodes text written in GB18030, and vice versa).
ENCODINGS = ("utf-8", "gb18030")


class TextDecodeError(ValueError):
    """The bytes are not a text in any encoding we read."""


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was read in.

    UTF-8 (with or without a byte-order mark) first, then GB18030 (which covers GBK and
    GB2312), then charset-normalizer's best guess. Raises TextDecodeError for bytes that
    are no text (binary data, control characters).
    """
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise TextDecodeError(f"starts with a UTF-16 byte-order mark but is not UTF-16 ({exc.reason})") from exc
    for encoding in ENCODINGS:
        try:
            return _checked(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            continue
    best = from_bytes(data).best()
    if best is None:
        raise TextDecodeError("not a text file: no reading as UTF-8, GB18030 or another encoding charset-normalizer knows")
    return _checked(str(best), best.encoding)


def _checked(text: str, encoding: str) -> tuple[str, str]:
    """Refuse binary data that happens to decode: NUL bytes or many control characters."""
    if "\x00" in text:
        raise TextDecodeError("contains NUL bytes: a binary file, not a text")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if controls > max(2, len(text) // 100):
        raise TextDecodeError("contains control characters: a binary file, not a text")
    return text, encoding


def text_sha256(data: bytes) -> str:
    """The sha256 (hex) of a text file's bytes, as targets.yaml records it."""
    return hashlib.sha256(data).hexdigest()


def read_text(path: Path) -> tuple[str, bytes]:
    """The decoded text of a file and its raw bytes; CliError with the path when it cannot be read."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise CliError(f"{path}: no such file") from exc
    except IsADirectoryError as exc:
        raise CliError(f"{path}: is a folder, not a text file") from exc
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror})") from exc
    try:
        text, _ = decode_text(data)
    except TextDecodeError as exc:
        raise CliError(f"{path}: cannot decode as text: {exc}") from exc
    return text, data
