#!/usr/bin/env python3
"""Writes the hostile base images of tests/store/binary_test.cpp (run from anywhere).

valid.liaison is base.json imported by the built CLI (give its path, default
build/tools/liaison/liaison); every other *.liaison is that image with one thing broken, and
expected.tsv holds the exact error each must give. The layout is docs/storage-engine.md §4:
a 128-byte header, a directory of 40-byte entries, then the sections.
"""
import os
import struct
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..', '..'))
SECTIONS = ['STRING_OFFSETS', 'STRING_HEAP', 'GRAPH_INFO', 'RELATIONS', 'LABELS', 'NODE_ID',
            'NODE_LABEL_OFFSETS', 'NODE_LABELS', 'NODE_NAME_EN', 'NODE_NAME_AR',
            'NODE_ALIAS_OFFSETS', 'NODE_ALIASES', 'NODE_TIME', 'NODE_SOURCE_OFFSETS',
            'NODE_SOURCES', 'NODE_SOURCE_SPANS', 'NODE_PROPERTY_OFFSETS', 'NODE_PROPERTY_BLOB',
            'EDGE_SRC', 'EDGE_DST', 'EDGE_TYPE', 'EDGE_ID', 'EDGE_TIME', 'EDGE_SOURCE_OFFSETS',
            'EDGE_SOURCES', 'EDGE_SOURCE_SPANS', 'EDGE_PROPERTY_OFFSETS', 'EDGE_PROPERTY_BLOB',
            'FWD_OFFSETS', 'REV_OFFSETS', 'REV_EDGES', 'LABEL_OFFSETS', 'LABEL_NODES',
            'TYPE_OFFSETS', 'TYPE_EDGES', 'NAME_KEYS', 'NAME_POSTINGS', 'DOCUMENTS']


class Image:
    def __init__(self, data):
        self.b = bytearray(data)

    def entry_at(self, name):
        return 128 + SECTIONS.index(name) * 40

    def section(self, name):
        kind, size, offset, nbytes, count, crc, _ = struct.unpack_from(
            '<IIQQQII', self.b, self.entry_at(name))
        return offset, nbytes, count

    def put(self, name, index, fmt, value):
        offset, _, _ = self.section(name)
        struct.pack_into('<' + fmt, self.b, offset + index * struct.calcsize('<' + fmt), value)

    def get(self, name, index, fmt):
        offset, _, _ = self.section(name)
        return struct.unpack_from('<' + fmt, self.b, offset + index * struct.calcsize('<' + fmt))[0]

    def seal(self, sections=True):
        """Recomputes checksums: the sections', the directory's, the header's."""
        n = len(SECTIONS)
        if sections:
            for name in SECTIONS:
                offset, nbytes, _ = self.section(name)
                struct.pack_into('<I', self.b, self.entry_at(name) + 32,
                                 zlib.crc32(bytes(self.b[offset:offset + nbytes])))
        struct.pack_into('<I', self.b, 120, zlib.crc32(bytes(self.b[128:128 + n * 40])))
        struct.pack_into('<I', self.b, 124, zlib.crc32(bytes(self.b[:124])))
        return bytes(self.b)


