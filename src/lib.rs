//! mitid-bot: prepares citizens for their MitID appointment at Borgerservice.
//!
//! # Layout
//! - [`domain`]: the MitID rules as pure functions (documents, witness, UserID, CPR).
//!   No I/O, no texts: it returns facts the texts explain.

pub mod domain;
pub mod faq;
