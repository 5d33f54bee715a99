//! Records as bytes: one version byte, then JSON. Decoding migrates older versions to the
//! current [`Record`] and turns anything it cannot read into [`Loaded::Unreadable`],
//! never a panic. The layouts are described in the module doc of `storage`.

use std::collections::VecDeque;

use serde::Deserialize;

use super::{Loaded, Record, StoreError};
use crate::dialogue::state::STATE_VERSION;
use crate::dialogue::State;

/// The version byte written today.
pub(super) const CURRENT: u8 = 4;

/// The previous release's record: no update ids, no reminder.
#[derive(Deserialize)]
struct RecordV1 {
    state: State,
    last_active: i64,
}

impl From<RecordV1> for Record {
    fn from(old: RecordV1) -> Record {
        Record {
            state: old.state,
            recent_updates: VecDeque::new(),
            last_active: old.last_active,
            reminder_at: None,
            screen: None,
            outbox: Vec::new(),
        }
    }
}

/// The record before the screen's message was kept.
#[derive(Deserialize)]
struct RecordV2 {
    state: State,
    recent_updates: VecDeque<i32>,
    last_active: i64,
    reminder_at: Option<i64>,
}

impl From<RecordV2> for Record {
    fn from(old: RecordV2) -> Record {
        Record {
            state: old.state,
            recent_updates: old.recent_updates,
            last_active: old.last_active,
            reminder_at: old.reminder_at,
            screen: None,
            outbox: Vec::new(),
        }
    }
}

/// The record before the outbox: nothing was waiting to be shown.
#[derive(Deserialize)]
struct RecordV3 {
    state: State,
    recent_updates: VecDeque<i32>,
    last_active: i64,
    reminder_at: Option<i64>,
    screen: Option<super::Screen>,
}

impl From<RecordV3> for Record {
    fn from(old: RecordV3) -> Record {
        Record {
            state: old.state,
            recent_updates: old.recent_updates,
            last_active: old.last_active,
            reminder_at: old.reminder_at,
            screen: old.screen,
            outbox: Vec::new(),
        }
    }
}

/// The bytes stored for `record`, always in the current version.
pub(super) fn encode(record: &Record) -> Result<Vec<u8>, StoreError> {
    let mut bytes = vec![CURRENT];
    serde_json::to_writer(&mut bytes, record)?;
    Ok(bytes)
}

