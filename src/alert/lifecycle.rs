//! The life of an alert: new, stronger, unchanged, gone.
//!
//! An alert is identified by its area and rule (the caller keeps one list of [`AlertState`] per
//! subscriber, area and source). Each bulletin for that area moves the states on:
//!
//! | before          | this bulletin            | change        | message            |
//! |-----------------|--------------------------|---------------|--------------------|
//! | none / inactive | fires                    | [`Change::New`]        | yes      |
//! | active          | fires stronger           | [`Change::Escalation`] | yes      |
//! | active          | fires, not stronger      | none, or [`Change::Reminder`] once the reminder interval has passed |
//! | active          | does not fire            | [`Change::AllClear`]   | if wanted |
//! | any             | the same bulletin again  | none          | no                 |
//!
//! "Stronger" is a higher severity or a higher magnitude (the worst value past the threshold).
//! The transition is a pure function of the stored states, so processing a bulletin twice, or
//! after a restart, gives no second message: idempotence lives here, not in the bot.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::engine::Alert;
use super::ruleset::Severity;

/// The identity of a bulletin for [`step`]: a SHA-256 digest of its text, stable across
/// restarts and versions, so that the same text processed again is recognised.
pub fn bulletin_id(text: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn told_default() -> bool {
    true
}

/// What is remembered of one alert between bulletins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlertState {
    pub rule: String,
    pub severity: Severity,
    /// What the subscriber was last told: the strongest evidence, and per test of the rule.
    pub magnitude: f64,
    #[serde(default)]
    pub magnitudes: Vec<(String, f64)>,
    /// Whether the alert is in force (false after its all-clear).
    pub active: bool,
    /// Whether the subscriber has been told of it: false while a higher tier covered it, so
    /// that it is told once the cover goes ("gió rất mạnh" over, "gió mạnh" still in force).
    #[serde(default = "told_default")]
    pub told: bool,
    /// The bulletin that last moved this state (a digest of its text, or its source id).
    pub bulletin: String,
    /// When the subscriber was last told about it.
    pub notified_at: DateTime<Utc>,
}

/// What a bulletin changed about one alert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    New,
    Escalation,
    Reminder,
    AllClear,
}

/// A subscriber's preferences for repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Policy {
    /// Repeat an unchanged alert after this long; never when `None`.
    pub reminder: Option<Duration>,
    /// Send an all-clear when an alert is gone.
    pub all_clear: bool,
}

/// The outcome of one bulletin for one area.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The changes to tell the subscriber about, most severe first: `(change, rule id)`.
    pub changes: Vec<(Change, String)>,
    /// The states to store in place of the previous ones (to be saved only once the
    /// subscriber has been told: a lost message is then sent again on the next run).
    pub states: Vec<AlertState>,
}

