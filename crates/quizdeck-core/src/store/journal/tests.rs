//! Tests of the journal: codec, reading and writing.

use super::super::ChangeReason;
use crate::ids::ItemKey;
use crate::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry};
use chrono::{DateTime, Utc};

use super::*;

pub(crate) fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + s, 123_456_789).unwrap()
}

pub(crate) fn state(reps: u32) -> ItemState {
    ItemState {
        phase: Phase::Review,
        step: 0,
        memory: Some(Memory {
            stability_days: 3.25,
            difficulty: 5.5,
        }),
        due: t(86_400),
        last_review: Some(t(0)),
        interval_days: 1,
        reps,
        lapses: 0,
        leech: false,
        suspended: true,
    }
}

#[test]
fn crc_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
    // Agrees with the bit-at-a-time definition (reflected, poly 0xEDB88320).
    let data: Vec<u8> = (0..1000u32).map(|i| (i * 31 % 251) as u8).collect();
    let mut bitwise = !0u32;
    for &b in &data {
        bitwise ^= u32::from(b);
        for _ in 0..8 {
            bitwise = if bitwise & 1 != 0 {
                0xEDB8_8320 ^ (bitwise >> 1)
            } else {
                bitwise >> 1
            };
        }
    }
    assert_eq!(crc32(&data), !bitwise);
}

#[test]
fn events_round_trip() {
    let key = ItemKey::new("ww2", "pact-1939", 1);
    let evs = vec![
        Event::Answer {
            entry: ReviewEntry {
                key: key.clone(),
                rating: Rating::Hard,
                at: t(5),
                duration_ms: 4200,
                phase: Default::default(),
            },
            before: Before::Given(None),
            after: state(1),
        },
        Event::Undo {
            target: 7,
            key: key.clone(),
            restored: Some(state(3)),
            at: t(6),
        },
        Event::Set {
            key: key.clone(),
            state: None,
            reason: ChangeReason::Reset,
            at: t(7),
        },
        Event::HistoryOnly(ReviewEntry {
            key,
            rating: Rating::Easy,
            at: t(-5),
            duration_ms: 0,
            phase: Phase::Review,
        }),
    ];
    for (i, ev) in evs.into_iter().enumerate() {
        for json in [false, true] {
            let mut buf = Vec::new();
            if json {
                encode_json_line(&mut buf, i as u64 + 1, &ev);
            } else {
                encode_line(&mut buf, i as u64 + 1, &ev);
            }
            assert_eq!(buf.last(), Some(&b'\n'));
            assert_eq!(buf[9] == b'[', json);
            let (seq, back) = decode_line(&buf[..buf.len() - 1]).unwrap();
            assert_eq!(seq, i as u64 + 1);
            assert_eq!(back, ev);
        }
    }
}

#[test]
fn fast_parser_agrees_with_serde() {
    let key = ItemKey::new("ww2", "pact-1939", 1);
    let weird = ItemKey::new("d\"q\\", "ü\n\u{1}", u32::MAX);
    let far = DateTime::<Utc>::MIN_UTC;
    let mut s = state(4);
    s.due = far;
    s.memory = None;
    let evs = [
        Event::Answer {
            entry: ReviewEntry {
                key: key.clone(),
                rating: Rating::Again,
                at: t(-2_000_000_000),
                duration_ms: u32::MAX,
                phase: s.phase,
            },
            before: Before::Given(Some(s.clone())),
            after: state(0),
        },
        Event::Undo {
            target: u64::MAX,
            key: weird.clone(),
            restored: None,
            at: DateTime::<Utc>::MAX_UTC,
        },
        Event::Set {
            key: weird,
            state: Some(s),
            reason: ChangeReason::Import,
            at: far,
        },
        Event::HistoryOnly(ReviewEntry {
            key,
            rating: Rating::Easy,
            at: t(0),
            duration_ms: 0,
            phase: Default::default(),
        }),
    ];
    for ev in evs {
        let mut buf = Vec::new();
        encode_json_line(&mut buf, 99, &ev);
        let body = &buf[9..buf.len() - 1];
        let slow: (u64, WireEvent<WireKey>) = serde_json::from_slice(body).unwrap();
        let slow = (slow.0, Event::from_wire(slow.1).unwrap());
        if let Some(f) = fast::decode(body) {
            assert_eq!((f.0, Event::from_wire(f.1).unwrap()), slow);
        }
        assert_eq!(decode_line(&buf[..buf.len() - 1]).unwrap(), slow);
    }
    // The common case takes the fast path.
    let mut buf = Vec::new();
    encode_json_line(
        &mut buf,
        1,
        &Event::Set {
            key: ItemKey::new("a", "b", 0),
            state: Some(state(1)),
            reason: ChangeReason::Edit,
            at: t(0),
        },
    );
    assert!(fast::decode(&buf[9..buf.len() - 1]).is_some());
    // Leading zeros and trailing bytes are refused by both.
    assert!(fast::decode(b"[01,{\"H\":[[\"a\",\"b\",0],1,0,0]}]").is_none());
    assert!(fast::decode(b"[1,{\"H\":[[\"a\",\"b\",0],1,0,0]}] ").is_none());
}

