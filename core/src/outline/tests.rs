//! Tests of the whole outline on small reports written for the purpose (ANNOTATION.md §1–3).

use super::build;
use crate::{ItemKind, MarkerKind, Span};

/// `(depth, marker, title)` of every heading.
fn heads(text: &str) -> Vec<(u8, &str, &str)> {
    build(text, &[])
        .headings
        .iter()
        .map(|h| (h.depth, h.marker.slice(text), h.title.slice(text)))
        .collect()
}

/// The markers of every item.
fn items(text: &str) -> Vec<&str> {
    build(text, &[])
        .items
        .iter()
        .map(|i| i.marker.slice(text))
        .collect()
}

const PARA: &str =
    "全年共组织集中学习十二次，开展专题讨论四次，党员参学率达到百分之九十五以上，学习效果明显。";

// ---------------------------------------------------------------- documents (§1)

#[test]
fn collection_of_numbered_reports() {
    let text = format!(
        "2024年社区工作总结3篇\n\n社区工作总结篇1\n\n{PARA}\n一、主要做法\n{PARA}\n\n社区工作总结篇2\n\n{PARA}\n一、主要成绩\n{PARA}\n社区工作总结篇3\n{PARA}\n"
    );
    let o = build(&text, &[]);
    let titles: Vec<_> = o.documents.iter().map(|d| d.title.slice(&text)).collect();
    assert_eq!(
        titles,
        ["社区工作总结篇1", "社区工作总结篇2", "社区工作总结篇3"]
    );
    // the collection title belongs to no document
    assert!(o.documents[0].span.start > text.find("3篇").expect("collection title"));
    assert_eq!(o.documents[0].span.end, o.documents[1].span.start);
    assert_eq!(o.documents[2].span.end, text.len());
    let docs: Vec<_> = o.headings.iter().map(|h| h.document).collect();
    assert_eq!(docs, [0, 1]);
}

#[test]
fn collection_with_pian_yi_prefix() {
    let text =
        format!("工作总结范文\n篇一：办公室工作总结\n{PARA}\n篇二：财务科工作总结\n{PARA}\n");
    let o = build(&text, &[]);
    assert_eq!(o.documents.len(), 2);
    assert_eq!(o.documents[1].title.slice(&text), "篇二：财务科工作总结");
}

#[test]
fn chinese_and_english_versions_split_by_rule() {
    let text = "开发组2022年工作总结\r\n\r\n一、发布新版本。\r\n二、维护网站。\r\n\r\n==========\r\n\r\nWorking Report in 2022\r\n\r\n1. New versions published. More to come.\r\n2. Website maintained.\r\n";
    let o = build(text, &[]);
    assert_eq!(o.documents.len(), 2);
    assert_eq!(o.documents[1].title.slice(text), "Working Report in 2022");
    let h: Vec<_> = o
        .headings
        .iter()
        .map(|h| (h.document, h.depth, h.title.slice(text)))
        .collect();
    assert_eq!(
        h,
        [
            (0, 1, "发布新版本"),
            (0, 1, "维护网站"),
            (1, 1, "New versions published"),
            (1, 1, "Website maintained"),
        ]
    );
}

#[test]
fn single_report_starts_at_first_content_and_fused_subtitle_is_cut() {
    let text = "\u{feff}\n政府工作报告——2024年3月5日在大会上\n各位代表：\n一、工作回顾\n";
    let o = build(text, &[]);
    assert_eq!(o.documents.len(), 1);
    assert_eq!(o.documents[0].span.start, text.find('政').expect("title"));
    assert_eq!(o.documents[0].title.slice(text), "政府工作报告");
    let untitled = "同志们，您好！\n一、成绩\n";
    assert_eq!(build(untitled, &[]).documents[0].title.slice(untitled), "");
}

