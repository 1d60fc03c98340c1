//! Answers (study and exam) given but not yet on disk because writing failed (a full
//! disk, a pulled stick): how many, the warning at the top, retries now and then and on
//! request, and a close of the window held back once while some remain.

use super::QuizApp;
use crate::tr;

/// How often unsaved answers (a full disk) are retried while the app is open.
pub const SAVE_RETRY_SECS: i64 = 15;

impl QuizApp {
    /// Answers (study and exam) given but not yet on disk because writing failed.
    pub fn unsaved_count(&self) -> usize {
        self.open.as_ref().map_or(0, |o| o.store.unsaved_count())
            + self
                .exam_run
                .as_ref()
                .map_or(0, |r| r.sitting.unsaved_count())
    }

    /// The warning shown at the top while answers are not on disk, if any.
    pub fn save_status(&self) -> Option<String> {
        let n = self.unsaved_count();
        if n == 0 {
            return None;
        }
        let why = self
            .open
            .as_ref()
            .and_then(|o| o.store.unsaved_error())
            .or_else(|| {
                self.exam_run
                    .as_ref()
                    .and_then(|r| r.sitting.writer().unsaved_error())
            })
            .map_or_else(|| tr!("msg-disk-refused"), str::to_owned);
        Some(tr!(
            "app-not-saved-yet",
            n = n,
            why = why,
            secs = SAVE_RETRY_SECS
        ))
    }

    /// Retries writing unsaved answers; says so in the banner when they got saved.
    pub(super) fn retry_unsaved(&mut self) {
        let mut saved = 0;
        if let Some(open) = &mut self.open {
            saved += open.store.retry_unsaved().unwrap_or(0);
        }
        if let Some(run) = &mut self.exam_run {
            saved += run.sitting.retry_unsaved().unwrap_or(0);
        }
        if saved > 0 && self.unsaved_count() == 0 {
            self.banner.push(if saved == 1 {
                tr!("app-the-unsaved-answer-is")
            } else {
                tr!("app-unsaved-now-saved", n = saved)
            });
        }
    }

    /// Before closing the profile or the exam: retries unsaved answers; false (with a
    /// message) when some are still not on disk.
    pub(super) fn saved_before_closing(&mut self) -> bool {
        if self.unsaved_count() == 0 {
            return true;
        }
        self.retry_unsaved();
        let n = self.unsaved_count();
        if n > 0 {
            self.banner.push(tr!("msg-profile-stays-open", n = n));
        }
        n == 0
    }

    /// Retries unsaved answers every [`SAVE_RETRY_SECS`] while some remain, and holds a
    /// close of the window back once while they do.
    pub(super) fn retry_unsaved_now_and_then(&mut self, ctx: &egui::Context) {
        // Answers that could not be written (a full disk) are retried now and then; the
        // window does not close on them without a second request.
        if self.unsaved_count() > 0 {
            let now = (self.clock)();
            let due = self
                .last_save_retry
                .is_none_or(|t| now - t >= chrono::TimeDelta::seconds(SAVE_RETRY_SECS));
            if due {
                self.last_save_retry = Some(now);
                self.retry_unsaved();
            }
            ctx.request_repaint_after(std::time::Duration::from_secs(SAVE_RETRY_SECS as u64));
            if ctx.input(|i| i.viewport().close_requested()) {
                self.retry_unsaved();
                if self.unsaved_count() > 0 && !self.close_held {
                    self.close_held = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                    self.banner.push(tr!("msg-close-held"));
                }
            }
        }
    }
}