#[test]
fn damaged_lines_are_rejected() {
    let mut buf = Vec::new();
    encode_line(
        &mut buf,
        1,
        &Event::Set {
            key: ItemKey::new("d", "c", 0),
            state: Some(state(2)),
            reason: ChangeReason::Edit,
            at: t(0),
        },
    );
    let line = &buf[..buf.len() - 1];
    for cut in 0..line.len() {
        assert!(decode_line(&line[..cut]).is_err(), "cut at {cut}");
    }
    for i in 0..line.len() {
        let mut bad = line.to_vec();
        bad[i] ^= 0x04;
        assert!(decode_line(&bad).is_err(), "flip at {i}");
    }
    assert!(decode_line(b"\xff\xfe garbage").is_err());
    // A checksum-valid line with an unknown phase is content damage.
    let body = br#"[1,{"S":[["d","c",0],[9,0,null,0,null,0,0,0,0],1,0]}]"#;
    let mut l = format!("{:08x} ", crc32(body)).into_bytes();
    l.extend_from_slice(body);
    assert_eq!(decode_line(&l).unwrap_err(), LineError::Content);
}

#[test]
fn remembered_dates_match_chrono() {
    let mut secs = vec![
        0,
        -1,
        59,
        86_399,
        86_400,
        -86_400,
        -86_401,
        1_700_000_000,
        i64::MIN,
        i64::MAX,
        DateTime::<Utc>::MAX_UTC.timestamp(),
        DateTime::<Utc>::MAX_UTC.timestamp() + 1,
        DateTime::<Utc>::MIN_UTC.timestamp(),
        DateTime::<Utc>::MIN_UTC.timestamp() - 1,
    ];
    secs.extend((0..2000).map(|i: i64| i * 7_919_993 - 3_000_000_000));
    for &s in secs.iter().chain(secs.iter().rev()) {
        for nanos in [
            0,
            1,
            999_999_999,
            1_000_000_000,
            1_999_999_999,
            2_000_000_000,
        ] {
            assert_eq!(
                datetime(s, nanos),
                DateTime::from_timestamp(s, nanos),
                "{s} {nanos}"
            );
        }
    }
}

#[test]
fn extreme_timestamps_round_trip() {
    for t in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, t(0)] {
        assert_eq!(from_ts(ts(&t)), Some(t));
    }
    assert_eq!(from_ts(i128::MAX), None);
}

#[test]
fn line_reader_handles_long_and_unterminated_lines() {
    let mut data = b"a\n".to_vec();
    data.extend(std::iter::repeat_n(b'x', MAX_LINE + 5));
    data.extend_from_slice(b"\nb\nc");
    let mut seen = Vec::new();
    for_each_line(&data[..], |l| {
        seen.push(match l {
            RawLine::Line { bytes } => String::from_utf8_lossy(bytes).into_owned(),
            RawLine::TooLong => "long".into(),
        });
        Ok(())
    })
    .unwrap();
    assert_eq!(seen, ["a", "long", "b", "c"]);
}

