//! The append-only review journal: one self-checking line per event.
//!
//! A journal file starts with the header line `QUIZDECK-JOURNAL <version>`, then one
//! line per event: `<crc32 as 8 hex digits> <body>\n`. The CRC-32 (IEEE) covers the
//! body bytes, so a torn (half-written) or garbled line is detected and never applied.
//!
//! Two body shapes exist, told apart by their first byte, and both are read in any file:
//!
//! * **JSON** (format 1, and format 2 for keys outside the compact alphabet): `[seq,
//!   event]` with short tuple encodings (timestamps as integer nanoseconds, f32 values as
//!   their bit patterns).
//! * **Compact** (format 2): space-separated fields, see [`compact`]. Times inside a state
//!   are written relative to the event's time (whole seconds where exact), and an answer's
//!   `before` state is left out when it is the item's current state, which replaying the
//!   journal in order recovers. A compact answer line is under half the size of a JSON one.
//!
//! A left-out `before` is whatever state replaying the lines before it gives the item.
//! That is exactly the state it had when the answer was written, unless a line in between
//! was damaged and skipped; then it is the state the rest of the replay builds on too.
//!
//! A file headed `QUIZDECK-JOURNAL 1` holds JSON lines only, so an older quizdeck can
//! still read it; before compact lines are appended to such a file its header is raised
//! to 2 in place (older versions then refuse the file instead of discarding lines they
//! cannot parse).
//!
//! Reading ([`scan`]) cuts the file into pieces of whole lines that are read and decoded
//! (CRC included) on two threads for large journals, while the lines are applied in file
//! order on the calling thread.

/// First bytes of a journal file's header line.
pub(crate) const HEADER_PREFIX: &str = "QUIZDECK-JOURNAL ";
/// The journal format version this code writes; every version up to it is read.
pub(crate) const VERSION: u32 = 2;
/// Longest line accepted; longer lines are treated as damaged (and never buffered whole).
pub(crate) const MAX_LINE: usize = 1 << 20;

pub(crate) use crate::durable::crc32;

// What the codec, the compact encoding and the tests name from the schedule and store.
use super::ChangeReason;
use crate::ids::ItemKey;
use crate::schedule::{ItemState, Memory, Phase, ReviewEntry};

mod codec;
pub(crate) mod compact;
pub(crate) mod fast;
mod read;
mod write;

pub(crate) use codec::*;
pub(crate) use read::*;
pub(crate) use write::*;

#[cfg(test)]
pub(crate) mod tests;
