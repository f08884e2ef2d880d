//! URLs, e-mail addresses and bare domains, found by hand in linear time. This matches exactly
//! what the regular expression
//!
//! ```text
//! (?i)(?:https?://|ftp://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%\-\[\]]+
//!    |[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}
//!    |[A-Za-z0-9\-]+\.(?:com|cn|net|org|gov)(?:\.cn)?(?:/[A-Za-z0-9._~/?#=&%\-]*)?
//! ```
//!
//! matched with the `regex` crate (leftmost-first, same spans; the equivalence is tested against
//! that crate in `tests`). Under `(?i)` with Unicode case folding the letters also take the
//! Kelvin sign `K` (as `k`) and the long s `ſ` (as `s`); no other non-ASCII character can match.
//!
//! How it stays linear: at each position the three branches are tried in order. The scheme
//! branch is decided by a few bytes there. Whether the e-mail branch matches depends only on the
//! run of `[A-Za-z0-9._%+\-]` holding the position (it must end at `@` and a domain must follow),
//! and the bare-domain branch only on the run of `[A-Za-z0-9\-]` holding it (it must end at a
//! `.` and a known suffix), so each run is examined once and the answer kept for all its
//! positions.

use crate::Span;

const KELVIN: &[u8] = "\u{212A}".as_bytes();
const LONG_S: &[u8] = "\u{17F}".as_bytes();

/// The character at byte `i` as a byte to compare: ASCII as itself, `K` as `k`, `ſ` as `s`,
/// anything else as 0xFF (in no class); with its length in bytes. `None` at the end.
fn unit(b: &[u8], i: usize) -> Option<(u8, usize)> {
    let lead = *b.get(i)?;
    Some(if lead < 0x80 {
        (lead, 1)
    } else if b.get(i..i + KELVIN.len()) == Some(KELVIN) {
        (b'k', KELVIN.len())
    } else if b.get(i..i + LONG_S.len()) == Some(LONG_S) {
        (b's', LONG_S.len())
    } else if lead < 0xE0 {
        (0xFF, 2)
    } else if lead < 0xF0 {
        (0xFF, 3)
    } else {
        (0xFF, 4)
    })
}

/// `[A-Za-z0-9._~:/?#@!$&'*+,;=%\-\[\]]`: the rest of a URL after its scheme.
fn rest_of_url(u: u8) -> bool {
    u.is_ascii_alphanumeric() || b"._~:/?#@!$&'*+,;=%-[]".contains(&u)
}

/// `[A-Za-z0-9._%+\-]`: the user part of an e-mail address.
fn user(u: u8) -> bool {
    u.is_ascii_alphanumeric() || b"._%+-".contains(&u)
}

/// `[A-Za-z0-9.\-]`: the host part of an e-mail address.
fn host(u: u8) -> bool {
    u.is_ascii_alphanumeric() || b".-".contains(&u)
}

/// `[A-Za-z0-9\-]`: the name before a bare domain's suffix.
fn label(u: u8) -> bool {
    u.is_ascii_alphanumeric() || u == b'-'
}

/// `[A-Za-z0-9._~/?#=&%\-]`: the path after a bare domain.
fn path(u: u8) -> bool {
    u.is_ascii_alphanumeric() || b"._~/?#=&%-".contains(&u)
}

/// The end of the run of characters in `class` from `i` (`i` itself when there is none).
fn run_end(b: &[u8], mut i: usize, class: fn(u8) -> bool) -> usize {
    while let Some((u, n)) = unit(b, i) {
        if !class(u) {
            break;
        }
        i += n;
    }
    i
}

/// The end of `word` (lower-case ASCII) read case-insensitively at `i`.
fn literal(b: &[u8], mut i: usize, word: &[u8]) -> Option<usize> {
    for &w in word {
        let (u, n) = unit(b, i)?;
        if u.to_ascii_lowercase() != w {
            return None;
        }
        i += n;
    }
    Some(i)
}

/// The first branch at `p`: a scheme (`https://`, `http://`, `ftp://`, `www.`) and at least one
/// more URL character, all of them taken.
fn scheme(b: &[u8], p: usize) -> Option<usize> {
    let after = [&b"https://"[..], b"http://", b"ftp://", b"www."]
        .iter()
        .find_map(|w| literal(b, p, w))?;
    let end = run_end(b, after, rest_of_url);
    (end > after).then_some(end)
}

