//! Where quizdeck keeps its data, and the file names inside a profile.
//!
//! Resolution order for the data folder: the `--data-dir` argument, then the
//! `QUIZDECK_DATA` environment variable, then a `portable` marker file beside the
//! executable (data in `quizdeck-data` beside it, for USB sticks), then the platform's
//! data folder.

use super::{Result, StoreError};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// Environment variable naming the data folder.
pub const DATA_ENV: &str = "QUIZDECK_DATA";
/// Marker file names beside the executable that switch on portable mode
/// (`portable.txt` because Windows hides extensions when people create files).
pub const PORTABLE_MARKERS: [&str; 2] = ["portable", "portable.txt"];
/// Data folder beside the executable in portable mode.
pub const PORTABLE_DATA_DIR: &str = "quizdeck-data";
/// Folder inside the data folder that holds one folder per profile.
pub const PROFILES_DIR: &str = "profiles";

/// Folder inside a profile with the progress files.
pub const PROGRESS_DIR: &str = "progress";
/// Snapshot file inside [`PROGRESS_DIR`].
pub const SNAPSHOT_FILE: &str = "snapshot.dat";
/// Journal file inside [`PROGRESS_DIR`].
pub const JOURNAL_FILE: &str = "journal.log";
/// Archive of folded journals inside [`PROGRESS_DIR`].
pub const HISTORY_DIR: &str = "history";
/// Settings file inside a profile.
pub const SETTINGS_FILE: &str = "settings.ron";
/// Profile description (display name) inside a profile.
pub const PROFILE_FILE: &str = "profile.ron";
/// Imported decks inside a profile.
pub const DECKS_DIR: &str = "decks";

/// Where the data folder came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataDirSource {
    /// The `--data-dir` argument.
    Argument,
    /// The `QUIZDECK_DATA` environment variable.
    Environment,
    /// A portable marker beside the executable.
    Portable,
    /// The platform's per-user data folder.
    Platform,
}

/// The chosen data folder and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    /// The folder (it may not exist yet).
    pub path: PathBuf,
    /// Which rule chose it.
    pub source: DataDirSource,
}

impl DataDir {
    /// The folder holding one folder per profile.
    pub fn profiles_dir(&self) -> PathBuf {
        self.path.join(PROFILES_DIR)
    }
}

/// Everything [`resolve_data_dir`] decides from; gathered by [`data_dir_from_env`].
#[derive(Debug, Clone, Default)]
pub struct DataDirInputs {
    /// The `--data-dir` argument, if given.
    pub arg: Option<PathBuf>,
    /// The value of `QUIZDECK_DATA`, if set (an empty value counts as unset).
    pub env: Option<OsString>,
    /// The running executable's path.
    pub exe: Option<PathBuf>,
    /// Whether a portable marker exists beside the executable.
    pub portable_marker: bool,
    /// The platform data folder, if the platform has one.
    pub platform: Option<PathBuf>,
}

/// Chooses the data folder from its inputs; pure (touches nothing).
pub fn resolve_data_dir(inp: &DataDirInputs) -> Result<DataDir> {
    if let Some(arg) = &inp.arg {
        if arg.as_os_str().is_empty() {
            return Err(StoreError::NoDataDir(
                "the --data-dir argument is empty".into(),
            ));
        }
        return Ok(DataDir {
            path: arg.clone(),
            source: DataDirSource::Argument,
        });
    }
    if let Some(env) = inp.env.as_deref().filter(|e| !e.is_empty()) {
        return Ok(DataDir {
            path: PathBuf::from(env),
            source: DataDirSource::Environment,
        });
    }
    if inp.portable_marker
        && let Some(dir) = inp.exe.as_deref().and_then(Path::parent)
    {
        return Ok(DataDir {
            path: dir.join(PORTABLE_DATA_DIR),
            source: DataDirSource::Portable,
        });
    }
    if let Some(p) = &inp.platform {
        return Ok(DataDir {
            path: p.clone(),
            source: DataDirSource::Platform,
        });
    }
    Err(StoreError::NoDataDir(format!(
        "no --data-dir given, {DATA_ENV} is not set, there is no portable marker and the \
         system has no per-user data folder"
    )))
}

/// True when a portable marker exists in `exe_dir`: a file or a folder named `portable`
/// or `portable.txt` (people make either; both count).
pub fn has_portable_marker(exe_dir: &Path) -> bool {
    PORTABLE_MARKERS.iter().any(|m| exe_dir.join(m).exists())
}

