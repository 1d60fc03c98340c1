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
pub(crate) const DATA_ENV: &str = "QUIZDECK_DATA";
/// Marker file names beside the executable that switch on portable mode
/// (`portable.txt` because Windows hides extensions when people create files).
pub(crate) const PORTABLE_MARKERS: [&str; 2] = ["portable", "portable.txt"];
/// Data folder beside the executable in portable mode.
pub(crate) const PORTABLE_DATA_DIR: &str = "quizdeck-data";
/// Folder inside the data folder that holds one folder per profile.
pub(crate) const PROFILES_DIR: &str = "profiles";

/// Folder inside a profile with the progress files.
pub(crate) const PROGRESS_DIR: &str = "progress";
/// Snapshot file inside [`PROGRESS_DIR`].
pub(crate) const SNAPSHOT_FILE: &str = "snapshot.dat";
/// Journal file inside [`PROGRESS_DIR`].
pub(crate) const JOURNAL_FILE: &str = "journal.log";
/// The journal being folded by a background snapshot, inside [`PROGRESS_DIR`].
pub(crate) const FOLDING_FILE: &str = "folding.log";
/// Archive of folded journals inside [`PROGRESS_DIR`].
pub(crate) const HISTORY_DIR: &str = "history";
/// Settings file inside a profile.
pub(crate) const SETTINGS_FILE: &str = "settings.ron";
/// Profile description (display name) inside a profile.
pub(crate) const PROFILE_FILE: &str = "profile.ron";
/// Imported decks inside a profile.
pub(crate) const DECKS_DIR: &str = "decks";

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
    #[cfg(test)]
    /// The folder holding one folder per profile.
    pub(crate) fn profiles_dir(&self) -> PathBuf {
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
            return Err(StoreError::NoDataDir(crate::message::Message::new(
                "store-data-dir-empty",
            )));
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
    Err(StoreError::NoDataDir(
        crate::message::Message::new("store-data-dir-none").arg("env", DATA_ENV),
    ))
}

/// True when a portable marker exists in `exe_dir`: a file or a folder named `portable`
/// or `portable.txt` (people make either; both count).
pub(crate) fn has_portable_marker(exe_dir: &Path) -> bool {
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

/// Environment variable naming the class deck folder (decks every profile sees).
pub(crate) const DECKS_ENV: &str = "QUIZDECK_DECKS";
/// Class deck folder beside the executable in portable mode.
pub(crate) const PORTABLE_DECKS_DIR: &str = "decks";

/// Why a class deck folder is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClassDirSource {
    /// The `--decks-dir` argument.
    Argument,
    /// The `QUIZDECK_DECKS` environment variable.
    Environment,
    /// The `decks` folder beside the executable in portable mode.
    Portable,
    /// One of the platform's system-wide data folders (`$XDG_DATA_DIRS/quizdeck/decks`).
    System,
}

/// A class deck folder: decks in it are seen by every profile on the PC.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassDir {
    /// The folder (it may not exist yet).
    pub path: PathBuf,
    /// Which rule chose it.
    pub source: ClassDirSource,
}

impl ClassDir {
    /// How the library names the folder, e.g. "class decks (--decks-dir /srv/decks)".
    pub fn describe(&self) -> String {
        let why = match self.source {
            ClassDirSource::Argument => "--decks-dir ",
            ClassDirSource::Environment => "QUIZDECK_DECKS=",
            ClassDirSource::Portable => "beside the program: ",
            ClassDirSource::System => "",
        };
        format!("{why}{}", self.path.display())
    }
}

/// Everything [`resolve_class_dirs`] decides from; gathered by [`class_dirs_from_env`].
#[derive(Debug, Clone, Default)]
pub(crate) struct ClassDirInputs {
    /// The `--decks-dir` argument, if given.
    pub arg: Option<PathBuf>,
    /// The value of `QUIZDECK_DECKS`, if set (an empty value counts as unset).
    pub env: Option<OsString>,
    /// The running executable's path.
    pub exe: Option<PathBuf>,
    /// Whether a portable marker exists beside the executable.
    pub portable_marker: bool,
    /// The platform's system-wide data folders, most important first.
    pub system: Vec<PathBuf>,
}

/// The class deck folders, most important first; pure (touches nothing). The first one is
/// where "for everyone on this PC" imports go: `--decks-dir` (else `QUIZDECK_DECKS`), then
/// the `decks` folder beside the program in portable mode, then `quizdeck/decks` in each
/// system data folder. Every one of them is read.
pub(crate) fn resolve_class_dirs(inp: &ClassDirInputs) -> Vec<ClassDir> {
    let mut out = Vec::new();
    let chosen = match (&inp.arg, inp.env.as_deref().filter(|e| !e.is_empty())) {
        (Some(arg), _) if !arg.as_os_str().is_empty() => {
            Some((arg.clone(), ClassDirSource::Argument))
        }
        (_, Some(env)) => Some((PathBuf::from(env), ClassDirSource::Environment)),
        _ => None,
    };
    if let Some((path, source)) = chosen {
        out.push(ClassDir { path, source });
    }
    if inp.portable_marker
        && let Some(dir) = inp.exe.as_deref().and_then(Path::parent)
    {
        out.push(ClassDir {
            path: dir.join(PORTABLE_DECKS_DIR),
            source: ClassDirSource::Portable,
        });
    }
    for sys in &inp.system {
        out.push(ClassDir {
            path: sys.join("quizdeck").join(PORTABLE_DECKS_DIR),
            source: ClassDirSource::System,
        });
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|d| seen.insert(d.path.clone()));
    out
}

