//! Profiles (one folder per student: progress, settings, imported decks) and their
//! settings files.
//!
//! A profile has a display name (any Unicode, e.g. "Zoë Ångström" or "张伟") stored in
//! `profile.ron`, and a folder name ("slug") made of `a-z`, `0-9` and `-` that is safe on
//! every file system (FAT USB sticks, Windows reserved names). Renaming changes only the
//! display name, so an open profile's files never move.

use super::fsutil::{self, Capped, io_err, read_capped, write_atomic};
use super::lock::{LockAttempt, try_lock_profile};
use super::paths::{DECKS_DIR, PROFILE_FILE, SETTINGS_FILE};
use super::{RecoveryNote, RecoveryReport, Result, StoreError};
use crate::message::Message;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Longest display name, in characters.
pub(crate) const MAX_NAME_CHARS: usize = 64;
/// Longest folder name made from a display name.
pub(crate) const MAX_SLUG_LEN: usize = 32;
/// Settings files larger than this are treated as damaged.
pub(crate) const MAX_SETTINGS_BYTES: u64 = 4 << 20;

/// A profile as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileInfo {
    /// Folder name (stable; use it to refer to the profile).
    pub slug: String,
    /// Name shown to people.
    pub display_name: String,
    /// When it was created (`None` if its description file is unreadable).
    pub created: Option<DateTime<Utc>>,
    /// The profile's folder.
    pub dir: PathBuf,
}

impl ProfileInfo {
    /// The folder holding this profile's imported decks.
    pub fn decks_dir(&self) -> PathBuf {
        self.dir.join(DECKS_DIR)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct ProfileFile {
    display_name: String,
    created: DateTime<Utc>,
}

/// The profiles in one data folder (`<data>/profiles`).
#[derive(Debug, Clone)]
pub struct Profiles {
    root: PathBuf,
}

/// Checks and normalizes a display name: trimmed, 1–64 characters, no control
/// characters. Returns the trimmed name.
pub(crate) fn check_profile_name(name: &str) -> Result<String> {
    let bad = |reason: Message| StoreError::BadProfileName {
        name: name.to_owned(),
        reason,
    };
    let n = name.trim();
    if n.is_empty() {
        return Err(bad(Message::new("store-name-empty")));
    }
    if n.chars().count() > MAX_NAME_CHARS {
        return Err(bad(
            Message::new("store-name-too-long").arg("max", MAX_NAME_CHARS)
        ));
    }
    if n.chars().any(char::is_control) {
        return Err(bad(Message::new("store-name-control")));
    }
    Ok(n.to_owned())
}

/// Folder name for a display name: [`crate::slug::slug`] (ASCII `a-z0-9-`, at most
/// [`MAX_SLUG_LEN`] bytes), never empty and never a Windows reserved device name
/// (uniqueness is handled by [`Profiles::create`]). Existing folders keep their names:
/// profiles are found by listing the folder, never by recomputing a slug.
pub(crate) fn slug_for(name: &str) -> String {
    let slug = crate::slug::slug(name, MAX_SLUG_LEN);
    if slug.is_empty() {
        "profile".to_owned()
    } else if crate::slug::is_reserved_name(&slug) {
        format!("{slug}-profile")
    } else {
        slug
    }
}

/// True when `slug` is a folder name this module could have made (guards against
/// path traversal from the outside).
pub(crate) fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_SLUG_LEN + 8
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
}

fn read_profile_file(dir: &Path) -> Option<ProfileFile> {
    match read_capped(&dir.join(PROFILE_FILE), 64 * 1024) {
        Ok(Capped::Bytes(b)) => std::str::from_utf8(&b)
            .ok()
            .and_then(|s| ron::from_str::<ProfileFile>(without_bom(s)).ok()),
        _ => None,
    }
}

/// The display name stored in the profile folder `dir`, if readable.
pub(crate) fn display_name_of(dir: &Path) -> Option<String> {
    read_profile_file(dir).map(|p| p.display_name)
}

fn write_profile_file(dir: &Path, pf: &ProfileFile) -> Result<()> {
    let path = dir.join(PROFILE_FILE);
    let text = ron::ser::to_string_pretty(pf, ron::ser::PrettyConfig::default()).map_err(|e| {
        StoreError::Encode {
            what: "the profile description",
            path: path.clone(),
            reason: e.to_string(),
        }
    })?;
    write_atomic(&path, text.as_bytes())
}

impl Profiles {
    /// The profiles of the data folder `data_dir` (kept in `<data_dir>/profiles`).
    pub fn new(data_dir: &Path) -> Self {
        Profiles {
            root: data_dir.join(super::paths::PROFILES_DIR),
        }
    }

