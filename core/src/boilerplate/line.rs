//! Classifies one line on its own: blank, report, weak chrome (chrome only inside a run of
//! other chrome), strong chrome, or a blurb sentence inside a long line.

use super::bytes::{punctuation_range, ByteSet};
use super::lexicon::{Lexicon, MetaKind, Prefixes};
use crate::text::is_blank;
use crate::Span;
use aho_corasick::AhoCorasick;

/// Lines longer than this (in characters) are never page chrome tokens or metadata.
const SHORT: usize = 120;
/// A caption is at most this long (characters).
const CAPTION_MAX: usize = 200;
/// A line with a strong blurb cue up to this long is boilerplate as a whole; a longer one only
/// around its cue.
const BLURB_WHOLE_LINE: usize = 400;
/// The same for a line with a pair of weak cues.
const BLURB_WHOLE_LINE_WEAK: usize = 200;
/// A footer list label after the page title (【…工作总结】相关文章：): the line is this short.
const LIST_TITLE_MAX: usize = 80;
/// A photo credit alone on its line is at most this long (characters).
const CREDIT_ONLY_MAX: usize = 30;
/// A caption sentence above a credit line is at most this long (characters).
pub(crate) const CAPTION_SENTENCE_MAX: usize = 80;
/// A line starting with a footer word is a footer whatever follows when this short.
const FOOTER_SHORT: usize = 16;
/// A breadcrumb trail without a label is at most this long (characters).
const CRUMB_TRAIL_MAX: usize = 60;
/// Each of its items at most this long.
const CRUMB_ITEM_MAX: usize = 14;
/// Two weak blurb cues count together when at most this many bytes apart (80 characters).
const WEAK_PAIR_BYTES: usize = 240;
/// A footer list label line (推荐访问:…) holding related links may be this long.
const LIST_LINE_MAX: usize = 600;

/// What a line asks of the lines after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Follow {
    /// Nothing.
    None,
    /// A metadata label alone on its line: the next short line is its value, of this kind.
    Value(MetaKind),
    /// A breadcrumb label alone on its line: crumbs follow one per line.
    Crumb,
    /// A footer list label: short link lines follow.
    List,
    /// A photo credit alone on its line: the caption sentence is the line above.
    Credit,
}

/// The class of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Nothing but blanks.
    Blank,
    /// Report text.
    Report,
    /// Chrome only inside a run holding strong chrome.
    Weak,
    /// Chrome only right after strong chrome in the same run (a bare date-time under
    /// `来源：某某日报`; a signature date above a footer stays report).
    Trail,
    /// Chrome on its own.
    Strong(Follow),
    /// Report text holding a boilerplate sentence (a blurb fused into a long line).
    Part(Span),
}

/// Whether `c` is a CJK ideograph.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2EBEF | 0x30000..=0x3134F)
}

/// Characters that separate chrome tokens on one line.
fn is_token_sep(c: char) -> bool {
    is_blank(c)
        || matches!(
            c,
            '【' | '】'
                | '['
                | ']'
                | '［'
                | '］'
                | '|'
                | '｜'
                | '/'
                | '／'
                | '\\'
                | '>'
                | '＞'
                | '<'
                | '＜'
                | '»'
                | '«'
                | '》'
                | '《'
                | '→'
                | '·'
                | '•'
                | ':'
                | '：'
                | '、'
                | ','
                | '，'
                | '-'
                | '—'
                | '='
                | '＝'
                | '~'
                | '～'
                | '*'
                | '#'
                | '('
                | ')'
                | '（'
                | '）'
                | '_'
                | '.'
                | '…'
        )
}

fn is_colon(c: char) -> bool {
    c == ':' || c == '：'
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_cjk_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

/// Sentence-final punctuation.
fn is_stop(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '；' | ';')
}

