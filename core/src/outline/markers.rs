//! Reading heading and item markers at a byte position: `一、` `（一）` `1.` `（1）` `1)` `①`
//! `第一章` `第一部分`, and the item markers `一是` `第一，` `——`. Full- and half-width forms alike.
//! Every reader looks at a bounded number of characters, so scanning stays linear.

use crate::MarkerKind;

/// A marker read at some position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Marker {
    /// The marker family.
    pub kind: MarkerKind,
    /// Its ordinal (`三、` → 3).
    pub ordinal: u32,
    /// The byte just after the marker.
    pub end: usize,
}

/// The value of one Chinese numeral character (`十` → 10).
pub(crate) fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        '十' => 10,
        _ => return None,
    })
}

/// The value of a Chinese numeral of up to three characters (`十一` → 11, `二十` → 20,
/// `二十三` → 23); `None` for anything else (`一一`, `十十`).
pub(crate) fn parse_cn(s: &str) -> Option<u32> {
    let ds: Vec<u32> = s.chars().map(cn_digit).collect::<Option<Vec<_>>>()?;
    match ds.as_slice() {
        [d] => Some(*d),
        [10, u] if *u < 10 => Some(10 + u),
        [t, 10] if *t < 10 && *t > 1 => Some(t * 10),
        [t, 10, u] if *t < 10 && *t > 1 && *u < 10 => Some(t * 10 + u),
        _ => None,
    }
}

/// The value of an ASCII or full-width digit.
pub(crate) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The ordinal of a circled number `①`…`⑳`.
pub(crate) fn circled(c: char) -> Option<u32> {
    let v = c as u32;
    (0x2460..=0x2473).contains(&v).then(|| v - 0x2460 + 1)
}

/// Reads a run of Chinese numerals (at most 3) at `p`; returns the value and the end byte.
fn read_cn(s: &str, p: usize) -> Option<(u32, usize)> {
    let rest = s.get(p..)?;
    let mut end = p;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        if n >= 3 || cn_digit(c).is_none() {
            break;
        }
        end = p + i + c.len_utf8();
    }
    if end == p {
        return None;
    }
    Some((parse_cn(s.get(p..end)?)?, end))
}

/// Reads a run of ASCII or full-width digits (at most 2) at `p`; a third digit disqualifies.
fn read_num(s: &str, p: usize) -> Option<(u32, usize)> {
    let rest = s.get(p..)?;
    let mut v = 0u32;
    let mut end = p;
    for (n, (i, c)) in rest.char_indices().enumerate() {
        match digit(c) {
            Some(d) if n < 2 => {
                v = v * 10 + d;
                end = p + i + c.len_utf8();
            }
            Some(_) => return None,
            None => break,
        }
    }
    (end > p && v > 0).then_some((v, end))
}

fn char_at(s: &str, p: usize) -> Option<char> {
    s.get(p..)?.chars().next()
}

/// Reads a heading marker starting exactly at byte `p` of `s`, looking no further than byte
/// `limit` (the end of the line). Rejects lookalikes: `1.2万`, `1.2.1`, `1、2月`, `一、二、三产业`.
pub(crate) fn heading_marker(s: &str, p: usize, limit: usize) -> Option<Marker> {
    let s = s.get(..limit)?;
    let c = char_at(s, p)?;
    let after = |e: usize| char_at(s, e);
    if c == '（' || c == '(' {
        let q = p + c.len_utf8();
        if let Some((v, e)) = read_cn(s, q) {
            let close = after(e)?;
            if close == '）' || close == ')' {
                return Some(Marker {
                    kind: MarkerKind::ParenChinese,
                    ordinal: v,
                    end: e + close.len_utf8(),
                });
            }
        }
        if let Some((v, e)) = read_num(s, q) {
            let close = after(e)?;
            if close == '）' || close == ')' {
                return Some(Marker {
                    kind: MarkerKind::ParenArabic,
                    ordinal: v,
                    end: e + close.len_utf8(),
                });
            }
        }
        return None;
    }
    if let Some(v) = circled(c) {
        return Some(Marker {
            kind: MarkerKind::Circled,
            ordinal: v,
            end: p + c.len_utf8(),
        });
    }
    if c == '第' {
        let q = p + c.len_utf8();
        let (v, e) = read_cn(s, q).or_else(|| read_num(s, q))?;
        let rest = s.get(e..)?;
        for (word, kind) in [
            ("章", MarkerKind::Chapter),
            ("部分", MarkerKind::Part),
            ("节", MarkerKind::Section),
        ] {
            if rest.starts_with(word) {
                let mut end = e + word.len();
                // `第一部分：` / `第一章 ` — the separator belongs to the marker.
                if let Some(sep) = after(end) {
                    if matches!(sep, '、' | '：' | ':' | '　' | ' ') {
                        end += sep.len_utf8();
                    }
                }
                return Some(Marker {
                    kind,
                    ordinal: v,
                    end,
                });
            }
        }
        return None;
    }
    if let Some((v, e)) = read_cn(s, p) {
        let sep = after(e)?;
        if !matches!(sep, '、' | '.' | '．') {
            return None;
        }
        let end = e + sep.len_utf8();
        let next = after(end);
        if sep != '、' && next.is_some_and(|n| digit(n).is_some()) {
            return None;
        }
        // `一、二、三产业`: a list of numerals, not a marker.
        if let Some(n) = next {
            if cn_digit(n).is_some() && after(end + n.len_utf8()) == Some('、') {
                return None;
            }
        }
        return Some(Marker {
            kind: MarkerKind::Chinese,
            ordinal: v,
            end,
        });
    }
    if let Some((v, e)) = read_num(s, p) {
        let sep = after(e)?;
        let end = e + sep.len_utf8();
        let next = after(end);
        match sep {
            '.' | '．' | '、' => {
                if next.is_some_and(|n| digit(n).is_some() || n == '%' || n == '％') {
                    return None;
                }
                Some(Marker {
                    kind: MarkerKind::Arabic,
                    ordinal: v,
                    end,
                })
            }
            ')' | '）' => Some(Marker {
                kind: MarkerKind::ParenArabic,
                ordinal: v,
                end,
            }),
            _ => None,
        }
    } else {
        None
    }
}

