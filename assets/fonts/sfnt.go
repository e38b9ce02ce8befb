package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
	"unicode/utf16"
)

// This file reads just enough of the OpenType container to take one face out
// of a .ttc collection and to list the characters it covers. It is written
// here because no maintained Go library writes a face out of a collection:
// golang.org/x/image/font/sfnt only parses (and rejects the WenQuanYi files
// with "invalid table offset"), and Fyne and the PDF libraries need the face
// as a file of its own.

type table struct{ off, length uint32 }

var be = binary.BigEndian

// readTables reads the table directory of the face starting at off.
func readTables(b []byte, off uint32) (map[string]table, error) {
	if uint64(off)+12 > uint64(len(b)) {
		return nil, errors.New("font file too short")
	}
	n := int(be.Uint16(b[off+4:]))
	if uint64(off)+12+16*uint64(n) > uint64(len(b)) {
		return nil, errors.New("font table directory truncated")
	}
	t := make(map[string]table, n)
	for i := 0; i < n; i++ {
		e := b[off+12+uint32(16*i):]
		tag := string(e[:4])
		tb := table{off: be.Uint32(e[8:]), length: be.Uint32(e[12:])}
		if uint64(tb.off)+uint64(tb.length) > uint64(len(b)) {
			return nil, fmt.Errorf("font table %q lies outside the file", tag)
		}
		t[tag] = tb
	}
	return t, nil
}

// extractFace returns face as a standalone sfnt file; a plain font file is
// returned as it is (face must then be 0).
func extractFace(b []byte, face int) ([]byte, error) {
	if len(b) < 12 {
		return nil, errors.New("font file too short")
	}
	if string(b[:4]) != "ttcf" {
		if face != 0 {
			return nil, fmt.Errorf("face %d asked of a single-face font", face)
		}
		return b, nil
	}
	n := int(be.Uint32(b[8:]))
	if face < 0 || face >= n || 12+4*n > len(b) {
		return nil, fmt.Errorf("collection has %d faces, face %d asked", n, face)
	}
	off := be.Uint32(b[12+4*face:])
	tables, err := readTables(b, off)
	if err != nil {
		return nil, err
	}
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	sort.Strings(tags) // the directory must be sorted by tag
	head := 12 + 16*len(tags)
	size := head
	for _, tag := range tags {
		size += int(tables[tag].length+3) &^ 3 // each table 4-byte aligned
	}
	out := make([]byte, size)
	copy(out[:4], b[off:off+4]) // sfnt version: 0x00010000 or 'true'
	be.PutUint16(out[4:], uint16(len(tags)))
	// searchRange, entrySelector, rangeShift as the format defines them.
	sel := 0
	for 1<<(sel+1) <= len(tags) {
		sel++
	}
	be.PutUint16(out[6:], uint16(16<<sel))
	be.PutUint16(out[8:], uint16(sel))
	be.PutUint16(out[10:], uint16(16*len(tags)-16<<sel))
	pos := head
	for i, tag := range tags {
		t := tables[tag]
		e := out[12+16*i:]
		copy(e[:4], tag)
		// keep the table's own checksum from the collection's directory
		srcEntry := findEntry(b, off, tag)
		copy(e[4:8], srcEntry[4:8])
		be.PutUint32(e[8:], uint32(pos))
		be.PutUint32(e[12:], t.length)
		copy(out[pos:], b[t.off:t.off+t.length])
		pos += int(t.length+3) &^ 3
	}
	return out, nil
}

func findEntry(b []byte, off uint32, tag string) []byte {
	n := int(be.Uint16(b[off+4:]))
	for i := 0; i < n; i++ {
		e := b[off+12+uint32(16*i):]
		if string(e[:4]) == tag {
			return e[:16]
		}
	}
	return make([]byte, 16)
}

// readCmap lists the characters the font maps to a glyph, from its Unicode
// cmap subtable (format 12 preferred for characters beyond the BMP, else 4).
func readCmap(b []byte, tables map[string]table) (map[rune]bool, error) {
	t, ok := tables["cmap"]
	if !ok || t.length < 4 {
		return nil, errors.New("font has no cmap table")
	}
	c := b[t.off : t.off+t.length]
	n := int(be.Uint16(c[2:]))
	if 4+8*n > len(c) {
		return nil, errors.New("cmap truncated")
	}
	var sub4, sub12 []byte
	for i := 0; i < n; i++ {
		rec := c[4+8*i:]
		platform, encoding, so := be.Uint16(rec), be.Uint16(rec[2:]), be.Uint32(rec[4:])
		unicode := platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
		if !unicode || int(so)+4 > len(c) {
			continue
		}
		switch be.Uint16(c[so:]) {
		case 12:
			sub12 = c[so:]
		case 4:
			sub4 = c[so:]
		}
	}
	cov := map[rune]bool{}
	switch {
	case len(sub12) >= 16:
		groups := int(be.Uint32(sub12[12:]))
		if 16+12*groups > len(sub12) {
			return nil, errors.New("cmap format 12 truncated")
		}
		for i := 0; i < groups; i++ {
			g := sub12[16+12*i:]
			start, end := be.Uint32(g), be.Uint32(g[4:])
			if end-start > 0x10FFFF {
				return nil, errors.New("cmap group too large")
			}
			for r := start; r <= end; r++ {
				cov[rune(r)] = true
			}
		}
	case len(sub4) >= 14:
		segs := int(be.Uint16(sub4[6:])) / 2
		if 16+8*segs > len(sub4) {
			return nil, errors.New("cmap format 4 truncated")
		}
		ends, starts := sub4[14:], sub4[16+2*segs:]
		deltas, ranges := sub4[16+4*segs:], sub4[16+6*segs:]
		for i := 0; i < segs; i++ {
			start, end := be.Uint16(starts[2*i:]), be.Uint16(ends[2*i:])
			delta, ro := be.Uint16(deltas[2*i:]), be.Uint16(ranges[2*i:])
			for r := uint32(start); r <= uint32(end) && r != 0xFFFF; r++ {
				glyph := uint16(r) + delta
				if ro != 0 {
					idx := 16 + 6*segs + 2*i + int(ro) + 2*int(r-uint32(start))
					if idx+2 > len(sub4) {
						continue
					}
					glyph = be.Uint16(sub4[idx:])
					if glyph != 0 {
						glyph += delta
					}
				}
				if glyph != 0 {
					cov[rune(r)] = true
				}
			}
		}
	default:
		return nil, errors.New("font has no Unicode cmap")
	}
	return cov, nil
}

// fullName reads the font's full name (name ID 4), preferring a Windows
// Unicode English record.
func fullName(b []byte, tables map[string]table) string {
	t, ok := tables["name"]
	if !ok || t.length < 6 {
		return ""
	}
	nt := b[t.off : t.off+t.length]
	count, strOff := int(be.Uint16(nt[2:])), int(be.Uint16(nt[4:]))
	for i := 0; i < count && 6+12*i+12 <= len(nt); i++ {
		r := nt[6+12*i:]
		platform, id := be.Uint16(r), be.Uint16(r[6:])
		length, off := int(be.Uint16(r[8:])), int(be.Uint16(r[10:]))
		if id != 4 || platform != 3 || strOff+off+length > len(nt) {
			continue
		}
		raw := nt[strOff+off : strOff+off+length]
		u := make([]uint16, len(raw)/2)
		for j := range u {
			u[j] = be.Uint16(raw[2*j:])
		}
		return string(utf16.Decode(u))
	}
	return ""
}