#[test]
fn nothing_starts_inside_boilerplate() {
    let chrome = "下载\n打印\n一、分享\n基层工作总结篇9\n";
    let text =
        format!("{chrome}年度工作总结\n{PARA}\n一、主要成绩\n{PARA}\n一是学习，二是实践。\n");
    let bp = [Span::new(0, chrome.len())];
    let o = build(&text, &bp);
    assert_eq!(o.documents.len(), 1);
    assert_eq!(o.documents[0].span.start, chrome.len());
    assert_eq!(o.documents[0].title.slice(&text), "年度工作总结");
    assert_eq!(o.headings.len(), 1);
    assert!(o.headings.iter().all(|h| h.span.start >= chrome.len()));
    assert!(o.items.iter().all(|i| i.span.start >= chrome.len()));
    // without the boilerplate span the chrome heading is found
    assert_eq!(build(&text, &[]).headings.len(), 2);
}

#[test]
fn chrome_sharing_a_line_with_the_title_is_cut_off() {
    let text =
        format!("当前位置：首页 > 要闻 2026年工作报告\n{PARA}\n一、回顾\n{PARA} 分享到微信\n");
    let chrome = text.find("2026").expect("title");
    let tail = text.find(" 分享").expect("footer");
    let bp = [Span::new(0, chrome), Span::new(tail, text.len())];
    let o = build(&text, &bp);
    assert_eq!(o.documents[0].span.start, chrome);
    assert_eq!(o.documents[0].title.slice(&text), "2026年工作报告");
    assert_eq!(o.headings.len(), 1);
    assert!(o.headings[0].span.end <= text.len());
}

// ---------------------------------------------------------------- headings (§2)

#[test]
fn official_hierarchy_full_and_half_width() {
    let text = format!(
        "一、总体情况\n{PARA}\n（一）组织建设\n{PARA}\n1．支部建设\n{PARA}\n（1）班子\n{PARA}\n①会议\n{PARA}\n②制度\n(2)队伍\n2.党员管理\n(二)作风建设\n二、存在问题\n"
    );
    let h = heads(&text);
    assert_eq!(
        h,
        [
            (1, "一、", "总体情况"),
            (2, "（一）", "组织建设"),
            (3, "1．", "支部建设"),
            (4, "（1）", "班子"),
            (5, "①", "会议"),
            (5, "②", "制度"),
            (4, "(2)", "队伍"),
            (3, "2.", "党员管理"),
            (2, "(二)", "作风建设"),
            (1, "二、", "存在问题"),
        ]
    );
    let o = build(&text, &[]);
    let kinds: Vec<_> = o.headings.iter().map(|h| h.marker_kind).collect();
    assert_eq!(
        kinds[..5],
        [
            MarkerKind::Chinese,
            MarkerKind::ParenChinese,
            MarkerKind::Arabic,
            MarkerKind::ParenArabic,
            MarkerKind::Circled
        ]
    );
    let ords: Vec<_> = o.headings.iter().map(|h| h.ordinal).collect();
    assert_eq!(ords[9], Some(2));
}

#[test]
fn chapters_and_parts() {
    let text =
        format!("第一部分 工作回顾\n{PARA}\n一、经济\n{PARA}\n第二部分 工作安排\n一、目标\n");
    let h = heads(&text);
    assert_eq!(h[0], (1, "第一部分 ", "工作回顾"));
    assert_eq!(h[1].0, 2);
    assert_eq!(h[2], (1, "第二部分 ", "工作安排"));
    assert_eq!(h[3].0, 2);
    let text = format!("第一章 总则\n{PARA}\n第二章 分则\n");
    let o = build(&text, &[]);
    assert_eq!(o.headings[1].marker_kind, MarkerKind::Chapter);
    assert_eq!(o.headings[1].ordinal, Some(2));
}