#[test]
fn failed_append_is_cut_back() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("journal.log");
    let mut w = JournalWriter::open(&p).unwrap();
    let header = header_line().len();
    let data = || std::fs::read(&p).unwrap()[header..].to_vec();
    w.append(b"first\n").unwrap();
    super::super::fault::fail_next_writes(d.path(), 1);
    let err = w.append(b"second\n").unwrap_err();
    assert!(err.to_string().contains("append to the journal"), "{err}");
    assert_eq!(data(), b"first\n");
    super::super::fault::fail_next_syncs(d.path(), 1);
    assert!(w.append(b"third\n").is_err());
    assert_eq!(data(), b"first\n");
    w.append(b"fourth\n").unwrap();
    assert_eq!(data(), b"first\nfourth\n");
    assert_eq!(w.len() as usize, header + 13);
    super::super::fault::clear(d.path());
}

#[test]
fn append_after_unterminated_record_starts_a_new_line() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("journal.log");
    std::fs::write(&p, b"QUIZDECK-JOURNAL 1\nabc").unwrap();
    let mut w = JournalWriter::open(&p).unwrap();
    w.append(b"def\n").unwrap();
    // The format 1 header was raised to 2 before appending.
    assert_eq!(
        std::fs::read(&p).unwrap(),
        b"QUIZDECK-JOURNAL 2\nabc\ndef\n"
    );
}

#[test]
fn scan_classifies_damage() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("journal.log");
    let mut buf = header_line().into_bytes();
    for seq in 1..=3 {
        encode_line(
            &mut buf,
            seq,
            &Event::Set {
                key: ItemKey::new("d", "c", seq as u32),
                state: Some(state(1)),
                reason: ChangeReason::Edit,
                at: t(0),
            },
        );
    }
    let mut data = buf.clone();
    // Garble line 3 (seq 2) in the middle, and add a torn tail.
    let second_start = buf
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1)
        .unwrap()
        .0
        + 1;
    data[second_start + 12] ^= 1;
    data.extend_from_slice(b"0badc0de [4,");
    std::fs::write(&p, &data).unwrap();
    let mut seqs = Vec::new();
    let rep = scan(&p, |s, _| seqs.push(s)).unwrap();
    assert_eq!(seqs, [1, 3]);
    assert_eq!(rep.middle, [3]);
    assert_eq!(rep.tail, [5]);
    assert_eq!(rep.tail_bytes, 12);
    let clean = d.path().join("clean");
    assert_eq!(write_clean_copy(&p, &clean).unwrap(), 2);
    let rep2 = scan(&clean, |_, _| {}).unwrap();
    assert!(!rep2.damaged());
    assert_eq!(rep2.good, 2);
}

#[test]
fn large_journal_two_thread_scan_matches_line_numbers() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("journal.log");
    let mut buf = header_line().into_bytes();
    let mut starts = Vec::new();
    let mut seq = 0u64;
    while (buf.len() as u64) < PARALLEL_MIN + 1000 {
        seq += 1;
        starts.push(buf.len());
        encode_line(
            &mut buf,
            seq,
            &Event::Set {
                key: ItemKey::new("deck", format!("card-{seq}"), 0),
                state: Some(state(1)),
                reason: ChangeReason::Edit,
                at: t(0),
            },
        );
    }
    // Garble one record in each half, then add a torn tail.
    let a = starts[10];
    let b = starts[starts.len() - 10];
    buf[a + 15] ^= 1;
    buf[b + 15] ^= 1;
    buf.extend_from_slice(b"12345678 [99");
    std::fs::write(&p, &buf).unwrap();
    let mut seen = 0u64;
    let mut last = 0;
    let rep = scan(&p, |s, _| {
        assert!(s > last);
        last = s;
        seen += 1;
    })
    .unwrap();
    // Line numbers: header is line 1, record i (0-based) is line i + 2.
    assert_eq!(rep.middle, [12, starts.len() as u64 - 8]);
    assert_eq!(rep.tail, [starts.len() as u64 + 2]);
    assert_eq!(seen, seq - 2);
    assert_eq!(rep.good as u64, seq - 2);
}

