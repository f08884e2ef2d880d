//! `由120人减少到100人，净减少30人`: the arithmetic sentences checked in defects.rs, found by hand
//! in linear time. This matches exactly what the regular expression
//!
//! ```text
//! (?:由|从)(\d+(?:\.\d+)?)([^，。；,\d]{0,6}?)(?:减少|下降|降低|增加|增长|提高|上升|扩大|缩小)了?
//! (?:到|至)(\d+(?:\.\d+)?)([^，。；,\d]{0,4}?)[，,、]?
//! (?:净减少?|净增加?|净增|共减少|共增加|减少了|增加了|少了|多了)(\d+(?:\.\d+)?)([^\d.]|$)
//! ```
//!
//! (one line) matched with the `regex` crate: leftmost-first, the same spans and the same six
//! groups, `\d` being any Unicode decimal digit as it was there (the equivalence is tested
//! against that crate in `tests`).
//!
//! The search follows the expression's own order of preference at each `由`/`从`: the lazy
//! groups grow one character at a time, optional parts are taken first, alternatives are tried
//! in order. Each number is read whole: a shorter reading would leave a digit where only a
//! non-digit may follow, so it could never lead to a match. Every attempt looks at a bounded
//! window besides the numbers, and each run of digits is read by a bounded number of attempts,
//! so the whole search is linear.

use std::iter::Peekable;

/// The words of the sentence, each list in the expression's order of preference.
const FROM: [&str; 2] = ["由", "从"];
const CHANGE: [&str; 9] = [
    "减少", "下降", "降低", "增加", "增长", "提高", "上升", "扩大", "缩小",
];
const TO: [&str; 2] = ["到", "至"];
const NET: [&str; 11] = [
    "净减少",
    "净减",
    "净增加",
    "净增",
    "净增",
    "共减少",
    "共增加",
    "减少了",
    "增加了",
    "少了",
    "多了",
];
/// The longest unit between the first number and the verb, and after the second number, in
/// characters.
const UNIT1: usize = 6;
const UNIT2: usize = 4;

/// Unicode's decimal digits (general category Nd, Unicode 16.0): what `\d` matched.
const DECIMAL: [(u32, u32); 71] = [
    (0x30, 0x39),
    (0x660, 0x669),
    (0x6F0, 0x6F9),
    (0x7C0, 0x7C9),
    (0x966, 0x96F),
    (0x9E6, 0x9EF),
    (0xA66, 0xA6F),
    (0xAE6, 0xAEF),
    (0xB66, 0xB6F),
    (0xBE6, 0xBEF),
    (0xC66, 0xC6F),
    (0xCE6, 0xCEF),
    (0xD66, 0xD6F),
    (0xDE6, 0xDEF),
    (0xE50, 0xE59),
    (0xED0, 0xED9),
    (0xF20, 0xF29),
    (0x1040, 0x1049),
    (0x1090, 0x1099),
    (0x17E0, 0x17E9),
    (0x1810, 0x1819),
    (0x1946, 0x194F),
    (0x19D0, 0x19D9),
    (0x1A80, 0x1A89),
    (0x1A90, 0x1A99),
    (0x1B50, 0x1B59),
    (0x1BB0, 0x1BB9),
    (0x1C40, 0x1C49),
    (0x1C50, 0x1C59),
    (0xA620, 0xA629),
    (0xA8D0, 0xA8D9),
    (0xA900, 0xA909),
    (0xA9D0, 0xA9D9),
    (0xA9F0, 0xA9F9),
    (0xAA50, 0xAA59),
    (0xABF0, 0xABF9),
    (0xFF10, 0xFF19),
    (0x104A0, 0x104A9),
    (0x10D30, 0x10D39),
    (0x10D40, 0x10D49),
    (0x11066, 0x1106F),
    (0x110F0, 0x110F9),
    (0x11136, 0x1113F),
    (0x111D0, 0x111D9),
    (0x112F0, 0x112F9),
    (0x11450, 0x11459),
    (0x114D0, 0x114D9),
    (0x11650, 0x11659),
    (0x116C0, 0x116C9),
    (0x116D0, 0x116E3),
    (0x11730, 0x11739),
    (0x118E0, 0x118E9),
    (0x11950, 0x11959),
    (0x11BF0, 0x11BF9),
    (0x11C50, 0x11C59),
    (0x11D50, 0x11D59),
    (0x11DA0, 0x11DA9),
    (0x11F50, 0x11F59),
    (0x16130, 0x16139),
    (0x16A60, 0x16A69),
    (0x16AC0, 0x16AC9),
    (0x16B50, 0x16B59),
    (0x16D70, 0x16D79),
    (0x1CCF0, 0x1CCF9),
    (0x1D7CE, 0x1D7FF),
    (0x1E140, 0x1E149),
    (0x1E2F0, 0x1E2F9),
    (0x1E4F0, 0x1E4F9),
    (0x1E5F1, 0x1E5FA),
    (0x1E950, 0x1E959),
    (0x1FBF0, 0x1FBF9),
];

