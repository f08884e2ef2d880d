//! One left-to-right pass that reads every number in the text and decides what it is: a date,
//! a statistic (with prefix, suffix and unit), a bare number (kept aside for shared units and
//! defects), or nothing (ordinals, codes, slogans, ranks …).

use super::lexicon::{Cue, Lexicon, UnitKind};
use super::traps::{Cursor, Masks, Traps};
use crate::numeral::{self, Lone, Scan};
use crate::{Approx, Span, StatKind};

/// A number read from the text, before lists and filters.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    /// The whole span: prefix, number, suffix and unit.
    pub span: Span,
    /// Where the number itself starts and ends.
    pub num: Span,
    /// `None` for a bare number (no unit, no percent sign).
    pub kind: Option<StatKind>,
    pub value: Option<f64>,
    pub high: Option<f64>,
    pub unit: String,
    pub approx: Option<Approx>,
    /// The approximation came from a prefix (so a later suffix may override it).
    pub prefix_approx: bool,
    /// The approximation came from a suffix.
    pub suffix_approx: bool,
    /// An indefinite `一` + measure word: kept only in a list of counts.
    pub weak: bool,
    /// What the numeral scanner said.
    pub scan: Scan,
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|t| t.chars().next())
}

fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at).and_then(|t| t.chars().next_back())
}

/// The `n` characters before `at` (fewer at the start).
fn before_n(text: &str, at: usize, n: usize) -> &str {
    let Some(head) = text.get(..at) else {
        return "";
    };
    let mut start = at;
    for (k, (i, _)) in head.char_indices().rev().enumerate() {
        if k >= n {
            break;
        }
        start = i;
    }
    head.get(start..).unwrap_or("")
}

/// The `n` characters after `at`.
fn after_n(text: &str, at: usize, n: usize) -> &str {
    let Some(tail) = text.get(at..) else {
        return "";
    };
    let end = tail.char_indices().nth(n).map_or(tail.len(), |(i, _)| i);
    tail.get(..end).unwrap_or("")
}

fn is_year(sc: &Scan, text: &str, start: usize) -> bool {
    let n = sc.number.value;
    let four = (sc.arabic && sc.int_digits == 4 && !sc.decimal)
        || (sc.digit_string
            && text
                .get(start..sc.end)
                .is_some_and(|s| s.chars().count() == 4));
    four && (1000.0..2200.0).contains(&n)
        && sc
            .number
            .high
            .map_or(true, |h| (1000.0..2200.0).contains(&h))
}

/// Whether a marker may follow `p` (the character before it): a line or sentence start.
fn at_start(p: Option<char>) -> bool {
    p.map_or(true, |p| {
        matches!(
            p,
            '\n' | '\r' | ' ' | '\t' | '\u{3000}' | '。' | '；' | '：' | '！' | '？' | ';' | ':'
        )
    })
}

fn small_int(v: f64, max: f64) -> bool {
    v >= 1.0 && v <= max && v.fract() == 0.0
}

/// The scanner's state across the pass.
pub(crate) struct Scanner<'t, 'l> {
    text: &'t str,
    lex: &'l Lexicon,
    /// End of the last ordinal skipped (for `第一、二轮`).
    last_ordinal_end: usize,
    /// Whether that ordinal was written in Chinese numerals (`第三回500千伏`: an Arabic number
    /// right after it starts anew).
    last_ordinal_chinese: bool,
    /// End of the last candidate (a prefix may not reach back over it).
    last_end: usize,
    /// Whether lone digits before punctuation take their short path (off only in the tests
    /// that compare both paths).
    lone_path: bool,
}

/// Which short paths [`Scanner::run_with`] takes (all of them but in the tests that compare
/// each with the general path).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Paths {
    /// Lone digits before clause punctuation are read by [`numeral::lone_digit`].
    pub lone: bool,
    /// Bare lone digits that no later stage can keep are not handed on (see [`Dead`]); only
    /// with `lone`.
    pub drop_dead: bool,
}

impl Paths {
    /// Every short path.
    pub const ALL: Paths = Paths {
        lone: true,
        drop_dead: true,
    };
}

/// The bare lone digits (`一、一、一、`: no unit, no marker) that the scanner holds back until
/// it knows whether a later stage can use them.
///
/// Such a digit is a candidate with no kind, written in Chinese numerals, that merges with no
/// neighbour (every merge of `stats::lists` wants a kind or an Arabic number). Only two things
/// can keep it: `stats::defects::may_lack_unit` (then it is bare: a defect may follow), or a
/// shared unit, which it gets only when the candidate right after it, across exactly `、`, gets
/// a kind (`一、二、三个`). A lone digit is one character, so the digits joined by `、` that are
/// still waiting form a chain of consecutive 6-byte steps: `start`, `start + 6`, … up to
/// `next - 6`. A digit followed by `、` never satisfies `may_lack_unit` (which wants `，。；` or
/// the like after it); one followed by `，。；` takes no shared unit (the comma breaks the
/// chain, the rest are no separators).
///
/// When the next candidate handed on starts at `next` and is not itself such a digit, the chain
/// may take its unit: it is handed on in full (rebuilt from the text). Otherwise (the next
/// candidate starts elsewhere, is a lone digit before `，。；`, or the text ends) no digit of the
/// chain can get a kind, and the chain is dropped.
#[derive(Debug, Default)]
struct Dead {
    /// The chain waiting, as (first digit, where the next link would start).
    chain: Option<(usize, usize)>,
}

