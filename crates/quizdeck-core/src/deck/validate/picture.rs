//! The picture checks of validation: a card's `image`, a Locate card's picture, and the
//! cache that reads each picture once per validation.

use super::*;

pub(super) fn check_image(
    card: &RawCard,
    at: Place,
    base_dir: Option<&Path>,
    pictures: &Pictures,
    issues: &mut Issues,
) {
    if !card.image.is_empty() {
        check_picture(&card.image, at.field("image"), base_dir, pictures, issues);
    }
}

/// The checks of a Locate card that need more than its kind: the format that introduced
/// it (and the one that introduced its `choice_prompt`), its picture (present, a PNG of sane size next to the deck) and no second `image`.
/// Returns the picture's size in pixels when it could be read.
pub(super) fn check_locate_card(
    card: &RawCard,
    picture: &str,
    at: Place,
    ctx: &CardCtx<'_>,
    issues: &mut Issues,
) -> Option<(u32, u32)> {
    if ctx.format < LOCATE_FORMAT {
        issues.error(
            "needs-newer-format",
            at.field("kind"),
            Message::new("check-needs-newer-format")
                .arg("needed", LOCATE_FORMAT)
                .arg("format", ctx.format),
            Message::new("check-needs-newer-format-hint").arg("needed", LOCATE_FORMAT),
        );
    } else if ctx.format < CHOICE_PROMPT_FORMAT
        && matches!(
            card.kind,
            RawKind::Locate {
                choice_prompt: Some(_),
                ..
            }
        )
    {
        issues.error(
            "needs-newer-format",
            at.kind("choice_prompt"),
            Message::new("check-choice-prompt-needs-newer-format")
                .arg("needed", CHOICE_PROMPT_FORMAT)
                .arg("format", ctx.format),
            Message::new("check-needs-newer-format-hint").arg("needed", CHOICE_PROMPT_FORMAT),
        );
    }
    if !card.image.is_empty() {
        issues.error(
            "image-and-picture",
            at.field("image"),
            Message::new("check-image-and-picture"),
            Message::new("check-image-and-picture-hint"),
        );
    }
    if picture.trim().is_empty() {
        issues.error(
            "missing-picture",
            at.kind("picture"),
            Message::new("check-missing-picture"),
            Message::new("check-missing-picture-hint"),
        );
        return None;
    }
    check_picture(
        picture,
        at.kind("picture"),
        ctx.base_dir,
        ctx.pictures,
        issues,
    )
}

/// Checks a picture path of a card (at `place`): relative, inside the deck's folder, a
/// PNG; with `base_dir`, that it exists and decodes within the limits. Returns its size
/// in pixels when it was read.
fn check_picture(
    image: &str,
    place: String,
    base_dir: Option<&Path>,
    pictures: &Pictures,
    issues: &mut Issues,
) -> Option<(u32, u32)> {
    let path = Path::new(image);
    let hint = || Message::new("check-image-path-hint");
    let msg = |id: &'static str| Message::new(id).arg("path", image);
    if path.is_absolute() || image.starts_with('/') || image.starts_with('\\') {
        issues.error("bad-image-path", place, msg("check-image-absolute"), hint());
    } else if path
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
        || image.contains("..")
    {
        issues.error("bad-image-path", place, msg("check-image-parent"), hint());
    } else if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"))
    {
        issues.error(
            "bad-image-path",
            place,
            msg("check-image-not-png"),
            Message::new("check-image-not-png-hint"),
        );
    } else if let Some(dir) = base_dir {
        let full = dir.join(path);
        match (full.canonicalize(), dir.canonicalize()) {
            (Ok(f), Ok(d)) if !f.starts_with(&d) => issues.error(
                "bad-image-path",
                place,
                msg("check-image-outside"),
                Message::new("check-image-outside-hint"),
            ),
            (Ok(f), _) if !f.is_file() => {
                issues.error("missing-image", place, msg("check-image-not-file"), hint())
            }
            // Not beside the deck, but one of the maps built into quizdeck.
            (Err(_), _) if super::super::bundled::picture_bytes(image).is_some() => {
                return super::super::bundled::picture_size(image);
            }
            (Err(_), _) => issues.error(
                "missing-image",
                place,
                msg("check-image-missing"),
                Message::new("check-image-missing-hint"),
            ),
            (Ok(f), _) => match pictures.check(dir, image, f) {
                Ok(size) => return Some(size),
                Err(problem) => issues.error(
                    "bad-image",
                    place,
                    problem,
                    Message::new("check-bad-image-hint")
                        .arg("side", crate::picture::MAX_SIDE_PX.to_string())
                        .arg("mib", crate::picture::MAX_FILE_BYTES / (1024 * 1024)),
                ),
            },
        }
    } else {
        // Without the deck's folder (a bundled deck), a built-in picture is still known.
        return super::super::bundled::picture_size(image);
    }
    None
}

/// The pictures checked so far in one validation, by canonical path: a picture used by
/// ten thousand cards is read and decoded once. Shared by the checking threads.
#[derive(Default)]
pub(super) struct Pictures(
    pub(super) std::sync::Mutex<FxHashMap<std::path::PathBuf, PictureCheck>>,
);

/// A picture's size in pixels, or what is wrong with it.
type PictureCheck = std::result::Result<(u32, u32), Message>;

impl Pictures {
    /// The size of the picture `image` of `dir` (canonically `canonical`), or its problem.
    fn check(&self, dir: &Path, image: &str, canonical: std::path::PathBuf) -> PictureCheck {
        let seen = |m: &Self| m.0.lock().ok()?.get(&canonical).cloned();
        if let Some(known) = seen(self) {
            return known;
        }
        let checked = crate::picture::check(dir, image).map_err(|e| e.message());
        if let Ok(mut m) = self.0.lock() {
            m.insert(canonical, checked.clone());
        }
        checked
    }
}
