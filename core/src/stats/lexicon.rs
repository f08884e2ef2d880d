//! The statistics lexicons, read once from the data files under `core/data/stats/`.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

/// A small multiplicative hasher for the lexicon's maps (keys are short names and single
/// characters, looked up for every number read; SipHash showed in profiles). Not for
/// untrusted keys: the keys here are the data files' own words.
#[derive(Default)]
pub(crate) struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(n)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FastHasher>>;

/// What a unit word makes of the number before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Count,
    Money,
    Percent,
    Points,
    Measure,
    Duration,
    Ratio,
    Year,
    Decade,
    Month,
    Day,
    Rank,
    RankWord,
    Grade,
    Big,
    Fold,
    Tenth,
    Permille,
    Quarter,
}

/// A named cue list of `cues.txt` (its section name, as [`Cue::name`] gives it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cue {
    /// `[approx_over]`
    ApproxOver,
    /// `[approx_under]`
    ApproxUnder,
    /// `[approx_about]`
    ApproxAbout,
    /// `[suffix_over]`
    SuffixOver,
    /// `[suffix_under]`
    SuffixUnder,
    /// `[suffix_about]`
    SuffixAbout,
    /// `[prefix_blockers]`
    PrefixBlockers,
    /// `[year_cues]`
    YearCues,
    /// `[period_before]`
    PeriodBefore,
    /// `[period_after]`
    PeriodAfter,
    /// `[programme_after]`
    ProgrammeAfter,
    /// `[rank_before]`
    RankBefore,
    /// `[tier_chars]`
    TierChars,
    /// `[share_words]`
    ShareWords,
    /// `[ratio_words]`
    RatioWords,
    /// `[subject_verbs]`
    SubjectVerbs,
    /// `[unit_blockers]`
    UnitBlockers,
    /// `[session_before]`
    SessionBefore,
    /// `[rank_clause]`
    RankClause,
    /// `[session_after]`
    SessionAfter,
    /// `[bare_scale_units]`
    BareScaleUnits,
}

impl Cue {
    /// Every list, in the order of their indices.
    const ALL: [Cue; 21] = [
        Cue::ApproxOver,
        Cue::ApproxUnder,
        Cue::ApproxAbout,
        Cue::SuffixOver,
        Cue::SuffixUnder,
        Cue::SuffixAbout,
        Cue::PrefixBlockers,
        Cue::YearCues,
        Cue::PeriodBefore,
        Cue::PeriodAfter,
        Cue::ProgrammeAfter,
        Cue::RankBefore,
        Cue::TierChars,
        Cue::ShareWords,
        Cue::RatioWords,
        Cue::SubjectVerbs,
        Cue::UnitBlockers,
        Cue::SessionBefore,
        Cue::RankClause,
        Cue::SessionAfter,
        Cue::BareScaleUnits,
    ];

    /// The section name in `cues.txt`.
    fn name(self) -> &'static str {
        match self {
            Cue::ApproxOver => "approx_over",
            Cue::ApproxUnder => "approx_under",
            Cue::ApproxAbout => "approx_about",
            Cue::SuffixOver => "suffix_over",
            Cue::SuffixUnder => "suffix_under",
            Cue::SuffixAbout => "suffix_about",
            Cue::PrefixBlockers => "prefix_blockers",
            Cue::YearCues => "year_cues",
            Cue::PeriodBefore => "period_before",
            Cue::PeriodAfter => "period_after",
            Cue::ProgrammeAfter => "programme_after",
            Cue::RankBefore => "rank_before",
            Cue::TierChars => "tier_chars",
            Cue::ShareWords => "share_words",
            Cue::RatioWords => "ratio_words",
            Cue::SubjectVerbs => "subject_verbs",
            Cue::UnitBlockers => "unit_blockers",
            Cue::SessionBefore => "session_before",
            Cue::RankClause => "rank_clause",
            Cue::SessionAfter => "session_after",
            Cue::BareScaleUnits => "bare_scale_units",
        }
    }
}

/// A unit word.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// As written.
    pub text: String,
    pub kind: UnitKind,
    /// As gold writes it.
    pub canonical: String,
}

