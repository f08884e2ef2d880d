//! Stretches of text where numbers are not statistics: trap phrases from data (idioms, slogans,
//! place names), short quoted phrases (“四个意识”, “4431”), titles in 《》 (no quantities there),
//! URLs and e-mail addresses.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Input, MatchKind};

use super::lexicon::Lexicon;
use super::url;
use crate::Span;

/// Sorted, merged spans: `all` hide every number, `quantity` hide all but dates.
#[derive(Debug, Default)]
pub(crate) struct Masks {
    pub all: Vec<Span>,
    pub quantity: Vec<Span>,
}

/// Longest quoted phrase (in characters) read as a slogan or a name.
const SHORT_QUOTE: usize = 12;
/// Longest 《title》 (in characters).
const TITLE: usize = 80;

/// Length of the URL-run member ending at byte `end` of `bytes`: non-space ASCII, or (as
/// `(?i)` lets `k` and `s` match them) the Kelvin sign and the long s.
fn member_before(bytes: &[u8], end: usize) -> Option<usize> {
    let b = *bytes.get(end.checked_sub(1)?)?;
    if b < 0x80 {
        return (!b.is_ascii_whitespace()).then_some(1);
    }
    if end >= 3 && bytes.get(end - 3..end) == Some("\u{212A}".as_bytes()) {
        return Some(3);
    }
    if end >= 2 && bytes.get(end - 2..end) == Some("\u{17F}".as_bytes()) {
        return Some(2);
    }
    None
}

/// Length of the URL-run member starting at byte `at` (see [`member_before`]).
fn member_at(bytes: &[u8], at: usize) -> Option<usize> {
    let b = *bytes.get(at)?;
    if b < 0x80 {
        (!b.is_ascii_whitespace()).then_some(1)
    } else if bytes.get(at..at + 3) == Some("\u{212A}".as_bytes()) {
        Some(3)
    } else if bytes.get(at..at + 2) == Some("\u{17F}".as_bytes()) {
        Some(2)
    } else {
        None
    }
}

/// Start of the run of URL-run members holding the member at `at`.
fn run_start(bytes: &[u8], mut at: usize) -> usize {
    while let Some(n) = member_before(bytes, at) {
        at -= n;
    }
    at
}

/// End of the run of URL-run members starting at or holding `at`.
fn run_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(n) = member_at(bytes, at) {
        at += n;
    }
    at
}

/// Calls `f(start, end)` for each maximal run of URL-run members that holds `.`, `@` or `:`
/// (only such a run can hold a URL or an address), in order. It jumps to those bytes with
/// memchr and widens each to its run, instead of classifying every byte of the text.
fn url_runs(bytes: &[u8], mut f: impl FnMut(usize, usize)) {
    let mut from = 0;
    while let Some(k) = bytes
        .get(from..)
        .and_then(|r| memchr::memchr3(b'.', b'@', b':', r))
    {
        let hit = from + k;
        let (s, e) = (run_start(bytes, hit), run_end(bytes, hit));
        f(s, e);
        from = e.max(hit + 1);
    }
}

/// The trap phrases of a text, found on demand: asked whether a phrase holds offset `i` (for
/// increasing `i`, as the scanner reads numbers), it searches the run of trap characters
/// around `i` the first time that run is reached, and only then.
///
/// This finds the same phrases as one search of the whole text wherever it is asked: a phrase
/// cannot cross a character that no phrase holds, so a leftmost-longest search restarted at
/// each such run finds the same matches inside it. Only the runs that hold a number start are
/// searched, and each once, which leaves most of a report unsearched.
pub(crate) struct Traps<'t, 'l> {
    text: &'t str,
    lex: &'l Lexicon,
    /// The phrases found so far (sorted, not overlapping).
    spans: Vec<Span>,
    /// Index of the first phrase that may still hold an offset asked about.
    at: usize,
    /// End of the last run searched.
    searched: usize,
    /// A character known to lie outside the trap characters (start, end): the one after the
    /// last lone character tested, which is often the one before the next (`、` in `一、一、`).
    outside: (usize, usize),
}

impl<'t, 'l> Traps<'t, 'l> {
    pub fn new(text: &'t str, lex: &'l Lexicon) -> Traps<'t, 'l> {
        Traps {
            text,
            lex,
            spans: Vec::new(),
            at: 0,
            searched: 0,
            outside: (0, 0),
        }
    }

