//! The history archive, indexed by item and kept to a few files.
//!
//! Each archived journal (`history/journal-<first seq>.log`) gets an index beside it
//! (`journal-<first seq>.idx`): a header line, then one 20-byte record per line of the
//! segment, `<key hash u64> <offset u64> <length u32>` (little endian), sorted by hash and
//! offset. The history of one item is then a binary search per segment and a read of its
//! own lines ([`Store::item_history`](super::Store::item_history)), never the whole
//! history. The hash is CRC-32 of the deck and card ids beside the part, so it is the
//! same on every machine and version; every line found is decoded (its checksum checked)
//! and its key compared, so a collision or a damaged index never shows a wrong answer.
//! An index that does not match its segment (different length, bad header) is ignored:
//! that segment is scanned instead, and the index is rebuilt by the next compaction.
//!
//! Compaction keeps the number of segments logarithmic in the length of the history:
//! after each archived journal, while the newest segment has more than half as many
//! lines as the one before it, the two are merged (the older one's name is kept). So
//! segments at least double in size going back in time: a million answers in journals
//! of a thousand make about ten files. A merge writes the joined file beside the old one
//! and renames it over the older segment; the newer one is deleted after. A crash in
//! between leaves a segment whose events are all in the merged one: readers skip events
//! already seen (by sequence number), and the next compaction deletes it.

use super::Result;
use super::fsutil::{self, io_err};
use super::journal::{self, Event, MAX_LINE};
use super::paths::ProgressPaths;
use crate::ids::ItemKey;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

const HEADER_PREFIX: &str = "QUIZDECK-HINDEX 1 ";
const RECORD: usize = 20;

/// An item's hash in the index: CRC-32 of `deck 0xff card` above the part.
pub(super) fn key_hash(k: &ItemKey) -> u64 {
    let mut h = crc32fast::Hasher::new();
    h.update(k.deck.as_str().as_bytes());
    h.update(&[0xff]);
    h.update(k.card.as_str().as_bytes());
    (u64::from(h.finalize()) << 32) | u64::from(k.part)
}

/// The index file of a segment.
pub(super) fn index_path(segment: &Path) -> PathBuf {
    segment.with_extension("idx")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rec {
    hash: u64,
    offset: u64,
    len: u32,
}

/// What an index says about its segment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Head {
    /// Length of the segment it was built for.
    segment_len: u64,
    /// Records (good lines).
    count: u64,
    /// Sequence numbers of the segment's first and last good lines (0 when none).
    first_seq: u64,
    last_seq: u64,
    /// Length of the index's header line.
    header_len: u64,
}

fn head_line(h: &Head) -> String {
    format!(
        "{HEADER_PREFIX}{} {} {} {}\n",
        h.segment_len, h.count, h.first_seq, h.last_seq
    )
}

/// Reads an index's header; `None` when it is missing, damaged or for another length of
/// segment.
fn read_head(r: &mut impl BufRead, segment_len: u64) -> Option<Head> {
    let mut line = Vec::new();
    r.take(200).read_until(b'\n', &mut line).ok()?;
    let text = std::str::from_utf8(&line).ok()?;
    let rest = text.strip_suffix('\n')?.strip_prefix(HEADER_PREFIX)?;
    let v: Vec<u64> = rest
        .split(' ')
        .map(|s| s.parse().ok())
        .collect::<Option<_>>()?;
    let [seg, count, first_seq, last_seq] = v[..] else {
        return None;
    };
    (seg == segment_len).then_some(Head {
        segment_len: seg,
        count,
        first_seq,
        last_seq,
        header_len: line.len() as u64,
    })
}

/// The index of `segment` if it is there and matches the segment.
fn open_index(segment: &Path) -> Option<(BufReader<File>, Head)> {
    let seg_len = fs::metadata(segment).ok()?.len();
    let f = File::open(index_path(segment)).ok()?;
    let idx_len = f.metadata().ok()?.len();
    let mut r = BufReader::with_capacity(4096, f);
    let head = read_head(&mut r, seg_len)?;
    (idx_len == head.header_len + head.count * RECORD as u64).then_some((r, head))
}

