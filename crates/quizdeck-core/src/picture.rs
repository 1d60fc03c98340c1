//! Card pictures: PNG files beside a deck, decoded with limits so a hostile file (a huge
//! "PNG bomb", a truncated or fake PNG) is refused quickly with a clear message.

use std::path::{Path, PathBuf};

/// Largest picture file read, in bytes.
pub(crate) const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// Largest width or height accepted, in pixels (the app also keeps its textures, the
/// font atlas among them, to this side).
pub const MAX_SIDE_PX: u32 = 4096;

/// Most memory decoding one picture may allocate (its pixels, ICC profile and text
/// chunks together): a 4096×4096 RGBA picture and room to spare.
pub(crate) const MAX_DECODE_BYTES: u64 = 80 * 1024 * 1024;

/// Why a picture could not be shown.
#[derive(Debug, thiserror::Error)]
pub enum PictureError {
    /// The file could not be read.
    #[error("{}", self.message())]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{}", self.message())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        bytes: u64,
    },
    /// Width or height above [`MAX_SIDE_PX`].
    #[error("{}", self.message())]
    TooBig {
        /// The file.
        path: PathBuf,
        /// Declared width.
        width: u32,
        /// Declared height.
        height: u32,
    },
    /// Not a readable PNG.
    #[error("{}", self.message())]
    Decode {
        /// The file.
        path: PathBuf,
        /// The decoder's message.
        message: String,
    },
}

impl PictureError {
    /// What is wrong with the picture, as a message for any language (the system's or the
    /// decoder's own words inside it stay as they are).
    pub fn message(&self) -> crate::message::Message {
        use crate::message::Message;
        match self {
            PictureError::Io { path, source } => Message::new("picture-unreadable")
                .arg("path", path.display().to_string())
                .arg("error", source.to_string()),
            PictureError::TooLarge { path, bytes } => Message::new("picture-too-large")
                .arg("path", path.display().to_string())
                .arg("bytes", *bytes),
            PictureError::TooBig {
                path,
                width,
                height,
            } => Message::new("picture-too-big")
                .arg("path", path.display().to_string())
                // Sizes in pixels as they are written (4096, not 4,096).
                .arg("width", width.to_string())
                .arg("height", height.to_string())
                .arg("max", MAX_SIDE_PX.to_string()),
            PictureError::Decode { path, message } => Message::new("picture-not-png")
                .arg("path", path.display().to_string())
                .arg("error", message.as_str()),
        }
    }
}

/// Result alias for pictures.
pub type Result<T, E = PictureError> = std::result::Result<T, E>;

/// A decoded picture: 8-bit RGBA rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// RGBA bytes, row by row.
    pub rgba: Vec<u8>,
}

/// Reads and decodes `deck_dir/relative`, checking size and dimensions before decoding.
pub fn load(deck_dir: &Path, relative: &str) -> Result<Picture> {
    let path = deck_dir.join(relative);
    let io = |source| PictureError::Io {
        path: path.clone(),
        source,
    };
    let data = match crate::input::read_regular(&path, MAX_FILE_BYTES).map_err(io)? {
        Ok(data) => data,
        Err(t) => {
            return Err(PictureError::TooLarge {
                path,
                bytes: t.size,
            });
        }
    };
    decode(&data, &path)
}

/// Checks that `deck_dir/relative` is a picture a student can be shown (a regular file,
/// at most [`MAX_FILE_BYTES`], a whole PNG of at most [`MAX_SIDE_PX`] on each side that
/// decodes within [`MAX_DECODE_BYTES`]); returns its size in pixels.
pub fn check(deck_dir: &Path, relative: &str) -> Result<(u32, u32)> {
    load(deck_dir, relative).map(|p| (p.width, p.height))
}

/// The width and height a PNG declares in its header, without decoding it.
pub(crate) fn dimensions(data: &[u8]) -> std::result::Result<(u32, u32), image::ImageError> {
    image::ImageReader::with_format(std::io::Cursor::new(data), image::ImageFormat::Png)
        .into_dimensions()
}

