use super::*;
use proptest::prelude::*;

fn blocks(text: &str) -> Vec<&str> {
    find(text).iter().map(|s| s.slice(text)).collect()
}

#[test]
fn page_chrome_one_token_per_line() {
    let text = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2023年社区工作总结\n一年来，我们做了很多工作。\n";
    assert_eq!(
        blocks(text),
        ["下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】"]
    );
}

#[test]
fn chrome_tokens_on_one_line() {
    let text =
        "【字号：大 中 小】 【打印】 【关闭】\n2023年社区工作总结\n一年来，我们做了很多工作。\n";
    assert_eq!(blocks(text), ["【字号：大 中 小】 【打印】 【关闭】"]);
}

#[test]
fn breadcrumb_one_token_per_line_then_title_then_fields() {
    let text = "当前位置：\n首页\n>\n工作动态\n>\n基层党建\n2023年某街道党工委工作总结\n发表时间：\n\
                2023-12-29 09:45:30\n来源：\n某某日报客户端\n阅读量：\n【字体：\n小\n中\n大\n】\n\
                2023年某街道党工委工作总结\n——在街道党员大会上\n一年来，我们认真贯彻落实上级部署。\n";
    assert_eq!(
        blocks(text),
        [
            "当前位置：\n首页\n>\n工作动态\n>\n基层党建",
            "发表时间：\n2023-12-29 09:45:30\n来源：\n某某日报客户端\n阅读量：\n【字体：\n小\n中\n大\n】"
        ]
    );
}

#[test]
fn breadcrumb_with_repeated_column_name() {
    let text = "您的位置:\n首页\n>\n地方要闻\n地方要闻\n2024年政府工作报告\n来源：某某日报\n\
                2024-02-03 09:02:33\n【字体：\n大\n中\n小\n】\n——2024年1月28日在某某市人民代表大会上\n";
    assert_eq!(
        blocks(text),
        [
            "您的位置:\n首页\n>\n地方要闻\n地方要闻",
            "来源：某某日报\n2024-02-03 09:02:33\n【字体：\n大\n中\n小\n】"
        ]
    );
}

#[test]
fn breadcrumb_on_one_line() {
    let text = "当前位置：首页 > 工作总结 > 党建工作总结\n2023年党建工作总结\n今年以来，我支部认真落实。\n";
    assert_eq!(blocks(text), ["当前位置：首页 > 工作总结 > 党建工作总结"]);
}

#[test]
fn share_and_print_footer() {
    let text = "一、主要工作\n全年完成各项任务。\n扫一扫在手机上打开当前页\n【\n打印本页\n】\n【\n关闭窗口\n】\n";
    assert_eq!(
        blocks(text),
        ["扫一扫在手机上打开当前页\n【\n打印本页\n】\n【\n关闭窗口\n】"]
    );
}

#[test]
fn topic_link_share_and_related_footer() {
    let text = "让我们携手奋进，再创佳绩！\n》》点击图片进入专题《《\n收藏\n|\n分享到:\n分享到微信\n×\n相关文档：\n";
    assert_eq!(
        blocks(text),
        ["》》点击图片进入专题《《\n收藏\n|\n分享到:\n分享到微信\n×\n相关文档："]
    );
}

#[test]
fn crawler_header() {
    let text = "标题: 2023年度工作总结\n发布时间: 2023-01-05 10:00\n原文链接: https://example.invalid/a.html\n\
                ==== 正文 ====\n2023年度工作总结\n过去一年，我们取得了较好成绩。\n";
    assert_eq!(
        blocks(text),
        ["标题: 2023年度工作总结\n发布时间: 2023-01-05 10:00\n原文链接: https://example.invalid/a.html\n==== 正文 ===="]
    );
}

#[test]
fn site_header_and_fused_blurb_as_one_block() {
    let text = "2023年述职报告5篇(完整版)\n\n时间:2023-05-06 10:11:12 述职报告 来源:网友投稿\n\n\
                述职报告20xx年,我在局党组的领导下,认真履行岗位职责,深下面是小编为大家整理的述职报告5篇,供大家参考。\n\n\
                述职报告5篇\n\n述职报告篇1\n\n20xx年,我在局党组的领导下认真工作。\n";
    let got = blocks(text);
    assert_eq!(got.len(), 1);
    assert!(got[0].starts_with("时间:2023-05-06"));
    assert!(got[0].ends_with("供大家参考。"));
    assert!(!got[0].contains("述职报告5篇(完整版)"));
}