def variants(valid):
    def edit(f, sections=True):
        img = Image(valid)
        f(img)
        return img.seal(sections)

    def string_index(img, text):
        heap, _, _ = img.section('STRING_HEAP')
        offsets, _, count = img.section('STRING_OFFSETS')
        for i in range(count - 1):
            a, b = struct.unpack_from('<QQ', img.b, offsets + 8 * i)
            if bytes(img.b[heap + a:heap + b]) == text.encode():
                return i
        raise KeyError(text)

    out = {}
    out['empty.liaison'] = b''
    out['truncated-header.liaison'] = valid[:100]
    out['truncated.liaison'] = valid[:len(valid) // 2]
    out['trailing-bytes.liaison'] = valid + b'\0' * 8
    out['wrong-magic.liaison'] = b'LIAISONX' + valid[8:]
    out['future-version.liaison'] = edit(lambda i: struct.pack_into('<I', i.b, 8, 2))
    out['big-endian.liaison'] = edit(lambda i: struct.pack_into('<I', i.b, 12, 0x04030201))
    damaged = bytearray(valid)
    damaged[24] ^= 1  # node count, header checksum left as it was
    out['header-checksum.liaison'] = bytes(damaged)

    def dir_damage(img):
        struct.pack_into('<Q', img.b, img.entry_at('EDGE_DST') + 8, 8)
    img = Image(valid)
    dir_damage(img)
    struct.pack_into('<I', img.b, 124, zlib.crc32(bytes(img.b[:124])))
    out['directory-checksum.liaison'] = bytes(img.b)
    out['section-past-end.liaison'] = edit(
        lambda i: struct.pack_into('<Q', i.b, i.entry_at('EDGE_DST') + 8, len(valid)))
    out['section-misaligned.liaison'] = edit(
        lambda i: struct.pack_into('<Q', i.b, i.entry_at('EDGE_DST') + 8,
                                   i.section('EDGE_DST')[0] + 1))
    out['section-wrong-count.liaison'] = edit(
        lambda i: struct.pack_into('<QQ', i.b, i.entry_at('NODE_ID') + 16, 4, 1))
    out['offset-past-section.liaison'] = edit(lambda i: i.put('NODE_LABEL_OFFSETS', 2, 'I', 7))
    out['reversed-offsets.liaison'] = edit(lambda i: i.put('NODE_ALIAS_OFFSETS', 2, 'I', 0))
    out['edge-endpoint.liaison'] = edit(lambda i: i.put('EDGE_DST', 0, 'I', 999))
    out['relation-type.liaison'] = edit(lambda i: i.put('EDGE_TYPE', 0, 'H', 4000))
    out['string-id.liaison'] = edit(lambda i: i.put('NODE_ID', 0, 'I', 123456))
    out['unsorted-ids.liaison'] = edit(lambda i: (lambda a, b: i.put('NODE_ID', 0, 'I', b) or
                                                  i.put('NODE_ID', 1, 'I', a))(
        i.get('NODE_ID', 0, 'I'), i.get('NODE_ID', 1, 'I')))
    out['duplicate-id.liaison'] = edit(lambda i: i.put('NODE_ID', 1, 'I', i.get('NODE_ID', 0, 'I')))
    out['bad-node-id.liaison'] = edit(lambda i: i.put('NODE_ID', 0, 'I', string_index(i, 'Ahmed')))
    out['bad-relation-name.liaison'] = edit(lambda i: i.put('RELATIONS', 0, 'I', 0))
    out['renamed-relation.liaison'] = edit(
        lambda i: i.put('RELATIONS', 0, 'I', string_index(i, 'Ahmed')))

    def heap_byte(img, text, value):
        heap, _, _ = img.section('STRING_HEAP')
        at = bytes(img.b[heap:]).index(text.encode())
        img.b[heap + at] = value
    out['invalid-utf8.liaison'] = edit(lambda i: heap_byte(i, 'Ahmed', 0xFF))
    out['nul-in-string.liaison'] = edit(lambda i: heap_byte(i, 'Ahmed', 0))
    out['bad-date.liaison'] = edit(lambda i: i.put('EDGE_TIME', 0, 'I', 2025 | 13 << 16))
    out['unknown-document.liaison'] = edit(
        lambda i: i.put('EDGE_SOURCES', 0, 'I', string_index(i, 'Ahmed')))
    out['property-tag.liaison'] = edit(lambda i: i.put('NODE_PROPERTY_BLOB', 2, 'B', 99))
    out['property-overrun.liaison'] = edit(lambda i: i.put('NODE_PROPERTY_BLOB', 0, 'B', 5))
    out['stale-section-checksum.liaison'] = edit(lambda i: i.put('EDGE_DST', 0, 'I', 0),
                                                 sections=False)
    return out


def main():
    cli = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build/tools/liaison/liaison')
    valid_path = os.path.join(HERE, 'valid.liaison')
    for stale in (valid_path, valid_path + '.journal'):
        if os.path.exists(stale):
            os.remove(stale)
    subprocess.run([cli, 'import', os.path.join(HERE, 'base.json'), '-o', valid_path],
                   check=True, stdout=subprocess.DEVNULL)
    with open(valid_path, 'rb') as f:
        valid = f.read()
    for name, data in variants(valid).items():
        with open(os.path.join(HERE, name), 'wb') as f:
            f.write(data)


if __name__ == '__main__':
    main()