/// Decodes PNG bytes (`path` names them in errors).
pub(crate) fn decode(data: &[u8], path: &Path) -> Result<Picture> {
    let bad = |e: image::ImageError| PictureError::Decode {
        path: path.to_owned(),
        message: e.to_string(),
    };
    // Every allocation of the decoder counts against the limit: the pixels, and also a
    // compressed ICC profile or text chunk that would inflate to hundreds of megabytes.
    let reader = || {
        let mut r =
            image::ImageReader::with_format(std::io::Cursor::new(data), image::ImageFormat::Png);
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(MAX_DECODE_BYTES);
        r.limits(limits);
        r
    };
    // One reader: its header (and any ICC profile or text chunk before the pixels) is
    // read once, not once for the size and again for the pixels.
    let decoder = reader().into_decoder().map_err(bad)?;
    let (width, height) = image::ImageDecoder::dimensions(&decoder);
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        return Err(PictureError::TooBig {
            path: path.to_owned(),
            width,
            height,
        });
    }
    let img = image::DynamicImage::from_decoder(decoder)
        .map_err(bad)?
        .to_rgba8();
    Ok(Picture {
        width: img.width(),
        height: img.height(),
        rgba: img.into_raw(),
    })
}

/// Largest width or height of a JPEG or GIF that [`convert_to_png`] scales down.
pub(crate) const MAX_CONVERT_SIDE_PX: u32 = 2 * MAX_SIDE_PX;

/// A JPEG or GIF turned into a PNG a student can be shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Converted {
    /// The PNG bytes (within [`MAX_FILE_BYTES`] and [`MAX_SIDE_PX`]).
    pub png: Vec<u8>,
    /// The format read (`"JPEG"` or `"GIF"`).
    pub from: &'static str,
    /// The picture's size before, when it had to be scaled down to fit the limits.
    pub(crate) scaled_from: Option<(u32, u32)>,
}

/// Converts a JPEG or a GIF (its first frame) to PNG within the picture limits: a side
/// above [`MAX_SIDE_PX`] (up to [`MAX_CONVERT_SIDE_PX`]) is scaled down, and a PNG still
/// above [`MAX_FILE_BYTES`] is halved until it fits. Anything else, a larger picture or
/// one that does not decode within the memory limit, is an error (`path` names it).
pub(crate) fn convert_to_png(data: &[u8], path: &Path) -> Result<Converted> {
    let bad = |message: String| PictureError::Decode {
        path: path.to_owned(),
        message,
    };
    let (format, from) = match image::guess_format(data) {
        Ok(image::ImageFormat::Jpeg) => (image::ImageFormat::Jpeg, "JPEG"),
        Ok(image::ImageFormat::Gif) => (image::ImageFormat::Gif, "GIF"),
        _ => return Err(bad("not a JPEG or GIF picture".into())),
    };
    let reader = || {
        let mut r = image::ImageReader::with_format(std::io::Cursor::new(data), format);
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(3 * MAX_DECODE_BYTES);
        r.limits(limits);
        r
    };
    let (width, height) = reader().into_dimensions().map_err(|e| bad(e.to_string()))?;
    if width > MAX_CONVERT_SIDE_PX || height > MAX_CONVERT_SIDE_PX {
        return Err(PictureError::TooBig {
            path: path.to_owned(),
            width,
            height,
        });
    }
    let mut img = reader().decode().map_err(|e| bad(e.to_string()))?;
    let mut scaled = false;
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        img = img.resize(
            MAX_SIDE_PX,
            MAX_SIDE_PX,
            image::imageops::FilterType::Triangle,
        );
        scaled = true;
    }
    loop {
        let mut png = Vec::new();
        img.write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
            .map_err(|e| bad(e.to_string()))?;
        if png.len() as u64 <= MAX_FILE_BYTES {
            return Ok(Converted {
                png,
                from,
                scaled_from: scaled.then_some((width, height)),
            });
        }
        if img.width() <= 64 || img.height() <= 64 {
            return Err(PictureError::TooLarge {
                path: path.to_owned(),
                bytes: png.len() as u64,
            });
        }
        img = img.resize(
            img.width() / 2,
            img.height() / 2,
            image::imageops::FilterType::Triangle,
        );
        scaled = true;
    }
}

