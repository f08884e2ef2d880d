//! The readable terminal report: outline tree, statistics table, scorecard.

use std::fmt::Write;

use baogao::{Report, Verdict};

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn green(&self, s: &str) -> String {
        self.paint("32", s)
    }
    fn red(&self, s: &str) -> String {
        self.paint("31", s)
    }
    fn yellow(&self, s: &str) -> String {
        self.paint("33", s)
    }
}

fn clip(s: &str, n: usize) -> String {
    let one_line: String = s
        .chars()
        .map(|c| if c == '\n' || c == '\r' { '⏎' } else { c })
        .collect();
    if one_line.chars().count() <= n {
        one_line
    } else {
        one_line.chars().take(n).collect::<String>() + "…"
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// Renders the report of one input as readable text.
pub fn text_report(name: &str, text: &str, report: &Report, colour: bool) -> String {
    let st = Style { on: colour };
    let mut o = String::new();
    let _ = writeln!(o, "{}", st.bold(&format!("== {name}")));
    for (di, d) in report.documents.iter().enumerate() {
        let title = d.title.slice(text);
        let title = if title.is_empty() {
            "(无标题)"
        } else {
            title
        };
        let _ = writeln!(o, "\n{} {}", st.bold(&format!("文档 {}:", di + 1)), title);
        let _ = writeln!(o, "{}", st.dim("大纲"));
        for h in report.headings.iter().filter(|h| h.document == di) {
            let indent = "  ".repeat(h.depth as usize);
            let _ = writeln!(
                o,
                "{indent}{}{}",
                st.yellow(h.marker.slice(text)),
                clip(h.title.slice(text), 50)
            );
        }
        let n_items = report.items.iter().filter(|i| i.document == di).count();
        if n_items > 0 {
            let _ = writeln!(o, "  {}", st.dim(&format!("({n_items} 个列举项)")));
        }
        let stats: Vec<_> = report.stats.iter().filter(|s| s.document == di).collect();
        if !stats.is_empty() {
            let _ = writeln!(
                o,
                "{}",
                st.dim("统计数据 (章节 | 主体 | 数值 | 单位 | 原文)")
            );
            for s in stats {
                let section = s
                    .section
                    .map(|h| clip(report.headings[h].title.slice(text), 12))
                    .unwrap_or_default();
                let subject = s
                    .subject
                    .map(|x| clip(x.slice(text), 12))
                    .unwrap_or_default();
                let value = match (s.value, s.high) {
                    (Some(v), Some(h)) => format!("{}–{}", fmt_num(v), fmt_num(h)),
                    (Some(v), None) => fmt_num(v),
                    _ => String::new(),
                };
                let approx = s
                    .approx
                    .map(|a| format!(" ({})", a.as_str()))
                    .unwrap_or_default();
                let _ = writeln!(
                    o,
                    "  {:<6} {} | {} | {}{} | {} | {}",
                    s.kind.as_str(),
                    section,
                    subject,
                    value,
                    approx,
                    s.unit,
                    st.dim(&clip(s.span.slice(text), 20))
                );
            }
        }
        for c in report.checklist.iter().filter(|c| c.document == di) {
            let _ = writeln!(
                o,
                "{} {}  {}/{}  {}",
                st.dim("评分"),
                c.id,
                fmt_num(c.score),
                fmt_num(c.max),
                st.bold(&c.grade)
            );
            for it in &c.items {
                let mark = match it.verdict {
                    Verdict::Passed => st.green("✓"),
                    Verdict::Partial => st.yellow("◐"),
                    Verdict::Failed => st.red("✗"),
                    _ => st.dim("–"),
                };
                let _ = writeln!(
                    o,
                    "  {mark} {:<16} {}/{}  {}",
                    it.id,
                    fmt_num(it.points),
                    fmt_num(it.max),
                    it.message
                );
                if let (Some(s), false) = (&it.suggestion, it.passed()) {
                    let _ = writeln!(o, "      {}", st.dim(&format!("建议：{s}")));
                }
            }
        }
    }
    let hygiene = [
        ("样板文字", report.boilerplate.len()),
        ("模板占位符", report.placeholders.len()),
        ("数字缺陷", report.defects.len()),
    ];
    let line: Vec<String> = hygiene.iter().map(|(k, n)| format!("{k} {n}")).collect();
    let _ = writeln!(o, "\n{}", st.dim(&line.join(" · ")));
    for d in &report.defects {
        let _ = writeln!(
            o,
            "  {} {} «{}»",
            st.red("!"),
            d.message,
            clip(d.span.slice(text), 30)
        );
    }
    o
}