/// Classifies the line `t` (a byte span of `text` without its terminator, trimmed with
/// [`crate::text::trim`]); `hit` is its blurb cue hit, as [`LineCues::hit`] gives it.
pub(crate) fn classify(text: &str, t: Span, hit: Option<Hit>, lex: &Lexicon) -> Kind {
    if t.is_empty() {
        return Kind::Blank;
    }
    let s = t.slice(text);
    // Character count, capped: long lines are only checked for blurbs and list footers.
    // (A line of more than 4 bytes per character allowed is over the cap whatever it holds;
    // a shorter one is counted by the standard library's word-at-a-time count.)
    let n = if s.len() > 4 * (LIST_LINE_MAX + 1) {
        LIST_LINE_MAX + 1
    } else {
        s.chars().count().min(LIST_LINE_MAX + 1)
    };

    if let Some(kind) = blurb(s, t.start, n, hit) {
        return kind;
    }
    if n <= LIST_LINE_MAX && starts_with_label(s, &lex.list).is_some() && !s.contains('。')
        || n <= LIST_TITLE_MAX && ends_with_label(s, &lex.list)
    {
        return Kind::Strong(Follow::List);
    }
    if n > SHORT {
        return Kind::Report;
    }
    if let Some(rest) = starts_with_label(s, &lex.crumb) {
        let rest = rest.trim_matches(is_blank);
        if let Some(after) = rest.strip_prefix([':', '：']) {
            let after = after.trim_matches(is_blank);
            if after.is_empty() {
                return Kind::Strong(Follow::Crumb);
            }
            if after.contains(['>', '»', '＞', '→']) || after.starts_with("首页") {
                return Kind::Strong(Follow::None);
            }
        }
    }
    // The bytes of a line this short: the checks below that need a character the line lacks,
    // or accept only characters it does not all hold, are skipped (an ordinary short line skips
    // them all). A longer line (fewer of them, and their scan costs more) runs every check.
    let bytes = (s.len() <= GATE_BYTES).then(|| ByteSet::of(s));
    let gates = &lex.gates;
    if footer(s, n, lex) || crumbs(s, gates.may_crumb_trail(&bytes), lex) || page_number(s) {
        return Kind::Strong(Follow::None);
    }
    if let Some(kind) = gates.may_meta(&bytes).then(|| meta(s, lex)).flatten() {
        return kind;
    }
    if let Some(kind) = gates.may_tokens(&bytes).then(|| tokens(s, lex)).flatten() {
        return kind;
    }
    if n <= CAPTION_MAX && gates.may_caption(s, &bytes, lex) && caption(s, lex) {
        // A credit alone on its line (某某日报记者 张三) takes the caption sentence above it.
        let credit_only = n <= CREDIT_ONLY_MAX
            && !s.contains(['。', '，', ','])
            && !lex
                .caption_start
                .starting(s)
                .iter()
                .any(|(p, _)| s.starts_with(p));
        return Kind::Strong(if credit_only {
            Follow::Credit
        } else {
            Follow::None
        });
    }
    if gates.may_datetime(&bytes) && datetime(s) {
        return Kind::Trail;
    }
    Kind::Report
}

/// The longest line (bytes) whose checks are gated by its bytes.
const GATE_BYTES: usize = 64;

/// Byte sets that settle some checks of a short line from the bytes it holds (see
/// [`ByteSet`]): a check is skipped only when it cannot succeed.
pub(crate) struct Gates {
    /// Every byte of a chrome token, of a token separator and of `正文`: a line holding another
    /// byte is not made of chrome tokens.
    tokens: ByteSet,
    /// Every byte of a character a bare date-time may hold.
    datetime: ByteSet,
    /// The bytes of the last character of each credit and shot word: a caption's credit holds
    /// one such character.
    credit_ends: Vec<ByteSet>,
    /// The bytes of `：`.
    colon: ByteSet,
    /// [`CRUMB_SEP_BYTES`].
    crumb_sep: ByteSet,
}

impl Gates {
    /// The gates for the given chrome tokens and caption credit and shot words.
    pub(crate) fn new<'a>(
        tokens: impl IntoIterator<Item = &'a str>,
        credit_words: impl IntoIterator<Item = &'a str>,
    ) -> Gates {
        let mut token_set = ByteSet::of_chars(punctuation_range().filter(|c| is_token_sep(*c)))
            .union(ByteSet::of("正文"));
        for t in tokens {
            token_set = token_set.union(ByteSet::of(t));
        }
        let datetime = ByteSet::of_chars(punctuation_range().filter(|c| datetime_char(*c)))
            .union(ByteSet::of(DATETIME_HAN));
        let mut credit_ends: Vec<ByteSet> = credit_words
            .into_iter()
            .filter_map(|w| w.chars().next_back())
            .map(|c| ByteSet::of_chars([c]))
            .collect();
        credit_ends.sort_unstable();
        credit_ends.dedup();
        Gates {
            tokens: token_set,
            datetime,
            credit_ends,
            colon: ByteSet::of("："),
            crumb_sep: CRUMB_SEP_BYTES.iter().fold(ByteSet::default(), |set, &b| {
                set.union(ByteSet::of_bytes(&[b]))
            }),
        }
    }

    /// Whether a line of these bytes may be a breadcrumb trail: it needs a separator
    /// ([`may_hold_crumb_sep`]).
    fn may_crumb_trail(&self, bytes: &Option<ByteSet>) -> bool {
        let Some(bytes) = bytes else { return true };
        bytes.meets(&self.crumb_sep)
    }

    /// Whether a line of these bytes may be a metadata line: it needs a colon.
    fn may_meta(&self, bytes: &Option<ByteSet>) -> bool {
        let Some(bytes) = bytes else { return true };
        bytes.contains(b':') || self.colon.within(bytes)
    }

    /// Whether a line of these bytes may be made of chrome tokens.
    fn may_tokens(&self, bytes: &Option<ByteSet>) -> bool {
        let Some(bytes) = bytes else { return true };
        bytes.within(&self.tokens)
    }

    /// Whether the line `s` of these bytes may be a photo caption: it starts with a caption
    /// word or holds a credit or shot word.
    fn may_caption(&self, s: &str, bytes: &Option<ByteSet>, lex: &Lexicon) -> bool {
        let Some(bytes) = bytes else { return true };
        self.credit_ends.iter().any(|c| c.within(bytes))
            || !lex.caption_start.starting(s).is_empty()
    }

    /// Whether a line of these bytes may be a bare date-time.
    fn may_datetime(&self, bytes: &Option<ByteSet>) -> bool {
        let Some(bytes) = bytes else { return true };
        bytes.within(&self.datetime)
    }
}

