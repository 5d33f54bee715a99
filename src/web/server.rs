//! The web chat's HTTP side (axum): routes, the cookie, the limits, the headers. Every
//! input goes to the conversation service; this file only translates a request into
//! [`Incoming`] and a [`Turn`] into a page.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{ConnectInfo, DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::{DateTime, Utc};

use super::limits::RateLimit;
use super::page::{self, PageParts};
use crate::calendar;
use crate::config::{CookieSecure, WebConfig};
use crate::conversation::{parse_text, Incoming, Key, Service, Turn, TurnKind};
use crate::dialogue::engine::{Command, Input};
use crate::dialogue::reminders;
use crate::i18n::Lang;
use crate::storage::Loaded;

/// The cookie that holds the conversation's id.
pub const COOKIE: &str = "mitid_chat";
/// The largest request body read; a form of the chat is far smaller.
pub const BODY_LIMIT: usize = 4 * 1024;
/// One address may make this many times the requests of one conversation (several
/// people behind one router, a library's computers).
const PER_ADDRESS: u32 = 10;

const CSS: &str = include_str!("assets/chat.css");
const JS: &str = include_str!("assets/chat.js");

/// The shared state of the web chat's handlers.
pub struct Web {
    service: Service,
    config: WebConfig,
    per_conversation: RateLimit,
    per_address: RateLimit,
    /// `Content-Security-Policy`, built once from the settings.
    csp: HeaderValue,
}