/// Everything the statistics stage reads from data.
pub(crate) struct Lexicon {
    /// The units beginning with each first character (longest first), in the order of
    /// `unit_firsts`.
    units: Vec<Vec<Unit>>,
    /// The first characters of the units, numbered.
    unit_firsts: CharIndex,
    /// Trap phrases (leftmost-longest).
    pub traps: TrapAutomata,
    /// The characters the trap phrases are written with.
    pub trap_chars: CharSet,
    /// The length in bytes of the shortest trap phrase (no shorter stretch can hold one).
    pub trap_min: usize,
    /// The cue lists, by [`Cue`] index.
    cues: Vec<CueList>,
    /// The first and the last characters of every cue of every list: a look-up at a
    /// character that begins (ends) no cue answers without finding the list.
    cue_firsts: CharSet,
    cue_lasts: CharSet,
}

/// A cue list (longest first), also indexed by first and by last character so that a look-up
/// at a position compares only the cues that can match there.
#[derive(Default)]
struct CueList {
    all: Vec<String>,
    by_first: HashMap<char, Vec<usize>>,
    by_last: HashMap<char, Vec<usize>>,
}

impl CueList {
    fn new(mut all: Vec<String>) -> CueList {
        all.sort_by_key(|c| std::cmp::Reverse(c.len()));
        let mut by_first: HashMap<char, Vec<usize>> = HashMap::default();
        let mut by_last: HashMap<char, Vec<usize>> = HashMap::default();
        for (k, c) in all.iter().enumerate() {
            if let Some(f) = c.chars().next() {
                by_first.entry(f).or_default().push(k);
            }
            if let Some(l) = c.chars().next_back() {
                by_last.entry(l).or_default().push(k);
            }
        }
        CueList {
            all,
            by_first,
            by_last,
        }
    }
}

/// Bytes searched for trap phrases with the compact automaton before the DFA is built. The
/// DFA of the phrases costs about 13M instructions to build (more than reading a long report
/// takes) and saves some tens per byte searched; only the stretches around numbers are
/// searched, a fraction of each text. Waiting until this many bytes have been searched bounds
/// the cost at about twice the best choice made in hindsight: a process that reads one report
/// never builds it, one that reads an archive builds it within the first few dozen.
const TRAP_DFA_AFTER: usize = 256 << 10;

/// The automata of the trap phrases (leftmost-longest, the same matches whichever is used): a
/// contiguous NFA, cheap to build, then the DFA once [`TRAP_DFA_AFTER`] bytes have been
/// searched (by any thread).
pub(crate) struct TrapAutomata {
    patterns: Vec<&'static str>,
    nfa: Option<AhoCorasick>,
    dfa: OnceLock<Option<AhoCorasick>>,
    searched: AtomicUsize,
}

impl TrapAutomata {
    fn new(patterns: Vec<&'static str>) -> TrapAutomata {
        TrapAutomata {
            nfa: Self::build(&patterns, AhoCorasickKind::ContiguousNFA),
            patterns,
            dfa: OnceLock::new(),
            searched: AtomicUsize::new(0),
        }
    }

    fn build(patterns: &[&str], kind: AhoCorasickKind) -> Option<AhoCorasick> {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .build(patterns)
            .ok()
    }

    /// The automaton to search `len` more bytes with (`None`: there are no phrases).
    pub fn for_search(&self, len: usize) -> Option<&AhoCorasick> {
        if let Some(Some(dfa)) = self.dfa.get() {
            return Some(dfa);
        }
        let before = self.searched.fetch_add(len, Ordering::Relaxed);
        if before.saturating_add(len) >= TRAP_DFA_AFTER {
            let dfa = self
                .dfa
                .get_or_init(|| Self::build(&self.patterns, AhoCorasickKind::DFA));
            if let Some(dfa) = dfa {
                return Some(dfa);
            }
        }
        self.nfa.as_ref()
    }

    /// The compact automaton (for tests: searching with it counts nothing).
    #[cfg(test)]
    pub fn nfa(&self) -> Option<&AhoCorasick> {
        self.nfa.as_ref()
    }
}

/// A set of characters: a bitmap over U+0000..U+9FFF (ASCII, the CJK punctuation and the CJK
/// ideographs: one look-up for nearly every character of a report) and a sorted list for the
/// rest.
#[derive(Debug, Default)]
pub(crate) struct CharSet {
    bits: Vec<u64>,
    other: Vec<char>,
}

/// First code point of [`CharSet`]'s bitmap, and its length in bits.
const BITMAP_FIRST: u32 = 0;
const BITMAP_BITS: u32 = 0xA000 - BITMAP_FIRST;

impl CharSet {
    fn new(chars: impl IntoIterator<Item = char>) -> CharSet {
        let mut set = CharSet {
            bits: vec![0; BITMAP_BITS.div_ceil(64) as usize],
            other: Vec::new(),
        };
        for c in chars {
            let k = (c as u32).wrapping_sub(BITMAP_FIRST);
            match set.bits.get_mut((k / 64) as usize) {
                Some(w) if k < BITMAP_BITS => *w |= 1 << (k % 64),
                _ => set.other.push(c),
            }
        }
        set.other.sort_unstable();
        set.other.dedup();
        set
    }