/// The platform's system-wide data folders: `$XDG_DATA_DIRS` (default
/// `/usr/local/share:/usr/share`) on Linux and BSDs, `%ProgramData%` on Windows,
/// `/Library/Application Support` on macOS. Relative entries are ignored, as the XDG
/// specification asks.
pub(crate) fn system_data_dirs(
    xdg_data_dirs: Option<&OsStr>,
    program_data: Option<&OsStr>,
) -> Vec<PathBuf> {
    if cfg!(windows) {
        return program_data
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .into_iter()
            .collect();
    }
    if cfg!(target_os = "macos") {
        return vec![PathBuf::from("/Library/Application Support")];
    }
    let dirs: Vec<PathBuf> = xdg_data_dirs
        .map(std::env::split_paths)
        .into_iter()
        .flatten()
        .filter(|p| p.is_absolute())
        .collect();
    if dirs.is_empty() {
        vec!["/usr/local/share".into(), "/usr/share".into()]
    } else {
        dirs
    }
}

/// Resolves the class deck folders from the real environment (`QUIZDECK_DECKS`, the
/// portable marker, the system data folders).
pub fn class_dirs_from_env(arg: Option<&Path>) -> Vec<ClassDir> {
    let exe = std::env::current_exe().ok();
    let portable_marker = exe
        .as_deref()
        .and_then(Path::parent)
        .is_some_and(has_portable_marker);
    resolve_class_dirs(&ClassDirInputs {
        arg: arg.map(Path::to_path_buf),
        env: std::env::var_os(DECKS_ENV),
        exe,
        portable_marker,
        system: system_data_dirs(
            std::env::var_os("XDG_DATA_DIRS").as_deref(),
            std::env::var_os("ProgramData").as_deref(),
        ),
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
    /// `<profile>/progress/folding.log`: the journal a background snapshot is folding,
    /// moved into the history once that snapshot is written (present only meanwhile, or
    /// after a crash or a failed snapshot; it is replayed between the two).
    pub folding: PathBuf,
}

impl ProgressPaths {
    /// The paths for the profile in `profile_dir`.
    pub fn new(profile_dir: &Path) -> Self {
        let dir = profile_dir.join(PROGRESS_DIR);
        ProgressPaths {
            snapshot: dir.join(SNAPSHOT_FILE),
            journal: dir.join(JOURNAL_FILE),
            history: dir.join(HISTORY_DIR),
            folding: dir.join(FOLDING_FILE),
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
    fn class_dirs_in_order_and_deduplicated() {
        let mut i = ClassDirInputs {
            arg: Some("/srv/class".into()),
            env: Some("/env/decks".into()),
            exe: Some("/usb/quizdeck.exe".into()),
            portable_marker: true,
            system: vec!["/usr/local/share".into(), "/usr/share".into()],
        };
        let d = resolve_class_dirs(&i);
        let paths: Vec<_> = d.iter().map(|d| d.path.clone()).collect();
        assert_eq!(
            paths,
            [
                PathBuf::from("/srv/class"),
                "/usb/decks".into(),
                "/usr/local/share/quizdeck/decks".into(),
                "/usr/share/quizdeck/decks".into()
            ]
        );
        assert_eq!(d[0].source, ClassDirSource::Argument);
        assert_eq!(d[0].describe(), "--decks-dir /srv/class");
        i.arg = None;
        assert_eq!(
            resolve_class_dirs(&i)[0].source,
            ClassDirSource::Environment
        );
        i.env = Some(OsString::new());
        i.portable_marker = false;
        i.system.push("/usr/share".into());
        let d = resolve_class_dirs(&i);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d.iter().all(|d| d.source == ClassDirSource::System));
    }

    #[cfg(all(unix, not(target_os = "macos")))]
    #[test]
    fn system_data_dirs_follow_xdg() {
        assert_eq!(
            system_data_dirs(Some(OsStr::new("/opt/share:relative:/usr/share")), None),
            [PathBuf::from("/opt/share"), "/usr/share".into()]
        );
        assert_eq!(
            system_data_dirs(None, None),
            [PathBuf::from("/usr/local/share"), "/usr/share".into()]
        );
        assert_eq!(system_data_dirs(Some(OsStr::new("")), None).len(), 2);
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