/// A footer line (上一篇：…, 分享到微信, 版权所有 © …): a footer word followed by a colon, a
/// blank, a bracket or nothing, or a short line starting with one (扫一扫在手机打开当前页). A
/// report sentence that happens to start with one (上一条经验是…, 扫一扫二维码即可参加…) stays.
fn footer(s: &str, n: usize, lex: &Lexicon) -> bool {
    lex.footer.starting(s).iter().any(|(p, _)| {
        s.strip_prefix(p).is_some_and(|rest| {
            n <= FOOTER_SHORT
                || rest.chars().next().map_or(true, |c| {
                    is_colon(c) || is_blank(c) || matches!(c, '】' | ']' | '©' | '(' | '（' | '|')
                })
        })
    })
}

fn is_crumb_sep(c: char) -> bool {
    matches!(c, '>' | '＞' | '»' | '→' | '›')
}

/// Bytes one of which every [`is_crumb_sep`] character holds (`>`, and the last byte of each
/// other one): a line holding none of them holds no separator.
const CRUMB_SEP_BYTES: [u8; 5] = [b'>', 0x9E, 0xBB, 0x92, 0xBA];

/// [`CRUMB_SEP_BYTES`] as a table.
const CRUMB_SEP_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < CRUMB_SEP_BYTES.len() {
        t[CRUMB_SEP_BYTES[k] as usize] = true;
        k += 1;
    }
    t
};

/// Whether `s` may hold a crumb separator: false only when it holds none (a byte scan, where
/// `s.contains(is_crumb_sep)` decodes every character).
pub(crate) fn may_hold_crumb_sep(s: &str) -> bool {
    s.bytes().any(|b| CRUMB_SEP_BYTE[usize::from(b)])
}

/// Whether `s` holds a colon, `:` or `：` (a byte scan; the same as `s.contains([':', '：'])`).
pub(crate) fn has_colon(s: &str) -> bool {
    s.as_bytes().contains(&b':') || s.contains('：')
}

/// A breadcrumb without its label: 首页 > 工作总结 > 党建工作总结, 人民网>>时政>>正文
/// (`may_trail` false when the line's bytes rule out a trail).
fn crumbs(s: &str, may_trail: bool, lex: &Lexicon) -> bool {
    may_trail && crumb_trail(s)
        || lex.home.starting(s).iter().any(|(h, _)| {
            s.strip_prefix(h).is_some_and(|rest| {
                rest.trim_start_matches(is_blank)
                    .chars()
                    .next()
                    .is_some_and(is_crumb_sep)
            })
        })
}

/// A trail of at least three short items joined by crumb separators (人民网>>时政>>正文).
fn crumb_trail(s: &str) -> bool {
    // Three items need two separators: a line without one (most lines) is rejected by one
    // scan, before the length and punctuation checks.
    if !may_hold_crumb_sep(s)
        || s.contains(['。', '，', '；'])
        || s.chars().nth(CRUMB_TRAIL_MAX).is_some()
    {
        return false;
    }
    let mut items = 0;
    for item in s.split(is_crumb_sep) {
        let item = item.trim_matches(is_blank);
        if item.is_empty() {
            // `>>` or a separator at an end.
            continue;
        }
        if item.chars().nth(CRUMB_ITEM_MAX).is_some() {
            return false;
        }
        items += 1;
    }
    items >= 3
}

/// A page number left by a paged source: `- 3 -`, `— 3 —`, `第3页 共10页`, `共10页，第3页`.
fn page_number(s: &str) -> bool {
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－');
    let mut chars = s.chars().filter(|c| !is_blank(*c)).peekable();
    if chars.peek().copied().is_some_and(dash) {
        // - 3 -
        let mut digits = 0;
        let mut closing = 0;
        let mut opening = true;
        for c in chars {
            if dash(c) {
                if opening {
                    continue;
                }
                closing += 1;
            } else if c.is_ascii_digit() && closing == 0 {
                opening = false;
                digits += 1;
            } else {
                return false;
            }
        }
        return (1..=4).contains(&digits) && closing > 0;
    }
    // Parts 第N页 / 共N页, separated by commas or a slash.
    let mut parts = 0;
    loop {
        match chars.next() {
            None => return parts > 0,
            Some('，' | ',' | '/' | '、') if parts > 0 => continue,
            Some('第' | '共') => {
                let mut digits = 0;
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                    digits += 1;
                }
                if !(1..=4).contains(&digits) || chars.next() != Some('页') {
                    return false;
                }
                parts += 1;
            }
            Some(_) => return false,
        }
    }
}

