//! Inputs for the benches: the shared corpus when present, else generated reports.

use std::path::Path;

/// The texts of `../shared/corpus/*.txt`, or a generated report when the corpus is absent.
pub fn corpus() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let mut v: Vec<(String, String)> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| {
                    let name = p.file_stem()?.to_string_lossy().into_owned();
                    Some((name, std::fs::read_to_string(&p).ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    if v.is_empty() {
        v.push(("generated".into(), generated(200_000)));
    }
    v
}

/// A generated report of at least `bytes` bytes, in the style of a 工作总结.
pub fn generated(bytes: usize) -> String {
    let mut s = String::from("2024年街道党工委工作总结\n");
    let mut i = 0usize;
    let cn = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
    while s.len() < bytes {
        let n = cn[i % 10];
        s.push_str(&format!(
            "{n}、加强基层组织建设，提升服务水平\n（一）完善制度体系。全年共发展党员{}名，走访群众{}余户，投入资金{}.5万元，同比增长{}.2%。一是抓学习；二是抓落实。\n",
            10 + i % 90,
            100 + i,
            i % 50,
            i % 30
        ));
        i += 1;
    }
    s
}

/// The corpus (or generated reports) concatenated and repeated to at least `bytes` bytes.
pub fn scaled(bytes: usize) -> String {
    let texts = corpus();
    let mut s = String::with_capacity(bytes + 100_000);
    while s.len() < bytes {
        for (_, t) in &texts {
            s.push_str(t);
            s.push('\n');
            if s.len() >= bytes {
                break;
            }
        }
    }
    s
}

/// Pathological inputs: a single 10 MB line, 100k short numbered lines, 1 MB of digits, 1 MB
/// of `一、`, deeply nested brackets.
pub fn pathological() -> Vec<(&'static str, String)> {
    let one_line: String = scaled(10_000_000)
        .chars()
        .filter(|&c| c != '\n' && c != '\r')
        .collect();
    let mut numbered = String::new();
    for i in 1..=100_000u32 {
        numbered.push_str(&format!("{i}、完成第{i}项\n"));
    }
    vec![
        ("single-10MB-line", one_line),
        ("100k-numbered-lines", numbered),
        ("1MB-digits", "1234567890".repeat(100_000)),
        ("1MB-yi-dun", "一、".repeat(1_000_000 / 6)),
        ("1MB-brackets", "（".repeat(170_000) + &"）".repeat(170_000)),
    ]
}
