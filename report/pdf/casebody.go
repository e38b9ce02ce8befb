package pdf

import (
	"fmt"
	"io"
	"strings"
)

// writeCase lays out the 申报书: the form, then the write-up section by
// section, then the chosen photos.
func writeCase(w io.Writer, doc CaseDoc) error {
	c, org := doc.Case, doc.Org
	pictures := loadPictures(doc.Photos)
	d, err := newDoc("P", c.Title)
	if err != nil {
		return err
	}
	d.pageHeader(org.Name, "案例申报书")
	d.y += 4
	d.center(fmt.Sprintf("%d年度“创新中国”工商联（商会）工作案例", c.Year), sizeTitle)
	d.center("申　报　书", sizeTitle)
	d.y += 6
	recommender := c.Recommender
	if recommender == "" {
		recommender = org.ParentFederation
	}
	d.form(24,
		[]string{"申报单位", org.Name},
		[]string{"单位类别", org.Type, "所在地区", org.Region},
		[]string{"案例名称", c.Title},
		[]string{"申报类别", c.Category, "申报等次", c.Level},
		[]string{"推荐单位", recommender},
		[]string{"联系人", c.ContactPerson, "职务", c.ContactOffice},
		[]string{"联系电话", c.ContactPhone},
	)
	d.y += 6
	d.center(c.Title, sizeHeading+2)
	d.y += 2
	for _, s := range []struct{ title, text string }{
		{"导语", c.Lead}, {"主要做法", c.Practices}, {"主要成效", c.Results},
	} {
		if strings.TrimSpace(s.text) == "" {
			continue
		}
		d.section(s.title)
		d.paragraphs(s.text)
	}
	d.section("推荐单位意见")
	if strings.TrimSpace(c.RecommenderOpinion) != "" {
		d.paragraphs(c.RecommenderOpinion)
	}
	// Room for the recommending office's seal and date, as on a paper form.
	d.space(4)
	d.ensure(3 * d.lineH())
	x := d.left + d.width()*0.55
	d.lines([]string{"推荐单位（盖章）", "　　　　年　　月　　日"}, x)
	if len(doc.Photos) > 0 {
		d.grid("活动图片", pictures(), false)
	}
	return d.finish(w)
}
