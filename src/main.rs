//! The `mitid-bot` command: parses arguments and calls into the library. With
//! `TELOXIDE_TOKEN` set and no subcommand it runs the Telegram bot; without, the terminal
//! chat.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use chrono::{Days, NaiveDate, Utc};
use clap::{Parser, Subcommand};
use mitid_bot::config::Config;
use mitid_bot::content::ContentSource;
use mitid_bot::i18n::Lang;

#[derive(Parser)]
#[command(
    name = "mitid-bot",
    version,
    about = "Prepares citizens for their MitID appointment at Borgerservice"
)]
struct Cli {
    /// Settings file (TOML); also MITID_BOT_CONFIG.
    #[arg(long, global = true, env = "MITID_BOT_CONFIG")]
    config: Option<PathBuf>,
    /// Folder with locales/ and dialogues/ to use instead of the built-in copy.
    #[arg(long, global = true)]
    content_dir: Option<PathBuf>,
    /// Where conversations are kept; also MITID_BOT_DATA_DIR (default ./data).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Cmd>,
}

#[derive(Subcommand)]
enum Cmd {
    /// Run the Telegram bot (needs TELOXIDE_TOKEN). Long polling, or a webhook with
    /// --webhook-url and --listen.
    Run {
        /// Public HTTPS address Telegram posts updates to (also `webhook_url`).
        #[arg(long)]
        webhook_url: Option<String>,
        /// Address to listen on for the webhook, /healthz and /metrics (also `listen`).
        #[arg(long)]
        listen: Option<String>,
    },
    /// Talk to the bot in the terminal: a number picks a button.
    Chat {
        /// da, en or de.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Check the settings, the flow and the texts; prints file:line: problem.
    Check,
    /// Anonymous counts per day (Copenhagen time); safe while the bot runs.
    Stats {
        /// First day, YYYY-MM-DD (default: 29 days before --to).
        #[arg(long, value_parser = parse_day)]
        from: Option<NaiveDate>,
        /// Last day, YYYY-MM-DD (default: today).
        #[arg(long, value_parser = parse_day)]
        to: Option<NaiveDate>,
        /// JSON for tools instead of the table.
        #[arg(long)]
        json: bool,
    },
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD, e.g. 2026-03-10"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match real_main(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("mitid-bot: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn real_main(cli: Cli) -> anyhow::Result<ExitCode> {
    let env: BTreeMap<String, String> = std::env::vars()
        .filter(|(k, _)| k.starts_with("MITID_BOT_"))
        .collect();
    let mut config = match Config::load(cli.config.as_deref(), &env) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return Ok(ExitCode::from(1));
        }
    };
    // Only a chat pointed at a data dir on purpose counts in the statistics.
    let data_dir_given = cli.data_dir.is_some() || env.contains_key("MITID_BOT_DATA_DIR");
    if let Some(dir) = cli.data_dir {
        config.data_dir = dir;
    }
    // Before the content is loaded, and never the sled store: it runs beside the bot.
    if let Some(Cmd::Stats { from, to, json }) = &cli.command {
        return stats_command(&config.data_dir, *from, *to, *json);
    }
    if let Some(dir) = cli.content_dir {
        config.content_dir = Some(dir);
    }
    let source = match &config.content_dir {
        Some(dir) => ContentSource::from_dir(dir)?,
        None => ContentSource::embedded(),
    };
    let loaded = mitid_bot::check::load(&source, config.globals());
    let command = cli.command.unwrap_or_else(|| {
        if std::env::var_os("TELOXIDE_TOKEN").is_some() {
            Cmd::Run {
                webhook_url: None,
                listen: None,
            }
        } else {
            Cmd::Chat { lang: None }
        }
    });
    let engine = match (loaded, &command) {
        (Ok(_), Cmd::Check) => {
            println!("ok: settings, flow, texts in da, en, de and FAQ data");
            return Ok(ExitCode::SUCCESS);
        }
        (Ok(engine), _) => engine,
        (Err(problems), _) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{} problem(s) in the content", problems.len());
            return Ok(ExitCode::from(1));
        }
    };
    match command {
        Cmd::Check | Cmd::Stats { .. } => unreachable!("handled above"),
        Cmd::Run {
            webhook_url,
            listen,
        } => {
            mitid_bot::logging::init();
            let mut config = config;
            for (key, value) in [("webhook_url", webhook_url), ("listen", listen)] {
                if let Some(v) = value {
                    if let Err(e) = config.set_flag(key, &v) {
                        eprintln!("{e}");
                        return Ok(ExitCode::from(1));
                    }
                }
            }
            if let Err(e) = config.validate() {
                eprintln!("{e}");
                return Ok(ExitCode::from(1));
            }
            if std::env::var("TELOXIDE_TOKEN")
                .map(|t| t.trim().is_empty())
                .unwrap_or(true)
            {
                anyhow::bail!("TELOXIDE_TOKEN is not set: get a token from @BotFather and set it, or run `mitid-bot chat` to try the bot in the terminal");
            }
            let store = mitid_bot::storage::SledStore::open(&config.data_dir)?;
            let app = Arc::new(mitid_bot::telegram::App::new(
                engine,
                Arc::new(store),
                config,
            ));
            tokio::runtime::Runtime::new()?.block_on(mitid_bot::telegram::run(app))?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Chat { lang } => {
            let lang = match lang.as_deref() {
                Some(code) => match Lang::from_code(code).filter(|_| code.len() == 2) {
                    Some(l) => l,
                    None => anyhow::bail!("--lang takes da, en or de, not `{code}`"),
                },
                None => guess_terminal_lang().unwrap_or(config.default_language),
            };
            if io::stdin().is_terminal() {
                eprintln!("(Type the number of a choice, or write. Ctrl-D ends.)");
            }
            let stats = if data_dir_given {
                Some(mitid_bot::stats::Stats::open(&config.data_dir)?)
            } else {
                None
            };
            let chat = mitid_bot::console::run(
                &engine,
                lang,
                io::stdin().lock(),
                io::stdout().lock(),
                stats.as_ref(),
            );
            if let Some(stats) = &stats {
                stats.flush()?;
            }
            chat?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `mitid-bot stats`: the report over a range of days, by default the last 30 up to today.
fn stats_command(
    data_dir: &std::path::Path,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let to = to.unwrap_or_else(|| mitid_bot::stats::local_day(Utc::now()));
    let from = from.unwrap_or_else(|| to.checked_sub_days(Days::new(29)).unwrap_or(to));
    let report = mitid_bot::stats::report(data_dir, from, to)?;
    if json {
        for w in &report.warnings {
            eprintln!("warning: {w}");
        }
        println!("{}", report.json());
    } else {
        print!("{}", report.table());
    }
    Ok(ExitCode::SUCCESS)
}

/// The terminal's language from LANG / LC_ALL, when it is one we speak.
fn guess_terminal_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty() && v != "C" && v != "POSIX")
        .and_then(|v| Lang::from_code(&v))
}
