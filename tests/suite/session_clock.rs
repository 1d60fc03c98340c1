//! The system clock moving between answers, at the level the app works at (a study
//! session writing to a real store): back a day, forward a year, back again. Nothing
//! panics, no interval is negative or absurd, the journal stays ordered by sequence
//! number (not by time), and everything reopens as it was.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use quizdeck::ids::ItemKey;
use quizdeck::schedule::{Rating, Settings};
use quizdeck::session::Session;
use quizdeck::store::{OpenOptions, Store};

use crate::common::journal_seqs;

fn t0() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().unwrap()
}

fn riga() -> FixedOffset {
    FixedOffset::east_opt(2 * 3600).unwrap()
}

#[test]
fn the_clock_moving_back_a_day_or_forward_a_year_between_answers_is_harmless() {
    let dir = tempfile::tempdir().unwrap();
    let opts = OpenOptions {
        snapshot_every: 25,
        ..OpenOptions::default()
    };
    let (mut store, _) = Store::open(dir.path(), &opts, t0()).unwrap();
    let settings = Settings::default();
    let items: Vec<ItemKey> = (0..8)
        .map(|i| ItemKey::new("clock", format!("c{i}"), 0))
        .collect();
    // Minutes apart, then a day back, a year forward, a day back, a year back (to before
    // the first answer), and round again.
    let moves = [
        Duration::seconds(40),
        Duration::minutes(11),
        Duration::days(-1),
        Duration::seconds(30),
        Duration::days(365),
        Duration::minutes(3),
        Duration::days(-1),
        Duration::days(-366),
        Duration::hours(5),
    ];
    let mut now = t0();
    let mut session = Session::start(items.clone(), &store, &settings, now, riga()).unwrap();
    let mut answers = 0;
    for step in 0..180 {
        now += moves[step % moves.len()];
        session.refresh_if_new_day(&store, now, riga());
        let key = match session.next(now) {
            Some(q) => q.key,
            None => {
                // Nothing due at this time: study everything anyway.
                session =
                    Session::start_cram(items.clone(), &store, &settings, now, riga()).unwrap();
                session
                    .next(now)
                    .expect("a cram session shows every item")
                    .key
            }
        };
        let preview = session.preview(&key, &store, now, riga());
        for c in &preview.choices {
            assert!(c.delay_secs >= 0, "step {step}: {c:?}");
            assert!(!c.label().starts_with('-'), "step {step}: {}", c.label());
        }
        let rating = Rating::ALL[step % 4];
        let done = session
            .answer(&mut store, &key, rating, 2000, None, now, riga())
            .unwrap();
        answers += 1;
        assert!(done.unsaved.is_none());
        let s = &done.state;
        assert!(s.due >= now, "step {step}: due {} before now {now}", s.due);
        let max = Duration::days(i64::from(settings.maximum_interval_days) + 1);
        assert!(
            s.due - now <= max,
            "step {step}: absurd interval to {}",
            s.due
        );
        assert!(s.interval_days <= settings.maximum_interval_days);
        assert_eq!(s.last_review, Some(now));
        if step % 7 == 3 {
            assert!(session.undo(&mut store, now).unwrap().is_some());
            answers -= 1;
        }
    }
    let summary = session.summary(&store, now, riga());
    assert!(summary.studied > 0);
    let expected = store.states().clone();
    let last = store.last_seq();
    assert!(store.counts_since(t0() - Duration::days(800)).is_ok());
    store.close(now).unwrap();

    // The journal is in sequence order although the times in it jump around.
    assert_eq!(journal_seqs(dir.path()), (1..=last).collect::<Vec<_>>());
    let (store, report) = Store::open(dir.path(), &opts, t0() - Duration::days(400)).unwrap();
    assert!(report.is_empty(), "{report}");
    assert_eq!(store.states(), &expected);
    let history = store.history().unwrap();
    assert_eq!(history.len(), answers);
    assert!(history.windows(2).all(|w| w[0].at <= w[1].at));
}