/// The bytes of a lone digit and the `、` after it.
const LINK: usize = Lone::LEN + '、'.len_utf8();

impl Dead {
    /// Hands the chain on when `next_start` (where the next candidate handed on starts)
    /// continues it; drops it otherwise.
    fn settle(&mut self, sc: &Scanner<'_, '_>, next_start: usize, out: &mut Vec<Cand>) {
        let Some((start, next)) = self.chain.take() else {
            return;
        };
        if next_start != next {
            return;
        }
        let mut at = start;
        while at < next {
            if let Some(l) = numeral::lone_digit(sc.text, at) {
                let span = Span::new(at, l.end);
                out.push(sc.cand(span, span, l));
            }
            at += LINK;
        }
    }

    /// A bare lone digit at `span`, handed on (`out`), held back or dropped.
    fn lone(&mut self, sc: &Scanner<'_, '_>, span: Span, l: Lone, out: &mut Vec<Cand>) {
        if l.dun {
            match &mut self.chain {
                Some((_, next)) if *next == span.start => *next = span.end + '、'.len_utf8(),
                chain => *chain = Some((span.start, span.end + '、'.len_utf8())),
            }
            return;
        }
        // before ，。；: it ends any chain (taking no kind itself) and is kept only as bare
        self.chain = None;
        let c = sc.cand(span, span, l.scan(span.start));
        if super::defects::may_lack_unit(sc.text, &c) {
            out.push(c);
        }
    }
}

/// What happened at a position.
enum Step {
    Found(Cand),
    /// A bare lone digit (no unit, no marker) read by [`numeral::lone_at`].
    Lone(Lone),
    /// Nothing here; continue from this offset.
    Skip(usize),
}

impl<'t, 'l> Scanner<'t, 'l> {
    /// Reads every candidate of `text` outside `excluded` spans, honouring `masks`.
    #[cfg(test)]
    pub fn run(text: &'t str, lex: &'l Lexicon, masks: &Masks, excluded: &[Span]) -> Vec<Cand> {
        Self::run_with(text, lex, masks, excluded, Paths::ALL)
    }

    /// Reads every candidate as `Scanner::run` does, with or without the short paths.
    pub(crate) fn run_with(
        text: &'t str,
        lex: &'l Lexicon,
        masks: &Masks,
        excluded: &[Span],
        paths: Paths,
    ) -> Vec<Cand> {
        let lone_path = paths.lone;
        let drop_dead = paths.lone && paths.drop_dead;
        let mut dead = Dead::default();
        let mut sc = Scanner {
            text,
            lex,
            last_ordinal_end: usize::MAX,
            last_ordinal_chinese: false,
            last_end: 0,
            lone_path,
        };
        let mut out = Vec::new();
        let mut all = Cursor::new(&masks.all);
        let mut traps = Traps::new(text, lex);
        let mut qty = Cursor::new(&masks.quantity);
        let mut excl = Cursor::new(excluded);
        let mut i = 0;
        while i < text.len() {
            // the next character that may start a number (read byte by byte: the stretch
            // between numbers is most of the text)
            let Some(k) = numeral::next_start(text, i) else {
                break;
            };
            i = k;
            let Some(c) = char_at(text, i) else { break };
            if let Some(s) = excl.holding(i) {
                i = s.end.max(i + c.len_utf8());
                continue;
            }
            if let Some(s) = all.holding(i).or_else(|| traps.holding_char(i, c)) {
                i = s.end.max(i + c.len_utf8());
                continue;
            }
            // a lone digit before clause punctuation takes the short path (every such digit is
            // a CJK character: one comparison turns away the Arabic numbers)
            let lone = if sc.lone_path && c >= '\u{4E00}' {
                numeral::lone_at(text, i).and_then(|l| sc.at_lone(i, l))
            } else {
                None
            };
            match lone.unwrap_or_else(|| sc.at(i)) {
                Step::Found(cand) => {
                    let next = cand.span.end.max(i + c.len_utf8());
                    let hidden = excl.overlaps(cand.span)
                        || (cand.kind != Some(StatKind::Date) && qty.holding(i).is_some());
                    if !hidden {
                        sc.last_end = cand.span.end;
                        dead.settle(&sc, cand.span.start, &mut out);
                        out.push(cand);
                    }
                    i = next;
                }
                Step::Lone(l) => {
                    let span = Span::new(i, i + Lone::LEN);
                    let hidden = excl.overlaps(span) || qty.holding(i).is_some();
                    if !hidden {
                        sc.last_end = span.end;
                        if drop_dead {
                            dead.lone(&sc, span, l, &mut out);
                        } else {
                            out.push(sc.cand(span, span, l.scan(i)));
                        }
                    }
                    i = span.end;
                }
                Step::Skip(to) => i = to.max(i + c.len_utf8()),
            }
        }
        // (the text ends: a chain still waiting in `dead` gets no unit, and is dropped)
        out
    }

    fn cand(&self, span: Span, num: Span, scan: Scan) -> Cand {
        Cand {
            span,
            num,
            kind: None,
            value: Some(scan.number.value),
            high: scan.number.high,
            unit: String::new(),
            approx: None,
            prefix_approx: false,
            suffix_approx: false,
            weak: false,
            scan,
        }
    }

    fn date(&self, start: usize, end: usize, scan: Scan) -> Step {
        let mut c = self.cand(Span::new(start, end), Span::new(start, scan.end), scan);
        c.kind = Some(StatKind::Date);
        c.value = None;
        c.high = None;
        Step::Found(c)
    }

