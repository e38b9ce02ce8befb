// Command chamberdesk is the ChamberDesk (商会工作台) desktop program.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2/app"

	"chamberdesk/data"
	"chamberdesk/ui"
)

func main() {
	db := flag.String("db", "", "数据文件 / data file (default: the user's data folder)")
	flag.Parse()
	path := *db
	if path == "" {
		p, err := data.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "找不到默认数据文件夹 / no default data folder:", err)
			os.Exit(1)
		}
		path = p
	}
	heapProfileAtQuit := startHeapProfile()
	w := ui.New(app.NewWithID("cn.chamberdesk.app"), ui.Options{DBPath: path})
	w.ShowAndRun()
	w.Close()
	heapProfileAtQuit()
}
