//! All time the engine sees comes from a `Clock`, so timers are testable
//! without sleeping.

use chrono::{DateTime, Utc};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock tests move by hand. Clones share the same time.
#[derive(Debug, Clone)]
pub struct FakeClock {
    millis: Arc<AtomicI64>,
}

impl FakeClock {
    pub fn at(t: DateTime<Utc>) -> Self {
        FakeClock {
            millis: Arc::new(AtomicI64::new(t.timestamp_millis())),
        }
    }

    pub fn advance_secs(&self, secs: i64) {
        self.millis.fetch_add(secs * 1000, Ordering::SeqCst);
    }

    pub fn advance_millis(&self, ms: i64) {
        self.millis.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for FakeClock {
    fn now(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_millis(self.millis.load(Ordering::SeqCst)).unwrap_or_default()
    }
}
