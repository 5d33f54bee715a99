//! The service's background work, whichever channels a process serves: retention expiry,
//! the statistics flush, and due reminders, each sent through the [`Delivery`] of the
//! conversation's channel.
//!
//! Must not: know a channel (it only asks a [`Delivery`]), or send a reminder twice (it
//! is taken from the schedule before it is sent, also across instances).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Notify;
use tokio::task::JoinHandle;

use super::{Delivery, DeliveryError, Key, Service};
use crate::dialogue::reminders::{Reminder, ReminderKind};
use crate::storage::Loaded;

/// How many due reminders one round looks at.
const DUE_BATCH: usize = 500;

/// The running jobs of a service; [`Jobs::stop`] ends them and writes the statistics.
pub struct Jobs {
    service: Service,
    tasks: Vec<JoinHandle<()>>,
}

/// When the reminder job looks for due reminders.
#[derive(Clone)]
pub struct ReminderTimer {
    /// How often (also: how late a reminder may go out).
    pub tick: Duration,
    /// Wakes the job before its tick (tests that moved the clock on).
    pub wake: Arc<Notify>,
}

impl Default for ReminderTimer {
    fn default() -> ReminderTimer {
        ReminderTimer {
            tick: Duration::from_secs(20),
            wake: Arc::default(),
        }
    }
}

impl Jobs {
    /// Starts expiry, the statistics flush and the reminders, with `deliveries` for the
    /// channels this process serves.
    pub fn start(
        service: &Service,
        deliveries: Vec<Arc<dyn Delivery>>,
        timer: ReminderTimer,
    ) -> Jobs {
        let tasks = vec![
            tokio::spawn(expire_regularly(service.clone())),
            tokio::spawn(flush_stats_regularly(service.clone())),
            tokio::spawn(remind_regularly(service.clone(), deliveries, timer)),
        ];
        Jobs {
            service: service.clone(),
            tasks,
        }
    }

    /// Ends the jobs and writes what the statistics hold.
    pub async fn stop(self) {
        for t in &self.tasks {
            t.abort();
        }
        flush_stats(&self.service).await;
    }
}

/// Deletes idle conversations every `expiry_interval_seconds` (an hour by default). The
/// first sweep waits as long: a person who returns right after an upgrade that could not
/// read their record is told so, instead of meeting a silent restart.
async fn expire_regularly(service: Service) {
    let every = Duration::from_secs(service.config.expiry_interval_seconds.max(1));
    loop {
        tokio::time::sleep(every).await;
        expire(&service).await;
    }
}

/// One sweep of retention expiry; returns how many conversations went.
pub async fn expire(service: &Service) -> usize {
    let retention = chrono::Duration::days(i64::from(service.config.retention_days));
    let now = service.clock.now();
    match service.on_store(move |s| s.expire(now, retention)).await {
        Ok(0) => 0,
        Ok(n) => {
            tracing::info!(deleted = n, "expired idle conversations");
            n
        }
        Err(e) => {
            tracing::warn!(error = %e, "could not expire idle conversations");
            0
        }
    }
}

/// Writes the statistics held in memory to their day files.
pub async fn flush_stats(service: &Service) {
    let stats = service.stats.clone();
    match tokio::task::spawn_blocking(move || stats.flush()).await {
        Ok(Ok(())) => {}
        Ok(Err(e)) => tracing::warn!(error = %e, "could not write statistics"),
        Err(_) => tracing::warn!("writing statistics failed"),
    }
}

async fn flush_stats_regularly(service: Service) {
    loop {
        tokio::time::sleep(Duration::from_secs(60)).await;
        flush_stats(&service).await;
    }
}

/// Sends the reminders that are due, every tick (or when woken).
async fn remind_regularly(
    service: Service,
    deliveries: Vec<Arc<dyn Delivery>>,
    timer: ReminderTimer,
) {
    loop {
        if let Err(e) = send_due_reminders(&service, &deliveries).await {
            service.metrics.error();
            tracing::warn!(error = %e, "could not send reminders");
        }
        tokio::select! {
            _ = tokio::time::sleep(timer.tick) => {}
            _ = timer.wake.notified() => {}
        }
    }
}