fn is_digit(c: char) -> bool {
    let c = u32::from(c);
    if c < 0x80 {
        return (0x30..=0x39).contains(&c);
    }
    let k = DECIMAL.partition_point(|&(_, hi)| hi < c);
    DECIMAL.get(k).is_some_and(|&(lo, _)| lo <= c)
}

/// `[^，。；,\d]`: a character of a unit.
fn in_unit(c: char) -> bool {
    !matches!(c, '，' | '。' | '；' | ',') && !is_digit(c)
}

fn char_at(t: &str, i: usize) -> Option<char> {
    t.get(i..).and_then(|r| r.chars().next())
}

/// The end of the run of digits from `i`.
fn digits_end(t: &str, i: usize) -> usize {
    let tail = t.get(i..).unwrap_or("");
    tail.char_indices()
        .find(|&(_, c)| !is_digit(c))
        .map_or(t.len(), |(k, _)| i + k)
}

/// `\d+(?:\.\d+)?` read whole from `i`: its end.
fn number(t: &str, i: usize) -> Option<usize> {
    let end = digits_end(t, i);
    if end == i {
        return None;
    }
    if t.as_bytes().get(end) == Some(&b'.') {
        let frac = digits_end(t, end + 1);
        if frac > end + 1 {
            return Some(frac);
        }
    }
    Some(end)
}

/// The end of the first of `words` at `i`.
fn word(t: &str, i: usize, words: &[&str]) -> Option<usize> {
    let tail = t.get(i..)?;
    words
        .iter()
        .find(|w| tail.starts_with(**w))
        .map(|w| i + w.len())
}

/// The ends `i` and after, one character at a time, of a lazy `[^，。；,\d]{0,max}?` from `i`.
fn unit_ends(t: &str, i: usize, max: usize) -> impl Iterator<Item = usize> + '_ {
    let more = t
        .get(i..)
        .unwrap_or("")
        .char_indices()
        .take(max)
        .take_while(|&(_, c)| in_unit(c))
        .map(move |(k, c)| i + k + c.len_utf8());
    std::iter::once(i).chain(more)
}

/// The groups of a match: the whole, then the six groups, as byte ranges.
type Groups = [(usize, usize); 7];

/// The match starting at `p` (a `由` or `从`), trying the expression's choices in its order.
fn match_at(t: &str, p: usize) -> Option<Groups> {
    let a0 = word(t, p, &FROM)?;
    let a1 = number(t, a0)?;
    for u1 in unit_ends(t, a1, UNIT1) {
        let Some(mut v) = word(t, u1, &CHANGE) else {
            continue;
        };
        // 了? is taken when present: without it, 到/至 would have to stand where 了 does
        if let Some(x) = word(t, v, &["了"]) {
            v = x;
        }
        let Some(b0) = word(t, v, &TO) else {
            continue;
        };
        let Some(b1) = number(t, b0) else {
            continue;
        };
        for u2 in unit_ends(t, b1, UNIT2) {
            let sep = word(t, u2, &["，", ",", "、"]);
            for n0 in sep.into_iter().chain([u2]) {
                for w in NET {
                    let Some(d0) = word(t, n0, &[w]) else {
                        continue;
                    };
                    let Some(d1) = number(t, d0) else {
                        continue;
                    };
                    let after = match char_at(t, d1) {
                        None => d1,
                        Some(c) if is_digit(c) || c == '.' => continue,
                        Some(c) => d1 + c.len_utf8(),
                    };
                    return Some([
                        (p, after),
                        (a0, a1),
                        (a1, u1),
                        (b0, b1),
                        (b1, u2),
                        (d0, d1),
                        (d1, after),
                    ]);
                }
            }
        }
    }
    None
}

