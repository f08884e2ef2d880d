//! Hostile inputs: each has a stated outcome. Analysis must return, never panic, and every span
//! must be well-formed. (Speed on these is measured by the benches, not asserted here.)

use baogao::{analyze, Report};

fn spans_ok(text: &str, r: &Report) {
    let ok = |s: baogao::Span| {
        s.start <= s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    };
    assert!(r.documents.iter().all(|d| ok(d.span) && ok(d.title)));
    assert!(r
        .headings
        .iter()
        .all(|h| ok(h.span) && ok(h.title) && ok(h.marker)));
    assert!(r.items.iter().all(|i| ok(i.span)));
    assert!(r.stats.iter().all(|s| ok(s.span)));
    assert!(r.boilerplate.iter().all(|&b| ok(b)));
    assert!(r.placeholders.iter().all(|p| ok(p.span)));
}

#[test]
fn empty_text_gives_an_empty_report() {
    let r = analyze("");
    assert!(r.documents.is_empty() && r.headings.is_empty() && r.stats.is_empty());
    assert!(r.to_json("").contains("\"schema\":\"baogao/1\""));
}

#[test]
fn whitespace_only_gives_no_headings_or_stats() {
    let text = " \n\u{3000}\r\n\t\u{2002}\n";
    let r = analyze(text);
    assert!(r.headings.is_empty() && r.stats.is_empty());
    spans_ok(text, &r);
}

#[test]
fn ten_megabytes_without_a_newline() {
    let unit = "一、加强组织建设，全年发展党员12名，投入资金9万多元。二是完善制度；";
    let text = unit.repeat(10_000_000 / unit.len() + 1);
    let r = analyze(&text);
    spans_ok(&text, &r);
}

#[test]
fn a_hundred_thousand_numbered_lines() {
    let mut text = String::new();
    for i in 1..=100_000 {
        text.push_str(&format!("{i}、第{i}项工作完成\n"));
    }
    let r = analyze(&text);
    spans_ok(&text, &r);
}

#[test]
fn deep_bracket_nesting() {
    let text = format!("{}一、概况{}", "（".repeat(50_000), "）".repeat(50_000));
    let r = analyze(&text);
    spans_ok(&text, &r);
}

#[test]
fn nul_bytes_and_control_characters() {
    let text = "一、概况\0\0\n共有党员\u{7}12名\0。\n\u{1b}[31m二、问题\n";
    let r = analyze(text);
    spans_ok(text, &r);
}

#[test]
fn text_that_is_all_numerals() {
    let text = "一二三四五六七八九十百千万亿零〇两壹贰叁1234567890１２３".repeat(20_000);
    let r = analyze(&text);
    spans_ok(&text, &r);
}

#[test]
fn a_megabyte_of_heading_markers() {
    let text = "一、".repeat(1_000_000 / 6);
    let r = analyze(&text);
    spans_ok(&text, &r);
}

#[test]
fn replacement_characters_from_lone_surrogates() {
    // What a binding hands the core for a JS/Python string with lone surrogates.
    let text = "一、概况\u{FFFD}\n共有党员\u{FFFD}12名。";
    let r = analyze(text);
    spans_ok(text, &r);
}
