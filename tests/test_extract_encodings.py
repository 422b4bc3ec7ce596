"""Source files in the encodings a user may hand us: each is read right, or refused with a message naming it.

Big5 bytes always decode as GB18030, into rare characters; they used to come out as garbage
candidates without a word. Each case gives the exact text and encoding, or the exact error.
"""

from __future__ import annotations

import codecs
import json

import pytest

from healthtargets.cli import main
from healthtargets.extract.text import TextDecodeError, decode_text

SIMPLIFIED = "到2025年，全市养老机构护理型床位占比达到55%以上。截至2023年底，全市共有养老机构126家。"
TRADITIONAL = "到2025年，全市養老機構護理型床位佔比達到55%以上。截至2023年底，全市共有養老機構126家。"

READ = [  # (what, bytes, text, encoding)
    ("UTF-8", SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8"),
    ("UTF-8 with a byte-order mark", codecs.BOM_UTF8 + SIMPLIFIED.encode("utf-8"), SIMPLIFIED, "utf-8-sig"),
    ("UTF-16 with a byte-order mark", SIMPLIFIED.encode("utf-16"), SIMPLIFIED, "utf-16"),
    ("GB18030", SIMPLIFIED.encode("gb18030"), SIMPLIFIED, "gb18030"),
    ("GBK", SIMPLIFIED.encode("gbk"), SIMPLIFIED, "gb18030"),
    ("Big5 (was read as GB18030 garbage)", TRADITIONAL.encode("big5"), TRADITIONAL, "big5"),
    ("traditional characters in GB18030", TRADITIONAL.encode("gb18030"), TRADITIONAL, "gb18030"),
]

REFUSED = [  # (what, bytes, the error)
    ("Big5 too short to tell", "養老機構126家".encode("big5"),
     "not UTF-8, and no encoding reads it as Chinese: GB18030 gives rare characters ('緄ρ诀篶126產'), "
     "charset-normalizer's best guess, cp949, gives '푝┭업튰126췢'; save it as UTF-8"),
    ("Japanese in Shift-JIS", "東京都の病院は126か所です。".encode("shift_jis"),
     "not UTF-8, and no encoding reads it as Chinese: GB18030 gives rare characters ('搶嫗搒偺昦堾偼126偐強'), "
     "charset-normalizer's best guess, cp932, gives '東京都の病院は126か所'; save it as UTF-8"),
    ("repeated rare GBK pairs: the guess, EBCDIC, is no Chinese", bytes([0x81, 0x40, 0x9F, 0x7E, 0x85, 0x60] * 100),
     "not UTF-8, and no encoding reads it as Chinese: GB18030 gives rare characters ('丂焴卄丂焴卄丂焴卄丂焴卄'), "
     "charset-normalizer's best guess, cp875, gives 'a μ=e-a μ=e-'; save it as UTF-8"),
    ("varied rare GBK pairs: no guess at all", bytes(b for i in range(300) for b in (0x81 + i * 7 % 31, 0x40 + i * 11 % 63)),
     "not UTF-8, and no encoding reads it as Chinese: GB18030 gives rare characters ('丂圞廣朼漧厀孋揘歒俤塷恴'), "
     "charset-normalizer finds no other reading; save it as UTF-8"),
    ("binary data", b"\x00\x01\x02\x03" * 64, "contains NUL bytes: a binary file, not a text"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), [c[1:] for c in READ], ids=[c[0] for c in READ])
def test_read(data, text, encoding):
    assert decode_text(data) == (text, encoding)


@pytest.mark.parametrize(("data", "message"), [c[1:] for c in REFUSED], ids=[c[0] for c in REFUSED])
def test_refused_with_a_message(tmp_path, capsys, data, message):
    with pytest.raises(TextDecodeError) as caught:
        decode_text(data)
    assert str(caught.value) == message
    path = tmp_path / "source.txt"
    path.write_bytes(data)
    assert main(["extract", str(path)]) == 2
    assert capsys.readouterr() == ("", f"error: {path}: cannot decode as text: {message}\n")


def test_big5_file_gives_its_figures_and_says_how_it_was_read(tmp_path, capsys):
    path = tmp_path / "big5.txt"
    path.write_bytes(TRADITIONAL.encode("big5"))
    assert main(["extract", str(path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == f"note: {path} is neither UTF-8 nor GB18030: read as big5, charset-normalizer's guess\n"
    assert [(r["written"], r["kind"], r["year"]) for r in json.loads(out)] == [
        ("55%以上", "target", 2025), ("126家", "actual", 2023)]


def test_usual_encodings_are_read_without_a_note(tmp_path, capsys):
    path = tmp_path / "gb.txt"
    path.write_bytes(SIMPLIFIED.encode("gb18030"))
    assert main(["extract", str(path), "--format", "json"]) == 0
    assert capsys.readouterr().err == ""
