//! The package container: zip entries read under their limits, and the collection
//! unpacked (and unzstd-ed) for SQLite.

use super::*;

/// Reads one zip entry fully, refusing more than `cap` bytes (after zstd decompression
/// when `zstd` is set).
pub(super) fn read_entry(
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    name: &str,
    zstd: bool,
    cap: u64,
) -> std::result::Result<Option<Vec<u8>>, Message> {
    let entry = match archive.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(Message::new("anki-entry-unreadable")
                .arg("name", name)
                .arg("error", e.to_string()));
        }
    };
    if entry.encrypted() {
        return Err(Message::new("anki-entry-encrypted").arg("name", name));
    }
    let mut out = Vec::new();
    let r = if zstd {
        let dec = zstd::stream::read::Decoder::new(entry.take(cap.saturating_mul(4) + 1))
            .map_err(|e| damaged(name, &e))?;
        dec.take(cap + 1).read_to_end(&mut out)
    } else {
        entry.take(cap + 1).read_to_end(&mut out)
    };
    r.map_err(|e| damaged(name, &e))?;
    if out.len() as u64 > cap {
        return Err(Message::new("anki-entry-too-large")
            .arg("name", name)
            .arg("size", cap / 1024));
    }
    Ok(Some(out))
}

/// "`name` is damaged": a zip entry that does not unpack.
fn damaged(name: &str, e: &std::io::Error) -> Message {
    Message::new("anki-entry-damaged")
        .arg("name", name)
        .arg("error", e.to_string())
}

/// The collection's data does not unpack.
fn collection_damaged(package: &Path, e: &dyn std::fmt::Display) -> ImportExportError {
    refused(
        package,
        Message::new("anki-collection-damaged").arg("error", e.to_string()),
    )
}

/// Unpacks the collection into `to`, refusing bombs; returns the bytes written.
pub(super) fn unpack_collection(
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    layout: Layout,
    package: &Path,
    to: &Path,
) -> Result<u64> {
    let name = layout.collection_name();
    let entry = archive.by_name(name).map_err(|e| {
        refused(
            package,
            Message::new("anki-entry-unreadable")
                .arg("name", name)
                .arg("error", e.to_string()),
        )
    })?;
    if entry.encrypted() {
        return Err(refused(
            package,
            Message::new("anki-entry-encrypted").arg("name", name),
        ));
    }
    let packed = entry.compressed_size();
    let cap = MAX_COLLECTION_BYTES.min(packed.saturating_mul(MAX_RATIO).max(RATIO_FLOOR_BYTES));
    let mut file = std::fs::File::create(to).map_err(io_err("create", to))?;
    let copied = if layout.compressed() {
        let mut dec =
            zstd::stream::read::Decoder::new(entry).map_err(|e| collection_damaged(package, &e))?;
        // The window a frame may ask for is bounded (128 MiB by default), so decoding
        // cannot allocate more than that whatever the frame header says.
        dec.window_log_max(27)
            .map_err(|e| collection_damaged(package, &e))?;
        std::io::copy(&mut dec.take(cap + 1), &mut file)
    } else {
        std::io::copy(&mut entry.take(cap + 1), &mut file)
    };
    let copied = copied.map_err(|e| {
        if e.kind() == std::io::ErrorKind::Other || e.kind() == std::io::ErrorKind::InvalidData {
            collection_damaged(package, &e)
        } else {
            io_err("write", to)(e).into()
        }
    })?;
    if copied > cap {
        return Err(refused(
            package,
            Message::new("anki-bomb")
                .arg("size", cap >> 20)
                .arg("packed", packed.div_ceil(1024)),
        ));
    }
    file.flush().map_err(io_err("write", to))?;
    Ok(copied)
}