/// The end of an e-mail address's domain after its `@` (`q` is the byte after the `@`):
/// `[A-Za-z0-9.\-]+\.[A-Za-z]{2,}`, where the greedy run gives back characters until it stops
/// before a `.` followed by two letters or more, so the last such `.` wins.
fn domain(b: &[u8], q: usize) -> Option<usize> {
    let mut best = None;
    let mut i = q;
    while let Some((u, n)) = unit(b, i) {
        if !host(u) {
            break;
        }
        if u == b'.' && i > q {
            let mut j = i + n;
            let mut letters = 0;
            while let Some((v, m)) = unit(b, j) {
                if !v.is_ascii_alphabetic() {
                    break;
                }
                letters += 1;
                j += m;
            }
            if letters >= 2 {
                best = Some(j);
            }
        }
        i += n;
    }
    best
}

/// The end of a bare domain whose name ends at `e`: `\.(?:com|cn|net|org|gov)(?:\.cn)?` and an
/// optional `/path`, each optional part taken when present.
fn suffix(b: &[u8], e: usize) -> Option<usize> {
    if b.get(e) != Some(&b'.') {
        return None;
    }
    let mut end = [&b"com"[..], b"cn", b"net", b"org", b"gov"]
        .iter()
        .find_map(|w| literal(b, e + 1, w))?;
    if let Some(x) = literal(b, end, b".cn") {
        end = x;
    }
    if b.get(end) == Some(&b'/') {
        end = run_end(b, end + 1, path);
    }
    Some(end)
}

/// The URLs, e-mail addresses and bare domains of `hay`, left to right, not overlapping, as
/// byte spans of `hay`.
pub(super) fn find_iter(hay: &str) -> Matches<'_> {
    Matches {
        b: hay.as_bytes(),
        p: 0,
        user_end: 0,
        mail: None,
        label_end: 0,
        bare: None,
    }
}

/// The iterator of [`find_iter`].
pub(super) struct Matches<'h> {
    b: &'h [u8],
    /// Where the search goes on.
    p: usize,
    /// The end of the last `user` run examined, and the end of the e-mail match its positions
    /// start, if any.
    user_end: usize,
    mail: Option<usize>,
    /// The same for the last `label` run and a bare domain.
    label_end: usize,
    bare: Option<usize>,
}

impl Matches<'_> {
    /// The end of the match starting at `p` (whose character reads as `u`), if one does.
    fn at(&mut self, p: usize, u: u8) -> Option<usize> {
        if u.is_ascii_alphabetic() {
            if let Some(end) = scheme(self.b, p) {
                return Some(end);
            }
        }
        if user(u) {
            if p >= self.user_end {
                self.user_end = run_end(self.b, p, user);
                self.mail = if self.b.get(self.user_end) == Some(&b'@') {
                    domain(self.b, self.user_end + 1)
                } else {
                    None
                };
            }
            if self.mail.is_some() {
                return self.mail;
            }
        }
        if label(u) {
            if p >= self.label_end {
                self.label_end = run_end(self.b, p, label);
                self.bare = suffix(self.b, self.label_end);
            }
            if self.bare.is_some() {
                return self.bare;
            }
        }
        None
    }
}

impl Iterator for Matches<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        while let Some((u, n)) = unit(self.b, self.p) {
            let p = self.p;
            if let Some(end) = self.at(p, u) {
                self.p = end;
                return Some(Span::new(p, end));
            }
            self.p = p + n;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(hay: &str) -> Vec<&str> {
        find_iter(hay).map(|s| s.slice(hay)).collect()
    }

    #[test]
    fn urls_mails_and_domains() {
        assert_eq!(
            spans("见https://www.example.cn/a?b=1。"),
            ["https://www.example.cn/a?b=1"]
        );
        assert_eq!(spans("www.abc.gov.cn"), ["www.abc.gov.cn"]);
        assert_eq!(spans("ftp://x"), ["ftp://x"]);
        assert_eq!(spans("HTTP://A"), ["HTTP://A"]);
        assert_eq!(spans("联系a.b@c-d.example.com。"), ["a.b@c-d.example.com"]);
        assert_eq!(spans("a@b.cc-x"), ["a@b.cc"]);
        assert_eq!(spans("a@b.c1"), Vec::<&str>::new());
        assert_eq!(spans("gov.cn/x,y abc.com.cn"), ["gov.cn/x", "abc.com.cn"]);
        assert_eq!(spans("xhttp://a b.communist"), ["http://a", "b.com"]);
        assert_eq!(spans("http:// 12.5 v1.2"), Vec::<&str>::new());
    }