#[test]
fn depth_follows_the_documents_own_order() {
    // a skipped level: 1、 directly under 一、
    let text = format!("一、成绩\n1、学习\n{PARA}\n2、实践\n二、问题\n");
    let d: Vec<_> = heads(&text).iter().map(|h| h.0).collect();
    assert_eq!(d, [1, 2, 2, 1]);
    // the kind seen first is the top level, even when it is usually lower
    let text = format!("1、学习情况\n{PARA}\n（一）理论学习\n（二）业务学习\n2、工作情况\n");
    let d: Vec<_> = heads(&text).iter().map(|h| h.0).collect();
    assert_eq!(d, [1, 2, 2, 1]);
    // numbering restarts for the plan part: depth 1 again, same document
    let text = "一、完成了培训。\n1.新人培训。\n二、完成了考核。\n展望明年，计划如下：\n一、继续培训。\n二、加强考核。\n";
    let h = heads(text);
    let d: Vec<_> = h.iter().map(|h| h.0).collect();
    assert_eq!(d, [1, 2, 1, 1, 1]);
    assert_eq!(build(text, &[]).documents.len(), 1);
}

#[test]
fn parents_and_section_spans() {
    let text = format!("一、甲\n{PARA}\n（一）乙\n{PARA}\n（二）丙\n{PARA}\n二、丁\n{PARA}");
    let o = build(&text, &[]);
    let h = &o.headings;
    assert_eq!(h.len(), 4);
    assert_eq!(h[0].parent, None);
    assert_eq!(h[1].parent, Some(0));
    assert_eq!(h[2].parent, Some(0));
    assert_eq!(h[3].parent, None);
    // a section ends before the next heading of the same or higher rank
    assert_eq!(h[0].span.end, h[3].span.start);
    assert_eq!(h[1].span.end, h[2].span.start);
    assert_eq!(h[2].span.end, h[3].span.start);
    // the last one runs to the document's end
    assert_eq!(h[3].span.end, text.len());
    assert_eq!(h[1].span.start, h[1].marker.start);
}

#[test]
fn headings_inside_a_long_single_line() {
    let mut body = String::new();
    for n in ["一", "二", "三"] {
        body.push_str(&format!("{n}、第{n}部分工作。"));
        for m in ["一", "二"] {
            body.push_str(&format!("（{m}）第{m}项任务。"));
            for _ in 0..60 {
                body.push_str(PARA);
            }
        }
    }
    assert!(body.chars().count() > 12_000);
    let text = format!("年度报告\n{body}\n");
    let h = heads(&text);
    let d: Vec<_> = h.iter().map(|h| (h.0, h.1)).collect();
    assert_eq!(
        d,
        [
            (1, "一、"),
            (2, "（一）"),
            (2, "（二）"),
            (1, "二、"),
            (2, "（一）"),
            (2, "（二）"),
            (1, "三、"),
            (2, "（一）"),
            (2, "（二）"),
        ]
    );
    assert_eq!(h[1].2, "第一项任务");
}

#[test]
fn heading_after_a_sentence_end_on_the_same_line() {
    let text = format!("一、健全制度。{PARA}二、加强班子。{PARA}\n主要表现为：   (一)体系基本形成。{PARA}\n(二)素质提高。\n");
    let h = heads(&text);
    let t: Vec<_> = h.iter().map(|h| (h.0, h.2)).collect();
    assert_eq!(
        t,
        [
            (1, "健全制度"),
            (1, "加强班子"),
            (2, "体系基本形成"),
            (2, "素质提高")
        ]
    );
}

#[test]
fn heading_split_across_two_lines() {
    let text = format!("一、回顾\n（一）经济运行平稳。\n{PARA}\n（二）产业提质。\n{PARA}\n（\n三）改革开放持续深化、互促共进。\n{PARA}\n");
    let o = build(&text, &[]);
    assert_eq!(o.headings.len(), 4);
    let h = &o.headings[3];
    assert_eq!(h.marker.slice(&text), "（\n三）");
    assert_eq!(h.ordinal, Some(3));
    assert_eq!(h.depth, 2);
    assert_eq!(h.title.slice(&text), "改革开放持续深化、互促共进");
    assert!(o.diagnostics.iter().any(|d| d.code == "split-marker"));
}

