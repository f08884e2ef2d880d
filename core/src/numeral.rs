//! Numbers as written in Chinese reports: Arabic and full-width digits (with `,` thousands
//! separators and decimals), Chinese numerals and financial capitals, scale words (`万` `亿`),
//! mixes (`1.2万`, `2百`, `1,132.92亿`), digit strings (`二〇二六`), and ranges (`两三`, `七八十`,
//! `十几`, `几十`, `50-100`, `八到九百亿`, `七、八十`).
//!
//! [`scan`] finds the longest number starting at a byte position; [`parse`] reads a whole
//! string. Neither panics on any input, and both take time proportional to the number read.
//!
//! ```
//! use baogao::numeral::{parse, scan};
//! assert_eq!(parse("一万零十二").map(|n| n.value), Some(10012.0));
//! let n = parse("三四十万").unwrap();
//! assert_eq!((n.value, n.high), (300000.0, Some(400000.0)));
//! let s = scan("共有党员704人", 12).unwrap();
//! assert_eq!((s.end, s.number.value), (15, 704.0));
//! ```

/// A parsed number: a value and, for a range, a high end.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Number {
    /// The value (low end of a range).
    pub value: f64,
    /// The high end of a range.
    pub high: Option<f64>,
}

impl Number {
    /// Makes a number from a value and an optional high end.
    ///
    /// ```
    /// let n = baogao::numeral::Number::new(2.0, Some(3.0));
    /// assert_eq!(n.high, Some(3.0));
    /// ```
    pub fn new(value: f64, high: Option<f64>) -> Number {
        Number { value, high }
    }
}

/// A number found by [`scan`], with what the caller needs to judge it.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Scan {
    /// Byte offset just past the number.
    pub end: usize,
    /// The value (and high end of a range).
    pub number: Number,
    /// Whether Arabic (or full-width) digits were written.
    pub arabic: bool,
    /// Whether Chinese numerals (digits, `十百千`, capitals) were written.
    pub chinese: bool,
    /// A Chinese digit string read digit by digit (`二〇二六`).
    pub digit_string: bool,
    /// A big scale word (`万` `亿`) was applied.
    pub scaled: bool,
    /// No digit was written, only scale words (`千万`, `百`, `万亿`).
    pub scale_only: bool,
    /// `多`/`余` written inside the number before a scale word (`6600多万`).
    pub more: bool,
    /// A range (`两三`, `十几`, `50-100`, `八到九百亿`).
    pub range: bool,
    /// How many Arabic digits the integer part of the first number has (0 when Chinese).
    pub int_digits: usize,
    /// Whether the first Arabic number has a decimal part.
    pub decimal: bool,
    /// Whether the first Arabic number starts with a `0` followed by more digits (`08`).
    pub leading_zero: bool,
}

/// Parses a whole string as a number; `None` when it is not exactly one number.
///
/// ```
/// use baogao::numeral::parse;
/// assert_eq!(parse("12").map(|n| n.value), Some(12.0));
/// assert_eq!(parse("1,132.92亿").map(|n| n.value), Some(113_292_000_000.0));
/// assert_eq!(parse("二〇二六").map(|n| n.value), Some(2026.0));
/// let r = parse("十几").unwrap();
/// assert_eq!((r.value, r.high), (10.0, Some(19.0)));
/// assert!(parse("一些").is_none());
/// ```
pub fn parse(s: &str) -> Option<Number> {
    let sc = scan(s, 0)?;
    (sc.end == s.len()).then_some(sc.number)
}

/// Finds every number in `text`, left to right, as `(start, scan)` pairs (no overlap).
///
/// ```
/// let found: Vec<f64> = baogao::numeral::find_all("两三个人，共50-100家")
///     .iter().map(|(_, s)| s.number.value).collect();
/// assert_eq!(found, vec![2.0, 50.0]);
/// ```
pub fn find_all(text: &str) -> Vec<(usize, Scan)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        if starts_number(c) {
            if let Some(sc) = scan(text, i) {
                out.push((i, sc));
                i = sc.end.max(i + c.len_utf8());
                continue;
            }
        }
        i += c.len_utf8();
    }
    out
}

/// Whether a number may start with `c` (a digit, a Chinese numeral or scale word, or `几`).
///
/// ```
/// assert!(baogao::numeral::starts_number('三') && !baogao::numeral::starts_number('人'));
/// ```
pub fn starts_number(c: char) -> bool {
    let u = c as u32;
    if u < 0x80 {
        return c.is_ascii_digit();
    }
    if (CJK_FIRST..CJK_FIRST + 64 * CJK_WORDS as u32).contains(&u) {
        // most of a report: one bit look-up instead of the full match
        let k = (u - CJK_FIRST) as usize;
        return CJK_NUMERAL
            .get(k / 64)
            .is_some_and(|w| w & (1u64 << (k % 64)) != 0);
    }
    arabic_digit(c).is_some() || classify(c).is_some()
}

/// The offset of the first character at or after byte `from` of `text` that may start a
/// number (what [`starts_number`] says of it), read byte by byte: a number starts with an ASCII
/// digit, a full-width digit (EF BC 90–99), `〇` (E3 80 87) or one of the CJK ideographs of
/// [`CJK_NUMERAL`] (lead bytes E4–E9), so every other character is passed over by its lead
/// byte alone or, for an ideograph, one bit test, without decoding it as a `char`. `from`
/// must be a character boundary (the result is then one too).
pub(crate) fn next_start(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(&[lead, b1, b2]) = b.get(i..i + 3) {
        if lead < 0x80 {
            if lead.is_ascii_digit() {
                return Some(i);
            }
            i += 1;
        } else if (0xE4..=0xE9).contains(&lead) {
            // U+4000..U+9FFF: the lead byte and the next fix the word of the bitmap
            // (U+4000 + 64 × word), the last byte the bit
            let word = ((usize::from(lead & 0x0F) << 6) | usize::from(b1 & 0x3F)) - 0x100;
            if CJK_NUMERAL
                .get(word)
                .is_some_and(|w| (w >> (b2 & 0x3F)) & 1 != 0)
            {
                return Some(i);
            }
            i += 3;
        } else if matches!(
            [lead, b1, b2],
            [0xE3, 0x80, 0x87] | [0xEF, 0xBC, 0x90..=0x99]
        ) {
            return Some(i);
        } else {
            i += utf8_len(lead);
        }
    }
    // fewer than three bytes left: no room for a character of three, so only an ASCII digit
    let rest = b.get(i..)?;
    rest.iter().position(u8::is_ascii_digit).map(|k| i + k)
}

