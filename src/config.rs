//! The operator's settings: a TOML file, `MITID_BOT_<KEY>` environment overrides, and the
//! built-in defaults (Aabenraa Kommune). Precedence: flag > env > file > default.
//!
//! Must not: read anything but the named file and the `MITID_BOT_*` variables; a bad value
//! is an error that names the key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::i18n::{Globals, Lang};

#[derive(Clone, PartialEq)]
pub struct Config {
    pub municipality: String,
    pub phone: String,
    pub booking_url: String,
    /// Where Borgerservice is; `municipality_url`: the municipality's own page.
    pub address: String,
    pub municipality_url: String,
    /// `opening_hours_da`, `opening_hours_en`, `opening_hours_de`: by language code.
    pub opening_hours: BTreeMap<String, String>,
    /// For Telegram users whose language_code is not da, de or en.
    pub default_language: Lang,
    pub bot_username: Option<String>,
    pub retention_days: u32,
    /// How often idle conversations are deleted, in seconds, and how long after the start
    /// the first sweep comes (`expiry_interval_seconds`, default an hour).
    pub expiry_interval_seconds: u64,
    pub data_dir: PathBuf,
    pub content_dir: Option<PathBuf>,
    /// Public HTTPS address Telegram posts updates to; unset means long polling.
    pub webhook_url: Option<String>,
    /// Where the webhook (and `/healthz`, `/metrics`) listen, e.g. `127.0.0.1:8080`.
    pub listen: Option<std::net::SocketAddr>,
    /// Secret Telegram sends with every webhook call; the same for all instances.
    pub webhook_secret: Option<String>,
    /// Local time of the evening-before reminder (hour, minute).
    pub reminder_evening: (u32, u32),
    /// Hours before the appointment for the short reminder.
    pub reminder_before_hours: u32,
    /// Where the Telegram bot keeps conversations.
    pub storage: StorageKind,
    /// Needed when `storage` is Redis.
    pub redis_url: Option<RedisUrl>,
    /// Whether a durable save of the sled store is also fsynced (`power`) or only
    /// written through to the disk (`os`, the default). See `storage::Durability`.
    pub durability: crate::storage::Durability,
    /// Keep Telegram's rate limits when sending (`rate_limits = "on"`, the default).
    /// `off` is for tests and benchmarks against a local fake Bot API only: the real
    /// Telegram answers a bot that exceeds them with 429s.
    pub rate_limits: bool,
    /// Web chat settings (`web_*` keys); see [`WebConfig`].
    pub web: WebConfig,
}

/// The web chat's settings. The web chat listens only where `web_listen` (or the
/// `--listen` of `mitid-bot web`, the `--web-listen` of `mitid-bot run`) says.
#[derive(Debug, Clone, PartialEq)]
pub struct WebConfig {
    /// Where the web chat listens, e.g. `127.0.0.1:8080` (`web_listen`).
    pub listen: Option<std::net::SocketAddr>,
    /// Whether the cookie is marked `Secure` (`web_cookie_secure`).
    pub cookie_secure: CookieSecure,
    /// Requests a minute one conversation may make (`web_rate_limit`); one address may
    /// make ten times as many (several people behind one router).
    pub rate_limit: u32,
    /// The web chat runs behind a reverse proxy that sets `X-Forwarded-For` and
    /// `X-Forwarded-Proto` (`web_behind_proxy = "on"`): the client's address for the rate
    /// limit, and whether the page was reached over HTTPS, are read from them. Off by
    /// default, because a client could write those headers itself.
    pub behind_proxy: bool,
    /// Pages that may show the chat in an `<iframe>` (`web_embed_origins`, space
    /// separated, e.g. `https://www.aabenraa.dk`); none by default.
    pub embed_origins: Vec<String>,
    /// Whether `/healthz` and `/metrics` are also served on the web chat's listener
    /// (`web_health = "on"`); off by default, the public should not see them.
    pub health: bool,
}

impl Default for WebConfig {
    fn default() -> WebConfig {
        WebConfig {
            listen: None,
            cookie_secure: CookieSecure::Auto,
            rate_limit: 60,
            behind_proxy: false,
            embed_origins: Vec::new(),
            health: false,
        }
    }
}

