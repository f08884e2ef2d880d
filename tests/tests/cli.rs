//! The `baogao` command line: JSON on every corpus file, and a clear error with a non-zero exit
//! for each kind of bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

fn bin() -> PathBuf {
    // The CLI is built by `cargo test --workspace`; find it beside this test's executable.
    let mut p = std::env::current_exe().expect("test exe path");
    p.pop();
    if p.ends_with("deps") {
        p.pop();
    }
    p.join(format!("baogao{}", std::env::consts::EXE_SUFFIX))
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    use std::io::Write;
    let bin = bin();
    if !bin.exists() {
        let status = Command::new(env!("CARGO"))
            .args(["build", "-q", "-p", "baogao-cli"])
            .status()
            .expect("cargo build");
        assert!(status.success());
    }
    let mut cmd = Command::new(&bin);
    cmd.args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    let mut child = cmd.spawn().expect("spawn baogao");
    if let Some(mut si) = child.stdin.take() {
        if let Some(bytes) = stdin {
            // The CLI may exit before reading (a bad option): a closed pipe is fine here.
            let _ = si.write_all(bytes);
        }
    }
    child.wait_with_output().expect("wait")
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("baogao-cli-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("tmp dir");
    d
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const REPORT: &str = "2024年社区工作总结\n一、主要成绩\n全年走访群众320户。\n二、存在问题\n一是学习不够；二是服务不足。\n三、下一步打算\n明年新建服务站2个。\n";

#[test]
fn missing_file_is_an_error() {
    let o = run(&["analyze", "/no/such/report.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no such file or directory"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn directory_without_text_files_is_an_error() {
    let d = tmp("empty");
    std::fs::write(d.join("notes.md"), "x").expect("write");
    let o = run(&["analyze", d.to_str().expect("utf8 path")], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no .txt files"), "{}", stderr(&o));
}

#[test]
fn undecodable_bytes_name_the_byte() {
    let d = tmp("bad");
    let f = d.join("bad.txt");
    // Valid UTF-8 head, then bytes that are neither UTF-8 nor GB18030.
    let mut bytes = "一、概况\n".as_bytes().to_vec();
    bytes.extend_from_slice(&[0xFF, 0xFF, 0xFF]);
    std::fs::write(&f, &bytes).expect("write");
    let o = run(&["analyze", f.to_str().expect("utf8 path")], None);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("at byte 13"), "{e}");
    // Forcing UTF-8 names the byte too.
    let o = run(
        &["analyze", "--encoding", "utf-8", f.to_str().expect("utf8")],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("byte 13"), "{}", stderr(&o));
}

#[test]
fn gbk_file_is_detected_and_offsets_refer_to_decoded_text() {
    let d = tmp("gbk");
    let f = d.join("gbk.txt");
    // "一、概况\n共有党员12名。" in GBK.
    let gbk: &[u8] = &[
        0xD2, 0xBB, 0xA1, 0xA2, 0xB8, 0xC5, 0xBF, 0xF6, 0x0A, 0xB9, 0xB2, 0xD3, 0xD0, 0xB5, 0xB3,
        0xD4, 0xB1, 0x31, 0x32, 0xC3, 0xFB, 0xA1, 0xA3,
    ];
    std::fs::write(&f, gbk).expect("write");
    let o = run(
        &["analyze", "--format", "json", f.to_str().expect("utf8")],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["schema"], "baogao/1");
    assert_eq!(v["length"], 13);
    assert_eq!(v["headings"][0]["start"], 0);
    assert_eq!(v["headings"][0]["title"], "概况");
}

#[test]
fn utf8_bom_is_accepted_and_counts_as_one_character() {
    let o = run(
        &["analyze", "--format", "json", "-"],
        Some("\u{FEFF}一、概况\n".as_bytes()),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["headings"][0]["start"], 1);
}

#[test]
fn unknown_rubric_is_an_error() {
    let o = run(&["analyze", "--rubric", "no-such-rubric", "-"], Some(b"x"));
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown rubric"), "{}", stderr(&o));
}

#[test]
fn several_files_give_json_lines_and_out_dir_gives_one_file_each() {
    let d = tmp("multi");
    std::fs::write(d.join("a.txt"), REPORT).expect("write");
    std::fs::write(d.join("b.txt"), REPORT).expect("write");
    let o = run(
        &["analyze", "--format", "json", d.to_str().expect("utf8")],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let lines: Vec<&str> = std::str::from_utf8(&o.stdout)
        .expect("utf8")
        .lines()
        .collect();
    assert_eq!(lines.len(), 2);
    for l in lines {
        let v: serde_json::Value = serde_json::from_str(l).expect("json line");
        assert_eq!(v["schema"], "baogao/1");
    }
    let out = d.join("out");
    let o = run(
        &[
            "analyze",
            "--format",
            "json",
            "--out",
            out.to_str().expect("utf8"),
            d.join("a.txt").to_str().expect("utf8"),
            d.join("b.txt").to_str().expect("utf8"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(out.join("a.json").is_file() && out.join("b.json").is_file());
}

#[test]
fn text_format_shows_outline_and_no_colour_when_piped() {
    let o = run(&["analyze", "-"], Some(REPORT.as_bytes()));
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let s = String::from_utf8(o.stdout).expect("utf8");
    assert!(s.contains("主要成绩") && s.contains("存在问题"), "{s}");
    assert!(!s.contains('\x1b'), "colour codes in piped output");
}

/// Every span in a `baogao/1` document slices `text` (as characters) and lies in bounds.
fn check_spans(v: &serde_json::Value, chars: &[char], file: &str) {
    let n = chars.len() as u64;
    let check = |kind: &str, x: &serde_json::Value| {
        let s = x["start"].as_u64().unwrap_or(u64::MAX);
        let e = x["end"].as_u64().unwrap_or(u64::MAX);
        assert!(
            s <= e && e <= n,
            "{file}: {kind} span {s}..{e} out of 0..{n}"
        );
    };
    for key in [
        "documents",
        "headings",
        "items",
        "stats",
        "boilerplate",
        "placeholders",
        "defects",
    ] {
        let list = v[key]
            .as_array()
            .unwrap_or_else(|| panic!("{file}: {key} missing"));
        for x in list {
            check(key, x);
        }
    }
    for h in v["headings"].as_array().into_iter().flatten() {
        let te = h["title_end"].as_u64().unwrap_or(u64::MAX);
        assert!(te <= n, "{file}: title_end out of bounds");
        assert!(h["depth"].as_u64().is_some_and(|d| d >= 1));
    }
    for s in v["stats"].as_array().into_iter().flatten() {
        let (a, b) = (
            s["start"].as_u64().unwrap_or(0) as usize,
            s["end"].as_u64().unwrap_or(0) as usize,
        );
        let slice: String = chars[a..b].iter().collect();
        assert_eq!(
            s["text"].as_str(),
            Some(slice.as_str()),
            "{file}: stat text"
        );
        let kind = s["kind"].as_str().unwrap_or("");
        assert!(
            ["count", "money", "percent", "points", "measure", "duration", "ratio", "date"]
                .contains(&kind),
            "{file}: kind {kind}"
        );
        assert!(matches!(
            s["approx"].as_str(),
            None | Some("over" | "under" | "about")
        ));
    }
    for c in v["checklist"].as_array().into_iter().flatten() {
        for it in c["items"].as_array().into_iter().flatten() {
            assert!(it["passed"].is_boolean(), "{file}: checklist passed");
            for e in it["evidence"].as_array().into_iter().flatten() {
                check("evidence", e);
            }
        }
    }
}

#[test]
fn every_corpus_file_gives_valid_baogao_json() {
    let files = baogao_tests::corpus_files();
    if files.is_empty() {
        return;
    }
    let out = tmp("corpus");
    let corpus = files[0].parent().expect("corpus dir");
    let o = run(
        &[
            "analyze",
            corpus.to_str().expect("utf8"),
            "--format",
            "json",
            "--out",
            out.to_str().expect("utf8"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    for f in &files {
        let text = std::fs::read_to_string(f).expect("corpus is UTF-8");
        let chars: Vec<char> = text.chars().collect();
        let name = f.file_stem().expect("stem").to_string_lossy().into_owned();
        let json = std::fs::read_to_string(out.join(format!("{name}.json"))).expect("json out");
        let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
        assert_eq!(v["schema"], "baogao/1", "{name}");
        assert_eq!(v["length"].as_u64(), Some(chars.len() as u64), "{name}");
        check_spans(&v, &chars, &name);
    }
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let d = tmp("huge");
    let f = d.join("huge.txt");
    // A sparse 1 GiB file: costs no disk, but its length is what the CLI checks.
    let file = std::fs::File::create(&f).expect("create");
    file.set_len(1 << 30).expect("set_len");
    let o = run(&["analyze", f.to_str().expect("utf8")], None);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(e.contains("the limit is") && e.contains("512 MiB"), "{e}");
}

#[test]
fn truncated_gb18030_names_the_byte() {
    let d = tmp("trunc");
    let f = d.join("trunc.txt");
    // 工作 in GBK, then the first byte of a two-byte character and nothing after it.
    std::fs::write(&f, [0xB9, 0xA4, 0xD7, 0xF7, 0xD7]).expect("write");
    let o = run(
        &[
            "analyze",
            "--encoding",
            "gb18030",
            f.to_str().expect("utf8"),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("at byte 4"), "{}", stderr(&o));
}
