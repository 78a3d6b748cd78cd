//! The `canhbao` command: thin wiring from the command line to the library.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::DateTime;
use clap::{Parser, Subcommand, ValueEnum};

use canhbao::{LangChoice, ParseError, ParseOptions};

// The parser allocates the strings of every fact; mimalloc serves those small, short-lived
// allocations faster than the system allocator (see README, "Measuring").
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(name = "canhbao", version, about = "Vietnamese weather bulletins to structured JSON")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Parse bulletins into the `canhbao.bulletin/1` JSON, one document per line (NDJSON).
    Parse {
        /// Files to parse; standard input when none is given or for `-`.
        files: Vec<PathBuf>,
        /// Indent the output (one document).
        #[arg(long)]
        pretty: bool,
        /// The bulletin's language.
        #[arg(long, value_enum, default_value_t = Lang::Auto)]
        lang: Lang,
        /// Reference time (RFC 3339) for dates written without a year; default: now.
        #[arg(long, value_parser = parse_now)]
        now: Option<DateTime<chrono::FixedOffset>>,
    },
    /// Explain what the alert rules make of a bulletin: the facts, the rules that fired for
    /// which areas and why, and the rules that came near their threshold.
    Check {
        file: PathBuf,
        /// A rules file (TOML); default: the official criteria shipped with canhbao.
        #[arg(long)]
        rules: Option<PathBuf>,
        /// Explain for a subscriber to this area ("Bạc Liêu", "TP HCM", "Vịnh Thái Lan").
        #[arg(long)]
        area: Option<String>,
        /// The area the bulletin's source covers, for sections that name none.
        #[arg(long)]
        source_area: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// The language of the message preview shown with `--area`.
        #[arg(long, value_enum, default_value_t = MessageLang::Vi)]
        message_lang: MessageLang,
        #[arg(long, value_enum, default_value_t = Lang::Auto)]
        lang: Lang,
        #[arg(long, value_parser = parse_now)]
        now: Option<DateTime<chrono::FixedOffset>>,
    },
    /// Print the JSON Schema of the document.
    Schema,
    /// Show the phrases the grammar reads in each line of a bulletin (for debugging a parse).
    Trace {
        file: PathBuf,
        #[arg(long, value_enum, default_value_t = Lang::Auto)]
        lang: Lang,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum MessageLang {
    Vi,
    En,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Lang {
    Auto,
    Vi,
    En,
}

fn parse_now(s: &str) -> Result<DateTime<chrono::FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s)
        .map_err(|e| format!("not an RFC 3339 time ({e}), e.g. 2026-11-25T08:00:00+07:00"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("canhbao: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Schema => {
            let schema = canhbao::Document::json_schema();
            println!("{}", serde_json::to_string_pretty(&schema)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Trace { file, lang } => {
            let bytes = read(&file)?;
            let text = String::from_utf8_lossy(&bytes);
            let language = match lang {
                Lang::Vi => canhbao::bulletin::Language::Vi,
                Lang::En => canhbao::bulletin::Language::En,
                Lang::Auto => canhbao::parser::detect_language(&text),
            };
            print!("{}", canhbao::parser::trace(&text, language));
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { file, rules, area, source_area, json, message_lang, lang, now } => {
            use canhbao::alert::{RuleSet, area::gazetteer, check::check};
            let gaz = gazetteer();
            let rules = match rules {
                Some(path) => {
                    let text = std::fs::read_to_string(&path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    RuleSet::from_toml(&text, &path.display().to_string())?
                }
                None => RuleSet::defaults().clone(),
            };
            let area = area.map(|a| gaz.lookup(&a)).transpose()?;
            let source_area = source_area.map(|a| gaz.lookup(&a)).transpose()?;
            let bytes = read(&file)?;
            let input = std::str::from_utf8(&bytes).map_err(|e| {
                anyhow::anyhow!(
                    "{}: input is not UTF-8: invalid byte at offset {}",
                    file.display(),
                    e.valid_up_to()
                )
            })?;
            let doc = canhbao::parse(input, &options(lang, now));
            let message_lang = match message_lang {
                MessageLang::Vi => canhbao::bulletin::Language::Vi,
                MessageLang::En => canhbao::bulletin::Language::En,
            };
            let report = check(gaz, &doc, input, &rules, area, source_area, message_lang);
            let text = if json { serde_json::to_string_pretty(&report)? + "\n" } else { report.to_text() };
            emit(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Parse { files, pretty, lang, now } => {
            let opts = options(lang, now);
            let files = if files.is_empty() { vec![PathBuf::from("-")] } else { files };
            // Read and check every input first, so that a bad one prints nothing at all.
            let mut docs = Vec::with_capacity(files.len());
            for f in &files {
                let bytes = read(f)?;
                match canhbao::parse_bytes(&bytes, &opts) {
                    Ok(doc) => docs.push(doc),
                    Err(ParseError::InvalidUtf8 { offset }) => {
                        anyhow::bail!("{}: input is not UTF-8: invalid byte at offset {offset}", f.display())
                    }
                }
            }
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            let written = docs.iter().try_for_each(|doc| {
                if pretty {
                    serde_json::to_writer_pretty(&mut out, doc)?;
                } else {
                    serde_json::to_writer(&mut out, doc)?;
                }
                out.write_all(b"\n")
            });
            match written.and_then(|()| out.flush()) {
                // A reader that went away (`canhbao parse … | head`) is no error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
                other => other.context("writing standard output")?,
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Writes to standard output; a reader that went away (`canhbao check … | head`) is no error.
fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other.context("writing standard output")?),
    }
}

fn options(lang: Lang, now: Option<DateTime<chrono::FixedOffset>>) -> ParseOptions {
    let mut opts = ParseOptions {
        lang: match lang {
            Lang::Auto => LangChoice::Auto,
            Lang::Vi => LangChoice::Vi,
            Lang::En => LangChoice::En,
        },
        ..ParseOptions::default()
    };
    if let Some(now) = now {
        opts.now = now;
    }
    opts
}

fn read(path: &PathBuf) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
    } else {
        bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(bytes)
}
