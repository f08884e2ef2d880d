//! `baogao`: analyse Chinese work reports from the command line.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod render;

/// Reads Chinese work reports: outline, statistics, checklist score.
#[derive(Parser)]
#[command(name = "baogao", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse report files (or `-` for standard input, or directories of `.txt` files).
    Analyze(AnalyzeArgs),
    /// Work with rubrics.
    Rubric {
        #[command(subcommand)]
        command: RubricCommand,
    },
}

#[derive(Subcommand)]
enum RubricCommand {
    /// List the built-in rubrics.
    List,
    /// Load a rubric file (TOML, or JSON when it ends in `.json`), validate it, and run its
    /// examples, printing each result. Exits with status 1 when an example fails.
    Check {
        /// The rubric file (TOML or JSON), or the name of a built-in rubric.
        file: PathBuf,
    },
    /// Print a built-in rubric (or a rubric file) as JSON.
    Show {
        /// A built-in rubric name or a rubric file.
        name: String,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

#[derive(clap::Args)]
struct AnalyzeArgs {
    /// Files, directories (every `.txt` inside) or `-` for standard input.
    #[arg(required = true)]
    inputs: Vec<String>,
    /// Output format: a readable report, or `baogao/1` JSON (one object per file; JSON lines
    /// for several files).
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// A built-in rubric name (`baogao rubric list`), a rubric file, `auto` or `none`.
    #[arg(long, default_value = "auto")]
    rubric: String,
    /// Write one `NAME.json` per input file into this directory instead of standard output.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Input encoding: `auto` (UTF-8, else GB18030), `utf-8`, `gb18030`, `gbk`, …
    #[arg(long, default_value = "auto")]
    encoding: String,
    /// Pretty-print JSON.
    #[arg(long)]
    pretty: bool,
    /// Colour: `auto` (when standard output is a terminal), `always` or `never`.
    #[arg(long, default_value = "auto")]
    color: String,
}

/// Files larger than this are refused with a clear error rather than risk running out of
/// memory; the whole text must be held to give exact spans.
const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => analyze(&args),
        Command::Rubric { command } => rubric(command),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("baogao: {msg}");
            ExitCode::from(2)
        }
    }
}

enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(p) => p.display().to_string(),
        }
    }
    fn stem(&self) -> String {
        match self {
            Input::Stdin => "stdin".into(),
            Input::File(p) => p
                .file_stem()
                .map_or_else(|| "input".into(), |s| s.to_string_lossy().into_owned()),
        }
    }
}

fn collect_inputs(args: &[String]) -> Result<Vec<Input>, String> {
    let mut out = Vec::new();
    for a in args {
        if a == "-" {
            out.push(Input::Stdin);
            continue;
        }
        let p = Path::new(a);
        if p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{a}: cannot read directory: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "txt"))
                .collect();
            if files.is_empty() {
                return Err(format!("{a}: directory holds no .txt files"));
            }
            files.sort();
            out.extend(files.into_iter().map(Input::File));
        } else if p.is_file() {
            out.push(Input::File(p.to_path_buf()));
        } else {
            return Err(format!("{a}: no such file or directory"));
        }
    }
    Ok(out)
}

fn read_input(input: &Input) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    match input {
        Input::Stdin => {
            std::io::stdin()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("standard input: {e}"))?;
        }
        Input::File(p) => {
            let meta = std::fs::metadata(p).map_err(|e| format!("{}: {e}", p.display()))?;
            if meta.len() > MAX_INPUT_BYTES {
                return Err(format!(
                    "{}: file is {} bytes; the limit is {} bytes (512 MiB)",
                    p.display(),
                    meta.len(),
                    MAX_INPUT_BYTES
                ));
            }
            bytes = std::fs::read(p).map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(format!(
            "{}: input exceeds the limit of {MAX_INPUT_BYTES} bytes (512 MiB)",
            input.name()
        ));
    }
    Ok(bytes)
}

fn load_rubric(spec: &str) -> Result<baogao::Options, String> {
    let opts = baogao::Options::new();
    match spec {
        "auto" => Ok(opts),
        "none" => Ok(opts.no_rubric()),
        name => {
            if let Some(r) = baogao::Rubric::builtin(name) {
                return Ok(opts.rubric(r));
            }
            let p = Path::new(name);
            if p.is_file() {
                let src = std::fs::read_to_string(p).map_err(|e| format!("{name}: {e}"))?;
                let r = baogao::Rubric::from_source(&src, Some(name)).map_err(|e| e.to_string())?;
                return Ok(opts.rubric(r));
            }
            Err(format!(
                "unknown rubric {name:?}: not a built-in ({}) and not a file",
                baogao::rubric::builtin_names().join(", ")
            ))
        }
    }
}