#[test]
fn a_skipped_ordinal_is_kept_and_noted() {
    let text = format!("一、甲\n{PARA}\n二、乙\n{PARA}\n四、丁\n{PARA}\n");
    let o = build(&text, &[]);
    assert_eq!(o.headings.len(), 3);
    let d: Vec<_> = o.diagnostics.iter().map(|d| d.code.as_str()).collect();
    assert_eq!(d, ["numbering-gap"]);
    assert_eq!(o.diagnostics[0].span.map(|s| s.slice(&text)), Some("四、"));
}

#[test]
fn marker_alone_on_its_line_takes_the_next_line_as_title() {
    let text = format!("一、\n工作回顾\n{PARA}\n二、\n工作计划\n{PARA}\n");
    let o = build(&text, &[]);
    let t: Vec<_> = o.headings.iter().map(|h| h.title.slice(&text)).collect();
    assert_eq!(t, ["工作回顾", "工作计划"]);
    // the title line is not also an unnumbered heading
    assert_eq!(o.headings.len(), 2);
}

#[test]
fn run_on_title_ends_where_the_body_begins() {
    let text = "一、加强思想政治教育，提高党员干部的整体素质一年来，我支部深入学习党的理论，效果明显。\n二、加强组织建设近年来，我们不断完善制度。\n";
    let t: Vec<_> = heads(text).iter().map(|h| h.2).collect();
    assert_eq!(
        t,
        ["加强思想政治教育，提高党员干部的整体素质", "加强组织建设"]
    );
}

#[test]
fn title_end_rules() {
    let text = "一、主要成果：\n二、计划;明年继续\n三、学习。正文\n四、做法；措施\n五、完成:部分\n";
    let t: Vec<_> = heads(text).iter().map(|h| h.2).collect();
    assert_eq!(t, ["主要成果", "计划", "学习", "做法", "完成"]);
    let en = "Report\n\n1. Wizards 1.2.1/1.2.2 published. Support added.\n2. Sources maintained at GitHub\n";
    let t: Vec<_> = heads(en).iter().map(|h| h.2).collect();
    assert_eq!(
        t,
        [
            "Wizards 1.2.1/1.2.2 published",
            "Sources maintained at GitHub"
        ]
    );
}

#[test]
fn unnumbered_top_level_headings_with_siblings() {
    let text = format!(
        "2026年政府工作报告\n各位代表：\n{PARA}\n“十四五”时期工作回顾\n{PARA}\n各位代表！\n五年来主要做了以下工作。\n{PARA}\n2026年重点工作\n{PARA}\n（一）扩大内需\n{PARA}\n（二）产业升级\n{PARA}\n"
    );
    let h = heads(&text);
    assert_eq!(
        h,
        [
            (1, "", "“十四五”时期工作回顾"),
            (1, "", "2026年重点工作"),
            (2, "（一）", "扩大内需"),
            (2, "（二）", "产业升级"),
        ]
    );
    let o = build(&text, &[]);
    assert_eq!(o.headings[0].marker_kind, MarkerKind::Unnumbered);
    assert_eq!(o.headings[0].ordinal, None);
}

#[test]
fn unnumbered_sentence_headings_under_numbered_ones() {
    let text = format!(
        "一、总体要求\n{PARA}\n（一）促进开放\n推动政策落地。\n{PARA}\n扩大制度型开放。\n{PARA}\n（二）释放需求\n大力提振消费。\n{PARA}\n"
    );
    let h = heads(&text);
    let d: Vec<_> = h.iter().map(|h| (h.0, h.2)).collect();
    assert_eq!(
        d,
        [
            (1, "总体要求"),
            (2, "促进开放"),
            (3, "推动政策落地"),
            (3, "扩大制度型开放"),
            (2, "释放需求"),
            (3, "大力提振消费"),
        ]
    );
}