#[test]
fn a_newer_header_is_reported_and_its_lines_read() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("journal.log");
    let mut text = format!("{HEADER_PREFIX}99\nwhatever\n").into_bytes();
    let ev = Event::Set {
        key: ItemKey::new("d", "c", 0),
        state: Some(state(2)),
        reason: ChangeReason::Edit,
        at: t(0),
    };
    encode_line(&mut text, 1, &ev);
    std::fs::write(&p, &text).unwrap();
    let mut seen = Vec::new();
    let rep = scan(&p, |seq, _| seen.push(seq)).unwrap();
    assert_eq!(rep.newer_header, Some(99));
    assert!(rep.damaged());
    assert_eq!(rep.middle, [2]);
    assert_eq!(seen, [1]);
    // The clean copy carries this version's header and the good line.
    let clean = d.path().join("clean.log");
    assert_eq!(write_clean_copy(&p, &clean).unwrap(), 1);
    let rep = scan(&clean, |_, _| {}).unwrap();
    assert!(!rep.damaged());
    assert_eq!(rep.good, 1);
}

pub(crate) fn answer(
    key: &ItemKey,
    at: DateTime<Utc>,
    before: Option<ItemState>,
    after: ItemState,
) -> Event {
    Event::Answer {
        entry: ReviewEntry {
            key: key.clone(),
            rating: Rating::Good,
            at,
            duration_ms: 1234,
            phase: before.as_ref().map_or(Phase::New, |b| b.phase),
        },
        before: Before::Given(before),
        after,
    }
}

pub(crate) fn body_of(line: &[u8]) -> &str {
    std::str::from_utf8(&line[9..line.len() - 1]).unwrap()
}

#[test]
fn batches_leave_out_only_recoverable_befores() {
    let a = ItemKey::new("d", "a", 0);
    let b = ItemKey::new("d", "b", 0);
    let c = ItemKey::new("d", "c", 0);
    let mut nan = state(3);
    nan.memory = Some(Memory {
        stability_days: f32::NAN,
        difficulty: 1.0,
    });
    let mut negzero = state(4);
    negzero.memory = Some(Memory {
        stability_days: -0.0,
        difficulty: 1.0,
    });
    let mut zero = negzero.clone();
    zero.memory = Some(Memory {
        stability_days: 0.0,
        difficulty: 1.0,
    });
    let mut states = std::collections::HashMap::new();
    states.insert(a.clone(), state(1));
    states.insert(b.clone(), nan.clone());
    states.insert(c.clone(), zero.clone());
    let events = [
        answer(&a, t(1), Some(state(1)), state(2)), // current: left out
        answer(&a, t(2), Some(state(2)), state(3)), // a changed in this batch
        answer(&b, t(3), Some(nan.clone()), state(2)), // same bits (NaN): left out
        answer(&c, t(4), Some(negzero), state(2)),  // -0.0 is not 0.0
        answer(&c, t(5), Some(state(9)), state(2)),
    ];
    let mut buf = Vec::new();
    encode_batch(&mut buf, 10, &events, |k| states.get(k));
    let elided: Vec<bool> = buf
        .split(|&x| x == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| body_of(&[l, b"\n"].concat()).contains(" ="))
        .collect();
    assert_eq!(elided, [true, false, true, false, false]);
    // A single event is checked against the current state alone.
    buf.clear();
    encode_batch(&mut buf, 10, &events[1..2], |k| states.get(k));
    assert!(!body_of(&buf).contains(" ="));
}

