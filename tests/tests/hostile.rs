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

#[test]
fn a_rubric_with_a_ten_thousand_cue_list_loads_and_scores() {
    let cues: Vec<String> = (0..10_000).map(|i| format!("\"线索{i}号\"")).collect();
    let src = format!(
        "version = 1\nid = \"big\"\ntotal = 10\ngrades = [{{ name = \"好\", min = 0 }}]\n\
         [[items]]\nid = \"many\"\nkind = \"keywords\"\npoints = 10\nmessage = \"缺少线索\"\n\
         [[items.groups]]\nname = \"线索\"\ncues = [{}, \"党员\"]\n",
        cues.join(", ")
    );
    let rubric = baogao::Rubric::from_toml(&src, Some("big.toml")).expect("a big rubric loads");
    let text = "一、概况\n全镇共有党员704人，线索9999号已核实。\n".repeat(1000);
    let r = baogao::analyze_with(&text, &baogao::Options::new().rubric(rubric));
    assert_eq!(r.checklist.len(), r.documents.len());
    assert!(r.checklist[0].items[0].passed());
}

#[test]
fn rubric_cues_are_literal_text_so_no_pattern_can_be_catastrophic() {
    // Rubrics take no regular expressions: a cue that looks like a catastrophic pattern is
    // matched as plain text, in time linear in the text.
    let src = "version = 1\nid = \"re\"\ntotal = 10\ngrades = [{ name = \"好\", min = 0 }]\n\
               [[items]]\nid = \"x\"\nkind = \"keywords\"\npoints = 10\nmessage = \"m\"\n\
               [[items.groups]]\nname = \"g\"\ncues = [\"(a+)+$\"]\n";
    let rubric = baogao::Rubric::from_toml(src, None).expect("loads");
    let text = format!("{}!", "a".repeat(100_000));
    let r = baogao::analyze_with(&text, &baogao::Options::new().rubric(rubric.clone()));
    assert!(!r.checklist[0].items[0].passed());
    let literal = format!("{text}(a+)+$");
    let r = baogao::analyze_with(&literal, &baogao::Options::new().rubric(rubric));
    assert!(r.checklist[0].items[0].passed());
}

#[test]
fn same_input_gives_byte_identical_json_across_runs_and_threads() {
    let text = "2024年街道工作总结\n一、主要成绩\n全年走访群众3200余户，发放慰问金48.6万元，同比增长6.8%。\n二、存在问题\n一是学习不够；二是服务不足。\n三、下一步打算\n6月底前新建服务站5个。\n";
    let first = analyze(text).to_json(text);
    for _ in 0..3 {
        assert_eq!(analyze(text).to_json(text), first);
    }
    let handles: Vec<_> = (0..4)
        .map(|_| std::thread::spawn(move || analyze(text).to_json(text)))
        .collect();
    for h in handles {
        assert_eq!(h.join().expect("thread"), first);
    }
    let batch = baogao::analyze_batch(&[text, text], &baogao::Options::new());
    assert!(batch.iter().all(|r| r.to_json(text) == first));
}