#[test]
fn part_labels_rise_above_a_weak_numbered_top_level() {
    let text = format!(
        "社区工作总结\n{PARA}\n1、基本情况\n{PARA}\n2、激励帮扶\n{PARA}\n主要做法:\n{PARA}\n首先是党员服务队\n{PARA}\n其次是青年服务队\n{PARA}\n存在不足:\n{PARA}\n1、经验不足。\n2、思路不宽。\n"
    );
    let d: Vec<_> = heads(&text).iter().map(|h| (h.0, h.2)).collect();
    assert_eq!(
        d,
        [
            (1, "基本情况"),
            (1, "激励帮扶"),
            (1, "主要做法"),
            (2, "首先是党员服务队"),
            (2, "其次是青年服务队"),
            (1, "存在不足"),
            (2, "经验不足"),
            (2, "思路不宽"),
        ]
    );
    // under a strong top level (一、) labels stay inside their section
    let text = format!(
        "工作总结\n{PARA}\n一、成绩\n{PARA}\n主要做法:\n{PARA}\n存在不足:\n{PARA}\n二、计划\n{PARA}\n"
    );
    let d: Vec<_> = heads(&text).iter().map(|h| h.0).collect();
    assert_eq!(d, [1, 2, 2, 1]);
}

#[test]
fn topic_statements_head_a_report_without_numbered_headings() {
    let text = format!(
        "市政府工作报告\n各位代表：\n{PARA}\n持之以恒调结构、稳增长，产业发展翻开新篇章。{PARA}\n坚定不移抓改革、扩开放，发展活力实现新迸发。{PARA}\n{PARA}\n毫不懈怠转作风、提效能，政府自身建设取得新成效。{PARA}\n"
    );
    let h = heads(&text);
    assert_eq!(
        h,
        [
            (1, "", "持之以恒调结构、稳增长，产业发展翻开新篇章"),
            (1, "", "坚定不移抓改革、扩开放，发展活力实现新迸发"),
            (1, "", "毫不懈怠转作风、提效能，政府自身建设取得新成效"),
        ]
    );
    // with numbered headings, lead sentences run into paragraphs are not headings
    let text = format!("一、回顾\n{text}");
    assert_eq!(heads(&text).len(), 1);
}

#[test]
fn a_lone_short_line_is_not_an_unnumbered_heading() {
    // no sibling of its kind
    let text = format!("一、成绩\n{PARA}\n做法很多\n{PARA}\n二、问题\n{PARA}\n");
    assert_eq!(heads(&text).len(), 2);
    // glossary bodies between two numbered entries are not headings
    let text = format!("附件\n{PARA}\n1.双一流：\n指一流大学和一流学科。\n2.四新：\n指新技术新产业。\n3.三农：\n{PARA}\n");
    assert!(heads(&text).iter().all(|h| !h.1.is_empty()));
}

#[test]
fn false_markers_are_not_headings() {
    let text = format!(
        "一、经济运行\n三项指标分别提高20.9、36.2、54个百分点，总量达1.2万亿元。\n1.2.1、1.2.2版本已发布。\n第一责任人要履职尽责。\n各项工作按三、四季度安排推进，一、二、三产业协调发展。\n{PARA}三、说明。\n二、改革开放\n"
    );
    let h = heads(&text);
    let t: Vec<_> = h.iter().map(|h| h.2).collect();
    assert_eq!(t, ["经济运行", "改革开放"]);
}

#[test]
fn sequence_continuity_decides_inline_markers() {
    // an inline 二、 continuing 一、 is a heading; a lone inline 五、 is not
    let text = format!("一、成绩显著。{PARA}二、问题不少。{PARA}五、其他。{PARA}\n");
    let t: Vec<_> = heads(&text).iter().map(|h| h.2).collect();
    assert_eq!(t, ["成绩显著", "问题不少"]);
    // numerals that run on inside a clause do not continue the sequence
    let text = format!("一、成绩显著。{PARA}二、三季度增长较快。{PARA}\n三、农业稳定\n");
    let t: Vec<_> = heads(&text).iter().map(|h| h.2).collect();
    assert_eq!(t, ["成绩显著", "农业稳定"]);
}

