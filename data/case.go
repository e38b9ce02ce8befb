package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Case levels.
const (
	LevelBest      = "最佳案例"
	LevelExcellent = "优秀案例"
)

// Case is an award submission: 单位名称：标题, a lead paragraph, 做法 and 成效,
// contacts, and the records that back it.
type Case struct {
	ID                 int64
	Year               int
	Category           string
	Level              string
	Title              string
	Lead               string
	Practices          string
	Results            string
	ContactPerson      string
	ContactOffice      string
	ContactPhone       string
	Recommender        string
	RecommenderOpinion string
	Status             string
	ActivityIDs        []int64
	Figures            []CaseFigure
	Photos             []CasePhoto
	CreatedAt          string
	UpdatedAt          string
}

// CaseFigure is a figure quoted in a case, with the exact value behind it.
type CaseFigure struct {
	Section   string // lead, practices, results
	MetricKey string // "" when typed by hand (untraced)
	YearFrom  int
	YearTo    int
	Value     float64
	Unit      string
	Phrasing  string
}

// CasePhoto is a photo chosen for a case, with the caption it carries there
// (which may differ from the caption in the activity record).
type CasePhoto struct {
	AttachmentID int64
	Caption      string
	Sort         int
}

// Untraced reports whether the figure has no metric behind it.
func (f CaseFigure) Untraced() bool { return f.MetricKey == "" }

// AwardCategories lists the configured award categories in order.
func (s *Store) AwardCategories(ctx context.Context) ([]string, error) {
	return s.names(ctx, "SELECT name FROM award_categories ORDER BY sort, name")
}

func (c *Case) normalize() error {
	c.Category, c.Title = NormalizeText(c.Category), NormalizeText(c.Title)
	c.ContactPerson, c.ContactOffice = NormalizeText(c.ContactPerson), NormalizeText(c.ContactOffice)
	c.Recommender = NormalizeText(c.Recommender)
	for _, p := range []*string{&c.Lead, &c.Practices, &c.Results, &c.RecommenderOpinion} {
		*p = strings.TrimSpace(strings.ReplaceAll(*p, "\r\n", "\n"))
	}
	if c.Level == "" {
		c.Level = LevelExcellent
	}
	if c.Status == "" {
		c.Status = "草稿"
	}
	var errs Errors
	if c.Year < 2000 || c.Year > 2100 {
		errs = append(errs, invalid("申报年度", fmt.Sprint(c.Year), "年度不正确", "the year is not valid", "case year out of range"))
	}
	if c.Level != LevelBest && c.Level != LevelExcellent {
		errs = append(errs, invalid("申报等次", c.Level, "应为 最佳案例 或 优秀案例", "must be Best case or Excellent case", "unknown level"))
	}
	if c.ContactPhone != "" {
		p, err := CheckPhone(c.ContactPhone)
		if err != nil {
			errs = append(errs, asErr(err))
		}
		c.ContactPhone = p
	}
	return errs.Err()
}

func (c Case) logFields() fields {
	return fields{
		"year": fmt.Sprint(c.Year), "category": c.Category, "level": c.Level, "title": c.Title,
		"lead": c.Lead, "practices": c.Practices, "results": c.Results,
		"contact_person": c.ContactPerson, "contact_office": c.ContactOffice,
		"contact_phone": MaskPhone(c.ContactPhone), "recommender": c.Recommender,
		"recommender_opinion": c.RecommenderOpinion, "status": c.Status,
		"activities": fmt.Sprint(c.ActivityIDs), "figures": fmt.Sprint(len(c.Figures)),
		"photos": fmt.Sprint(len(c.Photos)),
	}
}