fn read_rec(r: &mut (impl Read + Seek), head: &Head, i: u64) -> io::Result<Rec> {
    r.seek(SeekFrom::Start(head.header_len + i * RECORD as u64))?;
    let mut b = [0u8; RECORD];
    r.read_exact(&mut b)?;
    Ok(Rec {
        hash: u64::from_le_bytes(b[..8].try_into().unwrap_or_default()),
        offset: u64::from_le_bytes(b[8..16].try_into().unwrap_or_default()),
        len: u32::from_le_bytes(b[16..].try_into().unwrap_or_default()),
    })
}

/// The events of item `key` in `segment`, with their sequence numbers, through the
/// segment's index; `None` when the index is missing or does not match (the caller then
/// scans the segment).
pub(super) fn lookup(segment: &Path, key: &ItemKey) -> Option<Vec<(u64, Event)>> {
    let (mut r, head) = open_index(segment)?;
    let hash = key_hash(key);
    // First record with a hash not below `hash`.
    let (mut lo, mut hi) = (0u64, head.count);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if read_rec(&mut r, &head, mid).ok()?.hash < hash {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    let mut spans = Vec::new();
    let mut i = lo;
    while i < head.count {
        let rec = read_rec(&mut r, &head, i).ok()?;
        if rec.hash != hash {
            break;
        }
        spans.push(rec);
        i += 1;
    }
    let mut seg = File::open(segment).ok()?;
    let mut out = Vec::with_capacity(spans.len());
    let mut line = Vec::new();
    for rec in spans {
        if rec.len as usize > MAX_LINE {
            return None;
        }
        line.resize(rec.len as usize, 0);
        seg.seek(SeekFrom::Start(rec.offset)).ok()?;
        seg.read_exact(&mut line).ok()?;
        // A line that does not decode means the index is wrong: scan instead.
        let (seq, ev) = journal::decode_line(&line).ok()?;
        if ev.key() == key {
            out.push((seq, ev));
        }
    }
    Some(out)
}

/// Reads the next line of `r` into `line` (without its newline): `None` at the end,
/// otherwise the bytes it took and whether it is a whole line (a line over
/// [`MAX_LINE`], skipped, or a torn last line is not).
fn next_line(r: &mut BufReader<File>, line: &mut Vec<u8>) -> io::Result<Option<(u64, bool)>> {
    line.clear();
    let n = r
        .by_ref()
        .take(MAX_LINE as u64 + 1)
        .read_until(b'\n', line)?;
    if n == 0 {
        return Ok(None);
    }
    if line.last() != Some(&b'\n') {
        let rest = if n > MAX_LINE {
            r.skip_until(b'\n')?
        } else {
            0
        };
        return Ok(Some(((n + rest) as u64, false)));
    }
    line.pop();
    Ok(Some((n as u64, true)))
}

/// The first line of `r` starting at or after byte `pos` (never the header line) that
/// decodes, as `(offset, seq)`; `None` when there is none before the end.
fn line_at_or_after(r: &mut BufReader<File>, pos: u64) -> io::Result<Option<(u64, u64)>> {
    let mut off = pos.max(1) - 1;
    r.seek(SeekFrom::Start(off))?;
    // Skip to the end of the line holding byte `off` (only that byte when it ends one).
    off += r.skip_until(b'\n')? as u64;
    let mut line = Vec::with_capacity(512);
    while let Some((n, whole)) = next_line(r, &mut line)? {
        if whole && let Ok((seq, _)) = journal::decode_line(&line) {
            return Ok(Some((off, seq)));
        }
        off += n;
    }
    Ok(None)
}

/// The events of `segment` from sequence number `min_seq` on, found by a binary search
/// over the segment's bytes (its lines are in sequence order), so reading the last few
/// answers of a long archive costs O(log length + what is read), not the whole file.
/// Damaged lines are skipped.
pub(super) fn events_from_seq(segment: &Path, min_seq: u64) -> Result<Vec<(u64, Event)>> {
    let read = || -> io::Result<Vec<(u64, Event)>> {
        let file = File::open(segment)?;
        let len = file.metadata()?.len();
        let mut r = BufReader::with_capacity(16 * 1024, file);
        // Smallest position whose next line has a sequence number at or above `min_seq`.
        let (mut lo, mut hi) = (0u64, len);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match line_at_or_after(&mut r, mid)? {
                Some((off, seq)) if seq < min_seq => lo = off + 1,
                _ => hi = mid,
            }
        }
        let mut out = Vec::new();
        let Some((start, _)) = line_at_or_after(&mut r, lo)? else {
            return Ok(out);
        };
        r.seek(SeekFrom::Start(start))?;
        let mut line = Vec::with_capacity(512);
        while let Some((_, whole)) = next_line(&mut r, &mut line)? {
            if whole
                && let Ok((seq, ev)) = journal::decode_line(&line)
                && seq >= min_seq
            {
                out.push((seq, ev));
            }
        }
        Ok(out)
    };
    read().map_err(io_err("read the history", segment))
}

