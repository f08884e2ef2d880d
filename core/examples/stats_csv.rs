//! Writes the statistics of every `.txt` report in a folder as CSV on standard output.
//!
//! ```sh
//! cargo run -p baogao --example stats_csv -- examples/ > stats.csv
//! ```

use std::io::Write;
use std::process::ExitCode;

/// Quotes a CSV field when it needs it.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: stats_csv DIR");
        return ExitCode::from(2);
    };
    let mut files: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::from(2);
        }
    };
    files.sort();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let _ = writeln!(
        out,
        "file,document,section,start,end,text,kind,value,high,unit,approx,subject"
    );
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{}: not UTF-8, skipped", path.display());
            continue;
        };
        let report = baogao::analyze(&text);
        let ix = baogao::offsets::OffsetIndex::new(&text);
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        for s in &report.stats {
            let section = s
                .section
                .map(|h| report.headings[h].title.slice(&text))
                .unwrap_or("");
            let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
            let _ = writeln!(
                out,
                "{},{},{},{},{},{},{},{},{},{},{},{}",
                field(name.as_deref().unwrap_or("")),
                s.document,
                field(section),
                ix.char_offset(s.span.start),
                ix.char_offset(s.span.end),
                field(s.span.slice(&text)),
                s.kind.as_str(),
                num(s.value),
                num(s.high),
                field(&s.unit),
                s.approx.map(|a| a.as_str()).unwrap_or(""),
                field(s.subject.map(|x| x.slice(&text)).unwrap_or("")),
            );
        }
    }
    ExitCode::SUCCESS
}
