//! The `mitid-bot` command: parses arguments and calls into the library. With
//! `TELOXIDE_TOKEN` set and no subcommand it runs the Telegram bot; without, the terminal
//! chat.

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Parser, Subcommand};
use mitid_bot::config::{Config, StorageKind};
use mitid_bot::content::ContentSource;
use mitid_bot::i18n::Lang;
use mitid_bot::storage::{RedisStore, SledStore, Store};

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
    /// Run the Telegram bot (needs TELOXIDE_TOKEN).
    Run,
    /// Talk to the bot in the terminal: a number picks a button.
    Chat {
        /// da, en or de.
        #[arg(long)]
        lang: Option<String>,
    },
    /// Check the settings, the flow and the texts; prints file:line: problem.
    Check,
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
    if let Some(dir) = cli.data_dir {
        config.data_dir = dir;
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
            Cmd::Run
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
        Cmd::Check => unreachable!("handled above"),
        Cmd::Run => {
            mitid_bot::logging::init();
            if std::env::var("TELOXIDE_TOKEN")
                .map(|t| t.trim().is_empty())
                .unwrap_or(true)
            {
                anyhow::bail!("TELOXIDE_TOKEN is not set: get a token from @BotFather and set it, or run `mitid-bot chat` to try the bot in the terminal");
            }
            let store = open_store(&config)?;
            let app = Arc::new(mitid_bot::telegram::App {
                engine,
                store,
                config,
            });
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
            mitid_bot::console::run(&engine, lang, io::stdin().lock(), io::stdout().lock())?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The conversation store the settings name: sled in the data directory, or Redis.
fn open_store(config: &Config) -> anyhow::Result<Arc<dyn Store>> {
    Ok(match (config.storage, &config.redis_url) {
        (StorageKind::Sled, _) => Arc::new(SledStore::open(&config.data_dir)?),
        (StorageKind::Redis, Some(url)) => {
            let store = RedisStore::open(url.expose())?;
            tracing::info!(%url, "conversations are kept in Redis");
            Arc::new(store)
        }
        // Config::load refuses this; a Config built by hand might not.
        (StorageKind::Redis, None) => {
            anyhow::bail!("`storage = \"redis\"` needs `redis_url` (or MITID_BOT_REDIS_URL)")
        }
    })
}

/// The terminal's language from LANG / LC_ALL, when it is one we speak.
fn guess_terminal_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty() && v != "C" && v != "POSIX")
        .and_then(|v| Lang::from_code(&v))
}
