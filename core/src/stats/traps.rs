//! Stretches of text where numbers are not statistics: trap phrases from data (idioms, slogans,
//! place names), short quoted phrases (“四个意识”, “4431”), titles in 《》 (no quantities there),
//! URLs and e-mail addresses.

use std::sync::OnceLock;

use regex::Regex;

use super::lexicon::Lexicon;
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

fn url_re() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)(?:https?://|ftp://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%\-\[\]]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}|[A-Za-z0-9\-]+\.(?:com|cn|net|org|gov)(?:\.cn)?(?:/[A-Za-z0-9._~/?#=&%\-]*)?",
        )
        .ok()
    })
    .as_ref()
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

/// Computes the masks of `text` in one pass per kind.
pub(crate) fn masks(text: &str, lex: &Lexicon) -> Masks {
    let mut all = Vec::new();
    let mut quantity = Vec::new();
    if let Some(ac) = &lex.traps {
        for m in ac.find_iter(text) {
            all.push(Span::new(m.start(), m.end()));
        }
    }
    if let Some(re) = url_re() {
        // every character the pattern can match is ASCII (or, under (?i), the Kelvin sign and
        // the long s), never white space: search only the runs of such characters
        let search = |s: usize, e: usize, all: &mut Vec<Span>| {
            if let Some(part) = text.get(s..e) {
                if part.contains(['.', '@', ':']) {
                    for m in re.find_iter(part) {
                        all.push(Span::new(s + m.start(), s + m.end()));
                    }
                }
            }
        };
        let bytes = text.as_bytes();
        let mut run: Option<usize> = None;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes.get(i).copied().unwrap_or(0);
            let member = if b < 0x80 {
                (!b.is_ascii_whitespace()).then_some(1)
            } else if b == 0xE2 && bytes.get(i..i + 3) == Some("\u{212A}".as_bytes()) {
                Some(3)
            } else if b == 0xC5 && bytes.get(i..i + 2) == Some("\u{17F}".as_bytes()) {
                Some(2)
            } else {
                None
            };
            match (member, run) {
                (Some(_), None) => run = Some(i),
                (None, Some(s)) => {
                    search(s, i, &mut all);
                    run = None;
                }
                _ => {}
            }
            i += member.unwrap_or(1);
        }
        if let Some(s) = run {
            search(s, text.len(), &mut all);
        }
    }
    // quotes: one pass, tracking the open quote of each family
    let mut curly: Option<(usize, usize, bool)> = None; // (content start, chars, clean)
    let mut corner: Option<(usize, usize, bool)> = None;
    let mut ascii: Option<(usize, usize, bool)> = None;
    let mut title: Option<(usize, usize)> = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        if curly.is_none() && corner.is_none() && ascii.is_none() && title.is_none() {
            // nothing open: jump to the next byte that may begin a character acted on here
            // (ASCII " ] CR LF, or the lead byte of “ ” 「 」 『 』 《 》 ］)
            let skip = bytes.get(i..).and_then(|r| {
                r.iter()
                    .position(|&b| matches!(b, b'"' | b']' | b'\n' | b'\r' | 0xE2 | 0xE3 | 0xEF))
            });
            match skip {
                Some(k) => i += k,
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
            '”' => close(&mut curly, &mut all),
            '「' | '『' => corner = Some((next, 0, true)),
            '」' | '』' => close(&mut corner, &mut all),
            '"' => {
                if ascii.is_some() {
                    close(&mut ascii, &mut all);
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
    Masks {
        all: merge(all),
        quantity: merge(quantity),
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
        let m = masks(t, lexicon());
        let s = t.find("四个").unwrap_or(0);
        assert!(m.all.iter().any(|x| x.contains(s)));
        let u = t.find("529").unwrap_or(0);
        assert!(m.all.iter().any(|x| x.contains(u)));
        let long = "“这是一段很长的引语，里面有3个人”";
        let m = masks(long, lexicon());
        let p = long.find('3').unwrap_or(0);
        assert!(!m.all.iter().any(|x| x.contains(p)));
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
