"""Zip bombs for the upload tests: real XLSX files whose sheet inflates to `megabytes` MB.

The deflate stream is built from one compressed megabyte of spaces repeated: a full flush
resets the compressor, so every repetition compresses to the same bytes and a 1 GB bomb
takes a moment to build instead of a gigabyte of compression work.
"""

import io
import struct
import zipfile
import zlib

from gongkai.publishing import samplefiles

_MB = 1024 * 1024
_SHEET = "xl/worksheets/sheet1.xml"


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _bomb_sheet(megabytes: int) -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC-32, inflated size) of a valid sheet padded with spaces."""
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>'
    )
    tail = b"</worksheet>"
    spaces = b" " * _MB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    opening = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(spaces) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(head)
    for _ in range(megabytes):
        crc = zlib.crc32(spaces, crc)
    crc = zlib.crc32(tail, crc)
    stream = opening + block * megabytes + _raw_deflate(tail)
    return stream, crc, len(head) + megabytes * _MB + len(tail)


def xlsx_bomb(megabytes: int) -> bytes:
    """An XLSX that Excel would open, whose first sheet inflates to about `megabytes` MB."""
    entries = []
    with zipfile.ZipFile(io.BytesIO(samplefiles.xlsx_bytes([["名单"]]))) as source:
        for info in source.infolist():
            if info.filename == _SHEET:
                entries.append((info.filename, *_bomb_sheet(megabytes)))
            else:
                data = source.read(info)
                entries.append((info.filename, _raw_deflate(data), zlib.crc32(data), len(data)))
    return _zip(entries)


def _zip(entries) -> bytes:
    out, central = io.BytesIO(), io.BytesIO()
    for name, stream, crc, size in entries:
        offset = out.tell()
        encoded = name.encode()
        fields = (20, 0, 8, 0, 0x21, crc, len(stream), size, len(encoded))
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, *fields, 0) + encoded + stream)
        central.write(
            struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, *fields, 0, 0, 0, 0, 0, offset)
            + encoded
        )
    directory = central.getvalue()
    start = out.tell()
    out.write(directory)
    count = len(entries)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), start, 0))
    return out.getvalue()
