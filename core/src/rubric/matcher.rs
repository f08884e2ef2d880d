//! One Aho–Corasick automaton for every cue of a rubric; one pass over a text finds every hit.
//!
//! A cue is a plain string (`存在问题`) or parts joined by `…` (`存在…问题`): the parts must
//! occur in order, in one sentence, each within [`GAP`] bytes of the previous one.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::Span;

/// Largest gap in bytes between two parts of a `…` cue (about 12 CJK characters).
pub(crate) const GAP: usize = 36;

/// Index of a cue in [`Matcher`].
pub(crate) type CueId = usize;

/// Bytes a matcher scans with its compact automaton before it builds the DFA. On Chinese text
/// the compact automaton costs about 100 instructions per byte (sparse transitions and failure
/// links), the DFA about 6, and building a DFA of two rubrics about 20M instructions: as much
/// as walking some 200 KB with the compact one. Waiting about that long bounds the cost at
/// twice the best choice made in hindsight: a process that reads one report never builds it,
/// one that reads an archive builds it within the first few reports.
const DFA_AFTER: usize = 256 << 10;

/// Builds one of a matcher's automata over `patterns` (`None` when there are none) with the
/// settings both share: all overlapping matches, ASCII case folded, no prefilter (the scan walks
/// the automaton itself). A macro because the DFA and NFA builders share no trait.
macro_rules! build_automaton {
    ($patterns:expr, $builder:expr) => {
        if $patterns.is_empty() {
            None
        } else {
            $builder
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(true)
                .prefilter(false)
                .build(&$patterns)
                .ok()
        }
    };
}

/// The compiled cues of one rubric.
#[derive(Debug, Clone)]
pub(crate) struct Matcher {
    /// The automata are walked by hand in [`Matcher::scan`]: one transition per byte, and
    /// every pattern that ends at a byte read off the state reached (the overlapping
    /// semantics). Both are built on first use: a rubric whose cues are only ever scanned
    /// inside a [`Joint`] builds neither. The compact one comes first (cheap to build).
    nfa: OnceLock<Option<NFA>>,
    /// The fast one, once [`DFA_AFTER`] bytes have been scanned.
    dfa: OnceLock<Option<DFA>>,
    scanned: Scanned,
    /// Each cue as its list of pattern ids.
    cues: Vec<Vec<usize>>,
    /// For each pattern: (cue, part index) uses.
    uses: Vec<Vec<(CueId, usize)>>,
    /// Cue source strings, for dedup.
    names: Vec<String>,
    patterns: Vec<String>,
    /// Where each cue's parts start in the flat chain state of [`Matcher::scan`] (one
    /// allocation per scan, not one per cue).
    state_at: Vec<usize>,
    /// Total number of cue parts (the length of that state).
    state_len: usize,
}

/// How many bytes a matcher has scanned (clones start from the same count).
#[derive(Debug, Default)]
struct Scanned(AtomicUsize);

impl Clone for Scanned {
    fn clone(&self) -> Scanned {
        Scanned(AtomicUsize::new(self.0.load(Ordering::Relaxed)))
    }
}

/// Why a cue cannot be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CueError {
    /// The cue or one of its `…` parts is empty or blank: it can never match.
    Blank,
}

/// Splits a cue into its `…` parts (also `...`), trimmed.
pub(crate) fn cue_parts(cue: &str) -> Result<Vec<String>, CueError> {
    let norm = cue.replace("...", "…");
    let parts: Vec<String> = norm
        .split('…')
        .map(|p| p.trim_matches(crate::text::is_blank).to_owned())
        .collect();
    if parts.iter().any(String::is_empty) {
        return Err(CueError::Blank);
    }
    Ok(parts)
}

/// Builds a matcher incrementally.
#[derive(Debug, Default)]
pub(crate) struct MatcherBuilder {
    cues: Vec<Vec<usize>>,
    names: Vec<String>,
    patterns: Vec<String>,
    /// Ids of `names` and `patterns` by text, for dedup in constant time.
    name_ids: HashMap<String, CueId>,
    pattern_ids: HashMap<String, usize>,
}

