//! The rubric loader on arbitrary text: returns a rubric or a located error, never panics;
//! a rubric that loads can score a report.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|src: &str| {
    match baogao::Rubric::from_toml(src, Some("fuzz.toml")) {
        Ok(r) => {
            let text = "2024年工作总结\n一、主要成绩\n全年走访群众320户。\n二、存在问题\n一是学习不够。\n三、下一步打算\n";
            let report = baogao::analyze_with(text, &baogao::Options::new().rubric(r));
            assert!(!report.checklist.is_empty());
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