/// One round: every due reminder of a channel served here is taken from the schedule and
/// sent through its channel's [`Delivery`]. One that came due while the bot was down goes
/// out late if the appointment is still ahead; otherwise it is dropped. Several due at
/// once for one conversation become one: the evening reminder, which carries the
/// checklist. A channel that cannot push (a web page) gets none: the reminder is dropped
/// (the web chat offers a calendar file instead).
pub async fn send_due_reminders(
    service: &Service,
    deliveries: &[Arc<dyn Delivery>],
) -> anyhow::Result<()> {
    let now = service.clock.now();
    let due = service
        .on_store(move |s| s.due_reminders(now, DUE_BATCH))
        .await?;
    let mut chosen: Vec<(Key, Reminder, Arc<dyn Delivery>)> = Vec::new();
    for (key, r) in due {
        let delivery = deliveries
            .iter()
            .find(|d| d.channel() == key.channel)
            .cloned();
        let delivery = match delivery {
            Some(d) if d.can_push() => Some(d),
            Some(_) => None,
            // A channel that can push waits for an instance that serves it; one that cannot
            // never will: whichever instance finds its reminder drops it.
            None if key.channel.can_push() => continue,
            None => None,
        };
        // Removed before it is sent: it goes out at most once, even with several
        // instances on one store.
        let taken_key = key.clone();
        let taken = service
            .on_store(move |s| s.take_reminder(&taken_key, &r))
            .await?;
        if !taken {
            continue;
        }
        let Some(delivery) = delivery else {
            tracing::debug!(
                channel = key.channel.name(),
                "a reminder came due for a channel that cannot push; dropped"
            );
            continue;
        };
        match chosen
            .iter_mut()
            .find(|(k, other, _)| *k == key && other.appointment == r.appointment)
        {
            Some((_, other, _)) => {
                if r.kind == ReminderKind::Evening {
                    *other = r;
                }
            }
            None => chosen.push((key, r, delivery)),
        }
    }
    for (key, r, delivery) in chosen {
        let load = key.clone();
        let record = match service.on_store(move |s| s.load(&load)).await? {
            Loaded::Found(record) => record,
            _ => continue,
        };
        let Some(reply) = service.engine.reminder_reply(&record.state, &r, now) else {
            continue;
        };
        let rendered = service
            .engine
            .render(record.state.lang, key.channel.name(), &reply);
        match delivery.deliver(&key, vec![rendered]).await {
            Ok(()) => tracing::info!(kind = ?r.kind, "sent a reminder"),
            Err(DeliveryError::Gone) => {}
            Err(e) => {
                // Taken, so not tried again: one lost reminder rather than a storm.
                service.metrics.error();
                tracing::warn!(error = %e, "could not send a reminder");
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FakeClock;
    use crate::config::Config;
    use crate::conversation::Channel;
    use crate::dialogue::engine::Rendered;
    use crate::dialogue::{Fact, State};
    use crate::i18n::Lang;
    use crate::storage::{MemoryStore, Record};
    use chrono::{TimeZone, Utc};
    use futures_util::future::BoxFuture;
    use std::sync::Mutex;

    /// A channel that records what it was asked to deliver.
    struct Recorder {
        channel: Channel,
        push: bool,
        sent: Mutex<Vec<(Key, String)>>,
    }

    impl Delivery for Recorder {
        fn channel(&self) -> Channel {
            self.channel
        }
        fn can_push(&self) -> bool {
            self.push
        }
        fn deliver<'a>(
            &'a self,
            key: &'a Key,
            screens: Vec<Rendered>,
        ) -> BoxFuture<'a, Result<(), DeliveryError>> {
            let mut sent = self.sent.lock().unwrap();
            for s in screens {
                sent.push((key.clone(), s.text));
            }
            Box::pin(async { Ok(()) })
        }
    }

    fn recorder(channel: Channel, push: bool) -> Arc<Recorder> {
        Arc::new(Recorder {
            channel,
            push,
            sent: Mutex::default(),
        })
    }

    /// A service at 18:00 on 2 December 2026 (Copenhagen: 19:00) with an appointment the
    /// next morning at 9:00 for each of `keys`, reminders on.
    fn service_with_appointments(keys: &[Key]) -> Service {
        let engine = crate::check::load(
            &crate::content::ContentSource::embedded(),
            crate::i18n::Globals::default(),
        )
        .expect("content loads");
        let now = Utc.with_ymd_and_hms(2026, 12, 2, 18, 0, 0).unwrap();
        let appointment = Utc.with_ymd_and_hms(2026, 12, 3, 8, 0, 0).unwrap();
        let store = Arc::new(MemoryStore::new());
        let service = Service::new(engine, store, Config::default())
            .with_clock(Arc::new(FakeClock::new(now - chrono::Duration::days(2))));
        for key in keys {
            let mut state = State::new(Lang::En);
            state.node = "remind-set".into();
            state
                .facts
                .insert("appointment".into(), Fact::Time(appointment.timestamp()));
            state
                .facts
                .insert("reminders".into(), Fact::One("on".into()));
            let plan = service
                .engine
                .reminder_plan(&state, now - chrono::Duration::days(2));
            assert!(!plan.is_empty());
            service.store.save(key, &Record::new(state, now)).unwrap();
            service.store.set_reminders(key, &plan).unwrap();
        }
        service.with_clock(Arc::new(FakeClock::new(now)))
    }

    #[tokio::test]
    async fn a_web_reminder_never_goes_to_telegram_and_a_telegram_one_goes_only_there() {
        let anna = Key::telegram(7);
        let web = Key::web("tab".into());
        let service = service_with_appointments(&[anna.clone(), web.clone()]);

        // A web-only process: Telegram's reminder waits for a Telegram instance; the web
        // page cannot be reached, so its reminder is dropped.
        let page = recorder(Channel::Web, false);
        send_due_reminders(&service, &[page.clone() as Arc<dyn Delivery>])
            .await
            .unwrap();
        assert!(page.sent.lock().unwrap().is_empty());
        let now = service.clock.now();
        let due = service.store.due_reminders(now, 10).unwrap();
        assert_eq!(due.len(), 1, "{due:?}");
        assert_eq!(due[0].0, anna);

        // The Telegram instance sends Anna's, once.
        let telegram = recorder(Channel::Telegram, true);
        let deliveries = [telegram.clone() as Arc<dyn Delivery>];
        send_due_reminders(&service, &deliveries).await.unwrap();
        send_due_reminders(&service, &deliveries).await.unwrap();
        let sent = telegram.sent.lock().unwrap().clone();
        assert_eq!(sent.len(), 1, "{sent:?}");
        assert_eq!(sent[0].0, anna);
        assert!(
            sent[0].1.contains("tomorrow") && sent[0].1.contains("9:00"),
            "{}",
            sent[0].1
        );
        assert!(service.store.due_reminders(now, 10).unwrap().is_empty());
    }
}