impl MatcherBuilder {
    /// Adds a cue (deduplicated) and returns its id.
    pub(crate) fn add(&mut self, cue: &str) -> Result<CueId, CueError> {
        let parts = cue_parts(cue)?;
        let key = parts.join("…");
        if let Some(&i) = self.name_ids.get(&key) {
            return Ok(i);
        }
        let mut ids = Vec::with_capacity(parts.len());
        for p in parts {
            let next = self.patterns.len();
            let id = *self.pattern_ids.entry(p.clone()).or_insert(next);
            if id == next {
                self.patterns.push(p);
            }
            ids.push(id);
        }
        let id = self.cues.len();
        self.cues.push(ids);
        self.name_ids.insert(key.clone(), id);
        self.names.push(key);
        Ok(id)
    }

    /// Compiles the automaton.
    pub(crate) fn build(self) -> Matcher {
        let mut uses = vec![Vec::new(); self.patterns.len()];
        for (c, parts) in self.cues.iter().enumerate() {
            for (i, &p) in parts.iter().enumerate() {
                if let Some(u) = uses.get_mut(p) {
                    u.push((c, i));
                }
            }
        }
        let mut state_at = Vec::with_capacity(self.cues.len());
        let mut state_len = 0;
        for parts in &self.cues {
            state_at.push(state_len);
            state_len += parts.len();
        }
        Matcher {
            nfa: OnceLock::new(),
            dfa: OnceLock::new(),
            scanned: Scanned::default(),
            state_at,
            state_len,
            cues: self.cues,
            uses,
            names: self.names,
            patterns: self.patterns,
        }
    }
}

/// Every hit of every cue in a text, by cue, each list sorted by start.
#[derive(Debug, Clone, Default)]
pub(crate) struct Hits {
    by_cue: Vec<Vec<Span>>,
}

impl Hits {
    /// The same hits moved `by` bytes to the right.
    pub(crate) fn shifted(mut self, by: usize) -> Hits {
        for v in &mut self.by_cue {
            for s in v.iter_mut() {
                *s = Span::new(s.start + by, s.end + by);
            }
        }
        self
    }

    /// The hits of `cue`.
    pub(crate) fn of(&self, cue: CueId) -> &[Span] {
        self.by_cue.get(cue).map_or(&[], Vec::as_slice)
    }

    /// Hits of any of `cues` whose start lies in one of `spans` (sorted, disjoint), sorted.
    pub(crate) fn within(&self, cues: &[CueId], spans: &[Span]) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        for &c in cues {
            for s in self.of(c) {
                if crate::text::in_spans(spans, s.start) {
                    out.push(*s);
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }
}

/// The cues of two matchers in one automaton: one pass over a text gives both matchers' hits.
/// Scanning is bound by the latency of the table look-up per byte, so one pass with the
/// larger automaton costs about half of two passes with the smaller ones.
#[derive(Debug, Clone)]
pub(crate) struct Joint {
    matcher: Matcher,
    /// For each of the two matchers, its cue ids in `matcher`.
    maps: [Vec<CueId>; 2],
    /// Per cue of `matcher`: whether the first matcher uses it.
    in_first: Vec<bool>,
}

impl Joint {
    /// Compiles the cues of `a` and `b` together. A cue's hits depend on its own parts only,
    /// so each matcher gets exactly the hits its own scan would give.
    pub(crate) fn new(a: &Matcher, b: &Matcher) -> Joint {
        let mut builder = MatcherBuilder::default();
        let mut map = |m: &Matcher| -> Vec<CueId> {
            // A name was accepted once, so it is accepted again; a stray error maps nowhere.
            m.names
                .iter()
                .map(|n| builder.add(n).unwrap_or(usize::MAX))
                .collect()
        };
        let maps = [map(a), map(b)];
        let matcher = builder.build();
        let mut in_first = vec![false; matcher.cues.len()];
        for &c in &maps[0] {
            if let Some(x) = in_first.get_mut(c) {
                *x = true;
            }
        }
        Joint {
            matcher,
            maps,
            in_first,
        }
    }

    /// Scans `text` once: the hits of the first matcher, then of the second. Each list of hits
    /// is moved to the matcher that uses it, copied only for a cue both use.
    pub(crate) fn scan(&self, text: &str, ends: &[usize]) -> [Hits; 2] {
        let mut all = self.matcher.scan(text, ends).by_cue;
        let [a, b] = &self.maps;
        let hb = Hits {
            by_cue: b
                .iter()
                .map(|&c| match all.get_mut(c) {
                    Some(v) if self.in_first.get(c).copied().unwrap_or(false) => v.clone(),
                    Some(v) => std::mem::take(v),
                    None => Vec::new(),
                })
                .collect(),
        };
        let ha = Hits {
            by_cue: a
                .iter()
                .map(|&c| all.get_mut(c).map(std::mem::take).unwrap_or_default())
                .collect(),
        };
        [ha, hb]
    }
}

/// Whether `c` ends a sentence for cue matching and sentence segmentation (the definition
/// [`sentence_ends`] implements byte by byte).
#[cfg(test)]
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';' | '\n' | '\r')
}

