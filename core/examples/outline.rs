//! Prints the heading tree of a report file, with list items and statistics counted per section.
//!
//! ```sh
//! cargo run -p baogao --example outline -- examples/district-summary.txt
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: outline FILE");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let report = baogao::analyze(&text);
    for (di, doc) in report.documents.iter().enumerate() {
        let title = doc.title.slice(&text);
        println!(
            "# {}",
            if title.is_empty() {
                "(untitled)"
            } else {
                title
            }
        );
        for (hi, h) in report.headings.iter().enumerate() {
            if h.document != di {
                continue;
            }
            let stats = report
                .stats
                .iter()
                .filter(|s| s.section == Some(hi))
                .count();
            let items = report
                .items
                .iter()
                .filter(|i| i.section == Some(hi))
                .count();
            println!(
                "{}{}{}  [{items} items, {stats} statistics]",
                "  ".repeat(h.depth as usize),
                h.marker.slice(&text),
                h.title.slice(&text)
            );
        }
    }
    ExitCode::SUCCESS
}
