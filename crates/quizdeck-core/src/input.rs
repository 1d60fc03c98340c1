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
pub(crate) fn is_wrong_type(e: &io::Error) -> bool {
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

/// Where an output path really writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OutputTarget {
    /// Standard output: `-`, `/dev/stdout` and the other names of file descriptor 1.
    Stdout,
    /// A regular file (existing or not) at this path, symbolic links followed: an atomic
    /// replacement writes here, so a link stays a link and its target gets the content.
    File(std::path::PathBuf),
}

/// Where writing to `path` should go. Symbolic links are followed to their final target
/// (also a dangling one); a target that exists and is not a regular file (a FIFO, a
/// device, a folder) is refused, since replacing it with a file would destroy it and
/// writing into it may block.
pub(crate) fn output_target(path: &Path) -> io::Result<OutputTarget> {
    const STDOUT_NAMES: [&str; 4] = ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"];
    if STDOUT_NAMES.iter().any(|n| path == Path::new(n)) {
        return Ok(OutputTarget::Stdout);
    }
    let mut target = path.to_path_buf();
    // Follow links one step at a time (at most 40, as the OS does).
    for _ in 0..40 {
        match std::fs::symlink_metadata(&target) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = std::fs::read_link(&target)?;
                target = match target.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
                if STDOUT_NAMES[1..].iter().any(|n| target == Path::new(n)) {
                    return Ok(OutputTarget::Stdout);
                }
            }
            Ok(m) => {
                return match not_regular(&m) {
                    None => Ok(OutputTarget::File(target)),
                    Some(what) => Err(io::Error::new(
                        io::ErrorKind::InvalidInput,
                        format!(
                            "{} is {what}, not a regular file; give a file name, or - for standard output",
                            target.display()
                        ),
                    )),
                };
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(OutputTarget::File(target)),
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

/// Why text that looks like UTF-16 could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Utf16Error {
    /// An odd number of bytes.
    Odd,
    /// A unit that is not UTF-16 (a lone surrogate).
    Damaged,
}

/// The text of `bytes` when they are UTF-16 (Windows Notepad's and Excel's "Unicode"):
/// with a byte-order mark, or without one when text in Latin letters has a zero in every
/// other byte. `None` when they do not look like UTF-16. O(n).
pub(crate) fn utf16_text(bytes: &[u8]) -> Option<Result<String, Utf16Error>> {
    fn decode(body: &[u8], little: bool) -> Result<String, Utf16Error> {
        if !body.len().is_multiple_of(2) {
            return Err(Utf16Error::Odd);
        }
        let units = body.chunks_exact(2).map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| Utf16Error::Damaged)
    }
    match bytes {
        [0xFF, 0xFE, rest @ ..] => return Some(decode(rest, true)),
        [0xFE, 0xFF, rest @ ..] => return Some(decode(rest, false)),
        _ => {}
    }
    let sample = &bytes[..bytes.len().min(4096) & !1];
    if sample.len() < 2 {
        return None;
    }
    let zeros = |odd: usize| {
        sample
            .iter()
            .skip(odd)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = sample.len() / 2;
    if zeros(1) * 2 > half && zeros(0) == 0 {
        return Some(decode(bytes, true));
    }
    if zeros(0) * 2 > half && zeros(1) == 0 {
        return Some(decode(bytes, false));
    }
    None
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

    #[cfg(unix)]
    #[test]
    fn outputs_follow_links_and_refuse_special_files() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        for name in ["-", "/dev/stdout", "/dev/fd/1"] {
            assert_eq!(
                output_target(Path::new(name)).unwrap(),
                OutputTarget::Stdout
            );
        }
        let plain = d.join("out.csv");
        assert_eq!(
            output_target(&plain).unwrap(),
            OutputTarget::File(plain.clone())
        );
        std::fs::create_dir(d.join("sub")).unwrap();
        symlink("sub/real.csv", d.join("link.csv")).unwrap();
        symlink("link.csv", d.join("link2.csv")).unwrap();
        let want = OutputTarget::File(d.join("sub/real.csv"));
        assert_eq!(output_target(&d.join("link2.csv")).unwrap(), want);
        symlink("/dev/stdout", d.join("to-stdout")).unwrap();
        assert_eq!(
            output_target(&d.join("to-stdout")).unwrap(),
            OutputTarget::Stdout
        );
        assert!(output_target(Path::new("/dev/null")).is_err());
        assert!(output_target(d).is_err());
        symlink("loop", d.join("loop")).unwrap();
        assert!(output_target(&d.join("loop")).is_err());
    }
}
