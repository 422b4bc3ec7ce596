"""Source texts as files: decode their bytes (UTF-8, GB18030, Big5 …), hash them, read them from disk.

Government pages are saved in either UTF-8 or GB18030; a curator should not have to know
which. Bytes in another encoding must not come out as garbage: Big5 bytes, for one, always
decode as GB18030, into rare characters. So a GB18030 reading is taken only when it reads as
the characters of mainland texts (GB2312's); otherwise charset-normalizer's best guess is
taken when it reads as Chinese, and the file is refused when none does.

The page "Add a document" decodes uploads with :func:`decode_text`; the command line reads
files with :func:`read_source`, which turns every failure into a :class:`CliError` naming the path.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path
from typing import NamedTuple

from charset_normalizer import from_bytes

from healthtargets.dataset.errors import CliError

# Of the Chinese characters (and private-use ones) of a GB18030 reading, at least this share
# is in GB2312 for a mainland text; Big5 read as GB18030 gives about a third.
MAINLAND_SHARE = 0.9
# Of the letters outside ASCII of a guessed reading, at least this share is Chinese characters.
CHINESE_SHARE = 0.9
_SAMPLE = 100_000  # characters enough to tell an encoding by
_HAN_OR_PRIVATE_RE = re.compile("[^\u4e00-\u9fff\ue000-\uf8ff]+")
_HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_SHOWN = 12  # characters of a rejected reading quoted in the error

# What the page "Add a document" reads for one visitor: a long plan is about 60,000 characters,
# and 200,000 are extracted in under a second, so one paste cannot hold the server for long.
# An upload of that many characters is at most 800 KB (UTF-8, 4 bytes each at worst): 1 MB.
PAGE_TEXT_MAX_CHARS = 200_000
PAGE_UPLOAD_MAX_MB = 1


class TextDecodeError(ValueError):
    """The bytes are not a text in any encoding we read."""


class Source(NamedTuple):
    """A source text read from a file: the text, the bytes it was decoded from, and their encoding."""

    text: str
    data: bytes
    encoding: str


def decode_text(data: bytes) -> tuple[str, str]:
    """The text of a file's bytes and the encoding it was read in.

    UTF-8 (with or without a byte-order mark) first, then GB18030 (which covers GBK and
    GB2312) when it reads as a mainland text, then charset-normalizer's best guess when it
    reads as Chinese (Big5, a GBK text of traditional characters). Raises TextDecodeError
    for bytes that are no text (binary data, control characters) or read as Chinese in no
    encoding.
    """
    if data.startswith(codecs.BOM_UTF8):
        return _checked(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"), "utf-16")
        except UnicodeDecodeError as exc:
            raise TextDecodeError(f"starts with a UTF-16 byte-order mark but is not UTF-16 ({exc.reason})") from exc
    try:
        return _checked(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        gb_text = data.decode("gb18030")
    except UnicodeDecodeError:
        gb_text = None
    if gb_text is not None and _reads_as_mainland(gb_text):
        return _checked(gb_text, "gb18030")
    best = from_bytes(data).best()
    if best is None and gb_text is None:
        raise TextDecodeError("not a text file: no reading as UTF-8, GB18030 or another encoding charset-normalizer knows")
    if best is not None:
        text, encoding = _checked(str(best), best.encoding)
        if gb_text is None or _reads_as_chinese(text):
            return text, encoding
    raise TextDecodeError(_no_chinese_reading(gb_text, best))


def _reads_as_mainland(text: str) -> bool:
    """True when the Chinese characters of a GB18030 reading are mostly GB2312's (or there are none)."""
    han = _HAN_OR_PRIVATE_RE.sub("", text[:_SAMPLE])
    common = len(han.encode("gb2312", errors="ignore")) // 2  # two bytes each
    return common >= MAINLAND_SHARE * len(han)


def _reads_as_chinese(text: str) -> bool:
    """True when the letters outside ASCII of a reading are mostly Chinese characters (not Hangul, kana …)."""
    letters = [c for c in text[:_SAMPLE] if not c.isascii() and c.isalpha()]
    han = sum(1 for c in letters if _HAN_RE.match(c))
    return han >= CHINESE_SHARE * len(letters)


def _no_chinese_reading(gb_text: str, best) -> str:
    """Why bytes that decode as GB18030 into rare characters are refused, quoting the readings."""
    gb_shown = gb_text.strip()[:_SHOWN]
    guess = (f"charset-normalizer's best guess, {best.encoding}, gives '{str(best).strip()[:_SHOWN]}'"
             if best is not None else "charset-normalizer finds no other reading")
    return (f"not UTF-8, and no encoding reads it as Chinese: GB18030 gives rare characters ('{gb_shown}'), "
            f"{guess}; save it as UTF-8")


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


def read_source(path: Path) -> Source:
    """The decoded text of a file, its raw bytes and their encoding; CliError with the path when it cannot be read."""
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
        text, encoding = decode_text(data)
    except TextDecodeError as exc:
        raise CliError(f"{path}: cannot decode as text: {exc}") from exc
    return Source(text, data, encoding)


def read_text(path: Path) -> tuple[str, bytes]:
    """The decoded text of a file and its raw bytes; CliError with the path when it cannot be read."""
    source = read_source(path)
    return source.text, source.data
