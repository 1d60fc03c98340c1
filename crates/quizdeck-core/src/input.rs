//! Opening the files people hand us: only regular files are read (a FIFO would block
//! forever, `/dev/zero` never ends, a folder cannot be read), and never more than a stated
//! cap. Every reader of user files (decks, spreadsheets, pictures, exam and result files,
//! journals, snapshots, settings, progress bundles) opens through here.

use std::fs::{File, Metadata};
use std::io::{self, Read};
use std::path::Path;

/// What kind of file system object `meta` is, in words, when it is not a regular file.
fn not_regular(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() || t.is_block_device() {
            return Some("a device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// The error for a path that is not a regular file. Its kind is
/// [`io::ErrorKind::InvalidInput`] (a folder: [`io::ErrorKind::IsADirectory`]).
fn wrong_type(what: &'static str) -> io::Error {
    let kind = if what == "a folder" {
        io::ErrorKind::IsADirectory
    } else {
        io::ErrorKind::InvalidInput
    };
    io::Error::new(kind, format!("it is {what}, not a regular file"))
}

/// True when the error came from [`open_regular`] refusing a path by its type.
pub fn is_wrong_type(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::InvalidInput | io::ErrorKind::IsADirectory
    )
}

/// Opens `path` for reading if it is a regular file (symbolic links are followed); FIFOs,
/// devices, sockets and folders are refused by type before they are opened, so opening
/// never blocks. Returns the file and its size.
pub fn open_regular(path: &Path) -> io::Result<(File, u64)> {
    let meta = std::fs::metadata(path)?;
    if let Some(what) = not_regular(&meta) {
        return Err(wrong_type(what));
    }
    let file = File::open(path)?;
    // The path may have been swapped between the check and the open.
    let meta = file.metadata()?;
    if let Some(what) = not_regular(&meta) {
        return Err(wrong_type(what));
    }
    Ok((file, meta.len()))
}

/// A read refused for its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLarge {
    /// The file's size in bytes (at least `max + 1` when it grew while being read).
    pub size: u64,
}

/// Reads the whole regular file at `path` if it holds at most `max` bytes: the size is
/// checked before reading, and no more than `max + 1` bytes are ever read (a file growing
/// meanwhile cannot exhaust memory).
pub fn read_regular(path: &Path, max: u64) -> io::Result<Result<Vec<u8>, TooLarge>> {
    let (file, len) = open_regular(path)?;
    if len > max {
        return Ok(Err(TooLarge { size: len }));
    }
    let mut buf = Vec::with_capacity(len as usize);
    file.take(max + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > max {
        return Ok(Err(TooLarge {
            size: buf.len() as u64,
        }));
    }
    Ok(Ok(buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regular_files_are_read_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"hello").unwrap();
        assert_eq!(read_regular(&p, 5).unwrap().unwrap(), b"hello");
        assert_eq!(read_regular(&p, 4).unwrap(), Err(TooLarge { size: 5 }));
        let e = read_regular(dir.path(), 5).unwrap_err();
        assert!(is_wrong_type(&e));
        assert_eq!(e.to_string(), "it is a folder, not a regular file");
    }

    #[cfg(unix)]
    #[test]
    fn fifos_and_devices_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let e = read_regular(&fifo, 10).unwrap_err();
            assert!(e.to_string().contains("named pipe"), "{e}");
        }
        let e = read_regular(Path::new("/dev/zero"), 10).unwrap_err();
        assert!(e.to_string().contains("a device"), "{e}");
    }
}
