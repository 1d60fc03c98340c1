//! Where a cache entry's bytes are read from while it is decoded ([`super::decode_from`]):
//! the file itself, a piece at a time, or bytes in memory; and the window through which
//! the pieces' starts are found.

/// Where a cache file's bytes come from while it is decoded: the open file, read a piece
/// at a time by the thread that decodes it into a buffer it keeps (no buffer the size of
/// the file is filled before decoding starts, and the pieces are read on both threads),
/// or bytes already in memory.
pub(super) trait Bytes: Sync {
    /// The number of bytes.
    fn size(&self) -> u64;
    /// Fills `out` with the bytes from `at`; `None` when they are not all there. Calls
    /// never overlap: they are made before the decoding threads start or under the lock
    /// of the pieces left ([`super::Pieces`]).
    fn read_at(&self, at: u64, out: &mut [u8]) -> Option<()>;
}

impl Bytes for [u8] {
    fn size(&self) -> u64 {
        self.len() as u64
    }

    fn read_at(&self, at: u64, out: &mut [u8]) -> Option<()> {
        let at = usize::try_from(at).ok()?;
        out.copy_from_slice(self.get(at..at.checked_add(out.len())?)?);
        Some(())
    }
}

/// How many bytes [`Window`] reads at a time.
pub(super) const WINDOW: usize = 4096;

/// Short runs of a source's bytes read at increasing positions through a window of
/// [`WINDOW`] bytes: finding where each piece starts takes one read for many small
/// pieces (a forged file of half a million of them is not half a million reads), and
/// one small read for each big one.
pub(super) struct Window<'s, S: ?Sized> {
    source: &'s S,
    /// Where the window's bytes start.
    at: u64,
    bytes: Vec<u8>,
}

impl<'s, S: Bytes + ?Sized> Window<'s, S> {
    /// A window over `source`, nothing read yet.
    pub(super) fn new(source: &'s S) -> Self {
        Window {
            source,
            at: 0,
            bytes: Vec::new(),
        }
    }

    /// The `len` bytes at `at` (`len` at most [`WINDOW`]); `None` when they are not all
    /// there.
    pub(super) fn get(&mut self, at: u64, len: usize) -> Option<&[u8]> {
        let inside = |w: &Self| {
            at.checked_sub(w.at)
                .and_then(|from| usize::try_from(from).ok())
                .filter(|from| {
                    from.checked_add(len)
                        .is_some_and(|end| end <= w.bytes.len())
                })
        };
        let from = match inside(self) {
            Some(from) => from,
            None => {
                let n = self.source.size().saturating_sub(at).min(WINDOW as u64) as usize;
                self.bytes.resize(n.max(len), 0);
                self.source.read_at(at, &mut self.bytes)?;
                self.at = at;
                0
            }
        };
        self.bytes.get(from..from + len)
    }
}

/// A cache file opened for reading, and its size then.
pub(super) struct CacheFile(pub(super) std::fs::File, pub(super) u64);

impl Bytes for CacheFile {
    fn size(&self) -> u64 {
        self.1
    }

    /// One positional read a call where the system has them (one system call for a
    /// piece of any size).
    #[cfg(unix)]
    fn read_at(&self, at: u64, out: &mut [u8]) -> Option<()> {
        std::os::unix::fs::FileExt::read_exact_at(&self.0, out, at).ok()
    }

    #[cfg(windows)]
    fn read_at(&self, mut at: u64, mut out: &mut [u8]) -> Option<()> {
        while !out.is_empty() {
            match std::os::windows::fs::FileExt::seek_read(&self.0, out, at) {
                Ok(0) => return None,
                Ok(n) => {
                    out = &mut out[n..];
                    at += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        }
        Some(())
    }

    #[cfg(not(any(unix, windows)))]
    fn read_at(&self, at: u64, out: &mut [u8]) -> Option<()> {
        use std::io::{Read, Seek};
        // Seeking moves the file's one position; calls never overlap (see the trait).
        let mut f = &self.0;
        f.seek(std::io::SeekFrom::Start(at)).ok()?;
        f.read_exact(out).ok()
    }
}