    /// The folder holding the profile folders.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The folder of profile `slug` (checked, and it must exist).
    pub(crate) fn dir(&self, slug: &str) -> Result<PathBuf> {
        let dir = self.root.join(slug);
        if !is_valid_slug(slug) || !dir.is_dir() {
            return Err(StoreError::NoSuchProfile {
                dir: self.root.clone(),
                slug: slug.to_owned(),
            });
        }
        Ok(dir)
    }

    /// All profiles, sorted by display name. A profile whose description file is
    /// unreadable is still listed (under its folder name) so no progress is hidden.
    pub fn list(&self) -> Result<Vec<ProfileInfo>> {
        let rd = match fs::read_dir(&self.root) {
            Ok(rd) => rd,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_err("list the profiles in", &self.root)(e)),
        };
        let mut out = Vec::new();
        for e in rd.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !is_valid_slug(&name) || !e.path().is_dir() {
                continue;
            }
            let pf = read_profile_file(&e.path());
            out.push(ProfileInfo {
                display_name: pf
                    .as_ref()
                    .map_or_else(|| name.clone(), |p| p.display_name.clone()),
                created: pf.map(|p| p.created),
                slug: name,
                dir: e.path(),
            });
        }
        out.sort_by(|a, b| {
            a.display_name
                .to_lowercase()
                .cmp(&b.display_name.to_lowercase())
                .then_with(|| a.slug.cmp(&b.slug))
        });
        Ok(out)
    }

    fn check_unique(&self, name: &str, except: Option<&str>) -> Result<()> {
        let lower = name.to_lowercase();
        if self
            .list()?
            .iter()
            .any(|p| Some(p.slug.as_str()) != except && p.display_name.to_lowercase() == lower)
        {
            return Err(StoreError::ProfileExists {
                name: name.to_owned(),
            });
        }
        Ok(())
    }

    /// The profile a person means by `name`: the one with exactly that display name,
    /// else the one in exactly that folder, else the only one whose name matches ignoring
    /// case and accents. Several candidates are refused with their names (never a guess:
    /// "anna" must not open Änna's progress).
    pub fn find(&self, name: &str) -> Result<ProfileInfo> {
        let list = self.list()?;
        let exact: Vec<&ProfileInfo> = list.iter().filter(|p| p.display_name == name).collect();
        let folder: Vec<&ProfileInfo> = list.iter().filter(|p| p.slug == name).collect();
        let folded = crate::answer::normalize_for_search(name);
        let loose: Vec<&ProfileInfo> = list
            .iter()
            .filter(|p| crate::answer::normalize_for_search(&p.display_name) == folded)
            .collect();
        for candidates in [exact, folder, loose] {
            match candidates.as_slice() {
                [] => continue,
                [one] => return Ok((*one).clone()),
                many => {
                    return Err(StoreError::AmbiguousProfile {
                        name: name.to_owned(),
                        candidates: many
                            .iter()
                            .map(|p| format!("{} (folder {})", p.display_name, p.slug))
                            .collect(),
                    });
                }
            }
        }
        Err(StoreError::NoSuchProfile {
            dir: self.root.clone(),
            slug: name.to_owned(),
        })
    }

    /// Creates a profile (folder, description, empty `decks/`), atomically: it appears
    /// complete or not at all.
    pub fn create(&self, name: &str, at: DateTime<Utc>) -> Result<ProfileInfo> {
        let name = check_profile_name(name)?;
        self.check_unique(&name, None)?;
        fs::create_dir_all(&self.root).map_err(io_err("create the profiles folder", &self.root))?;
        let base = slug_for(&name);
        let mut slug = base.clone();
        let mut n = 2;
        while self.root.join(&slug).symlink_metadata().is_ok() {
            slug = format!("{base}-{n}");
            n += 1;
        }
        let tmp = self
            .root
            .join(format!(".{slug}{}{}", fsutil::TMP_MARK, std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        let result = (|| {
            fs::create_dir_all(tmp.join(DECKS_DIR))
                .map_err(io_err("create the profile folder", &tmp))?;
            write_profile_file(
                &tmp,
                &ProfileFile {
                    display_name: name.clone(),
                    created: at,
                },
            )?;
            let dir = self.root.join(&slug);
            fs::rename(&tmp, &dir).map_err(io_err("create the profile folder", &dir))?;
            fsutil::sync_dir(&self.root)?;
            Ok(ProfileInfo {
                slug: slug.clone(),
                display_name: name.clone(),
                created: Some(at),
                dir,
            })
        })();
        if result.is_err() {
            let _ = fs::remove_dir_all(&tmp);
        }
        result
    }

    /// Changes a profile's display name (its folder stays).
    pub fn rename(&self, slug: &str, new_name: &str) -> Result<ProfileInfo> {
        let dir = self.dir(slug)?;
        let name = check_profile_name(new_name)?;
        self.check_unique(&name, Some(slug))?;
        let created = read_profile_file(&dir).map_or(DateTime::UNIX_EPOCH, |p| p.created);
        write_profile_file(
            &dir,
            &ProfileFile {
                display_name: name.clone(),
                created,
            },
        )?;
        Ok(ProfileInfo {
            slug: slug.to_owned(),
            display_name: name,
            created: Some(created),
            dir,
        })
    }

    /// Deletes a profile and everything in it. Refused with [`StoreError::Locked`] while
    /// the profile is open anywhere. The folder is first renamed away, so a crash never
    /// leaves a half-deleted profile in the list.
    pub fn delete(&self, slug: &str, at: DateTime<Utc>) -> Result<()> {
        let dir = self.dir(slug)?;
        match try_lock_profile(&dir, at)? {
            LockAttempt::Held(holder) => {
                return Err(StoreError::Locked { path: dir, holder });
            }
            LockAttempt::Acquired(l) => drop(l),
            LockAttempt::Unsupported => {}
        }
        let trash = self.root.join(format!(
            ".{slug}{}deleted-{}",
            fsutil::TMP_MARK,
            std::process::id()
        ));
        fs::rename(&dir, &trash).map_err(io_err("remove the profile folder", &dir))?;
        fsutil::sync_dir(&self.root)?;
        fs::remove_dir_all(&trash).map_err(io_err("remove the profile folder", &trash))?;
        Ok(())
    }
}

/// Loads a profile's settings from `settings.ron`. A missing file gives defaults. A
/// damaged file (unreadable, invalid RON, wrong shape, huge) is moved aside as
/// `settings.ron.corrupt-<time>` and defaults are used; the report says so.
///
/// Prefer [`Store::load_settings`](super::Store::load_settings) when the profile is
/// open, which leaves the file alone in read-only mode.
pub fn load_settings<T: DeserializeOwned + Default>(
    profile_dir: &Path,
    at: DateTime<Utc>,
) -> Result<(T, RecoveryReport)> {
    load_settings_impl(profile_dir, at, true)
}

pub(crate) fn load_settings_impl<T: DeserializeOwned + Default>(
    profile_dir: &Path,
    at: DateTime<Utc>,
    may_repair: bool,
) -> Result<(T, RecoveryReport)> {
    let path = profile_dir.join(SETTINGS_FILE);
    let problem = match read_capped(&path, MAX_SETTINGS_BYTES)? {
        Capped::Missing => return Ok((T::default(), RecoveryReport::default())),
        Capped::TooLarge(n) => Message::new("store-damage-too-large").arg("size", n),
        Capped::Bytes(b) => match std::str::from_utf8(&b) {
            Err(_) => Message::new("store-settings-not-text"),
            Ok(s) => match ron::from_str::<T>(without_bom(s)) {
                Ok(v) => return Ok((v, RecoveryReport::default())),
                Err(e) => crate::message::ron_error_at(&e),
            },
        },
    };
    let moved_to = if may_repair {
        Some(fsutil::move_aside(&path, "corrupt", at)?)
    } else {
        None
    };
    let report = RecoveryReport {
        notes: vec![RecoveryNote::SettingsReset {
            path,
            moved_to,
            reason: problem,
        }],
        ..RecoveryReport::default()
    };
    Ok((T::default(), report))
}

/// `s` without the byte order mark that Windows Notepad puts at the start of a file it
/// saves (the settings and the profile's name, edited by hand, were otherwise set aside
/// or lost).
fn without_bom(s: &str) -> &str {
    s.strip_prefix('\u{feff}').unwrap_or(s)
}

/// Saves a profile's settings to `settings.ron` atomically (temporary file, fsync,
/// rename).
pub fn save_settings<T: Serialize>(profile_dir: &Path, settings: &T) -> Result<()> {
    let path = profile_dir.join(SETTINGS_FILE);
    let text =
        ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default()).map_err(|e| {
            StoreError::Encode {
                what: "the settings",
                path: path.clone(),
                reason: e.to_string(),
            }
        })?;
    write_atomic(&path, text.as_bytes())
}