/// Whether `s` ends with one of `labels` and a colon, after a bracketed title or a blank
/// (【2023年工作总结】相关文章：).
fn ends_with_label(s: &str, labels: &Prefixes<()>) -> bool {
    let Some(body) = s.strip_suffix([':', '：']) else {
        return false;
    };
    !s.contains('。')
        && labels.all().iter().any(|(l, _)| {
            body.strip_suffix(l).is_some_and(|head| {
                head.is_empty()
                    || head.ends_with(|c: char| is_blank(c) || matches!(c, '】' | ']' | '》'))
            })
        })
}

/// The brackets before a label at the start of a line.
const LABEL_BRACKETS: [char; 5] = ['【', '[', '［', '》', '>'];

/// The first bytes of [`LABEL_BRACKETS`] (`【` and `》` start with 0xE3, `［` with 0xEF).
const LABEL_BRACKET_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    t[b'[' as usize] = true;
    t[b'>' as usize] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// If `s` starts with one of `labels` (longest first) followed by a colon, a blank or the end,
/// the text after the label.
fn starts_with_label<'s>(s: &'s str, labels: &Prefixes<()>) -> Option<&'s str> {
    // A line starting neither with a bracket nor with a label's first byte holds no label at
    // its start (no character is decoded).
    let first = *s.as_bytes().first()?;
    if !labels.first_byte(first) && !LABEL_BRACKET_FIRST[usize::from(first)] {
        return None;
    }
    label_after_brackets(s, labels)
}

/// [`starts_with_label`] without its first-byte gate: the label after any leading brackets.
fn label_after_brackets<'s>(s: &'s str, labels: &Prefixes<()>) -> Option<&'s str> {
    let s = s.trim_start_matches(LABEL_BRACKETS);
    labels.starting(s).iter().find_map(|(l, _)| {
        let rest = s.strip_prefix(l)?;
        match rest.chars().next() {
            None => Some(rest),
            Some(c) if is_colon(c) || is_blank(c) || matches!(c, '】' | ']' | '］' | '《') => {
                Some(rest)
            }
            _ => None,
        }
    })
}

/// A blurb cue hit in a line: (start, end, the longest line that is boilerplate as a whole),
/// bytes relative to the trimmed line.
pub(crate) type Hit = (usize, usize, usize);

/// The blurb cue hits of every line of `text`, by one automaton pass over the whole text (a
/// search call per line cost more than the rest of a short line's classification): call
/// [`LineCues::hit`] with each trimmed line in turn. A search of the whole text finds in each
/// line the cues a search of the line alone finds (no cue holds a line break or starts or ends
/// with a blank, so none crosses the edge of a trimmed line).
pub(crate) struct LineCues<'t> {
    text: &'t str,
    ac: Option<&'static AhoCorasick>,
    matches: Option<std::iter::Peekable<aho_corasick::FindIter<'static, 't>>>,
}

/// The cue hits of `text`'s lines (see [`LineCues`]).
pub(crate) fn line_cues<'t>(text: &'t str, lex: &'static Lexicon) -> LineCues<'t> {
    let ac = lex.blurb.as_ref();
    LineCues {
        text,
        ac,
        matches: ac.map(|ac| ac.find_iter(text).peekable()),
    }
}

impl LineCues<'_> {
    /// The editorial blurb cue in the trimmed line `t` (lines must come in order): the first
    /// strong cue, or the first weak cue closely followed by a different weak one.
    pub(crate) fn hit(&mut self, t: Span, lex: &Lexicon) -> Option<Hit> {
        let it = self.matches.as_mut()?;
        // The last weak cue seen: (pattern, start, end).
        let mut last_weak: Option<(usize, usize, usize)> = None;
        let mut hit: Option<Hit> = None;
        while let Some(m) = it.next_if(|m| m.start() < t.end) {
            if m.start() < t.start || m.end() > t.end {
                continue;
            }
            let (pattern, m_start, m_end) = (
                m.pattern().as_usize(),
                m.start() - t.start,
                m.end() - t.start,
            );
            if lex.blurb_strong.get(pattern).copied().unwrap_or(false) {
                hit = Some((m_start, m_end, BLURB_WHOLE_LINE));
                break;
            }
            if let Some((p, a, b)) = last_weak {
                if p != pattern && m_start.saturating_sub(b) <= WEAK_PAIR_BYTES {
                    hit = Some((a, m_end, BLURB_WHOLE_LINE_WEAK));
                    break;
                }
            }
            last_weak = Some((pattern, m_start, m_end));
        }
        if hit.is_some() {
            // The rest of the line is not needed: the search resumes at its end.
            if let Some(ac) = self.ac.filter(|_| t.end <= self.text.len()) {
                let input = aho_corasick::Input::new(self.text).span(t.end..self.text.len());
                self.matches = Some(ac.find_iter(input).peekable());
            }
        }
        hit
    }
}