    /// Whether `c` is in the set.
    #[inline]
    pub fn contains(&self, c: char) -> bool {
        let k = (c as u32).wrapping_sub(BITMAP_FIRST);
        if k < BITMAP_BITS {
            return self
                .bits
                .get((k / 64) as usize)
                .is_some_and(|w| w & (1 << (k % 64)) != 0);
        }
        self.other.binary_search(&c).is_ok()
    }
}

/// A set of characters, each with its index in the set: the [`CharSet`] bitmap with the
/// number of members before each 64-bit word, so that a look-up is a bit test and a
/// population count (the characters of the bitmap come first, in code point order, then the
/// rest in code point order).
#[derive(Debug, Default)]
pub(crate) struct CharIndex {
    set: CharSet,
    /// Members of the bitmap before each of its words.
    before: Vec<u32>,
    /// Members of the bitmap.
    in_bitmap: u32,
}

impl CharIndex {
    fn new(chars: impl IntoIterator<Item = char>) -> CharIndex {
        let set = CharSet::new(chars);
        let mut n = 0;
        let before = set
            .bits
            .iter()
            .map(|w| {
                let b = n;
                n += w.count_ones();
                b
            })
            .collect();
        CharIndex {
            set,
            before,
            in_bitmap: n,
        }
    }

    /// The index of `c` in the set, if a member.
    pub fn index(&self, c: char) -> Option<usize> {
        let k = (c as u32).wrapping_sub(BITMAP_FIRST);
        if k < BITMAP_BITS {
            let (w, bit) = ((k / 64) as usize, k % 64);
            let word = *self.set.bits.get(w)?;
            if word & (1 << bit) == 0 {
                return None;
            }
            let below = (word & ((1 << bit) - 1)).count_ones();
            return Some((self.before.get(w)? + below) as usize);
        }
        let k = self.set.other.binary_search(&c).ok()?;
        Some(self.in_bitmap as usize + k)
    }
}

const UNITS: &str = include_str!("../../data/stats/units.txt");
const TRAPS: &str = include_str!("../../data/stats/traps.txt");
const CUES: &str = include_str!("../../data/stats/cues.txt");

fn data_lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn kind_of(s: &str) -> Option<UnitKind> {
    Some(match s {
        "count" => UnitKind::Count,
        "money" => UnitKind::Money,
        "percent" => UnitKind::Percent,
        "points" => UnitKind::Points,
        "measure" => UnitKind::Measure,
        "duration" => UnitKind::Duration,
        "ratio" => UnitKind::Ratio,
        "year" => UnitKind::Year,
        "decade" => UnitKind::Decade,
        "month" => UnitKind::Month,
        "day" => UnitKind::Day,
        "rank" => UnitKind::Rank,
        "rankword" => UnitKind::RankWord,
        "grade" => UnitKind::Grade,
        "big" => UnitKind::Big,
        "fold" => UnitKind::Fold,
        "tenth" => UnitKind::Tenth,
        "permille" => UnitKind::Permille,
        "quarter" => UnitKind::Quarter,
        _ => return None,
    })
}

fn build() -> Lexicon {
    let mut units: HashMap<char, Vec<Unit>> = HashMap::default();
    for line in data_lines(UNITS) {
        let mut parts = line.split_whitespace();
        let (Some(text), Some(kind)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Some(kind) = kind_of(kind) else { continue };
        let canonical = parts.next().unwrap_or(text).to_string();
        let Some(first) = text.chars().next() else {
            continue;
        };
        let list = units.entry(first).or_default();
        if list.iter().any(|u| u.text == text) {
            continue;
        }
        list.push(Unit {
            text: text.to_string(),
            kind,
            canonical,
        });
    }
    for list in units.values_mut() {
        list.sort_by_key(|u| std::cmp::Reverse(u.text.len()));
    }
    let unit_firsts = CharIndex::new(units.keys().copied());
    let mut units: Vec<(char, Vec<Unit>)> = units.into_iter().collect();
    units.sort_by_key(|&(c, _)| unit_firsts.index(c));
    let units = units.into_iter().map(|(_, list)| list).collect();
    let traps: Vec<&str> = data_lines(TRAPS).collect();
    let trap_chars = CharSet::new(traps.iter().flat_map(|t| t.chars()));
    let trap_min = traps.iter().map(|t| t.len()).min().unwrap_or(0);
    let traps = TrapAutomata::new(traps);
    let mut lists: HashMap<String, Vec<String>> = HashMap::default();
    let mut section = String::new();
    for line in data_lines(CUES) {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.to_string();
            continue;
        }
        lists
            .entry(section.clone())
            .or_default()
            .push(line.to_string());
    }
    // by Cue index (a section no Cue names is never asked for: a test checks there is none)
    let cues: Vec<CueList> = Cue::ALL
        .iter()
        .map(|c| CueList::new(lists.remove(c.name()).unwrap_or_default()))
        .collect();
    let cue_firsts = CharSet::new(
        cues.iter()
            .flat_map(|l: &CueList| l.all.iter().filter_map(|c| c.chars().next())),
    );
    let cue_lasts = CharSet::new(
        cues.iter()
            .flat_map(|l: &CueList| l.all.iter().filter_map(|c| c.chars().next_back())),
    );
    Lexicon {
        units,
        unit_firsts,
        traps,
        trap_chars,
        trap_min,
        cues,
        cue_firsts,
        cue_lasts,
    }
}

