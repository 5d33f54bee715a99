//! The `mitid-bot` command: parses arguments and calls into the library. With
//! `TELOXIDE_TOKEN` set and no subcommand it runs the Telegram bot; without, the terminal
//! chat.
//!
//! Exit codes: 0 when all went well, 1 for a problem with the command line, the settings
//! or the content (the message says which), 2 when something else failed (a file could
//! not be written, Telegram could not be reached), 78 when the data directory cannot be
//! written by the user the bot runs as: the operator must act, so a service manager
//! should not restart it (`RestartPreventExitStatus=78`).

use std::collections::BTreeMap;
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use chrono::{Days, NaiveDate, Utc};
use clap::{Parser, Subcommand};
use mitid_bot::config::{Config, StorageKind};
use mitid_bot::content::ContentSource;
use mitid_bot::conversation::jobs::{Jobs, ReminderTimer};
use mitid_bot::conversation::Service;
use mitid_bot::i18n::{Lang, Msg};
use mitid_bot::staff::{self, OutputFormat, StaffError};
use mitid_bot::storage::{MemoryStore, RedisStore, SledStore, Store};

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
        /// Also serve the web chat on this address, e.g. 127.0.0.1:8081 (also `web_listen`).
        #[arg(long)]
        web_listen: Option<String>,
    },
    /// Serve the web chat alone (no Telegram token needed), e.g. --listen 127.0.0.1:8080.
    Web {
        /// Address the web chat listens on (also `web_listen`); port 0 picks a free one.
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
    /// Print the link that opens the bot in a language, at a topic (needs bot_username).
    Link {
        /// da, en or de.
        #[arg(long)]
        lang: String,
        /// prepare, documents, witness, device, userid, faq or book.
        #[arg(long)]
        topic: Option<String>,
    },
    /// Write that link as a QR code: FILE.svg (with a caption, for posters) or FILE.png.
    Qr {
        /// da, en or de: the bot's language and the caption's.
        #[arg(long)]
        lang: String,
        /// prepare, documents, witness, device, userid, faq or book.
        #[arg(long)]
        topic: Option<String>,
        /// The file to write; .svg or .png.
        #[arg(long)]
        out: PathBuf,
    },
}

fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| format!("`{s}` is not a date of the form YYYY-MM-DD, e.g. 2026-03-10"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version go to stdout and succeed; a usage error is exit 1.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
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
    // `check --data-dir DIR` also looks at the store in DIR.
    let data_dir_flag = cli.data_dir.is_some();
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
    match &cli.command {
        Some(Cmd::Link { lang, topic }) => return link_command(&config, lang, topic.as_deref()),
        Some(Cmd::Qr { lang, topic, out }) => {
            return qr_command(&config, &source, lang, topic.as_deref(), out)
        }
        _ => {}
    }
    let loaded = mitid_bot::check::load(&source, config.globals());
    let command = cli.command.unwrap_or_else(|| {
        if std::env::var_os("TELOXIDE_TOKEN").is_some() {
            Cmd::Run {
                webhook_url: None,
                listen: None,
                web_listen: None,
            }
        } else {
            Cmd::Chat { lang: None }
        }
    });
    let engine = match (loaded, &command) {
        (Ok(_), Cmd::Check) => {
            println!("ok: settings, flow, texts in da, en, de and FAQ data");
            if data_dir_flag {
                return Ok(check_store(&config.data_dir));
            }
            return Ok(ExitCode::SUCCESS);
        }
        (Ok(engine), _) => engine,
        (Err(problems), _) => return Ok(content_problems(&problems)),
    };
    match command {
        Cmd::Check | Cmd::Stats { .. } | Cmd::Link { .. } | Cmd::Qr { .. } => {
            unreachable!("handled above")
        }
        Cmd::Web { listen } => {
            mitid_bot::logging::init();
            let mut config = config;
            if let Some(v) = listen {
                if let Err(e) = config.set_flag("web_listen", &v) {
                    eprintln!("{e}");
                    return Ok(ExitCode::from(1));
                }
            }
            let Some(addr) = config.web.listen else {
                eprintln!("mitid-bot web: say where to listen: --listen 127.0.0.1:8080 (or web_listen in the settings)");
                return Ok(ExitCode::from(1));
            };
            if let Err(message) = writable(&config.data_dir) {
                eprintln!("mitid-bot: {message}");
                return Ok(ExitCode::from(78));
            }
            let store = open_store(&config)?;
            let stats = Arc::new(mitid_bot::stats::Stats::open(&config.data_dir)?);
            let service = Service::new(engine, store, config).with_stats(stats);
            tokio::runtime::Runtime::new()?.block_on(async move {
                let listener = bind_web(addr).await?;
                // Expiry and the statistics run here too; Telegram's reminders wait for
                // an instance that serves Telegram.
                let jobs = Jobs::start(&service, Vec::new(), ReminderTimer::default());
                mitid_bot::web::serve(service, listener, shutdown_signal()).await?;
                jobs.stop().await;
                anyhow::Ok(())
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Run {
            webhook_url,
            listen,
            web_listen,
        } => {
            mitid_bot::logging::init();
            let mut config = config;
            for (key, value) in [
                ("webhook_url", webhook_url),
                ("listen", listen),
                ("web_listen", web_listen),
            ] {
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
            if let Err(message) = writable(&config.data_dir) {
                eprintln!("mitid-bot: {message}");
                return Ok(ExitCode::from(78));
            }
            let store = open_store(&config)?;
            let stats = Arc::new(mitid_bot::stats::Stats::open(&config.data_dir)?);
            // One conversation service for both channels: the same store, counters and
            // background work.
            let service = Service::new(engine, store, config).with_stats(stats);
            let web = service
                .config
                .web
                .listen
                .map(|addr| (addr, service.clone()));
            let app = Arc::new(mitid_bot::telegram::App::serving(service));
            tokio::runtime::Runtime::new()?.block_on(async move {
                let web = match web {
                    Some((addr, service)) => {
                        let listener = bind_web(addr).await?;
                        Some(tokio::spawn(mitid_bot::web::serve(
                            service,
                            listener,
                            shutdown_signal(),
                        )))
                    }
                    None => None,
                };
                mitid_bot::telegram::run(app).await?;
                if let Some(web) = web {
                    web.await??;
                }
                anyhow::Ok(())
            })?;
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
            // With a data directory the conversation is kept, and counted; without, it
            // lives in memory and leaves nothing behind.
            let data_dir = config.data_dir.clone();
            let service = if data_dir_given {
                let store: Arc<dyn Store> = Arc::new(SledStore::open(&data_dir)?);
                let stats = Arc::new(mitid_bot::stats::Stats::open(&data_dir)?);
                Service::new(engine, store, config).with_stats(stats)
            } else {
                Service::new(engine, Arc::new(MemoryStore::new()), config)
            };
            let chat = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()?
                .block_on(mitid_bot::console::run(
                    &service,
                    lang,
                    io::stdin().lock(),
                    io::stdout().lock(),
                ));
            if data_dir_given {
                service.stats.flush()?;
            }
            chat?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Binds the web chat's address and says where it is on stdout (a test or an operator
/// who asked for port 0 learns the port).
async fn bind_web(addr: std::net::SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("the web chat cannot listen on {addr}"))?;
    let local = listener.local_addr()?;
    println!("web chat: http://{local}/");
    tracing::info!(%local, "web chat listening");
    Ok(listener)
}

/// Resolves at SIGINT or SIGTERM.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// The conversation store the settings name: sled in the data directory, or Redis.
fn open_store(config: &Config) -> anyhow::Result<Arc<dyn Store>> {
    Ok(match (config.storage, &config.redis_url) {
        (StorageKind::Sled, _) => {
            // A store that cannot be read is set aside (and logged) rather than ending
            // the bot: a conversation is cheap to redo, a bot that does not start is not.
            let (store, _) =
                SledStore::open_or_recover(&config.data_dir, config.durability, Utc::now())?;
            Arc::new(store)
        }
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

/// Whether the bot can write in `dir` (created if missing); otherwise one message that
/// names the directory and the user the bot runs as, and what to do.
fn writable(dir: &Path) -> Result<(), String> {
    let probe = dir.join(format!(".mitid-bot-write-test-{}", std::process::id()));
    let result = std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&probe, b"x"))
        .and_then(|()| std::fs::remove_file(&probe));
    result.map_err(|e| {
        let user = running_user();
        format!(
            "cannot write to the data directory {} as {user}: {e}. Give {user} write \
             access to it (for example chown), or choose another directory with \
             --data-dir or MITID_BOT_DATA_DIR.",
            dir.display()
        )
    })
}

/// "user NAME (uid N)", from /proc and /etc/passwd; as much of it as can be found.
fn running_user() -> String {
    let uid = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("Uid:"))
                .and_then(|l| l.split_whitespace().nth(1).map(str::to_string))
        });
    let name = uid.as_deref().and_then(|uid| {
        std::fs::read_to_string("/etc/passwd").ok().and_then(|p| {
            p.lines().find_map(|l| {
                let f: Vec<&str> = l.split(':').collect();
                (f.len() > 2 && f[2] == uid).then(|| f[0].to_string())
            })
        })
    });
    match (name.or_else(|| std::env::var("USER").ok()), uid) {
        (Some(n), Some(u)) => format!("user {n} (uid {u})"),
        (None, Some(u)) => format!("uid {u}"),
        (Some(n), None) => format!("user {n}"),
        (None, None) => "the user the bot runs as".into(),
    }
}

/// `check --data-dir DIR`: whether the conversation store there opens, and what it holds.
/// Never moves or repairs anything.
fn check_store(dir: &Path) -> ExitCode {
    if !dir.join("db").exists() {
        println!(
            "store: {} holds no conversation store yet (the bot creates one there)",
            dir.display()
        );
        return ExitCode::SUCCESS;
    }
    match SledStore::open(dir) {
        Ok(store) => {
            let n = store.len().unwrap_or(0);
            println!("store: {} opens; {n} conversation(s)", dir.display());
            if let Some(at) = store.lost_at() {
                println!(
                    "store: started afresh on {} because the earlier one was damaged; \
                     its files are in {}/damaged-*",
                    at.format("%Y-%m-%d %H:%M UTC"),
                    dir.display()
                );
            }
            ExitCode::SUCCESS
        }
        Err(e @ mitid_bot::storage::StoreError::Locked { .. }) => {
            println!("store: {e}");
            println!("store: (a running bot holds it; stop it to check the store itself)");
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("store: {e}");
            println!(
                "store: the bot will move these files aside into {}/damaged-<time>/ and \
                 start with an empty store",
                dir.display()
            );
            ExitCode::from(1)
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

/// `link`: prints the deep link. Like `qr`, it reads the settings only, never the data
/// directory, so staff can run it while the bot runs.
fn link_command(config: &Config, lang: &str, topic: Option<&str>) -> anyhow::Result<ExitCode> {
    match staff_link(config, lang, topic) {
        Ok((_, link)) => {
            println!("{link}");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(usage_error(e)),
    }
}

/// `qr`: writes the deep link as an SVG with the topic's caption, or as a PNG.
fn qr_command(
    config: &Config,
    source: &ContentSource,
    lang: &str,
    topic: Option<&str>,
    out: &Path,
) -> anyhow::Result<ExitCode> {
    let (format, lang, link) = match OutputFormat::from_path(out)
        .and_then(|f| staff_link(config, lang, topic).map(|(l, link)| (f, l, link)))
    {
        Ok(x) => x,
        Err(e) => return Ok(usage_error(e)),
    };
    let engine = match mitid_bot::check::load(source, config.globals()) {
        Ok(engine) => engine,
        Err(problems) => return Ok(content_problems(&problems)),
    };
    let bytes = match format {
        OutputFormat::Svg => {
            let caption =
                engine
                    .i18n
                    .render(lang, &Msg::new(staff::caption_id(topic)), &engine.globals);
            staff::qr_svg(&link, &caption).into_bytes()
        }
        OutputFormat::Png => staff::qr_png(&link),
    };
    std::fs::write(out, bytes).with_context(|| format!("could not write {}", out.display()))?;
    println!("{}: {link}", out.display());
    Ok(ExitCode::SUCCESS)
}

/// The language and the deep link from the flags and `bot_username`. The topic is checked
/// before the setting: a mistyped topic is worth knowing before the settings are fixed.
fn staff_link(
    config: &Config,
    lang: &str,
    topic: Option<&str>,
) -> Result<(Lang, String), StaffError> {
    let lang = staff::parse_lang(lang)?;
    if let Some(t) = topic {
        staff::validate_topic(t)?;
    }
    let bot = config
        .bot_username
        .as_deref()
        .ok_or(StaffError::NoBotUsername)?;
    Ok((lang, staff::deep_link(bot, lang, topic)?))
}

fn usage_error(e: StaffError) -> ExitCode {
    eprintln!("mitid-bot: {e}");
    ExitCode::from(1)
}

fn content_problems(problems: &[mitid_bot::content::Problem]) -> ExitCode {
    for p in problems {
        eprintln!("{p}");
    }
    eprintln!("{} problem(s) in the content", problems.len());
    ExitCode::from(1)
}

/// The terminal's language from LANG / LC_ALL, when it is one we speak.
fn guess_terminal_lang() -> Option<Lang> {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty() && v != "C" && v != "POSIX")
        .and_then(|v| Lang::from_code(&v))
}
