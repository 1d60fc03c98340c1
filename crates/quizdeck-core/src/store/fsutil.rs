//! The durable-file layer ([`crate::durable`]) as the store uses it: the same helpers,
//! with errors as [`StoreError::Io`].

use super::{Result, StoreError};
use crate::durable;
use chrono::{DateTime, Utc};
use std::io;
use std::path::{Path, PathBuf};

pub(crate) use crate::durable::{Capped, TMP_MARK, parent_or_dot, remove_stale_tmp, tmp_path};

durable::file_error_into!(StoreError);

/// [`durable::io_err`] with the store's error, for the places without a `?` to convert.
pub(crate) fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> StoreError {
    let f = durable::io_err(action, path);
    move |source| f(source).into()
}

/// [`durable::sync_dir`].
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    Ok(durable::sync_dir(dir)?)
}

/// [`durable::write_atomic`].
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    Ok(durable::write_atomic(path, bytes)?)
}

/// [`durable::move_aside`].
pub(crate) fn move_aside(path: &Path, tag: &str, at: DateTime<Utc>) -> Result<PathBuf> {
    Ok(durable::move_aside(path, tag, at)?)
}

/// [`durable::keep_aside`].
pub(crate) fn keep_aside(path: &Path, tag: &str, at: DateTime<Utc>) -> Result<PathBuf> {
    Ok(durable::keep_aside(path, tag, at)?)
}

/// [`durable::read_capped`].
pub(crate) fn read_capped(path: &Path, max: u64) -> Result<Capped> {
    Ok(durable::read_capped(path, max)?)
}