/// Writes settings text (already checked to be RON) atomically.
pub(crate) fn save_settings_text(profile_dir: &Path, text: &str) -> Result<()> {
    write_atomic(&profile_dir.join(SETTINGS_FILE), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    #[test]
    fn slugs_are_safe() {
        assert_eq!(slug_for("Zoë Ångström"), "zoe-angstrom");
        assert_eq!(slug_for("  ../../etc/passwd "), "etc-passwd");
        assert_eq!(slug_for("张伟"), "profile");
        assert_eq!(slug_for("CON"), "con-profile");
        assert_eq!(slug_for("Straße"), "strasse");
        assert_eq!(slug_for("Jūlija"), "julija");
        assert_eq!(slug_for("Ņina Ķīsis"), "nina-kisis");
        assert_eq!(slug_for("Анна"), "anna");
        assert!(slug_for(&"a b ".repeat(40)).len() <= MAX_SLUG_LEN);
        for s in ["Zoë", "张伟", "a/b\\c:d", "-x-", "\u{202e}evil"] {
            assert!(is_valid_slug(&slug_for(s)), "{s}");
        }
        assert!(!is_valid_slug(".."));
        assert!(!is_valid_slug("a/b"));
    }

    #[test]
    fn folders_named_by_the_old_rule_are_still_found() {
        // Earlier versions made `j-lija` from "Jūlija"; that folder keeps its name.
        let d = tempfile::tempdir().unwrap();
        let p = Profiles::new(d.path());
        let made = p.create("Jūlija", at()).unwrap();
        assert_eq!(made.slug, "julija");
        let old_dir = p.root().join("j-lija");
        std::fs::rename(&made.dir, &old_dir).unwrap();
        let listed = p.list().unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].slug, "j-lija");
        assert_eq!(listed[0].display_name, "Jūlija");
        assert_eq!(p.dir("j-lija").unwrap(), old_dir);
        assert!(is_valid_slug("j-lija"));
        // The name is still taken, and a new profile gets the new rule.
        assert!(matches!(
            p.create("Jūlija", at()),
            Err(StoreError::ProfileExists { .. })
        ));
        assert_eq!(p.create("Jūlija B", at()).unwrap().slug, "julija-b");
    }

    #[test]
    fn settings_and_names_saved_by_notepad_with_a_byte_order_mark_are_read() {
        let d = tempfile::tempdir().unwrap();
        let p = Profiles::new(d.path());
        let a = p.create("Ana", at()).unwrap();
        std::fs::write(a.dir.join(SETTINGS_FILE), "\u{feff}(new_per_day: 7)\r\n").unwrap();
        #[derive(serde::Deserialize, Default, Debug, PartialEq)]
        struct S {
            new_per_day: u32,
        }
        let (s, rep) = load_settings::<S>(&a.dir, at()).unwrap();
        assert_eq!(s, S { new_per_day: 7 });
        assert!(rep.is_empty(), "{rep:?}");
        assert!(a.dir.join(SETTINGS_FILE).exists(), "set aside");
        let text = std::fs::read_to_string(a.dir.join(PROFILE_FILE)).unwrap();
        std::fs::write(
            a.dir.join(PROFILE_FILE),
            format!("\u{feff}{}", text.replace("\"Ana\"", "\"Anna\"")),
        )
        .unwrap();
        assert_eq!(display_name_of(&a.dir).as_deref(), Some("Anna"));
    }

    #[test]
    fn names_are_checked() {
        assert_eq!(check_profile_name("  Ana  ").unwrap(), "Ana");
        assert!(check_profile_name("   ").is_err());
        assert!(check_profile_name("a\nb").is_err());
        assert!(check_profile_name(&"é".repeat(65)).is_err());
        assert!(check_profile_name(&"é".repeat(64)).is_ok());
    }

    #[test]
    fn create_list_rename_delete() {
        let d = tempfile::tempdir().unwrap();
        let p = Profiles::new(d.path());
        assert!(p.list().unwrap().is_empty());
        let a = p.create("张伟", at()).unwrap();
        let b = p.create("李娜", at()).unwrap();
        assert_eq!(a.slug, "profile");
        assert_eq!(b.slug, "profile-2");
        assert!(a.decks_dir().is_dir());
        assert!(matches!(
            p.create(" 张伟 ", at()),
            Err(StoreError::ProfileExists { .. })
        ));
        let z = p.create("Zoë", at()).unwrap();
        let names: Vec<_> = p
            .list()
            .unwrap()
            .into_iter()
            .map(|i| i.display_name)
            .collect();
        assert_eq!(names, ["Zoë", "张伟", "李娜"]);
        p.rename(&z.slug, "Zoë B.").unwrap();
        assert!(p.rename(&z.slug, "李娜").is_err());
        assert_eq!(p.list().unwrap()[0].display_name, "Zoë B.");
        assert_eq!(p.list().unwrap()[0].dir, z.dir);
        // A profile in use cannot be deleted.
        let (store, _) =
            super::super::Store::open(&z.dir, &super::super::OpenOptions::default(), at()).unwrap();
        assert!(matches!(
            p.delete(&z.slug, at()),
            Err(StoreError::Locked { .. })
        ));
        drop(store);
        p.delete(&z.slug, at()).unwrap();
        assert_eq!(p.list().unwrap().len(), 2);
        assert!(p.delete("../x", at()).is_err());
        // No leftovers.
        assert_eq!(fs::read_dir(p.root()).unwrap().count(), 2);
    }

    #[test]
    fn unreadable_description_still_listed() {
        let d = tempfile::tempdir().unwrap();
        let p = Profiles::new(d.path());
        let a = p.create("Ana", at()).unwrap();
        fs::write(a.dir.join(PROFILE_FILE), "garbage(").unwrap();
        let l = p.list().unwrap();
        assert_eq!(l[0].display_name, a.slug);
        assert_eq!(l[0].created, None);
    }

    #[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
    struct Settings {
        new_per_day: u32,
        theme: String,
    }

    #[test]
    fn settings_round_trip_and_corrupt_is_moved_aside() {
        let d = tempfile::tempdir().unwrap();
        let s = Settings {
            new_per_day: 20,
            theme: "dark".into(),
        };
        let (got, rep) = load_settings::<Settings>(d.path(), at()).unwrap();
        assert_eq!(got, Settings::default());
        assert!(rep.is_empty());
        save_settings(d.path(), &s).unwrap();
        let (got, rep) = load_settings::<Settings>(d.path(), at()).unwrap();
        assert_eq!(got, s);
        assert!(rep.is_empty());
        for bad in [&b"(new_per_day: \"x\")"[..], b"\xff\xfe", b"(((((("] {
            fs::write(d.path().join(SETTINGS_FILE), bad).unwrap();
            let (got, rep) = load_settings::<Settings>(d.path(), at()).unwrap();
            assert_eq!(got, Settings::default());
            assert!(matches!(
                &rep.notes[0],
                RecoveryNote::SettingsReset { moved_to: Some(m), .. } if m.exists()
            ));
            assert!(!d.path().join(SETTINGS_FILE).exists());
        }
        // Three damaged copies kept side by side.
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 3);
        // Deeply nested input is rejected, not a stack overflow.
        fs::write(d.path().join(SETTINGS_FILE), "[".repeat(100_000)).unwrap();
        let (_, rep) = load_settings::<Settings>(d.path(), at()).unwrap();
        assert!(!rep.is_empty());
    }
}
