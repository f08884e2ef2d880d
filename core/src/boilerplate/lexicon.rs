//! The boilerplate lexicons, read once from the data files under `core/data/boilerplate/`.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};

/// Splits a data file into `[section]`s of entries: one entry per line, `#` starts a comment
/// line, blank lines are skipped, entries keep inner blanks but not surrounding ones.
pub(crate) fn sections(data: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut out: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for raw in data.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((name.trim(), Vec::new()));
            continue;
        }
        match out.last_mut() {
            Some((_, entries)) => entries.push(line),
            None => out.push(("", vec![line])),
        }
    }
    out
}

/// The entries of section `name` (empty when absent).
pub(crate) fn section(data: &'static str, name: &str) -> Vec<&'static str> {
    sections(data)
        .into_iter()
        .filter(|(n, _)| *n == name)
        .flat_map(|(_, e)| e)
        .collect()
}

/// FNV-1a: a fast hash for the short chrome tokens looked up once per token of every short
/// line (the standard SipHash cost more than the rest of the line's classification).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of chrome tokens.
pub(crate) type TokenSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// Words (with a value each) to be tried as prefixes of a line, grouped by their first
/// character: [`Prefixes::starting`] gives only the words that can start a given text, in
/// their original order, so a line is compared with a handful of words instead of all.
pub(crate) struct Prefixes<T> {
    all: Vec<(&'static str, T)>,
    /// Sorted by character; each group keeps the order of `all`.
    groups: Vec<(char, Vec<(&'static str, T)>)>,
    /// The first bytes of the words: a text starting with another byte starts with none.
    first_bytes: [bool; 256],
}

impl<T: Copy> Prefixes<T> {
    pub(crate) fn new(all: Vec<(&'static str, T)>) -> Prefixes<T> {
        let mut groups: Vec<(char, Vec<(&'static str, T)>)> = Vec::new();
        for &(w, v) in &all {
            let Some(c) = w.chars().next() else { continue };
            match groups.iter_mut().find(|(g, _)| *g == c) {
                Some((_, ws)) => ws.push((w, v)),
                None => groups.push((c, vec![(w, v)])),
            }
        }
        groups.sort_by_key(|(c, _)| *c);
        let mut first_bytes = [false; 256];
        for (w, _) in &all {
            if let Some(&b) = w.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        Prefixes {
            all,
            groups,
            first_bytes,
        }
    }

    /// Whether a word starts with the byte `b`.
    pub(crate) fn first_byte(&self, b: u8) -> bool {
        self.first_bytes[usize::from(b)]
    }

    /// Every word, in the original order.
    pub(crate) fn all(&self) -> &[(&'static str, T)] {
        &self.all
    }

    /// The words starting with the first character of `s`, in the original order (empty when
    /// `s` is empty).
    pub(crate) fn starting(&self, s: &str) -> &[(&'static str, T)] {
        // A first byte no word starts with (an ASCII digit, most lines' first character) rules
        // out every word without decoding the character.
        if !s.as_bytes().first().is_some_and(|&b| self.first_byte(b)) {
            return &[];
        }
        let Some(c) = s.chars().next() else {
            return &[];
        };
        match self.groups.binary_search_by_key(&c, |(g, _)| *g) {
            Ok(i) => self.groups.get(i).map_or(&[], |(_, ws)| ws.as_slice()),
            Err(_) => &[],
        }
    }
}

/// Plain words as [`Prefixes`].
fn prefixes(words: Vec<&'static str>) -> Prefixes<()> {
    Prefixes::new(words.into_iter().map(|w| (w, ())).collect())
}

/// What the value of a metadata label looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MetaKind {
    /// A site, paper or person name.
    Source,
    /// A date or time.
    Time,
    /// A numeric date or time (2026-02-10).
    Stamp,
    /// A number.
    Count,
    /// A document code holding digits.
    Code,
    /// A link.
    Link,
    /// Metadata only inside a run of other chrome.
    Weak,
}

/// Every boilerplate lexicon.
pub(crate) struct Lexicon {
    pub strong_tokens: TokenSet,
    pub weak_tokens: TokenSet,
    /// The first characters of the strong and weak tokens, sorted.
    pub token_firsts: Vec<char>,
    /// Metadata labels, longest first.
    pub meta: Prefixes<MetaKind>,
    pub crumb: Prefixes<()>,
    pub list: Prefixes<()>,
    pub footer: Prefixes<()>,
    pub home: Prefixes<()>,
    /// Words that make a line a title, not the value of a label alone on the line before.
    pub not_value: Vec<&'static str>,
    /// Blurb cues; `blurb_strong[pattern]` tells a strong cue from a weak one.
    pub blurb: Option<AhoCorasick>,
    pub blurb_strong: Vec<bool>,
    pub credit: Vec<&'static str>,
    /// The credit words as one automaton: whether a name run holds any of them at all.
    pub credit_any: Option<AhoCorasick>,
    pub agency: Vec<&'static str>,
    pub shot: Vec<&'static str>,
    pub caption_start: Prefixes<()>,
    /// Byte sets that skip checks a short line cannot pass.
    pub gates: super::line::Gates,
}

const CHROME: &str = include_str!("../../data/boilerplate/chrome.txt");
const META: &str = include_str!("../../data/boilerplate/meta.txt");
const LINES: &str = include_str!("../../data/boilerplate/lines.txt");
const BLURB: &str = include_str!("../../data/boilerplate/blurb.txt");
const CAPTION: &str = include_str!("../../data/boilerplate/caption.txt");

fn longest_first(mut v: Vec<&'static str>) -> Vec<&'static str> {
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut meta = Vec::new();
        for (name, kind) in [
            ("source", MetaKind::Source),
            ("time", MetaKind::Time),
            ("stamp", MetaKind::Stamp),
            ("count", MetaKind::Count),
            ("code", MetaKind::Code),
            ("link", MetaKind::Link),
            ("weak", MetaKind::Weak),
        ] {
            for label in section(META, name) {
                meta.push((label, kind));
            }
        }
        meta.sort_by_key(|(s, _)| std::cmp::Reverse(s.len()));
        let strong = section(BLURB, "strong");
        let weak = section(BLURB, "weak");
        let mut blurb_strong = vec![true; strong.len()];
        blurb_strong.extend(std::iter::repeat(false).take(weak.len()));
        let patterns: Vec<&str> = strong.iter().chain(weak.iter()).copied().collect();
        let blurb = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        let credit = longest_first(section(CAPTION, "credit"));
        let credit_any = AhoCorasick::new(&credit).ok();
        let strong_tokens: TokenSet = section(CHROME, "strong").into_iter().collect();
        let weak_tokens: TokenSet = section(CHROME, "weak").into_iter().collect();
        let mut token_firsts: Vec<char> = strong_tokens
            .iter()
            .chain(weak_tokens.iter())
            .filter_map(|t| t.chars().next())
            .collect();
        token_firsts.sort_unstable();
        token_firsts.dedup();
        let shot = longest_first(section(CAPTION, "shot"));
        let gates = super::line::Gates::new(
            strong_tokens.iter().chain(weak_tokens.iter()).copied(),
            credit.iter().chain(shot.iter()).copied(),
        );
        Lexicon {
            strong_tokens,
            weak_tokens,
            token_firsts,
            meta: Prefixes::new(meta),
            crumb: prefixes(longest_first(section(LINES, "crumb"))),
            list: prefixes(longest_first(section(LINES, "list"))),
            footer: prefixes(longest_first(section(LINES, "footer"))),
            home: prefixes(longest_first(section(LINES, "home"))),
            not_value: section(META, "not-value"),
            blurb,
            blurb_strong,
            credit,
            credit_any,
            agency: longest_first(section(CAPTION, "agency")),
            shot,
            caption_start: prefixes(longest_first(section(CAPTION, "start"))),
            gates,
        }
    }

    /// The lexicon, loaded on first use.
    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(Lexicon::load)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_load() {
        let lex = Lexicon::get();
        assert!(lex.strong_tokens.contains("打印本页"));
        assert!(lex.weak_tokens.contains("首页"));
        assert!(lex
            .meta
            .all()
            .iter()
            .any(|(l, k)| *l == "来源" && *k == MetaKind::Source));
        assert!(lex.blurb.is_some());
        assert!(lex.crumb.all().contains(&("当前位置", ())));
        assert!(lex.credit.contains(&"记者"));
        assert!(lex.credit_any.is_some());
        assert!(lex
            .meta
            .all()
            .windows(2)
            .all(|w| w[0].0.len() >= w[1].0.len()));
    }

    #[test]
    fn prefixes_keep_order_within_a_first_character() {
        let p = prefixes(vec!["相关文章", "推荐阅读", "相关", "热门"]);
        assert_eq!(p.starting("相关文章：xx"), [("相关文章", ()), ("相关", ())]);
        assert_eq!(p.starting("推荐"), [("推荐阅读", ())]);
        assert!(p.starting("").is_empty() && p.starting("一、").is_empty());
        assert_eq!(p.all().len(), 4);
    }

    #[test]
    fn sections_parse() {
        let s = sections("# c\n[a]\nx\n y \n\n[b]\nz\n");
        assert_eq!(s, vec![("a", vec!["x", "y"]), ("b", vec!["z"])]);
    }
}
