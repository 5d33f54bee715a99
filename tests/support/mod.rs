//! Test support shared by the integration tests (`mod support;`).
//!
//! Each test file is its own crate and uses only part of this, hence the allows.
#![allow(dead_code, unused_imports)]

pub mod binary;
pub mod fake_telegram;
pub mod http;
pub mod web;

pub use fake_telegram::{Button, Call, FakeTelegram, SentMessage, User};
