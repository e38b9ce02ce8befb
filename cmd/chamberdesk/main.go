// Command chamberdesk is the ChamberDesk (商会工作台) desktop program.
package main

import (
	"flag"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"

	"chamberdesk/assets"
)

func main() {
	db := flag.String("db", "", "data file to open (default: the user's data folder)")
	flag.Parse()

	a := app.NewWithID("cn.chamberdesk.app")
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))

	text := "商会工作台正在建设中"
	if *db != "" {
		text += "\n" + *db
	}
	w := a.NewWindow("商会工作台 ChamberDesk")
	w.SetContent(widget.NewLabel(text))
	w.Resize(fyne.NewSize(900, 600))
	w.ShowAndRun()
}