/// Sorted byte offsets just after each sentence end in `text`.
pub(crate) fn sentence_ends(text: &str) -> Vec<usize> {
    // Sentence ends are a few percent of the text: one SIMD search per kind of end, then a
    // sort, beats stepping through every character.
    let b = text.as_bytes();
    let mut out: Vec<usize> = memchr::memchr3_iter(b'!', b'?', b';', b)
        .chain(memchr::memchr2_iter(b'\n', b'\r', b))
        .map(|i| i + 1)
        .collect();
    // `.` ends a sentence before a blank.
    out.extend(
        memchr::memchr_iter(b'.', b)
            .filter(|&i| {
                text.get(i + 1..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(crate::text::is_blank)
            })
            .map(|i| i + 1),
    );
    for end in ["。", "！", "？", "；"] {
        out.extend(memchr::memmem::find_iter(b, end.as_bytes()).map(|i| i + end.len()));
    }
    out.sort_unstable();
    out
}

/// The reference definition of [`sentence_ends`], char by char.
#[cfg(test)]
fn sentence_ends_by_char(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_dot = None;
    for (i, c) in text.char_indices() {
        if let Some(d) = prev_dot.take() {
            if crate::text::is_blank(c) {
                out.push(d);
            }
        }
        if is_sentence_end(c) {
            out.push(i + c.len_utf8());
        } else if c == '.' {
            prev_dot = Some(i + 1);
        }
    }
    out
}

impl Matcher {
    /// Number of cues.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.cues.len()
    }

    /// The cue's text as compiled (`存在…问题`).
    #[allow(dead_code)]
    pub(crate) fn name(&self, cue: CueId) -> &str {
        self.names.get(cue).map_or("", String::as_str)
    }

    /// The automaton of every cue part, built on first use (`None` when there are no cues).
    fn dfa(&self) -> Option<&DFA> {
        self.dfa
            .get_or_init(|| build_automaton!(self.patterns, DFA::builder()))
            .as_ref()
    }

    /// The compact automaton of every cue part, built on first use.
    fn nfa(&self) -> Option<&NFA> {
        self.nfa
            .get_or_init(|| build_automaton!(self.patterns, NFA::builder()))
            .as_ref()
    }

    /// Scans `text` once. `ends` are the sentence ends of [`sentence_ends`]: a `…` cue may not
    /// cross one.
    pub(crate) fn scan(&self, text: &str, ends: &[usize]) -> Hits {
        let before = self.scanned.0.fetch_add(text.len(), Ordering::Relaxed);
        if let Some(Some(dfa)) = self.dfa.get() {
            return self.scan_with(dfa, text, ends);
        }
        if before.saturating_add(text.len()) >= DFA_AFTER {
            if let Some(dfa) = self.dfa() {
                return self.scan_with(dfa, text, ends);
            }
        }
        match self.nfa() {
            Some(nfa) => self.scan_with(nfa, text, ends),
            None => self.scan_with_none(),
        }
    }

    fn scan_with_none(&self) -> Hits {
        Hits {
            by_cue: vec![Vec::new(); self.cues.len()],
        }
    }

    /// [`Matcher::scan`] with the given automaton of this matcher's patterns.
    fn scan_with<A: Automaton>(&self, aut: &A, text: &str, ends: &[usize]) -> Hits {
        let mut by_cue: Vec<Vec<Span>> = vec![Vec::new(); self.cues.len()];
        let Ok(mut sid) = aut.start_state(Anchored::No) else {
            return Hits { by_cue };
        };
        // Per cue, per part: the chain so far (start of part 0, end of this part), flat.
        let mut state: Vec<Option<(usize, usize)>> = vec![None; self.state_len];
        let bytes = text.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // The tight loop stores nothing, so the automaton's fields stay in registers.
            (at, sid) = run_to_special(aut, bytes, at, sid);
            if aut.is_dead(sid) {
                break;
            }
            if !aut.is_special(sid) || !aut.is_match(sid) {
                continue;
            }
            // Every pattern ending here, in the automaton's order (as the overlapping
            // iterator reports them).
            for k in 0..aut.match_len(sid) {
                let pid = aut.match_pattern(sid, k);
                let s = at.saturating_sub(aut.pattern_len(pid));
                self.advance(pid.as_usize(), s, at, ends, &mut state, &mut by_cue);
            }
        }
        for v in &mut by_cue {
            v.sort();
            v.dedup();
        }
        let _ = &self.patterns;
        Hits { by_cue }
    }

    /// Feeds one pattern hit `s..e` to every cue that uses the pattern: a one-part cue hits; a
    /// part of a `…` cue extends the chain its previous part left in `state`.
    fn advance(
        &self,
        pattern: usize,
        s: usize,
        e: usize,
        ends: &[usize],
        state: &mut [Option<(usize, usize)>],
        by_cue: &mut [Vec<Span>],
    ) {
        let Some(uses) = self.uses.get(pattern) else {
            return;
        };
        for &(c, i) in uses {
            let Some(parts) = self.cues.get(c) else {
                continue;
            };
            let at = self.state_at.get(c).copied().unwrap_or(0) + i;
            let chain = if i == 0 {
                Some((s, e))
            } else {
                match state.get(at.wrapping_sub(1)).copied().flatten() {
                    Some((cs, ce)) if ce <= s && s - ce <= GAP && !crosses(ends, ce, s) => {
                        Some((cs, e))
                    }
                    _ => None,
                }
            };
            let Some((cs, ce)) = chain else { continue };
            if i + 1 == parts.len() {
                if let Some(v) = by_cue.get_mut(c) {
                    v.push(Span::new(cs, ce));
                }
            } else if let Some(slot) = state.get_mut(at) {
                *slot = Some((cs, ce));
            }
        }
    }
}

