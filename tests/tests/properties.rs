//! Properties of the whole pipeline on arbitrary report-like text: spans in bounds and on
//! character boundaries, sorted lists, nesting, no statistics in boilerplate, JSON that
//! round-trips, CRLF-insensitivity, and stability of earlier results when text is appended.

use baogao::{analyze, Report, Span};
use proptest::prelude::*;

/// Pieces that real reports are made of, so generated text hits every code path.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "三、",
    "十一、",
    "（一）",
    "(二)",
    "（三）",
    "1.",
    "2、",
    "3．",
    "（1）",
    "(2)",
    "1)",
    "①",
    "②",
    "第一章",
    "第二部分",
    "一是",
    "二是",
    "第一，",
    "首先",
    "其次",
    "最后",
    "——",
    "---",
    "篇1",
    "基层党建工作总结篇2",
    "=====",
    "\n",
    "\r\n",
    "\n\n",
    "。",
    "，",
    "；",
    "：",
    "、",
    " ",
    "\u{3000}",
    "\u{2002}",
    "\u{FEFF}",
    "\0",
    "党员",
    "704人",
    "9万多元",
    "百分之七、八十",
    "增长5.2%",
    "1.2万",
    "两三个",
    "十几",
    "2023年",
    "5月7日",
    "20_年",
    "xx届",
    "***万元",
    "××",
    "某某",
    "下载",
    "打印",
    "【字号：",
    "】",
    "来源:网友投稿",
    "时间:2023-08-08 20:20:01",
    "推荐访问:",
    "存在问题",
    "下一步打算",
    "主要成绩",
    "三会一课",
    "PM2.5",
    "𠀀",
    "😀",
    "分别提高",
    "20.9、36.2、54个百分点",
    "其中",
    "共",
    "由12减少到7，净减4",
    "占总数的3。",
    "约",
    "左右",
];

fn report_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_owned),
            1 => "[\\PC]{0,6}",
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

fn on_boundary(text: &str, s: Span) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fn check_well_formed(text: &str, r: &Report) -> Result<(), TestCaseError> {
    let mut spans: Vec<(&str, Span)> = Vec::new();
    for d in &r.documents {
        spans.push(("document", d.span));
        spans.push(("document title", d.title));
    }
    for h in &r.headings {
        spans.extend([
            ("heading", h.span),
            ("marker", h.marker),
            ("title", h.title),
        ]);
    }
    for i in &r.items {
        spans.extend([("item", i.span), ("item marker", i.marker)]);
    }
    for s in &r.stats {
        spans.push(("stat", s.span));
        if let Some(sub) = s.subject {
            spans.push(("subject", sub));
        }
    }
    spans.extend(r.boilerplate.iter().map(|&b| ("boilerplate", b)));
    spans.extend(r.placeholders.iter().map(|p| ("placeholder", p.span)));
    spans.extend(r.defects.iter().map(|d| ("defect", d.span)));
    for c in &r.checklist {
        for it in &c.items {
            spans.extend(it.evidence.iter().map(|&e| ("evidence", e)));
        }
    }
    for (what, s) in spans {
        prop_assert!(on_boundary(text, s), "{what} span {s:?} not on boundaries");
    }
    let sorted = |v: Vec<usize>| v.windows(2).all(|w| w[0] <= w[1]);
    prop_assert!(sorted(r.documents.iter().map(|d| d.span.start).collect()));
    prop_assert!(sorted(r.headings.iter().map(|h| h.span.start).collect()));
    prop_assert!(sorted(r.items.iter().map(|i| i.span.start).collect()));
    prop_assert!(sorted(r.stats.iter().map(|s| s.span.start).collect()));
    prop_assert!(sorted(
        r.placeholders.iter().map(|p| p.span.start).collect()
    ));
    prop_assert!(r.boilerplate.windows(2).all(|w| w[0].end <= w[1].start));
    prop_assert!(r.stats.windows(2).all(|w| w[0].span.end <= w[1].span.start));
    for h in &r.headings {
        prop_assert!(h.depth >= 1);
        prop_assert!(h.document < r.documents.len());
        prop_assert!(h.span.start <= h.title.start && h.title.end <= h.span.end);
        if let Some(p) = h.parent {
            let ph = &r.headings[p];
            prop_assert!(ph.depth < h.depth, "child depth not below parent");
            prop_assert!(
                ph.span.start <= h.span.start && h.span.end <= ph.span.end,
                "child {:?} outside parent {:?}",
                h.span,
                ph.span
            );
        }
    }
    for s in &r.stats {
        prop_assert!(
            !r.boilerplate.iter().any(|b| b.overlaps(&s.span)),
            "statistic inside boilerplate"
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    #[test]
    fn output_is_well_formed(text in report_like()) {
        let r = analyze(&text);
        check_well_formed(&text, &r)?;
        if !text.chars().all(baogao::text::is_blank) {
            prop_assert!(!r.documents.is_empty());
        }
    }

    #[test]
    fn json_round_trips(text in report_like()) {
        let r = analyze(&text);
        let json = r.to_json(&text);
        let v: serde_json::Value = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(v["schema"].as_str(), Some("baogao/1"));
        prop_assert_eq!(v["stats"].as_array().map(Vec::len), Some(r.stats.len()));
        prop_assert_eq!(v["headings"].as_array().map(Vec::len), Some(r.headings.len()));
        // Re-serialising the parsed document gives the same document.
        prop_assert_eq!(serde_json::to_string(&v).ok(), serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&json).ok()).ok());
    }

    #[test]
    fn crlf_line_ends_give_the_same_structure(text in report_like()) {
        let lf = text.replace("\r\n", "\n").replace('\r', "");
        let crlf = lf.replace('\n', "\r\n");
        let (a, b) = (analyze(&lf), analyze(&crlf));
        let shape = |r: &Report, t: &str| (
            r.documents.len(),
            r.headings.iter().map(|h| (h.depth, h.title.slice(t).to_owned())).collect::<Vec<_>>(),
            r.items.iter().map(|i| i.marker.slice(t).to_owned()).collect::<Vec<_>>(),
            r.stats.iter().map(|s| (s.span.slice(t).to_owned(), s.value)).collect::<Vec<_>>(),
            r.placeholders.len(),
        );
        prop_assert_eq!(shape(&a, &lf), shape(&b, &crlf));
    }

    #[test]
    fn appending_prose_keeps_earlier_results(text in report_like(), tail in "[党员群众工作服务学习。，]{1,30}") {
        let r = analyze(&text);
        let joined = format!("{text}\n{tail}");
        let r2 = analyze(&joined);
        let cut = r.headings.last().map_or(0, |h| h.span.start);
        let heads = |r: &Report| r.headings.iter().filter(|h| h.span.start < cut)
            .map(|h| (h.span.start, h.depth, h.marker)).collect::<Vec<_>>();
        prop_assert_eq!(heads(&r), heads(&r2));
        let stats = |r: &Report| r.stats.iter().filter(|s| s.span.end < cut)
            .map(|s| (s.span, s.value, s.kind)).collect::<Vec<_>>();
        prop_assert_eq!(stats(&r), stats(&r2));
    }
}