/// The editorial blurb and disclaimers (下面是小编为大家整理的…，供大家参考。), given the line's
/// cue hit.
fn blurb(s: &str, base: usize, n: usize, hit: Option<Hit>) -> Option<Kind> {
    let (a, b, whole) = hit?;
    if n <= whole {
        return Some(Kind::Strong(Follow::None));
    }
    // A long line: only the sentence holding the cue.
    let start = s[..a]
        .char_indices()
        .rev()
        .take(200)
        .find(|&(_, c)| is_stop(c))
        .map(|(i, c)| i + c.len_utf8())
        .unwrap_or_else(|| {
            s[..a]
                .char_indices()
                .rev()
                .take(200)
                .last()
                .map_or(a, |(i, _)| i)
        });
    let end = s[b..]
        .char_indices()
        .take(200)
        .find(|&(_, c)| is_stop(c))
        .map(|(i, c)| b + i + c.len_utf8())
        .unwrap_or_else(|| {
            s[b..]
                .char_indices()
                .take(201)
                .last()
                .map_or(b, |(i, c)| b + i + c.len_utf8())
        });
    let lead = s[start..end].len() - s[start..end].trim_start_matches(is_blank).len();
    Some(Kind::Part(Span::new(base + start + lead, base + end)))
}

/// A site or crawler metadata line (来源：某某日报, 时间:2023-08-08 20:20:01 工作总结 来源:网友投稿).
fn meta(s: &str, lex: &Lexicon) -> Option<Kind> {
    // A field needs a colon after its label.
    if !has_colon(s) || s.contains('。') {
        return None;
    }
    let body = s.trim_start_matches(['【', '[', '［', '（', '(']);
    // A date-time before the fields: 2024-01-30 08:30 来源：某某日报.
    let body = match datetime_prefix(body) {
        Some(rest) => rest,
        None => body,
    };
    let (label, kind) = lex
        .meta
        .starting(body)
        .iter()
        .find(|(l, _)| body.starts_with(l))?;
    let rest = body[label.len()..].trim_start_matches(is_blank);
    let value = rest.strip_prefix([':', '：'])?;
    let value = value
        .trim_end_matches(['】', ']', '］', '）', ')'])
        .trim_matches(is_blank);
    if label_count(s, lex) >= 2 {
        return Some(Kind::Strong(Follow::None));
    }
    if value.is_empty() {
        return Some(if *kind == MetaKind::Weak {
            Kind::Weak
        } else {
            Kind::Strong(Follow::Value(*kind))
        });
    }
    let first = value.chars().next().unwrap_or(' ');
    let ok = match kind {
        MetaKind::Source => value.chars().count() <= 30 && !value.contains(['，', ',']),
        MetaKind::Time => is_digit(first) || is_cjk_numeral(first),
        MetaKind::Stamp => {
            is_digit(first)
                && value
                    .chars()
                    .take(12)
                    .any(|c| matches!(c, '-' | '/' | ':' | '.' | '－' | '／' | '：'))
        }
        MetaKind::Count => is_digit(first),
        MetaKind::Code => value.chars().any(is_digit),
        MetaKind::Link => true,
        MetaKind::Weak => return Some(Kind::Weak),
    };
    ok.then_some(Kind::Strong(Follow::None))
}

/// If `s` starts with a numeric date-time (2024-01-30 08:30) and a blank, the rest after it.
fn datetime_prefix(s: &str) -> Option<&str> {
    let mut digits = 0;
    let mut seps = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() {
            digits += 1;
        } else if matches!(c, '-' | '/' | ':' | '.' | '年' | '月' | '日') {
            seps += 1;
        } else if is_blank(c) {
            let rest = s[i..].trim_start_matches(is_blank);
            if !rest.starts_with(|n: char| n.is_ascii_digit()) {
                return (digits >= 6 && seps >= 2 && !rest.is_empty()).then_some(rest);
            }
        } else {
            return None;
        }
    }
    None
}

/// How many `label:` fields a short line holds.
fn label_count(s: &str, lex: &Lexicon) -> usize {
    let mut count = 0;
    for (i, c) in s.char_indices() {
        if !is_colon(c) {
            continue;
        }
        let before = s[..i].trim_end_matches(is_blank);
        if lex.meta.all().iter().any(|(l, _)| {
            before.ends_with(l) && {
                // The label must start the line or follow a blank or a bracket.
                let head = &before[..before.len() - l.len()];
                head.chars().next_back().map_or(true, |p| {
                    is_blank(p) || matches!(p, '【' | '[' | '（' | '(' | '|')
                })
            }
        }) {
            count += 1;
        }
    }
    count
}