#[test]
fn site_fields_on_one_line() {
    let text = "来源：某某日报 时间：2023-01-01 阅读量：123\n今年以来，我们扎实推进各项工作。\n";
    assert_eq!(
        blocks(text),
        ["来源：某某日报 时间：2023-01-01 阅读量：123"]
    );
}

#[test]
fn recommended_links_footer() {
    let text = "明年我们将再接再厉。\n\n推荐访问:述职 年终总结 村级述职报告2024 教师述职报告\n";
    assert_eq!(
        blocks(text),
        ["推荐访问:述职 年终总结 村级述职报告2024 教师述职报告"]
    );
}

#[test]
fn related_reports_take_their_link_lines() {
    let text = "各位代表！让我们团结奋斗。\n相关报道：\n某某省召开人代会\n代表热议政府工作报告\n";
    assert_eq!(
        blocks(text),
        ["相关报道：\n某某省召开人代会\n代表热议政府工作报告"]
    );
}

#[test]
fn previous_next_links() {
    let text = "以上是我的述职，请予评议。\n上一篇：2022年述职报告\n下一篇：2024年工作计划\n";
    assert_eq!(
        blocks(text),
        ["上一篇：2022年述职报告\n下一篇：2024年工作计划"]
    );
}

#[test]
fn photo_captions() {
    for caption in [
        "李某某作政府工作报告。某某日报记者 张小三",
        "大会在某市开幕。某某日报记者 王五 摄",
        "市长作政府工作报告。 王五 摄",
        "图为座谈会现场。",
        "摄影：赵六",
        "某某日报记者赵六",
    ] {
        let text =
            format!("政府工作报告\n{caption}\n各位代表：\n现在，我代表市人民政府报告工作。\n");
        assert_eq!(blocks(&text), [caption], "{caption}");
    }
}

