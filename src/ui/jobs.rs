//! Work the app runs off the interface thread so no frame waits on it: reading the whole
//! review history (statistics, the streak) and decoding a card's picture. Each job is a
//! thread that sends one result; the app polls it at every frame (asking for a repaint
//! while it runs) and applies the result when it arrives. A job whose result is no
//! longer wanted is dropped: its thread finishes and its result is discarded.

use std::sync::mpsc;

/// One piece of work running on its own thread.
#[derive(Debug)]
pub struct Job<T> {
    rx: mpsc::Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread named `name`. When the thread cannot be started,
    /// the work runs here instead (the result is then ready at once).
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let (tx, rx) = mpsc::sync_channel(1);
        let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
        let theirs = work.clone();
        let tx2 = tx.clone();
        // Messages made by the work (an import's errors) are worded in the interface's
        // language, which lives on each thread.
        let lang = crate::i18n::language();
        let started = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                crate::i18n::set_language(lang);
                let w = theirs.lock().ok().and_then(|mut w| w.take());
                if let Some(w) = w {
                    let _ = tx2.send(w());
                }
            });
        if started.is_err() {
            let w = work.lock().ok().and_then(|mut w| w.take());
            if let Some(w) = w {
                let _ = tx.send(w());
            }
        }
        Job { rx }
    }

    /// The result if it has arrived (once); `None` while the work runs.
    pub fn poll(&self) -> Option<T> {
        self.rx.try_recv().ok()
    }

    /// Whether the work has ended (waiting for it when `wait`): `None` while it runs,
    /// `Some(None)` when it ended without a result (it panicked), else its result.
    pub fn finished(&self, wait: bool) -> Option<Option<T>> {
        if wait {
            return Some(self.wait());
        }
        match self.rx.try_recv() {
            Ok(v) => Some(Some(v)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }

    /// Waits for the result (`None` if the work panicked).
    pub fn wait(&self) -> Option<T> {
        self.rx.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_gives_its_result_once_and_waits() {
        let gate = std::sync::Arc::new(std::sync::Barrier::new(2));
        let g = gate.clone();
        let job = Job::spawn("test", move || {
            g.wait();
            42
        });
        assert_eq!(job.poll(), None);
        gate.wait();
        assert_eq!(job.wait(), Some(42));
        assert_eq!(job.poll(), None);
        let panics: Job<u8> = Job::spawn("test", || panic!("boom"));
        assert_eq!(panics.wait(), None);
        let panics: Job<u8> = Job::spawn("test", || panic!("boom"));
        while panics.finished(false).is_none() {
            std::thread::yield_now();
        }
        assert_eq!(panics.finished(false), Some(None), "a panic ends the job");
        assert_eq!(Job::spawn("test", || 7).finished(true), Some(Some(7)));
    }
}