/// The web chat's routes, with `/healthz` and `/metrics` when `web_health = "on"`.
pub fn router(service: Service) -> Router {
    let config = service.config.web.clone();
    let frame_ancestors = std::iter::once("'self'".to_string())
        .chain(config.embed_origins.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    let csp = format!(
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; \
         connect-src 'self'; form-action 'self'; base-uri 'none'; object-src 'none'; \
         frame-ancestors {frame_ancestors}"
    );
    let web = Arc::new(Web {
        per_conversation: RateLimit::new(config.rate_limit),
        per_address: RateLimit::new(config.rate_limit.saturating_mul(PER_ADDRESS)),
        csp: HeaderValue::from_str(&csp)
            .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'")),
        config,
        service,
    });
    let mut router = Router::new()
        .route("/", get(show).post(input))
        .route("/language", post(language))
        .route("/forget", post(forget))
        .route("/calendar.ics", get(calendar_file))
        .route("/static/chat.css", get(css))
        .route("/static/chat.js", get(js))
        .fallback(not_found)
        .with_state(web.clone());
    if web.config.health {
        router = router.merge(crate::conversation::health::router(
            web.service.metrics.clone(),
            web.service.store.clone(),
        ));
    }
    router.layer(DefaultBodyLimit::max(BODY_LIMIT)).layer(
        axum::middleware::map_response_with_state(web, security_headers),
    )
}

/// Serves the web chat on `listener` until `shutdown` completes.
pub async fn serve(
    service: Service,
    listener: tokio::net::TcpListener,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(service).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// Headers on every response: our own content only, no referrer, no sniffing.
async fn security_headers(State(web): State<Arc<Web>>, mut response: Response) -> Response {
    let h = response.headers_mut();
    h.insert(header::CONTENT_SECURITY_POLICY, web.csp.clone());
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), interest-cohort=()"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        // Pages show someone's answers: never kept by a cache or the back button's store.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// Who is asking: the conversation's id (from the cookie, if it is one of ours), the
/// address for the rate limit, and whether the page was reached over HTTPS.
struct Client {
    id: Option<String>,
    address: String,
    https: bool,
}

impl Web {
    fn client(&self, headers: &HeaderMap, peer: SocketAddr) -> Client {
        let id = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE)
            .map(|(_, value)| value.trim().to_string())
            .filter(|v| valid_id(v));
        let forwarded_for = || {
            headers
                .get("x-forwarded-for")?
                .to_str()
                .ok()?
                .rsplit(',')
                .next()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty())
        };
        let address = if self.config.behind_proxy {
            forwarded_for().unwrap_or_else(|| peer.ip().to_string())
        } else {
            peer.ip().to_string()
        };
        let https = headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("https"));
        Client { id, address, https }
    }

    /// A friendly 429 page when the client has asked too often.
    fn limited(&self, client: &Client, lang: Lang) -> Option<Response> {
        let now = Instant::now();
        let by_address = self.per_address.allow(&client.address, now);
        let by_id = client
            .id
            .as_deref()
            .map(|id| self.per_conversation.allow(id, now))
            .unwrap_or(true);
        if by_address && by_id {
            return None;
        }
        let html = page::notice(
            &self.service.engine,
            lang,
            "web-busy-title",
            "web-busy",
            "web-back",
        );
        Some(
            (
                StatusCode::TOO_MANY_REQUESTS,
                [(header::RETRY_AFTER, "60")],
                html_body(html),
            )
                .into_response(),
        )
    }

    /// `retention_days` in seconds: how long a conversation is kept after an answer.
    fn retention_seconds(&self) -> i64 {
        i64::from(self.service.config.retention_days) * 24 * 3600
    }

    /// `Set-Cookie` for the conversation, kept `max_age` seconds: as long as its record.
    fn cookie(&self, id: &str, client: &Client, max_age: i64) -> HeaderValue {
        let secure = match self.config.cookie_secure {
            CookieSecure::On => true,
            CookieSecure::Off => false,
            CookieSecure::Auto => client.https,
        };
        let value = format!(
            "{COOKIE}={id}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Strict{}",
            if secure { "; Secure" } else { "" }
        );
        HeaderValue::from_str(&value).unwrap_or_else(|_| HeaderValue::from_static(""))
    }

    fn cookie_gone(&self, client: &Client) -> HeaderValue {
        let secure = matches!(self.config.cookie_secure, CookieSecure::On)
            || (self.config.cookie_secure == CookieSecure::Auto && client.https);
        HeaderValue::from_str(&format!(
            "{COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict{}",
            if secure { "; Secure" } else { "" }
        ))
        .unwrap_or_else(|_| HeaderValue::from_static(""))
    }

    /// The language for someone we hold nothing for: the browser's, else the default.
    fn browser_lang(&self, headers: &HeaderMap) -> Lang {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(accept_language)
            .unwrap_or(self.service.config.default_language)
    }

    /// What the store holds for the conversation that the page needs: the appointment it
    /// knows, if still ahead, and how many seconds the record is kept from now (the
    /// cookie's `Max-Age`: `retention_days` after the last answer, or after the
    /// appointment if that is later; at least an hour, so that a page in use keeps its
    /// cookie until the expiry sweep has decided).
    async fn stored(&self, key: &Key) -> (Option<DateTime<Utc>>, i64) {
        let id = key.clone();
        let loaded = self.service.on_store(move |s| s.load(&id)).await;
        let now = self.service.clock.now();
        match loaded {
            Ok(Loaded::Found(r)) => {
                let retention = chrono::Duration::seconds(self.retention_seconds());
                let kept = (r.expires_at(retention) - now).num_seconds().max(3600);
                let at = reminders::appointment(&r.state.facts).filter(|at| *at > now);
                (at, kept)
            }
            _ => (None, self.retention_seconds()),
        }
    }

    /// The appointment the conversation knows (and wants reminders for), if still ahead.
    async fn appointment(&self, key: &Key) -> Option<DateTime<Utc>> {
        self.stored(key).await.0
    }

    /// The page for a turn, with the cookie. An appointment learnt in this turn is
    /// offered as a calendar file in the reply itself.
    async fn page(&self, key: &Key, client: &Client, turn: &Turn, focus: bool) -> Response {
        let (appointment, kept) = self.stored(key).await;
        let calendar = appointment.is_some();
        let calendar_in_turn = calendar && turn.calendar.is_some();
        let html = page::conversation(
            &self.service.engine,
            &PageParts {
                lang: turn.lang,
                replies: &turn.replies,
                nonce: nonce(),
                calendar,
                calendar_in_turn,
                focus_reply: focus,
                private_input: turn.delete_input,
                checklist: turn.checklist,
            },
        );
        let status = if turn.kind == TurnKind::StoreFailed {
            StatusCode::SERVICE_UNAVAILABLE
        } else {
            StatusCode::OK
        };
        (
            status,
            [(header::SET_COOKIE, self.cookie(&key.id, client, kept))],
            html_body(html),
        )
            .into_response()
    }

    /// The page after "delete my answers": the record is gone, so is the cookie.
    fn forgotten(&self, client: &Client, lang: Lang) -> Response {
        let html = page::notice(
            &self.service.engine,
            lang,
            "web-forget-done-title",
            "web-forget-done",
            "web-start-again",
        );
        (
            [(header::SET_COOKIE, self.cookie_gone(client))],
            html_body(html),
        )
            .into_response()
    }

    /// Shows what one input came to; an input sent twice shows the current screen.
    async fn answer(&self, key: &Key, client: &Client, turn: Turn, lang: Lang) -> Response {
        match turn.kind {
            TurnKind::Forgotten => self.forgotten(client, turn.lang),
            TurnKind::Duplicate => match self.service.current(key).await {
                Some(current) => self.page(key, client, &current, true).await,
                None => self.start(key, client, None, lang).await,
            },
            TurnKind::Stepped | TurnKind::StoreFailed => self.page(key, client, &turn, true).await,
        }
    }

    /// Starts (or restarts) the conversation, at a deep link's topic if given.
    async fn start(
        &self,
        key: &Key,
        client: &Client,
        payload: Option<String>,
        lang: Lang,
    ) -> Response {
        let turn = self
            .service
            .handle(
                key,
                None,
                Some(lang),
                Incoming::Engine(Input::Start { payload }),
            )
            .await;
        self.page(key, client, &turn, false).await
    }
}

