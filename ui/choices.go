package ui

import "chamberdesk/ui/widgets"

// valueChoice is a select of values the data holds (offices, statuses,
// types), shown as valueLabel shows them; it gives and takes the stored
// values.
func valueChoice(values []string, changed func(value string)) *widgets.Choice {
	return widgets.NewChoice(values, valueLabel, changed)
}

// filterChoice is a filter of values the data holds: its first option, all
// (already in the window's language), has the value "" and lets everything
// through; the others are the values, shown as valueLabel shows them. It
// starts on all and calls changed with the value chosen.
func filterChoice(all string, values []string, changed func(value string)) *widgets.Choice {
	c := widgets.NewChoice(append([]string{""}, values...), func(v string) string {
		if v == "" {
			return all
		}
		return valueLabel(v)
	}, changed)
	c.SetSelectedIndex(0)
	return c
}
