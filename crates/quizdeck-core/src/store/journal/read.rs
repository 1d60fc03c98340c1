//! Reading the journal: lines one by one, and the scan that cuts a large journal into
//! pieces decoded on two threads while the lines are applied in file order.

use super::super::Result;
use super::super::fsutil::io_err;
use super::*;
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError, mpsc};

/// One raw line handed out by [`for_each_line`].
pub(crate) enum RawLine<'a> {
    /// A line's bytes (no newline).
    Line { bytes: &'a [u8] },
    /// A line longer than [`MAX_LINE`] (its bytes were skipped).
    TooLong,
}

/// Calls `f` for each line of `r`, never buffering more than [`MAX_LINE`] bytes.
pub(crate) fn for_each_line<R: Read>(
    r: R,
    mut f: impl FnMut(RawLine<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let mut r = BufReader::with_capacity(1 << 20, r);
    let mut line: Vec<u8> = Vec::with_capacity(512);
    let mut oversize = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            if oversize {
                f(RawLine::TooLong)?;
            } else if !line.is_empty() {
                f(RawLine::Line { bytes: &line })?;
            }
            return Ok(());
        }
        let mut consumed = 0;
        let mut rest = buf;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            let piece = &rest[..nl];
            if oversize || line.len() + piece.len() > MAX_LINE {
                f(RawLine::TooLong)?;
            } else if line.is_empty() {
                f(RawLine::Line { bytes: piece })?;
            } else {
                line.extend_from_slice(piece);
                f(RawLine::Line { bytes: &line })?;
            }
            line.clear();
            oversize = false;
            consumed += nl + 1;
            rest = &rest[nl + 1..];
        }
        if !oversize {
            if line.len() + rest.len() > MAX_LINE {
                oversize = true;
                line.clear();
            } else {
                line.extend_from_slice(rest);
            }
        }
        consumed += rest.len();
        r.consume(consumed);
    }
}

/// What reading a journal file found.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct ScanReport {
    /// Events decoded and handed to the callback.
    pub good: usize,
    /// Line numbers (1-based) of damaged lines followed by at least one good line.
    pub middle: Vec<u64>,
    /// Line numbers of damaged lines after the last good line (a torn or garbled end).
    pub tail: Vec<u64>,
    /// Bytes in the damaged end.
    pub(crate) tail_bytes: u64,
    /// Sequence number of the first good line.
    pub(crate) first_seq: Option<u64>,
    /// Largest sequence number seen in good lines.
    pub last_seq: Option<u64>,
    /// True when the file does not exist.
    pub missing: bool,
    /// The format version of a header that names a newer format than this version reads
    /// (a flipped digit, or a newer quizdeck's file): its lines were read as this
    /// version's, and those that do not decode counted as damaged.
    pub(crate) newer_header: Option<u32>,
}

impl ScanReport {
    /// True when any line was damaged, or the header names a newer format.
    pub(crate) fn damaged(&self) -> bool {
        !self.middle.is_empty() || !self.tail.is_empty() || self.newer_header.is_some()
    }
}

/// Journals at least this large are decoded on two threads when the machine has them.
pub(super) const PARALLEL_MIN: u64 = 2 << 20;
/// Journals are read and decoded in pieces of about this many bytes (whole lines).
pub(super) const CHUNK: usize = 1 << 20;

/// What one line of a journal turned out to be.
#[expect(
    clippy::large_enum_variant,
    reason = "nearly every line is a good record; boxing would allocate for each"
)]
pub(super) enum Decoded {
    /// The header line (line 1) announcing this format version.
    Header(u32),
    /// A good record, with its item's slot when resolved.
    Good(u64, Option<usize>, Event),
    /// A damaged line of this many bytes (its newline included).
    Bad(u64),
}

/// A piece of a journal as read: whole lines, or one line too long to buffer.
pub(super) enum Piece {
    /// Whole lines, each ending with a newline, except possibly the last one of the file.
    Lines(Vec<u8>),
    /// One line longer than [`MAX_LINE`] (its bytes were skipped).
    TooLong,
}

