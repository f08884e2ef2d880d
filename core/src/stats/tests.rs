//! Unit tests of statistics extraction (reports written for the tests, in the corpus style).
#![allow(clippy::unwrap_used)]

/// (text, kind, value, high, unit, approx).
type Row = (
    String,
    &'static str,
    Option<f64>,
    Option<f64>,
    String,
    Option<&'static str>,
);

use super::*;
use crate::DefectCode;

fn stats(text: &str) -> Vec<Stat> {
    extract(text, &Context::empty()).0
}

fn defects(text: &str) -> Vec<Defect> {
    extract(text, &Context::empty()).1
}

/// (text, kind, value, high, unit, approx) of every statistic.
fn rows(text: &str) -> Vec<Row> {
    stats(text)
        .into_iter()
        .map(|s| {
            (
                s.span.slice(text).to_string(),
                s.kind.as_str(),
                s.value,
                s.high,
                s.unit.clone(),
                s.approx.map(Approx::as_str),
            )
        })
        .collect()
}

fn texts(text: &str) -> Vec<String> {
    stats(text)
        .into_iter()
        .map(|s| s.span.slice(text).to_string())
        .collect()
}

fn one(text: &str) -> Row {
    let r = rows(text);
    assert_eq!(r.len(), 1, "{text}: {r:?}");
    r.into_iter().next().unwrap_or_default()
}

#[test]
fn counts_money_measures() {
    assert_eq!(
        one("全镇共有党员704人。"),
        (
            "704人".into(),
            "count",
            Some(704.0),
            None,
            "人".into(),
            None
        )
    );
    assert_eq!(
        one("共筹集了9万多元。"),
        (
            "9万多元".into(),
            "money",
            Some(90000.0),
            None,
            "元".into(),
            Some("over")
        )
    );
    assert_eq!(one("新增储量1.9003万吨。").2, Some(19003.0));
    assert_eq!(one("新增储量1.9003万吨。").4, "吨");
    assert_eq!(
        one("帮扶贫困学生2百多名。"),
        (
            "2百多名".into(),
            "count",
            Some(200.0),
            None,
            "名".into(),
            Some("over")
        )
    );
    assert_eq!(one("投资1,132.92亿元。").2, Some(113_292_000_000.0));
    assert_eq!(one("利用外资38亿美元。").4, "美元");
    assert_eq!(
        one("新能源装机8041.6万千瓦。"),
        (
            "8041.6万千瓦".into(),
            "measure",
            Some(80416000.0),
            None,
            "千瓦".into(),
            None
        )
    );
    assert_eq!(one("检查娱乐场所610家(次)。").4, "家次");
    assert_eq!(one("送上十箱文具。").2, Some(10.0));
}

#[test]
fn percents_points_ratios() {
    assert_eq!(
        one("增长5.2%。"),
        ("5.2%".into(), "percent", Some(5.2), None, "%".into(), None)
    );
    assert_eq!(one("增长５％。").2, Some(5.0));
    assert_eq!(one("占百分之七、八十的退休党员").2, Some(70.0));
    assert_eq!(one("占百分之七、八十的退休党员").3, Some(80.0));
    assert_eq!(one("约七成群众满意").2, Some(70.0));
    assert_eq!(one("发生率为3‰。").2, Some(0.3));
    assert_eq!(
        one("覆盖率提高1.64个百分点。"),
        (
            "1.64个百分点".into(),
            "points",
            Some(1.64),
            None,
            "个百分点".into(),
            None
        )
    );
    let r = one("约占三分之一。");
    assert_eq!(r.1, "ratio");
    assert!((r.2.unwrap_or(0.0) - 1.0 / 3.0).abs() < 1e-9);
    assert_eq!(
        one("三次产业结构为17.2：29.5：53.3。").0,
        "17.2：29.5：53.3"
    );
    assert_eq!(one("性别比为2.52∶1。").2, Some(2.52));
    assert_eq!(
        one("交易额增长6.95倍。"),
        ("6.95倍".into(), "ratio", Some(6.95), None, "".into(), None)
    );
    assert_eq!(
        one("总产值实现翻一番。"),
        ("一番".into(), "ratio", Some(2.0), None, "".into(), None)
    );
    assert_eq!(
        one("已经超过了一半。"),
        ("一半".into(), "ratio", Some(0.5), None, "".into(), None)
    );
}