    /// Reads the month / day / quarter that may follow a year ending at `at`.
    fn extend_date(&self, mut at: usize) -> usize {
        let t = self.text;
        // 第一季度
        if t.get(at..).is_some_and(|r| r.starts_with('第')) {
            let q = at + '第'.len_utf8();
            if let Some(s) = numeral::scan(t, q) {
                if small_int(s.number.value, 4.0)
                    && t.get(s.end..).is_some_and(|r| r.starts_with("季度"))
                {
                    return s.end + "季度".len();
                }
            }
            return at;
        }
        for (unit, max) in [("月", 12.0), ("日", 31.0)] {
            let Some(s) = numeral::scan(t, at) else { break };
            let high_ok = s
                .number
                .high
                .map_or(true, |h| unit == "月" && small_int(h, max));
            if !small_int(s.number.value, max) || !high_ok {
                break;
            }
            let Some(rest) = t.get(s.end..) else { break };
            if rest.starts_with(unit) {
                at = s.end + unit.len();
                if unit == "月" {
                    if t.get(at..).is_some_and(|r| r.starts_with('份')) {
                        at += '份'.len_utf8();
                        break;
                    }
                } else {
                    break;
                }
            } else if unit == "日" && rest.starts_with('号') {
                at = s.end + '号'.len_utf8();
                break;
            } else {
                break;
            }
        }
        at
    }

    /// `2023-08-08`, `2023/8/8`, `2023.8.8`, with an optional ` 20:20:01`.
    fn numeric_date(&self, start: usize, y: &Scan) -> Option<usize> {
        let t = self.text;
        let sep = char_at(t, y.end)?;
        if !matches!(sep, '-' | '/' | '.' | '－') {
            return None;
        }
        let digits = |from: usize| -> Option<(usize, u32)> {
            let mut i = from;
            let mut v = 0u32;
            let mut n = 0;
            while let Some(d) = char_at(t, i).filter(char::is_ascii_digit) {
                v = v * 10 + (d as u32 - '0' as u32);
                n += 1;
                i += 1;
                if n > 2 {
                    return None;
                }
            }
            (n > 0).then_some((i, v))
        };
        let (m_end, m) = digits(y.end + sep.len_utf8())?;
        if !(1..=12).contains(&m) || char_at(t, m_end) != Some(sep) {
            return None;
        }
        let (d_end, d) = digits(m_end + sep.len_utf8())?;
        if !(1..=31).contains(&d) {
            return None;
        }
        let _ = start;
        let mut end = d_end;
        // an optional time
        if char_at(t, end) == Some(' ') {
            let (h_end, h) = digits(end + 1).unwrap_or((0, 99));
            if h < 24 && char_at(t, h_end) == Some(':') {
                if let Some((mi_end, _)) = digits(h_end + 1) {
                    end = mi_end;
                    if char_at(t, end) == Some(':') {
                        if let Some((s_end, _)) = digits(end + 1) {
                            end = s_end;
                        }
                    }
                }
            }
        }
        // a digit right after means something else (a code)
        if char_at(t, end).is_some_and(|c| c.is_ascii_alphanumeric()) {
            return None;
        }
        Some(end)
    }

    /// The approximation prefix ending at `at`, if any: (start, approx).
    fn prefix(&self, at: usize, scale_only: bool) -> Option<(usize, Approx)> {
        let t = self.text;
        for (list, ap) in [
            (Cue::ApproxOver, Approx::Over),
            (Cue::ApproxUnder, Approx::Under),
            (Cue::ApproxAbout, Approx::About),
        ] {
            if let Some(w) = self.lex.cue_before(list, t, at) {
                if w == "上" && !scale_only {
                    continue;
                }
                let s = at - w.len();
                if s < self.last_end {
                    continue;
                }
                // a word such as 最近 / 制约 / 赶超 holds the marker
                let last = w.chars().next_back().unwrap_or(' ');
                let blocked = self.lex.cues_ending(Cue::PrefixBlockers, last).any(|b| {
                    t.get(..at).is_some_and(|h| h.ends_with(b))
                        && b.ends_with(w)
                        && b.len() > w.len()
                });
                if blocked {
                    continue;
                }
                return Some((s, ap));
            }
        }
        None
    }

    /// Reads an approximation suffix at `at`: (end, approx).
    fn suffix(&self, at: usize, after_unit: bool) -> Option<(usize, Approx)> {
        let t = self.text;
        for (list, ap) in [
            (Cue::SuffixOver, Approx::Over),
            (Cue::SuffixUnder, Approx::Under),
            (Cue::SuffixAbout, Approx::About),
        ] {
            if let Some(w) = self.lex.cue_after(list, t, at) {
                if after_unit && (w == "多" || w == "余") {
                    continue;
                }
                if w == "上下" && t.get(at + w.len()..).is_some_and(|r| r.starts_with("功夫")) {
                    continue;
                }
                return Some((at + w.len(), ap));
            }
        }
        None
    }