/// A conversation id of ours: 32 lower-case hex digits (128 random bits).
fn valid_id(v: &str) -> bool {
    v.len() == 32
        && v.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A new conversation id from the operating system's random source.
fn new_id() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::getrandom(&mut bytes).is_err() {
        // No random source at all: a clock-based id would be guessable; refuse to go on
        // rather than hand out ids others could guess.
        panic!("the operating system's random source is unavailable");
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A number sent with each form, so that the same form sent twice is one input.
fn nonce() -> i64 {
    let mut bytes = [0u8; 4];
    let _ = getrandom::getrandom(&mut bytes);
    i64::from(u32::from_le_bytes(bytes) >> 1)
}

/// The first of da, en, de in an `Accept-Language` header, by weight.
pub fn accept_language(header: &str) -> Option<Lang> {
    let mut best: Option<(f32, usize, Lang)> = None;
    for (i, item) in header.split(',').enumerate() {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q="))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let Some(lang) = Lang::from_code(tag) else {
            continue;
        };
        if q <= 0.0 {
            continue;
        }
        // Higher weight wins; on a tie, the one listed first.
        if best.is_none_or(|(bq, bi, _)| q > bq || (q == bq && i < bi)) {
            best = Some((q, i, lang));
        }
    }
    best.map(|(_, _, l)| l)
}

fn html_body(html: String) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html)
}