    #[test]
    fn case_folding_takes_kelvin_and_long_s() {
        assert_eq!(spans("httpſ://\u{212A}"), ["httpſ://\u{212A}"]);
        assert_eq!(spans("\u{212A}@a.ſſ"), ["\u{212A}@a.ſſ"]);
        assert_eq!(spans("é@a.bc"), Vec::<&str>::new());
    }

    #[test]
    fn linear_on_long_runs() {
        let hay = "a.".repeat(500_000) + &"a-".repeat(500_000) + &"a@".repeat(500_000);
        let t = std::time::Instant::now();
        let n = find_iter(&hay).count();
        assert_eq!(n, 0);
        assert!(t.elapsed().as_secs() < 5);
        let hay = "a.com/".repeat(200_000);
        assert_eq!(find_iter(&hay).count(), 1);
    }

    /// The expression this module replaces, run by the `regex` crate.
    const FORMER: &str = r"(?i)(?:https?://|ftp://|www\.)[A-Za-z0-9._~:/?#@!$&'*+,;=%\-\[\]]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}|[A-Za-z0-9\-]+\.(?:com|cn|net|org|gov)(?:\.cn)?(?:/[A-Za-z0-9._~/?#=&%\-]*)?";

    fn former() -> &'static regex::Regex {
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        RE.get_or_init(|| regex::Regex::new(FORMER).unwrap_or_else(|e| panic!("{e}")))
    }

    fn same_as_regex(re: &regex::Regex, hay: &str) {
        let want: Vec<(usize, usize)> = re.find_iter(hay).map(|m| (m.start(), m.end())).collect();
        let got: Vec<(usize, usize)> = find_iter(hay).map(|s| (s.start, s.end)).collect();
        assert_eq!(got, want, "on {hay:?}");
    }

    const PIECES: &[&str] = &[
        "a",
        "b",
        "c",
        "x",
        "Z",
        "h",
        "t",
        "p",
        "s",
        "f",
        "w",
        "o",
        "m",
        "n",
        "e",
        "r",
        "g",
        "v",
        "H",
        "T",
        "P",
        "S",
        "W",
        "C",
        "O",
        "M",
        "N",
        "\u{212A}",
        "ſ",
        "0",
        "1",
        "9",
        ".",
        "_",
        "~",
        ":",
        "/",
        "?",
        "#",
        "@",
        "!",
        "$",
        "&",
        "'",
        "*",
        "+",
        ",",
        ";",
        "=",
        "%",
        "-",
        "[",
        "]",
        " ",
        "\n",
        "é",
        "中",
        "。",
        "http://",
        "https://",
        "HTTPS://",
        "httpſ://",
        "ftp://",
        "www.",
        "WWW.",
        ".com",
        ".cn",
        ".net",
        ".org",
        ".gov",
        ".COM",
        ".Cn",
        ".gov.cn",
        "@a.",
        "@",
        "//",
        "gov",
        "cn",
        "com",
        ".",
    ];

    #[test]
    fn same_as_the_former_regex_on_written_cases() {
        let re = former();
        for hay in [
            "",
            "详见http://www.gov.cn/zhengce/2023-01/05/content_1.htm，",
            "邮箱：office@example.gov.cn；网址www.example.org.cn",
            "a.b.c@d.e.f.gh.i",
            "a@b.c.de.f",
            "a@.bc",
            "a@b..cd",
            "x@y.z1.ab-",
            "1.com.cn.cn/a/b?c=d#e",
            "abc.community",
            "wwww.x",
            "httphttp://x",
            "ftp:/x ftp://",
            "a@b@c.de",
            "-.gov",
            ".com",
            "a.c\u{212A}",
            "\u{212A}\u{212A}@\u{212A}.\u{212A}ſ",
            "www.x@y.zz",
            "http://@@@",
            "a.b.cn-com.org/x.y",
            "user+tag@mail-1.example.com.cn.",
        ] {
            same_as_regex(re, hay);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20000))]
        #[test]
        fn same_as_the_former_regex(parts in proptest::collection::vec(0..PIECES.len(), 0..40)) {
            let re = former();
            let hay: String = parts.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
            same_as_regex(re, &hay);
        }

        #[test]
        fn same_as_the_former_regex_on_any_text(hay in "\\PC{0,60}") {
            let re = former();
            same_as_regex(re, &hay);
        }
    }
}
