//! `analyze` on arbitrary UTF-8: never panics; spans in bounds and on boundaries; JSON valid.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let r = baogao::analyze(text);
    let ok = |s: baogao::Span| {
        s.start <= s.end && s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    assert!(r.headings.iter().all(|h| ok(h.span) && ok(h.title) && ok(h.marker)));
    assert!(r.items.iter().all(|i| ok(i.span)));
    assert!(r.stats.iter().all(|s| ok(s.span)));
    assert!(r.stats.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    assert!(r.boilerplate.iter().all(|&b| ok(b)));
    assert!(r.placeholders.iter().all(|p| ok(p.span)));
    let json = r.to_json(text);
    assert!(json.starts_with("{\"schema\":\"baogao/1\""));
});