/// When the web chat's cookie carries `Secure`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CookieSecure {
    /// When the request came over HTTPS as a trusted proxy says (`X-Forwarded-Proto`).
    Auto,
    /// Always (the chat is only ever reached over HTTPS).
    On,
    /// Never (plain HTTP on a local network, tests).
    Off,
}

impl std::fmt::Debug for Config {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The webhook secret is never printed.
        f.debug_struct("Config")
            .field("municipality", &self.municipality)
            .field("phone", &self.phone)
            .field("booking_url", &self.booking_url)
            .field("default_language", &self.default_language)
            .field("data_dir", &self.data_dir)
            .field("webhook_url", &self.webhook_url)
            .field("listen", &self.listen)
            .field(
                "webhook_secret",
                &self.webhook_secret.as_ref().map(|_| "<set>"),
            )
            .field("storage", &self.storage)
            .field("redis_url", &self.redis_url)
            .field("durability", &self.durability)
            .field("rate_limits", &self.rate_limits)
            .field("web", &self.web)
            .finish_non_exhaustive()
    }
}

/// A `redis://` or `rediss://` URL. It may hold a password, so `Debug` and `Display` show
/// it redacted; [`RedisUrl::expose`] gives the real one to whoever connects.
#[derive(Clone, PartialEq, Eq)]
pub struct RedisUrl(String);

impl RedisUrl {
    /// The URL with its password, for connecting and nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for RedisUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::storage::redact_redis_url(&self.0))
    }
}

impl std::fmt::Debug for RedisUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RedisUrl({self})")
    }
}

/// The conversation store the Telegram bot uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StorageKind {
    /// sled in `data_dir`: one instance of the bot.
    #[default]
    Sled,
    /// Redis at `redis_url`: several instances share conversations.
    Redis,
}

impl Default for Config {
    fn default() -> Config {
        let g = Globals::default();
        Config {
            municipality: g.municipality,
            phone: g.phone,
            booking_url: g.booking_url,
            address: g.address,
            municipality_url: g.municipality_url,
            opening_hours: g.opening_hours,
            default_language: Lang::En,
            bot_username: None,
            retention_days: 30,
            expiry_interval_seconds: 3600,
            data_dir: PathBuf::from("./data"),
            content_dir: None,
            webhook_url: None,
            listen: None,
            webhook_secret: None,
            reminder_evening: g.reminder_evening,
            reminder_before_hours: g.reminder_before_hours,
            storage: StorageKind::Sled,
            redis_url: None,
            durability: crate::storage::Durability::Os,
            rate_limits: true,
            web: WebConfig::default(),
        }
    }
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ConfigError {
    #[error("{file}: {message}")]
    File { file: String, message: String },
    #[error("{source_name}: `{key}`: {message}")]
    Value {
        source_name: String,
        key: String,
        message: String,
    },
}

/// The keys the file and the environment may set.
pub const KEYS: &[&str] = &[
    "municipality",
    "phone",
    "booking_url",
    "address",
    "municipality_url",
    "opening_hours_da",
    "opening_hours_en",
    "opening_hours_de",
    "default_language",
    "bot_username",
    "retention_days",
    "expiry_interval_seconds",
    "data_dir",
    "content_dir",
    "webhook_url",
    "listen",
    "webhook_secret",
    "reminder_evening",
    "reminder_before_hours",
    "storage",
    "redis_url",
    "durability",
    "rate_limits",
    "web_listen",
    "web_cookie_secure",
    "web_rate_limit",
    "web_behind_proxy",
    "web_embed_origins",
    "web_health",
];

impl Config {
    /// Sets a key as if from a flag: for `--listen`, `--webhook-url` and the like.
    pub fn set_flag(&mut self, key: &str, value: &str) -> Result<(), ConfigError> {
        self.set(&format!("--{}", key.replace('_', "-")), key, value)
    }