/// A line made of chrome tokens (下载 / 【字号：大 中 小】 / 分享到微信 / 】), or the crawler's
/// `==== 正文 ====` marker.
fn tokens(s: &str, lex: &Lexicon) -> Option<Kind> {
    if s.chars().filter(|c| !is_token_sep(*c)).eq("正文".chars()) {
        return Some(Kind::Strong(Follow::None));
    }
    let mut strong = false;
    for tok in s.split(is_token_sep).filter(|t| !t.is_empty()) {
        // A token starting with no token's first character is in neither set: one binary
        // search over a few characters instead of two hash lookups.
        if !tok
            .chars()
            .next()
            .is_some_and(|c| lex.token_firsts.binary_search(&c).is_ok())
        {
            return None;
        }
        if lex.strong_tokens.contains(tok) {
            strong = true;
        } else if !lex.weak_tokens.contains(tok) {
            return None;
        }
    }
    // Only weak tokens or only separators (】, >, |, =====): chrome inside a run, else report.
    Some(if strong {
        Kind::Strong(Follow::None)
    } else {
        Kind::Weak
    })
}

/// A photo caption: a short line ending with a credit (…某某日报记者 张三, … 李四 摄,
/// 摄影：张三) or starting with 图为.
fn caption(s: &str, lex: &Lexicon) -> bool {
    if lex
        .caption_start
        .starting(s)
        .iter()
        .any(|(p, _)| s.starts_with(p))
    {
        return true;
    }
    // A credit in brackets: …开幕。（记者 赵六 摄）
    let mut body = s
        .trim_end_matches([')', '）', ']', '】'])
        .trim_end_matches(is_blank);
    let mut shot = false;
    for w in &lex.shot {
        if let Some(b) = body.strip_suffix(w) {
            body = b;
            shot = true;
            break;
        }
    }
    let mut rest = body.trim_end_matches(is_blank);
    // Up to four names, from the end of the line back.
    for _ in 0..4 {
        let run_len: usize = rest
            .chars()
            .rev()
            .take_while(|c| is_han(*c) || *c == '·')
            .map(char::len_utf8)
            .sum();
        if run_len == 0 {
            return false;
        }
        let (head, run) = rest.split_at(rest.len() - run_len);
        // A credit word fused to the name: …某某日报记者张三 (one automaton pass tells whether
        // the run holds any before each word is looked for from the end).
        // A credit word and a name of two characters at least: a run of fewer than three
        // characters holds no fused credit (checked first: the automaton call costs more).
        let credit_in_run = run.chars().nth(2).is_some()
            && lex.credit_any.as_ref().map_or(true, |ac| ac.is_match(run));
        if let Some((pos, w)) = lex
            .credit
            .iter()
            .filter(|_| credit_in_run)
            .filter_map(|w| run.rfind(w).map(|p| (p, *w)))
            .max_by_key(|(p, w)| p + w.len())
        {
            let name = run[pos + w.len()..].chars().count();
            let before = &run[..pos];
            if (2..=4).contains(&name)
                && (shot
                    || lex.agency.iter().any(|a| before.ends_with(a))
                    || before.is_empty() && (head.is_empty() || head.ends_with(is_blank)))
            {
                return true;
            }
        }
        if !(2..=4).contains(&run.chars().count()) {
            return false;
        }
        let sep_trim = head.trim_end_matches(|c: char| {
            is_blank(c) || is_colon(c) || matches!(c, '、' | '，' | ',')
        });
        let sep = &head[sep_trim.len()..];
        if sep.is_empty() {
            // The name is glued to other text.
            return false;
        }
        // 记者 张三 / 摄影：张三
        if lex.credit.iter().any(|w| sep_trim.ends_with(w)) {
            return true;
        }
        // …。 李四 摄
        if shot && sep.chars().any(is_blank) {
            return true;
        }
        rest = sep_trim;
    }
    false
}

/// Whether the short line `s` can be the value of a label of `kind` standing alone on the line
/// before it (来源：/ 某某日报客户端, 发表时间：/ 2026-02-09 09:45:30).
pub(crate) fn is_value(s: &str, kind: MetaKind, lex: &Lexicon) -> bool {
    let first = s.chars().next().unwrap_or(' ');
    match kind {
        MetaKind::Source | MetaKind::Weak => !is_title(s, lex),
        MetaKind::Time | MetaKind::Stamp => datetime(s) || is_digit(first) && s.contains('年'),
        MetaKind::Count => s.chars().all(|c| is_digit(c) || is_blank(c) || c == '次'),
        MetaKind::Code => s.chars().any(is_digit) && !s.chars().any(is_blank),
        MetaKind::Link => s.contains("://") || s.starts_with("www."),
    }
}

