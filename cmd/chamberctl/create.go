package main

import (
	"context"
	"flag"
	"fmt"

	"chamberdesk/data"
	"chamberdesk/data/demo"
)

func (c *cli) cmdInit(args []string) error {
	var org data.Organization
	fs, err := flags("init", args, func(fs *flag.FlagSet) {
		fs.StringVar(&org.Name, "name", "", "单位名称 / organization name")
		fs.StringVar(&org.Type, "type", data.OrgTypes[0], "单位类别 / organization type")
		fs.StringVar(&org.Region, "region", "", "所在地区 / region")
	})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	if org.Name == "" {
		return usageError{"init: 缺少 --name / --name is required"}
	}
	return c.create(func(ctx context.Context, s *data.Store) error {
		warnings, err := s.SaveOrganization(ctx, org)
		c.warn(warnings)
		if err == nil {
			fmt.Fprintf(c.stdout, "已创建 / created: %s\n", c.dbPath)
		}
		return err
	})
}

func (c *cli) cmdDemo(args []string) error {
	fs, err := flags("demo", args, func(*flag.FlagSet) {})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	return c.create(func(ctx context.Context, s *data.Store) error {
		if err := demo.Fill(ctx, s); err != nil {
			return err
		}
		fmt.Fprintf(c.stdout, "已创建演示商会 / demo chamber created: %s\n", c.dbPath)
		return nil
	})
}

// create makes a new organization file; see data.Create.
func (c *cli) create(fill func(ctx context.Context, s *data.Store) error) error {
	s, err := data.Create(c.ctx, c.dbPath, data.OpenOptions{Actor: actor()}, fill)
	if err != nil {
		return err
	}
	return s.Close()
}

// warn prints warnings (kept, flagged records) to stderr.
func (c *cli) warn(ws data.Errors) {
	for _, w := range ws {
		fmt.Fprintf(c.stderr, "提醒 / warning: %s\n", oneLine(w.Error()))
	}
}

func (c *cli) cmdCheck(args []string) error {
	fs, err := flags("check", args, func(*flag.FlagSet) {})
	if err != nil {
		return err
	}
	if err := noArgs(fs); err != nil {
		return err
	}
	s, err := c.open()
	if err != nil {
		return err
	}
	defer s.Close()
	problems, err := s.Check(c.ctx)
	if err != nil {
		return err
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(c.stdout, p)
		}
		return fmt.Errorf("数据文件有 %d 处问题 / %d problems found", len(problems), len(problems))
	}
	fmt.Fprintln(c.stdout, "ok")
	return nil
}