/// Lines of `segment` with their offsets: `f(offset, line)` for each line after the
/// header, lines longer than [`MAX_LINE`] skipped. Returns the segment's length.
fn for_each_line_at(segment: &Path, mut f: impl FnMut(u64, &[u8])) -> Result<u64> {
    let file = File::open(segment).map_err(io_err("read the history", segment))?;
    let mut r = BufReader::with_capacity(1 << 20, file);
    let mut off = 0u64;
    let mut line = Vec::with_capacity(512);
    loop {
        line.clear();
        let n = (&mut r)
            .take(MAX_LINE as u64 + 1)
            .read_until(b'\n', &mut line)
            .map_err(io_err("read the history", segment))?;
        if n == 0 {
            return Ok(off);
        }
        let start = off;
        off += n as u64;
        if line.last() != Some(&b'\n') {
            if n > MAX_LINE {
                off += r
                    .skip_until(b'\n')
                    .map_err(io_err("read the history", segment))? as u64;
            }
            // A torn last line is never a record.
            continue;
        }
        if start > 0 {
            f(start, &line[..n - 1]);
        }
    }
}

/// Builds the index of `segment` from its lines.
fn build(segment: &Path) -> Result<Head> {
    let mut recs = Vec::new();
    let (mut first_seq, mut last_seq) = (0u64, 0u64);
    let segment_len = for_each_line_at(segment, |off, line| {
        if let Ok((seq, ev)) = journal::decode_line(line) {
            recs.push(Rec {
                hash: key_hash(ev.key()),
                offset: off,
                len: line.len() as u32,
            });
            if first_seq == 0 {
                first_seq = seq;
            }
            last_seq = last_seq.max(seq);
        }
    })?;
    recs.sort_unstable();
    write_index(segment, segment_len, first_seq, last_seq, &recs)
}

fn write_index(
    segment: &Path,
    segment_len: u64,
    first_seq: u64,
    last_seq: u64,
    recs: &[Rec],
) -> Result<Head> {
    let mut head = Head {
        segment_len,
        count: recs.len() as u64,
        first_seq,
        last_seq,
        header_len: 0,
    };
    let line = head_line(&head);
    head.header_len = line.len() as u64;
    let mut bytes = Vec::with_capacity(line.len() + recs.len() * RECORD);
    bytes.extend_from_slice(line.as_bytes());
    for r in recs {
        bytes.extend_from_slice(&r.hash.to_le_bytes());
        bytes.extend_from_slice(&r.offset.to_le_bytes());
        bytes.extend_from_slice(&r.len.to_le_bytes());
    }
    fsutil::write_atomic(&index_path(segment), &bytes)?;
    Ok(head)
}

/// The whole index of a segment, in order.
fn read_all(segment: &Path) -> Option<(Head, Vec<Rec>)> {
    let (mut r, head) = open_index(segment)?;
    let mut bytes = Vec::new();
    r.read_to_end(&mut bytes).ok()?;
    let recs = bytes
        .chunks_exact(RECORD)
        .map(|b| Rec {
            hash: u64::from_le_bytes(b[..8].try_into().unwrap_or_default()),
            offset: u64::from_le_bytes(b[8..16].try_into().unwrap_or_default()),
            len: u32::from_le_bytes(b[16..].try_into().unwrap_or_default()),
        })
        .collect();
    Some((head, recs))
}