/// The query's value of `name` (first one).
fn query_value(uri: &Uri, name: &str) -> Option<String> {
    url::form_urlencoded::parse(uri.query()?.as_bytes())
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

/// A deep link's payload as the engine reads it: lower case `lang` or `lang-topic`;
/// anything else is dropped (the engine starts normally).
fn start_payload(v: &str) -> Option<String> {
    let v = v.trim().to_ascii_lowercase();
    (!v.is_empty() && v.len() <= 32 && v.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'))
        .then_some(v)
}

/// `GET /`: the current screen. A new visitor starts, in the language of `?lang=`, of
/// the browser, or the default; `?start=de-witness` starts at a topic (then the address
/// becomes `/`, so that a reload does not start again).
async fn show(
    State(web): State<Arc<Web>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    let client = web.client(&headers, peer);
    let browser = web.browser_lang(&headers);
    if let Some(r) = web.limited(&client, browser) {
        return r;
    }
    // A SameSite=Strict cookie is not sent when a link on another site leads here: load
    // the page once more from here, where it is, rather than start a second
    // conversation. Bounded: the second load comes from this site.
    let cross_site = headers
        .get("sec-fetch-site")
        .is_some_and(|v| v.as_bytes() == b"cross-site");
    let top_level = headers
        .get("sec-fetch-dest")
        .is_some_and(|v| v.as_bytes() == b"document");
    if client.id.is_none() && cross_site && top_level {
        return (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            "<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0\"><title>MitID</title>",
        )
            .into_response();
    }
    let start = query_value(&uri, "start").and_then(|v| start_payload(&v));
    let lang_asked = query_value(&uri, "lang")
        .filter(|v| v.len() == 2)
        .and_then(|v| Lang::from_code(&v));
    let key = Key::web(client.id.clone().unwrap_or_else(new_id));
    let current = match (&client.id, &start) {
        (Some(_), None) => web.service.current(&key).await,
        _ => None,
    };
    let lang = lang_asked.unwrap_or(browser);
    let payload = start
        .clone()
        .or_else(|| lang_asked.map(|l| l.code().into()));
    match current {
        Some(turn) => web.page(&key, &client, &turn, false).await,
        None if payload.is_some() => {
            let turn = web
                .service
                .handle(
                    &key,
                    None,
                    Some(lang),
                    Incoming::Engine(Input::Start { payload }),
                )
                .await;
            if turn.kind == TurnKind::StoreFailed {
                return web.page(&key, &client, &turn, false).await;
            }
            (
                StatusCode::SEE_OTHER,
                [
                    (header::LOCATION, HeaderValue::from_static("/")),
                    (
                        header::SET_COOKIE,
                        web.cookie(&key.id, &client, web.retention_seconds()),
                    ),
                ],
            )
                .into_response()
        }
        None => web.start(&key, &client, None, lang).await,
    }
}

/// The form's fields we read: the nonce, a button's data, typed text, a language.
#[derive(Default)]
struct Form {
    nonce: Option<i64>,
    button: Option<String>,
    text: Option<String>,
    lang: Option<String>,
}

fn read_form(body: &[u8]) -> Form {
    let mut form = Form::default();
    for (k, v) in url::form_urlencoded::parse(body) {
        match &*k {
            "u" => form.nonce = v.trim().parse().ok(),
            "b" => form.button = Some(v.into_owned()),
            "text" => form.text = Some(v.into_owned()),
            "lang" => form.lang = Some(v.into_owned()),
            _ => {}
        }
    }
    form
}

/// The friendly page for a body over [`BODY_LIMIT`] (or one that could not be read).
fn too_long(web: &Web, lang: Lang, status: StatusCode) -> Response {
    let html = page::notice(
        &web.service.engine,
        lang,
        "web-too-long-title",
        "web-too-long",
        "web-back",
    );
    (status, html_body(html)).into_response()
}

/// `POST /`: a button (`b`) or typed text (`text`). Typed text goes to the engine and
/// is dropped with the request; it is never logged.
async fn input(
    State(web): State<Arc<Web>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let client = web.client(&headers, peer);
    let lang = web.browser_lang(&headers);
    if let Some(r) = web.limited(&client, lang) {
        return r;
    }
    let body = match body {
        Ok(b) => b,
        Err(e) => return too_long(&web, lang, e.status()),
    };
    let form = read_form(&body);
    let key = Key::web(client.id.clone().unwrap_or_else(new_id));
    let incoming = match (form.button, form.text) {
        (Some(b), _) => Incoming::Engine(Input::Button(b)),
        (None, Some(t)) if !t.trim().is_empty() => parse_text(&t),
        _ => {
            return match web.service.current(&key).await {
                Some(turn) => web.page(&key, &client, &turn, true).await,
                None => web.start(&key, &client, None, lang).await,
            }
        }
    };
    let turn = web
        .service
        .handle(&key, form.nonce, Some(lang), incoming)
        .await;
    web.answer(&key, &client, turn, lang).await
}

/// `POST /language`: the flow's own language choice (the language screen, then the
/// language), so the conversation goes on where it was, in the other language.
async fn language(
    State(web): State<Arc<Web>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let client = web.client(&headers, peer);
    let browser = web.browser_lang(&headers);
    if let Some(r) = web.limited(&client, browser) {
        return r;
    }
    let body = match body {
        Ok(b) => b,
        Err(e) => return too_long(&web, browser, e.status()),
    };
    let form = read_form(&body);
    let Some(lang) = form
        .lang
        .filter(|v| v.len() == 2)
        .and_then(|v| Lang::from_code(&v))
    else {
        return not_found(State(web), headers).await;
    };
    let key = Key::web(client.id.clone().unwrap_or_else(new_id));
    if client.id.is_none() || web.service.current(&key).await.is_none() {
        return web
            .start(&key, &client, Some(lang.code().into()), lang)
            .await;
    }
    let opened = web
        .service
        .handle(
            &key,
            None,
            None,
            Incoming::Engine(Input::Command(Command::Language)),
        )
        .await;
    if opened.kind != TurnKind::Stepped {
        return web.answer(&key, &client, opened, lang).await;
    }
    let chosen = crate::dialogue::flow::callback_data("language", lang.code());
    let turn = web
        .service
        .handle(&key, None, None, Incoming::Engine(Input::Button(chosen)))
        .await;
    web.answer(&key, &client, turn, lang).await
}

/// `POST /forget`: "delete my answers". The record and its reminders are gone; so is
/// the cookie.
async fn forget(
    State(web): State<Arc<Web>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let client = web.client(&headers, peer);
    let browser = web.browser_lang(&headers);
    if let Some(r) = web.limited(&client, browser) {
        return r;
    }
    let Some(id) = client.id.clone() else {
        return web.forgotten(&client, browser);
    };
    let key = Key::web(id);
    let turn = web.service.handle(&key, None, None, Incoming::Forget).await;
    match turn.kind {
        TurnKind::Forgotten => web.forgotten(&client, turn.lang),
        _ => web.page(&key, &client, &turn, true).await,
    }
}

/// `GET /calendar.ics`: the appointment as a calendar file, in the conversation's
/// language, with alarms the evening before and a few hours before.
async fn calendar_file(
    State(web): State<Arc<Web>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
) -> Response {
    let client = web.client(&headers, peer);
    let browser = web.browser_lang(&headers);
    if let Some(r) = web.limited(&client, browser) {
        return r;
    }
    let key = client.id.clone().map(Key::web);
    let (lang, at) = match &key {
        Some(key) => {
            let lang = web
                .service
                .current(key)
                .await
                .map(|t| t.lang)
                .unwrap_or(browser);
            (lang, web.appointment(key).await)
        }
        None => (browser, None),
    };
    let Some(at) = at else {
        let html = page::notice(
            &web.service.engine,
            lang,
            "web-no-appointment-title",
            "web-no-appointment",
            "web-back",
        );
        return (StatusCode::NOT_FOUND, html_body(html)).into_response();
    };
    let ics = calendar::for_appointment(&web.service.engine, lang, at, web.service.clock.now());
    (
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"mitid.ics\"",
            ),
        ],
        ics,
    )
        .into_response()
}