    fn at(&mut self, i: usize) -> Step {
        let t = self.text;
        let c0 = char_at(t, i).unwrap_or(' ');
        // 百分之七十 / 千分之三
        if matches!(c0, '百' | '千' | '万') {
            for (word, div) in [("百分之", 1.0), ("千分之", 10.0), ("万分之", 100.0)] {
                if t.get(i..).is_some_and(|r| r.starts_with(word)) {
                    return self.percent_words(i, word.len(), div);
                }
            }
        }
        // 一半
        if c0 == '一' && t.get(i..).is_some_and(|r| r.starts_with("一半")) {
            let end = i + "一半".len();
            let Some(sc) = numeral::scan(t, i) else {
                return Step::Skip(end);
            };
            let mut c = self.cand(Span::new(i, end), Span::new(i, end), sc);
            c.kind = Some(StatKind::Ratio);
            c.value = Some(0.5);
            c.high = None;
            self.finish_approx(&mut c, i, end, None, false);
            return Step::Found(c);
        }
        let Some(sc) = numeral::scan(t, i) else {
            return Step::Skip(i + c0.len_utf8());
        };
        let prev = char_before(t, i);
        let skip_to = sc.end;
        // the unit right after the number (looked up once: several tests below ask)
        let lex = self.lex;
        let unit_after = lex.unit_at(t, sc.end);
        // and the character there
        let next = char_at(t, sc.end);

        // ---- left context: codes, versions, ordinals
        if let Some(p) = prev {
            if p.is_ascii_alphanumeric()
                || matches!(
                    p,
                    '_' | '@' | '=' | '/' | '\\' | '#' | '&' | '·' | '•' | '+' | '×'
                )
            {
                return Step::Skip(self.skip_code(skip_to));
            }
            if p == '.' && char_before(t, i - 1).is_some_and(|q| q.is_ascii_digit()) {
                return Step::Skip(self.skip_code(skip_to));
            }
            let session = t.get(sc.end..).is_some_and(|r| r.starts_with('届'))
                && sc.chinese
                && !sc.arabic
                && self.lex.cue_before(Cue::SessionBefore, t, i).is_some();
            if p == '第'
                && small_int(sc.number.value, 4.0)
                && t.get(sc.end..).is_some_and(|r| r.starts_with("季度"))
                && i >= self.last_end + '第'.len_utf8()
            {
                // 第一季度: a calendar period
                let start = i - '第'.len_utf8();
                let end = sc.end + "季度".len();
                let mut c = self.cand(Span::new(start, end), Span::new(i, sc.end), sc);
                c.kind = Some(StatKind::Date);
                c.value = None;
                c.high = None;
                return Step::Found(c);
            }
            if p == '数' && (sc.scale_only || t.get(i..).is_some_and(|r| r.starts_with('十'))) {
                // 数十个, 数百名: vague
                return Step::Skip(skip_to);
            }
            if p == '第'
                || session
                || (self.last_ordinal_end == i && !(sc.arabic && self.last_ordinal_chinese))
                || (p == '、' && self.last_ordinal_end == i - '、'.len_utf8())
            {
                let mut end = skip_to;
                if let Some(u) = unit_after {
                    end += u.text.len();
                }
                self.last_ordinal_end = end;
                self.last_ordinal_chinese = !sc.arabic;
                return Step::Skip(end);
            }
            if p == '每' {
                // 每千人, 每10万人口: the base of a rate
                return Step::Skip(skip_to);
            }
            if p == '前' && self.clause_before(i).contains("排名") {
                return Step::Skip(skip_to);
            }
        }
        // English context: `Delphi 2005`, `RAD Studio 11` are names; `in 2022` is a year
        let english = prev == Some(' ')
            && char_before(t, i - 1).is_some_and(|q| q.is_ascii_alphabetic())
            && !unit_after.is_some_and(|u| !u.text.is_ascii());

        // ---- right context: codes and versions
        if let Some(n) = next {
            let unit_ascii = unit_after.is_some_and(|u| {
                u.text.is_ascii()
                    && !char_at(t, sc.end + u.text.len()).is_some_and(|c| c.is_ascii_alphanumeric())
            });
            if n.is_ascii_alphabetic() && !unit_ascii {
                return Step::Skip(self.skip_code(skip_to));
            }
            if matches!(n, '.' | '·' | '•' | '_')
                && char_at(t, sc.end + n.len_utf8())
                    .is_some_and(|d| d.is_ascii_digit() || d.is_ascii_alphabetic())
                && !is_year(&sc, t, i)
            {
                return Step::Skip(self.skip_code(skip_to));
            }
            if n == '/' && sc.arabic && !sc.decimal && !is_year(&sc, t, i) {
                // 1/10: a fraction
                if let Some(d) = numeral::scan(t, sc.end + 1) {
                    let after = char_at(t, d.end);
                    let plain =
                        !after.is_some_and(|a| a.is_ascii_alphanumeric() || a == '/' || a == '.');
                    if d.arabic
                        && !d.decimal
                        && d.number.high.is_none()
                        && d.number.value > 0.0
                        && plain
                    {
                        let mut c = self.cand(Span::new(i, d.end), Span::new(i, d.end), sc);
                        c.kind = Some(StatKind::Ratio);
                        c.value = Some(sc.number.value / d.number.value);
                        c.high = None;
                        self.finish_approx(&mut c, i, d.end, None, false);
                        return Step::Found(c);
                    }
                }
            }
            if n == '版' || (n == '/' && !is_year(&sc, t, i)) {
                return Step::Skip(self.skip_code(skip_to));
            }
        }

        // ---- dates
        if is_year(&sc, t, i) && sc.number.high.is_none() {
            if let Some(end) = self.numeric_date(i, &sc) {
                return self.date(i, end, sc);
            }
        }
        if is_year(&sc, t, i) {
            let mut e = sc.end;
            if char_at(t, e) == Some(' ') && t.get(e + 1..).is_some_and(|r| r.starts_with('年')) {
                e += 1;
            }
            if t.get(e..)
                .is_some_and(|r| r.starts_with('年') && !r.starts_with("年代"))
            {
                let end = self.extend_date(e + '年'.len_utf8());
                return self.date(i, end, sc);
            }
            // a bare year: after a cue word, or alone in brackets
            let cue = self.lex.cue_before(Cue::YearCues, t, i).is_some()
                || (prev == Some(' ') && self.lex.cue_before(Cue::YearCues, t, i - 1).is_some());
            let bracketed = matches!(prev, Some('（' | '(' | '【' | '['))
                && matches!(next, Some('）' | ')' | '】' | ']'));
            let plain_end = !next.is_some_and(|n| {
                n.is_alphanumeric()
                    && !matches!(n, '，' | '。')
                    && !(n > '\u{2E80}' && unit_after.is_none())
            });
            if (cue || bracketed) && plain_end && unit_after.is_none() {
                return self.date(i, sc.end, sc);
            }
        }
        if english {
            return Step::Skip(self.skip_code(skip_to));
        }

        // a lone 零 / 〇 (零部件, 零碳) states nothing
        if sc.chinese && sc.number.value == 0.0 && sc.end - i <= 3 {
            return Step::Skip(skip_to);
        }
        // ---- markers: 一、 （一） 1. (1) at a line or sentence start
        if self.is_marker(&sc, prev, next) {
            return Step::Skip(skip_to);
        }

        // ---- the quantity
        let mut e = sc.end;
        let mut approx: Option<Approx> = sc.more.then_some(Approx::Over);
        let mut suffix_approx = sc.more;
        // the character at e
        let mut at_e = next;
        // 20多个 / 16余名
        if matches!(next, Some('多' | '余')) {
            if let Some((se, ap)) = self.suffix(e, false) {
                // only when a unit (or nothing wordlike) follows
                approx = Some(ap);
                suffix_approx = true;
                e = se;
                at_e = char_at(t, e);
            }
        }
        // 三分之一
        if at_e == Some('分') && t.get(e..).is_some_and(|r| r.starts_with("分之")) && !suffix_approx
        {
            let q = e + "分之".len();
            if let Some(s2) = numeral::scan(t, q) {
                if sc.number.value > 0.0 {
                    let mut c = self.cand(Span::new(i, s2.end), Span::new(i, s2.end), sc);
                    c.kind = Some(StatKind::Ratio);
                    c.value = Some(s2.number.value / sc.number.value);
                    c.high = s2.number.high.map(|h| h / sc.number.value);
                    self.finish_approx(&mut c, i, s2.end, None, false);
                    return Step::Found(c);
                }
            }
            return Step::Skip(q);
        }
        let unit = if e == sc.end {
            unit_after
        } else {
            lex.unit_at(t, e)
        }
        .filter(|_| lex.cue_after(Cue::UnitBlockers, t, e).is_none());
        let Some(unit) = unit else {
            return self.no_unit(i, e, at_e, sc, approx, suffix_approx);
        };
        let ue = e + unit.text.len();
        if (unit.text == "角" && !(sc.arabic || char_before(t, i) == Some('元')))
            || (unit.text == "方" && !(sc.arabic || sc.scaled))
        {
            return Step::Skip(ue);
        }
        // 7亿吨级, 千万吨级: a size class
        if char_at(t, ue) == Some('级') && unit.kind != UnitKind::Grade {
            return Step::Skip(ue + '级'.len_utf8());
        }
        // 一季度: a calendar period
        if unit.kind == UnitKind::Quarter {
            if small_int(sc.number.value, 4.0) && sc.number.high.is_none() && !sc.scaled {
                return self.date(i, ue, sc);
            }
            return Step::Skip(ue);
        }
        // 二轮, 二期, 二号: a bare 二 with a measure word is an ordinal (counts say 两)
        if t.get(i..sc.end) == Some("二") && t.get(sc.end..ue) != Some("分之") {
            return Step::Skip(ue);
        }
        // 千亿斤粮食产能提升行动: a bare scale word inside a programme's name
        if sc.scale_only && self.names_programme(ue) {
            return Step::Skip(ue);
        }
        let events =
            unit.kind == UnitKind::Count && self.lex.cues(Cue::BareScaleUnits).contains(&unit.text);
        // 亿元以上项目, 千人以上企业: a lone scale word with its unit as a threshold
        let threshold = sc.scale_only
            && self
                .suffix(ue, true)
                .is_some_and(|(_, ap)| matches!(ap, Approx::Over | Approx::Under));
        if sc.scale_only
            && sc.end - i <= 3
            && self.prefix(i, true).is_none()
            && !suffix_approx
            && !events
            && !threshold
        {
            // 万元户, 百日, 千人计划: a lone scale word is not a number here (but 举办千场会议
            // counts events)
            return Step::Skip(ue);
        }
        let value = sc.number.value;
        let high = sc.number.high;
        let kind = match unit.kind {
            UnitKind::Count => StatKind::Count,
            UnitKind::Money => StatKind::Money,
            UnitKind::Percent | UnitKind::Permille => StatKind::Percent,
            UnitKind::Points => StatKind::Points,
            UnitKind::Measure => StatKind::Measure,
            UnitKind::Duration => StatKind::Duration,
            UnitKind::Ratio => StatKind::Ratio,
            UnitKind::Year => {
                if is_year(&sc, t, i) {
                    return self.date(i, self.extend_date(ue), sc);
                }
                StatKind::Duration
            }
            UnitKind::Decade => return self.date(i, ue, sc),
            UnitKind::Quarter => return Step::Skip(ue),
            UnitKind::Month => {
                if small_int(value, 12.0) && high.map_or(true, |h| small_int(h, 12.0)) && !sc.scaled
                {
                    let mut end = ue;
                    if unit.text == "月" {
                        // 5月7日
                        if let Some(s) = numeral::scan(t, end) {
                            if small_int(s.number.value, 31.0)
                                && t.get(s.end..)
                                    .is_some_and(|r| r.starts_with('日') || r.starts_with('号'))
                            {
                                end = s.end + '日'.len_utf8();
                            }
                        }
                    }
                    return self.date(i, end, sc);
                }
                return Step::Skip(ue);
            }
            UnitKind::Day => {
                if small_int(value, 31.0) && high.is_none() && !sc.scaled && !sc.scale_only {
                    return self.date(i, ue, sc);
                }
                return Step::Skip(ue);
            }
            UnitKind::Rank | UnitKind::RankWord => {
                let clause = self.clause_before(i);
                let rank = unit.kind == UnitKind::RankWord
                    || self
                        .lex
                        .cues(Cue::RankClause)
                        .iter()
                        .any(|w| clause.contains(w.as_str()))
                    || self
                        .lex
                        .cues(Cue::RankBefore)
                        .iter()
                        .any(|w| before_n(t, i, 4).contains(w.as_str()));
                if rank {
                    return Step::Skip(ue);
                }
                StatKind::Count
            }
            UnitKind::Grade => {
                let after = after_n(t, ue, 2);
                if after.starts_with("地震")
                    || after.starts_with("余震")
                    || before_n(t, i, 2).ends_with("震级")
                {
                    StatKind::Measure
                } else if self.after_tiers(i) {
                    StatKind::Count
                } else {
                    return Step::Skip(ue);
                }
            }
            UnitKind::Big => {
                let quoted = matches!(char_before(t, i), Some('”' | '」' | '"' | '’'));
                if sc.arabic || quoted {
                    StatKind::Count
                } else {
                    return Step::Skip(ue);
                }
            }
            UnitKind::Fold => {
                let b = before_n(t, i, 2);
                if b.ends_with('翻') || b.ends_with("翻了") {
                    let mut c = self.cand(Span::new(i, ue), Span::new(i, sc.end), sc);
                    c.kind = Some(StatKind::Ratio);
                    c.value = Some(2f64.powf(value));
                    c.high = None;
                    return Step::Found(c);
                }
                return Step::Skip(ue);
            }
            UnitKind::Tenth => {
                let after = char_at(t, ue);
                let verbish = after.is_some_and(|a| "为功果本立员绩效熟型就交长败品".contains(a));
                if value.fract() == 0.0
                    && value <= 10.0
                    && high.map_or(true, |h| h <= 10.0)
                    && !verbish
                    && !sc.scaled
                {
                    let mut c = self.cand(Span::new(i, ue), Span::new(i, sc.end), sc);
                    c.kind = Some(StatKind::Percent);
                    c.value = Some(numeral::tidy(value * 10.0));
                    c.high = high.map(|h| h * 10.0);
                    c.unit = "%".into();
                    self.finish_approx(&mut c, i, ue, approx, suffix_approx);
                    return Step::Found(c);
                }
                return Step::Skip(ue);
            }
        };
        // ---- filters on the kind
        if kind == StatKind::Duration && self.discourse_period(i, ue, &sc) {
            return Step::Skip(ue);
        }
        if matches!(kind, StatKind::Duration | StatKind::Count) {
            // 三年行动, 外国人才三年倍增行动: the name of a programme
            let named = self.lex.cue_after(Cue::ProgrammeAfter, t, ue).is_some()
                || self.names_programme(ue);
            if named && sc.chinese && !sc.arabic {
                return Step::Skip(ue);
            }
        }
        // 十四届人大三次会议: the ordinal of a session
        if unit.text == "次" && self.lex.cue_after(Cue::SessionAfter, t, ue).is_some() {
            let b = before_n(t, i, 1);
            if !matches!(b, "开" | "行" | "了" | "办" | "织" | "加" | "席" | "共") {
                return Step::Skip(ue);
            }
        }
        // 五个一 / 四个1: a slogan
        if kind == StatKind::Count && unit.text == "个" {
            if let Some(n) = char_at(t, ue) {
                if matches!(n, '一' | '1' | '二' | '三')
                    && !char_at(t, ue + n.len_utf8()).is_some_and(|x| {
                        self.lex.unit_at(t, ue + n.len_utf8()).is_some() || x == '个'
                    })
                {
                    return Step::Skip(ue);
                }
            }
        }
        // 一期工程, 二期: ordinal phases in names
        if unit.text == "期" && sc.chinese && !sc.arabic {
            let b = before_n(t, i, 2);
            if !b.ends_with("培训") && !b.ends_with('办') && !b.ends_with('了') {
                return Step::Skip(ue);
            }
        }
        let mut c = self.cand(Span::new(i, ue), Span::new(i, sc.end), sc);
        c.kind = Some(kind);
        c.unit = unit.canonical.clone();
        if unit.kind == UnitKind::Permille {
            c.unit = "%".into();
            c.value = Some(numeral::tidy(value / 10.0));
            c.high = high.map(|h| h / 10.0);
        }
        if matches!(unit.kind, UnitKind::Percent) {
            c.unit = "%".into();
        }
        if kind == StatKind::Ratio {
            c.unit = String::new();
        }
        if kind == StatKind::Count && unit.kind == UnitKind::Big {
            c.unit = "大".into();
        }
        // compound units: 3000元/吨, 1.5万元/亩, 120千克/亩, 2次/年
        let mut ue = ue;
        if matches!(
            kind,
            StatKind::Money | StatKind::Measure | StatKind::Count | StatKind::Duration
        ) && !unit.text.contains('/')
        {
            if let Some(slash) = char_at(t, ue).filter(|c| matches!(c, '/' | '／')) {
                let per = ue + slash.len_utf8();
                if let Some(u2) = self.lex.unit_at(t, per).filter(|u| {
                    !matches!(
                        u.kind,
                        UnitKind::Percent | UnitKind::Permille | UnitKind::Points | UnitKind::Ratio
                    ) && u.text.chars().all(|c| !c.is_ascii())
                }) {
                    ue = per + u2.text.len();
                    c.span.end = ue;
                    c.unit = format!("{}/{}", c.unit, u2.canonical);
                }
            }
        }
        // the indefinite 一
        let one = sc.chinese && !sc.arabic && value == 1.0 && high.is_none() && !sc.scaled;
        if one {
            if unit.text == "次" {
                let b = before_n(t, i, 1);
                let a = char_at(t, ue);
                if matches!(
                    b,
                    "再" | "又" | "这" | "那" | "上" | "下" | "前" | "同" | "唯" | "每" | "首"
                ) || matches!(a, Some('性' | '又' | '次'))
                {
                    return Step::Skip(ue);
                }
            } else if matches!(kind, StatKind::Count | StatKind::Duration) {
                c.weak = true;
            }
        }
        self.finish_approx(&mut c, i, ue, approx, suffix_approx);
        Step::Found(c)
    }