#[test]
fn salutations_and_signatures_are_not_headings() {
    let text = format!(
        "工作总结\n各位代表：\n{PARA}\n一、成绩\n{PARA}\n各位代表！\n{PARA}\n二、计划\n{PARA}\n                    开发组 张三、李四\n                    2023-01-20\n"
    );
    let t: Vec<_> = heads(&text).iter().map(|h| h.2).collect();
    assert_eq!(t, ["成绩", "计划"]);
}

// ---------------------------------------------------------------- items (§3)

#[test]
fn shi_items_at_line_starts_and_after_commas() {
    let text = format!(
        "一、主要做法\n一是抓学习。{PARA}\n二是抓制度。\n党员主要有两类，一是离退休党员，二是流动党员。\n"
    );
    let o = build(&text, &[]);
    let m: Vec<_> = o
        .items
        .iter()
        .map(|i| (i.marker.slice(&text), i.ordinal))
        .collect();
    assert_eq!(
        m,
        [
            ("一是", Some(1)),
            ("二是", Some(2)),
            ("一是", Some(1)),
            ("二是", Some(2))
        ]
    );
    assert!(o
        .items
        .iter()
        .all(|i| i.kind == ItemKind::Shi && i.document == 0));
    // the inline item ends where the next one begins
    assert_eq!(o.items[2].span.end, o.items[3].span.start);
}

#[test]
fn lone_or_embedded_shi_is_not_an_item() {
    let text = "统一是关键。这一是非问题要讲清。\n";
    assert!(items(text).is_empty());
}

#[test]
fn ordinal_items() {
    let text = format!("主要体现在三个方面：\n\n第一，认同度提高。{PARA}\n\n第二，参与度提高。\n\n第三，满意度提高。\n第一责任人要到位。\n");
    assert_eq!(items(&text), ["第一，", "第二，", "第三，"]);
}

#[test]
fn sequence_words_when_they_enumerate() {
    let text = format!(
        "我们的做法是：首先，统一思想。其次，完善制度。最后，狠抓落实。\n{PARA}\n最后，感谢大家。\n"
    );
    assert_eq!(items(&text), ["首先", "其次", "最后"]);
    let o = build(&text, &[]);
    assert_eq!(o.items[2].ordinal, None);
    assert_eq!(o.items[1].kind, ItemKind::Sequence);
}

#[test]
fn circled_numbers_inside_a_paragraph() {
    let text = "社区党员主要由五类组成：①在职党员；②退休党员；③流动党员。\n";
    let o = build(text, &[]);
    let m: Vec<_> = o
        .items
        .iter()
        .map(|i| (i.marker.slice(text), i.kind))
        .collect();
    assert_eq!(
        m,
        [
            ("①", ItemKind::Circled),
            ("②", ItemKind::Circled),
            ("③", ItemKind::Circled)
        ]
    );
    assert!(o.headings.is_empty());
}

#[test]
fn dash_bullets_but_not_the_dated_subtitle() {
    let text = format!(
        "政府工作报告\n——2024年3月5日在人民代表大会上\n各位代表：\n{PARA}\n——经济回升向好。{PARA}\n——创新实现突破。{PARA}——民生保障有力。\n---改革持续深化。\n"
    );
    let o = build(&text, &[]);
    let m: Vec<_> = o
        .items
        .iter()
        .map(|i| (i.marker.slice(&text), i.ordinal))
        .collect();
    assert_eq!(m, [("——", None), ("——", None), ("——", None), ("---", None)]);
    assert!(o.items.iter().all(|i| i.kind == ItemKind::Dash));
}