fn ends_with_newline(path: &Path) -> Result<bool> {
    let mut f = File::open(path).map_err(io_err("read the history", path))?;
    let len = f
        .metadata()
        .map_err(io_err("read the history", path))?
        .len();
    if len == 0 {
        return Ok(true);
    }
    let mut b = [0u8; 1];
    f.seek(SeekFrom::Start(len - 1))
        .and_then(|_| f.read_exact(&mut b))
        .map_err(io_err("read the history", path))?;
    Ok(b[0] == b'\n')
}

/// A segment's index, built first if needed.
fn indexed(seg: &Path) -> Result<(Head, Vec<Rec>)> {
    if let Some(x) = read_all(seg) {
        return Ok(x);
    }
    build(seg)?;
    read_all(seg).ok_or_else(|| {
        io_err("read a history index", &index_path(seg))(io::Error::new(
            io::ErrorKind::InvalidData,
            "the index just written does not read back",
        ))
    })
}

/// Length of a journal's header line, newline included (0 when it has none); `None`
/// when it announces a newer format (such a file is left alone).
fn header_len(path: &Path) -> Result<Option<u64>> {
    let f = File::open(path).map_err(io_err("read the history", path))?;
    let mut line = Vec::new();
    BufReader::new(f)
        .take(256)
        .read_until(b'\n', &mut line)
        .map_err(io_err("read the history", path))?;
    let Some(rest) = line.strip_prefix(journal::HEADER_PREFIX.as_bytes()) else {
        return Ok(Some(0));
    };
    if line.last() != Some(&b'\n') {
        return Ok(Some(0));
    }
    let version = std::str::from_utf8(rest)
        .ok()
        .and_then(|v| v.trim().parse::<u32>().ok());
    Ok(match version {
        Some(v) if v <= journal::VERSION => Some(line.len() as u64),
        Some(_) => None,
        None => Some(0),
    })
}

/// True when the lines of `seg` (after its header) are the end of `prev`.
fn is_tail_of(seg: &Path, prev: &Path) -> Result<bool> {
    let Some(hdr) = header_len(seg)? else {
        return Ok(false);
    };
    let body = fs::read(seg).map_err(io_err("read the history", seg))?;
    let body = &body[hdr as usize..];
    let mut f = File::open(prev).map_err(io_err("read the history", prev))?;
    let len = f
        .metadata()
        .map_err(io_err("read the history", prev))?
        .len();
    if (body.len() as u64) > len || body.is_empty() {
        return Ok(false);
    }
    let mut tail = vec![0u8; body.len()];
    f.seek(SeekFrom::Start(len - body.len() as u64))
        .and_then(|_| f.read_exact(&mut tail))
        .map_err(io_err("read the history", prev))?;
    Ok(tail == body)
}

/// Why compaction stopped early.
pub(super) struct Stopped;

/// Indexes the segments that lack an index and merges segments until they at least
/// double in size going back in time (see the module docs). `lock` is held while files
/// are renamed or deleted; `stop` asks to stop between steps (the store is closing).
pub(super) fn compact(
    paths: &ProgressPaths,
    lock: &Mutex<()>,
    stop: &AtomicBool,
) -> Result<std::result::Result<(), Stopped>> {
    let hist = &paths.history;
    fsutil::remove_stale_tmp(hist);
    let mut segs: Vec<(PathBuf, Head)> = Vec::new();
    for seg in super::history_segments(hist)? {
        if stop.load(Ordering::Relaxed) {
            return Ok(Err(Stopped));
        }
        let head = match open_index(&seg) {
            Some((_, h)) => h,
            None => build(&seg)?,
        };
        // Left by a merge cut short: its lines end the segment before, byte for byte.
        if let Some((prev_path, prev)) = segs.last()
            && head.first_seq > 0
            && head.first_seq >= prev.first_seq
            && head.last_seq <= prev.last_seq
            && is_tail_of(&seg, prev_path)?
        {
            let _g = lock.lock().unwrap_or_else(|p| p.into_inner());
            remove(&seg)?;
            continue;
        }
        segs.push((seg, head));
    }
    while segs.len() >= 2 {
        let n = segs.len();
        if segs[n - 1].1.count * 2 <= segs[n - 2].1.count {
            break;
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(Err(Stopped));
        }
        let (newer, _) = segs.pop().unwrap_or_else(|| unreachable!());
        let (older, _) = segs.pop().unwrap_or_else(|| unreachable!());
        let head = match merge(&older, &newer, lock, stop)? {
            Ok(h) => h,
            Err(Stopped) => return Ok(Err(Stopped)),
        };
        segs.push((older, head));
    }
    Ok(Ok(()))
}