// SaveCase inserts (ID 0) or updates a case with its linked activities and figures.
func (s *Store) SaveCase(ctx context.Context, c Case) (int64, error) {
	if err := c.normalize(); err != nil {
		return 0, err
	}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		now := s.stamp()
		var before fields
		action := "insert"
		if c.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO cases (year, category, level, title, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?)`, c.Year, c.Category, c.Level, c.Title, now, now)
			if err != nil {
				return caseWriteError(err, c)
			}
			if c.ID, err = res.LastInsertId(); err != nil {
				return err
			}
		} else {
			old, err := caseTx(ctx, tx, c.ID)
			if err != nil {
				return err
			}
			before, action = old.logFields(), "update"
		}
		if _, err := tx.ExecContext(ctx, `UPDATE cases SET year = ?, category = ?, level = ?, title = ?,
			lead = ?, practices = ?, results = ?, contact_person = ?, contact_office = ?, contact_phone = ?,
			recommender = ?, recommender_opinion = ?, status = ?, updated_at = ? WHERE id = ?`,
			c.Year, c.Category, c.Level, c.Title, c.Lead, c.Practices, c.Results, c.ContactPerson,
			c.ContactOffice, c.ContactPhone, c.Recommender, c.RecommenderOpinion, c.Status, now, c.ID); err != nil {
			return caseWriteError(err, c)
		}
		for _, q := range []string{"DELETE FROM case_activities WHERE case_id = ?",
			"DELETE FROM case_figures WHERE case_id = ?", "DELETE FROM case_photos WHERE case_id = ?"} {
			if _, err := tx.ExecContext(ctx, q, c.ID); err != nil {
				return err
			}
		}
		for _, aid := range c.ActivityIDs {
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO case_activities (case_id, activity_id)
				VALUES (?, ?)`, c.ID, aid); err != nil {
				if isForeignKey(err) {
					return invalid("关联活动", fmt.Sprint(aid), "找不到该活动", "activity not found", "linked activity not found")
				}
				return err
			}
		}
		for i, f := range c.Figures {
			var key any
			if f.MetricKey != "" {
				key = f.MetricKey
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO case_figures (case_id, section, metric_key,
				year_from, year_to, value, unit, phrasing, untraced, sort) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				c.ID, f.Section, key, f.YearFrom, f.YearTo, f.Value, f.Unit, f.Phrasing, f.Untraced(), i); err != nil {
				if isForeignKey(err) {
					return invalid("引用指标", f.MetricKey, "不是已设置的指标", "is not a metric in the catalog", "unknown metric")
				}
				return err
			}
		}
		for i, p := range c.Photos {
			// Sort is the position in the list, so the order shown is the order kept.
			if _, err := tx.ExecContext(ctx, `INSERT INTO case_photos (case_id, attachment_id, caption, sort)
				VALUES (?, ?, ?, ?) ON CONFLICT (case_id, attachment_id) DO UPDATE SET caption = excluded.caption`,
				c.ID, p.AttachmentID, NormalizeText(p.Caption), i); err != nil {
				if isForeignKey(err) {
					return invalid("案例照片", fmt.Sprint(p.AttachmentID), "找不到该照片", "photo not found", "case photo not found")
				}
				return err
			}
		}
		return s.logChange(ctx, tx, "case", c.ID, action, before, c.logFields())
	})
	return c.ID, err
}

func caseWriteError(err error, c Case) error {
	if isForeignKey(err) {
		return invalid("申报类别", c.Category, "不是已设置的申报类别", "is not one of the award categories set up", "unknown award category")
	}
	return err
}

const caseColumns = `id, year, category, level, title, lead, practices, results, contact_person,
	contact_office, contact_phone, recommender, recommender_opinion, status, created_at, updated_at`

func scanCase(r scanner) (Case, error) {
	var c Case
	err := r.Scan(&c.ID, &c.Year, &c.Category, &c.Level, &c.Title, &c.Lead, &c.Practices, &c.Results,
		&c.ContactPerson, &c.ContactOffice, &c.ContactPhone, &c.Recommender, &c.RecommenderOpinion,
		&c.Status, &c.CreatedAt, &c.UpdatedAt)
	return c, err
}

