use super::*;
use proptest::prelude::*;

fn found(text: &str) -> Vec<&str> {
    find(text, &[]).iter().map(|p| p.span.slice(text)).collect()
}

#[test]
fn year_masks() {
    assert_eq!(found("20_年，我们"), ["20_年"]);
    assert_eq!(found("我们从20__年起就着手"), ["20__年"]);
    assert_eq!(found("____年，是关键一年"), ["____年"]);
    assert_eq!(found("20XX年，在市委领导下"), ["20XX年"]);
    assert_eq!(found("我们在XX年结合实际"), ["XX年"]);
    assert_eq!(found("xx年的工作已接近尾声"), ["xx年"]);
    assert_eq!(found("ＸＸ年，＿年度"), ["ＸＸ年", "＿年度"]);
}

#[test]
fn bare_name_and_year_masks() {
    assert_eq!(found("我叫xx，来自xx公司"), ["xx", "xx公司"]);
    assert_eq!(found("联系人：XXX。"), ["XXX"]);
    assert_eq!(found("20xx-20xx学年第一学期"), ["20xx", "20xx学年"]);
    // Latin context: not masks.
    assert_eq!(found("Chapter XX. Type: XXL; +XX。"), Vec::<&str>::new());
    // A masked year in English text is still a masked year.
    assert_eq!(found("in 20XX; we"), ["20XX"]);
}

#[test]
fn masked_year_beside_real_month() {
    assert_eq!(found("工作。\n\nxx年6月，总公司举行比赛"), ["xx年"]);
    // The month stays a date for the statistics stage.
    assert_eq!(found("xx年6月，总公司举行比赛"), ["xx年"]);
}

#[test]
fn masked_dates_are_one_placeholder() {
    assert_eq!(found("于X月X日召开会议"), ["X月X日"]);
    assert_eq!(found("于xx年xx月xx日召开会议"), ["xx年xx月xx日"]);
}

#[test]
fn name_masks_take_their_noun() {
    assert_eq!(found("学习党的xx届五中全会精神"), ["xx届"]);
    assert_eq!(found("比如xx社区党支部"), ["xx社区"]);
    assert_eq!(found("今年，我们**街道党工委"), ["**街道"]);
    assert_eq!(found("使***社区组织的服务功能"), ["***社区"]);
    assert_eq!(found("社区医疗****服务站、科技服务中心"), ["****服务站"]);
    assert_eq!(found("某某同志任支部书记"), ["某某同志"]);
    assert_eq!(found("××社区开展活动"), ["××社区"]);
    assert_eq!(found("□□县召开会议"), ["□□县"]);
    assert_eq!(found("深入贯彻_大精神"), ["_大精神"]);
    assert_eq!(found("xx标志认证委员会每年一次检查"), ["xx标志认证委员会"]);
    assert_eq!(
        found("据某某日报报道，某某局召开会议"),
        ["某某日报", "某某局"]
    );
}

#[test]
fn adjacent_masks_stay_separate() {
    assert_eq!(
        found("党的xx大和xx届xx全会精神"),
        ["xx大", "xx届", "xx全会"]
    );
    assert_eq!(found("比如xx新区xx社区(街道)"), ["xx新区", "xx社区"]);
    assert_eq!(
        found("现将_年度_社区党支部工作总结如下"),
        ["_年度", "_社区"]
    );
}

#[test]
fn masked_amounts_and_numbers() {
    assert_eq!(
        found("总投入达到***万元,其中区政府投入***多万元"),
        ["***万元", "***多万元"]
    );
    assert_eq!(found("全县已有120xx在职党员"), ["120xx"]);
    assert_eq!(found("有100x名党员自愿参加"), ["100x名"]);
    assert_eq!(found("与7x县、镇机关结对"), ["7x"]);
}

#[test]
fn numeral_and_bare_masks() {
    assert_eq!(
        found("____年,是“十__五”规划的重要一年"),
        ["____年", "“十__五”"]
    );
    assert_eq!(found("使____·延边之春·梨花节更加精彩"), ["____"]);
    assert_eq!(found("负责人：某某，联系人：***"), ["某某", "***"]);
}

#[test]
fn traps_are_not_placeholders() {
    for text in [
        "使用Excel和XML文件，在Linux上运行x86程序，box里有东西。",
        "构建“1+N+X”规划体系，实施“数据要素×”行动。",
        "PM_2.5浓度下降，cnpack_test.zip已发布，__init__模块。",
        "**重点工作**：抓好党建。\n**一、总体情况**\n",
        "面积为3×4米，2**3等于8，a*b。",
        "______\n* * *\n******\n====\n×\n",
        "开展X光检查和X射线检测。",
        "二○○三年工作总结，□是 □否。",
        "version 1.2x发布，3x3矩阵，iPhoneX上市。",
        "x = 3，X。",
    ] {
        assert_eq!(found(text), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn never_inside_boilerplate() {
    let text = "时间:2023-08-08 来源:网友投稿\n\n工作总结20_年,学习党的xx届全会精神,下面是小编为大家整理的工作总结,供大家参考。\n\n20_年,我们认真工作。\n";
    let bp = crate::boilerplate::find(text);
    assert_eq!(bp.len(), 1);
    let got: Vec<&str> = find(text, &bp).iter().map(|p| p.span.slice(text)).collect();
    assert_eq!(got, ["20_年"]);
    let first = find(text, &bp)[0].span;
    assert!(first.start > bp[0].end);
}

#[test]
fn encoding_artefacts() {
    let text = "\u{FEFF}xx年的工作\r\n\u{3000}\u{3000}**社区\u{2002}***万元\r\n \r\n";
    assert_eq!(found(text), ["xx年", "**社区", "***万元"]);
}

#[test]
fn many_markers_stay_linear() {
    let text = "xx年**社区_年".repeat(50_000);
    assert_eq!(find(&text, &[]).len(), 150_000);
    let text = "*".repeat(1_000_000);
    assert!(find(&text, &[]).is_empty());
    let text = "**a".repeat(300_000);
    let _ = find(&text, &[]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn never_panics_and_spans_are_well_formed(
        text in "([xXｘＸ_＿*＊×某□○0-9年社区万元月日大十五“”·a-z 。，\u{3000}\u{FEFF}\u{2002}]|\n|\r\n|\r){0,120}"
    ) {
        let bp = crate::boilerplate::find(&text);
        let spans: Vec<Span> = find(&text, &bp).iter().map(|p| p.span).collect();
        let ok = crate::boilerplate::tests::well_formed(&text, &spans);
        prop_assert!(ok.is_ok(), "{:?}", ok);
        for s in &spans {
            prop_assert!(!bp.iter().any(|b| b.overlaps(s)));
        }
    }

    #[test]
    fn never_panics_on_any_string(text in any::<String>()) {
        let spans: Vec<Span> = find(&text, &[]).iter().map(|p| p.span).collect();
        let ok = crate::boilerplate::tests::well_formed(&text, &spans);
        prop_assert!(ok.is_ok(), "{:?}", ok);
    }
}