    /// [`Scanner::at`] for a lone digit before clause punctuation (一、 三，) read by
    /// [`numeral::lone_digit`], when the character before it is one that no rule of the left
    /// context asks about (`None` otherwise: the general path decides). Then no unit, code,
    /// fraction, date, 零, suffix or 分之 can apply (no unit starts with the punctuation, a test
    /// says so), so it is a marker or a bare number; the tests compare both paths.
    fn at_lone(&mut self, i: usize, l: Lone) -> Option<Step> {
        let prev = char_before(self.text, i);
        if let Some(p) = prev {
            // ASCII: codes, versions, English; the rest: 第 数 每 前 and the codes' signs
            if p.is_ascii()
                || matches!(p, '·' | '•' | '×' | '第' | '数' | '每' | '前')
                || self.last_ordinal_end == i
                || (p == '、' && self.last_ordinal_end == i - '、'.len_utf8())
            {
                return None;
            }
        }
        // is_marker for the punctuation after a lone digit: only `、` makes a marker
        if at_start(prev) && l.dun {
            return Some(Step::Skip(i + Lone::LEN));
        }
        Some(Step::Lone(l))
    }

    /// Adds a prefix (before `start`) and a suffix (at `end`) to `c`.
    fn finish_approx(
        &self,
        c: &mut Cand,
        start: usize,
        end: usize,
        inner: Option<Approx>,
        inner_suffix: bool,
    ) {
        c.approx = inner;
        c.suffix_approx = inner_suffix;
        if let Some((e, ap)) = self.suffix(end, true) {
            c.span.end = e;
            c.approx = Some(ap);
            c.suffix_approx = true;
        }
        if let Some((s, ap)) = self.prefix(start, c.scan.scale_only) {
            c.span.start = s;
            c.prefix_approx = true;
            if !c.suffix_approx {
                c.approx = Some(ap);
            }
        }
    }