#[test]
fn approximation() {
    assert_eq!(one("约22000余条").5, Some("over"));
    assert_eq!(one("约22000余条").0, "约22000余条");
    assert_eq!(one("增长近30%").0, "近30%");
    assert_eq!(one("增长近30%").5, Some("under"));
    assert_eq!(one("增长5%左右").5, Some("about"));
    assert_eq!(one("60周岁以上").1, "duration");
    assert_eq!(one("突破700亿元").0, "700亿元");
    assert_eq!(one("惠及上千万家庭").0, "上千万");
    assert_eq!(one("惠及上千万家庭").5, Some("over"));
}

#[test]
fn ranges() {
    let r = one("组织两三个小组");
    assert_eq!((r.2, r.3), (Some(2.0), Some(3.0)));
    let r = one("50-100家左右两新组织");
    assert_eq!((r.2, r.3, r.5), (Some(50.0), Some(100.0), Some("about")));
    let r = one("有十几个节目");
    assert_eq!((r.2, r.3), (Some(10.0), Some(19.0)));
    let r = one("有几十年的实践");
    assert_eq!((r.2, r.3, r.1), (Some(20.0), Some(90.0), "duration"));
    let r = one("投资八到九百亿元");
    assert_eq!((r.2, r.3), (Some(8e10), Some(9e10)));
}

#[test]
fn shared_units_and_markers() {
    let t = "分别提高20.9、36.2、54个百分点";
    let r = rows(t);
    assert_eq!(r.len(), 3);
    assert!(r.iter().all(|x| x.1 == "points" && x.4 == "个百分点"));
    assert_eq!(
        texts("夺得4枚金牌，3枚银牌、6枚铜牌"),
        ["4枚", "3枚", "6枚"]
    );
    let r = rows("比重分别超过2%、5%");
    assert_eq!(
        r.iter().map(|x| x.5).collect::<Vec<_>>(),
        [Some("over"), Some("over")]
    );
    assert_eq!(r[0].0, "超过2%");
    let r = rows("分别增长5%、6.5%左右");
    assert_eq!(
        r.iter().map(|x| x.5).collect::<Vec<_>>(),
        [Some("about"), Some("about")]
    );
}

#[test]
fn scaled_numbers_without_unit() {
    assert_eq!(
        one("6600多万纳税人受益"),
        (
            "6600多万".into(),
            "count",
            Some(66_000_000.0),
            None,
            "".into(),
            Some("over")
        )
    );
    assert_eq!(one("务工规模超过3300万。").0, "超过3300万");
    assert_eq!(one("让46万群众远离危险").2, Some(460000.0));
}

#[test]
fn dates() {
    for (t, want) in [
        ("2023年工作总结", "2023年"),
        ("于5月7日举行", "5月7日"),
        ("时间 2023-08-08 20:20:01 发布", "2023-08-08 20:20:01"),
        ("——二〇二六年一月二十七日在大会上", "二〇二六年一月二十七日"),
        ("7月份，我们", "7月份"),
        ("1-6月，全市", "1-6月"),
        ("规划（2016-2030）", "2016-2030"),
        ("展望2005，新的一年", "2005"),
        ("一、2003年第一季度取得的成果", "2003年第一季度"),
        ("从90年代初开始", "90年代"),
        ("即七十年代形成的社区", "七十年代"),
        ("开发组 2022 年工作总结", "2022 年"),
        ("Working Report in 2022", "2022"),
        ("每月的26日是活动日", "26日"),
    ] {
        let r = rows(t);
        assert_eq!(r.len(), 1, "{t}: {r:?}");
        assert_eq!((r[0].0.as_str(), r[0].1), (want, "date"), "{t}");
    }
}

#[test]
fn durations() {
    assert_eq!(one("每届任期3年。").1, "duration");
    assert_eq!(one("服务20余年，").0, "20余年");
    assert_eq!(one("连续16个季度高于全国").4, "个季度");
    assert_eq!(one("成立75周年").4, "周年");
    assert_eq!(one("平均年龄40岁").4, "岁");
}