/// Whether a short line reads as a report title (2024年政府工作报告), not a site name or a
/// breadcrumb column.
pub(crate) fn is_title(s: &str, lex: &Lexicon) -> bool {
    let mut run = 0;
    for c in s.chars() {
        run = if is_digit(c) { run + 1 } else { 0 };
        if run >= 4 {
            return true;
        }
    }
    lex.not_value.iter().any(|w| s.contains(w))
}

/// The ideographs a bare date-time may hold.
const DATETIME_HAN: &str = "年月日时分秒";

/// Whether a bare date-time may hold `c`.
fn datetime_char(c: char) -> bool {
    is_digit(c)
        || is_blank(c)
        || matches!(c, '-' | '/' | ':' | '：' | '.')
        || DATETIME_HAN.contains(c)
}

/// A bare date-time line (2026-02-09 09:45:30).
fn datetime(s: &str) -> bool {
    let mut digits = 0;
    for c in s.chars() {
        if is_digit(c) {
            digits += 1;
        } else if !datetime_char(c) {
            return false;
        }
    }
    (6..=16).contains(&digits)
}

#[cfg(test)]
mod tests {
    //! The pre-checks above against the definitions they shortcut.
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn blurb_cues_never_cross_the_edge_of_a_trimmed_line() {
        let data = include_str!("../../data/boilerplate/blurb.txt");
        for (_, cues) in super::super::lexicon::sections(data) {
            for cue in cues {
                assert!(!cue.contains(['\n', '\r']), "{cue:?}");
                assert!(
                    !cue.starts_with(is_blank) && !cue.ends_with(is_blank),
                    "{cue:?}"
                );
            }
        }
    }

    /// The blurb hit of a line by a search of the line alone (as `blurb` found it before).
    fn hit_by_line_search(s: &str, lex: &Lexicon) -> Option<Hit> {
        let ac = lex.blurb.as_ref()?;
        let mut last_weak: Option<(usize, usize, usize)> = None;
        for m in ac.find_iter(s) {
            let pattern = m.pattern().as_usize();
            if lex.blurb_strong.get(pattern).copied().unwrap_or(false) {
                return Some((m.start(), m.end(), BLURB_WHOLE_LINE));
            }
            if let Some((p, a, b)) = last_weak {
                if p != pattern && m.start().saturating_sub(b) <= WEAK_PAIR_BYTES {
                    return Some((a, m.end(), BLURB_WHOLE_LINE_WEAK));
                }
            }
            last_weak = Some((pattern, m.start(), m.end()));
        }
        None
    }

    /// The hits of each line found by one pass over the text, against a search of each line.
    fn cues_match_a_search_of_each_line(text: &str) -> Result<(), TestCaseError> {
        let lex = Lexicon::get();
        let mut cues = line_cues(text, lex);
        for line in crate::text::lines(text) {
            let t = crate::text::trim(text, line);
            prop_assert_eq!(cues.hit(t, lex), hit_by_line_search(t.slice(text), lex));
        }
        Ok(())
    }