    /// 百分之七十, 百分之七、八十, 千分之三.
    fn percent_words(&mut self, i: usize, wlen: usize, div: f64) -> Step {
        let q = i + wlen;
        let Some(sc) = numeral::scan(self.text, q) else {
            return Step::Skip(q);
        };
        let mut c = self.cand(Span::new(i, sc.end), Span::new(q, sc.end), sc);
        c.kind = Some(StatKind::Percent);
        c.unit = "%".into();
        c.value = Some(numeral::tidy(sc.number.value / div));
        c.high = sc.number.high.map(|h| h / div);
        self.finish_approx(&mut c, i, sc.end, None, false);
        Step::Found(c)
    }

    /// A number with no unit after it (`at_e`: the character at `e`).
    fn no_unit(
        &mut self,
        i: usize,
        e: usize,
        at_e: Option<char>,
        sc: Scan,
        approx: Option<Approx>,
        suffix_approx: bool,
    ) -> Step {
        let t = self.text;
        // 17.2：29.5：53.3, 2.52∶1
        if let Some(sep) = at_e.filter(|c| matches!(c, '∶' | '：' | ':')) {
            let mut end = e;
            let mut terms = 1;
            let mut decimal = sc.decimal;
            let mut at = e;
            while let Some(n) = numeral::scan(t, at + sep.len_utf8()) {
                if !n.arabic {
                    break;
                }
                decimal |= n.decimal;
                terms += 1;
                end = n.end;
                at = n.end;
                if char_at(t, at) != Some(sep) {
                    break;
                }
            }
            let ratio_clause = self.clause_before(i).contains('比');
            if terms >= 2 && sc.arabic && (sep == '∶' || decimal || ratio_clause) {
                let mut c = self.cand(Span::new(i, end), Span::new(i, end), sc);
                c.kind = Some(StatKind::Ratio);
                c.high = None;
                return Step::Found(c);
            }
        }
        let mut c = self.cand(Span::new(i, e), Span::new(i, sc.end), sc);
        c.approx = approx;
        c.suffix_approx = suffix_approx;
        if sc.number.high.is_some() && !sc.arabic {
            // 几万里, 三四十万: a vague magnitude with nothing counted
            return Step::Skip(e);
        }
        // 6600多万纳税人, 超过3300万, 上千万家庭 (a prefix matters only to a lone scale word)
        if (sc.scaled && !sc.scale_only) || (sc.scale_only && self.prefix(i, true).is_some()) {
            c.kind = Some(StatKind::Count);
            self.finish_approx(&mut c, i, e, approx, suffix_approx);
            return Step::Found(c);
        }
        // 比值由3.27缩小至2.93
        if sc.arabic && sc.decimal {
            let clause = self.clause_before(i);
            if self
                .lex
                .cues(Cue::RatioWords)
                .iter()
                .any(|w| clause.contains(w.as_str()))
            {
                c.kind = Some(StatKind::Ratio);
                return Step::Found(c);
            }
        }
        if sc.scale_only {
            return Step::Skip(e);
        }
        // a bare number: kept for shared units and defects
        Step::Found(c)
    }