    /// Problems of settings that only show together (`webhook_url` needs `listen`).
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.webhook_url.is_some() && self.listen.is_none() {
            return Err(ConfigError::Value {
                source_name: "settings".into(),
                key: "listen".into(),
                message: "webhook_url is set, so the bot needs an address to listen on (listen = \"127.0.0.1:8080\")".into(),
            });
        }
        Ok(())
    }

    pub fn globals(&self) -> Globals {
        Globals {
            municipality: self.municipality.clone(),
            phone: self.phone.clone(),
            booking_url: self.booking_url.clone(),
            address: self.address.clone(),
            municipality_url: self.municipality_url.clone(),
            opening_hours: self.opening_hours.clone(),
            retention_days: self.retention_days,
            reminder_evening: self.reminder_evening,
            reminder_before_hours: self.reminder_before_hours,
        }
    }

    /// Builds the config from an optional file and the environment (as a map, so tests can
    /// pass their own).
    pub fn load(
        file: Option<&Path>,
        env: &BTreeMap<String, String>,
    ) -> Result<Config, ConfigError> {
        let mut cfg = Config::default();
        // Where `storage` was last set, to name it if `redis_url` is missing.
        let mut storage_source = String::new();
        if let Some(path) = file {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(path).map_err(|e| ConfigError::File {
                file: name.clone(),
                message: e.to_string(),
            })?;
            let table: toml::Table = toml::from_str(&text).map_err(|e| {
                let line = e
                    .span()
                    .map(|s| crate::content::line_of(&text, s.start))
                    .unwrap_or(0);
                ConfigError::File {
                    file: format!("{name}:{line}"),
                    message: e.message().trim().to_string(),
                }
            })?;
            for (key, value) in table {
                let line = find_key_line(&text, &key);
                let source_name = format!("{name}:{line}");
                let value = match value {
                    toml::Value::String(s) => s,
                    toml::Value::Integer(i) => i.to_string(),
                    other => {
                        return Err(ConfigError::Value {
                            source_name,
                            key,
                            message: format!(
                                "expected a string or a number, found {}",
                                other.type_str()
                            ),
                        })
                    }
                };
                cfg.set(&source_name, &key, &value)?;
                if key == "storage" {
                    storage_source = source_name;
                }
            }
        }
        for key in KEYS {
            let var = format!("MITID_BOT_{}", key.to_ascii_uppercase());
            if let Some(v) = env.get(&var) {
                cfg.set(&var, key, v)?;
                if *key == "storage" {
                    storage_source = var;
                }
            }
        }
        if cfg.storage == StorageKind::Redis && cfg.redis_url.is_none() {
            return Err(ConfigError::Value {
                source_name: storage_source,
                key: "redis_url".into(),
                message: "`storage = \"redis\"` needs the Redis address: set `redis_url` \
                          (or MITID_BOT_REDIS_URL) to redis://host:6379/ or rediss://..."
                    .into(),
            });
        }
        Ok(cfg)
    }

