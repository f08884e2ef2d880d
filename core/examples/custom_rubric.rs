//! Loads a rubric from a TOML file and scores a report against it, printing the scorecard.
//!
//! ```sh
//! cargo run -p baogao --example custom_rubric -- examples/district-summary.txt examples/rubrics/community-brief.toml
//! ```
//! With only the report given, the rubric `examples/rubrics/community-brief.toml` is used.

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(report_path), rubric_path) = (args.next(), args.next()) else {
        eprintln!("usage: custom_rubric REPORT [RUBRIC.toml]");
        return ExitCode::from(2);
    };
    let rubric_path = rubric_path.unwrap_or_else(|| {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/rubrics/community-brief.toml"
        )
        .to_owned()
    });
    let (text, source) = match (
        std::fs::read_to_string(&report_path),
        std::fs::read_to_string(&rubric_path),
    ) {
        (Ok(t), Ok(s)) => (t, s),
        (Err(e), _) => {
            eprintln!("{report_path}: {e}");
            return ExitCode::from(2);
        }
        (_, Err(e)) => {
            eprintln!("{rubric_path}: {e}");
            return ExitCode::from(2);
        }
    };
    // A rubric that does not parse or validate is an error with file, line and column.
    let rubric = match baogao::Rubric::from_toml(&source, Some(&rubric_path)) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let report = baogao::analyze_with(&text, &baogao::Options::new().rubric(rubric));
    for c in &report.checklist {
        println!(
            "document {}: {} {}/{} {}",
            c.document, c.id, c.score, c.max, c.grade
        );
        for item in &c.items {
            let mark = if item.passed() { "✓" } else { "✗" };
            println!(
                "  {mark} {:<16} {}/{}  {}",
                item.id, item.points, item.max, item.message
            );
            for ev in &item.evidence {
                println!(
                    "      «{}»",
                    ev.slice(&text).chars().take(30).collect::<String>()
                );
            }
        }
    }
    ExitCode::SUCCESS
}