fn remove(seg: &Path) -> Result<()> {
    let _ = fs::remove_file(index_path(seg));
    match fs::remove_file(seg) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => {
            Err(io_err("remove a merged history file", seg)(e))
        }
        _ => Ok(()),
    }
}

/// Joins `newer` onto `older` (under `older`'s name) with its index; deletes `newer`.
fn merge(
    older: &Path,
    newer: &Path,
    lock: &Mutex<()>,
    stop: &AtomicBool,
) -> Result<std::result::Result<Head, Stopped>> {
    let (a_head, a_recs) = indexed(older)?;
    let (b_head, b_recs) = indexed(newer)?;
    // The older file is kept whole (its content stays a prefix of the merged one); the
    // newer one joins it without its header line.
    if header_len(older)?.is_none() {
        return Ok(Err(Stopped));
    }
    let Some(b_hdr) = header_len(newer)? else {
        return Ok(Err(Stopped));
    };
    // A segment always ends with a whole line; if not, the join must not glue two lines.
    let a_newline = ends_with_newline(older)?;
    let tmp = fsutil::tmp_path(older);
    let written = (|| -> Result<std::result::Result<u64, Stopped>> {
        let out = File::create(&tmp).map_err(io_err("write a merged history file", &tmp))?;
        let mut w = BufWriter::with_capacity(1 << 20, out);
        for (src, skip) in [(older, 0), (newer, b_hdr)] {
            if src == newer && !a_newline {
                w.write_all(b"\n")
                    .map_err(io_err("write a merged history file", &tmp))?;
            }
            let mut f = File::open(src).map_err(io_err("read the history", src))?;
            f.seek(SeekFrom::Start(skip))
                .map_err(io_err("read the history", src))?;
            let mut buf = vec![0u8; 1 << 20];
            loop {
                if stop.load(Ordering::Relaxed) {
                    return Ok(Err(Stopped));
                }
                let n = f.read(&mut buf).map_err(io_err("read the history", src))?;
                if n == 0 {
                    break;
                }
                super::fault::write_with(&tmp, &buf[..n], |b| w.write_all(b))
                    .map_err(io_err("write a merged history file", &tmp))?;
            }
        }
        let f = w
            .into_inner()
            .map_err(|e| io_err("write a merged history file", &tmp)(e.into_error()))?;
        f.sync_all()
            .map_err(io_err("sync a merged history file", &tmp))?;
        Ok(Ok(f
            .metadata()
            .map_err(io_err("write a merged history file", &tmp))?
            .len()))
    })();
    let len = match written {
        Ok(Ok(len)) => len,
        Ok(Err(Stopped)) => {
            let _ = fs::remove_file(&tmp);
            return Ok(Err(Stopped));
        }
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let a_len = a_head.segment_len + u64::from(!a_newline);
    let mut recs: Vec<Rec> = Vec::with_capacity(a_recs.len() + b_recs.len());
    recs.extend_from_slice(&a_recs);
    recs.extend(b_recs.iter().map(|r| Rec {
        offset: r.offset - b_hdr + a_len,
        ..*r
    }));
    recs.sort_unstable();
    let first_seq = if a_head.first_seq > 0 {
        a_head.first_seq
    } else {
        b_head.first_seq
    };
    let last_seq = a_head.last_seq.max(b_head.last_seq);
    let _g = lock.lock().unwrap_or_else(|p| p.into_inner());
    fs::rename(&tmp, older).map_err(io_err("replace a history file", older))?;
    let dir = fsutil::parent_or_dot(older);
    fsutil::sync_dir(dir)?;
    let head = write_index(older, len, first_seq, last_seq, &recs)?;
    remove(newer)?;
    fsutil::sync_dir(dir)?;
    Ok(Ok(head))
}
