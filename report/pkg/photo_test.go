package pkg_test

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"sort"
	"strings"
	"testing"

	"chamberdesk/data"
	"chamberdesk/report/pkg"
)

// sidewaysCaption is the caption demoPackaged gives its sideways photo; its
// / : * ? must not reach the entry name.
const sidewaysCaption = "侧拍的/合影:*?"

// checkPhotoUpright finds the sideways photo among a written package's
// files by the name its place and caption give it, and checks that it was
// turned a quarter clockwise, as its EXIF orientation 6 asks: 200×300, with
// the original bottom-left corner now at the top left.
func checkPhotoUpright(t *testing.T, files map[string][]byte, c data.Case) {
	t.Helper()
	at := -1
	for i, p := range c.Photos {
		if p.Caption == sidewaysCaption {
			at = i
		}
	}
	if at < 0 {
		t.Fatalf("the demo case has no photo captioned %q among %d: nothing would test the EXIF orientation", sidewaysCaption, len(c.Photos))
	}
	want := fmt.Sprintf("%s/%02d_侧拍的合影.jpg", pkg.DirPhotos, at+1)
	b, ok := files[want]
	if !ok {
		var photos []string
		for name := range files {
			if strings.HasPrefix(name, pkg.DirPhotos+"/") {
				photos = append(photos, name)
			}
		}
		sort.Strings(photos)
		t.Fatalf("the package has no %s; its photos are %q", want, photos)
	}
	img, err := jpeg.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", want, err)
	}
	if b := img.Bounds(); b.Dx() != 200 || b.Dy() != 300 {
		t.Fatalf("%s is %dx%d, want 200x300: the EXIF orientation was not applied", want, b.Dx(), b.Dy())
	}
	// The source pixel (x, y) has green y, so after a clockwise turn the
	// top-left corner comes from the bottom row (green near 199); a turn the
	// other way would bring the top row there (green near 0).
	if _, g, _, _ := img.At(5, 5).RGBA(); g>>8 < 160 {
		t.Errorf("%s: top-left green %d, want about 194: the photo was turned the wrong way", want, g>>8)
	}
}