/// A picture encoded in `format` (for tests that need a real JPEG, GIF or PNG).
#[cfg(test)]
pub(crate) fn encoded(img: image::DynamicImage, format: image::ImageFormat) -> Vec<u8> {
    let mut out = Vec::new();
    img.write_to(&mut std::io::Cursor::new(&mut out), format)
        .expect("encoding into memory");
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The start of a PNG declaring the given size, with no pixel data: enough for the
    /// header check; decoding it fails, which is also tested.
    fn png_header(width: u32, height: u32) -> Vec<u8> {
        let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(width.to_be_bytes());
        ihdr.extend(height.to_be_bytes());
        ihdr.extend([8, 6, 0, 0, 0]);
        v.extend(13u32.to_be_bytes());
        v.extend(&ihdr);
        v.extend(crc(&ihdr).to_be_bytes());
        // An empty IDAT: the header is readable, the pixels are not.
        v.extend(0u32.to_be_bytes());
        v.extend(b"IDAT");
        v.extend(crc(b"IDAT").to_be_bytes());
        v
    }

    fn crc(data: &[u8]) -> u32 {
        let mut c = 0xffff_ffffu32;
        for &b in data {
            c ^= u32::from(b);
            for _ in 0..8 {
                c = if c & 1 != 0 {
                    0xedb8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                };
            }
        }
        !c
    }

    #[test]
    fn the_bundled_icon_decodes() {
        let p = decode(
            include_bytes!("../../../assets/icon.png"),
            Path::new("icon.png"),
        )
        .unwrap();
        assert_eq!((p.width, p.height), (128, 128));
        assert_eq!(p.rgba.len(), 128 * 128 * 4);
    }

    #[test]
    fn a_png_bomb_is_refused_before_decoding() {
        let e = decode(&png_header(100_000, 100_000), Path::new("bomb.png")).unwrap_err();
        assert!(
            matches!(e, PictureError::TooBig { width: 100_000, .. }),
            "{e}"
        );
    }

    /// Counts the bytes each thread has allocated and its peak, so that a test can
    /// measure what one decode costs (tests run on threads of their own).
    struct Counting;

    thread_local! {
        static NOW: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
        static PEAK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    // SAFETY: every call is handed on to the system allocator unchanged; the counters
    // are plain thread-local cells without destructors.
    unsafe impl std::alloc::GlobalAlloc for Counting {
        unsafe fn alloc(&self, l: std::alloc::Layout) -> *mut u8 {
            let _ = NOW.try_with(|n| {
                n.set(n.get() + l.size());
                let _ = PEAK.try_with(|p| p.set(p.get().max(n.get())));
            });
            // SAFETY: the caller's layout, as the contract of `alloc` requires.
            unsafe { std::alloc::System.alloc(l) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, l: std::alloc::Layout, new_size: usize) -> *mut u8 {
            let _ = NOW.try_with(|n| {
                n.set((n.get() + new_size).saturating_sub(l.size()));
                let _ = PEAK.try_with(|p| p.set(p.get().max(n.get())));
            });
            // SAFETY: `ptr` came from this allocator with layout `l`, as `realloc`
            // requires of its caller.
            unsafe { std::alloc::System.realloc(ptr, l, new_size) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, l: std::alloc::Layout) {
            let _ = NOW.try_with(|n| n.set(n.get().saturating_sub(l.size())));
            // SAFETY: `ptr` came from `alloc` above with this layout.
            unsafe { std::alloc::System.dealloc(ptr, l) }
        }
    }

    #[global_allocator]
    static COUNTING: Counting = Counting;

    /// The bytes allocated on this thread and not freed (by any thread's count: a block
    /// freed on another thread is subtracted there).
    pub(crate) fn allocated_now() -> usize {
        NOW.with(|n| n.get())
    }

    /// The most memory `f` had allocated at once on this thread, beyond what was
    /// allocated before it.
    pub(crate) fn peak_bytes<T>(f: impl FnOnce() -> T) -> (T, usize) {
        let start = NOW.with(|n| n.get());
        PEAK.with(|p| p.set(start));
        let out = f();
        (out, PEAK.with(|p| p.get()) - start)
    }

    /// `png` with an `iCCP` chunk after its header whose profile inflates to `inflated`
    /// bytes of zeros (a few hundred KiB in the file).
    fn with_icc_profile(png: &[u8], inflated: usize) -> Vec<u8> {
        use std::io::Write;
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..inflated >> 20 {
            z.write_all(&zeros).unwrap();
        }
        let mut chunk = b"iCCP".to_vec();
        chunk.extend(b"icc\0\0");
        chunk.extend(z.finish().unwrap());
        let mut out = png[..33].to_vec(); // the signature and the IHDR chunk
        out.extend((chunk.len() as u32 - 4).to_be_bytes());
        out.extend(&chunk);
        out.extend(crc32fast::hash(&chunk).to_be_bytes());
        out.extend(&png[33..]);
        out
    }

    #[test]
    fn an_icc_profile_that_inflates_past_the_limit_is_never_inflated_in_full() {
        let small = encoded(
            image::DynamicImage::ImageRgba8(image::RgbaImage::new(16, 16)),
            image::ImageFormat::Png,
        );
        // 300 MiB of profile: under the `image` crate's own default limit (512 MiB),
        // far over ours (80 MiB).
        let bomb = with_icc_profile(&small, 300 << 20);
        assert!(bomb.len() < 1 << 20, "{} bytes", bomb.len());
        let (decoded, peak) = peak_bytes(|| decode(&bomb, Path::new("icc.png")));
        // The pixels are shown; the profile (which quizdeck does not use) is cut off at
        // the limit and dropped, never inflated to its 300 MiB. (The inflater grows its
        // buffer by doubling, so up to the next power of two, 128 MiB, is reserved, of
        // which at most the limit is written; the reader adds a few MiB.)
        let p = decoded.unwrap();
        assert_eq!((p.width, p.height), (16, 16));
        assert!(
            peak <= (MAX_DECODE_BYTES as usize).next_power_of_two() + (8 << 20),
            "decoding took {} MiB at its peak",
            peak >> 20
        );
        // A profile within the limit costs what it inflates to, no more.
        let fine = with_icc_profile(&small, 1 << 20);
        let (decoded, peak) = peak_bytes(|| decode(&fine, Path::new("icc.png")));
        decoded.unwrap();
        assert!(peak < 8 << 20, "{} MiB", peak >> 20);
    }

    #[test]
    fn truncated_and_fake_files_are_errors() {
        assert!(matches!(
            decode(&png_header(10, 10), Path::new("t.png")),
            Err(PictureError::Decode { .. })
        ));
        assert!(decode(b"GIF89a not a png", Path::new("f.png")).is_err());
        assert!(decode(b"", Path::new("e.png")).is_err());
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            load(dir.path(), "none.png"),
            Err(PictureError::Io { .. })
        ));
    }

    #[test]
    fn jpeg_and_gif_become_pngs_within_the_limits() {
        let photo = image::DynamicImage::ImageRgb8(image::RgbImage::from_fn(300, 200, |x, y| {
            image::Rgb([x as u8, y as u8, 90])
        }));
        let jpeg = encoded(photo.clone(), image::ImageFormat::Jpeg);
        let c = convert_to_png(&jpeg, Path::new("photo.jpg")).unwrap();
        assert_eq!((c.from, c.scaled_from), ("JPEG", None));
        let p = decode(&c.png, Path::new("photo.png")).unwrap();
        assert_eq!((p.width, p.height), (300, 200));
        let gif = encoded(
            image::DynamicImage::ImageRgba8(photo.to_rgba8()),
            image::ImageFormat::Gif,
        );
        let c = convert_to_png(&gif, Path::new("a.gif")).unwrap();
        assert_eq!(c.from, "GIF");
        assert!(decode(&c.png, Path::new("a.png")).is_ok());
        // Wider than the limit: scaled down to it, the shape kept.
        let wide = encoded(
            image::DynamicImage::ImageLuma8(image::GrayImage::new(5000, 100))
                .into_rgb8()
                .into(),
            image::ImageFormat::Jpeg,
        );
        let c = convert_to_png(&wide, Path::new("wide.jpg")).unwrap();
        assert_eq!(c.scaled_from, Some((5000, 100)));
        let p = decode(&c.png, Path::new("wide.png")).unwrap();
        assert_eq!((p.width, p.height), (MAX_SIDE_PX, 82));
        // Not a picture, or a PNG (nothing to convert): refused.
        assert!(convert_to_png(b"hello", Path::new("x.jpg")).is_err());
        assert!(
            convert_to_png(
                include_bytes!("../../../assets/icon.png"),
                Path::new("i.png")
            )
            .is_err()
        );
    }
}