#[test]
fn items_know_their_document() {
    let text = format!("总结篇1\n一是学习。二是实践。\n总结篇2\n{PARA}\n一是学习，二是实践。\n");
    let o = build(&text, &[]);
    let d: Vec<_> = o.items.iter().map(|i| i.document).collect();
    assert_eq!(d, [0, 0, 1, 1]);
}

// ---------------------------------------------------------------- robustness

#[test]
fn odd_inputs() {
    for t in [
        "",
        "\n\n",
        "\u{feff}",
        "（",
        "（\n",
        "一、",
        "1.",
        "——",
        "=====",
        "篇1\n篇2",
        "\r\r\n一、甲\r二、乙",
        "①",
        "一是",
    ] {
        let o = build(t, &[]);
        for h in &o.headings {
            assert!(t.get(h.span.start..h.span.end).is_some());
        }
        assert_eq!(o.documents.is_empty(), t.is_empty());
    }
}

#[test]
fn many_headings_stay_linear() {
    let mut text = String::from("报告\n");
    for i in 0..20_000 {
        text.push_str(&format!("{}、标题\n", i % 9 + 1));
    }
    let t = std::time::Instant::now();
    let o = build(&text, &[]);
    assert!(o.headings.len() > 10_000);
    assert!(t.elapsed().as_secs() < 10);
}

mod props {
    use super::super::build;
    use crate::Span;
    use proptest::prelude::*;

    fn report_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("一、".to_string()),
            Just("（二）".to_string()),
            Just("(3)".to_string()),
            Just("3.".to_string()),
            Just("1.2".to_string()),
            Just("②".to_string()),
            Just("二是".to_string()),
            Just("第一，".to_string()),
            Just("首先，".to_string()),
            Just("——".to_string()),
            Just("篇1".to_string()),
            Just("=====".to_string()),
            Just("。".to_string()),
            Just("：".to_string()),
            Just("\n".to_string()),
            Just("\r\n".to_string()),
            Just("（\n".to_string()),
            Just("\u{3000}".to_string()),
            Just("工作".to_string()),
            Just("一年来，".to_string()),
            "[a-z .]{0,3}",
            "\\PC{0,4}",
        ];
        prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
    }

    fn check(text: &str, bp: &[Span]) -> Result<(), TestCaseError> {
        let o = build(text, bp);
        let ok = |s: &Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        prop_assert_eq!(o.documents.is_empty(), text.is_empty());
        for w in o.documents.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start);
        }
        for d in &o.documents {
            prop_assert!(ok(&d.span) && ok(&d.title));
        }
        for (i, h) in o.headings.iter().enumerate() {
            prop_assert!(ok(&h.span) && ok(&h.marker) && ok(&h.title));
            prop_assert!(h.depth >= 1);
            prop_assert!(h.document < o.documents.len());
            if i > 0 {
                prop_assert!(o.headings[i - 1].span.start <= h.span.start);
            }
            if let Some(p) = h.parent {
                prop_assert!(p < i);
                let ps = o.headings[p].span;
                prop_assert!(ps.start <= h.span.start && h.span.end <= ps.end);
                prop_assert!(o.headings[p].depth < h.depth);
            }
            for b in bp {
                prop_assert!(!b.contains(h.span.start));
            }
        }
        for (i, it) in o.items.iter().enumerate() {
            prop_assert!(ok(&it.span) && ok(&it.marker));
            if i > 0 {
                prop_assert!(o.items[i - 1].span.start < it.span.start);
            }
            for b in bp {
                prop_assert!(!b.contains(it.span.start));
            }
        }
        Ok(())
    }

    /// The punctuation places stored with the lines are those of a scan of each line.
    fn stored_puncts_match_a_scan_of_each_line(text: &str) -> Result<(), TestCaseError> {
        let mut lines = super::super::scan_lines(text, &[]);
        let mut puncts = Vec::new();
        super::super::fill_puncts(text, &mut lines, &mut puncts);
        for l in &lines {
            let want: Vec<_> = super::super::lexicon::punct_positions(l.trim.slice(text)).collect();
            prop_assert_eq!(l.puncts(text, &puncts).collect::<Vec<_>>(), want);
        }
        Ok(())
    }

    proptest! {
        #[test]
        fn well_formed_on_arbitrary_strings(text in "\\PC*") {
            check(&text, &[])?;
            stored_puncts_match_a_scan_of_each_line(&text)?;
        }

        #[test]
        fn well_formed_on_report_like_text(text in report_like(), cut in 0usize..100) {
            check(&text, &[])?;
            stored_puncts_match_a_scan_of_each_line(&text)?;
            // a boilerplate block over a prefix, on a char boundary
            let mut at = (cut * text.len() / 100).min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            check(&text, &[Span::new(0, at)])?;
        }
    }
}

