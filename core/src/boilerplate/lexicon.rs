//! The boilerplate lexicons, read once from the data files under `core/data/boilerplate/`.

use std::collections::HashSet;
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
    /// A link.
    Link,
    /// Metadata only inside a run of other chrome.
    Weak,
}

/// Every boilerplate lexicon.
pub(crate) struct Lexicon {
    pub strong_tokens: HashSet<&'static str>,
    pub weak_tokens: HashSet<&'static str>,
    /// Metadata labels, longest first.
    pub meta: Vec<(&'static str, MetaKind)>,
    pub crumb: Vec<&'static str>,
    pub list: Vec<&'static str>,
    pub footer: Vec<&'static str>,
    pub home: Vec<&'static str>,
    /// Words that make a line a title, not the value of a label alone on the line before.
    pub not_value: Vec<&'static str>,
    /// Blurb cues; `blurb_strong[pattern]` tells a strong cue from a weak one.
    pub blurb: Option<AhoCorasick>,
    pub blurb_strong: Vec<bool>,
    pub credit: Vec<&'static str>,
    pub agency: Vec<&'static str>,
    pub shot: Vec<&'static str>,
    pub caption_start: Vec<&'static str>,
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
        Lexicon {
            strong_tokens: section(CHROME, "strong").into_iter().collect(),
            weak_tokens: section(CHROME, "weak").into_iter().collect(),
            meta,
            crumb: longest_first(section(LINES, "crumb")),
            list: longest_first(section(LINES, "list")),
            footer: longest_first(section(LINES, "footer")),
            home: longest_first(section(LINES, "home")),
            not_value: section(META, "not-value"),
            blurb,
            blurb_strong,
            credit: longest_first(section(CAPTION, "credit")),
            agency: longest_first(section(CAPTION, "agency")),
            shot: longest_first(section(CAPTION, "shot")),
            caption_start: longest_first(section(CAPTION, "start")),
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
            .iter()
            .any(|(l, k)| *l == "来源" && *k == MetaKind::Source));
        assert!(lex.blurb.is_some());
        assert!(lex.crumb.contains(&"当前位置"));
        assert!(lex.credit.contains(&"记者"));
        assert!(lex.meta.windows(2).all(|w| w[0].0.len() >= w[1].0.len()));
    }

    #[test]
    fn sections_parse() {
        let s = sections("# c\n[a]\nx\n y \n\n[b]\nz\n");
        assert_eq!(s, vec![("a", vec!["x", "y"]), ("b", vec!["z"])]);
    }
}