/// Lines exactly as format 1 wrote them.
const FORMAT_1: &str = "QUIZDECK-JOURNAL 1\n\
    7d91376c [1,{\"A\":[[\"ww2\",\"pact-1939\",1],3,1700000005123456789,4200,null,[1,0,[1078984704,1085276160],1700000605123456789,1700000005123456789,0,1,0,0]]}]\n\
    9cdea4d2 [2,{\"A\":[[\"ww2\",\"pact-1939\",1],4,1700000000000000000,1500,[1,0,[1078984704,1085276160],1700000605123456789,1700000005123456789,0,1,0,0],[2,0,[1095237632,1083703296],1701036800000000000,1700000000000000000,12,2,0,2]]}]\n\
    33ee4798 [3,{\"S\":[[\"ww2\",\"yalta\",0],[2,0,[1095237632,1083703296],1701036800000000000,1700000000000000000,12,2,0,2],4,1700000001000000000]}]\n\
    4fa3f126 [4,{\"H\":[[\"ww2\",\"yalta\",0],1,1600000000000000000,0]}]\n";

#[test]
fn format_1_journals_still_read_and_are_upgraded_before_appending() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("journal.log");
    std::fs::write(&p, FORMAT_1).unwrap();
    let mut evs = Vec::new();
    let rep = scan(&p, |s, e| evs.push((s, e))).unwrap();
    assert!(!rep.damaged());
    assert_eq!(rep.good, 4);
    let Event::Answer {
        entry,
        before: Before::Given(Some(before)),
        after,
    } = &evs[1].1
    else {
        panic!("{:?}", evs[1])
    };
    assert_eq!(entry.phase, Phase::Learning);
    assert_eq!(before.memory.unwrap().stability_days, 3.25);
    assert_eq!(after.interval_days, 12);
    assert!(after.suspended);
    assert!(matches!(evs[3].1, Event::HistoryOnly(_)));

    // A clean copy keeps format 1.
    let copy = d.path().join("copy");
    assert_eq!(write_clean_copy(&p, &copy).unwrap(), 4);
    assert_eq!(std::fs::read_to_string(&copy).unwrap(), FORMAT_1);

    // Appending raises the header first; both shapes then read back.
    let mut w = JournalWriter::open(&p).unwrap();
    let mut buf = Vec::new();
    encode_line(&mut buf, 5, &evs[0].1);
    w.append(&buf).unwrap();
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.starts_with("QUIZDECK-JOURNAL 2\n"));
    assert_eq!(
        &text[19..],
        &format!("{}{}", &FORMAT_1[19..], String::from_utf8(buf).unwrap())
    );
    let mut n = 0;
    assert!(!scan(&p, |_, _| n += 1).unwrap().damaged());
    assert_eq!(n, 5);
    // A format 2 header is left as it is.
    drop(w);
    JournalWriter::open(&p).unwrap();
    assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
}

#[test]
fn format_1_journal_opens_in_a_store_with_undo() {
    use crate::store::{OpenOptions, Store};
    let d = tempfile::tempdir().unwrap();
    let paths = crate::store::ProgressPaths::new(d.path());
    std::fs::create_dir_all(&paths.dir).unwrap();
    std::fs::write(&paths.journal, FORMAT_1).unwrap();
    let (mut s, rep) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
    assert!(rep.is_empty(), "{rep}");
    let pact = ItemKey::new("ww2", "pact-1939", 1);
    assert_eq!(s.state(&pact).unwrap().reps, 2);
    let u = s.undo_last(t(10)).unwrap().unwrap();
    assert_eq!(u.restored.as_ref().unwrap().reps, 1);
    drop(s);
    let (mut s, _) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
    assert_eq!(s.state(&pact).unwrap().reps, 1);
    assert_eq!(s.undo_last(t(11)).unwrap().unwrap().restored, None);
    assert!(s.state(&pact).is_none());
    assert_eq!(s.history().unwrap().len(), 1);
}