/// The length of the UTF-8 sequence that `lead` begins (1 for a byte that begins none).
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// First code point of the bitmap of CJK ideographs that may start a number (U+4000: the
/// first with lead byte E4, so that [`next_start`] finds a word from two bytes).
const CJK_FIRST: u32 = 0x4000;
/// Words of that bitmap (covers U+4000..U+9FFF).
const CJK_WORDS: usize = (0xA000 - 0x4000) / 64;
/// Bit `k` is set when U+4E00+k may start a number (the numeral characters of [`classify`]).
static CJK_NUMERAL: [u64; CJK_WORDS] = cjk_numeral_bits();

const fn cjk_numeral_bits() -> [u64; CJK_WORDS] {
    let chars = [
        '零', '〇', '一', '壹', '二', '贰', '貳', '两', '兩', '三', '叁', '參', '四', '肆', '五',
        '伍', '六', '陆', '陸', '七', '柒', '八', '捌', '九', '玖', '十', '拾', '百', '佰', '千',
        '仟', '万', '萬', '亿', '億', '廿', '卅', '几', '幾',
    ];
    let mut bits = [0u64; CJK_WORDS];
    let mut i = 0;
    while i < chars.len() {
        let u = chars[i] as u32;
        if u >= CJK_FIRST && u < CJK_FIRST + 64 * CJK_WORDS as u32 {
            let k = (u - CJK_FIRST) as usize;
            bits[k / 64] |= 1u64 << (k % 64);
        }
        i += 1;
    }
    bits
}

/// The value of an Arabic or full-width digit.
fn arabic_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Cls {
    Digit(u32),
    /// `两`: 2 but never part of a digit string.
    Liang,
    Unit(f64),
    Big(f64),
    /// `廿` `卅`: a digit times ten.
    Tens(u32),
    Ji,
}