/// The matches of `text`, left to right, not overlapping, with their groups.
pub(super) fn captures_iter(text: &str) -> CapturesIter<'_> {
    let [from_you, from_cong] = FROM.map(|w| memchr::memmem::find_iter(text.as_bytes(), w));
    CapturesIter {
        text,
        at: 0,
        you: from_you.peekable(),
        cong: from_cong.peekable(),
    }
}

/// The iterator of [`captures_iter`].
pub(super) struct CapturesIter<'h> {
    text: &'h str,
    /// Where the next match may start (the end of the last one).
    at: usize,
    /// The offsets of `由` and of `从` (each searched once, by memmem, and merged in order).
    you: Peekable<memchr::memmem::FindIter<'h, 'static>>,
    cong: Peekable<memchr::memmem::FindIter<'h, 'static>>,
}

impl CapturesIter<'_> {
    /// The next `由` or `从` at or after `at`.
    fn next_from(&mut self) -> Option<usize> {
        let at = self.at;
        while self.you.next_if(|&p| p < at).is_some() {}
        while self.cong.next_if(|&p| p < at).is_some() {}
        match (self.you.peek().copied(), self.cong.peek().copied()) {
            (Some(y), Some(c)) if c < y => self.cong.next(),
            (Some(_), _) => self.you.next(),
            (None, _) => self.cong.next(),
        }
    }
}

impl<'h> Iterator for CapturesIter<'h> {
    type Item = Captures<'h>;

    fn next(&mut self) -> Option<Captures<'h>> {
        while let Some(p) = self.next_from() {
            self.at = p + 1;
            if let Some(groups) = match_at(self.text, p) {
                self.at = groups[0].1;
                return Some(Captures {
                    text: self.text,
                    groups,
                });
            }
        }
        self.at = self.text.len();
        None
    }
}

/// One match: group 0 is the whole, 1–6 the groups in the order of the expression.
pub(super) struct Captures<'h> {
    text: &'h str,
    groups: Groups,
}

impl<'h> Captures<'h> {
    /// Group `i` (every group takes part in every match, possibly empty).
    pub(super) fn get(&self, i: usize) -> Option<Group<'h>> {
        let &(start, end) = self.groups.get(i)?;
        Some(Group {
            text: self.text,
            start,
            end,
        })
    }
}