#[test]
fn never_statistics() {
    for t in [
        "一些",
        "一定",
        "一批",
        "一系列",
        "一年来",
        "统一",
        "万一",
        "一把手",
        "一心一意",
        "千方百计",
        "千家万户",
        "七上八下",
        "三个代表",
        "五个好",
        "两新组织",
        "三会一课",
        "两学一做",
        "四个意识",
        "八项规定",
        "四风",
        "一岗双责",
        "十四五",
        "“十五五”",
        "三重一大",
        "五星级",
        "一站式",
        "一助一",
        "第一",
        "一是",
        "第十六届",
        "首次",
        "第三次",
        "一、",
        "（一）",
        "\n1、",
        "PM2.5",
        "5G",
        "4·23世界读书日",
        "0.7.1版",
        "Delphi 2005",
        "QQ群：359682",
        "［1］",
        "http://www.cnpack.org/?id=529",
        "三亚",
        "六安",
        "十堰",
        "九江",
        "五常",
        "3A级景区",
        "第38名",
        "前10位",
        "全国50强",
        "两位数增长",
        "五年来",
        "过去一年",
        "今后五年",
        "极不平凡的五年",
        "五年间",
        "三年行动",
        "百日攻坚",
        "碳达峰十大行动",
        "占社区工作者总数的3。",
        "建设五个一工程",
        "每千人",
        "百亿县区",
        "千亿级产业",
        "一次性补助",
        "新一轮",
        "第一、二轮",
        "RAD Studio 11",
        "128 位长整型",
        "七台河",
        "一个优秀的团队",
    ] {
        let r = rows(t);
        assert!(r.is_empty(), "{t}: {r:?}");
    }
}

#[test]
fn indefinite_one_in_lists() {
    assert_eq!(
        texts("社区党委下设一个党总支,一个综合支部、五个党支部,十个党小组。"),
        ["一个", "一个", "五个", "十个"]
    );
    assert_eq!(texts("分别对7个村一个社区开展"), ["7个", "一个"]);
    assert_eq!(texts("每年一次对运行情况进行审核"), ["一次"]);
}

#[test]
fn ordered_and_disjoint() {
    let t = "2023年全镇共有党员704人，发展新党员9名，其中女党员3名，占42.8%。";
    let s = stats(t);
    for w in s.windows(2) {
        assert!(w[0].span.end <= w[1].span.start);
    }
}

#[test]
fn boilerplate_and_placeholders_hide_numbers() {
    let t = "时间:2023-08-08 来源:网友投稿\n全镇共有党员704人，xx社区36人。";
    let bp = [Span::new(0, t.find('\n').unwrap_or(0))];
    let ph_at = t.find("xx社区").unwrap_or(0);
    let ph = [Placeholder {
        span: Span::new(ph_at, ph_at + "xx社区36人".len()),
    }];
    let ctx = Context {
        boilerplate: &bp,
        placeholders: &ph,
        documents: &[],
        headings: &[],
    };
    let (s, _) = extract(t, &ctx);
    let got: Vec<&str> = s.iter().map(|x| x.span.slice(t)).collect();
    assert_eq!(got, ["704人"]);
}

#[test]
fn subjects() {
    let t = "共筹集了9万多元帮助24名贫困大学生上大学。";
    let s = stats(t);
    assert_eq!(s[1].subject.map(|x| x.slice(t)), Some("贫困大学生"));
}

#[test]
fn defect_unit_missing() {
    let d = defects("社区工作者由12人减少到7人，其中30岁以下的1人，占社区工作者总数的3。");
    assert!(d.iter().any(|x| x.code == DefectCode::UnitMissing), "{d:?}");
}

#[test]
fn defect_decimal_comma() {
    let t = "共完成了招商引资325、3万元，固定资产投资完成79万元。";
    let (s, d) = extract(t, &Context::empty());
    assert_eq!(s[0].span.slice(t), "325、3万元");
    assert_eq!(s[0].value, Some(3_253_000.0));
    assert!(d.iter().any(|x| x.code == DefectCode::DecimalComma));
}

#[test]
fn defect_parts_exceed_whole() {
    let ok = "上半年共出动65次，检查各类娱乐场所610家(次)，其中网吧294家次、电子游戏234家次、音像6家次。";
    assert!(!defects(ok)
        .iter()
        .any(|x| x.code == DefectCode::PartsExceedWhole));
    let bad = "检查各类娱乐场所510家次，其中网吧294家次、电子游戏234家次、音像6家次。";
    assert!(defects(bad)
        .iter()
        .any(|x| x.code == DefectCode::PartsExceedWhole));
}

#[test]
fn defect_arithmetic() {
    assert!(defects("社区工作者由12减少到7，净减4。")
        .iter()
        .any(|x| x.code == DefectCode::ArithmeticMismatch));
    assert!(defects("社区工作者由12减少到7，净减5。").is_empty());
}