    /// The text from the last clause break before `at` up to `at`.
    pub(crate) fn clause_before(&self, at: usize) -> &'t str {
        let head = self.text.get(..at).unwrap_or("");
        let start = head
            .char_indices()
            .rev()
            .take(40)
            .find(|(_, c)| matches!(c, '，' | '。' | '；' | '！' | '？' | '\n' | ',' | ';'))
            .map_or(at.saturating_sub(120).min(at), |(k, c)| k + c.len_utf8());
        let mut s = start;
        while !head.is_char_boundary(s) && s < at {
            s += 1;
        }
        head.get(s..).unwrap_or("")
    }

    /// Skips the rest of a code or version (`0.7.1`, `PM2.5`, `Win32`).
    fn skip_code(&self, from: usize) -> usize {
        let mut i = from;
        while let Some(c) = char_at(self.text, i) {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '·') {
                i += c.len_utf8();
            } else {
                break;
            }
        }
        i
    }

    /// Whether a programme's name (`…行动`) follows `at` in the same phrase.
    fn names_programme(&self, at: usize) -> bool {
        // the phrase: up to 10 letters of a script other than ASCII
        let rest = self.text.get(at..).unwrap_or("");
        let end = rest
            .char_indices()
            .take(10)
            .find(|&(_, c)| c.is_ascii() || !crate::text::is_alphabetic(c))
            .map_or_else(|| after_n(rest, 0, 10).len(), |(k, _)| k);
        let phrase = rest.get(..end).unwrap_or("");
        ["行动", "会战"].iter().any(|w| phrase.contains(w))
    }

    /// `一、` `（一）` `1.` `(1)` `1)` at a line or sentence start (`prev` and `next`: the
    /// characters before and after the number).
    fn is_marker(&self, sc: &Scan, prev: Option<char>, next: Option<char>) -> bool {
        let t = self.text;
        match next {
            Some('、') => at_start(prev) && sc.number.high.is_none(),
            Some('.' | '．') => {
                at_start(prev) && !char_at(t, sc.end + 1).is_some_and(|c| c.is_ascii_digit())
            }
            Some('）' | ')') => matches!(prev, Some('（' | '(')) || at_start(prev),
            Some('］' | ']' | '】') => matches!(prev, Some('［' | '[' | '【')),
            Some('是') => sc.chinese && sc.number.high.is_none(),
            _ => false,
        }
    }

    /// Whether the number at `i` follows a list of administrative tiers (省市县三级, 县、镇两级).
    fn after_tiers(&self, i: usize) -> bool {
        let b = before_n(self.text, i, 6);
        let tiers = self.lex.cues(Cue::TierChars);
        let mut rest = b;
        let mut n = 0;
        // strip tiers and 、 from the end
        loop {
            let r = rest.trim_end_matches('、');
            if let Some(w) = tiers.iter().find(|w| r.ends_with(w.as_str())) {
                rest = &r[..r.len() - w.len()];
                n += 1;
            } else {
                break;
            }
        }
        n >= 2
    }

    /// 一年来, 五年间, 过去五年, 今后五年, 的五年, 新的一年.
    fn discourse_period(&self, i: usize, ue: usize, sc: &Scan) -> bool {
        let t = self.text;
        if self.lex.cue_after(Cue::PeriodAfter, t, ue).is_some() {
            return true;
        }
        let pre = self.prefix(i, sc.scale_only);
        if let Some((s, _)) = pre {
            // 近两年: a period of discourse
            if t.get(s..i) == Some("近") && t.get(sc.end..ue) == Some("年") {
                return true;
            }
        }
        let start = pre.map_or(i, |(s, _)| s);
        if self.lex.cue_before(Cue::PeriodBefore, t, start).is_some() {
            return true;
        }
        false
    }
}