/// One group of a match.
pub(super) struct Group<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }

    pub(super) fn as_str(&self) -> &'h str {
        self.text.get(self.start..self.end).unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(t: &str) -> Vec<Vec<&str>> {
        captures_iter(t)
            .map(|c| {
                (0..7)
                    .map(|i| c.get(i).map_or("?", |g| g.as_str()))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn reads_the_sentence() {
        assert_eq!(
            groups("社区由120人减少到100人，净减少30人。"),
            [[
                "由120人减少到100人，净减少30人",
                "120",
                "人",
                "100",
                "人",
                "30",
                "人"
            ]]
        );
        assert_eq!(
            groups("从3.5万元增长了至4万元、共增加0.5"),
            [[
                "从3.5万元增长了至4万元、共增加0.5",
                "3.5",
                "万元",
                "4",
                "万元",
                "0.5",
                ""
            ]]
        );
        // the lazy unit grows past a first verb that is not followed by 到
        assert_eq!(
            groups("由10减少减少到5少了5个")[0][..3],
            ["由10减少减少到5少了5个", "10", "减少"]
        );
        // a number followed by a decimal point cannot end the sentence
        assert!(groups("由10减少到5，净减5.").is_empty());
        assert!(groups("由10减少到5，净减5.5.").is_empty());
        // full-width digits are digits
        assert_eq!(groups("由１０减少到５，净减５")[0][1], "１０");
        assert!(groups("由10，减少到5，净减5").is_empty());
    }

    #[test]
    fn linear_on_long_runs() {
        let t = "由".to_string() + &"1".repeat(1_000_000) + &"由1减少到".repeat(100_000);
        let start = std::time::Instant::now();
        assert_eq!(captures_iter(&t).count(), 0);
        assert!(start.elapsed().as_secs() < 5);
    }

    /// The expression this module replaces, run by the `regex` crate.
    const FORMER: &str = r"(?:由|从)(\d+(?:\.\d+)?)([^，。；,\d]{0,6}?)(?:减少|下降|降低|增加|增长|提高|上升|扩大|缩小)了?(?:到|至)(\d+(?:\.\d+)?)([^，。；,\d]{0,4}?)[，,、]?(?:净减少?|净增加?|净增|共减少|共增加|减少了|增加了|少了|多了)(\d+(?:\.\d+)?)([^\d.]|$)";

    type Found = Vec<Vec<Option<(usize, usize)>>>;

    fn former() -> &'static regex::Regex {
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new(FORMER).unwrap_or_else(|e| panic!("{e}")))
    }

    fn same_as_regex(re: &regex::Regex, t: &str) {
        let want: Found = re
            .captures_iter(t)
            .map(|c| {
                (0..7)
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect();
        let got: Found = captures_iter(t)
            .map(|c| {
                (0..7)
                    .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                    .collect()
            })
            .collect();
        assert_eq!(got, want, "on {t:?}");
    }

    const PIECES: &[&str] = &[
        "由",
        "从",
        "1",
        "20",
        "3.5",
        "0",
        "１",
        "٣",
        "𝟙",
        ".",
        "..",
        "，",
        ",",
        "、",
        "。",
        "；",
        ";",
        "减少",
        "下降",
        "降低",
        "增加",
        "增长",
        "提高",
        "上升",
        "扩大",
        "缩小",
        "减",
        "增",
        "了",
        "到",
        "至",
        "净减少",
        "净减",
        "净增加",
        "净增",
        "共减少",
        "共增加",
        "减少了",
        "增加了",
        "少了",
        "多了",
        "净",
        "共",
        "少",
        "多",
        "人",
        "万元",
        "个",
        "%",
        "％",
        "\n",
        " ",
        "a",
        "由1",
        "减少到",
        "，净减少",
        "名党员",
    ];

    #[test]
    fn same_as_the_former_regex_on_written_cases() {
        let re = former();
        for t in [
            "",
            "社区由120人减少到100人，净减少30人。",
            "党员从56名增加到62名，净增6名；干部由8人下降至7人、共减少1人",
            "由1.5万元扩大了到2.25万元,多了0.75万元",
            "由10减少到5，净减5.",
            "由10减少到5，净减5.5.1",
            "由由10减少到5，净减5",
            "由10由20减少到5，少了15个",
            "由10人人人人人人人减少到5人，净减5",
            "由10人人人人人人减少到5人人人人人，净减5",
            "由10人减少到5人人人人、、净减少5%",
            "由１０减少到５，净减５",
            "由10减少到5，净减少5由3增加到4，净增1",
            "由10减少到5，净减5\n由3增加到4，净增1。",
            "从1减少到2多了1",
        ] {
            same_as_regex(re, t);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20000))]
        #[test]
        fn same_as_the_former_regex(parts in proptest::collection::vec(0..PIECES.len(), 0..30)) {
            let re = former();
            let t: String = parts.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
            same_as_regex(re, &t);
        }

        #[test]
        fn same_as_the_former_regex_on_sentences(
            head in proptest::collection::vec(0..PIECES.len(), 0..4),
            a in "[0-9]{1,3}(\\.[0-9]{1,2})?",
            u1 in "(人|万元|个|%|、|)",
            verb in 0..CHANGE.len(),
            le in proptest::bool::ANY,
            to in 0..TO.len(),
            b in "[0-9]{1,3}(\\.[0-9]{1,2})?",
            u2 in "(人|万元|个|%|、|)",
            sep in "(，|,|、|)",
            net in 0..NET.len(),
            d in "[0-9]{1,3}(\\.[0-9]{0,2})?",
            tail in proptest::collection::vec(0..PIECES.len(), 0..3),
        ) {
            let re = former();
            let pick = |v: &[usize]| -> String { v.iter().filter_map(|&i| PIECES.get(i).copied()).collect() };
            let t = format!(
                "{}由{a}{u1}{}{}{}{b}{u2}{sep}{}{d}{}",
                pick(&head),
                CHANGE.get(verb).copied().unwrap_or(""),
                if le { "了" } else { "" },
                TO.get(to).copied().unwrap_or(""),
                NET.get(net).copied().unwrap_or(""),
                pick(&tail),
            );
            same_as_regex(re, &t);
        }

        #[test]
        fn same_as_the_former_regex_on_any_text(t in "\\PC{0,60}") {
            let re = former();
            same_as_regex(re, &t);
        }
    }
}
