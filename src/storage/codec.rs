//! Records as bytes: one version byte, then JSON. Decoding migrates older versions to the
//! current [`Record`] and turns anything it cannot read into [`Loaded::Unreadable`],
//! never a panic. The layouts are described in the module doc of `storage`.

use std::collections::VecDeque;

use serde::Deserialize;

use super::{Loaded, Record, StoreError};
use crate::dialogue::state::STATE_VERSION;
use crate::dialogue::State;

/// The version byte written today.
pub(super) const CURRENT: u8 = 2;

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
    fn what_cannot_be_read_is_unreadable() {
        let state = serde_json::to_string(&sample(at(0)).state).unwrap();
        let good_v2 = String::from_utf8(encode(&sample(at(0))).unwrap()[1..].to_vec()).unwrap();
        let broken_state = good_v2.replacen(r#""lang":"de""#, r#""lang":"fr""#, 1);
        let newer_state = good_v2.replacen(r#""version":1"#, r#""version":99"#, 1);
        assert!(
            broken_state != good_v2 && newer_state != good_v2,
            "the edits must apply"
        );
        let cases: Vec<(&str, Vec<u8>)> = vec![
            ("empty", vec![]),
            ("version byte only", vec![CURRENT]),
            ("garbage", b"\xff\x00not json at all".to_vec()),
            ("unknown version", with_version(3, &good_v2)),
            ("version 0", with_version(0, &good_v2)),
            (
                "v2 bytes with no version byte",
                good_v2.clone().into_bytes(),
            ),
            (
                "v1 shape under v2",
                with_version(2, &format!(r#"{{"state":{state},"last_active":1}}"#)),
            ),
            ("truncated", with_version(2, &good_v2[..good_v2.len() / 2])),
            ("state shape broke", with_version(2, &broken_state)),
            ("state from a newer release", with_version(2, &newer_state)),
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