/// Resolves the data folder from the real environment: reads `QUIZDECK_DATA`, the
/// executable's location and its portable marker, and the platform folder.
pub fn data_dir_from_env(arg: Option<&Path>) -> Result<DataDir> {
    let exe = std::env::current_exe().ok();
    let portable_marker = exe
        .as_deref()
        .and_then(Path::parent)
        .is_some_and(has_portable_marker);
    resolve_data_dir(&DataDirInputs {
        arg: arg.map(Path::to_path_buf),
        env: std::env::var_os(DATA_ENV),
        exe,
        portable_marker,
        platform: directories::ProjectDirs::from("org", "quizdeck", "quizdeck")
            .map(|p| p.data_dir().to_path_buf()),
    })
}

/// The progress file paths of one profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressPaths {
    /// `<profile>/progress`.
    pub dir: PathBuf,
    /// `<profile>/progress/snapshot.dat`.
    pub snapshot: PathBuf,
    /// `<profile>/progress/journal.log`.
    pub journal: PathBuf,
    /// `<profile>/progress/history`.
    pub history: PathBuf,
}

impl ProgressPaths {
    /// The paths for the profile in `profile_dir`.
    pub fn new(profile_dir: &Path) -> Self {
        let dir = profile_dir.join(PROGRESS_DIR);
        ProgressPaths {
            snapshot: dir.join(SNAPSHOT_FILE),
            journal: dir.join(JOURNAL_FILE),
            history: dir.join(HISTORY_DIR),
            dir,
        }
    }
}

/// Name of an archived journal whose first event has sequence number `first_seq`.
pub(crate) fn history_segment_name(first_seq: u64) -> String {
    format!("journal-{first_seq:020}.log")
}

/// True for names made by [`history_segment_name`] (possibly with a `-N` suffix).
pub(crate) fn is_history_segment(name: &OsStr) -> bool {
    let n = name.to_string_lossy();
    n.starts_with("journal-") && n.ends_with(".log") && n.len() >= 32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inputs() -> DataDirInputs {
        DataDirInputs {
            arg: Some("/arg".into()),
            env: Some("/env".into()),
            exe: Some("/usb/quizdeck.exe".into()),
            portable_marker: true,
            platform: Some("/home/u/.local/share/quizdeck".into()),
        }
    }

    #[test]
    fn a_portable_marker_may_be_a_file_or_a_folder() {
        let d = tempfile::tempdir().unwrap();
        assert!(!has_portable_marker(d.path()));
        std::fs::create_dir(d.path().join("portable")).unwrap();
        assert!(has_portable_marker(d.path()));
        let e = tempfile::tempdir().unwrap();
        std::fs::write(e.path().join("portable.txt"), b"").unwrap();
        assert!(has_portable_marker(e.path()));
    }

    #[test]
    fn precedence() {
        let mut i = inputs();
        assert_eq!(
            resolve_data_dir(&i).unwrap(),
            DataDir {
                path: "/arg".into(),
                source: DataDirSource::Argument
            }
        );
        i.arg = None;
        assert_eq!(
            resolve_data_dir(&i).unwrap().source,
            DataDirSource::Environment
        );
        i.env = Some(OsString::new());
        let d = resolve_data_dir(&i).unwrap();
        assert_eq!(d.source, DataDirSource::Portable);
        assert_eq!(d.path, Path::new("/usb/quizdeck-data"));
        assert_eq!(d.profiles_dir(), Path::new("/usb/quizdeck-data/profiles"));
        i.portable_marker = false;
        assert_eq!(
            resolve_data_dir(&i).unwrap().source,
            DataDirSource::Platform
        );
        i.platform = None;
        assert!(matches!(
            resolve_data_dir(&i),
            Err(StoreError::NoDataDir(_))
        ));
        i.arg = Some(PathBuf::new());
        assert!(resolve_data_dir(&i).is_err());
    }

    #[test]
    fn portable_marker_detection() {
        let d = tempfile::tempdir().unwrap();
        assert!(!has_portable_marker(d.path()));
        std::fs::write(d.path().join("portable.txt"), "").unwrap();
        assert!(has_portable_marker(d.path()));
    }

    #[test]
    fn segment_names_sort_by_sequence() {
        let a = history_segment_name(9);
        let b = history_segment_name(10);
        assert!(a < b);
        assert!(is_history_segment(OsStr::new(&a)));
        assert!(!is_history_segment(OsStr::new("journal.log")));
    }
}
