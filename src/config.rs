//! The operator's settings: a TOML file, `MITID_BOT_<KEY>` environment overrides, and the
//! built-in defaults (Aabenraa Kommune). Precedence: flag > env > file > default.
//!
//! Must not: read anything but the named file and the `MITID_BOT_*` variables; a bad value
//! is an error that names the key.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::i18n::{Globals, Lang};

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub municipality: String,
    pub phone: String,
    pub booking_url: String,
    /// For Telegram users whose language_code is not da, de or en.
    pub default_language: Lang,
    pub bot_username: Option<String>,
    pub retention_days: u32,
    pub data_dir: PathBuf,
    pub content_dir: Option<PathBuf>,
    /// Where the Telegram bot keeps conversations.
    pub storage: StorageKind,
    /// Needed when `storage` is Redis.
    pub redis_url: Option<RedisUrl>,
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
            default_language: Lang::En,
            bot_username: None,
            retention_days: 30,
            data_dir: PathBuf::from("./data"),
            content_dir: None,
            storage: StorageKind::Sled,
            redis_url: None,
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
    "default_language",
    "bot_username",
    "retention_days",
    "data_dir",
    "content_dir",
    "storage",
    "redis_url",
];

impl Config {
    pub fn globals(&self) -> Globals {
        Globals {
            municipality: self.municipality.clone(),
            phone: self.phone.clone(),
            booking_url: self.booking_url.clone(),
            retention_days: self.retention_days,
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
            "data_dir" => self.data_dir = PathBuf::from(nonempty(value)?),
            "content_dir" => self.content_dir = Some(PathBuf::from(nonempty(value)?)),
            "storage" => {
                self.storage = match value.trim().to_ascii_lowercase().as_str() {
                    "sled" => StorageKind::Sled,
                    "redis" => StorageKind::Redis,
                    _ => return Err(bad(format!("`{value}` is not one of sled, redis"))),
                }
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
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), text).unwrap();
        file
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
}
