//! Instants of a run written for people, in the reader's time zone (the
//! machine's; a fixed offset in tests), with the UTC offset wherever the
//! reader could otherwise take them for another zone's.

use chrono::{DateTime, TimeZone, Utc};
use std::fmt::Display;

/// `2026-11-23 03:12:09 -03:00`
pub fn datetime<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: Display,
{
    at.with_timezone(tz)
        .format("%Y-%m-%d %H:%M:%S %:z")
        .to_string()
}

/// `03:12:09 -03:00`, within a day already named.
pub fn time<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: Display,
{
    at.with_timezone(tz).format("%H:%M:%S %:z").to_string()
}

/// `2026-11-23 03:12 -03:00`
pub fn minute<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: Display,
{
    at.with_timezone(tz)
        .format("%Y-%m-%d %H:%M %:z")
        .to_string()
}

/// `2026-11-23 03:12`, in rows under a heading that gives the offset.
pub fn minute_no_offset<Tz: TimeZone>(at: DateTime<Utc>, tz: &Tz) -> String
where
    Tz::Offset: Display,
{
    at.with_timezone(tz).format("%Y-%m-%d %H:%M").to_string()
}