/// The kind of inline item marker read by [`item_marker`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemMark {
    /// `一是`.
    Shi,
    /// `第一，`.
    Ordinal,
    /// A dash bullet `——` or `---`.
    Dash,
}

/// Reads an item marker (`一是`, `第一，`, `——`, `---`) at `p`; returns its kind, ordinal
/// (0 for dashes) and end byte.
pub(crate) fn item_marker(s: &str, p: usize, limit: usize) -> Option<(ItemMark, u32, usize)> {
    let s = s.get(..limit)?;
    let c = char_at(s, p)?;
    if c == '—' || c == '-' {
        let rest = s.get(p..)?;
        for dash in ["——", "---", "—-", "－－"] {
            if rest.starts_with(dash) {
                let mut end = p + dash.len();
                // swallow a longer rule of dashes
                while let Some(d) = char_at(s, end) {
                    if d == c {
                        end += d.len_utf8();
                    } else {
                        break;
                    }
                }
                let next = char_at(s, end)?;
                if next.is_whitespace() || next == '—' || next == '-' {
                    return None;
                }
                return Some((ItemMark::Dash, 0, end));
            }
        }
        return None;
    }
    if c == '第' {
        let q = p + c.len_utf8();
        let (v, e) = read_cn(s, q)?;
        let sep = char_at(s, e)?;
        if matches!(sep, '，' | ',' | '、') {
            return Some((ItemMark::Ordinal, v, e + sep.len_utf8()));
        }
        return None;
    }
    let (v, e) = read_cn(s, p)?;
    if s.get(e..)?.starts_with('是') {
        return Some((ItemMark::Shi, v, e + '是'.len_utf8()));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hm(s: &str) -> Option<(MarkerKind, u32, &str)> {
        heading_marker(s, 0, s.len()).map(|m| (m.kind, m.ordinal, &s[..m.end]))
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(parse_cn("十一"), Some(11));
        assert_eq!(parse_cn("二十"), Some(20));
        assert_eq!(parse_cn("二十三"), Some(23));
        assert_eq!(parse_cn("十"), Some(10));
        assert_eq!(parse_cn("一一"), None);
    }

    #[test]
    fn forms_full_and_half_width() {
        assert_eq!(hm("一、概况"), Some((MarkerKind::Chinese, 1, "一、")));
        assert_eq!(hm("十二．概况"), Some((MarkerKind::Chinese, 12, "十二．")));
        assert_eq!(
            hm("（三）做法"),
            Some((MarkerKind::ParenChinese, 3, "（三）"))
        );
        assert_eq!(hm("(三)做法"), Some((MarkerKind::ParenChinese, 3, "(三)")));
        assert_eq!(hm("2.做法"), Some((MarkerKind::Arabic, 2, "2.")));
        assert_eq!(hm("２．做法"), Some((MarkerKind::Arabic, 2, "２．")));
        assert_eq!(hm("12、做法"), Some((MarkerKind::Arabic, 12, "12、")));
        assert_eq!(hm("（4）做法"), Some((MarkerKind::ParenArabic, 4, "（4）")));
        assert_eq!(hm("4)做法"), Some((MarkerKind::ParenArabic, 4, "4)")));
        assert_eq!(hm("4）做法"), Some((MarkerKind::ParenArabic, 4, "4）")));
        assert_eq!(hm("⑤做法"), Some((MarkerKind::Circled, 5, "⑤")));
        assert_eq!(hm("第二章 总则"), Some((MarkerKind::Chapter, 2, "第二章 ")));
        assert_eq!(hm("第三部分"), Some((MarkerKind::Part, 3, "第三部分")));
    }

    #[test]
    fn lookalikes_are_not_markers() {
        assert_eq!(hm("1.2万元"), None);
        assert_eq!(hm("1.2.1、1.2.2"), None);
        assert_eq!(hm("1、2月份"), None);
        assert_eq!(hm("2003.5"), None);
        assert_eq!(hm("一、二、三产业"), None);
        assert_eq!(hm("第一责任人"), None);
        assert_eq!(hm("一是"), None);
    }

    #[test]
    fn items() {
        let s = "三是加强";
        assert_eq!(item_marker(s, 0, s.len()), Some((ItemMark::Shi, 3, 6)));
        let s = "第二，加强";
        assert_eq!(
            item_marker(s, 0, s.len()).map(|x| x.0),
            Some(ItemMark::Ordinal)
        );
        let s = "第二次会议";
        assert_eq!(item_marker(s, 0, s.len()), None);
        let s = "——经济回升";
        assert_eq!(
            item_marker(s, 0, s.len()).map(|x| x.0),
            Some(ItemMark::Dash)
        );
        let s = "----------";
        assert_eq!(item_marker(s, 0, s.len()), None);
    }
}