/// Reads stored bytes as a current [`Record`]: `Found` or `Unreadable`, never `Missing`.
pub(super) fn decode(bytes: &[u8]) -> Loaded {
    let record = match bytes.split_first() {
        Some((&CURRENT, json)) => serde_json::from_slice::<Record>(json).ok(),
        Some((&3, json)) => serde_json::from_slice::<RecordV3>(json)
            .ok()
            .map(Record::from),
        Some((&2, json)) => serde_json::from_slice::<RecordV2>(json)
            .ok()
            .map(Record::from),
        Some((&1, json)) => serde_json::from_slice::<RecordV1>(json)
            .ok()
            .map(Record::from),
        _ => None,
    };
    match record {
        Some(mut record) if record.state.version == STATE_VERSION => {
            // Written by us, but a damaged list must not grow without end.
            record.trim_recent();
            Loaded::Found(record)
        }
        // A state of a version this build does not know (newer, or none there ever was)
        // cannot be trusted to mean what this engine thinks.
        Some(_) | None => {
            tracing::warn!(
                version = bytes.first().copied(),
                "a stored conversation could not be read; it starts over"
            );
            Loaded::Unreadable
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::tests::{at, sample};
    use crate::storage::RECENT_UPDATES;

    fn with_version(version: u8, json: &str) -> Vec<u8> {
        let mut bytes = vec![version];
        bytes.extend_from_slice(json.as_bytes());
        bytes
    }

    #[test]
    fn round_trip_starts_with_the_version_byte() {
        let record = sample(at(1_700_000_000));
        let bytes = encode(&record).unwrap();
        assert_eq!(bytes[0], CURRENT);
        assert_eq!(decode(&bytes), Loaded::Found(record));
    }

    #[test]
    fn version_1_is_migrated() {
        let state = serde_json::to_string(&sample(at(0)).state).unwrap();
        let v1 = with_version(1, &format!(r#"{{"state":{state},"last_active":1234}}"#));
        let Loaded::Found(record) = decode(&v1) else {
            panic!("a v1 record must be read");
        };
        assert_eq!(record.state, sample(at(0)).state);
        assert_eq!(record.last_active, 1234);
        assert!(record.recent_updates.is_empty());
        assert_eq!(record.reminder_at, None);
        // And it is written back as the current version.
        assert_eq!(encode(&record).unwrap()[0], CURRENT);
    }

    #[test]
    fn version_2_is_migrated_without_a_screen() {
        let mut v3 = sample(at(0));
        v3.reminder_at = Some(99);
        let state = serde_json::to_string(&v3.state).unwrap();
        let v2 = with_version(
            2,
            &format!(
                r#"{{"state":{state},"recent_updates":[5,7],"last_active":1234,"reminder_at":99}}"#
            ),
        );
        let Loaded::Found(record) = decode(&v2) else {
            panic!("a v2 record must be read");
        };
        assert_eq!(record.state, v3.state);
        assert_eq!(record.recent_updates, [5, 7]);
        assert_eq!((record.last_active, record.reminder_at), (1234, Some(99)));
        assert_eq!(record.screen, None);
        assert_eq!(encode(&record).unwrap()[0], CURRENT);
    }

    /// Bytes as the release before the outbox wrote them (version 3), literally: they
    /// must load unchanged, with nothing waiting to be shown.
    #[test]
    fn version_3_is_migrated_with_an_empty_outbox() {
        let mut before = sample(at(0));
        before.reminder_at = Some(99);
        before.screen = Some(crate::storage::Screen {
            message: 4711,
            kept: true,
        });
        let state = serde_json::to_string(&before.state).unwrap();
        let v3 = with_version(
            3,
            &format!(
                r#"{{"state":{state},"recent_updates":[5,7],"last_active":1234,"reminder_at":99,"screen":{{"message":4711,"kept":true}}}}"#
            ),
        );
        let Loaded::Found(record) = decode(&v3) else {
            panic!("a v3 record must be read");
        };
        assert_eq!(record.state, before.state);
        assert_eq!(record.recent_updates, [5, 7]);
        assert_eq!((record.last_active, record.reminder_at), (1234, Some(99)));
        assert_eq!(record.screen, before.screen);
        assert!(record.outbox.is_empty());
        assert_eq!(encode(&record).unwrap()[0], CURRENT);
        // The v3 shape under the current version byte lacks the outbox: not ours.
        let mut relabelled = v3.clone();
        relabelled[0] = CURRENT;
        assert_eq!(decode(&relabelled), Loaded::Unreadable);
    }

    #[test]
    fn the_outbox_survives_a_round_trip() {
        use crate::dialogue::engine::{ButtonAction, Rendered, RenderedButton};
        let mut record = sample(at(0));
        record.push_outgoing(
            vec![Rendered {
                text: "Your documents are enough.".into(),
                buttons: vec![RenderedButton {
                    label: "Next".into(),
                    action: ButtonAction::Callback("@go:next".into()),
                    ticked: Some(false),
                }],
                replaces_previous: false,
                keep: true,
            }],
            true,
            Some(1_800_000_000),
        );
        let bytes = encode(&record).unwrap();
        assert_eq!(bytes[0], 4);
        assert_eq!(decode(&bytes), Loaded::Found(record));
    }

    #[test]
    fn the_screen_survives_a_round_trip() {
        let mut record = sample(at(0));
        record.screen = Some(crate::storage::Screen {
            message: 4711,
            kept: true,
        });
        assert_eq!(decode(&encode(&record).unwrap()), Loaded::Found(record));
    }

    #[test]
    fn what_cannot_be_read_is_unreadable() {
        let state = serde_json::to_string(&sample(at(0)).state).unwrap();
        let good = String::from_utf8(encode(&sample(at(0))).unwrap()[1..].to_vec()).unwrap();
        let broken_state = good.replacen(r#""lang":"de""#, r#""lang":"fr""#, 1);
        let newer_state = good.replacen(r#""version":1"#, r#""version":99"#, 1);
        assert!(
            broken_state != good && newer_state != good,
            "the edits must apply"
        );
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", vec![]),
            ("version byte only", vec![CURRENT]),
            ("garbage", b"\xff\x00not json at all".to_vec()),
            ("unknown version", with_version(CURRENT + 1, &good)),
            ("version 0", with_version(0, &good)),
            (
                "current bytes with no version byte",
                good.clone().into_bytes(),
            ),
            (
                "v1 shape under the current version",
                with_version(CURRENT, &format!(r#"{{"state":{state},"last_active":1}}"#)),
            ),
            ("truncated", with_version(CURRENT, &good[..good.len() / 2])),
            ("state shape broke", with_version(CURRENT, &broken_state)),
            (
                "state from a newer release",
                with_version(CURRENT, &newer_state),
            ),
            (
                "v1 with a broken state",
                with_version(1, r#"{"state":{"node":3},"last_active":1}"#),
            ),
        ];
        for (what, bytes) in cases {
            assert_eq!(decode(&bytes), Loaded::Unreadable, "{what}");
        }
    }

    #[test]
    fn an_overlong_update_list_is_trimmed_on_load() {
        let mut record = sample(at(0));
        record.recent_updates = (0..100).collect();
        let Loaded::Found(read) = decode(&encode(&record).unwrap()) else {
            panic!("must be read");
        };
        assert_eq!(read.recent_updates.len(), RECENT_UPDATES);
        assert_eq!(read.recent_updates.back(), Some(&99));
    }
}
