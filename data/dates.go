package data

import (
	"fmt"
	"regexp"
	"strconv"
	"time"
)

const (
	fieldDate       = "日期"
	msgDateFormat   = "无法识别的日期，请写成 2021-03-05、2021.3.5 或 2021年3月5日"
	msgDateFormatEN = "not a date; please write it as 2021-03-05 or 2021.3.5"
	reasonDateForms = "accepted forms: YYYY-MM-DD, YYYY.M.D, YYYY/M/D, YYYY年M月D日, YYYYMMDD, or an Excel serial number"

	// Excel's 1900 date system: serial 1 is 1900-01-01 and serial 60 is the
	// fictitious 1900-02-29 that Lotus 1-2-3 invented and Excel kept.
	// 2958465 is 9999-12-31, the largest date Excel can show.
	excelSerialMax  = 2958465
	excelSerialLeap = 60
)

// A time after the date is allowed but ignored: Excel and databases export
// "2021-03-05 00:00:00" and ISO writers "2021-03-05T00:00:00Z". Only its shape
// is checked, so an arbitrary tail still fails.
const dateTimeTail = `(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`

var (
	// The separator must be the same twice; "2021-3/5" is more likely a typo
	// than a date.
	dateSepRE = regexp.MustCompile(`^(\d{4})([-./])(\d{1,2})([-./])(\d{1,2})` + dateTimeTail + `$`)
	// NormalizeText has reduced spacing to single spaces, and some input
	// methods put one around every Chinese character: "2021 年 3 月 5 日".
	dateCNRE = regexp.MustCompile(`^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]?` + dateTimeTail + `$`)
	date8RE  = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
	// Up to 7 digits: serials stop at 2958465, and 8 digits are YYYYMMDD.
	dateSerialRE = regexp.MustCompile(`^(\d{1,7})(?:\.\d+)?$`)

	excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
)

// ParseDate reads a date the way people write it in Chinese offices and the
// way Excel hands it over, and returns it as midnight UTC. Accepted:
//
//	2021-03-05  2021-3-5  2021.3.5  2021/3/5  2021年3月5日  2021年3月5号
//	20210305    2021-03-05 00:00:00   2021-03-05T00:00:00Z (time ignored)
//	44260 / 44260.0 / 44260.5  (Excel 1900 serial; the fraction is time of day)
//
// Full-width digits and punctuation are accepted via NormalizeText, and
// single spaces around 年/月/日 are ignored. The year must be 1900..2100.
// Serial 60 is Excel's non-existent 1900-02-29 and is refused as such.
// Month-first or day-first spellings like "3/5/2021" are refused on purpose:
// they are ambiguous. A bare year such as "2021" is refused rather than read
// as serial 2021 (1905-07-13): nobody in a roster means 1905, and a year
// alone is not a date. Empty input returns the zero time and nil.
func ParseDate(s string) (time.Time, error) {
	s = normalizeValue(s)
	if s == "" {
		return time.Time{}, nil
	}
	if m := dateSepRE.FindStringSubmatch(s); m != nil && m[2] == m[4] {
		return civilDate(s, m[1], m[3], m[5])
	}
	if m := dateCNRE.FindStringSubmatch(s); m != nil {
		return civilDate(s, m[1], m[2], m[3])
	}
	if m := date8RE.FindStringSubmatch(s); m != nil {
		return civilDate(s, m[1], m[2], m[3])
	}
	if m := dateSerialRE.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[1]) // at most 7 digits, cannot fail
		// Serials 1900..2100 fall in 1905: that is a year typed into a
		// number cell ("2021", "2021.0"), never a date anyone means.
		if n >= 1900 && n <= 2100 {
			return time.Time{}, dateError("date.format", s, "只有年份（或年.月），请写完整日期，如 2021-03-05", "only a year (or year and month); please write a full date, e.g. 2021-03-05",
				"a bare year (or year.month) is not a date")
		}
		return fromExcelSerial(s, n)
	}
	return time.Time{}, dateError("date.format", s, msgDateFormat, msgDateFormatEN,
		"unrecognized date; "+reasonDateForms)
}

func dateError(code, value, msg, msgEN, reason string) *Error {
	e := invalid(fieldDate, clipValue(value), msg, msgEN, reason)
	e.Code = code
	return e
}

// civilDate builds the date from regexp-matched digit groups.
func civilDate(raw, ys, ms, ds string) (time.Time, error) {
	y, m, d := atoiDigits(ys), atoiDigits(ms), atoiDigits(ds)
	if y < 1900 || y > 2100 {
		return time.Time{}, dateError("date.invalid", raw, "年份应在1900年至2100年之间", "the year must be from 1900 to 2100",
			fmt.Sprintf("year %d is outside 1900..2100", y))
	}
	if !dateExists(y, m, d) {
		return time.Time{}, dateError("date.invalid", raw, "日期不存在", "no such date",
			fmt.Sprintf("%04d-%02d-%02d is not a calendar date", y, m, d))
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}

func fromExcelSerial(raw string, n int) (time.Time, error) {
	switch {
	case n < 1 || n > excelSerialMax:
		return time.Time{}, dateError("date.invalid", raw, "日期不存在：Excel 日期序号应在1至2958465之间", "no such date: an Excel date number must be from 1 to 2958465",
			fmt.Sprintf("Excel serial %d is outside 1..%d", n, excelSerialMax))
	case n == excelSerialLeap:
		return time.Time{}, dateError("date.invalid", raw, "日期不存在：Excel 的1900年2月29日是虚构的日期", "no such date: Excel's 29 February 1900 never existed",
			"Excel serial 60 is the fictitious 1900-02-29")
	}
	// Below 60 Excel counts from 1899-12-31; from 61 on the fictitious leap
	// day has been counted, so the epoch moves back one day to 1899-12-30.
	t := excelEpoch.AddDate(0, 0, n)
	if n < excelSerialLeap {
		t = t.AddDate(0, 0, 1)
	}
	if y := t.Year(); y > 2100 {
		return time.Time{}, dateError("date.invalid", raw, "年份应在1900年至2100年之间", "the year must be from 1900 to 2100",
			fmt.Sprintf("Excel serial %d is year %d, outside 1900..2100", n, y))
	}
	return t, nil
}

// ExcelSerial is the inverse of ParseDate's serial reading: the Excel 1900
// date-system number for t's calendar date as seen in t's location, plus the
// time of day as a fraction. Dates before 1900-01-01 (including the zero
// time) have no serial and return 0.
func ExcelSerial(t time.Time) float64 {
	y, m, d := t.Date()
	if y < 1900 {
		return 0
	}
	// Unix seconds rather than time.Sub: Sub saturates after ~292 years.
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	n := (day.Unix() - excelEpoch.Unix()) / 86400
	if n < excelSerialLeap+1 {
		n-- // before 1900-03-01 the fictitious leap day has not been counted
	}
	h, mi, sec := t.Clock()
	frac := (float64(h*3600+mi*60+sec) + float64(t.Nanosecond())/1e9) / 86400
	return float64(n) + frac
}

// FormatDateCN writes the date as people read it in Chinese documents,
// "2021年3月5日", or "" for the zero time (an unknown date).
func FormatDateCN(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	y, m, d := t.Date()
	return fmt.Sprintf("%d年%d月%d日", y, int(m), d)
}

// FormatDateISO writes "2021-03-05", or "" for the zero time.
func FormatDateISO(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// Today is the calendar day of t, as the dates stored here are: midnight
// UTC of the same year, month and day.
func Today(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}
