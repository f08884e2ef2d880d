//! The thing counted (`subject`, best effort): the noun phrase between the last verb and the
//! number (`全镇共有党员704人` → 党员), or the noun right after the unit when the number
//! follows its verb directly (`帮助24名贫困大学生` → 贫困大学生).

use super::lexicon::{Cue, Lexicon};
use crate::Span;

/// Longest subject in characters.
const MAX: usize = 16;

/// Whether `c` ends a subject: anything but a letter (of any script), `“ ” （ ）`. (Digits and
/// the clause marks `，。；：！？、,.;:!?` are no letters.) [`crate::text::is_alphabetic`]
/// answers the characters of CJK text without Unicode's tables.
fn is_break(c: char) -> bool {
    !(crate::text::is_alphabetic(c) || matches!(c, '“' | '”' | '（' | '）'))
}

/// Finds the subject of the statistic at `span`.
pub(crate) fn find(text: &str, span: Span, floor: usize, lex: &Lexicon) -> Option<Span> {
    // left phrase
    let head = text.get(..span.start)?;
    let mut ls = span.start;
    for (k, (i, c)) in head.char_indices().rev().enumerate() {
        if k >= MAX || is_break(c) || i < floor {
            break;
        }
        ls = i;
    }
    let mut le = span.start;
    // strip verbs at the end (共有, 达到 …)
    while let Some(v) = text
        .get(ls..le)
        .and_then(|l| lex.cue_before(Cue::SubjectVerbs, l, l.len()))
    {
        le -= v.len();
    }
    // keep what follows the last verb inside
    if let Some(l) = text.get(ls..le) {
        let mut best: Option<usize> = None;
        // one-character verbs (有 为 是 共 …) also sit inside nouns (公共, 作为): only longer
        // verbs are looked for inside the phrase. Each verb counts at its last occurrence only:
        // walk the phrase backwards (it is at most MAX characters) and look only at the verbs
        // that begin with the character there.
        let mut seen: Vec<&str> = Vec::new();
        for (p, c) in l.char_indices().rev() {
            let Some(rest) = l.get(p..) else { continue };
            for v in lex.cues_starting(Cue::SubjectVerbs, c) {
                if v.chars().nth(1).is_none() || !rest.starts_with(v) || seen.contains(&v) {
                    continue;
                }
                seen.push(v);
                let after = p + v.len();
                if after < l.len() && best.map_or(true, |b| after > b) {
                    best = Some(after);
                }
            }
        }
        if let Some(b) = best {
            ls += b;
        }
    }
    while let Some(c) = text.get(ls..le).and_then(|l| l.chars().next()) {
        if matches!(c, '的' | '了' | '在' | '将' | '和' | '及' | '为') {
            ls += c.len_utf8();
        } else {
            break;
        }
    }
    if text.get(ls..le).is_some_and(|l| l.chars().count() >= 2) {
        return Some(Span::new(ls, le));
    }
    // right phrase: a noun right after the unit
    let tail = text.get(span.end..)?;
    let mut end = span.end;
    for (k, (i, c)) in tail.char_indices().enumerate() {
        if k >= 10 || is_break(c) {
            break;
        }
        if k > 0 && lex.cue_after(Cue::SubjectVerbs, tail, i).is_some() {
            break;
        }
        end = span.end + i + c.len_utf8();
    }
    (end > span.end + 3).then(|| Span::new(span.end, end))
}

#[cfg(test)]
mod tests {
    use super::is_break;

    #[test]
    fn is_break_agrees_with_the_general_test() {
        let general = |c: char| {
            !(c.is_alphabetic() || c == '“' || c == '”' || c == '（' || c == '）')
                || c.is_ascii_digit()
                || "，。；：！？、,.;:!?".contains(c)
        };
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_break(c), general(c), "{c:?}");
        }
    }
}