/// Moves the states of one area on by one bulletin.
pub fn step(
    prev: &[AlertState],
    alerts: &[Alert],
    bulletin: &str,
    now: DateTime<Utc>,
    policy: Policy,
) -> Step {
    let mut changes = Vec::new();
    let mut states = Vec::new();
    for a in alerts {
        let old = prev.iter().find(|s| s.rule == a.rule);
        let mut state = AlertState {
            rule: a.rule.clone(),
            severity: a.severity,
            magnitude: a.magnitude,
            magnitudes: a.magnitudes.clone(),
            active: true,
            told: a.superseded_by.is_none(),
            bulletin: bulletin.to_owned(),
            notified_at: now,
        };
        // Stronger than what they were told: a higher severity, or a test of the rule further
        // past its threshold. A test that fires now and did not then is not "stronger" (the
        // heat rule fired on "38 °C", now on the words "nắng nóng gay gắt").
        let stronger = |s: &AlertState| {
            a.severity > s.severity
                || a.magnitudes.iter().any(|(t, m)| s.magnitudes.iter().any(|(u, n)| u == t && *m > n + 1e-9))
        };
        let change = match old {
            None => Some(Change::New),
            Some(s) if !s.active => Some(Change::New),
            // In force but never told (a higher tier covered it), now on its own.
            Some(s) if !s.told && a.superseded_by.is_none() && s.bulletin != bulletin => Some(Change::New),
            // The same bulletin again (a retry, a restart): nothing new to say.
            Some(s) if s.bulletin == bulletin => {
                state = s.clone();
                None
            }
            Some(s) if stronger(s) => Some(Change::Escalation),
            Some(s) => {
                let due = policy.reminder.is_some_and(|r| now - s.notified_at >= r);
                if !due {
                    // Nothing told: keep what and when they were told, so that a wind going
                    // 7, 6, 7 is not "stronger" twice.
                    state.notified_at = s.notified_at;
                    state.magnitude = s.magnitude;
                    state.magnitudes.clone_from(&s.magnitudes);
                    state.severity = s.severity.max(a.severity);
                }
                due.then_some(Change::Reminder)
            }
        };
        // A superseded alert is in force, told through the rule that covers it.
        if let Some(c) = change.filter(|_| a.superseded_by.is_none()) {
            changes.push((c, a.severity, a.rule.clone()));
        }
        states.push(state);
    }
    for s in prev {
        if alerts.iter().any(|a| a.rule == s.rule) {
            continue;
        }
        if !s.active || s.bulletin == bulletin {
            states.push(s.clone());
            continue;
        }
        // An all-clear only for what they were told of.
        if policy.all_clear && s.told {
            changes.push((Change::AllClear, s.severity, s.rule.clone()));
        }
        states.push(AlertState {
            active: false,
            bulletin: bulletin.to_owned(),
            notified_at: now,
            ..s.clone()
        });
    }
    // Most severe first; all-clears after the alerts in force.
    changes.sort_by_key(|(c, sev, _)| (*c == Change::AllClear, std::cmp::Reverse(*sev)));
    Step { changes: changes.into_iter().map(|(c, _, r)| (c, r)).collect(), states }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::alert::Title;

    fn alert(rule: &str, severity: Severity, magnitude: f64) -> Alert {
        let magnitudes = vec![("x >= 1".to_owned(), magnitude)];
        Alert {
            rule: rule.into(),
            severity,
            title: Title { vi: rule.into(), en: rule.into() },
            criterion: None,
            condition: String::new(),
            evidence: Vec::new(),
            quotes: Vec::new(),
            magnitude,
            magnitudes,
            superseded_by: None,
        }
    }

    fn t(h: i64) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::hours(h)
    }

    #[test]
    fn new_escalation_repeat_reminder_all_clear() {
        let p = Policy { reminder: Some(Duration::hours(12)), all_clear: true };
        let wind6 = [alert("wind", Severity::Warning, 6.0)];
        let s1 = step(&[], &wind6, "b1", t(0), p);
        assert_eq!(s1.changes, vec![(Change::New, "wind".to_owned())]);
        // The same bulletin again: nothing.
        let again = step(&s1.states, &wind6, "b1", t(1), p);
        assert!(again.changes.is_empty());
        assert_eq!(again.states, s1.states);
        // Unchanged in the next bulletin: no repeat before the reminder is due.
        let s2 = step(&s1.states, &wind6, "b2", t(6), p);
        assert!(s2.changes.is_empty());
        let s3 = step(&s2.states, &wind6, "b3", t(12), p);
        assert_eq!(s3.changes, vec![(Change::Reminder, "wind".to_owned())]);
        // Stronger: escalation.
        let wind8 = [alert("wind", Severity::Warning, 8.0)];
        let s4 = step(&s3.states, &wind8, "b4", t(13), p);
        assert_eq!(s4.changes, vec![(Change::Escalation, "wind".to_owned())]);
        // Gone: all clear, once.
        let s5 = step(&s4.states, &[], "b5", t(14), p);
        assert_eq!(s5.changes, vec![(Change::AllClear, "wind".to_owned())]);
        let s6 = step(&s5.states, &[], "b6", t(15), p);
        assert!(s6.changes.is_empty());
        // Back again: new.
        let s7 = step(&s6.states, &wind6, "b7", t(16), p);
        assert_eq!(s7.changes, vec![(Change::New, "wind".to_owned())]);
    }

    #[test]
    fn bulletin_ids_are_stable_digests() {
        assert_eq!(bulletin_id("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assert_ne!(bulletin_id("Gió cấp 6"), bulletin_id("Gió cấp 7"));
    }

    #[test]
    fn stronger_means_stronger_than_what_was_told() {
        let p = Policy::default();
        let s1 = step(&[], &[alert("w", Severity::Warning, 8.0)], "b1", t(0), p);
        let s2 = step(&s1.states, &[alert("w", Severity::Warning, 6.0)], "b2", t(1), p);
        assert!(s2.changes.is_empty());
        // Back to what they were told: nothing new.
        let s3 = step(&s2.states, &[alert("w", Severity::Warning, 8.0)], "b3", t(2), p);
        assert!(s3.changes.is_empty());
        // Past it: stronger.
        let s4 = step(&s3.states, &[alert("w", Severity::Warning, 9.0)], "b4", t(3), p);
        assert_eq!(s4.changes, vec![(Change::Escalation, "w".to_owned())]);
        // A flapping wind (7, 6, 7, 6) is told once.
        let mut st = step(&[], &[alert("f", Severity::Warning, 7.0)], "c0", t(0), p).states;
        for (n, m) in [6.0, 7.0, 6.0, 7.0].into_iter().enumerate() {
            let s = step(&st, &[alert("f", Severity::Warning, m)], &format!("c{}", n + 1), t(1), p);
            assert!(s.changes.is_empty(), "{m}: {:?}", s.changes);
            st = s.states;
        }
    }

    #[test]
    fn a_new_test_is_not_an_escalation_and_superseded_alerts_are_silent() {
        let p = Policy { reminder: None, all_clear: true };
        let mut hot = alert("heat", Severity::Info, 0.1);
        hot.magnitudes = vec![("temperature.high >= 35".to_owned(), 0.1)];
        let s1 = step(&[], &[hot.clone()], "b1", t(0), p);
        let mut words = alert("heat", Severity::Info, 1.0);
        words.magnitudes = vec![("heat.severity >= hot".to_owned(), 1.0)];
        let s2 = step(&s1.states, &[words], "b2", t(1), p);
        assert!(s2.changes.is_empty(), "{:?}", s2.changes);
        // heat_extreme fires and covers heat: only heat_extreme is told; heat stays in force.
        let mut covered = hot.clone();
        covered.superseded_by = Some("heat_extreme".into());
        let extreme = alert("heat_extreme", Severity::Danger, 0.1);
        let s3 = step(&s2.states, &[extreme, covered], "b3", t(2), p);
        assert_eq!(s3.changes, vec![(Change::New, "heat_extreme".to_owned())]);
        assert!(s3.states.iter().all(|s| s.active));
    }

    #[test]
    fn a_covered_tier_is_told_when_its_cover_goes() {
        let p = Policy { reminder: None, all_clear: true };
        let strong_fresh = alert("wind_strong", Severity::Warning, 0.5);
        let mut strong = strong_fresh.clone();
        strong.superseded_by = Some("wind_very_strong".into());
        let very = alert("wind_very_strong", Severity::Danger, 0.2);
        let s1 = step(&[], &[very, strong], "b1", t(0), p);
        assert_eq!(s1.changes, vec![(Change::New, "wind_very_strong".to_owned())]);
        // The wind drops to level 8: the strong-wind warning is told, the very strong one ends.
        let s2 = step(&s1.states, std::slice::from_ref(&strong_fresh), "b2", t(1), p);
        assert_eq!(
            s2.changes,
            vec![(Change::New, "wind_strong".to_owned()), (Change::AllClear, "wind_very_strong".to_owned())]
        );
        // A covered tier that ends unseen gets no all-clear.
        let mut covered = strong_fresh;
        covered.superseded_by = Some("wind_very_strong".into());
        let s3 = step(&[], &[alert("wind_very_strong", Severity::Danger, 0.2), covered], "c1", t(0), p);
        let s4 = step(&s3.states, &[], "c2", t(1), p);
        assert_eq!(s4.changes, vec![(Change::AllClear, "wind_very_strong".to_owned())]);
    }

    #[test]
    fn no_all_clear_unless_wanted_and_most_severe_first() {
        let p = Policy::default();
        let s1 =
            step(&[], &[alert("a", Severity::Info, 1.0), alert("b", Severity::Danger, 1.0)], "b1", t(0), p);
        assert_eq!(s1.changes, vec![(Change::New, "b".to_owned()), (Change::New, "a".to_owned())]);
        let s2 = step(&s1.states, &[], "b2", t(1), p);
        assert!(s2.changes.is_empty());
        assert!(s2.states.iter().all(|s| !s.active));
    }
}