/// Cuts a reader into [`Piece`]s of about [`CHUNK`] bytes, never buffering a line
/// longer than [`MAX_LINE`] whole.
pub(super) struct Chunker<R> {
    r: R,
    /// The start of a line whose end was not read yet.
    carry: Vec<u8>,
    eof: bool,
}

impl<R: Read> Chunker<R> {
    /// Reads up to `want` more bytes into `buf`; sets `eof` at the end of the input.
    pub(super) fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> io::Result<()> {
        buf.reserve(want);
        let n = (&mut self.r).take(want as u64).read_to_end(buf)?;
        if n < want {
            self.eof = true;
        }
        Ok(())
    }

    /// The next piece, read into `buf` (recycled); `None` at the end.
    pub(super) fn next(&mut self, mut buf: Vec<u8>) -> io::Result<Option<Piece>> {
        buf.clear();
        buf.append(&mut self.carry);
        loop {
            if !self.eof {
                let want = CHUNK.saturating_sub(buf.len()).max(64 << 10);
                self.fill(&mut buf, want)?;
            }
            if self.eof {
                return Ok((!buf.is_empty()).then_some(Piece::Lines(buf)));
            }
            if let Some(nl) = memchr::memrchr(b'\n', &buf) {
                self.carry.extend_from_slice(&buf[nl + 1..]);
                buf.truncate(nl + 1);
                return Ok(Some(Piece::Lines(buf)));
            }
            if buf.len() > MAX_LINE {
                // One line too long to keep: skip to its end.
                loop {
                    buf.clear();
                    self.fill(&mut buf, CHUNK)?;
                    if let Some(nl) = memchr::memchr(b'\n', &buf) {
                        self.carry.extend_from_slice(&buf[nl + 1..]);
                        return Ok(Some(Piece::TooLong));
                    }
                    if self.eof {
                        return Ok(Some(Piece::TooLong));
                    }
                }
            }
        }
    }
}

/// Parses the version of a header line; `None` if `line` is not one.
pub(super) fn header_version(line: &[u8]) -> Option<u32> {
    let rest = line.strip_prefix(HEADER_PREFIX.as_bytes())?;
    std::str::from_utf8(rest).ok()?.trim().parse().ok()
}

/// Decodes every line of `piece` into `out`; `first` when it starts the file.
pub(super) fn decode_piece(
    piece: &Piece,
    first: bool,
    resolve: Resolve<'_>,
    out: &mut Vec<Decoded>,
) {
    let buf = match piece {
        Piece::Lines(b) => b,
        Piece::TooLong => {
            out.push(Decoded::Bad(MAX_LINE as u64));
            return;
        }
    };
    let mut pos = 0;
    while pos < buf.len() {
        let (line, next) = match memchr::memchr(b'\n', &buf[pos..]) {
            Some(n) => (&buf[pos..pos + n], pos + n + 1),
            None => (&buf[pos..], buf.len()),
        };
        out.push(if line.len() > MAX_LINE {
            Decoded::Bad(MAX_LINE as u64)
        } else if let Some(v) = (first && pos == 0).then(|| header_version(line)).flatten() {
            Decoded::Header(v)
        } else {
            match decode_line_resolved(line, resolve) {
                Ok((seq, slot, ev)) => Decoded::Good(seq, slot, ev),
                Err(_) => Decoded::Bad((next - pos) as u64),
            }
        });
        pos = next;
    }
}

/// Per-line bookkeeping, in file order.
#[derive(Default)]
pub(super) struct Scanner {
    pub(super) rep: ScanReport,
    pub(super) line_no: u64,
    pub(super) pending: Vec<u64>,
    pub(super) pending_bytes: u64,
    pub(super) newer: Option<u32>,
}

