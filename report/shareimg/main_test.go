package shareimg

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"chamberdesk/assets/fonts"
	"chamberdesk/data"
	"chamberdesk/data/demo"
)

// demoStore is the demo chamber, built once for all tests of the package.
var demoStore *data.Store

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "shareimgtest")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	demoStore, err = data.Create(context.Background(), filepath.Join(dir, "demo.db"), data.OpenOptions{}, demo.Fill)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	demoStore.Close()
	os.RemoveAll(dir)
	os.Exit(code)
}

// needFont fails the test when the program's font is missing: the picture
// cannot be drawn without it, so there is nothing to skip to.
func needFont(tb testing.TB) *fonts.Font {
	tb.Helper()
	f, err := fonts.Chinese()
	if err != nil {
		tb.Fatalf("no Chinese font (make test installs fonts-wqy-zenhei): %v", err)
	}
	return f
}

// made is the day the test pictures say they were made.
var made = time.Date(2026, 12, 8, 0, 0, 0, 0, time.UTC)

// demoInput loads a demo activity with members, outside guests, outcome
// figures and three photos: the first such activity of 2026, or one that
// has fewer, given the photos of other demo activities up to three.
func demoInput(tb testing.TB) Input {
	tb.Helper()
	ctx := context.Background()
	acts, err := demoStore.Activities(ctx, 2026)
	if err != nil {
		tb.Fatal(err)
	}
	counts, err := demoStore.PhotoCounts(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var pick *data.Activity
	for i, a := range acts {
		if len(a.Attendees) > 5 && len(a.Outcomes) > 0 && a.OutsideCount > 0 && counts[a.ID] >= 1 {
			if pick == nil || counts[a.ID] == 3 && counts[pick.ID] != 3 {
				pick = &acts[i]
			}
		}
	}
	if pick == nil {
		tb.Fatal("no demo activity with attendees, outcomes and photos")
	}
	in, err := Load(ctx, demoStore, pick.ID)
	if err != nil {
		tb.Fatal(err)
	}
	for _, a := range acts {
		if len(in.Photos) >= 3 {
			break
		}
		if a.ID == pick.ID {
			continue
		}
		more, err := Load(ctx, demoStore, a.ID)
		if err != nil {
			tb.Fatal(err)
		}
		in.Photos = append(in.Photos, more.Photos...)
	}
	if len(in.Photos) < 3 {
		tb.Fatalf("the demo has only %d photos", len(in.Photos))
	}
	in.Photos = in.Photos[:3]
	in.Made = made
	return in
}