// ---------------------------------------------------------------- appendices

#[test]
fn appendix_labels_open_parts_whose_numbering_restarts() {
    let text = format!(
        "2025年区政府工作报告\n{PARA}\n一、过去一年的工作\n{PARA}\n二、今年的主要任务\n{PARA}\n（一）稳住经济大盘\n{PARA}\n（二）保障改善民生\n{PARA}\n附件1\n2025年区十项民生实事\n一、扩大托育服务供给\n{PARA}\n二、改造老旧小区\n{PARA}\n附件2\n名词解释\n1.“一网通办”：\n{PARA}\n2.“三农”：\n{PARA}\n"
    );
    let h = heads(&text);
    assert_eq!(
        h,
        [
            (1, "一、", "过去一年的工作"),
            (1, "二、", "今年的主要任务"),
            (2, "（一）", "稳住经济大盘"),
            (2, "（二）", "保障改善民生"),
            (1, "", "附件1"),
            (2, "一、", "扩大托育服务供给"),
            (2, "二、", "改造老旧小区"),
            (1, "", "附件2"),
            (2, "1.", "“一网通办”"),
            (2, "2.", "“三农”"),
        ]
    );
    // the appendix's parent chain: 一、 under 附件1, not under （二）
    let o = build(&text, &[]);
    let parent = o.headings.get(5).and_then(|x| x.parent);
    assert_eq!(parent, Some(4));
}

#[test]
fn appendix_label_with_colon_and_no_numbering_before() {
    // the appendix is a top-level part even when the body's top level is （一）
    let text = format!(
        "（一）守牢安全底线\n{PARA}\n（二）加强自身建设\n{PARA}\n附件：\n一、名词解释\n{PARA}\n二、数据说明\n{PARA}\n"
    );
    let d: Vec<_> = heads(&text).iter().map(|h| (h.0, h.2)).collect();
    assert_eq!(
        d,
        [
            (1, "守牢安全底线"),
            (1, "加强自身建设"),
            (1, "附件"),
            (2, "名词解释"),
            (2, "数据说明"),
        ]
    );
    // a label inside the document head or mid-sentence is not a heading
    let text = format!("附件\n{PARA}\n附件材料已于三月报送上级部门。\n");
    assert_eq!(heads(&text).len(), 0);
}

#[test]
fn a_heading_run_into_the_line_ends_the_title_before_it() {
    // Questions pasted as one line: each question mark is followed by the next heading, and no
    // title may reach into the heading after it.
    for (text, want) in [
        (
            "（一）为什么要学？（二）怎样学好",
            vec![(1, "（一）", "为什么要学？"), (1, "（二）", "怎样学好")],
        ),
        (
            "一、为什么要学？二、怎样学好？三、学了有什么用",
            vec![
                (1, "一、", "为什么要学？"),
                (1, "二、", "怎样学好？"),
                (1, "三、", "学了有什么用"),
            ],
        ),
    ] {
        for h in &build(text, &[]).headings {
            assert!(
                h.title.end <= h.span.end,
                "{:?} runs past its heading",
                h.title.slice(text)
            );
        }
        assert_eq!(heads(text), want);
    }
}