impl Scanner {
    /// Handles the next line. Returns true (keep reading): a newer-format header is
    /// noted and the lines are read as this version's (a flipped digit must not lock a
    /// student out of a journal whose every line is fine).
    pub(super) fn line(
        &mut self,
        d: Decoded,
        f: &mut impl FnMut(u64, Option<usize>, Event),
    ) -> bool {
        self.line_no += 1;
        match d {
            Decoded::Header(v) if v > VERSION => {
                self.newer = Some(v);
            }
            Decoded::Header(_) => {}
            Decoded::Good(seq, slot, ev) => {
                let rep = &mut self.rep;
                rep.good += 1;
                rep.first_seq.get_or_insert(seq);
                rep.last_seq = Some(rep.last_seq.map_or(seq, |l| l.max(seq)));
                rep.middle.append(&mut self.pending);
                self.pending_bytes = 0;
                f(seq, slot, ev);
            }
            Decoded::Bad(len) => {
                self.pending.push(self.line_no);
                self.pending_bytes += len;
            }
        }
        true
    }

    pub(super) fn finish(mut self) -> ScanReport {
        self.rep.newer_header = self.newer;
        self.rep.tail = self.pending;
        self.rep.tail_bytes = self.pending_bytes;
        self.rep
    }
}

/// The reading side of a scan, shared by the threads that decode.
pub(super) struct Reader<'r, R> {
    source: Mutex<Source<R>>,
    resolve: Resolve<'r>,
    /// Set when the applying side wants no more pieces.
    stop: AtomicBool,
    /// Emptied buffers, for reuse.
    bufs: Mutex<Vec<Vec<u8>>>,
    outs: Mutex<Vec<Vec<Decoded>>>,
}

pub(super) struct Source<R> {
    chunker: Chunker<R>,
    next: usize,
    done: bool,
    error: Option<io::Error>,
}

pub(super) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<R: Read> Reader<'_, R> {
    /// Reads the next piece and decodes it: `(its index, its lines)`.
    pub(super) fn next(&self) -> Option<(usize, Vec<Decoded>)> {
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        let buf = lock(&self.bufs).pop().unwrap_or_default();
        let (i, piece) = {
            let mut s = lock(&self.source);
            if s.done {
                return None;
            }
            match s.chunker.next(buf) {
                Ok(Some(p)) => {
                    s.next += 1;
                    (s.next - 1, p)
                }
                Ok(None) => {
                    s.done = true;
                    return None;
                }
                Err(e) => {
                    s.done = true;
                    s.error = Some(e);
                    return None;
                }
            }
        };
        let mut out = lock(&self.outs).pop().unwrap_or_default();
        decode_piece(&piece, i == 0, self.resolve, &mut out);
        if let Piece::Lines(b) = piece {
            lock(&self.bufs).push(b);
        }
        Some((i, out))
    }
}

/// Reads and decodes `r` piece by piece and hands every line to `sc` in order. With
/// `two_threads`, a second thread reads and decodes too while this one also applies.
pub(super) fn scan_reader<R: Read + Send>(
    r: R,
    two_threads: bool,
    resolve: Resolve<'_>,
    sc: &mut Scanner,
    f: &mut impl FnMut(u64, Option<usize>, Event),
) -> io::Result<()> {
    let reader = Reader {
        resolve,
        source: Mutex::new(Source {
            chunker: Chunker {
                r,
                carry: Vec::new(),
                eof: false,
            },
            next: 0,
            done: false,
            error: None,
        }),
        stop: AtomicBool::new(false),
        bufs: Mutex::new(Vec::new()),
        outs: Mutex::new(Vec::new()),
    };
    type Done = (usize, Vec<Decoded>);
    // Applies pieces in order, taking them from the other thread (`rx`) when it has
    // decoded some, decoding one here otherwise.
    let mut apply = |rx: Option<&mpsc::Receiver<Done>>| {
        let mut ready: BTreeMap<usize, Vec<Decoded>> = BTreeMap::new();
        let mut next = 0;
        loop {
            while let Some(mut lines) = ready.remove(&next) {
                next += 1;
                for d in lines.drain(..) {
                    if !sc.line(d, f) {
                        reader.stop.store(true, Ordering::Relaxed);
                        return;
                    }
                }
                lock(&reader.outs).push(lines);
            }
            let got = match rx.and_then(|rx| rx.try_recv().ok()) {
                Some(x) => x,
                None => match reader.next() {
                    Some(x) => x,
                    // Nothing left to read: wait for what the other thread is decoding.
                    None => match rx.and_then(|rx| rx.recv().ok()) {
                        Some(x) => x,
                        None => return,
                    },
                },
            };
            ready.insert(got.0, got.1);
        }
    };
    if two_threads {
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::sync_channel::<Done>(4);
            let reader = &reader;
            let worker = scope.spawn(move || {
                while let Some(x) = reader.next() {
                    if tx.send(x).is_err() {
                        break;
                    }
                }
            });
            apply(Some(&rx));
            drop(rx);
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        });
    } else {
        apply(None);
    }
    let mut source = lock(&reader.source);
    match source.error.take() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Reads a journal file, calling `f(seq, event)` for every good line in order.
