use super::*;
use proptest::prelude::*;

fn found(text: &str) -> Vec<&str> {
    find(text, &[]).iter().map(|p| p.span.slice(text)).collect()
}

#[test]
fn year_masks() {
    assert_eq!(found("20_年，我们"), ["20_年"]);
    assert_eq!(found("本单位自20__年开始推行"), ["20__年"]);
    assert_eq!(found("____年，全镇上下团结一心"), ["____年"]);
    assert_eq!(found("20XX年，在区委的关心下"), ["20XX年"]);
    assert_eq!(found("支部于XX年制定了规划"), ["XX年"]);
    assert_eq!(found("xx年的各项任务即将完成"), ["xx年"]);
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
    assert_eq!(found("成效明显。\n\nxx年3月，分公司开展培训"), ["xx年"]);
    // The month stays a date for the statistics stage.
    assert_eq!(found("xx年9月，我们组织了考核"), ["xx年"]);
}

#[test]
fn masked_dates_are_one_placeholder() {
    assert_eq!(found("于X月X日召开会议"), ["X月X日"]);
    assert_eq!(found("于xx年xx月xx日召开会议"), ["xx年xx月xx日"]);
}

#[test]
fn name_masks_take_their_noun() {
    assert_eq!(found("认真领会xx届三中全会部署"), ["xx届"]);
    assert_eq!(found("例如xx社区居委会"), ["xx社区"]);
    assert_eq!(found("去年，**街道党委"), ["**街道"]);
    assert_eq!(found("推动***社区阵地建设"), ["***社区"]);
    assert_eq!(found("建成便民****服务站和文化广场"), ["****服务站"]);
    assert_eq!(found("某某同志任支部书记"), ["某某同志"]);
    assert_eq!(found("××社区开展活动"), ["××社区"]);
    assert_eq!(found("□□县召开会议"), ["□□县"]);
    assert_eq!(found("深入贯彻_大精神"), ["_大精神"]);
    assert_eq!(found("xx质量评审委员会定期抽查"), ["xx质量评审委员会"]);
    assert_eq!(
        found("据某某日报报道，某某局召开会议"),
        ["某某日报", "某某局"]
    );
}

#[test]
fn adjacent_masks_stay_separate() {
    assert_eq!(
        found("贯彻xx大以及xx届xx全会要求"),
        ["xx大", "xx届", "xx全会"]
    );
    assert_eq!(found("如xx新区xx社区(村)"), ["xx新区", "xx社区"]);
    assert_eq!(found("现对_年度_社区团委工作报告如下"), ["_年度", "_社区"]);
}

#[test]
fn masked_amounts_and_numbers() {
    assert_eq!(
        found("共筹集资金***万元,其中街道拨付***多万元"),
        ["***万元", "***多万元"]
    );
    assert_eq!(found("全区共有350xx退休职工参加"), ["350xx"]);
    assert_eq!(found("吸引200x名志愿者报名"), ["200x名"]);
    assert_eq!(found("同5x乡、村单位共建"), ["5x"]);
}

#[test]
fn numeral_and_bare_masks() {
    assert_eq!(
        found("____年,是“十__五”计划的收官之年"),
        ["____年", "“十__五”"]
    );
    assert_eq!(found("办好____·山城之夏·荷花节活动"), ["____"]);
    assert_eq!(found("负责人：某某，联系人：***"), ["某某", "***"]);
}

#[test]
fn traps_are_not_placeholders() {
    for text in [
        "使用Excel和XML文件，在Linux上运行x86程序，box里有东西。",
        "完善“2+N+X”服务体系，推进“人工智能×”工程。",
        "PM_10浓度下降，demo_build.zip已发布，__init__模块。",
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

#[test]
fn mask_starts_agrees_with_family_on_every_char() {
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        let b = c.encode_utf8(&mut buf).as_bytes();
        assert_eq!(mask_starts(b, 0), family(c).is_some(), "{c:?}");
        for j in 1..b.len() {
            assert!(!mask_starts(b, j), "{c:?} at {j}");
        }
    }
}

#[test]
fn mask_filter_passes_every_mask() {
    let mut buf = [0u8; 4];
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if family(c).is_none() {
            continue;
        }
        let b = c.encode_utf8(&mut buf).as_bytes();
        let at = |k: usize| usize::from(b.get(k).copied().unwrap_or(0));
        assert_ne!(MASK_B0[at(0)] & MASK_B1[at(1)] & MASK_B2[at(2)], 0, "{c:?}");
    }
    // No continuation byte can start one (the scan visits every byte).
    assert!((0x80..0xC0).all(|b: usize| MASK_B0[b] == 0));
    // At the end of the text (missing bytes read as 0) the ASCII masks still pass.
    assert_ne!(MASK_B0[usize::from(b'x')] & MASK_B1[0] & MASK_B2[0], 0);
}

/// The byte-by-byte skip [`next_mask`] replaced, kept to compare with.
fn next_mask_bytewise(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < b.len() {
        if mask_starts(b, i) {
            return i;
        }
        i += 1;
    }
    b.len().max(from)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    #[test]
    fn next_mask_finds_what_a_byte_scan_finds(
        s in "[_*xX×╳□○◯某＿＊Ｘｘ一二社区某年a1 \\n，。\\u{00C0}\\u{2500}-\\u{25FF}\\u{6700}-\\u{67FF}\\u{FF00}-\\u{FF5F}]{0,80}",
        from in 0usize..100,
    ) {
        let b = s.as_bytes();
        let from = from.min(b.len());
        let mut i = from;
        // every mask start from `from` on, in turn
        loop {
            let got = next_mask(b, i);
            proptest::prop_assert_eq!(got, next_mask_bytewise(b, i));
            if got >= b.len() {
                break;
            }
            i = got + 1;
        }
    }

    #[test]
    fn next_mask_on_any_text(s in proptest::prelude::any::<String>(), from in 0usize..64) {
        let b = s.as_bytes();
        let from = from.min(b.len());
        proptest::prop_assert_eq!(next_mask(b, from), next_mask_bytewise(b, from));
    }
}