#[test]
fn left_out_befores_are_recovered_by_replay_for_undo() {
    use crate::store::{OpenOptions, Store};
    let d = tempfile::tempdir().unwrap();
    let k = ItemKey::new("d", "c", 0);
    let (mut s, _) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
    let mut prev = None;
    for reps in 1..=4 {
        let mut after = state(reps);
        after.due = t(reps as i64) + chrono::Duration::nanoseconds(reps as i64);
        s.record_answer(
            ReviewEntry {
                key: k.clone(),
                rating: Rating::Good,
                at: t(reps as i64),
                duration_ms: 1,
                phase: Phase::New,
            },
            prev.clone(),
            after.clone(),
        )
        .unwrap();
        prev = Some(after);
    }
    // Every `before` after the first was the current state, so it was left out.
    let text = std::fs::read_to_string(&s.paths().journal).unwrap();
    assert_eq!(text.matches(" =").count(), 3, "{text}");
    drop(s);
    let (mut s, rep) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
    assert!(rep.is_empty());
    for reps in (0..4).rev() {
        let u = s.undo_last(t(9)).unwrap().unwrap();
        assert_eq!(
            u.restored.as_ref().map(|s| s.reps),
            (reps > 0).then_some(reps)
        );
        if reps > 0 {
            assert_eq!(
                u.restored.unwrap().due,
                t(reps as i64) + chrono::Duration::nanoseconds(reps as i64)
            );
        }
    }
    assert!(s.state(&k).is_none());
    assert_eq!(s.counts_since(t(0)).unwrap().answers, 0);
}

#[test]
fn two_thread_scan_across_pieces_with_long_and_mixed_lines() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("journal.log");
    let mut buf = header_line().into_bytes();
    let mut want = Vec::new();
    let mut line_no = 1u64;
    let mut long_lines = Vec::new();
    let mut seq = 0u64;
    while buf.len() < 3 * CHUNK + PARALLEL_MIN as usize {
        seq += 1;
        line_no += 1;
        let ev = Event::Set {
            key: ItemKey::new("deck", format!("card-{seq}"), 0),
            state: Some(state(seq as u32)),
            reason: ChangeReason::Edit,
            at: t(seq as i64),
        };
        if seq.is_multiple_of(3) {
            encode_json_line(&mut buf, seq, &ev);
        } else {
            encode_line(&mut buf, seq, &ev);
        }
        want.push(seq);
        if seq.is_multiple_of(9000) {
            // A line too long to keep, straddling piece boundaries.
            buf.extend(std::iter::repeat_n(b'z', MAX_LINE + 10 + seq as usize % 7));
            buf.push(b'\n');
            line_no += 1;
            long_lines.push(line_no);
        }
    }
    // An unterminated but complete last record.
    seq += 1;
    encode_line(
        &mut buf,
        seq,
        &Event::HistoryOnly(ReviewEntry {
            key: ItemKey::new("d", "last", 0),
            rating: Rating::Hard,
            at: t(0),
            duration_ms: 0,
            phase: Phase::Review,
        }),
    );
    buf.pop();
    want.push(seq);
    std::fs::write(&p, &buf).unwrap();
    assert!(!long_lines.is_empty());
    let mut seen = Vec::new();
    let rep = scan(&p, |s, _| seen.push(s)).unwrap();
    assert_eq!(seen, want);
    assert_eq!(rep.middle, long_lines);
    assert!(rep.tail.is_empty());
    // Streaming through one thread gives the same.
    let mut sc = Scanner::default();
    let mut one = Vec::new();
    scan_reader(&buf[..], false, &|_, _, _| None, &mut sc, &mut |s, _, _| {
        one.push(s)
    })
    .unwrap();
    assert_eq!(one, want);
    assert_eq!(sc.finish(), rep);
    // A long line at the very end is one damaged tail line.
    buf.push(b'\n');
    buf.extend(std::iter::repeat_n(b'y', 3 * MAX_LINE));
    std::fs::write(&p, &buf).unwrap();
    let rep = scan(&p, |_, _| {}).unwrap();
    assert_eq!(rep.tail, [line_no + 2]);
    assert_eq!(rep.tail_bytes, MAX_LINE as u64);
}