///
/// Damaged lines are counted, never applied. A header announcing a newer format version
/// is reported ([`ScanReport::newer_header`]) and the lines read as this version's. Large journals are read and
/// decoded on two threads while the lines are applied in order.
pub(crate) fn scan(path: &Path, mut f: impl FnMut(u64, Event)) -> Result<ScanReport> {
    scan_resolved(path, &|_, _, _| None, |seq, _, ev| f(seq, ev))
}

/// [`scan`], with each event's item looked up by `resolve` while decoding (on the
/// decoding threads): `f(seq, slot, event)` gets the slot when it is known, and then the
/// event's key is empty ([`resolved_key`]) and no key was allocated.
pub(crate) fn scan_resolved(
    path: &Path,
    resolve: Resolve<'_>,
    mut f: impl FnMut(u64, Option<usize>, Event),
) -> Result<ScanReport> {
    // Refused by type before opening: a FIFO would block, a device never end.
    let file = match crate::input::open_regular(path).map(|(f, _)| f) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(ScanReport {
                missing: true,
                ..ScanReport::default()
            });
        }
        Err(e) => return Err(io_err("open the journal", path)(e)),
    };
    let len = file
        .metadata()
        .map_err(io_err("read the size of the journal", path))?
        .len();
    let mut sc = Scanner::default();
    let two_threads =
        len >= PARALLEL_MIN && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    scan_reader(file, two_threads, resolve, &mut sc, &mut f)
        .map_err(io_err("read the journal", path))?;
    Ok(sc.finish())
}

/// Writes a clean copy of a damaged journal (header plus every good line) to `dest`,
/// fsync'd. Returns the number of good lines.
pub(crate) fn write_clean_copy(src: &Path, dest: &Path) -> Result<usize> {
    let mut out = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(dest)
        .map_err(io_err("create the repaired journal", dest))?;
    let mut buf = Vec::new();
    let mut n = 0;
    let mut first = true;
    let file = File::open(src).map_err(io_err("open the journal", src))?;
    for_each_line(file, |raw| {
        if std::mem::take(&mut first) {
            // Keep the original's format version (an older one means JSON lines only).
            let v = match &raw {
                RawLine::Line { bytes, .. } => header_version(bytes).filter(|&v| v <= VERSION),
                RawLine::TooLong => None,
            };
            buf.extend_from_slice(header_line_for(v.unwrap_or(VERSION)).as_bytes());
            if v.is_some() {
                return Ok(());
            }
        }
        if let RawLine::Line { bytes, .. } = raw
            && decode_line(bytes).is_ok()
        {
            buf.extend_from_slice(bytes);
            buf.push(b'\n');
            n += 1;
            if buf.len() > 1 << 20 {
                super::super::fault::write_with(dest, &buf, |b| out.write_all(b))?;
                buf.clear();
            }
        }
        Ok(())
    })
    .and_then(|_| {
        if first {
            buf.extend_from_slice(header_line().as_bytes());
        }
        super::super::fault::write_with(dest, &buf, |b| out.write_all(b))
    })
    .map_err(io_err("write the repaired journal", dest))?;
    out.sync_all()
        .map_err(io_err("sync the repaired journal", dest))?;
    Ok(n)
}