fn analyze(args: &AnalyzeArgs) -> Result<(), String> {
    let inputs = collect_inputs(&args.inputs)?;
    let options = load_rubric(&args.rubric)?;
    let encoding = (args.encoding != "auto").then_some(args.encoding.as_str());
    let colour = match args.color.as_str() {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let progress = inputs.len() > 20 && std::io::stderr().is_terminal();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failures = 0usize;
    for (i, input) in inputs.iter().enumerate() {
        if progress {
            eprint!("\r[{}/{}] {}\x1b[K", i + 1, inputs.len(), input.name());
        }
        let bytes = match read_input(input) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("baogao: {e}");
                failures += 1;
                continue;
            }
        };
        let decoded = match baogao::decode::decode(&bytes, encoding) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("baogao: {}: {e}", input.name());
                failures += 1;
                continue;
            }
        };
        // the raw bytes are not needed past decoding: free them before the analysis
        drop(bytes);
        let text = decoded.text;
        let report = baogao::analyze_with(&text, &options);
        let written = match args.format {
            Format::Json => {
                // streamed: a report of a large input is never held as one JSON string
                let unit = baogao::json::OffsetUnit::Chars;
                match &args.out {
                    Some(dir) => {
                        let path = dir.join(format!("{}.json", input.stem()));
                        std::fs::File::create(&path)
                            .and_then(|f| {
                                let mut w = std::io::BufWriter::new(f);
                                report.write_json(&text, unit, args.pretty, &mut w)?;
                                writeln!(w)?;
                                w.flush()
                            })
                            .map_err(|e| format!("{}: {e}", path.display()))
                    }
                    None => report
                        .write_json(&text, unit, args.pretty, &mut out)
                        .and_then(|()| writeln!(out))
                        .map_err(|e| e.to_string()),
                }
            }
            Format::Text => {
                let rendered = render::text_report(&input.name(), &text, &report, colour);
                match &args.out {
                    Some(dir) => {
                        let path = dir.join(format!("{}.txt", input.stem()));
                        std::fs::write(&path, rendered)
                            .map_err(|e| format!("{}: {e}", path.display()))
                    }
                    None => write!(out, "{rendered}").map_err(|e| e.to_string()),
                }
            }
        };
        if let Err(e) = written {
            // A closed pipe (`baogao … | head`) is not an error worth a message.
            if e.contains("Broken pipe") {
                return Ok(());
            }
            return Err(e);
        }
    }
    if progress {
        eprintln!();
    }
    out.flush().map_err(|e| e.to_string())?;
    if failures > 0 {
        return Err(format!(
            "{failures} of {} inputs could not be read",
            inputs.len()
        ));
    }
    Ok(())
}

fn load_rubric_file(name: &str) -> Result<baogao::Rubric, String> {
    if let Some(r) = baogao::Rubric::builtin(name) {
        return Ok(r);
    }
    let src = std::fs::read_to_string(name).map_err(|e| format!("{name}: {e}"))?;
    baogao::Rubric::from_source(&src, Some(name)).map_err(|e| e.to_string())
}

fn rubric(cmd: RubricCommand) -> Result<(), String> {
    match cmd {
        RubricCommand::List => {
            for name in baogao::rubric::builtin_names() {
                match baogao::Rubric::builtin(name) {
                    Some(r) => println!("{name:<16} {}  {}", r.name(), r.description()),
                    None => println!("{name}"),
                }
            }
            Ok(())
        }
        RubricCommand::Show { name } => {
            let r = load_rubric_file(&name)?;
            println!("{}", r.to_json());
            Ok(())
        }
        RubricCommand::Check { file } => {
            let name = file.display().to_string();
            let r = load_rubric_file(&name)?;
            println!(
                "{name}: rubric {:?} ({}) is valid: {} roles, {} items, total {}",
                r.id,
                r.name(),
                r.role_ids().count(),
                r.item_ids().count(),
                r.total()
            );
            let results = baogao::rubric::run_examples(&r);
            let mut failed = 0usize;
            for x in &results {
                let first_line: String = x
                    .snippet
                    .split(['\n', '\r'])
                    .filter(|l| !l.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(" / ")
                    .chars()
                    .take(60)
                    .collect();
                let mark = if x.ok { "ok  " } else { "FAIL" };
                if !x.ok {
                    failed += 1;
                }
                println!(
                    "{mark} {:<24} {} example → {:?}: {}\n       {first_line}",
                    x.item,
                    if x.expect_pass { "pass" } else { "fail" },
                    x.verdict,
                    x.message
                );
            }
            let missing: Vec<&str> = r
                .item_ids()
                .filter(|id| !results.iter().any(|x| x.item == *id))
                .collect();
            if !missing.is_empty() {
                println!("note: items without examples: {}", missing.join(", "));
            }
            println!("{} examples, {} failed", results.len(), failed);
            if failed > 0 {
                return Err(format!("{failed} of {} examples failed", results.len()));
            }
            Ok(())
        }
    }
}