func caseTx(ctx context.Context, q querier, id int64) (Case, error) {
	c, err := scanCase(q.QueryRowContext(ctx, "SELECT "+caseColumns+" FROM cases WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, &Error{Code: CodeNotFound, Field: "案例", Value: fmt.Sprint(id), Msg: "找不到该案例", MsgEN: "case not found",
			Reason: fmt.Sprintf("case %d not found", id)}
	}
	if err != nil {
		return c, err
	}
	rows, err := q.QueryContext(ctx, "SELECT activity_id FROM case_activities WHERE case_id = ? ORDER BY activity_id", id)
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var aid int64
		if err := rows.Scan(&aid); err != nil {
			rows.Close()
			return c, err
		}
		c.ActivityIDs = append(c.ActivityIDs, aid)
	}
	rows.Close()
	rows, err = q.QueryContext(ctx, `SELECT section, COALESCE(metric_key, ''), year_from, year_to, value, unit,
		phrasing FROM case_figures WHERE case_id = ? ORDER BY sort`, id)
	if err != nil {
		return c, err
	}
	for rows.Next() {
		var f CaseFigure
		if err := rows.Scan(&f.Section, &f.MetricKey, &f.YearFrom, &f.YearTo, &f.Value, &f.Unit, &f.Phrasing); err != nil {
			rows.Close()
			return c, err
		}
		c.Figures = append(c.Figures, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return c, err
	}
	rows, err = q.QueryContext(ctx, `SELECT attachment_id, caption, sort FROM case_photos
		WHERE case_id = ? ORDER BY sort, attachment_id`, id)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var p CasePhoto
		if err := rows.Scan(&p.AttachmentID, &p.Caption, &p.Sort); err != nil {
			return c, err
		}
		c.Photos = append(c.Photos, p)
	}
	return c, rows.Err()
}

// Case loads one case with its links.
func (s *Store) Case(ctx context.Context, id int64) (Case, error) { return caseTx(ctx, s.db, id) }

// Cases lists every case (without links), newest year first.
func (s *Store) Cases(ctx context.Context) ([]Case, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT "+caseColumns+" FROM cases ORDER BY year DESC, id")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Case
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// DeleteCase removes a case with its links, figures and photo choices; the
// activities and photos themselves stay.
func (s *Store) DeleteCase(ctx context.Context, id int64) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		old, err := caseTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM cases WHERE id = ?", id); err != nil {
			return err
		}
		return s.logChange(ctx, tx, "case", id, "delete", old.logFields(), nil)
	})
}

// maxCategoryName bounds an award category's name: it heads a column of
// the summary table.
const maxCategoryName = 30

// AddAwardCategory appends a category to the configured list, for a year
// whose award adds one.
func (s *Store) AddAwardCategory(ctx context.Context, name string) error {
	name = NormalizeText(name)
	switch n := len([]rune(name)); {
	case n == 0:
		return invalid("申报类别", "", "不能为空", "must not be empty", "award category is empty")
	case n > maxCategoryName:
		return invalid("申报类别", clipValue(name), fmt.Sprintf("不能超过%d个字", maxCategoryName), fmt.Sprintf("must not be longer than %d characters", maxCategoryName), "award category too long")
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM award_categories WHERE name = ?", name).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return &Error{Code: CodeConflict, Field: "申报类别", Value: name, Msg: "已有该类别", MsgEN: "this category already exists",
				Reason: "award category already exists"}
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO award_categories (name, sort)
			VALUES (?, (SELECT COALESCE(max(sort), 0) + 10 FROM award_categories))`, name)
		return err
	})
}

// RemoveAwardCategory takes a category off the list. One that a case uses
// is kept, so no case loses its category.
func (s *Store) RemoveAwardCategory(ctx context.Context, name string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var used int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM cases WHERE category = ?", name).Scan(&used); err != nil {
			return err
		}
		if used > 0 {
			return &Error{Code: CodeConflict, Field: "申报类别", Value: name,
				Msg: fmt.Sprintf("有%d个案例使用该类别，不能删除", used), MsgEN: fmt.Sprintf("%d cases use this category; it cannot be removed", used), Reason: "award category in use"}
		}
		res, err := tx.ExecContext(ctx, "DELETE FROM award_categories WHERE name = ?", name)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return &Error{Code: CodeNotFound, Field: "申报类别", Value: name, Msg: "没有该类别", MsgEN: "no such category",
				Reason: "award category not found"}
		}
		return nil
	})
}