    #[test]
    fn crumb_sep_bytes_cover_every_separator() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            assert_eq!(s.contains(is_crumb_sep), is_crumb_sep(c));
            if is_crumb_sep(c) {
                assert!(may_hold_crumb_sep(&s), "{c:?}");
            }
        }
    }

    #[test]
    fn gates_hold_every_separator_and_date_time_character() {
        let gates = &Lexicon::get().gates;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let b = ByteSet::of_chars([c]);
            if is_token_sep(c) {
                assert!(b.within(&gates.tokens), "{c:?}");
            }
            if datetime_char(c) {
                assert!(b.within(&gates.datetime), "{c:?}");
            }
        }
    }

    #[test]
    fn label_bracket_first_bytes() {
        for b in 0..=255u8 {
            let want = LABEL_BRACKETS
                .iter()
                .any(|c| c.to_string().as_bytes().first() == Some(&b));
            assert_eq!(LABEL_BRACKET_FIRST[usize::from(b)], want, "{b:#x}");
        }
    }

    fn labels_keep_the_definition(s: &str) -> Result<(), TestCaseError> {
        let lex = Lexicon::get();
        for labels in [
            &lex.list,
            &lex.crumb,
            &lex.footer,
            &lex.home,
            &lex.caption_start,
        ] {
            // The first-byte gate turns away no line the label search would accept.
            if starts_with_label(s, labels).is_none() {
                prop_assert_eq!(label_after_brackets(s, labels), None);
            }
            let by_all: Vec<&str> = labels
                .all()
                .iter()
                .map(|(w, _)| *w)
                .filter(|w| s.starts_with(w))
                .collect();
            let by_starting: Vec<&str> = labels
                .starting(s)
                .iter()
                .map(|(w, _)| *w)
                .filter(|w| s.starts_with(w))
                .collect();
            prop_assert_eq!(by_starting, by_all);
        }
        Ok(())
    }

    /// Each gated check gives what the check alone gives.
    fn gates_keep_the_checks(s: &str) -> Result<(), TestCaseError> {
        let lex = Lexicon::get();
        let (gates, bytes) = (&lex.gates, Some(ByteSet::of(s)));
        prop_assert_eq!(
            gates.may_meta(&bytes).then(|| meta(s, lex)).flatten(),
            meta(s, lex)
        );
        prop_assert_eq!(
            gates.may_tokens(&bytes).then(|| tokens(s, lex)).flatten(),
            tokens(s, lex)
        );
        prop_assert_eq!(
            gates.may_caption(s, &bytes, lex) && caption(s, lex),
            caption(s, lex)
        );
        prop_assert_eq!(gates.may_datetime(&bytes) && datetime(s), datetime(s));
        prop_assert_eq!(
            gates.may_crumb_trail(&bytes) && crumb_trail(s),
            crumb_trail(s)
        );
        prop_assert_eq!(gates.may_crumb_trail(&bytes), may_hold_crumb_sep(s));
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(3000))]
        #[test]
        fn has_colon_is_contains_colon(s in "[:：﹕︓一a：：]{0,6}|\\PC{0,12}") {
            prop_assert_eq!(has_colon(&s), s.contains([':', '：']));
        }

        #[test]
        fn line_cues_match_a_search_of_each_line(
            parts in proptest::collection::vec(
                "小编|网友投稿|侵权请联系|侵删|供大家参考|仅供大家参考|供大家参考借鉴|欢迎阅读|欢迎大家阅读|转载请注明|本文来自|【导语】|大家|参考|编|[ \u{3000}\u{200B}\u{FEFF}\t]|\n|\r\n|\r|，|正文",
                0..30,
            )
        ) {
            cues_match_a_search_of_each_line(&parts.concat())?;
        }

        #[test]
        fn line_cues_on_any_text(text in "\\PC{0,60}") {
            cues_match_a_search_of_each_line(&text)?;
        }

        #[test]
        fn gates_keep_the_checks_on_chrome_like_lines(
            s in "[下载打印本页关闭窗口字号大中小正文来源时间发布作者记者通讯员摄影供图图为张三李四某日报年月日时分秒12０９ 　【】（）|>＞»→›首页：:、，。=/.-]{0,20}"
        ) {
            gates_keep_the_checks(&s)?;
        }

        #[test]
        fn gates_keep_the_checks_on_any_line(s in "\\PC{0,20}") {
            gates_keep_the_checks(&s)?;
        }

        #[test]
        fn labels_keep_the_definition_on_chrome_like_lines(
            parts in proptest::collection::vec(
                "相关文章|推荐访问|当前位置|位置|上一篇|分享到|》》点击|【字号|Copyright|图为|首页|【|\\[|［|》|>|：|:| |1|a|文",
                0..6,
            )
        ) {
            labels_keep_the_definition(&parts.concat())?;
        }

        #[test]
        fn labels_keep_the_definition_on_any_line(s in "\\PC{0,12}") {
            labels_keep_the_definition(&s)?;
        }
    }

    #[test]
    fn every_chrome_token_starts_with_a_listed_first_character() {
        // `tokens` turns a token away when its first character is not in `token_firsts`.
        let lex = Lexicon::get();
        for tok in lex.strong_tokens.iter().chain(lex.weak_tokens.iter()) {
            let first = tok.chars().next().expect("no empty token");
            assert!(lex.token_firsts.binary_search(&first).is_ok(), "{tok:?}");
        }
    }

    #[test]
    fn a_fused_credit_and_name_take_three_characters() {
        // `caption` looks for a credit word fused to a name only in runs of three characters
        // or more: a credit word of one character at least and a name of two.
        let lex = Lexicon::get();
        assert!(!lex.credit.is_empty());
        for w in &lex.credit {
            assert!(w.chars().count() >= 1, "{w:?}");
        }
        assert!(caption("某某日报记者张三", lex));
        assert!(caption("开幕式现场。（记者 赵六 摄）", lex));
        assert!(!caption("张三", lex));
        assert!(!caption("我们召开了全体党员大会", lex));
    }

    #[test]
    fn labels_need_a_bracket_or_a_label_first_byte() {
        let lex = Lexicon::get();
        assert_eq!(
            starts_with_label("当前位置：首页", &lex.crumb),
            Some("：首页")
        );
        assert_eq!(
            starts_with_label("【当前位置：首页", &lex.crumb),
            Some("：首页")
        );
        assert_eq!(starts_with_label("位于当前位置：首页", &lex.crumb), None);
    }
}