fn classify(c: char) -> Option<Cls> {
    // most characters are no numeral: one bit look-up (or one comparison) says so
    let u = c as u32;
    if (CJK_FIRST..CJK_FIRST + 64 * CJK_WORDS as u32).contains(&u) {
        let k = (u - CJK_FIRST) as usize;
        if !CJK_NUMERAL
            .get(k / 64)
            .is_some_and(|w| w & (1u64 << (k % 64)) != 0)
        {
            return None;
        }
    } else if c != '〇' {
        return None;
    }
    Some(match c {
        '零' | '〇' => Cls::Digit(0),
        '一' | '壹' => Cls::Digit(1),
        '二' | '贰' | '貳' => Cls::Digit(2),
        '两' | '兩' => Cls::Liang,
        '三' | '叁' | '參' => Cls::Digit(3),
        '四' | '肆' => Cls::Digit(4),
        '五' | '伍' => Cls::Digit(5),
        '六' | '陆' | '陸' => Cls::Digit(6),
        '七' | '柒' => Cls::Digit(7),
        '八' | '捌' => Cls::Digit(8),
        '九' | '玖' => Cls::Digit(9),
        '十' | '拾' => Cls::Unit(10.0),
        '百' | '佰' => Cls::Unit(100.0),
        '千' | '仟' => Cls::Unit(1000.0),
        '万' | '萬' => Cls::Big(1e4),
        '亿' | '億' => Cls::Big(1e8),
        '廿' => Cls::Tens(2),
        '卅' => Cls::Tens(3),
        '几' | '幾' => Cls::Ji,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok {
    /// A digit or Arabic number: low and high (equal unless a digit range).
    Num(f64, f64),
    Unit(f64),
    Big(f64),
    Zero,
}

fn char_at(text: &str, at: usize) -> Option<char> {
    text.get(at..).and_then(|t| t.chars().next())
}

fn char_after(text: &str, at: usize) -> Option<char> {
    let c = char_at(text, at)?;
    char_at(text, at + c.len_utf8())
}

/// One number without a connector range.
#[derive(Debug, Clone, PartialEq)]
struct Single {
    end: usize,
    lo: f64,
    hi: f64,
    arabic: bool,
    chinese: bool,
    digit_string: bool,
    scaled: bool,
    scale_only: bool,
    more: bool,
    int_digits: usize,
    decimal: bool,
    leading_zero: bool,
    /// The product of the scale words after the last digit (`九百亿` → 1e10).
    trailing: f64,
    /// The first token was a lone Chinese digit (for `七、八十`).
    first_digit: Option<u32>,
    /// Number of tokens.
    ntok: usize,
    /// The character at `end` (read anyway, and asked for next).
    next: Option<char>,
}

/// Rounds away the binary noise of decimal arithmetic (`2.3 × 10⁸` → 230000000, not
/// 229999999.99999997), keeping 15 significant digits.
pub(crate) fn tidy(v: f64) -> f64 {
    if v == 0.0 || !v.is_finite() {
        return v;
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        // a whole number of at most 15 digits has no noise to round away (and the rounding
        // below, with its logarithm and power, is the costly part of reading a number)
        return v;
    }
    let mag = v.abs().log10().ceil();
    let digits = (15.0 - mag).clamp(0.0, 12.0);
    let f = 10f64.powf(digits);
    let r = (v * f).round() / f;
    if r.is_finite() {
        r
    } else {
        v
    }
}

fn eval(tokens: &[Tok], high: bool) -> f64 {
    let mut total = 0.0;
    let mut wan = 0.0;
    let mut section = 0.0;
    let mut cur: Option<f64> = None;
    for t in tokens {
        match *t {
            Tok::Num(lo, hi) => cur = Some(if high { hi } else { lo }),
            Tok::Zero => {}
            Tok::Unit(u) => {
                section += cur.take().unwrap_or(1.0) * u;
            }
            Tok::Big(b) => {
                if b >= 1e8 {
                    let p = total + wan + section + cur.take().unwrap_or(0.0);
                    total = if p == 0.0 { 1.0 } else { p } * b;
                    wan = 0.0;
                } else {
                    let p = section + cur.take().unwrap_or(0.0);
                    wan += if p == 0.0 { 1.0 } else { p } * b;
                }
                section = 0.0;
            }
        }
    }
    total + wan + section + cur.unwrap_or(0.0)
}

/// Reads an Arabic number at `at`: digits, `,` groups of three, decimal part.
/// Returns (end, value, int digits, decimal, leading zero).
/// The ASCII digits (and point) of an Arabic number, on the stack.
#[derive(Debug)]
struct Digits {
    buf: [u8; 64],
    len: usize,
}

impl Default for Digits {
    fn default() -> Digits {
        Digits {
            buf: [0; 64],
            len: 0,
        }
    }
}

impl Digits {
    fn len(&self) -> usize {
        self.len
    }

    fn push(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    fn as_bytes(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

/// The tokens of one number: on the stack for any real number, on the heap past that.
#[derive(Debug)]
struct Toks {
    inline: [Tok; 16],
    len: usize,
    heap: Vec<Tok>,
}

impl Toks {
    fn new() -> Toks {
        Toks {
            inline: [Tok::Zero; 16],
            len: 0,
            heap: Vec::new(),
        }
    }

    fn as_slice(&self) -> &[Tok] {
        if self.heap.is_empty() {
            self.inline.get(..self.len).unwrap_or(&[])
        } else {
            &self.heap
        }
    }

    fn push(&mut self, t: Tok) {
        if self.heap.is_empty() {
            if let Some(slot) = self.inline.get_mut(self.len) {
                *slot = t;
                self.len += 1;
                return;
            }
            self.heap.extend_from_slice(&self.inline);
        }
        self.heap.push(t);
    }

    fn pop(&mut self) {
        if self.heap.is_empty() {
            self.len = self.len.saturating_sub(1);
        } else {
            self.heap.pop();
            if self.heap.is_empty() {
                self.len = 0;
            }
        }
    }

    fn last(&self) -> Option<&Tok> {
        self.as_slice().last()
    }

    fn len(&self) -> usize {
        self.as_slice().len()
    }

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn iter(&self) -> std::slice::Iter<'_, Tok> {
        self.as_slice().iter()
    }
}

fn arabic(text: &str, at: usize) -> Option<(usize, f64, usize, bool, bool)> {
    // the digits as written, for an exact parse (no allocation: numbers are short)
    let mut s = Digits::default();
    let mut i = at;
    let mut int_digits = 0;
    let mut group = 0; // digits since the start or the last separator
    let mut seen_sep = false;
    while let Some(c) = char_at(text, i) {
        if let Some(d) = arabic_digit(c) {
            if s.len() < 40 {
                s.push(b'0' + d as u8);
            }
            int_digits += 1;
            group += 1;
            i += c.len_utf8();
        } else if c == ',' && group > 0 && (if seen_sep { group == 3 } else { group <= 3 }) {
            // a thousands separator: exactly three digits follow, then no digit
            let mut j = i + 1;
            let mut n = 0;
            while char_at(text, j).is_some_and(|d| d.is_ascii_digit()) && n < 4 {
                n += 1;
                j += 1;
            }
            if n != 3 {
                break;
            }
            seen_sep = true;
            group = 0;
            i += 1;
        } else {
            break;
        }
    }
    if int_digits == 0 || (seen_sep && group != 3) {
        return None;
    }
    let leading_zero = int_digits > 1 && s.as_bytes().first() == Some(&b'0');
    let mut decimal = false;
    if let Some(c) = char_at(text, i) {
        if c == '.' || c == '．' {
            let j = i + c.len_utf8();
            if char_at(text, j).and_then(arabic_digit).is_some() {
                decimal = true;
                s.push(b'.');
                i = j;
                while let Some(c) = char_at(text, i) {
                    let Some(d) = arabic_digit(c) else { break };
                    if s.len() < 60 {
                        s.push(b'0' + d as u8);
                    }
                    i += c.len_utf8();
                }
            }
        }
    }
    let value = if !decimal && s.len() <= 15 {
        // a whole number of at most 15 digits is exact in an f64: sum it directly
        s.as_bytes()
            .iter()
            .fold(0u64, |v, &d| v * 10 + u64::from(d - b'0')) as f64
    } else {
        std::str::from_utf8(s.as_bytes())
            .ok()?
            .parse::<f64>()
            .ok()?
    };
    Some((i, value, int_digits, decimal, leading_zero))
}

/// The financial capitals (`壹贰叁肆伍陆柒捌玖拾佰仟`).
fn is_capital(c: char) -> bool {
    matches!(
        c,
        '壹' | '贰'
            | '貳'
            | '叁'
            | '參'
            | '肆'
            | '伍'
            | '陆'
            | '陸'
            | '柒'
            | '捌'
            | '玖'
            | '拾'
            | '佰'
            | '仟'
            | '萬'
            | '億'
    )
}

fn liang_or_digit(c: Cls) -> Option<u32> {
    match c {
        Cls::Digit(d) => Some(d),
        Cls::Liang => Some(2),
        _ => None,
    }
}

/// Whether `a` then `b` written side by side form a range (`两三` `七八` `一两` `三五`).
fn digit_pair(a: u32, b: u32) -> bool {
    a >= 1 && b == a + 1 && b <= 9
}

/// Whether `c`, right after a first number, lets it end there: no numeral, scale word or
/// `多`/`余` that the token loop of [`scan_single_with`] could read on.
fn ends_lone(c: Option<char>, arabic: bool) -> bool {
    c.map_or(true, |c| {
        c != '多'
            && c != '余'
            && match classify(c) {
                None => true,
                // after Arabic digits a Chinese digit (or 两 廿 几) ends the number at once
                Some(Cls::Digit(_) | Cls::Liang | Cls::Tens(_) | Cls::Ji) => arabic,
                Some(Cls::Unit(_) | Cls::Big(_)) => false,
            }
    })
}

/// One number without a connector range (see [`scan`]).
fn scan_single(text: &str, at: usize) -> Option<Single> {
    scan_single_with::<true>(text, at)
}

/// [`scan_single`]; with `QUICK`, the common short numbers (a lone Chinese digit as in `一、`,
/// `三个`; an Arabic number with no scale word after it) are returned as soon as they are
/// read, without the token machinery (which gives the same result for them: the tests compare
/// both ways).
fn scan_single_with<const QUICK: bool>(text: &str, at: usize) -> Option<Single> {
    let first = char_at(text, at)?;
    let mut sg = Single {
        end: at,
        lo: 0.0,
        hi: 0.0,
        arabic: false,
        chinese: false,
        digit_string: false,
        scaled: false,
        scale_only: true,
        more: false,
        int_digits: 0,
        decimal: false,
        leading_zero: false,
        trailing: 1.0,
        first_digit: None,
        ntok: 0,
        next: None,
    };
    let read = if arabic_digit(first).is_some() {
        Some(arabic(text, at)?)
    } else {
        None
    };
    if QUICK {
        match read {
            Some((end, v, nd, dec, lz)) if ends_lone(char_at(text, end), true) => {
                sg.next = char_at(text, end);
                let lo = tidy(v);
                if !lo.is_finite() {
                    return None;
                }
                sg.end = end;
                sg.lo = lo;
                sg.hi = lo;
                sg.arabic = true;
                sg.scale_only = false;
                sg.int_digits = nd;
                sg.decimal = dec;
                sg.leading_zero = lz;
                sg.ntok = 1;
                return Some(sg);
            }
            Some(_) => {}
            None => {
                // a lone digit (not a financial capital: alone, that is a word) before
                // anything that cannot continue a number
                let d = match classify(first) {
                    Some(Cls::Digit(d)) if !is_capital(first) => Some(d),
                    Some(Cls::Liang) => Some(2),
                    _ => None,
                };
                let end = at + first.len_utf8();
                let next = char_at(text, end);
                if let Some(d) = d.filter(|_| ends_lone(next, false)) {
                    sg.end = end;
                    sg.next = next;
                    sg.lo = f64::from(d);
                    sg.hi = sg.lo;
                    sg.chinese = true;
                    sg.scale_only = false;
                    // a lone 零 is no first digit (of 七、八十)
                    sg.first_digit = (d != 0).then_some(d);
                    sg.ntok = 1;
                    return Some(sg);
                }
            }
        }
    }
    let mut tokens = Toks::new();
    let mut i = at;
    if let Some((end, v, nd, dec, lz)) = read {
        tokens.push(Tok::Num(v, v));
        sg.arabic = true;
        sg.scale_only = false;
        sg.int_digits = nd;
        sg.decimal = dec;
        sg.leading_zero = lz;
        i = end;
    } else {
        let c0 = classify(first)?;
        // a digit string such as 二〇二六 / 一九九八
        if let Cls::Digit(d0) = c0 {
            let mut j = at + first.len_utf8();
            // the digits read so far: how many, and their value (left to right)
            let (mut ndigits, mut v) = (1, f64::from(d0));
            let mut has_zero = d0 == 0;
            while let Some(c) = char_at(text, j) {
                match classify(c) {
                    Some(Cls::Digit(d)) => {
                        ndigits += 1;
                        v = v * 10.0 + f64::from(d);
                        has_zero |= d == 0;
                        j += c.len_utf8();
                        if ndigits > 12 {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let next_is_unit = matches!(
                char_at(text, j).and_then(classify),
                Some(Cls::Unit(_) | Cls::Big(_))
            );
            if (ndigits == 4 || (ndigits >= 2 && has_zero && d0 != 0)) && !next_is_unit {
                sg.end = j;
                sg.lo = v;
                sg.hi = v;
                sg.chinese = true;
                sg.digit_string = true;
                sg.scale_only = false;
                sg.ntok = ndigits;
                sg.next = char_at(text, j);
                return Some(sg);
            }
        }
    }
    // Chinese numerals (and scale words after an Arabic number)
    let mut last_unit = f64::INFINITY; // units must fall within a section
    let mut after_big_no_zero = false;
    let mut after_high_unit = false; // last token Unit(>=100) or Big, with no 零 since
    let mut more_at: Option<usize> = None;
    loop {
        // 6600多万 / 十多万: 多 or 余 before a big scale word
        if more_at.is_none() {
            if let Some(m) = char_at(text, i).filter(|m| *m == '多' || *m == '余') {
                let after = char_after(text, i);
                if matches!(tokens.last(), Some(Tok::Num(..) | Tok::Unit(_)))
                    && matches!(after.and_then(classify), Some(Cls::Big(_)))
                {
                    more_at = Some(i);
                    i += m.len_utf8();
                }
            }
        }
        let Some(c) = char_at(text, i) else { break };
        let Some(cls) = classify(c) else { break };
        let next = char_at(text, i + c.len_utf8());
        let more_pending = more_at.is_some() && !sg.more;
        if more_pending && !matches!(cls, Cls::Big(_)) {
            break;
        }
        match cls {
            Cls::Digit(_) | Cls::Liang | Cls::Tens(_) | Cls::Ji if sg.arabic => break,
            Cls::Digit(0) => {
                if tokens.is_empty() {
                    // a lone 零 / 〇
                    tokens.push(Tok::Num(0.0, 0.0));
                    sg.scale_only = false;
                    sg.chinese = true;
                    i += c.len_utf8();
                    break;
                }
                if matches!(tokens.last(), Some(Tok::Unit(_) | Tok::Big(_))) {
                    tokens.push(Tok::Zero);
                    after_big_no_zero = false;
                    after_high_unit = false;
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            Cls::Digit(_) | Cls::Liang => {
                let d = liang_or_digit(cls).unwrap_or(0);
                let next_unit = matches!(
                    next.and_then(classify),
                    Some(Cls::Unit(_) | Cls::Big(_) | Cls::Ji)
                );
                if let Some(Tok::Num(lo, hi)) = tokens.last().copied() {
                    // 两三 / 七八十: two neighbouring digits opening the number
                    if tokens.len() == 1 && lo == hi && digit_pair(lo as u32, d) && d != 2 {
                        tokens.pop();
                        tokens.push(Tok::Num(lo, f64::from(d)));
                        i += c.len_utf8();
                        continue;
                    }
                    if tokens.len() == 1 && lo == 1.0 && hi == 1.0 && cls == Cls::Liang {
                        tokens.pop();
                        tokens.push(Tok::Num(1.0, 2.0));
                        i += c.len_utf8();
                        continue;
                    }
                    break;
                }
                if (after_big_no_zero || after_high_unit) && !next_unit {
                    // 二百五 / 两万一: colloquial, not read
                    break;
                }
                tokens.push(Tok::Num(f64::from(d), f64::from(d)));
                if tokens.len() == 1 {
                    sg.first_digit = Some(d);
                }
                sg.scale_only = false;
                sg.chinese = true;
                i += c.len_utf8();
            }
            Cls::Tens(d) => {
                if !tokens.is_empty() {
                    break;
                }
                tokens.push(Tok::Num(f64::from(d), f64::from(d)));
                tokens.push(Tok::Unit(10.0));
                last_unit = 10.0;
                sg.scale_only = false;
                sg.chinese = true;
                i += c.len_utf8();
            }
            Cls::Ji => {
                let next_unit = matches!(next.and_then(classify), Some(Cls::Unit(_) | Cls::Big(_)));
                match tokens.last() {
                    Some(Tok::Unit(u)) if *u == 10.0 => tokens.push(Tok::Num(0.0, 9.0)),
                    None if next_unit => tokens.push(Tok::Num(2.0, 9.0)),
                    _ => break,
                }
                sg.scale_only = false;
                sg.chinese = true;
                i += c.len_utf8();
            }
            Cls::Unit(u) => {
                if next == Some('分') && (u == 100.0 || tokens.is_empty()) {
                    break;
                }
                if u == 1000.0
                    && matches!(
                        next,
                        Some('瓦' | '克' | '米' | '伏' | '帕' | '赫' | '卡' | '焦' | '兆')
                    )
                {
                    break;
                }
                if u >= last_unit
                    || matches!(tokens.last(), Some(Tok::Unit(_)))
                    || (after_big_no_zero && !matches!(tokens.last(), Some(Tok::Num(..))))
                    || (sg.arabic && !matches!(tokens.last(), Some(Tok::Num(..))))
                {
                    break;
                }
                if tokens.is_empty() && u == 10.0 {
                    // 十 alone is a numeral (10), not a bare scale word
                    sg.scale_only = false;
                }
                tokens.push(Tok::Unit(u));
                last_unit = u;
                after_high_unit = u >= 100.0;
                after_big_no_zero = false;
                if !sg.arabic {
                    sg.chinese = true;
                }
                i += c.len_utf8();
            }
            Cls::Big(b) => {
                if let Some(Tok::Big(pb)) = tokens.last() {
                    // 万亿 only
                    if *pb >= b {
                        break;
                    }
                }
                tokens.push(Tok::Big(b));
                last_unit = f64::INFINITY;
                after_big_no_zero = true;
                after_high_unit = true;
                sg.scaled = true;
                if more_pending {
                    sg.more = true;
                }
                i += c.len_utf8();
            }
        }
    }
    if tokens.is_empty() {
        return None;
    }
    // a lone financial capital (队伍, 收拾, 陆续) is a word, not a number
    if !sg.arabic && i == at + first.len_utf8() && is_capital(first) {
        return None;
    }
    if let (Some(m), false) = (more_at, sg.more) {
        i = m;
    }
    sg.end = i;
    sg.lo = tidy(eval(tokens.as_slice(), false));
    // the high end differs only when a token is itself a range (两三, 十几)
    let ranged = tokens
        .iter()
        .any(|t| matches!(*t, Tok::Num(lo, hi) if lo != hi));
    sg.hi = if ranged {
        tidy(eval(tokens.as_slice(), true))
    } else {
        sg.lo
    };
    sg.ntok = tokens.len();
    let mut trailing = 1.0;
    for t in tokens.iter().rev() {
        match *t {
            Tok::Unit(u) | Tok::Big(u) => trailing *= u,
            _ => break,
        }
    }
    sg.trailing = trailing;
    if !sg.lo.is_finite() || !sg.hi.is_finite() {
        return None;
    }
    sg.next = char_at(text, sg.end);
    Some(sg)
}

fn to_scan(sg: &Single) -> Scan {
    Scan {
        end: sg.end,
        number: Number {
            value: sg.lo,
            high: (sg.hi != sg.lo).then_some(sg.hi),
        },
        arabic: sg.arabic,
        chinese: sg.chinese,
        digit_string: sg.digit_string,
        scaled: sg.scaled,
        scale_only: sg.scale_only,
        more: sg.more,
        range: sg.hi != sg.lo,
        int_digits: sg.int_digits,
        decimal: sg.decimal,
        leading_zero: sg.leading_zero,
    }
}

/// The characters after which [`lone_digit`] reads a digit alone (clause punctuation: no
/// numeral, scale word, connector or unit starts with one); its byte table spells them out, the
/// tests check both against each other.
#[cfg(test)]
pub(crate) const LONE_ENDS: [char; 4] = ['、', '，', '。', '；'];

/// A lone Chinese digit `一`..`九` or `两` at `at` followed by `、` `，` `。` or `；` (and, after
/// `、`, not by the next digit, as in `七、八十`): what [`scan`] returns there, read without the
/// general machinery (the tests compare both). `None` for anything else, which does not mean
/// that no number starts at `at`.
#[inline]
pub(crate) fn lone_digit(text: &str, at: usize) -> Option<Scan> {
    lone_at(text, at).map(|l| l.scan(at))
}

/// A lone digit as [`lone_at`] reads it (the [`Scan`] is built only when asked for).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Lone {
    /// Its value, 1 to 9.
    pub value: u32,
    /// Whether `、` follows it (else `，` `。` or `；`).
    pub dun: bool,
}

impl Lone {
    /// The length of a lone digit in bytes.
    pub const LEN: usize = 3;

    /// What [`scan`] returns for this digit written at `at`.
    pub fn scan(self, at: usize) -> Scan {
        Scan {
            end: at + Lone::LEN,
            number: Number {
                value: f64::from(self.value),
                high: None,
            },
            arabic: false,
            chinese: true,
            digit_string: false,
            scaled: false,
            scale_only: false,
            more: false,
            range: false,
            int_digits: 0,
            decimal: false,
            leading_zero: false,
        }
    }
}

/// [`lone_digit`] without building its [`Scan`].
#[inline]
pub(crate) fn lone_at(text: &str, at: usize) -> Option<Lone> {
    let b = text.as_bytes();
    // every digit here starts with E4 or E5: one test turns away everything else
    if !matches!(b.get(at), Some(0xE4 | 0xE5)) {
        return None;
    }
    let d = digit3(b.get(at..at + 3)?)?;
    let end = at + 3;
    // 、 E3 80 81, ， EF BC 8C, 。 E3 80 82, ； EF BC 9B (the LONE_ENDS)
    let dun = match b.get(end..end + 3)? {
        [0xE3, 0x80, 0x81] => true,
        [0xE3, 0x80, 0x82] | [0xEF, 0xBC, 0x8C | 0x9B] => false,
        _ => return None,
    };
    if dun {
        // 七、八十: the next digit after 、 makes a range (read by scan)
        let after = end + 3;
        let follows = match b.get(after..after + 3).and_then(digit3) {
            Some(n) => Some(n),
            None => char_at(text, after)
                .and_then(classify)
                .and_then(liang_or_digit),
        };
        if follows == Some(d + 1) {
            return None;
        }
    }
    Some(Lone { value: d, dun })
}

/// The digit `一`..`九` or `两` written in these three bytes.
#[inline]
fn digit3(b: &[u8]) -> Option<u32> {
    Some(match b {
        [0xE4, 0xB8, 0x80] => 1, // 一
        [0xE4, 0xBA, 0x8C] => 2, // 二
        [0xE4, 0xB8, 0xA4] => 2, // 两
        [0xE4, 0xB8, 0x89] => 3, // 三
        [0xE5, 0x9B, 0x9B] => 4, // 四
        [0xE4, 0xBA, 0x94] => 5, // 五
        [0xE5, 0x85, 0xAD] => 6, // 六
        [0xE4, 0xB8, 0x83] => 7, // 七
        [0xE5, 0x85, 0xAB] => 8, // 八
        [0xE4, 0xB9, 0x9D] => 9, // 九
        _ => return None,
    })
}

/// Range connectors between two numbers.
fn connector(c: char) -> bool {
    matches!(c, '-' | '—' | '–' | '～' | '~' | '〜' | '至' | '到' | '－')
}

/// Finds the longest number starting exactly at byte `at` of `text` (which must be a character
/// boundary); `None` when no number starts there.
///
/// Ranges are read whole: `两三` (2–3), `七八十` (70–80), `十几` (10–19), `几十` (20–90),
/// `三四十万`, `50-100`, `3-5万` (30000–50000), `八到九百亿`, `七、八十` (70–80).
///
/// ```
/// use baogao::numeral::scan;
/// let s = scan("八到九百亿元", 0).unwrap();
/// assert_eq!((s.number.value, s.number.high), (8e10, Some(9e10)));
/// assert_eq!(&"八到九百亿元"[..s.end], "八到九百亿");
/// let s = scan("6600多万纳税人", 0).unwrap();
/// assert!(s.more && s.scaled && s.number.value == 66_000_000.0);
/// assert!(scan("人", 0).is_none());
/// ```
pub fn scan(text: &str, at: usize) -> Option<Scan> {
    if !text.is_char_boundary(at) {
        return None;
    }
    let a = scan_single(text, at)?;
    let mut out = to_scan(&a);
    let Some(c) = a.next else {
        return Some(out);
    };
    // 七、八十: a digit, 、, the next digit with a unit
    if c == '、' && a.chinese && a.ntok == 1 && !a.digit_string {
        // the next number must open with the next digit (a cheap test before reading it)
        let after = a.end + c.len_utf8();
        let opens_next = |d1: u32| {
            char_at(text, after)
                .and_then(classify)
                .and_then(liang_or_digit)
                .is_some_and(|d| d == d1 + 1)
        };
        let b = a
            .first_digit
            .filter(|&d1| opens_next(d1))
            .and_then(|_| scan_single(text, after));
        if let (Some(d1), Some(b)) = (a.first_digit, b) {
            if b.first_digit == Some(d1 + 1) && b.trailing > 1.0 && !b.arabic && !b.range_like() {
                let lo = f64::from(d1) * b.trailing;
                out = to_scan(&b);
                out.number = Number {
                    value: lo,
                    high: Some(b.hi),
                };
                out.range = true;
                return Some(out);
            }
        }
        return Some(out);
    }
    if !connector(c) || a.digit_string || a.range_like() {
        return Some(out);
    }
    // the connector may be doubled (——)
    let mut j = a.end + c.len_utf8();
    if c == '—' && char_at(text, j) == Some('—') {
        j += '—'.len_utf8();
    }
    let Some(b) = scan_single(text, j) else {
        return Some(out);
    };
    if b.arabic != a.arabic || b.digit_string || b.range_like() || a.leading_zero || b.leading_zero
    {
        return Some(out);
    }
    let mut lo = a.lo;
    if a.trailing == 1.0 && b.trailing > 1.0 && !a.scaled {
        let scaled = lo * b.trailing;
        if scaled <= b.lo {
            lo = scaled;
        }
    }
    if lo >= b.lo || lo.is_nan() {
        return Some(out);
    }
    let mut r = to_scan(&b);
    r.number = Number {
        value: lo,
        high: Some(b.lo),
    };
    r.range = true;
    r.int_digits = a.int_digits;
    r.decimal = a.decimal || b.decimal;
    r.leading_zero = false;
    r.more = a.more || b.more;
    r.scale_only = a.scale_only && b.scale_only;
    Some(r)
}

impl Single {
    fn range_like(&self) -> bool {
        self.hi != self.lo
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The token buffer behaves as a Vec, on the stack and past it.
        #[test]
        fn toks_behave_as_a_vec(ops in proptest::collection::vec(0u8..4, 0..80)) {
            let (mut t, mut v) = (Toks::new(), Vec::new());
            for (k, op) in ops.into_iter().enumerate() {
                if op == 0 {
                    t.pop();
                    v.pop();
                } else {
                    let tok = Tok::Num(k as f64, f64::from(op));
                    t.push(tok);
                    v.push(tok);
                }
                proptest::prop_assert_eq!(t.as_slice(), v.as_slice());
                proptest::prop_assert_eq!(t.last(), v.last());
                proptest::prop_assert_eq!(t.len(), v.len());
            }
        }
    }

    /// Characters that matter to the numeral reader, and a few that do not.
    const ALPHABET: &str =
        "零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅几幾\
                            0159０５多余.．,、-—至到分瓦人个a ";

    /// The quick way of reading a number gives what the token machinery gives.
    fn same_both_ways(text: &str) {
        let mut at = 0;
        while at <= text.len() {
            let quick = scan_single_with::<true>(text, at);
            assert_eq!(
                quick,
                scan_single_with::<false>(text, at),
                "{text:?} at {at}"
            );
            if let Some(q) = quick {
                assert_eq!(q.next, char_at(text, q.end), "{text:?} at {at}");
            }
            at += text
                .get(at..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
        }
    }

    /// [`lone_digit`] says what [`scan`] says wherever it says anything.
    fn lone_digit_agrees(text: &str) {
        for at in 0..=text.len() {
            if let Some(l) = lone_digit(text, at) {
                assert_eq!(Some(l), scan(text, at), "{text:?} at {at}");
            }
        }
    }

    #[test]
    fn lone_digits_agree_with_scan_exhaustively() {
        let alphabet = format!("{ALPHABET}，。；");
        crate::test_support::every_string(&alphabet, 3, |t| {
            for d in ["", "、", "、三", "，", "。"] {
                lone_digit_agrees(&format!("{t}{d}"));
            }
        });
        // it does read the lone digits it is meant for
        assert!(lone_digit("一、一、", 0).is_some());
        assert!(lone_digit("两。", 0).is_some());
        assert!(lone_digit("七、八十", 0).is_none());
        assert!(lone_digit("壹、", 0).is_none());
        // every digit and every end of the byte tables
        for (k, c) in "一二三四五六七八九".chars().enumerate() {
            for p in LONE_ENDS {
                let t = format!("{c}{p}");
                let l = lone_digit(&t, 0);
                assert_eq!(l.map(|l| l.number.value), Some(k as f64 + 1.0), "{t}");
            }
        }
        assert!(lone_digit("两；", 0).is_some());
        assert!(lone_digit("一：", 0).is_none());
    }

    #[test]
    fn quick_numbers_agree_with_the_token_machinery_exhaustively() {
        crate::test_support::every_string(ALPHABET, 3, same_both_ways);
    }

    proptest::proptest! {
        /// The same on longer strings of the same characters.
        #[test]
        fn quick_numbers_agree_with_the_token_machinery(
            picks in proptest::collection::vec(0usize..64, 0..12)
        ) {
            let chars: Vec<char> = ALPHABET.chars().collect();
            let text: String = picks.iter().filter_map(|&k| chars.get(k % chars.len())).collect();
            same_both_ways(&text);
        }

        /// And the lone digit path agrees with [`scan`].
        #[test]
        fn lone_digits_agree_with_scan(
            picks in proptest::collection::vec(0usize..68, 0..12)
        ) {
            let chars: Vec<char> = ALPHABET.chars().chain("，。；".chars()).collect();
            let text: String = picks.iter().filter_map(|&k| chars.get(k % chars.len())).collect();
            lone_digit_agrees(&text);
        }
    }

    #[test]
    fn whole_numbers_are_tidy_already() {
        // the shortcut in `tidy` returns what the rounding would
        let round = |v: f64| {
            let mag = v.abs().log10().ceil();
            let f = 10f64.powf((15.0 - mag).clamp(0.0, 12.0));
            (v * f).round() / f
        };
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        let samples = (1..200_000u64).chain((0..200_000).map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % 999_999_999_999_999
        }));
        for n in samples {
            let v = n as f64;
            assert_eq!(tidy(v), round(v), "{n}");
            assert_eq!(tidy(-v), round(-v), "-{n}");
        }
    }

    #[test]
    fn whole_arabic_numbers_read_as_the_float_parser_does() {
        let mut x: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..100_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let digits = format!("{}", x % 10u64.pow((x % 16) as u32 + 1));
            let expected: f64 = digits.parse().unwrap();
            let got = arabic(&digits, 0).map(|a| a.1);
            assert_eq!(got, Some(expected), "{digits}");
        }
        assert_eq!(arabic("007", 0).map(|a| a.1), Some(7.0));
        assert_eq!(
            arabic("999999999999999", 0).map(|a| a.1),
            Some(999_999_999_999_999.0)
        );
    }

    #[test]
    fn long_numeral_runs_are_read_without_limits() {
        // more tokens than the stack buffer holds
        let text = "一万".repeat(30);
        let s = scan(&text, 0);
        assert!(s.is_some_and(|s| s.end > 16 * "一万".len()));
        let digits = format!("{}.{}", "9".repeat(50), "1".repeat(50));
        let s = scan(&digits, 0);
        assert!(s.is_some_and(|s| s.end == digits.len() && s.decimal));
    }

    fn v(s: &str) -> Option<(f64, Option<f64>)> {
        parse(s).map(|n| (n.value, n.high))
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-6 * b.abs().max(1.0)
    }

    fn val(s: &str) -> f64 {
        match parse(s) {
            Some(n) => n.value,
            None => panic!("no number in {s}"),
        }
    }

    #[test]
    fn arabic_forms() {
        assert_eq!(v("704"), Some((704.0, None)));
        assert_eq!(v("5.2"), Some((5.2, None)));
        assert_eq!(v("1,132.92"), Some((1132.92, None)));
        assert_eq!(v("12,345,678"), Some((12345678.0, None)));
        assert_eq!(v("１２３"), Some((123.0, None)));
        assert_eq!(v("１．５"), Some((1.5, None)));
        assert!(close(val("1.2万"), 12000.0));
        assert!(close(val("325.3万"), 3253000.0));
        assert!(close(val("1,132.92亿"), 113292000000.0));
        assert!(close(val("2百"), 200.0));
        assert!(close(val("8千"), 8000.0));
        assert!(close(val("1.39万亿"), 1.39e12));
        assert!(close(val("3千万"), 3e7));
        assert!(close(val("13697.5亿"), 1369750000000.0));
        assert_eq!(val("2.3亿"), 230_000_000.0);
        assert_eq!(val("83.9亿"), 8_390_000_000.0);
    }

    #[test]
    fn separators_that_are_not_thousands() {
        // 1,23 is not a thousands group: the number stops at the comma
        let s = scan("1,23个", 0).unwrap();
        assert_eq!(s.end, 1);
        // a trailing dot is not a decimal
        let s = scan("1.加强", 0).unwrap();
        assert_eq!(s.end, 1);
    }

    #[test]
    fn chinese_forms() {
        assert_eq!(val("一千二百三十四"), 1234.0);
        assert_eq!(val("两万"), 20000.0);
        assert_eq!(val("十万"), 100000.0);
        assert_eq!(val("零"), 0.0);
        assert_eq!(val("〇"), 0.0);
        assert_eq!(val("廿"), 20.0);
        assert_eq!(val("廿三"), 23.0);
        assert_eq!(val("壹佰贰拾叁"), 123.0);
        assert_eq!(val("叁仟"), 3000.0);
        // a lone capital is a word: 队伍, 收拾
        assert!(scan("伍支", 0).is_none());
        assert!(scan("拾", 0).is_none());
        assert_eq!(val("二〇二六"), 2026.0);
        assert_eq!(val("一九九八"), 1998.0);
        assert_eq!(val("一万零十二"), 10012.0);
        assert_eq!(val("一百零五"), 105.0);
        assert_eq!(val("十七"), 17.0);
        assert_eq!(val("二十万亿"), 2e13);
        assert_eq!(val("千亿"), 1e11);
        assert_eq!(val("万亿"), 1e12);
        assert_eq!(val("三万四千"), 34000.0);
        assert_eq!(val("十五"), 15.0);
        assert_eq!(val("八十"), 80.0);
        assert_eq!(val("一亿三千万"), 1.3e8);
    }

    #[test]
    fn ranges_without_joining_digits() {
        assert_eq!(v("两三"), Some((2.0, Some(3.0))));
        assert_eq!(v("一两"), Some((1.0, Some(2.0))));
        assert_eq!(v("七八十"), Some((70.0, Some(80.0))));
        assert_eq!(v("十几"), Some((10.0, Some(19.0))));
        assert_eq!(v("几十"), Some((20.0, Some(90.0))));
        assert_eq!(v("三四十万"), Some((300000.0, Some(400000.0))));
        assert_eq!(v("七、八十"), Some((70.0, Some(80.0))));
        assert_eq!(v("50-100"), Some((50.0, Some(100.0))));
        assert_eq!(v("3-5万"), Some((30000.0, Some(50000.0))));
        assert_eq!(v("八到九百亿"), Some((8e10, Some(9e10))));
        assert_eq!(v("3至5"), Some((3.0, Some(5.0))));
        assert_eq!(v("1—6"), Some((1.0, Some(6.0))));
    }

    #[test]
    fn not_numbers_or_cut_short() {
        assert!(parse("一些").is_none());
        assert!(parse("几").is_none());
        assert!(parse("人").is_none());
        assert!(parse("").is_none());
        // 几 alone before a measure word is vague
        assert!(scan("几个方面", 0).is_none());
        // 千瓦: 千 belongs to the unit
        let s = scan("8041.6万千瓦", 0).unwrap();
        assert_eq!(&"8041.6万千瓦"[..s.end], "8041.6万");
        let s = scan("1亿千瓦", 0).unwrap();
        assert_eq!(s.number.value, 1e8);
        // 百分之: 百 is not a number there
        assert!(scan("百分之七", 0).is_none());
        // 十四五 reads 十四 and stops
        assert_eq!(scan("十四五", 0).unwrap().number.value, 14.0);
        // 1万一: the 一 is not read
        let s = scan("1万一般", 0).unwrap();
        assert_eq!(s.number.value, 10000.0);
        assert_eq!(s.end, "1万".len());
        // a date is not a range
        let s = scan("2023-08-08", 0).unwrap();
        assert_eq!((s.number.value, s.range), (2023.0, false));
        // 两三个 is 2-3, never 23
        let s = scan("两三个", 0).unwrap();
        assert_eq!(s.number.high, Some(3.0));
        // 百 before 分 is not read
        assert!(scan("百分点", 0).is_none());
    }

    #[test]
    fn more_inside() {
        let s = scan("6600多万", 0).unwrap();
        assert!(s.more);
        assert_eq!(s.number.value, 66_000_000.0);
        let s = scan("十多万", 0).unwrap();
        assert!(s.more);
        assert_eq!(s.number.value, 100_000.0);
        // 多 before a measure word is left to the caller
        let s = scan("20多个", 0).unwrap();
        assert!(!s.more);
        assert_eq!(s.end, 2);
    }

    #[test]
    fn scan_positions_and_boundaries() {
        let t = "共有党员704人";
        assert_eq!(scan(t, 12).map(|s| s.end), Some(15));
        assert!(scan(t, 1).is_none());
        assert!(scan(t, 100).is_none());
        let all = find_all("分别提高20.9、36.2、54个百分点");
        let vals: Vec<f64> = all.iter().map(|(_, s)| s.number.value).collect();
        assert_eq!(vals, vec![20.9, 36.2, 54.0]);
    }

    #[test]
    fn classify_knows_exactly_the_numerals() {
        // written out here, independently of the bitmap that classify consults first
        let numerals =
            "零〇一壹二贰貳两兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億廿卅几幾";
        for u in 0..0x11000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(classify(c).is_some(), numerals.contains(c), "{c}");
            }
        }
    }

    #[test]
    fn starts_number_agrees_with_classify() {
        for u in 0..0x11000u32 {
            if let Some(c) = char::from_u32(u) {
                let slow = arabic_digit(c).is_some() || classify(c).is_some();
                assert_eq!(starts_number(c), slow, "{c}");
            }
        }
    }

    /// [`next_start`]'s answer as the character search finds it: the oracle.
    fn next_start_by_chars(text: &str, from: usize) -> Option<usize> {
        text.get(from..)?
            .char_indices()
            .find(|&(_, c)| starts_number(c))
            .map(|(k, _)| from + k)
    }

    #[test]
    fn next_start_agrees_with_starts_number_on_every_character() {
        for u in 0..0x11000u32 {
            if let Some(c) = char::from_u32(u) {
                let t = format!("a{c}人");
                assert_eq!(next_start(&t, 0), next_start_by_chars(&t, 0), "{c:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn next_start_agrees_with_the_character_search(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "一", "〇", "零", "万", "几", "两", "7", "０", "９", "：", "、", "。", "人",
                        "\u{4DFF}", "\u{4E00}", "\u{9FFF}", "\u{A000}", "😀", "é", "a", " ", "\n",
                        "\u{3007}", "\u{3008}", "\u{FF10}", "\u{FF1A}",
                    ].into_iter().map(String::from).collect::<Vec<_>>()),
                    "\\PC{0,3}",
                ],
                0..30,
            ),
            from in 0usize..40,
        ) {
            let t: String = parts.concat();
            let from = t.char_indices().map(|(k, _)| k).nth(from).unwrap_or(t.len());
            proptest::prop_assert_eq!(next_start(&t, from), next_start_by_chars(&t, from));
        }
    }

    #[test]
    fn long_inputs_stay_linear() {
        let long = "1".repeat(200_000);
        let s = scan(&long, 0).unwrap();
        assert_eq!(s.end, long.len());
        let cn = "一".repeat(100_000);
        assert!(find_all(&cn).len() <= 100_000);
    }
}
