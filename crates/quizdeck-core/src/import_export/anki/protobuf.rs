//! The little of protobuf the current layout needs: varints and the fields of a message.

use super::*;

/// Reads a protobuf varint.
fn varint(buf: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// A protobuf field's value: a varint or a length-delimited slice.
pub(super) enum Pb<'a> {
    Int(u64),
    Bytes(&'a [u8]),
}

/// Most fields read from one protobuf message (a media list has one per media file).
pub(super) const MAX_PROTOBUF_FIELDS: usize = MAX_ENTRIES + 16;

/// The fields of one protobuf message, in order; `None` when it is malformed or has more
/// than [`MAX_PROTOBUF_FIELDS`] fields.
pub(super) fn protobuf_fields(buf: &[u8]) -> Option<Vec<(u64, Pb<'_>)>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < buf.len() {
        if out.len() >= MAX_PROTOBUF_FIELDS {
            return None;
        }
        let key = varint(buf, &mut at)?;
        let value = match key & 7 {
            0 => Pb::Int(varint(buf, &mut at)?),
            1 => {
                at = at.checked_add(8).filter(|&e| e <= buf.len())?;
                continue;
            }
            2 => {
                let len = usize::try_from(varint(buf, &mut at)?).ok()?;
                let end = at.checked_add(len).filter(|&e| e <= buf.len())?;
                let s = &buf[at..end];
                at = end;
                Pb::Bytes(s)
            }
            5 => {
                at = at.checked_add(4).filter(|&e| e <= buf.len())?;
                continue;
            }
            _ => return None,
        };
        out.push((key >> 3, value));
    }
    Some(out)
}