/// The lexicon (built on first use).
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(build)
}

impl Lexicon {
    /// The longest unit written at byte `at` of `text`.
    pub fn unit_at(&self, text: &str, at: usize) -> Option<&Unit> {
        let rest = text.get(at..)?;
        let first = rest.chars().next()?;
        self.units
            .get(self.unit_firsts.index(first)?)?
            .iter()
            .find(|u| rest.starts_with(u.text.as_str()))
    }

    /// The list of a cue (longest first).
    fn list(&self, name: Cue) -> Option<&CueList> {
        self.cues.get(name as usize)
    }

    /// A cue list (longest first).
    pub fn cues(&self, name: Cue) -> &[String] {
        self.list(name).map_or(&[], |l| l.all.as_slice())
    }

    /// The longest cue of list `name` that `text[..at]` ends with.
    pub fn cue_before<'a>(&'a self, name: Cue, text: &str, at: usize) -> Option<&'a str> {
        let before = text.get(..at)?;
        let last = before.chars().next_back()?;
        if !self.cue_lasts.contains(last) {
            return None;
        }
        let list = self.list(name)?;
        list.by_last
            .get(&last)?
            .iter()
            .filter_map(|&k| list.all.get(k))
            .find(|c| before.ends_with(c.as_str()))
            .map(String::as_str)
    }

    /// The longest cue of list `name` that `text[at..]` starts with.
    pub fn cue_after<'a>(&'a self, name: Cue, text: &str, at: usize) -> Option<&'a str> {
        let after = text.get(at..)?;
        let first = after.chars().next()?;
        if !self.cue_firsts.contains(first) {
            return None;
        }
        let list = self.list(name)?;
        list.by_first
            .get(&first)?
            .iter()
            .filter_map(|&k| list.all.get(k))
            .find(|c| after.starts_with(c.as_str()))
            .map(String::as_str)
    }

    /// The cues of list `name` that end with `last` (longest first).
    pub fn cues_ending(&self, name: Cue, last: char) -> impl Iterator<Item = &str> {
        let list = self
            .cue_lasts
            .contains(last)
            .then(|| self.list(name))
            .flatten();
        list.and_then(|l| l.by_last.get(&last))
            .into_iter()
            .flatten()
            .filter_map(move |&k| list.and_then(|l| l.all.get(k)))
            .map(String::as_str)
    }

    /// The cues of list `name` that begin with `first` (longest first).
    pub fn cues_starting(&self, name: Cue, first: char) -> impl Iterator<Item = &str> {
        let list = self
            .cue_firsts
            .contains(first)
            .then(|| self.list(name))
            .flatten();
        list.and_then(|l| l.by_first.get(&first))
            .into_iter()
            .flatten()
            .filter_map(move |&k| list.and_then(|l| l.all.get(k)))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A character's index is its place in the set: those below U+A000 first, then the
        /// rest, each in code point order; a character outside has none.
        #[test]
        fn char_index_numbers_the_set(
            picks in proptest::collection::vec(
                proptest::prop_oneof![0x4E00u32..0xA000, 0u32..0x3100, 0xA000u32..0x11000],
                0..60,
            ),
            probes in proptest::collection::vec(0u32..0x11000, 0..60),
        ) {
            let chars: Vec<char> = picks.iter().filter_map(|&u| char::from_u32(u)).collect();
            let index = CharIndex::new(chars.iter().copied());
            let mut sorted = chars.clone();
            sorted.sort_by_key(|&c| (c as u32 >= 0xA000, c));
            sorted.dedup();
            for (k, &c) in sorted.iter().enumerate() {
                proptest::prop_assert_eq!(index.index(c), Some(k));
            }
            for c in probes.iter().filter_map(|&u| char::from_u32(u)) {
                proptest::prop_assert_eq!(index.index(c).is_some(), sorted.contains(&c));
                proptest::prop_assert_eq!(index.set.contains(c), sorted.contains(&c));
            }
        }
    }

    #[test]
    fn unit_at_finds_the_longest_unit() {
        // every unit of the data file, with text before and after: the longest one written
        // there, as a search of the whole list finds it
        let lex = lexicon();
        let all: Vec<&str> = data_lines(UNITS)
            .filter_map(|l| l.split_whitespace().next())
            .collect();
        for u in &all {
            for t in [
                u.to_string(),
                format!("{u}以上"),
                format!("{u}%"),
                format!("{u}a"),
            ] {
                let naive = all
                    .iter()
                    .filter(|w| t.starts_with(**w))
                    .max_by_key(|w| w.len())
                    .copied();
                assert_eq!(lex.unit_at(&t, 0).map(|x| x.text.as_str()), naive, "{t}");
            }
        }
        for t in ["、", "人民", "a", "", "一"] {
            let naive = all.iter().find(|w| t.starts_with(**w)).copied();
            assert_eq!(lex.unit_at(t, 0).map(|x| x.text.as_str()), naive, "{t}");
        }
    }

    #[test]
    fn every_cue_list_is_named_and_filled() {
        let sections: Vec<&str> = data_lines(CUES)
            .filter_map(|l| l.strip_prefix('[').and_then(|l| l.strip_suffix(']')))
            .collect();
        for s in &sections {
            assert!(Cue::ALL.iter().any(|c| c.name() == *s), "no Cue for [{s}]");
        }
        for (k, c) in Cue::ALL.iter().enumerate() {
            assert_eq!(*c as usize, k, "{c:?}");
            assert!(!lexicon().cues(*c).is_empty(), "{c:?} is empty");
        }
    }

    proptest::proptest! {
        /// The DFA finds the trap phrases the compact automaton finds.
        #[test]
        fn trap_automata_agree(
            parts in proptest::collection::vec(
                proptest::sample::select(
                    data_lines(TRAPS)
                        .chain(["一", "二", "三", "的", "，", "a", "😀"])
                        .collect::<Vec<_>>(),
                ),
                0..20,
            ),
        ) {
            let t: String = parts.concat();
            let traps: Vec<&str> = data_lines(TRAPS).collect();
            let spans = |ac: Option<AhoCorasick>| -> Vec<(usize, usize)> {
                ac.map(|ac| ac.find_iter(&t).map(|m| (m.start(), m.end())).collect())
                    .unwrap_or_default()
            };
            let nfa = spans(TrapAutomata::build(&traps, AhoCorasickKind::ContiguousNFA));
            let dfa = spans(TrapAutomata::build(&traps, AhoCorasickKind::DFA));
            proptest::prop_assert!(!nfa.is_empty() || !t.contains("一心一意"));
            proptest::prop_assert_eq!(nfa, dfa);
        }
    }

    #[test]
    fn the_trap_dfa_comes_after_some_searching() {
        let traps = TrapAutomata::new(vec!["一心一意", "两学一做"]);
        assert!(traps.for_search(10).is_some());
        assert!(
            traps.dfa.get().is_none(),
            "the compact automaton comes first"
        );
        assert!(traps.for_search(TRAP_DFA_AFTER).is_some());
        assert!(traps.dfa.get().is_some_and(Option::is_some), "then the DFA");
    }

    #[test]
    fn data_files_load() {
        let lex = lexicon();
        let u = lex.unit_at("个百分点以上", 0).map(|u| u.kind);
        assert_eq!(u, Some(UnitKind::Points));
        let u = lex.unit_at("平方公里", 0).map(|u| u.text.clone());
        assert_eq!(u.as_deref(), Some("平方公里"));
        let u = lex.unit_at("家(次)", 0).map(|u| u.canonical.clone());
        assert_eq!(u.as_deref(), Some("家次"));
        assert!(!lex.cues(Cue::YearCues).is_empty());
        assert_eq!(lex.cue_before(Cue::ApproxOver, "超过", 6), Some("超过"));
        assert!(lex.traps.nfa().and_then(|t| t.find("一心一意")).is_some());
    }
}