    fn set(&mut self, source_name: &str, key: &str, value: &str) -> Result<(), ConfigError> {
        let bad = |message: String| ConfigError::Value {
            source_name: source_name.to_string(),
            key: key.to_string(),
            message,
        };
        let nonempty = |v: &str| -> Result<String, ConfigError> {
            let v = v.trim();
            if v.is_empty() {
                Err(bad("must not be empty".into()))
            } else {
                Ok(v.to_string())
            }
        };
        match key {
            "municipality" => self.municipality = nonempty(value)?,
            "phone" => self.phone = nonempty(value)?,
            "booking_url" => {
                let v = nonempty(value)?;
                if !(v.starts_with("https://") || v.starts_with("http://")) {
                    return Err(bad(format!("`{v}` is not a web address (https://...)")));
                }
                self.booking_url = v;
            }
            "address" => self.address = nonempty(value)?,
            "municipality_url" => {
                let v = nonempty(value)?;
                if !(v.starts_with("https://") || v.starts_with("http://")) {
                    return Err(bad(format!("`{v}` is not a web address (https://...)")));
                }
                self.municipality_url = v;
            }
            "opening_hours_da" | "opening_hours_en" | "opening_hours_de" => {
                let lang = key.trim_start_matches("opening_hours_").to_string();
                self.opening_hours.insert(lang, nonempty(value)?);
            }
            "default_language" => {
                self.default_language = Lang::from_code(value)
                    .filter(|_| value.len() == 2)
                    .ok_or_else(|| bad(format!("`{value}` is not one of da, en, de")))?
            }
            "bot_username" => {
                self.bot_username = Some(nonempty(value)?.trim_start_matches('@').to_string())
            }
            "retention_days" => {
                self.retention_days =
                    value
                        .trim()
                        .parse()
                        .ok()
                        .filter(|d| *d >= 1)
                        .ok_or_else(|| {
                            bad(format!(
                                "`{value}` is not a whole number of days (1 or more)"
                            ))
                        })?
            }
            "expiry_interval_seconds" => {
                self.expiry_interval_seconds = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|s| *s >= 1)
                    .ok_or_else(|| {
                        bad(format!(
                            "`{value}` is not a whole number of seconds (1 or more)"
                        ))
                    })?
            }
            "data_dir" => self.data_dir = PathBuf::from(nonempty(value)?),
            "content_dir" => self.content_dir = Some(PathBuf::from(nonempty(value)?)),
            "webhook_url" => {
                let v = nonempty(value)?;
                if !v.starts_with("https://") && !v.starts_with("http://") {
                    return Err(bad(format!(
                        "`{v}` is not a web address (Telegram needs https://...)"
                    )));
                }
                self.webhook_url = Some(v);
            }
            "listen" => {
                self.listen = Some(value.trim().parse().map_err(|_| {
                    bad(format!(
                        "`{value}` is not an address with a port, like 127.0.0.1:8080"
                    ))
                })?)
            }
            "reminder_evening" => {
                let parsed = value.trim().split_once([':', '.']).and_then(|(h, m)| {
                    let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
                    (h < 24 && m < 60).then_some((h, m))
                });
                self.reminder_evening =
                    parsed.ok_or_else(|| bad(format!("`{value}` is not a time like 18:00")))?;
            }
            "reminder_before_hours" => {
                self.reminder_before_hours = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|h| (1..=48).contains(h))
                    .ok_or_else(|| {
                        bad(format!("`{value}` is not a number of hours from 1 to 48"))
                    })?
            }
            "webhook_secret" => {
                let v = nonempty(value)?;
                // Telegram allows 1-256 characters A-Z, a-z, 0-9, _ and -.
                if v.len() > 256
                    || !v
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                {
                    return Err(bad(
                        "must be 1-256 characters: letters, digits, _ and -".into()
                    ));
                }
                self.webhook_secret = Some(v);
            }
            "storage" => {
                self.storage = match value.trim().to_ascii_lowercase().as_str() {
                    "sled" => StorageKind::Sled,
                    "redis" => StorageKind::Redis,
                    _ => return Err(bad(format!("`{value}` is not one of sled, redis"))),
                }
            }
            "durability" => {
                self.durability = crate::storage::Durability::parse(value)
                    .ok_or_else(|| bad(format!("`{value}` is not one of os, power")))?;
            }
            "redis_url" => {
                let v = nonempty(value)?;
                let host = v
                    .strip_prefix("redis://")
                    .or_else(|| v.strip_prefix("rediss://"));
                // The host part, after any user:password@, must be there.
                let has_host = host.is_some_and(|rest| {
                    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
                    let host = authority.rsplit('@').next().unwrap_or_default();
                    !host.is_empty()
                });
                if !has_host {
                    return Err(bad(format!(
                        "`{}` is not a Redis address (redis://host:6379/ or rediss://host:6380/)",
                        crate::storage::redact_redis_url(&v)
                    )));
                }
                self.redis_url = Some(RedisUrl(v));
            }
            "rate_limits" => {
                self.rate_limits = match value.trim().to_ascii_lowercase().as_str() {
                    "on" => true,
                    "off" => false,
                    _ => {
                        return Err(bad(format!(
                        "`{value}` is not one of on, off (off only against a local fake Bot API)"
                    )))
                    }
                }
            }
            "web_listen" => {
                self.web.listen = Some(value.trim().parse().map_err(|_| {
                    bad(format!(
                        "`{value}` is not an address with a port, like 127.0.0.1:8080"
                    ))
                })?)
            }
            "web_cookie_secure" => {
                self.web.cookie_secure = match value.trim().to_ascii_lowercase().as_str() {
                    "auto" => CookieSecure::Auto,
                    "on" => CookieSecure::On,
                    "off" => CookieSecure::Off,
                    _ => return Err(bad(format!("`{value}` is not one of auto, on, off"))),
                }
            }
            "web_rate_limit" => {
                self.web.rate_limit = value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|n| (1..=10_000).contains(n))
                    .ok_or_else(|| {
                        bad(format!(
                            "`{value}` is not a number of requests a minute from 1 to 10000"
                        ))
                    })?
            }
            "web_behind_proxy" | "web_health" => {
                let on = match value.trim().to_ascii_lowercase().as_str() {
                    "on" => true,
                    "off" => false,
                    _ => return Err(bad(format!("`{value}` is not one of on, off"))),
                };
                if key == "web_health" {
                    self.web.health = on;
                } else {
                    self.web.behind_proxy = on;
                }
            }
            "web_embed_origins" => {
                let mut origins = Vec::new();
                for o in value.split_whitespace() {
                    let ok = (o.starts_with("https://") || o.starts_with("http://"))
                        && o.split("://").nth(1).is_some_and(|h| {
                            !h.is_empty()
                                && !h.contains('/')
                                && h.chars().all(|c| {
                                    c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '*')
                                })
                        });
                    if !ok {
                        return Err(bad(format!(
                            "`{o}` is not an origin like https://www.aabenraa.dk (scheme and host, no path)"
                        )));
                    }
                    origins.push(o.to_string());
                }
                self.web.embed_origins = origins;
            }
            _ => return Err(bad(format!("unknown key (known: {})", KEYS.join(", ")))),
        }
        Ok(())
    }
}

