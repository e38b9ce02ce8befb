//go:build !windows

package data_test

// holdNoShare: only Windows can hold a file against being replaced.
func holdNoShare(string) int { return 5 }