#[test]
fn defect_share_over_100() {
    assert!(defects("党员占职工总数的比例为112%。")
        .iter()
        .any(|x| x.code == DefectCode::ShareOver100));
    assert!(!defects("养老金标准增长106.7%。")
        .iter()
        .any(|x| x.code == DefectCode::ShareOver100));
}

#[test]
fn defect_future_date() {
    let t = "2023年社区工作总结\n2025年3月，社区完成了改造。2024年我们将继续努力。";
    let d = defects(t);
    assert_eq!(
        d.iter()
            .filter(|x| x.code == DefectCode::FutureDate)
            .count(),
        1,
        "{d:?}"
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn check(text: &str) {
        for i in 0..=text.len() {
            if let Some(s) = crate::numeral::scan(text, i) {
                assert!(s.end > i && s.end <= text.len() && text.is_char_boundary(s.end));
            }
        }
        let _ = crate::numeral::parse(text);
        let (stats, defects) = extract(text, &Context::empty());
        let mut last = 0;
        for s in &stats {
            assert!(s.span.start >= last, "sorted, disjoint: {text:?}");
            assert!(s.span.start < s.span.end && s.span.end <= text.len());
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            if let Some(sub) = s.subject {
                assert!(
                    sub.end <= text.len()
                        && text.is_char_boundary(sub.start)
                        && text.is_char_boundary(sub.end)
                );
            }
            last = s.span.end;
        }
        for d in &defects {
            assert!(d.span.end <= text.len());
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn never_panics_on_any_text(text in "\\PC{0,60}") {
            check(&text);
        }

        #[test]
        fn never_panics_on_number_soup(text in "[0-9０-９一二两三四五六七八九十百千万亿零〇廿几壹伍拾多余个人名元%％‰年月日份第、，。.．,:：∶\\-—～至到分之翻番半一约近超过以上左右上下“”\"《》（）()［］ a-zA-Z其中共由减少净占的比重倍级位大期届次]{0,50}") {
            check(&text);
        }
    }

    /// `fold_pairs` as it was written first, into a fresh vector: the oracle of the in-place
    /// one.
    fn fold_pairs_fresh(
        cands: Vec<Cand>,
        mut f: impl FnMut(&Cand, &Cand) -> Option<Cand>,
    ) -> Vec<Cand> {
        let mut out: Vec<Cand> = Vec::with_capacity(cands.len());
        for c in cands {
            if let Some(last) = out.last_mut() {
                if let Some(m) = f(last, &c) {
                    *last = m;
                    continue;
                }
            }
            out.push(c);
        }
        out
    }

    /// The candidates of `text` as the scanner reads them.
    fn scanned(text: &str) -> Vec<Cand> {
        let masks = super::super::traps::masks(text);
        scan::Scanner::run(text, lexicon::lexicon(), &masks, &[])
    }

    /// The scanner's candidates with and without the short path for lone digits.
    fn both_paths(text: &str) -> (String, String) {
        let masks = super::super::traps::masks(text);
        let lex = lexicon::lexicon();
        let run = |lone| {
            format!(
                "{:?}",
                scan::Scanner::run_with(
                    text,
                    lex,
                    &masks,
                    &[],
                    scan::Paths {
                        lone,
                        drop_dead: false
                    }
                )
            )
        };
        (run(true), run(false))
    }

    /// Characters around lone digits that matter to the scanner: digits, punctuation, units,
    /// ordinal and code contexts, markers.
    const LONE_ALPHABET: &str = "一两九十壹、，。；：第每 a1（个是\n";

    #[test]
    fn lone_digit_path_agrees_exhaustively() {
        crate::test_support::every_string(LONE_ALPHABET, 4, |t| {
            let (fast, slow) = both_paths(t);
            assert_eq!(fast, slow, "{t:?}");
        });
        // the short path is taken where it is meant to be, and unit_at agrees that no unit
        // starts with the punctuation after a lone digit
        for p in crate::numeral::LONE_ENDS {
            assert!(
                lexicon::lexicon().unit_at(&format!("{p}人"), 0).is_none(),
                "{p}"
            );
        }
        let (fast, _) = both_paths("一、一、一、");
        assert_eq!(fast.matches("Cand {").count(), 2);
    }

    /// `extract` with the dead lone digits dropped by the scanner and with them handed on.
    fn both_extracts(text: &str) -> (String, String) {
        let ctx = Context::empty();
        let run = |drop_dead| {
            format!(
                "{:?}",
                super::super::extract_with(
                    text,
                    &ctx,
                    scan::Paths {
                        lone: true,
                        drop_dead
                    }
                )
            )
        };
        (run(true), run(false))
    }

    /// What matters around bare lone digits: the separators of shared units, the punctuation
    /// after them, units and measure words, the words before a bare number that lacks its
    /// unit, ordinals and ranges.
    const DEAD_ALPHABET: &str = "一三七八、，。；和个是的第\n";

    #[test]
    fn dropping_dead_lone_digits_changes_nothing_exhaustively() {
        crate::test_support::every_string(DEAD_ALPHABET, 5, |t| {
            let (fast, slow) = both_extracts(t);
            assert_eq!(fast, slow, "{t:?}");
        });
    }

    #[test]
    fn dropping_dead_lone_digits_in_a_report() {
        let t = "一、二、三项工作完成。七、八十人参加，一、二季度增长一、二、三。\
                 占比为三，人数是五；其中一、二、三个支部，又有三，四、五人。\
                 一，二。三；四、五、\n六、七和八个\n全年一、二、三、四季度，的一。为二";
        let (fast, slow) = both_extracts(t);
        assert_eq!(fast, slow);
        // the stats themselves, read as a person would
        let (stats, defects) = extract(t, &Context::empty());
        let got: Vec<&str> = stats.iter().map(|s| s.span.slice(t)).collect();
        assert!(got.contains(&"三项"), "{got:?}");
        assert!(got.contains(&"七、八十人"), "{got:?}");
        assert!(got.contains(&"三个"), "{got:?}");
        assert!(got.contains(&"五人"), "{got:?}");
        assert!(!defects.is_empty() || got.len() > 3);
        // a chain of lone digits takes the unit of the count after it
        let t = "有一、三、五个";
        let got: Vec<&str> = extract(t, &Context::empty())
            .0
            .iter()
            .map(|s| s.span.slice(t))
            .collect();
        assert_eq!(got, ["一", "三", "五个"]);
        // a text of lone digits joined by 、 hands nothing on
        assert!(scanned(&"一、".repeat(50)).is_empty());
    }

    proptest! {
        /// Dropping the dead lone digits in the scanner changes nothing `extract` returns.
        #[test]
        fn dropping_dead_lone_digits_changes_nothing(text in "[一二两三七八九十、，。；和及与个人项是的为占分别第季度%2 \n]{0,40}") {
            let (fast, slow) = both_extracts(&text);
            prop_assert_eq!(fast, slow);
        }
    }

    proptest! {
        /// The short path for lone digits gives what the general path gives, in text.
        #[test]
        fn lone_digit_path_agrees(text in "[一二两三九十万壹零、，。；：第每数前 a1.（）个人是分之多年月\n]{0,30}") {
            let (fast, slow) = both_paths(&text);
            prop_assert_eq!(fast, slow);
        }

        /// Folding in place merges the same pairs, in the same order, as folding into a fresh
        /// vector: here a candidate merges with the one before it when its length is in
        /// `merging` (so chains of merges, merged candidates merging again, and none at all
        /// all occur), and every call of the merge function is logged.
        #[test]
        fn fold_pairs_in_place_matches_a_fresh_vector(
            lens in proptest::collection::vec(1usize..6, 0..30),
            merging in proptest::collection::vec(1usize..6, 0..3),
        ) {
            let Some(base) = scanned("704人").into_iter().next() else {
                return Err(TestCaseError::fail("no candidate"));
            };
            let mut at = 0;
            let cands: Vec<Cand> = lens
                .iter()
                .map(|&n| {
                    let mut c = base.clone();
                    c.span = Span::new(at, at + n);
                    at += n;
                    c
                })
                .collect();
            let run = |fresh: bool| {
                let mut log = Vec::new();
                let f = |a: &Cand, b: &Cand| {
                    log.push((a.span, b.span));
                    merging.contains(&(b.span.end - b.span.start)).then(|| {
                        let mut m = b.clone();
                        m.span = Span::new(a.span.start, b.span.end);
                        m
                    })
                };
                let out = if fresh {
                    fold_pairs_fresh(cands.clone(), f)
                } else {
                    fold_pairs(cands.clone(), f)
                };
                (out.iter().map(|c| c.span).collect::<Vec<_>>(), log)
            };
            prop_assert_eq!(run(false), run(true));
        }

        /// Dropping early the bare numbers that cannot lack a unit leaves the defects as they
        /// were with every bare number kept.
        #[test]
        fn bare_numbers_dropped_early_change_no_defect(text in "[0-9一二三十百万的为是达占比例占比总数其中共人个名%，。；\n）、]{0,40}") {
            let lex = lexicon::lexicon();
            let cands = lists(&text, scanned(&text), &mut Vec::new());
            let (stats, bare): (Vec<Cand>, Vec<Cand>) =
                cands.into_iter().partition(|c| c.kind.is_some());
            let kept: Vec<Cand> = bare
                .iter()
                .filter(|c| defects::may_lack_unit(&text, c))
                .cloned()
                .collect();
            let ctx = Context::empty();
            let all = defects::find(&text, &ctx, &stats, &bare, lex);
            let early = defects::find(&text, &ctx, &stats, &kept, lex);
            let key = |d: &Defect| (d.span, d.code, d.message.clone());
            prop_assert_eq!(
                all.iter().map(key).collect::<Vec<_>>(),
                early.iter().map(key).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn time_grows_linearly() {
        // doubling the input must not much more than double the time
        for unit in [
            "其中3人",
            "1、",
            "一",
            "“两个”",
            "共有党员704人，其中女党员3名，占42.8%。",
        ] {
            let time = |n: usize| {
                let t = unit.repeat(n);
                let t0 = std::time::Instant::now();
                check_fast(&t);
                t0.elapsed().as_secs_f64()
            };
            let _ = time(500);
            let a = time(4000);
            let b = time(16000);
            assert!(b < a * 8.0 + 0.05, "{unit}: {a:.3}s then {b:.3}s");
        }
        let big = "1".repeat(300_000);
        check_fast(&big);
    }

    fn check_fast(text: &str) {
        let (stats, _) = extract(text, &Context::empty());
        assert!(stats.iter().all(|s| s.span.end <= text.len()));
    }
}

#[test]
fn footnote_glossary_names_are_not_counts() {
    let t = "建设两个基地［10］。\n［10］两个基地、两个枢纽：指……\n共建成3个基地。";
    assert_eq!(texts(t), ["两个", "3个"]);
}

#[test]
fn more_forms_from_reports() {
    assert_eq!(one("第一季度，全市").1, "date");
    assert_eq!(one("第一季度，全市").0, "第一季度");
    assert_eq!(one("二季度以来").1, "date");
    assert_eq!(one("连续16个季度").1, "duration");
    assert_eq!(one("2023年1-6月，全市").0, "2023年1-6月");
    assert_eq!(one("超过一半").5, Some("over"));
    assert!(rows("组织数十个单位").is_empty());
    assert!(rows("学习党的二十届三中全会精神").is_empty());
    assert!(rows("在省十四届人大三次会议上").is_empty());
    assert_eq!(texts("全年召开3次会议"), ["3次"]);
    assert_eq!(one("吸引百余人参加").2, Some(100.0));
    assert_eq!(one("吸引百余人参加").5, Some("over"));
    assert!(rows("成千上万").is_empty());
    assert_eq!(one("捐款人民币5000元").0, "5000元");
    assert_eq!(one("全县GDP 356.7亿元").2, Some(35_670_000_000.0));
}

#[test]
fn ratios_and_fractions() {
    assert_eq!(one("城乡居民收入比收窄至2：1以内").0, "2：1");
    assert_eq!(one("收入比从2.50:1缩小").2, Some(2.5));
    let r = one("约占全国1/10，");
    assert_eq!((r.1, r.2), ("ratio", Some(0.1)));
    assert!(rows("会议于8:30开始").is_empty());
    assert_eq!(one("PM2.5浓度11.8微克/立方米").4, "微克/立方米");
}

#[test]
fn ranges_with_units_on_both_ends() {
    let r = one("增长5%-10%");
    assert_eq!((r.0.as_str(), r.2, r.3), ("5%-10%", Some(5.0), Some(10.0)));
    let r = one("补助3万元至5万元");
    assert_eq!((r.2, r.3), (Some(30000.0), Some(50000.0)));
}

#[test]
fn words_counted_in_characters() {
    assert_eq!(one("起草文稿约30万字").0, "约30万字");
    assert_eq!(one("起草文稿约30万字").4, "字");
}

#[test]
fn bare_scale_word_with_an_event_measure_word() {
    let r = one("全年承办千场文化惠民演出。");
    assert_eq!(
        (r.0.as_str(), r.1, r.2, r.4.as_str()),
        ("千场", "count", Some(1000.0), "场")
    );
    assert_eq!(texts("开展百场技术培训，受理万件诉求。"), ["百场", "万件"]);
    // a lone scale word before a noun-like measure word stays a name
    assert!(texts("实施千人计划和万元户培育，推出百部精品。").is_empty());
}

#[test]
fn more_measure_words_and_units() {
    assert_eq!(texts("中欧班列开行超1800列。"), ["超1800列"]);
    assert_eq!(texts("新建500千伏线路3回。"), ["500千伏", "3回"]);
    // an ordinal with a measure word, then a new number
    assert_eq!(texts("建设第二回500千伏线路"), ["500千伏"]);
    assert_eq!(
        texts("捐赠图书2万册、课桌椅600套、电脑40台、树苗3000株、药品120盒。").len(),
        5
    );
    assert_eq!(one("修建水渠12段。").4, "段");
    // a measure word that begins a word after the number is not its unit
    assert!(texts("将3列入重点项目").is_empty());
    assert!(texts("这是两回事").is_empty());
}

#[test]
fn compound_units_with_a_slash() {
    let r = one("细颗粒物平均浓度降至21.3微克/立方米。");
    assert_eq!(
        (r.0.as_str(), r.4.as_str()),
        ("21.3微克/立方米", "微克/立方米")
    );
    let r = one("补助标准提高到1.5万元/亩。");
    assert_eq!(
        (r.0.as_str(), r.1, r.2, r.4.as_str()),
        ("1.5万元/亩", "money", Some(15000.0), "元/亩")
    );
    let r = one("亩产达到650千克/亩以上。");
    assert_eq!(
        (r.0.as_str(), r.4.as_str(), r.5),
        ("650千克/亩以上", "千克/亩", Some("over"))
    );
}

#[test]
fn date_ranges_are_one_span() {
    assert_eq!(
        texts("5月8日至9日召开会议，2016年至2020年累计投入，1至6月、2021-2025年。"),
        ["5月8日至9日", "2016年至2020年", "1至6月", "2021-2025年"]
    );
    let s = stats("10月12日—14日举办");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].kind, StatKind::Date);
}

#[test]
fn inclusive_suffixes() {
    let r = one("为80周岁及以上老人发放补贴。");
    assert_eq!(
        (r.0.as_str(), r.1, r.5),
        ("80周岁及以上", "duration", Some("over"))
    );
    let r = one("单笔5万元及以下的贷款");
    assert_eq!((r.0.as_str(), r.5), ("5万元及以下", Some("under")));
}

#[test]
fn return_periods_are_durations() {
    // 防洪标准 N年一遇: each return period states a length of time, treated alike
    assert_eq!(
        texts("堤防标准由十年一遇提高到三十年或一百年一遇。"),
        ["十年", "三十年", "一百年"]
    );
    assert!(stats("堤防标准由十年一遇提高到三十年或一百年一遇。")
        .iter()
        .all(|s| s.kind == StatKind::Duration && s.unit == "年"));
}

#[test]
fn urls_hidden_in_any_context() {
    for t in [
        "详见http://localhost:8080/a?id=529页",
        "邮箱abc123@gov.cn，电话",
        "网址：www.example.com/2023，共3人",
    ] {
        let got = texts(t);
        assert!(
            got.iter()
                .all(|g| !g.contains("529") && !g.contains("123") && !g.contains("2023")),
            "{t}: {got:?}"
        );
    }
}

#[test]
fn bare_scale_word_as_a_threshold() {
    // 亿元以上 = at least 1亿元: a threshold amount, as 50万元以下 is
    let r = rows("新开工亿元以上项目120个。");
    assert_eq!(r.len(), 2, "{r:?}");
    let first = r.first().cloned().unwrap_or_default();
    assert_eq!(
        (
            first.0.as_str(),
            first.1,
            first.2,
            first.4.as_str(),
            first.5
        ),
        ("亿元以上", "money", Some(1e8), "元", Some("over"))
    );
    assert_eq!(
        texts("扶持千人以下企业，新增万元及以下小额贷款。"),
        ["千人以下", "万元及以下"]
    );
    // without 以上/以下 the lone scale word stays a name
    assert!(texts("培育万元户，实施千人计划。").is_empty());
}