    /// The trap phrase holding byte `i` (a character boundary), if any; `i` must not decrease
    /// between calls.
    #[cfg(test)]
    pub fn holding(&mut self, i: usize) -> Option<Span> {
        match self.text.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => self.holding_char(i, c),
            None => self.held(i),
        }
    }

    /// [`Traps::holding`] for `c`, the character at `i`.
    pub fn holding_char(&mut self, i: usize, c: char) -> Option<Span> {
        if i >= self.searched {
            self.search_run(i, c);
        }
        self.held(i)
    }

    /// The phrase found so far that holds `i`.
    fn held(&mut self, i: usize) -> Option<Span> {
        while self.spans.get(self.at).is_some_and(|s| s.end <= i) {
            self.at += 1;
        }
        self.spans.get(self.at).copied().filter(|s| s.start <= i)
    }

    /// Searches the run of trap characters holding `i`, if `i` is in one.
    fn search_run(&mut self, i: usize, c: char) {
        let (text, set) = (self.text, &self.lex.trap_chars);
        if !set.contains(c) {
            return;
        }
        // the common short case first: `c` alone between characters outside the set (the 一
        // of 一、一、), shorter than every phrase (the character before it is one searched
        // since the last run only when it starts at or after `searched`)
        let after = i + c.len_utf8();
        if c.len_utf8() < self.lex.trap_min {
            let (o_start, o_end) = self.outside;
            let prev_outside = (o_end == i && o_start >= self.searched)
                || !text
                    .get(self.searched..i)
                    .and_then(|h| h.chars().next_back())
                    .is_some_and(|p| set.contains(p));
            if prev_outside {
                match text.get(after..).and_then(|r| r.chars().next()) {
                    Some(n) if set.contains(n) => {}
                    next => {
                        if let Some(n) = next {
                            self.outside = (after, after + n.len_utf8());
                        }
                        self.searched = after;
                        return;
                    }
                }
            }
        }
        // the run cannot reach back into the last one searched: a character outside the set
        // lies between them
        let head = text.get(self.searched..i).unwrap_or("");
        let start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| set.contains(c))
            .last()
            .map_or(i, |(k, _)| self.searched + k);
        let end = text
            .get(i..)
            .and_then(|r| r.char_indices().find(|&(_, c)| !set.contains(c)))
            .map_or(text.len(), |(k, _)| i + k);
        // (a run shorter than every phrase holds none: 一 alone in 一、一、)
        if let Some(run) = text
            .get(start..end)
            .filter(|r| r.len() >= self.lex.trap_min)
        {
            let found = self.lex.traps.for_search(run.len());
            for m in found.into_iter().flat_map(|ac| ac.find_iter(run)) {
                self.spans
                    .push(Span::new(start + m.start(), start + m.end()));
            }
        }
        self.searched = end;
    }
}

/// Whether `b` (three bytes) is one of the wide marks the quote pass acts on:
/// “ ” (E2 80 9C/9D), 《 》 「 」 『 』 (E3 80 8A–8F), ］ (EF BC BD).
fn wide_mark(b: &[u8]) -> bool {
    matches!(
        b,
        [0xE2, 0x80, 0x9C | 0x9D] | [0xE3, 0x80, 0x8A..=0x8F] | [0xEF, 0xBC, 0xBD]
    )
}

/// The [`wide_mark`]s as written.
const WIDE_MARKS: [&str; 9] = ["“", "”", "《", "》", "「", "」", "『", "』", "］"];

/// One automaton over the [`WIDE_MARKS`]: its prefilter looks for all of them at once (their
/// lead bytes also lead the commonest punctuation, `、。，：`, so a search for those bytes
/// stops at nearly every clause).
fn wide_marks() -> Option<&'static AhoCorasick> {
    static AC: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(WIDE_MARKS)
            .ok()
    })
    .as_ref()
}

/// The first [`wide_mark`] at or after `from`, searched byte by byte for the lead bytes (only
/// if the automaton could not be built).
fn wide_by_lead_bytes(bytes: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = from + memchr::memchr3(0xE2, 0xE3, 0xEF, bytes.get(from..)?)?;
        if bytes.get(at..at + 3).is_some_and(wide_mark) {
            return Some(at);
        }
        from = at + 1;
    }
}

/// The offsets the quote pass acts on, in increasing order: ASCII `"` `]` LF CR and the
/// [`wide_mark`]s. Each kind is searched once (memchr, or the automaton of [`wide_marks`])
/// and its next hit remembered, so the text is searched once however many offsets are asked
/// about (they never decrease).
struct Stops<'a> {
    bytes: &'a [u8],
    /// The next hit of each search at or after the last offset asked about (`usize::MAX`:
    /// none left; `None`: not searched yet).
    ascii: Option<usize>,
    cr: Option<usize>,
    wide: Option<usize>,
}