/// Walks `aut` over `bytes` from `at` in state `sid` until it enters a special (match or dead)
/// state or the bytes run out: (the offset just after the last byte read, the state).
#[inline]
fn run_to_special<A: Automaton>(
    aut: &A,
    bytes: &[u8],
    mut at: usize,
    mut sid: StateID,
) -> (usize, StateID) {
    while let Some(&b) = bytes.get(at) {
        sid = aut.next_state(Anchored::No, sid, b);
        at += 1;
        if aut.is_special(sid) {
            break;
        }
    }
    (at, sid)
}

/// Whether a sentence end lies in `(a, b]`.
fn crosses(ends: &[usize], a: usize, b: usize) -> bool {
    let i = ends.partition_point(|&x| x <= a);
    ends.get(i).is_some_and(|&x| x <= b)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every hit by way of the crate's own overlapping iterator (how [`Matcher::scan`] worked
    /// before it walked the automaton by hand).
    fn scan_by_iterator(m: &Matcher, text: &str, ends: &[usize]) -> Vec<Vec<Span>> {
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&m.patterns)
            .expect("automaton");
        let mut by_cue: Vec<Vec<Span>> = vec![Vec::new(); m.cues.len()];
        let mut state: Vec<Option<(usize, usize)>> = vec![None; m.state_len];
        for hit in ac.find_overlapping_iter(text) {
            let p = hit.pattern().as_usize();
            m.advance(p, hit.start(), hit.end(), ends, &mut state, &mut by_cue);
        }
        for v in &mut by_cue {
            v.sort();
            v.dedup();
        }
        by_cue
    }

    proptest::proptest! {
        /// The hand walk of the automaton reports the hits the overlapping iterator does.
        #[test]
        fn hand_walk_matches_overlapping_iterator(
            cues in proptest::collection::vec(
                proptest::string::string_regex("[问题存在工作Ab]{1,3}(…[问题存在工作Ab]{1,3})?")
                    .expect("regex"),
                1..12,
            ),
            text in proptest::string::string_regex("[问题存在工作AaBb。 \n的]{0,60}").expect("regex"),
        ) {
            let mut b = MatcherBuilder::default();
            for c in &cues {
                let _ = b.add(c);
            }
            let m = b.build();
            let ends = sentence_ends(&text);
            let want = scan_by_iterator(&m, &text, &ends);
            // Both automata a matcher may walk.
            for hits in [
                m.scan_with(m.nfa().expect("nfa"), &text, &ends),
                m.scan_with(m.dfa().expect("dfa"), &text, &ends),
            ] {
                for (c, w) in want.iter().enumerate() {
                    proptest::prop_assert_eq!(hits.of(c), w.as_slice());
                }
            }
        }
    }

    #[test]
    fn builtin_hand_walk_matches_overlapping_iterator() {
        let text = "一年来，我们坚持以习近平新时代中国特色社会主义思想为指导。存在的主要问题：一是学习不够深入；\
                    二是制度建设有待加强。下一步，我们将进一步加强思想建设、组织建设、作风建设。\
                    THE PLAN: 明年工作计划和打算如下。";
        for name in crate::rubric::builtin_names() {
            let r = crate::Rubric::builtin(name).expect("builtin");
            let ends = sentence_ends(text);
            let want = scan_by_iterator(&r.matcher, text, &ends);
            assert!(want.iter().any(|v| !v.is_empty()), "{name}: no hit at all");
            let m = &r.matcher;
            for hits in [
                m.scan_with(m.nfa().expect("nfa"), text, &ends),
                m.scan_with(m.dfa().expect("dfa"), text, &ends),
            ] {
                for (c, w) in want.iter().enumerate() {
                    assert_eq!(hits.of(c), w.as_slice(), "{name}: cue {}", m.name(c));
                }
            }
        }
    }

    #[test]
    fn gap_cues_stay_in_sentence() {
        let mut b = MatcherBuilder::default();
        let c = b.add("存在…问题").unwrap();
        let p = b.add("问题").unwrap();
        let m = b.build();
        let text = "还存在的四个突出问题。存在。问题";
        let hits = m.scan(text, &sentence_ends(text));
        assert_eq!(hits.of(c).len(), 1);
        assert_eq!(hits.of(c)[0].slice(text), "存在的四个突出问题");
        assert_eq!(hits.of(p).len(), 2);
        assert_eq!(m.len(), 2);
    }

    proptest::proptest! {
        #[test]
        fn sentence_ends_as_by_chars(
            s in proptest::string::string_regex("[。！？；!?;.\n\r a一，\u{3000}\u{FF01}\u{FF0E}\u{3002}\u{EFBF}𠀀]{0,40}")
                .expect("regex")
        ) {
            proptest::prop_assert_eq!(sentence_ends(&s), sentence_ends_by_char(&s));
        }
    }

    #[test]
    fn sentence_ends_byte_scan_matches_chars() {
        for s in [
            "一是学习。二是制度！三是？四；五;六!七?\n八\r\n九",
            "Mr. Wang. e.g.x 3.5. end.\u{3000}next.\u{FEFF}x.",
            "",
            ".",
            "a.\n",
            "\u{FF01}\u{FF1F}\u{FF1B}\u{FF1A}\u{3001}\u{3002}\u{EFBF}",
        ] {
            assert_eq!(sentence_ends(s), sentence_ends_by_char(s), "{s:?}");
        }
    }

    #[test]
    fn dfa_built_after_enough_text() {
        let mut b = MatcherBuilder::default();
        let c = b.add("存在…问题").unwrap();
        let m = b.build();
        let text = "存在的问题。".repeat(DFA_AFTER / 18 / 4 + 1);
        let ends = sentence_ends(&text);
        let first = m.scan(&text, &ends);
        assert!(m.dfa.get().is_none(), "the compact automaton comes first");
        let mut last = first.clone();
        for _ in 0..4 {
            last = m.scan(&text, &ends);
        }
        assert!(
            m.dfa.get().is_some_and(Option::is_some),
            "DFA after {DFA_AFTER} bytes"
        );
        assert_eq!(first.of(c), last.of(c));
        assert_eq!(first.of(c).len(), text.len() / 18);
    }

    #[test]
    fn blank_parts_rejected() {
        assert_eq!(cue_parts(" "), Err(CueError::Blank));
        assert_eq!(cue_parts("存在…"), Err(CueError::Blank));
        assert_eq!(cue_parts("a...b").unwrap(), ["a", "b"]);
    }

    #[test]
    fn builtin_automata_stay_small() {
        // The DFA trades memory for speed: about 0.75–1 MB for each built-in rubric.
        for name in crate::rubric::builtin_names() {
            let r = crate::Rubric::builtin(name).unwrap();
            let bytes = r.matcher.dfa().map_or(0, |d| d.memory_usage());
            assert!(bytes > 0 && bytes < 4 << 20, "{name}: {bytes} bytes");
        }
    }

    #[test]
    fn english_case_insensitive() {
        let mut b = MatcherBuilder::default();
        let c = b.add("the plan").unwrap();
        let m = b.build();
        let text = "Below is THE PLAN of us:";
        assert_eq!(m.scan(text, &sentence_ends(text)).of(c).len(), 1);
    }
}