fn find_key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn file(text: &str) -> tempfile::NamedTempFile {
        let f = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(f.path(), text).unwrap();
        f
    }

    #[test]
    fn the_defaults_are_aabenraa() {
        let c = Config::load(None, &env(&[])).unwrap();
        assert_eq!(c.municipality, "Aabenraa Kommune");
        assert_eq!(c.phone, "73 76 76 76");
        assert_eq!(c.default_language, Lang::En);
        assert_eq!(c.retention_days, 30);
        assert_eq!(c.reminder_evening, (18, 0));
        assert_eq!(c.expiry_interval_seconds, 3600);
    }

    #[test]
    fn the_expiry_interval_is_whole_seconds_from_one() {
        let c = Config::load(None, &env(&[("MITID_BOT_EXPIRY_INTERVAL_SECONDS", "60")])).unwrap();
        assert_eq!(c.expiry_interval_seconds, 60);
        for bad in ["0", "-5", "1h"] {
            let e = Config::load(None, &env(&[("MITID_BOT_EXPIRY_INTERVAL_SECONDS", bad)]))
                .unwrap_err()
                .to_string();
            assert!(
                e.contains("1 or more") && e.contains("MITID_BOT_EXPIRY_INTERVAL_SECONDS"),
                "{e}"
            );
        }
    }

    #[test]
    fn the_environment_beats_the_file_and_a_flag_beats_both() {
        let f = file("municipality = \"Sønderborg Kommune\"\nphone = \"88 72 40 00\"\nlisten = \"127.0.0.1:1\"\n");
        let mut c =
            Config::load(Some(f.path()), &env(&[("MITID_BOT_PHONE", "70 10 10 10")])).unwrap();
        assert_eq!(c.municipality, "Sønderborg Kommune");
        assert_eq!(c.phone, "70 10 10 10");
        c.set_flag("listen", "127.0.0.1:9000").unwrap();
        assert_eq!(c.listen, Some("127.0.0.1:9000".parse().unwrap()));
    }

    #[test]
    fn a_bad_value_names_the_key_and_where_it_came_from() {
        let f = file("phone = \"73 76 76 76\"\n\ndefault_language = \"fr\"\n");
        let e = Config::load(Some(f.path()), &env(&[]))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("`default_language`") && e.contains(":3:") && e.contains("fr"),
            "{e}"
        );

        let e = Config::load(None, &env(&[("MITID_BOT_RETENTION_DAYS", "forever")]))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("MITID_BOT_RETENTION_DAYS") && e.contains("`retention_days`"),
            "{e}"
        );

        let e = Config::load(None, &env(&[("MITID_BOT_BOOKING_URL", "aabenraa.dk")]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("`booking_url`"), "{e}");

        let e = Config::load(None, &env(&[("MITID_BOT_REMINDER_EVENING", "25:00")]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("`reminder_evening`"), "{e}");

        let f = file("municipalty = \"typo\"\n");
        let e = Config::load(Some(f.path()), &env(&[]))
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("`municipalty`") && e.contains("unknown key"),
            "{e}"
        );

        let f = file("phone = [1, 2]\n");
        let e = Config::load(Some(f.path()), &env(&[]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("`phone`"), "{e}");
    }

    #[test]
    fn a_webhook_needs_an_address_to_listen_on_and_a_clean_secret() {
        let mut c = Config::load(
            None,
            &env(&[("MITID_BOT_WEBHOOK_URL", "https://bot.example.dk/t")]),
        )
        .unwrap();
        let e = c.validate().unwrap_err().to_string();
        assert!(e.contains("`listen`"), "{e}");
        c.set_flag("listen", "127.0.0.1:8080").unwrap();
        assert!(c.validate().is_ok());
        let e = c
            .set_flag("webhook_secret", "has spaces")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`webhook_secret`"), "{e}");
        c.set_flag("webhook_secret", "abc_DEF-123").unwrap();
        assert!(
            !format!("{c:?}").contains("abc_DEF-123"),
            "the secret is never printed"
        );
    }

    #[test]
    fn durability_is_os_unless_power_is_asked_for() {
        use crate::storage::Durability;
        assert_eq!(
            Config::load(None, &env(&[])).unwrap().durability,
            Durability::Os
        );
        let f = file("durability = \"power\"\n");
        let cfg = Config::load(Some(f.path()), &env(&[])).unwrap();
        assert_eq!(cfg.durability, Durability::Power);
        let cfg = Config::load(Some(f.path()), &env(&[("MITID_BOT_DURABILITY", "os")])).unwrap();
        assert_eq!(
            cfg.durability,
            Durability::Os,
            "the environment beats the file"
        );
        let e = Config::load(None, &env(&[("MITID_BOT_DURABILITY", "fsync")]))
            .unwrap_err()
            .to_string();
        assert!(e.contains("`durability`") && e.contains("os, power"), "{e}");
    }

    #[test]
    fn telegrams_rate_limits_are_on_unless_switched_off_for_a_fake_bot_api() {
        assert!(Config::load(None, &env(&[])).unwrap().rate_limits);
        let off = Config::load(None, &env(&[("MITID_BOT_RATE_LIMITS", "off")])).unwrap();
        assert!(!off.rate_limits);
        let e = Config::load(None, &env(&[("MITID_BOT_RATE_LIMITS", "no")])).unwrap_err();
        assert!(
            e.to_string().contains("MITID_BOT_RATE_LIMITS") && e.to_string().contains("on, off"),
            "{e}"
        );
    }

    #[test]
    fn storage_is_sled_unless_told_otherwise() {
        let cfg = Config::load(None, &env(&[])).unwrap();
        assert_eq!(cfg.storage, StorageKind::Sled);
        assert_eq!(cfg.redis_url, None);
    }

    #[test]
    fn redis_from_the_file_and_from_the_environment() {
        let f = file("storage = \"redis\"\nredis_url = \"redis://:pw@10.0.0.5:6379/2\"\n");
        let cfg = Config::load(Some(f.path()), &env(&[])).unwrap();
        assert_eq!(cfg.storage, StorageKind::Redis);
        let url = cfg.redis_url.unwrap();
        assert_eq!(url.expose(), "redis://:pw@10.0.0.5:6379/2");
        assert_eq!(url.to_string(), "redis://:***@10.0.0.5:6379/2");
        assert!(!format!("{url:?}").contains("pw@"));

        let cfg = Config::load(
            None,
            &env(&[
                ("MITID_BOT_STORAGE", "Redis"),
                ("MITID_BOT_REDIS_URL", "rediss://cache.example:6380"),
            ]),
        )
        .unwrap();
        assert_eq!(cfg.storage, StorageKind::Redis);
        assert_eq!(
            cfg.redis_url.unwrap().expose(),
            "rediss://cache.example:6380"
        );

        // The environment beats the file.
        let f = file("storage = \"redis\"\n");
        let cfg = Config::load(Some(f.path()), &env(&[("MITID_BOT_STORAGE", "sled")])).unwrap();
        assert_eq!(cfg.storage, StorageKind::Sled);
    }

    #[test]
    fn redis_without_an_address_names_redis_url_and_where_storage_was_set() {
        let e = Config::load(None, &env(&[("MITID_BOT_STORAGE", "redis")])).unwrap_err();
        let ConfigError::Value {
            source_name, key, ..
        } = &e
        else {
            panic!("{e:?}");
        };
        assert_eq!(key, "redis_url");
        assert_eq!(source_name, "MITID_BOT_STORAGE");
        assert!(e.to_string().contains("`redis_url`"), "{e}");

        let f = file("municipality = \"Tønder Kommune\"\nstorage = \"redis\"\n");
        let e = Config::load(Some(f.path()), &env(&[])).unwrap_err();
        let text = e.to_string();
        assert!(text.contains("`redis_url`"), "{text}");
        assert!(
            text.contains(&format!("{}:2", f.path().display())),
            "{text}"
        );
    }

    #[test]
    fn bad_storage_and_redis_url_values_name_their_key_and_hide_the_password() {
        let e = Config::load(None, &env(&[("MITID_BOT_STORAGE", "postgres")])).unwrap_err();
        assert!(e.to_string().contains("`storage`"), "{e}");
        assert!(e.to_string().contains("sled, redis"), "{e}");

        for bad in [
            "http://:hunter2@host:6379",
            "redis://",
            "redis://:hunter2@/0",
            "localhost:6379",
            " ",
        ] {
            let e = Config::load(None, &env(&[("MITID_BOT_REDIS_URL", bad)])).unwrap_err();
            let text = e.to_string();
            assert!(text.contains("`redis_url`"), "{bad}: {text}");
            assert!(!text.contains("hunter2"), "{bad}: {text}");
        }
    }

    #[test]
    fn the_web_chat_is_off_and_strict_unless_configured() {
        let c = Config::load(None, &env(&[])).unwrap();
        assert_eq!(c.web.listen, None);
        assert!(!c.web.health && !c.web.behind_proxy);
        assert_eq!(c.web.cookie_secure, CookieSecure::Auto);
        let c = Config::load(
            None,
            &env(&[
                ("MITID_BOT_WEB_LISTEN", "127.0.0.1:8090"),
                ("MITID_BOT_WEB_RATE_LIMIT", "5"),
                ("MITID_BOT_WEB_COOKIE_SECURE", "on"),
                (
                    "MITID_BOT_WEB_EMBED_ORIGINS",
                    "https://www.aabenraa.dk https://aabenraa.dk",
                ),
            ]),
        )
        .unwrap();
        assert_eq!(c.web.listen, Some("127.0.0.1:8090".parse().unwrap()));
        assert_eq!(c.web.rate_limit, 5);
        assert_eq!(c.web.cookie_secure, CookieSecure::On);
        assert_eq!(c.web.embed_origins.len(), 2);
        let e = Config::load(
            None,
            &env(&[("MITID_BOT_WEB_EMBED_ORIGINS", "https://x.dk/chat")]),
        )
        .unwrap_err();
        assert!(e.to_string().contains("web_embed_origins"), "{e}");
        let e = Config::load(None, &env(&[("MITID_BOT_WEB_RATE_LIMIT", "0")])).unwrap_err();
        assert!(e.to_string().contains("MITID_BOT_WEB_RATE_LIMIT"), "{e}");
    }
}