async fn css() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        CSS,
    )
        .into_response()
}

async fn js() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        JS,
    )
        .into_response()
}

async fn not_found(State(web): State<Arc<Web>>, headers: HeaderMap) -> Response {
    let lang = web.browser_lang(&headers);
    let html = page::notice(
        &web.service.engine,
        lang,
        "web-not-found-title",
        "web-not-found",
        "web-back",
    );
    (StatusCode::NOT_FOUND, html_body(html)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_first_language_we_speak_wins_by_weight() {
        assert_eq!(accept_language("de-DE,de;q=0.9,en;q=0.8"), Some(Lang::De));
        assert_eq!(
            accept_language("fr-FR,fr;q=0.9,en;q=0.8,da;q=0.7"),
            Some(Lang::En)
        );
        assert_eq!(accept_language("en;q=0.5, da"), Some(Lang::Da));
        assert_eq!(accept_language("fr, pl"), None);
        assert_eq!(accept_language("da;q=0"), None);
    }

    #[test]
    fn ids_are_128_random_bits_in_hex_and_nothing_else_passes_for_one() {
        let a = new_id();
        let b = new_id();
        assert!(valid_id(&a) && valid_id(&b));
        assert_ne!(a, b);
        assert!(!valid_id("0123456789abcdef0123456789ABCDEF"));
        assert!(!valid_id("../../etc/passwd"));
        assert!(!valid_id(""));
    }

    #[test]
    fn deep_link_payloads_are_lower_case_words_or_dropped() {
        assert_eq!(start_payload("DE-witness"), Some("de-witness".into()));
        assert_eq!(start_payload("da"), Some("da".into()));
        assert_eq!(start_payload("<script>"), None);
        assert_eq!(start_payload(""), None);
    }
}