impl<'a> Stops<'a> {
    fn new(bytes: &'a [u8]) -> Stops<'a> {
        Stops {
            bytes,
            ascii: None,
            cr: None,
            wide: None,
        }
    }

    /// The first stop at or after `i`.
    fn next(&mut self, i: usize) -> Option<usize> {
        let bytes = self.bytes;
        let found = |r: Option<usize>, from: usize| r.map_or(usize::MAX, |k| from + k);
        if self.ascii.map_or(true, |k| k < i) {
            let r = bytes
                .get(i..)
                .and_then(|r| memchr::memchr3(b'"', b']', b'\n', r));
            self.ascii = Some(found(r, i));
        }
        if self.cr.map_or(true, |k| k < i) {
            self.cr = Some(found(
                bytes.get(i..).and_then(|r| memchr::memchr(b'\r', r)),
                i,
            ));
        }
        if self.wide.map_or(true, |k| k < i) {
            let hit = match wide_marks() {
                Some(ac) if i <= bytes.len() => {
                    ac.find(Input::new(bytes).range(i..)).map(|m| m.start())
                }
                Some(_) => None,
                None => wide_by_lead_bytes(bytes, i),
            };
            self.wide = Some(hit.unwrap_or(usize::MAX));
        }
        let k = self.ascii.min(self.cr).min(self.wide).unwrap_or(usize::MAX);
        (k < bytes.len()).then_some(k)
    }
}

/// Sorts `v` and merges overlapping or touching spans.
pub(super) fn merge(mut v: Vec<Span>) -> Vec<Span> {
    v.sort();
    let mut out: Vec<Span> = Vec::with_capacity(v.len());
    for s in v {
        if let Some(last) = out.last_mut() {
            if s.start <= last.end {
                last.end = last.end.max(s.end);
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// Computes the masks of `text` in one pass per kind: short quotes, titles, URLs (the trap
/// phrases are found on demand by [`Traps`]).
pub(crate) fn masks(text: &str) -> Masks {
    let mut all = Vec::new();
    let mut quantity = Vec::new();
    {
        // every character url.rs can match is ASCII (or, under (?i), the Kelvin sign and
        // the long s), never white space: search only the runs of such characters
        let search = |s: usize, e: usize, all: &mut Vec<Span>| {
            if let Some(part) = text.get(s..e) {
                if part.contains(['.', '@', ':']) {
                    for m in url::find_iter(part) {
                        all.push(Span::new(s + m.start, s + m.end));
                    }
                }
            }
        };
        url_runs(text.as_bytes(), |s, e| search(s, e, &mut all));
    }
    quote_pass(text, true, &mut all, &mut quantity);
    Masks {
        all: merge(all),
        quantity: merge(quantity),
    }
}

/// Short quotes and ］ glossary terms (into `all`) and titles (into `quantity`): one pass,
/// tracking the open quote of each family. With `jump`, it passes over the stretches where
/// nothing open may still make a span, from one [`Stops`] to the next; without, it reads every
/// character (the tests compare both).
fn quote_pass(text: &str, jump: bool, all: &mut Vec<Span>, quantity: &mut Vec<Span>) {
    let mut curly: Option<(usize, usize, bool)> = None; // (content start, chars, clean)
    let mut corner: Option<(usize, usize, bool)> = None;
    let mut ascii: Option<(usize, usize, bool)> = None;
    let mut title: Option<(usize, usize)> = None;
    let mut stops = Stops::new(text.as_bytes());
    let mut i = 0;
    while i < text.len() {
        // (a curly or corner quote that can no longer make a span is dropped at once: only
        // its closing mark, a new opening one or a line break would act on it, and on nothing
        // open they do the same; an ASCII one is kept, as its next `"` closes it)
        if jump
            && curly.is_none()
            && corner.is_none()
            && !ascii.is_some_and(|q| q.2)
            && title.is_none()
        {
            // nothing that may still make a span: jump to the next character acted on here
            match stops.next(i) {
                Some(k) => i = k,
                None => break,
            }
        }
        let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let next = i + c.len_utf8();
        let close = |open: &mut Option<(usize, usize, bool)>, all: &mut Vec<Span>| {
            if let Some((s, n, clean)) = open.take() {
                if clean && n > 0 && n <= SHORT_QUOTE {
                    all.push(Span::new(s, i));
                }
            }
        };
        match c {
            '“' => curly = Some((next, 0, true)),
            '”' => close(&mut curly, all),
            '「' | '『' => corner = Some((next, 0, true)),
            '」' | '』' => close(&mut corner, all),
            '"' => {
                if ascii.is_some() {
                    close(&mut ascii, all);
                } else {
                    ascii = Some((next, 0, true));
                }
            }
            '《' => title = Some((next, 0)),
            '》' => {
                if let Some((s, n)) = title.take() {
                    if n <= TITLE {
                        quantity.push(Span::new(s, i));
                    }
                }
            }
            '］' | ']' => {
                // a footnote's glossary entry: ［10］两个基地、两个枢纽：… names a slogan
                // the mark opens its line: ［ or [ then at most four characters, after a line break
                let head = text.get(..i).unwrap_or("");
                let mut opener = false;
                for (k, (j, ch)) in head.char_indices().rev().enumerate() {
                    if k > 5 {
                        break;
                    }
                    if ch == '［' || ch == '[' {
                        let before = head.get(..j).and_then(|h| h.chars().next_back());
                        opener = matches!(before, None | Some('\n' | '\r'));
                        break;
                    }
                }
                if opener {
                    let rest = text.get(next..).unwrap_or("");
                    let term_end = rest
                        .char_indices()
                        .take(30)
                        .find(|(_, c)| matches!(c, '：' | ':' | '\n'))
                        .filter(|(_, c)| *c != '\n');
                    if let Some((k, _)) = term_end {
                        all.push(Span::new(next, next + k));
                    }
                }
            }
            '\n' | '\r' => {
                curly = None;
                corner = None;
                ascii = None;
                title = None;
            }
            _ => {
                let dirty = matches!(c, '，' | '。' | '；' | '！' | '？' | '：' | ',' | ';' | ':');
                for q in [&mut curly, &mut corner, &mut ascii].into_iter().flatten() {
                    q.1 += 1;
                    if dirty || q.1 > SHORT_QUOTE {
                        q.2 = false;
                    }
                }
                for q in [&mut curly, &mut corner] {
                    if jump && q.is_some_and(|q| !q.2) {
                        *q = None;
                    }
                }
                if let Some(t) = &mut title {
                    t.1 += 1;
                    if t.1 > TITLE {
                        title = None;
                    }
                }
            }
        }
        i = next;
    }
}

/// A cursor over sorted, merged spans answering "which span holds offset `i`" for increasing `i`.
#[derive(Debug)]
pub(crate) struct Cursor<'a> {
    spans: &'a [Span],
    at: usize,
}

impl<'a> Cursor<'a> {
    pub fn new(spans: &'a [Span]) -> Cursor<'a> {
        Cursor { spans, at: 0 }
    }

    /// The span holding `i`, if any (`i` must not decrease between calls).
    pub fn holding(&mut self, i: usize) -> Option<Span> {
        while self.spans.get(self.at).is_some_and(|s| s.end <= i) {
            self.at += 1;
        }
        self.spans.get(self.at).copied().filter(|s| s.start <= i)
    }

    /// Whether any span overlaps `span` (a binary search: `span` may start before the last
    /// offset asked about).
    pub fn overlaps(&self, span: Span) -> bool {
        let k = self.spans.partition_point(|s| s.end <= span.start);
        self.spans
            .get(k)
            .is_some_and(|s| s.start < span.end && s.overlaps(&span))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::lexicon::lexicon;
    use super::*;

    #[test]
    fn quotes_titles_urls() {
        let t = "增强“四个意识”，见《“十四五”规划》，访问 http://www.cnpack.org/a?id=529 。";
        let m = masks(t);
        let s = t.find("四个").unwrap_or(0);
        assert!(m.all.iter().any(|x| x.contains(s)));
        let u = t.find("529").unwrap_or(0);
        assert!(m.all.iter().any(|x| x.contains(u)));
        let long = "“这是一段很长的引语，里面有3个人”";
        let m = masks(long);
        let p = long.find('3').unwrap_or(0);
        assert!(!m.all.iter().any(|x| x.contains(p)));
    }

    /// The URL runs as the byte-by-byte walk found them before the memchr jump: the oracle.
    fn runs_walked(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let (mut out, mut run, mut i) = (Vec::new(), None, 0);
        while i < bytes.len() {
            let member = member_at(bytes, i);
            match (member, run) {
                (Some(_), None) => run = Some(i),
                (None, Some(s)) => {
                    out.push((s, i));
                    run = None;
                }
                _ => {}
            }
            i += member.unwrap_or(1);
        }
        if let Some(s) = run {
            out.push((s, bytes.len()));
        }
        out.retain(|&(s, e)| text.get(s..e).is_some_and(|p| p.contains(['.', '@', ':'])));
        out
    }

    fn runs_jumped(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        url_runs(text.as_bytes(), |s, e| out.push((s, e)));
        out
    }

    #[test]
    fn url_runs_include_kelvin_and_long_s() {
        let t = "见\u{212A}a.com，又见 \u{17F}ite.cn/x 与 a@b.org。";
        let runs = runs_jumped(t);
        assert_eq!(runs, runs_walked(t));
        let parts: Vec<&str> = runs.iter().map(|&(s, e)| &t[s..e]).collect();
        assert_eq!(
            parts,
            [
                "\u{212A}a.com，".trim_end_matches('，'),
                "\u{17F}ite.cn/x",
                "a@b.org。".trim_end_matches('。')
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn url_runs_match_the_byte_walk(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "9", ".", "@", ":", "/", " ", "\n", "\t", "，", "。", "中",
                    "\u{212A}", "\u{17F}", "\u{2122}", "\u{17E}", "é", "😀", "www.", "http://",
                ]),
                0..40,
            )
        ) {
            let t: String = parts.concat();
            proptest::prop_assert_eq!(runs_jumped(&t), runs_walked(&t));
        }
    }

    proptest::proptest! {
        /// Asked at every offset in order, the on-demand search answers as a search of the
        /// whole text does (runs shorter than every phrase, such as the lone 一 of 一、, are
        /// not searched at all).
        #[test]
        fn traps_on_demand_match_a_whole_search(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "一些", "一定", "进一步", "一", "二", "三", "百", "万", "12", "0", "5", "年",
                    "人", "的", "是", "，", "。", "、", " ", "\n", "a", "“", "”", "全心全意",
                    "一带一路", "两学一做", "三严三实", "四个意识", "第一", "一方面", "😀",
                ]),
                0..40,
            ),
            stride in 1usize..4,
        ) {
            let t: String = parts.concat();
            let lex = lexicon();
            let Some(ac) = lex.traps.nfa() else { return Ok(()) };
            let whole: Vec<Span> = ac.find_iter(&t).map(|m| Span::new(m.start(), m.end())).collect();
            let mut traps = Traps::new(&t, lex);
            // ask at every `stride`-th character, as the scanner skips ahead
            for (i, _) in t.char_indices().step_by(stride) {
                let expected = whole.iter().copied().find(|s| s.start <= i && i < s.end);
                proptest::prop_assert_eq!(traps.holding(i), expected, "at {}", i);
            }
        }
    }

    proptest::proptest! {
        /// The quote pass's stops are exactly the characters it acts on.
        #[test]
        fn stops_are_the_marks(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "“", "”", "《", "》", "「", "」", "『", "』", "］", "\"", "]", "\n", "\r",
                    "、", "。", "，", "〈", "【", "…", "—", "‘", "’", "（", "）", "中", "a", "😀",
                ]),
                0..40,
            ),
            stride in 1usize..3,
        ) {
            let t: String = parts.concat();
            let acted = |c: char| "“”《》「」『』］\"]\n\r".contains(c);
            let mut stops = Stops::new(t.as_bytes());
            let mut from = 0;
            for (i, _) in t.char_indices().step_by(stride) {
                if i < from {
                    continue;
                }
                let expected = t[i..].char_indices().find(|&(_, c)| acted(c)).map(|(k, _)| i + k);
                let got = stops.next(i);
                proptest::prop_assert_eq!(got, expected, "from {}", i);
                from = i;
            }
        }
    }

    proptest::proptest! {
        /// The quote pass that jumps between stops finds what the one reading every character
        /// finds (quotes left open, grown long or dirty, titles, ］ terms, line breaks).
        #[test]
        fn quote_pass_jumps_as_it_reads(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "“", "”", "《", "》", "「", "」", "『", "』", "［", "］", "[", "]", "\"",
                    "\n", "\r", "，", "。", "：", "、", "四个", "意识", "12", "中", "a",
                    "很长很长很长的一段话", "😀",
                ]),
                0..60,
            ),
        ) {
            let t: String = parts.concat();
            let (mut all_j, mut qty_j, mut all_r, mut qty_r) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            quote_pass(&t, true, &mut all_j, &mut qty_j);
            quote_pass(&t, false, &mut all_r, &mut qty_r);
            proptest::prop_assert_eq!(all_j, all_r);
            proptest::prop_assert_eq!(qty_j, qty_r);
        }
    }

    #[test]
    fn cursor_moves_forward() {
        let spans = [Span::new(2, 4), Span::new(10, 12)];
        let mut c = Cursor::new(&spans);
        assert_eq!(c.holding(0), None);
        assert_eq!(c.holding(3), Some(Span::new(2, 4)));
        assert_eq!(c.holding(5), None);
        assert!(c.overlaps(Span::new(9, 11)));
        assert!(!c.overlaps(Span::new(12, 20)));
    }
}