#[test]
fn report_lines_that_look_like_chrome_stay_report() {
    for text in [
        // A download address inside the report.
        "一、发布新版本\n    每日构建版下载地址：\n    https://example.invalid/builds\n",
        // A link label inside the report.
        "四、公益基金继续接受捐助。\n    链接：\n    https://example.invalid/foundation\n",
        // Fields that are report text.
        "资金来源：财政拨款\n时间：一年来我们不断努力。\n",
        // A rule between two documents and a signature date.
        "第一篇总结。\n=====\nSecond summary.\n\n    某某开发组\n    2003-04-04\n",
        // Short headings and a reporter in a sentence.
        "注释\n附件2\n名词解释\n记者采访了新闻记者介绍\n我们接受了本报记者采访。\n",
        // Chrome words inside sentences.
        "打印机采购已完成，下载量增长20%。\n相关报道引起了广泛关注，大家纷纷点赞。\n",
        // A lone weak token next to report text.
        "大\n一年来，我们做了很多工作。\n",
    ] {
        assert_eq!(blocks(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn long_line_blurb_marks_only_its_sentence() {
    let body = "我们认真开展主题教育活动，取得了明显成效。".repeat(20);
    let text = format!("{body}下面是小编为大家整理的工作总结范文，供大家参考。{body}\n");
    assert_eq!(
        blocks(&text),
        ["下面是小编为大家整理的工作总结范文，供大家参考。"]
    );
}

#[test]
fn encoding_artefacts() {
    let text = "\u{FEFF}下载\r\n打印\r\n \r\n【字号：\r\n加大\r\n\u{3000}】\u{2002}\r\n\u{3000}\u{3000}一年来，我们做了很多工作。\r\n";
    assert_eq!(
        blocks(text),
        ["下载\r\n打印\r\n \r\n【字号：\r\n加大\r\n\u{3000}】"]
    );
    let text = "扫一扫在手机打开当前页\r【\r打印本页\r】";
    assert_eq!(blocks(text), ["扫一扫在手机打开当前页\r【\r打印本页\r】"]);
    assert!(find("").is_empty());
    assert!(find(" \n\u{3000}\n").is_empty());
}

#[test]
fn long_single_line_is_fast_and_not_chrome() {
    let text = "我们认真开展工作，".repeat(200_000);
    assert!(find(&text).is_empty());
}

pub(crate) fn well_formed(text: &str, spans: &[Span]) -> Result<(), String> {
    let mut prev_end = 0usize;
    for (k, s) in spans.iter().enumerate() {
        if s.is_empty() || s.end > text.len() {
            return Err(format!("span {k} {s:?} empty or out of bounds"));
        }
        if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
            return Err(format!("span {k} {s:?} not on char boundaries"));
        }
        if k > 0 && s.start < prev_end {
            return Err(format!("span {k} {s:?} overlaps or is out of order"));
        }
        prev_end = s.end;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_spans_are_well_formed(
        text in "([下载打印【】字号：大中小>首页来源时间:：记者摄小编供大家参考推荐访问相关报道0-9xX_*×某年社区 \u{3000}\u{FEFF}\u{2002}a-z。，]|\n|\r\n|\r){0,120}"
    ) {
        let spans = find(&text);
        prop_assert!(well_formed(&text, &spans).is_ok(), "{:?}", well_formed(&text, &spans));
    }

    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let spans = find(&text);
        prop_assert!(well_formed(&text, &spans).is_ok(), "{:?}", well_formed(&text, &spans));
    }
}

#[test]
fn breadcrumb_without_label_and_page_numbers() {
    let text = "首页 > 工作总结 > 党建工作总结\n2023年党建工作总结\n一年来，我们认真工作。\n- 2 -\n下一步，我们将继续努力。\n第3页 共10页\n";
    assert_eq!(
        blocks(text),
        ["首页 > 工作总结 > 党建工作总结", "- 2 -", "第3页 共10页"]
    );
    // Not page numbers.
    let text = "一年来，我们认真工作。\n-3-5\n第3页内容\n共计10页\n——2\n";
    assert_eq!(blocks(text), Vec::<&str>::new());
}

#[test]
fn blurb_cues_need_a_strong_cue_or_a_close_pair() {
    // One weak cue alone in a report sentence.
    let text = "现将有关情况整理如下，供大家参考。\n";
    assert!(blocks(text).is_empty());
    // Two weak cues far apart in a long paragraph.
    let filler = "我们认真开展主题教育活动，取得了明显成效。".repeat(10);
    let text = format!("我们为大家整理了学习资料，{filler}以上内容供大家参考。\n");
    assert!(blocks(&text).is_empty());
    // A close pair is a blurb.
    let text = "以下是为大家整理的工作总结，供大家参考。\n";
    assert_eq!(blocks(text), ["以下是为大家整理的工作总结，供大家参考。"]);
    let text = "【导语】工作总结是对过去工作的回顾。\n一、主要成绩\n";
    assert_eq!(blocks(text), ["【导语】工作总结是对过去工作的回顾。"]);
}

#[test]
fn related_label_high_up_takes_no_link_lines() {
    let filler = "我们认真开展主题教育活动，取得了明显成效。\n".repeat(40);
    let text = format!("相关报道：\n2024年政府工作报告\n{filler}");
    assert_eq!(blocks(&text), ["相关报道："]);
}

#[test]
fn related_list_after_bracketed_title_and_site_footer_fields() {
    let text = "以上是我的工作总结。\n【2023年个人工作总结（通用6篇）】相关文章：\n1.2023年个人工作总结\n2.个人工作总结（精选）\n";
    assert_eq!(
        blocks(text),
        ["【2023年个人工作总结（通用6篇）】相关文章：\n1.2023年个人工作总结\n2.个人工作总结（精选）"]
    );
    let text = "以上是我的工作总结。\n【打印此页】 【关闭窗口】\n主办单位：某某县人民政府办公室\u{3000}\u{3000}承办单位：某某县大数据中心\n网站标识码：1234567890\n";
    assert_eq!(
        blocks(text),
        ["【打印此页】 【关闭窗口】\n主办单位：某某县人民政府办公室\u{3000}\u{3000}承办单位：某某县大数据中心\n网站标识码：1234567890"]
    );
}

#[test]
fn dated_source_line_bracketed_caption_and_meeting_fields() {
    let text = "2024年某市政府工作报告\n2024-01-30 08:30 来源：某某日报\n——2024年1月25日在某市人民代表大会上\n\
                1月25日，某市人民代表大会开幕。（记者 赵六 摄）\n各位代表：\n";
    assert_eq!(
        blocks(text),
        [
            "2024-01-30 08:30 来源：某某日报",
            "1月25日，某市人民代表大会开幕。（记者 赵六 摄）"
        ]
    );
    // A meeting record's own fields are report text.
    let text = "社区2023年工作总结\n时间：2023年12月\n地点：社区会议室\n一、基本情况\n";
    assert!(blocks(text).is_empty());
    // A numeric stamp is page metadata.
    let text = "社区2023年工作总结\n时间：2023-12-20 10:00\n一、基本情况\n";
    assert_eq!(blocks(text), ["时间：2023-12-20 10:00"]);
}

#[test]
fn label_alone_does_not_take_a_title_as_its_value() {
    let text = "来源：\n2024年政府工作报告\n——在某市人民代表大会上\n发布时间：\n各位代表：\n";
    assert_eq!(blocks(text), ["来源：", "发布时间："]);
    let text = "来源：\n某某日报客户端\n阅读量：\n1234\n2024年政府工作报告\n";
    assert_eq!(blocks(text), ["来源：\n某某日报客户端\n阅读量：\n1234"]);
}

#[test]
fn more_site_chrome_shapes() {
    let text = "工作总结\n（本文来源：某某日报）\n字号：T|T\n一年来，我们认真工作。\n联系我们 | 网站地图 | 隐私声明\n";
    assert_eq!(
        blocks(text),
        [
            "（本文来源：某某日报）\n字号：T|T",
            "联系我们 | 网站地图 | 隐私声明"
        ]
    );
}

#[test]
fn trails_and_government_info_tables() {
    let text = "某某网>>时政>>正文\n2026年01月28日 08:10 来源：某某网－某某日报\n政府工作报告\n各位代表：\n";
    assert_eq!(
        blocks(text),
        ["某某网>>时政>>正文\n2026年01月28日 08:10 来源：某某网－某某日报"]
    );
    let text = "索引号：\n11640000MB1234567X/2026-00012\n发文机关：\n某某省人民政府\n成文日期：\n2026-01-30\n政府工作报告\n";
    assert_eq!(
        blocks(text),
        ["索引号：\n11640000MB1234567X/2026-00012\n发文机关：\n某某省人民政府\n成文日期：\n2026-01-30"]
    );
    // Comparisons in a report are not trails.
    let text = "指标对比：A>B>C，效果明显。\n产值>100亿元\n";
    assert!(blocks(text).is_empty());
}

#[test]
fn signature_date_above_a_footer_stays_report() {
    let text = "以上是我的述职报告。\n述职人：张三\n2023-12-30\n\n上一篇：2022年述职报告\n";
    assert_eq!(blocks(text), ["上一篇：2022年述职报告"]);
    let text = "以上是我的述职报告。\n2023年12月30日\n推荐访问:述职报告 工作总结\n";
    assert_eq!(blocks(text), ["推荐访问:述职报告 工作总结"]);
}

#[test]
fn breadcrumb_item_that_is_a_title_stays_report() {
    let text = "当前位置：\n首页\n>\n要闻\n>\n2024年政府工作报告\n各位代表：\n";
    assert_eq!(blocks(text), ["当前位置：\n首页\n>\n要闻\n>"]);
}

#[test]
fn report_sentences_starting_with_footer_words_stay_report() {
    let text = "上一条经验是坚持问题导向，下一条是坚持目标导向。\n扫一扫二维码即可参加满意度调查，参与人数达到1200人。\n";
    assert!(blocks(text).is_empty());
    let text = "以上是我的述职。\n版权所有 © 2024 某某网\n";
    assert_eq!(blocks(text), ["版权所有 © 2024 某某网"]);
}

#[test]
fn credit_alone_takes_the_caption_sentence_above() {
    let text = "某某省省长 王五\n王五作政府工作报告。\n某某日报记者 张三\n各位代表：\n";
    assert_eq!(blocks(text), ["王五作政府工作报告。\n某某日报记者 张三"]);
    // A speaker line above a credit is not a caption sentence.
    let text = "政府工作报告\n某某省省长 王五\n某某日报记者 张三\n各位代表：\n";
    assert_eq!(blocks(text), ["某某日报记者 张三"]);
}
